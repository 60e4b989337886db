"""The meeting view's slides in a real browser: every slide fits 1366×768 and 1920×1080 without
scrolling or clipping, text is large at 1920×1080, ← and → move between slides, the link keeps the
filters and the slide. Screenshots of every slide at 1920×1080: artefacts/browser/slide-N-1920.png.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from scripts.screenshots import wait_for_app
from tests.browser.support import ARTEFACTS, open_tab, page_problems

pytestmark = pytest.mark.browser

SMALL, LARGE = {"width": 1366, "height": 768}, {"width": 1920, "height": 1080}
LINK = "?view=meeting&year=2023&khom=Vĩnh Phú&khom=Vĩnh Đông"
TOLERANCE = 2  # px
MIN_BODY_PX, MIN_CHART_PX = 24, 18  # at 1920×1080

FIT_JS = """(t) => {
    const doc = document.scrollingElement, found = [];
    if (doc.scrollHeight > innerHeight + t) found.push(`page scrollHeight ${doc.scrollHeight} > ${innerHeight}`);
    if (doc.scrollWidth > innerWidth + t) found.push(`page scrollWidth ${doc.scrollWidth} > ${innerWidth}`);
    for (const el of document.querySelectorAll('[data-testid="stMain"], .st-key-slide_body')) {
        const name = el.dataset.testid || 'slide body';  // these clip: nothing may hide below or beside them
        if (el.scrollHeight > el.clientHeight + t)
            found.push(`${name} ${el.scrollHeight} > ${el.clientHeight} tall`);
        if (el.scrollWidth > el.clientWidth + t) found.push(`${name} ${el.scrollWidth} > ${el.clientWidth} wide`);
    }
    const body = document.querySelector('.st-key-slide_body')?.getBoundingClientRect();
    if (body && body.bottom > innerHeight + t) found.push(`slide body ends at ${body.bottom} > ${innerHeight}`);
    return found;
}"""

# The slide's own text (heading, status line, notices, cards, tables, buttons) and every SVG text of the charts.
FONTS_JS = """() => {
    const main = document.querySelector('[data-testid="stMainBlockContainer"]');
    const texts = [...main.querySelectorAll('h1, p, td, th, li, [data-testid="stMetricValue"] div')]
        .filter(el => el.closest('[data-testid="stPlotlyChart"]') === null && el.innerText.trim()
                      && el.getClientRects().length);
    const svg = [...main.querySelectorAll('[data-testid="stPlotlyChart"] svg text')]
        .filter(el => el.textContent.trim() && el.getBoundingClientRect().width > 0);
    const px = el => parseFloat(getComputedStyle(el).fontSize);
    return {
        body: texts.map(el => [el.innerText.trim().slice(0, 40), px(el)]),
        chart: svg.map(el => [el.textContent.trim().slice(0, 30), px(el)]),
    };
}"""


def heading(page) -> str:
    return page.locator('[data-testid="stMain"] h1').first.inner_text()


def link(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def slide_count(page) -> int:
    counter = page.locator(".st-key-slide_nav p").filter(has_text="/").first.inner_text()  # "Trang 3/11"
    return int(counter.rsplit("/", 1)[1])


def wait_for_slide(page, before: str) -> str:
    page.wait_for_function("(before) => document.querySelector('[data-testid=\"stMain\"] h1')?.innerText !== before",
                           arg=before, timeout=15000)
    wait_for_app(page)
    return heading(page)


def wait_for_chart_text(page) -> None:
    """Plotly draws after the element appears: wait until every chart has its text."""
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .every(c => c.querySelectorAll('svg text').length > 0)""", timeout=15000)
    page.wait_for_timeout(300)


@pytest.fixture(scope="module")
def deck(app_url, browser_context, first_load):
    """One tab per size on the meeting link; the number of slides."""
    pages = {}

    def _open(size: dict):
        key = (size["width"], size["height"])
        if key not in pages:
            pages[key] = open_tab(browser_context, app_url, LINK, size)
        return pages[key]

    yield _open
    for page in pages.values():
        page.close()


