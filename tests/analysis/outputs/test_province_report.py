"""analysis/outputs/province_report.py (and province_report_sheets.py): the province's Excel report, read back
as its recipient's spreadsheet program would, checked against analysis/metrics/province.py; hostile unit
names stay text; LibreOffice prints it (it needs `soffice` and poppler, as test_report_layout.py does)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, date, datetime

import openpyxl
import pandas as pd
import pytest

from analysis.cli.province import load_province
from analysis.metrics import province as pm
from analysis.outputs.province_report import build_province_report, province_report_bytes, province_report_filename
from analysis.workbook import clock
from tests.province_support import make_demo_province

SHEETS_VI = ["Bìa", "Chỉ tiêu theo đơn vị", "Đơn vị chậm tiến độ", "Đơn vị chưa cập nhật"]
SHEETS_EN = ["Cover", "Targets by unit", "Units behind", "Units not up to date"]
APT_PACKAGES = "libreoffice-calc libreoffice-core poppler-utils fonts-liberation2"
HOSTILE = ['=HYPERLINK("http://x")', "@SUM(1)", "+1", "-1"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A synced demo province (one unit stale, one unreadable), read from its store (about 10 s)."""
    province = make_demo_province(tmp_path_factory.mktemp("province"))
    return province, load_province(province.store)


@pytest.fixture(scope="module")
def year(demo) -> int:
    return demo[1].years()[0]


@pytest.fixture(scope="module")
def data(demo):
    return demo[1]


@pytest.fixture(scope="module")
def book(data, year) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(province_report_bytes(data.units, data.indicators, year, clock.today())))


def matrix(ws) -> tuple[int, list]:
    """(row of the parts header, the rows under it up to the first empty one) of the units sheet."""
    header = next(c.row for c in ws["A"] if c.value == "Mã đơn vị") + 1
    found = []
    for line in ws.iter_rows(min_row=header + 1):
        if all(cell.value is None for cell in line):
            break
        found.append(line)
    return header, found


def table(ws) -> list[dict]:
    """A plain sheet's table as dicts, header -> cell."""
    header = next(c.row for c in ws["A"] if c.value == "Mã đơn vị")
    names = [c.value for c in ws[header] if c.value is not None]
    found = []
    for line in ws.iter_rows(min_row=header + 1, max_col=len(names)):
        if all(cell.value is None for cell in line):
            break
        found.append(dict(zip(names, line)))
    return found


def figures(line, n: int) -> tuple:
    """The target, actual and percent cells of the n-th indicator (0-based) of a units-sheet row."""
    return tuple(line[5 + 3 * n: 8 + 3 * n])


# --------------------------------------------------------------------------- the sheets


def test_sheets_names_and_file_name(book, data, year):
    assert book.sheetnames == SHEETS_VI
    english = build_province_report(data.units, data.indicators, year, clock.today(), "en")
    assert english.sheetnames == SHEETS_EN
    assert province_report_filename(2026) == "bao-cao-ocop-toan-tinh-2026.xlsx"


def test_every_unit_appears_once_in_registry_order_then_the_province(book, data):
    _, lines = matrix(book["Chỉ tiêu theo đơn vị"])
    codes = [line[0].value for line in lines[:-1]]
    assert codes == list(data.units.sort_values("position")["code"])
    assert len(set(codes)) == len(codes) == len(data.units)
    assert lines[-1][1].value == "Toàn tỉnh" and lines[-1][1].font.b


def test_the_province_row_is_province_totals(book, data, year):
    ws = book["Chỉ tiêu theo đơn vị"]
    header, lines = matrix(ws)
    totals = pm.province_totals(data.indicators, data.units, year)
    labels = [c.value for c in ws[header - 1][5::3]]
    assert labels == list(totals["label"])  # indicators in contract order
    for n, row in enumerate(totals.itertuples()):
        target, actual, percent = figures(lines[-1], n)
        assert (target.value, actual.value) == (row.target, row.actual), row.code
        assert percent.value == pytest.approx(row.percent), row.code
        assert "0.0%" in percent.number_format and target.number_format == "#,##0"
        marked = "chậm" in percent.number_format
        assert marked == (row.pace == "behind"), row.code


