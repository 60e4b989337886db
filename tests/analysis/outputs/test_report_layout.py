"""analysis/outputs/report_layout.py: the sheets of tables (values, formats, widths, print setup, neutralised
text), and the workbook printed to PDF by LibreOffice.

The LibreOffice tests need `soffice` and poppler's `pdftoppm`/`pdftotext` (Debian:
libreoffice-calc libreoffice-core poppler-utils fonts-liberation2); without them they FAIL,
naming the packages. The PNG pages of the demo report for 2023 are kept in artefacts/report/
(git-ignored) for a person to look at.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from analysis.outputs.report import report_bytes
from analysis.outputs.report_layout import (
    MIN_TEXT_CAP,
    MIN_WIDTH,
    PAGE_BUDGET,
    column_widths,
    row_height,
    visual,
    wrapped_lines,
)
from analysis.outputs.report_tables import COUNT, TEXT, ReportTable
from analysis.workbook.normalise import normalise_workbook
from data_sources.excel import read_xlsx
from tests.analysis.outputs.report_fixture import (
    DEMO,
    DEMO_2023,
    HEADER_ROW,
    REPO,
    SHEETS_VI,
    TODAY,
    rows,
)

ARTEFACTS = REPO / "artefacts" / "report"
APT_PACKAGES = "libreoffice-calc libreoffice-core poppler-utils fonts-liberation2"
INJECTED = '=HYPERLINK("http://x","y")'




def test_indicator_sheet_values_and_formats(book):
    ws = book["Chỉ tiêu"]
    assert ws.cell(HEADER_ROW - 1, 1).value == "Kết quả thực hiện các chỉ tiêu năm 2023"
    found = {r["Mã"].value: r for r in rows(ws)}
    assert list(found) == list(DEMO_2023)
    for code, (target, actual) in DEMO_2023.items():
        row = found[code]
        assert (row["Chỉ tiêu"].value, row["Thực hiện"].value) == (target, actual), code
        assert row["Chỉ tiêu"].number_format == row["Thực hiện"].number_format == "#,##0"
        assert row["Tỷ lệ đạt"].value == pytest.approx(actual / target)
        assert row["Tỷ lệ đạt"].number_format == "0.0%"
    assert found["TT_SO_BUOI"]["Tiến độ"].value == "Đạt"
    assert found["TT_CHU_THE"]["Tiến độ"].value == "Chậm tiến độ"
    assert found["TT_CHU_THE"]["Tiến độ"].font.color.rgb.endswith("C00000")  # behind is red


def test_number_and_date_formats(book):
    outreach = rows(book["Tuyên truyền"])
    assert outreach[-1]["Khóm"].value == "Tổng cộng" and outreach[-1]["Lượt người tham dự"].value == 4086
    assert all(r["Lượt người tham dự"].number_format == "#,##0" for r in outreach)
    assert outreach[-1]["Khóm"].font.b  # the total row is bold
    training = rows(book["Tập huấn"])
    assert all(isinstance(r["Ngày"].value, datetime) and r["Ngày"].number_format == "DD/MM/YYYY" for r in training)
    products = {r["Mã sản phẩm"].value: r for r in rows(book["Sản phẩm"])}
    assert products["SP02"]["Ngày công nhận"].value == datetime(2023, 12, 22)
    assert products["SP02"]["Hết hạn chứng nhận"].number_format == "DD/MM/YYYY"
    assert products["SP06"]["Hồ sơ bắt buộc"].value == pytest.approx(0.8)
    assert products["SP06"]["Hồ sơ bắt buộc"].number_format == "0.0%"
    assert products["SP10"]["Sao chính thức"].value is None
    tasks = rows(book["Nhiệm vụ"])
    assert [r["Quá hạn"].value for r in tasks].count("Quá hạn") == 3
    assert all(r["Hạn hoàn thành"].number_format == "DD/MM/YYYY" for r in tasks)
    quality = rows(book["Chất lượng dữ liệu"])
    assert all(r["Dòng đọc được"].number_format == "#,##0" for r in quality)


def test_layout_and_print_setup_of_every_sheet(book):
    for ws in book:
        setup = ws.page_setup
        assert int(setup.paperSize) == 9, ws.title  # A4
        assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True, ws.title
        assert "&P" in ws.oddFooter.center.text, ws.title  # page numbers
        widths = [dim.width for dim in ws.column_dimensions.values() if dim.width]
        assert widths and all(4 <= w <= 66 for w in widths), ws.title
        if ws.title == "Bìa":
            continue
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}", ws.title
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", ws.title
        for cell in ws[HEADER_ROW]:
            if cell.value is not None:
                assert cell.font.b and cell.fill.fgColor.rgb.endswith("DDEBF7"), (ws.title, cell.value)
                assert cell.alignment.wrap_text and cell.border.left.style == "thin"
    assert book["Sản phẩm"].page_setup.orientation == "landscape"  # the wide sheets
    assert book["Bìa"].page_setup.orientation == "portrait"
    assert book["Chất lượng dữ liệu"].page_setup.orientation == "portrait"
    long = next(r["Nhiệm vụ"] for r in rows(book["Nhiệm vụ"]))
    assert long.alignment.wrap_text and book["Nhiệm vụ"].row_dimensions[long.row].height > 15.75


def test_text_from_the_sheets_is_neutralised(tmp_path):
    """A product named =HYPERLINK(...) (and a producer named @SUM(1)) in the officers' workbook
    arrive in the report as text with a leading apostrophe, never as a formula."""
    copy = tmp_path / "tiem_nhiem.xlsx"
    wb = openpyxl.load_workbook(DEMO)
    for title, key, column, value in (("Sản phẩm", "SP01", "Tên sản phẩm", INJECTED),
                                      ("Chủ thể", "CT01", "Tên chủ thể", "@SUM(1)")):
        ws = wb[title]
        head = next(r for r in ws.iter_rows(max_row=10) if column in [c.value for c in r])
        name_col = [c.value for c in head].index(column) + 1
        row = next(c.row for c in ws["A"] if c.value == key)
        cell = ws.cell(row, name_col)
        cell.value = value
        cell.data_type = "s"  # typed as text by an officer, as a Google Sheet delivers it
    wb.save(copy)
    data = report_bytes(normalise_workbook(read_xlsx(copy)), 2023, TODAY)
    report = openpyxl.load_workbook(io.BytesIO(data))
    products = {r["Mã sản phẩm"].value: r for r in rows(report["Sản phẩm"])}
    assert products["SP01"]["Tên sản phẩm"].value == "'" + INJECTED
    assert products["SP01"]["Chủ thể"].value == "'@SUM(1)"
    assert products["SP01"]["Tên sản phẩm"].data_type == "s"
    for ws in report:
        for line in ws.iter_rows():
            for cell in line:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def test_text_is_measured_with_times_new_roman():
    assert visual("") == 0 and visual("W") > visual("i")  # proportional, not one width per character
    assert visual("Ệ Ộ Ỗ") == visual("E O O")  # the accents do not widen a line
    assert visual("Tổng cộng", bold=True) > visual("Tổng cộng")
    assert visual("abc", size=24) == pytest.approx(2 * visual("abc"))
    assert wrapped_lines("Đạt", 20) == 1 and wrapped_lines("một\nhai", 20) == 2
    assert wrapped_lines("một hai ba bốn năm sáu bảy tám chín mười", 10) >= 3
    assert wrapped_lines("x" * 100, 10) > 1  # a word longer than the line is broken
    assert row_height(1) < row_height(2) < row_height(3)


def test_a_wide_sheet_is_capped_to_the_page_and_a_narrow_one_is_not_stretched():
    frame = pd.DataFrame({f"Cột {i}": ["chữ " * 30] for i in range(8)})
    wide = column_widths([ReportTable("x", "x", "X", "X", frame, (TEXT,) * 8)])
    assert sum(wide) <= PAGE_BUDGET + 0.1 * len(wide) and min(wide) >= MIN_TEXT_CAP
    narrow = ReportTable("x", "x", "X", "X", pd.DataFrame({"Mã": ["SP01"], "Số": [1234567]}), (TEXT, COUNT))
    code, count = column_widths([narrow])
    assert MIN_WIDTH <= code < 8 and count > code


# --------------------------------------------------------------------------- printed by LibreOffice


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not installed: the report's print check needs LibreOffice and poppler. "
                    f"Install them with: apt-get install -y --no-install-recommends {APT_PACKAGES}")
    return found


@pytest.fixture(scope="module")
def printed(ds, tmp_path_factory) -> dict:
    """The demo report for 2023 converted to PDF by headless LibreOffice (its own throwaway profile),
    then to one PNG per page at 60 dpi, kept in artefacts/report/."""
    soffice, pdftoppm, pdftotext = _tool("soffice"), _tool("pdftoppm"), _tool("pdftotext")
    folder = tmp_path_factory.mktemp("print")
    source = folder / "bao_cao_ocop_2023.xlsx"
    source.write_bytes(report_bytes(ds, 2023, TODAY))
    try:
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(folder), str(source)],
            capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("LibreOffice did not convert the report within 240 s")
    pdf = folder / "bao_cao_ocop_2023.pdf"
    subprocess.run([pdftoppm, "-png", "-r", "60", str(pdf), str(folder / "trang")], check=True, timeout=120)
    pages = sorted(folder.glob("trang-*.png"), key=lambda p: int(re.search(r"(\d+)\.png$", p.name).group(1)))
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTEFACTS.glob("*.png"):
        old.unlink()
    for page in pages:
        shutil.copy(page, ARTEFACTS / f"bao-cao-2023-{page.name}")
    return {"done": done, "pdf": pdf, "pages": pages, "text": text}


def test_libreoffice_converts_without_complaint(printed):
    done = printed["done"]
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert not re.search(r"repair|error|corrupt|exception", output, re.IGNORECASE), output
    assert printed["pdf"].is_file() and printed["pdf"].stat().st_size > 20_000


def test_every_sheet_prints_on_its_own_pages(printed):
    pages = printed["pages"]
    texts = printed["text"].split("\f")[: len(pages)]
    assert len(pages) == len(texts) >= len(SHEETS_VI)
    assert all(page.stat().st_size > 2_000 for page in pages)
    # the footer of every page names its sheet (left) and the page (centre)
    footers = [[line for line in text.splitlines() if line.strip()][-1].strip() for text in texts]
    sheet_of_page = [next((name for name in sorted(SHEETS_VI, key=len, reverse=True) if f.startswith(name)), None)
                     for f in footers]
    assert None not in sheet_of_page, footers
    assert set(sheet_of_page) == set(SHEETS_VI)
    assert sheet_of_page == sorted(sheet_of_page, key=SHEETS_VI.index)  # in order
    assert footers[0].endswith(f"Trang 1/{len(pages)}")


def test_printed_text_is_whole(printed):
    """No `###` for a number too wide for its column; titles and figures printed in Vietnamese."""
    text = printed["text"]
    assert "###" not in text
    for expected in ("DỮ LIỆU MẪU", "BÁO CÁO KẾT QUẢ THỰC HIỆN", "MỖI XÃ MỘT", "Phòng Kinh tế thành phố Châu Đốc",
                     "Kết quả thực hiện các chỉ tiêu năm 2023", "Chậm tiến độ", "22/12/2026", "Tổng cộng"):
        assert expected in text, expected
    # separators follow LibreOffice's locale: 4,086 and 136.2% in English, 4.086 and 136,2% in Vietnamese
    assert re.search(r"4[.,\u00a0 ]086", text) and re.search(r"136[.,]2\s?%", text)
