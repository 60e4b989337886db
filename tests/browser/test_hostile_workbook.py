"""A hostile workbook in a real browser: whatever the sheet's cells hold (Markdown, HTML, bare URLs, an
image, formulas), no page, chart or the meeting view turns it into a link, an image or a request
anywhere but the app, and the downloads carry no formula.

The workbook is the demo with every text column of every tab (analysis/workbook/contract.py TABS) and
every Thông tin value rewritten to carry a payload, ids, dates and codes left valid so the rows are
accepted and the text reaches the pages. Screenshots: artefacts/browser/hostile_*.png.
"""
from __future__ import annotations

import io
from urllib.parse import urlsplit

import openpyxl
import pytest

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise_workbook
from analysis.workbook.text import fold
from data_sources.excel import read_xlsx
from scripts.screenshots import wait_for_app
from tests.browser.support import ARTEFACTS, DESKTOP, ROOT, page_problems, serve_app

pytestmark = pytest.mark.browser

DEMO = ROOT / "data_sources" / "demo" / "ocop_demo.xlsx"
EVIL = "evil.example"
LINK_AND_IMAGE = "[Bấm](https://evil.example/md) ![p](https://evil.example/p.png)"
PAYLOADS = (
    LINK_AND_IMAGE,
    "https://evil.example/x www.evil.example ai@evil.example",
    "<img src=https://evil.example/i.png>",
    "<a href=https://evil.example>x</a> <b>đậm</b>",
    '=HYPERLINK("https://evil.example/f","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "**đậm** :red[đỏ] $x$ `mã` <i>nghiêng</i>",
)
INFO_TEXT = " ".join(PAYLOADS[:4])  # Thông tin: link, image, bare URLs and HTML together
ALLOWED_LINK_HOSTS = {"docs.google.com"}
VIEWS = {
    "overview": "?year=2023", "products": "products?year=2023", "outreach": "outreach?year=2023",
    "training": "training?year=2023", "entry": "entry?year=2023", "report": "report?year=2023",
    "data_quality": "data_quality?year=2023", "meeting": "?view=meeting&year=2023",
}


def _header_row(ws, tab: c.Tab) -> tuple[int, dict[str, int]]:
    """The row holding the tab's headers (the demo puts a title above some), and column key -> index."""
    by_header = {fold(col.header): col.key for col in tab.columns}
    for row in range(1, 11):
        found = {by_header[fold(str(cell.value))]: cell.column for cell in ws[row]
                 if cell.value is not None and fold(str(cell.value)) in by_header}
        if len(found) >= len(tab.required_columns):
            return row, found
    raise AssertionError(f"no header row in {tab.title}")