def visit(app_url, browser_context, size: dict, slide: int):
    page = open_tab(browser_context, app_url, f"{LINK}&slide={slide}", size)
    wait_for_chart_text(page)
    return page


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["1366", "1920"])
def test_every_slide_fits_the_screen_and_shows_no_error(app_url, browser_context, deck, size):
    count = slide_count(deck(size))
    assert count >= 6  # one topic per slide at least: cards, progress, products, outreach, training, tasks
    failures = []
    for n in range(1, count + 1):
        page = visit(app_url, browser_context, size, n)
        try:
            name = f"slide {n} ({heading(page)!r}) at {size['width']}×{size['height']}"
            failures += [f"{name}: {p}" for p in page.evaluate(FIT_JS, TOLERANCE)]
            failures += [f"{name}: {p}" for p in page_problems(page)]
            shown = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
            failures += [f"{name}: {word!r} on the slide" for word in ("None", "nan", "NaT", "00:00:00")
                         if word in shown.split() or f" {word} " in shown]
            if size == LARGE:
                ARTEFACTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(ARTEFACTS / f"slide-{n}-1920.png"))
        finally:
            page.close()
    assert not failures, "\n".join(failures)


def test_text_is_large_at_1920(app_url, browser_context, deck):
    count = slide_count(deck(LARGE))
    small, measured = [], {"body": [], "chart": []}
    for n in range(1, count + 1):
        page = visit(app_url, browser_context, LARGE, n)
        try:
            fonts = page.evaluate(FONTS_JS)
        finally:
            page.close()
        for kind, least in (("body", MIN_BODY_PX), ("chart", MIN_CHART_PX)):
            measured[kind] += [px for _, px in fonts[kind]]
            small += [f"slide {n} {kind} {text!r}: {px:.1f} px < {least}"
                      for text, px in fonts[kind] if px < least - 0.01]
    assert measured["body"] and measured["chart"], measured
    assert not small, "\n".join(small[:20])


def test_arrow_keys_move_between_slides_and_the_link_keeps_filters(deck):
    page = deck(SMALL)
    first = heading(page)
    assert link(page)["slide"] == ["1"]
    page.locator('[data-testid="stMain"] h1').first.click()  # focus on the page, not in a widget
    page.keyboard.press("ArrowRight")
    second = wait_for_slide(page, first)
    assert link(page)["slide"] == ["2"]
    page.keyboard.press("ArrowRight")
    third = wait_for_slide(page, second)
    assert link(page)["slide"] == ["3"]
    page.keyboard.press("ArrowLeft")
    assert wait_for_slide(page, third) == second and link(page)["slide"] == ["2"]
    page.get_by_role("button", name="Sau").click()
    assert wait_for_slide(page, second) == third and link(page)["slide"] == ["3"]
    params = link(page)
    assert params["view"] == ["meeting"] and params["year"] == ["2023"]
    assert sorted(params["khom"]) == ["Vĩnh Phú", "Vĩnh Đông"]
    assert "Vĩnh Phú" in page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    assert page_problems(page) == []


def test_a_link_opens_its_slide(app_url, browser_context, deck):
    count = slide_count(deck(SMALL))
    page = visit(app_url, browser_context, SMALL, count)
    try:
        assert heading(page).startswith("Nhiệm vụ năm 2023")
        assert link(page)["slide"] == [str(count)] and link(page)["khom"]
    finally:
        page.close()


def test_slides_advance_on_their_own(app_url, browser_context, first_load):
    page = open_tab(browser_context, app_url, f"{LINK}&advance=5", SMALL)
    try:
        first = heading(page)
        assert wait_for_slide(page, first) != first
        assert link(page)["slide"] == ["2"] and link(page)["advance"] == ["5"]
        assert sorted(link(page)["khom"]) == ["Vĩnh Phú", "Vĩnh Đông"]
        assert page_problems(page) == []
    finally:
        page.close()