def test_each_unit_shows_its_own_figures_and_behind_cells_say_so(book, data, year):
    _, lines = matrix(book["Chỉ tiêu theo đơn vị"])
    long = pm.unit_indicators(data.indicators, data.units, year).set_index(["unit_code", "code"])
    codes = list(pm.province_totals(data.indicators, data.units, year)["code"])
    behind = 0
    for line in lines[:-1]:
        for n, code in enumerate(codes):
            if (line[0].value, code) not in long.index:
                continue
            expected = long.loc[(line[0].value, code)]
            target, actual, percent = figures(line, n)
            assert (target.value, actual.value) == (expected["target"], expected["actual"])
            assert percent.value == pytest.approx(expected["percent"])
            if expected["pace"] == "behind":
                behind += 1
                # the fill, and a word printed with the number (colour is never the only sign)
                assert percent.number_format == '0.0%" chậm"' and percent.fill.fgColor.rgb.endswith("FCE4D6")
            else:
                assert percent.number_format == "0.0%" and percent.fill.fill_type is None
    assert behind == int((long["pace"] == "behind").sum()) > 0


def test_an_unreadable_unit_is_empty_and_a_stale_one_is_flagged(book, demo, data, year):
    province, _ = demo
    ws = book["Chỉ tiêu theo đơn vị"]
    _, lines = matrix(ws)
    by_code = {line[0].value: line for line in lines[:-1]}
    unreadable, stale = by_code[province.unreadable], by_code[province.stale]
    assert unreadable[3].value == "Không đọc được" and unreadable[4].value is None
    assert all(cell.value is None for cell in unreadable[5:])
    assert stale[3].value == "Dữ liệu cũ" and stale[3].fill.fgColor.rgb.endswith("FFF2CC") and stale[3].font.b
    assert isinstance(stale[4].value, datetime)  # the day its last good data was read
    assert any(cell.value is not None for cell in stale[5:])  # it counts with that data
    assert by_code[next(iter(by_code))][3].value == "Đã cập nhật"


def test_the_lists_of_units_behind_and_not_up_to_date(book, demo, data, year):
    province, _ = demo
    behind = pm.behind_units(pm.unit_indicators(data.indicators, data.units, year), data.units)
    rows = table(book["Đơn vị chậm tiến độ"])
    assert [r["Mã đơn vị"].value for r in rows] == list(behind["unit_code"])
    assert [r["Số chỉ tiêu chậm"].value for r in rows] == list(behind["behind"])
    assert all("%)" in r["Chỉ tiêu chậm tiến độ (tỷ lệ đạt)"].value for r in rows)
    late = {r["Mã đơn vị"].value: r for r in table(book["Đơn vị chưa cập nhật"])}
    assert set(late) == {province.stale, province.unreadable}
    assert late[province.unreadable]["Tình trạng số liệu"].value == "Không đọc được"
    assert "ghi ở cột Nguồn dữ liệu của sổ đơn vị" in late[province.unreadable]["Lý do"].value
    assert late[province.unreadable]["Lần đọc được gần nhất"].value is None
    assert late[province.stale]["Tình trạng số liệu"].value == "Dữ liệu cũ"
    since = late[province.stale]["Không đọc được từ"]
    assert isinstance(since.value, datetime) and since.number_format == "DD/MM/YYYY HH:MM"
    failing = data.unit(province.stale)["failing_since"]
    assert since.value == pytest.approx(clock.local(failing.to_pydatetime()).replace(tzinfo=None),
                                        abs=pd.Timedelta(seconds=1))  # Vietnam time


def test_cover(book, data, year):
    items = {row[0].value: row[1].value for row in book["Bìa"].iter_rows(max_col=2) if row[0].value is not None}
    assert book["Bìa"]["A1"].value.endswith(f"TOÀN TỈNH NĂM {year}")
    assert items["Năm báo cáo"] == year
    assert items["Ngày lập báo cáo"].date() == clock.today()
    assert items["Số đơn vị trong sổ đơn vị"] == len(data.units)
    assert (items["Đơn vị đọc được số liệu mới"], items["Đơn vị dùng số liệu cũ"],
            items["Đơn vị không đọc được"]) == (len(data.units) - 2, 1, 1)
    assert items["Số liệu cũ nhất đọc lúc"] <= items["Số liệu mới nhất đọc lúc"]
    assert "không được tính" in items["Cách tính"] and "số liệu đọc được gần nhất" in items["Cách tính"]
    assert set(SHEETS_VI[1:]) <= set(items)  # the contents


