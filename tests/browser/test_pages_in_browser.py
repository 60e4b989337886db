"""The dashboard in a real browser: pages load without errors, charts draw, filters and links
change the numbers, downloads open, phones get no sideways scrolling.

Screenshots of every page at desktop and phone size land in artefacts/browser/ (git-ignored).
"""
from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from analysis.i18n import strings
from scripts.screenshots import wait_for_app
from tests.browser.support import ARTEFACTS, DESKTOP, PHONE, open_tab, page_problems

pytestmark = pytest.mark.browser


def vi(key: str, **params) -> str:
    """Labels come from the strings catalogue (the demo link has no lang, so Vietnamese)."""
    return strings.t(key, "vi", **params)


YEAR, KHOM = vi("sidebar.year"), vi("sidebar.khom")
KHOM_REACHED = "Số khóm được tuyên truyền"  # the overview card's label: the sheet's own wording

PAGES = {  # screenshot name -> path (year 2023 has data on every page)
    "overview": "?year=2023",
    "products": "products?year=2023",
    "outreach": "outreach?year=2023",
    "training": "training?year=2023",
    "data_quality": "data_quality?year=2023",
}
MEETING = "?view=meeting&year=2023"  # checked (and screenshot) by the meeting tests below
VIEWS = {**PAGES, "meeting": MEETING}
SIZES = {"desktop": DESKTOP, "phone": PHONE}

# What a drawn Plotly trace leaves in the SVG: bars/funnel/markers (.point), lines and fills,
# surfaces, heatmap images, gauges. Axes, ticks and titles alone are an empty chart.
MARKS = ", ".join([
    ".point", "path.surface", ".bars path", ".heatmaplayer image", ".heatmaplayer rect",
    ".scatterlayer .js-line", ".scatterlayer .js-fill", ".funnellayer path", ".pielayer .slice",
    ".indicatorlayer .trace",
])

CHART_PROBLEMS_JS = """(marks) => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map((chart, i) => {
    const title = chart.querySelector('.gtitle')?.textContent || '(untitled)';
    const name = `chart #${i + 1} "${title}"`;
    const shown = chart.getClientRects().length > 0;
    if (!chart.querySelector('.main-svg')) return `${name}: no .main-svg (chart area empty)`;
    const found = [...chart.querySelectorAll(marks)];
    if (!found.length) return `${name}: plot area has no drawn marks (${marks})`;
    if (!shown) return null;  // inside an inactive tab: checked when its tab is opened
    const box = chart.getBoundingClientRect();
    if (box.width < 50 || box.height < 50) return `${name}: ${Math.round(box.width)}x${Math.round(box.height)} px`;
    const drawn = found.filter(m => { const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
    if (!drawn.length) return `${name}: ${found.length} marks, all of zero size`;
    return null;
}).filter(Boolean)"""

OVERFLOW_JS = """() => {
    const doc = document.documentElement, main = document.querySelector('[data-testid="stMain"]');
    const width = window.innerWidth, found = [];
    if (doc.scrollWidth > width + 1)
        found.push(`document scrollWidth ${doc.scrollWidth} > window.innerWidth ${width}`);
    if (main && (main.scrollWidth > main.clientWidth + 1 || main.scrollWidth > width + 1))
        found.push(`stMain scrollWidth ${main.scrollWidth} > clientWidth ${main.clientWidth} (window ${width})`);
    if (found.length && main) {  // name the outermost elements that stick out: the culprits
        const clipped = el => {  // inside a box that clips or scrolls it and itself fits the window
            for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 1)
                    return true;
            }
            return false;
        };
        const culprits = [...main.querySelectorAll('*')]
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .filter(el => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
            .filter(el => !clipped(el))
            .slice(0, 5)
            .map(el => {
                const tid = el.closest('[data-testid]')?.getAttribute('data-testid');
                const r = el.getBoundingClientRect();
                return `<${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}"> in ${tid}`
                    + ` spans x ${Math.round(r.left)}..${Math.round(r.right)}`;
            });
        found.push('sticking out: ' + (culprits.join('; ') || 'none found'));
    }
    return found;
}"""


DRAWN_JS = """(marks) => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(chart => chart.getClientRects().length > 0)
    .every(chart => [...chart.querySelectorAll(marks)].some(m => m.getBoundingClientRect().width > 0))"""


