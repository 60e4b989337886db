"""The province pages in a real browser, on a synced demo province: Toàn tỉnh at 1366×768, 390×844 and
1920×1080 without errors; a unit's name opens its dashboard; a unit's row on the quality page opens its
Data page; the matrix keeps its columns' width on a phone (it scrolls sideways, the names pinned); a
hostile unit name in a registry shows as plain text. Screenshots: artefacts/browser/province-*.png."""
from __future__ import annotations

import pytest

from analysis.cli.province import load_province
from analysis.workbook import clock
from scripts.screenshots import wait_for_app
from tests.browser.support import ARTEFACTS, DESKTOP, PHONE, open_tab, page_problems, serve_app
from tests.province_hostile import HOSTILE_CODE, make_hostile_province
from tests.province_support import make_demo_province

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1920, "height": 1080}
SIZES = {"1366x768": DESKTOP, "390x844": PHONE, "1920x1080": PROJECTOR}
MAIN_H1 = '[data-testid="stMain"] h1'


def _serve(tmp_path_factory, where, name):
    with pytest.MonkeyPatch.context() as patch:  # serve_app passes this process's environment on
        for key, value in where.env().items():
            patch.setenv(key, value)
        patch.setenv("OCOP_CACHE_TTL", "86400")  # the store is fresh: no sync while the tests look
        with serve_app(tmp_path_factory.mktemp(name)) as base:
            yield base


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_demo_province(tmp_path_factory.mktemp("province-browser"))


@pytest.fixture(scope="module")
def province_url(tmp_path_factory, province):
    yield from _serve(tmp_path_factory, province, "province-app")


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    yield from _serve(tmp_path_factory, make_hostile_province(tmp_path_factory.mktemp("hostile-registry")),
                      "hostile-app")


def year() -> int:
    return clock.today().year  # the hostile registry's units hold this year's data


@pytest.fixture
def tabs(browser_context):
    opened = []

    def open_(base, path, viewport=DESKTOP):
        opened.append(open_tab(browser_context, base, path, viewport))
        return opened[-1]

    yield open_
    for page in opened:
        page.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_landing_page_at_every_size(province_url, province, tabs, size):
    page = tabs(province_url, "", SIZES[size])
    assert page_problems(page) == []
    year = load_province(province.store).years()[0]
    assert page.locator(MAIN_H1).first.inner_text() == f"Toàn tỉnh năm {year}"
    assert page.locator('[data-testid="stDataFrame"]').count() == 2  # the matrix and the ranking
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.scroll_into_view_if_needed()  # charts below the fold draw when scrolled to
    chart.locator(".main-svg").first.wait_for(timeout=10000)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"province-landing-{size}.png"), full_page=True)


def test_the_matrix_is_not_squeezed_on_a_phone(province_url, tabs):
    page = tabs(province_url, "", PHONE)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box["width"] <= PHONE["width"]  # the table fits the screen...
    scroller = grid.locator(".dvn-scroller").first
    widths = scroller.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] > 2 * widths[1], widths  # ...and scrolls sideways: 11 columns keep their width
    page.screenshot(path=str(ARTEFACTS / "province-matrix-390x844.png"))


def test_a_unit_name_opens_its_dashboard(province_url, province, tabs):
    data = load_province(province.store)
    stale = data.unit(province.stale)
    page = tabs(province_url, "")
    link = page.locator('[data-testid="stMain"] a', has_text=stale["name"]).first
    with page.context.expect_page(timeout=5000) as popup:  # Streamlit opens Markdown links in a new tab
        link.click()
    unit_page = popup.value
    try:
        wait_for_app(unit_page)
        assert f"unit={province.stale}" in unit_page.url
        assert unit_page.locator(MAIN_H1).first.inner_text().startswith("Tổng quan")
        body = unit_page.locator("body").inner_text()
        assert stale["name"] in body and "Về trang toàn tỉnh" in body
        assert page_problems(unit_page) == []
    finally:
        unit_page.close()


def test_a_unit_row_of_the_matrix_opens_its_dashboard(province_url, province, tabs):
    """The grid's link cell (drawn on a canvas): a click on the first unit's name."""
    first = load_province(province.store).units.sort_values("position").iloc[0]
    page = tabs(province_url, "")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    box = grid.bounding_box()
    x, y = box["x"] + 40, box["y"] + 38 + 17  # header 38 px, then the first row's middle
    page.mouse.move(x, y)  # the grid marks the link on hover, then follows it on click
    page.wait_for_timeout(300)
    with page.context.expect_page(timeout=10000) as popup:
        page.mouse.click(x, y)
    unit_page = popup.value
    try:
        wait_for_app(unit_page)
        assert f"unit={first['code']}" in unit_page.url
        assert first["name"] in unit_page.locator("body").inner_text()
    finally:
        unit_page.close()


def test_the_quality_link_opens_the_units_data_page(province_url, province, tabs):
    data = load_province(province.store)
    code = data.units.iloc[0]["code"]
    page = tabs(province_url, f"data_quality?unit={code}&year={data.years()[0]}&lang=vi")
    assert page_problems(page) == []
    assert page.locator(MAIN_H1).first.inner_text() == "Chất lượng dữ liệu"
    assert "Về trang toàn tỉnh" in page.locator("body").inner_text()
    assert f"unit={code}" in page.url


def test_a_hostile_unit_name_is_plain_text(hostile_url, tabs):
    for path in ("", "province_quality"):
        page = tabs(hostile_url, path)
        assert page_problems(page) == []
        main = page.locator('[data-testid="stMain"]')
        assert main.locator('a[href*="evil"]').count() == 0
        assert main.locator("b", has_text="x").count() == 0
        assert main.locator("img").count() == 0
        page.screenshot(path=str(ARTEFACTS / f"province-hostile-{path or 'landing'}.png"), full_page=True)
    # the grid draws its cells on a canvas (the name as written, tested with AppTest); its accessible copy
    # holds the cells' values: the unit's own link, nothing of the name's
    page = tabs(hostile_url, "")
    cells = page.locator('[data-testid="stDataFrame"] td').all_inner_texts()
    assert f"./?unit={HOSTILE_CODE}&year={year()}&lang=vi" in cells
    assert not [cell for cell in cells if "evil" in cell or "HYPERLINK" in cell]