def _put(cell, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # text as typed, even when it starts with `=`


def hostile_workbook(path) -> None:
    """The demo workbook with a payload in front of every text cell, and the khóm names (and the
    columns that name a khóm) renamed the same way, so every row still matches."""
    wb = openpyxl.load_workbook(DEMO)
    for row in wb[c.TABS_BY_KEY["info"].title].iter_rows(min_row=1):
        key = c.INFO_KEYS.get(str(row[0].value or "").strip())
        if key and key != "plan_year":
            _put(row[1], (PAYLOADS[4] + " " if key == "ward_name" else "") + INFO_TEXT)
    renamed: dict[str, str] = {}
    areas_tab = c.TABS_BY_KEY["areas"]
    ws = wb[areas_tab.title]
    header, columns = _header_row(ws, areas_tab)
    for i, row in enumerate(range(header + 1, ws.max_row + 1)):
        cell = ws.cell(row=row, column=columns["name"])
        if cell.value:
            renamed[fold(str(cell.value))] = f"{PAYLOADS[(i + 2) % len(PAYLOADS)]} {cell.value}"
    n = 0
    for tab in c.TABS:
        if tab.key_value:
            continue
        ws = wb[tab.title]
        header, columns = _header_row(ws, tab)
        for col in tab.columns:
            if col.key not in columns or not (col.kind == c.TEXT or col.vocab in ("areas", "areas_or_ward")):
                continue
            for row in range(header + 1, ws.max_row + 1):
                cell = ws.cell(row=row, column=columns[col.key])
                if cell.value is None or str(cell.value).strip() == "":
                    continue
                if col.vocab in ("areas", "areas_or_ward") or (tab.key == "areas" and col.key == "name"):
                    if fold(str(cell.value)) in renamed:
                        _put(cell, renamed[fold(str(cell.value))])
                    continue
                _put(cell, f"{PAYLOADS[n % len(PAYLOADS)]} {cell.value}")
                n += 1
    wb.save(path)


def _accepted(path) -> dict[str, int]:
    ds = normalise_workbook(read_xlsx(path))
    return {key: count.accepted for key, count in ds.accounting.items()}


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    path = work / "hostile.xlsx"
    hostile_workbook(path)
    # Every row the demo has still reads: the payloads reach the pages, not the rejected pile.
    assert _accepted(path) == _accepted(DEMO)
    with serve_app(work, path) as base:
        yield base


@pytest.fixture(scope="module")
def hostile_context(browser):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    yield context
    context.close()


def _visible_text(page) -> str:
    """What a reader sees: the word joiners that stop auto-linking are invisible."""
    return page.locator("body").inner_text().replace("\u2060", "")


@pytest.mark.parametrize("name", list(VIEWS))
def test_sheet_text_is_inert_on_every_page(hostile_url, hostile_context, name):
    origin = urlsplit(hostile_url).netloc
    page = hostile_context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(f"{hostile_url}/{VIEWS[name]}", wait_until="load")
        wait_for_app(page)
        for tab in page.get_by_role("tab").all():  # charts in inactive tabs draw when opened
            tab.click()
        page.wait_for_timeout(1500)  # time for any image or prefetch a payload could start
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / f"hostile_{name}.png"), full_page=True)
        assert page_problems(page) == []
        outside = [u for u in requests if urlsplit(u).scheme not in ("data", "blob")
                   and urlsplit(u).netloc != origin]
        assert outside == [], f"{name}: requests outside the app: {outside}"
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        foreign = [h for h in hrefs if urlsplit(h).scheme in ("http", "https")
                   and urlsplit(h).hostname not in ALLOWED_LINK_HOSTS and urlsplit(h).netloc != origin]
        assert foreign == [], f"{name}: links to other hosts: {foreign}"
        assert [h for h in hrefs if EVIL in h] == []
        assert page.locator(f'img[src*="{EVIL}"]').count() == 0
        assert page.locator('[data-testid="stMain"] a[href^="mailto:"]').count() == 0
        if name in ("overview", "meeting"):  # the payload is on screen, as typed
            shown = _visible_text(page)
            assert LINK_AND_IMAGE in shown, shown[:2000]
        if name == "overview":  # an indicator name (Tên chỉ tiêu) in a card label, as typed
            labels = page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
            assert any("https://evil.example" in label.replace("\u2060", "") for label in labels), labels
    finally:
        page.close()


def _download(page, label: str) -> bytes:
    with page.expect_download(timeout=15000) as info:
        page.get_by_role("button", name=label, exact=True).first.click()
    return info.value.path().read_bytes()


def test_downloads_of_the_hostile_workbook_hold_no_formula(hostile_url, hostile_context):
    page = hostile_context.new_page()
    try:
        page.goto(f"{hostile_url}/data_quality?year=2023", wait_until="load")
        wait_for_app(page)
        template = openpyxl.load_workbook(io.BytesIO(_download(page, strings.t("template.download", "vi"))))
        names = [cell for cell in template[c.TABS_BY_KEY["areas"].title]["A"][1:] if cell.value]
        assert names and all(cell.data_type == "s" for cell in names)
        assert any(cell.value.startswith("'=HYPERLINK") for cell in names)
        page.goto(f"{hostile_url}/products?year=2023", wait_until="load")
        wait_for_app(page)
        data = _download(page, strings.t("export.csv", "vi"))
        assert data.startswith(b"\xff\xfe")
        text = data[2:].decode("utf-16-le")
        for delimiter in (",", ";", "\t"):
            for line in text.split("\r\n"):
                for field in line.split(delimiter):
                    assert not field.lstrip('"').startswith(("=", "+", "-", "@")), (delimiter, field)
        assert "Bánh" in text or "Mắm" in text  # diacritics intact
    finally:
        page.close()
