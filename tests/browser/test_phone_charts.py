"""Charts on a phone (390×844 and 360×740), measured in the real browser: the outreach heat map keeps
cells of 20 px or more with every month labelled and no tick label over another, its colour bar is no
wider than its grid, and the progress chart's words are neither clipped nor crossed by the 100% line.

Screenshots of the overview, products and outreach pages at 1366×768 and 390×844 land in
artefacts/browser/ (charts-<page>-<w>x<h>-full.png), to be looked at.
"""
from __future__ import annotations

import pytest

from scripts.screenshots import wait_for_app
from tests.browser.support import ARTEFACTS, DESKTOP, PHONE

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 740}
PHONES = {"390x844": PHONE, "360x740": SMALL_PHONE}
MIN_CELL_PX = 20

HEATMAP_JS = """() => {
    const chart = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .find(c => c.querySelector('.heatmaplayer'));
    if (!chart) return null;
    const box = e => { const r = e.getBoundingClientRect();
                       return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                               width: r.width, height: r.height, text: e.textContent}; };
    const grid = chart.querySelector('.heatmaplayer image') || chart.querySelector('.heatmaplayer');
    return {
        grid: box(grid),
        xticks: [...chart.querySelectorAll('.xtick text')].map(box),
        yticks: [...chart.querySelectorAll('.ytick text')].map(box),
        colorbar: box(chart.querySelector('.colorbar .cbfills') || chart.querySelector('.colorbar')),
    };
}"""

PROGRESS_JS = """() => {
    const chart = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .find(c => c.querySelector('.barlayer'));
    if (!chart) return null;
    const box = e => { const r = e.getBoundingClientRect();
                       return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent}; };
    return {
        svg: box(chart.querySelector('.main-svg')),
        words: [...chart.querySelectorAll('.annotation-text')].map(box),
        lines: [...chart.querySelectorAll('.shapelayer path')].map(box),
    };
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of tick labels whose boxes overlap (a pixel of slack for anti-aliasing)."""
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if (min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1
                    and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1):
                pairs.append((a["text"], b["text"]))
    return pairs


def crosses(line: dict, word: dict) -> bool:
    return (line["left"] - 1 < word["right"] and line["right"] + 1 > word["left"]
            and line["top"] < word["bottom"] - 1 and line["bottom"] > word["top"] + 1)


def open_at(open_page, path: str, viewport: dict):
    page = open_page(path, viewport)
    page.wait_for_timeout(300)  # Plotly's resize handler after the first layout
    wait_for_app(page)
    return page


@pytest.mark.parametrize("size", list(PHONES))
def test_outreach_heat_map_is_readable_on_a_phone(open_page, size):
    page = open_at(open_page, "outreach?year=2023", PHONES[size])
    heat = page.evaluate(HEATMAP_JS)
    assert heat is not None, "no heat map on /outreach?year=2023"
    columns = [t for t in heat["xticks"] if t["text"]]
    months = [t for t in heat["yticks"] if t["text"]]
    assert len(months) == 12, f"months labelled: {[t['text'] for t in months]}"
    cell = heat["grid"]["width"] / len(columns)
    assert cell >= MIN_CELL_PX, f"{len(columns)} columns in {heat['grid']['width']:.0f} px: {cell:.1f} px a cell"
    assert heat["grid"]["height"] / 12 >= MIN_CELL_PX
    assert overlapping(columns) == [] and overlapping(months) == []
    assert heat["colorbar"]["width"] <= heat["grid"]["width"] + 2, (heat["colorbar"], heat["grid"])


@pytest.mark.parametrize("size", list(PHONES))
def test_progress_chart_words_fit_on_a_phone(open_page, size):
    page = open_at(open_page, "?year=2023", PHONES[size])
    progress = page.evaluate(PROGRESS_JS)
    assert progress is not None, "no progress chart on the overview"
    svg, words = progress["svg"], progress["words"]
    assert len(words) >= 2  # the 100% line's label and one per indicator
    clipped = [w["text"] for w in words if w["left"] < svg["left"] - 1 or w["right"] > svg["right"] + 1]
    assert clipped == [], f"clipped at {svg['right'] - svg['left']:.0f} px: {clipped}"
    through = [(w["text"]) for w in words for line in progress["lines"] if crosses(line, w)]
    assert through == [], f"the 100% line runs through: {through}"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366x768", "390x844"])
@pytest.mark.parametrize("name, path", [("overview", "?year=2023"), ("products", "products?year=2023"),
                                        ("outreach", "outreach?year=2023")])
def test_chart_pages_screenshots(open_page, name, path, viewport):
    page = open_at(open_page, path, viewport)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0")
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTEFACTS / f"charts-{name}-{viewport['width']}x{viewport['height']}-full.png"))
    assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 1