def test_print_setup_and_frozen_headers(book):
    for ws in book:
        assert int(ws.page_setup.paperSize) == 9, ws.title
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert "&P" in ws.oddFooter.center.text
    units = book["Chỉ tiêu theo đơn vị"]
    header, _ = matrix(units)
    assert units.page_setup.orientation == "landscape"
    assert units.freeze_panes == f"C{header + 1}"  # the header and each unit's code and name stay in view
    assert units.print_title_rows == f"${header - 1}:${header}"
    assert all(cell.font.b and cell.fill.fgColor.rgb.endswith("DDEBF7") for cell in units[header] if cell.value)
    behind = book["Đơn vị chậm tiến độ"]
    assert behind.freeze_panes == f"A{next(c.row for c in behind['A'] if c.value == 'Mã đơn vị') + 1}"


# --------------------------------------------------------------------------- small hand-made provinces


def small_province(names: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    read = pd.Timestamp(datetime(2026, 6, 30, 2, 0, tzinfo=UTC))
    units = pd.DataFrame({
        "code": [f"U{i}" for i in range(len(names))], "name": names, "kind": "Xã",
        "status": ["ok"] * (len(names) - 1) + ["unreadable"],
        "reason_code": [None] * (len(names) - 1) + ["file_missing"],
        "reason_params": [{}] * (len(names) - 1) + [{"path": "=cmd|' /C calc'!A0"}],
        "failing_since": pd.to_datetime([None] * (len(names) - 1) + [read], utc=True),
        "read_at": pd.to_datetime([read] * (len(names) - 1) + [None], utc=True), "position": range(len(names)),
    })
    indicators = pd.DataFrame({
        "unit_code": [f"U{i}" for i in range(len(names) - 1)], "year": 2026, "code": "SP_OCOP", "label": "x",
        "target": 4.0, "actual": 1.0, "percent": 0.25, "computed": True,
    })
    return units, indicators


def test_hostile_names_are_text_never_formulas():
    units, indicators = small_province(HOSTILE + ["Xã cuối"])
    data = province_report_bytes(units, indicators, 2026, date(2026, 7, 1))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    _, lines = matrix(wb["Chỉ tiêu theo đơn vị"])
    assert [line[1].value for line in lines[:-1]] == ["'" + name for name in HOSTILE] + ["Xã cuối"]
    assert all(line[1].data_type == "s" for line in lines[:-1])
    behind = [r["Tên đơn vị"].value for r in table(wb["Đơn vị chậm tiến độ"])]
    assert behind == ["'" + name for name in HOSTILE]  # 25% at the end of June is behind
    reason = table(wb["Đơn vị chưa cập nhật"])[0]["Lý do"]
    assert reason.data_type == "s" and "cmd" in reason.value
    for ws in wb:
        for line in ws.iter_rows():
            for cell in line:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def test_a_year_without_figures_still_makes_a_report():
    units, indicators = small_province(["Xã A", "Xã B"])
    wb = openpyxl.load_workbook(io.BytesIO(province_report_bytes(units, indicators, 2030, date(2030, 1, 2))))
    _, lines = matrix(wb["Chỉ tiêu theo đơn vị"])
    assert [line[0].value for line in lines] == ["U0", "U1", None]
    assert all(cell.value is None for cell in lines[0][5:])
    ws = wb["Đơn vị chậm tiến độ"]
    assert "Không có đơn vị nào chậm tiến độ." in [c.value for c in ws["A"]]


# --------------------------------------------------------------------------- printed by LibreOffice


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not installed: the report's print check needs LibreOffice and poppler. "
                    f"Install them with: apt-get install -y --no-install-recommends {APT_PACKAGES}")
    return found


def test_libreoffice_prints_it(data, year, tmp_path):
    soffice, pdftotext = _tool("soffice"), _tool("pdftotext")
    source = tmp_path / province_report_filename(year)
    source.write_bytes(province_report_bytes(data.units, data.indicators, year, clock.today()))
    try:
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
            capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("LibreOffice did not convert the report within 240 s")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert not re.search(r"repair|error|corrupt|exception", output, re.IGNORECASE), output
    pdf = source.with_suffix(".pdf")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    assert "###" not in text  # no number too wide for its column
    for expected in ("TOÀN TỈNH NĂM", "Toàn tỉnh", "Dữ liệu cũ", "Không đọc được", "chậm", "Đơn vị chậm tiến độ"):
        assert expected in text, expected
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= len(SHEETS_VI)