def chart_problems(page) -> list[str]:
    return page.evaluate(CHART_PROBLEMS_JS, MARKS)


def charts_in_every_tab(page) -> list[str]:
    """Charts on the page, then in each tab of every st.tabs once that tab is opened."""
    problems = chart_problems(page)
    tabs = page.locator('[data-testid="stTabs"] [role="tab"]')
    for index in range(tabs.count()):
        tab = tabs.nth(index)
        tab.click()
        try:  # Plotly relayouts a chart that just became visible
            page.wait_for_function(DRAWN_JS, arg=MARKS, timeout=3000)
        except PlaywrightTimeout:
            pass  # reported below, with the chart's name
        problems += [f"tab {tab.inner_text()!r}: {p}" for p in chart_problems(page)]
    if tabs.count():
        tabs.first.click()  # back to what a visitor sees first
    return sorted(set(problems))


def screenshot(page, name: str, size: str) -> None:
    """`<page>-<size>-<w>x<h>.png` (the viewport) and `...-full.png` (the whole page: Streamlit
    scrolls inside its own container, so the window is made as tall as the content)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    stem = f"{name}-{size}-{viewport['width']}x{viewport['height']}"
    page.screenshot(path=str(ARTEFACTS / f"{stem}.png"))
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 0")
    if height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTEFACTS / f"{stem}-full.png"))
        page.set_viewport_size(viewport)
        page.wait_for_timeout(100)


def link_params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_new_metrics(page, before: list[str]) -> list[str]:
    """After a widget change: wait for the rerun to show other numbers, then for it to finish."""
    page.wait_for_function(
        """(before) => JSON.stringify([...document.querySelectorAll('[data-testid="stMetricValue"]')]
              .map(e => e.innerText)) !== JSON.stringify(before)""", arg=before, timeout=15000)
    wait_for_app(page)
    return metric_values(page)


def metric_values(page) -> list[str]:
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


def metric(page, label: str):
    return page.locator('[data-testid="stMetric"]').filter(has_text=label).locator('[data-testid="stMetricValue"]')


def choose_khom(page, name: str) -> None:
    page.get_by_role("combobox", name=KHOM, exact=True).click()
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")


def selected_khom(page) -> list[str]:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.get_by_role("combobox", name=KHOM, exact=True))
    return [tag.get_attribute("aria-label") for tag in box.locator("[data-tag]").all()]


@pytest.fixture(scope="module")
def view(app_url, browser_context, first_load):
    """view(name, size) -> the page `name` of VIEWS at that size, fully rendered.

    Each page is loaded fresh once, at the first size asked for (desktop in file order); the
    other size resizes that same tab. A fresh load at 390 px gave a pixel-identical screenshot
    (compared on /outreach and /products) at three times the cost; resizing keeps the suite
    well under 90 s on a busy 2-core machine."""
    pages = {}

    def _view(name: str, size: str):
        page = pages.get(name)
        if page is None:
            page = pages[name] = open_tab(browser_context, app_url, VIEWS[name], SIZES[size])
        elif page.viewport_size != SIZES[size]:
            page.set_viewport_size(SIZES[size])
            page.wait_for_timeout(500)  # Streamlit's layout and Plotly's resize handlers
            wait_for_app(page)
        return page

    yield _view
    for page in pages.values():
        page.close()


# --- the first load ------------------------------------------------------------------------------

def test_first_load_after_server_start_is_not_page_not_found(first_load):
    """The very first request to a fresh server is /outreach?year=2023 (see conftest.first_load)."""
    assert first_load["problems"] == [], first_load
    assert "/outreach" in first_load["url"]
    assert first_load["title"] == vi("outreach.heading", year=2023), first_load


# --- every page, desktop and phone ---------------------------------------------------------------

@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders(view, name, size):
    page = view(name, size)
    screenshot(page, name, size)
    failures = render_failures(page, size)
    assert not failures, f"/{PAGES[name]} at {size}:\n" + "\n".join(failures)


def render_failures(page, size: str) -> list[str]:
    failures = [f"error: {p}" for p in page_problems(page)]
    failures += [f"chart: {p}" for p in charts_in_every_tab(page)]
    if size == "phone":
        failures += [f"horizontal scroll at {PHONE['width']} px: {p}" for p in page.evaluate(OVERFLOW_JS)]
    return failures


# --- filters and links change the numbers ---------------------------------------------------------

def test_sidebar_filters_change_the_numbers(open_page):
    page = open_page("?year=2023")
    reached = metric(page, KHOM_REACHED)
    expect(reached).to_have_text("4 / 4")
    choose_khom(page, "Vĩnh Phú")
    expect(reached).to_have_text("1 / 4", timeout=15000)
    wait_for_app(page)
    assert selected_khom(page) == ["Vĩnh Phú"]
    assert link_params(page)["khom"] == ["Vĩnh Phú"]  # the link follows the widgets

    year = page.get_by_role("combobox", name=YEAR, exact=True)
    assert year.input_value() == "2023"
    before = metric_values(page)
    year.click()
    page.get_by_role("option", name="2024", exact=True).click()
    after = wait_for_new_metrics(page, before)
    assert after != before
    assert year.input_value() == "2024" and link_params(page)["year"] == ["2024"]
    assert selected_khom(page) == ["Vĩnh Phú"]  # the other filter stays
    assert page_problems(page) == []


def test_a_link_with_query_parameters_reproduces_the_view(open_page):
    linked = open_page("outreach?year=2023&khom=Vĩnh Phú", wait=False)
    by_hand = open_page("outreach?year=2023", wait=False)  # both sessions render side by side
    wait_for_app(linked)
    assert linked.get_by_role("combobox", name=YEAR, exact=True).input_value() == "2023"
    assert selected_khom(linked) == ["Vĩnh Phú"]
    assert page_problems(linked) == []
    from_link = metric_values(linked)

    wait_for_app(by_hand)
    all_khom = metric_values(by_hand)
    choose_khom(by_hand, "Vĩnh Phú")
    assert wait_for_new_metrics(by_hand, all_khom) == from_link
    assert from_link != all_khom
    main_heading = '[data-testid="stMain"] h1'
    assert by_hand.locator(main_heading).first.inner_text() == linked.locator(main_heading).first.inner_text()


# --- downloads -------------------------------------------------------------------------------------

def download(page, label: str):
    with page.expect_download(timeout=15000) as info:
        page.get_by_role("button", name=label, exact=True).first.click()
    result = info.value
    assert result.failure() is None, result.failure()
    return result.suggested_filename, result.path().read_bytes()


def test_product_downloads_open(open_page):
    page = open_page("products?year=2023")
    xlsx_name, xlsx = download(page, vi("export.xlsx"))  # "Tải về Excel"
    csv_name, csv = download(page, vi("export.csv"))  # "Tải về CSV"
    assert (xlsx_name, csv_name) == ("san-pham.xlsx", "san-pham.csv")

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == vi("col.product") and len(rows) > 1

    assert csv.startswith(b"\xff\xfe"), "CSV without the UTF-16LE BOM (Excel would garble Vietnamese)"
    table = pd.read_csv(io.BytesIO(csv), encoding="utf-16", sep="\t")
    assert list(table.columns) == list(rows[0])
    assert len(table) == len(rows) - 1


def test_data_quality_issues_download_opens(open_page):
    page = open_page("data_quality")
    name, csv = download(page, vi("export.csv"))
    assert name == "van-de-du-lieu.csv"
    assert csv.startswith(b"\xff\xfe")
    issues = pd.read_csv(io.BytesIO(csv), encoding="utf-16", sep="\t")
    assert {vi("col.severity"), vi("col.reason")} <= set(issues.columns)
    assert len(issues) > 0


# --- meeting view ------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", list(SIZES))
def test_meeting_view_is_a_presentation(view, size):
    page = view("meeting", size)
    screenshot(page, "meeting", size)
    failures = render_failures(page, size)
    sidebar = page.locator('[data-testid="stSidebar"]')
    if sidebar.count() and sidebar.first.is_visible():
        failures.append("the sidebar is visible")
    if not metric_values(page):  # the first slide: the cards (every slide: tests/browser/test_meeting_slides.py)
        failures.append("no metric cards")
    if not page.locator(".st-key-slide_nav button").count():
        failures.append("no previous/next buttons")
    assert not failures, f"/{MEETING} at {size}:\n" + "\n".join(failures)
