"""Every page reads well on a phone, in Vietnamese and English: no sideways scrolling, no raw values
(None, nan, NaT, <NA>, a time of 00:00:00) in the text, and a browser tab title naming the page and the unit.

Screenshots of the table pages at desktop and phone size land in artefacts/browser/ (git-ignored).
"""
from __future__ import annotations

import re

import pytest

from analysis.i18n import strings
from tests.browser.support import ARTEFACTS, DESKTOP, PHONE, page_problems

pytestmark = pytest.mark.browser

UNIT = "Phường Vĩnh Hòa Đông"  # the demo ward's name (Thông tin)
PAGES = {  # url path -> catalogue key of its navigation label
    "": "nav.overview", "products": "nav.products", "outreach": "nav.outreach", "training": "nav.training",
    "entry": "nav.entry", "report": "nav.report", "data_quality": "nav.data",
}
SMALL_PHONE = {"width": 360, "height": 740}
PHONES = {"390x844": PHONE, "360x740": SMALL_PHONE}
LEAKS = re.compile(r"\bNone\b|\bnan\b|\bNaT\b|<NA>|00:00:00")
SCREENSHOTS = ("report", "products", "training", "data_quality")

WIDTH_JS = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"


def _url(path: str, lang: str) -> str:
    query = "year=2023" + ("&lang=en" if lang == "en" else "")
    return f"{path}?{query}"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", list(PHONES))
@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "overview")
def test_phone_pages_fit_and_read_well(open_page, path, size, lang):
    page = open_page(_url(path, lang), PHONES[size])
    assert page_problems(page) == []
    scroll_width, width = page.evaluate(WIDTH_JS)
    assert scroll_width <= width, f"{path or 'overview'} at {size} ({lang}) scrolls sideways: {scroll_width} > {width}"
    text = page.locator("body").inner_text()
    leaks = sorted({m.group(0) for m in LEAKS.finditer(text)})
    assert not leaks, f"{path or 'overview'} ({lang}) shows {leaks}"
    title = page.title()
    assert strings.t(PAGES[path], lang) in title and UNIT in title, title


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_desktop_pages_show_no_raw_values(open_page, lang):
    for path in PAGES:
        page = open_page(_url(path, lang), DESKTOP)
        text = page.locator("body").inner_text()
        assert not LEAKS.search(text), f"{path or 'overview'} ({lang})"
        assert strings.t(PAGES[path], lang) in page.title() and UNIT in page.title()
        page.close()


def test_phone_tables_show_cards_with_the_important_columns(open_page):
    page = open_page(_url("training", "vi"), PHONE)
    cards = page.locator('[class*="st-key-cards-nhiem-vu"] [data-testid="stMarkdown"]')
    assert cards.count() > 0
    first = cards.first
    assert first.is_visible()
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    text = first.inner_text()
    for key in ("col.due", "col.overdue", "col.status"):
        assert strings.t(key, "vi") in text
    assert not page.locator('[class*="st-key-grid-nhiem-vu"]').is_visible()  # the grid is for wide screens
    csv, xlsx = (page.locator('[class*="st-key-downloads-nhiem-vu"] [data-testid="stDownloadButton"]').nth(i)
                 .bounding_box() for i in (0, 1))
    assert abs(csv["y"] - xlsx["y"]) < 4 and xlsx["x"] - (csv["x"] + csv["width"]) < 24  # side by side


@pytest.mark.parametrize("name", SCREENSHOTS)
def test_screenshots_of_the_table_pages(open_page, name):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = open_page(_url(name, "vi"), viewport)
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0")
        page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
        page.wait_for_timeout(400)
        page.screenshot(path=str(ARTEFACTS / f"text-{name}-{size}.png"))
        page.close()
