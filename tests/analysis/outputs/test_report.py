"""The report upward (analysis/outputs/report.py): its tables, the formatted workbook, the CLI, and the
workbook printed to PDF by LibreOffice.

The LibreOffice tests need `soffice` and poppler's `pdftoppm`/`pdftotext` (Debian:
libreoffice-calc libreoffice-core poppler-utils fonts-liberation2); without them they FAIL,
naming the packages. The PNG pages of the demo report for 2023 are kept in artefacts/report/
(git-ignored) for a person to look at.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from analysis.i18n import strings
from analysis.outputs.report import build_report, report_bytes, report_tables
from analysis.workbook.normalise import normalise_workbook
from data_sources.excel import read_xlsx
from tests.analysis.fixture_small import AS_OF, small_dataset

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "data_sources" / "demo" / "ocop_demo.xlsx"
ARTEFACTS = REPO / "artefacts" / "report"
TODAY = date(2024, 1, 15)  # the day the report is made: 2023 is over, three tasks are overdue
APT_PACKAGES = "libreoffice-calc libreoffice-core poppler-utils fonts-liberation2"

SHEETS_VI = ["Bìa", "Chỉ tiêu", "Sản phẩm", "Tuyên truyền", "Tập huấn", "Nhiệm vụ", "Chất lượng dữ liệu"]
SHEETS_EN = ["Cover", "Indicators", "Products", "Outreach", "Training", "Tasks", "Data quality"]
TABLES_VI = ["Chỉ tiêu", "Sản phẩm", "Tuyên truyền", "Độ bao phủ", "Tập huấn", "Nhiệm vụ", "Chất lượng dữ liệu"]
HEADER_ROW = 4  # context line, blank, title line, header

# code -> (target, actual) of the demo workbook for 2023
DEMO_2023 = {
    "SP_OCOP": (1, 1), "SP_TIEM_NANG": (8, 7), "HO_SO_NOP": (2, 2), "CHU_THE_THAM_GIA": (6, 5),
    "TT_SO_BUOI": (36, 40), "TT_LUOT_NGUOI": (3000, 4086), "TT_KHOM": (4, 4), "TT_CHU_THE": (25, 20),
    "TH_LUOT_CAN_BO": (15, 12),
}
INJECTED = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="module")
def ds():
    return normalise_workbook(read_xlsx(DEMO, kind="demo"))


@pytest.fixture(scope="module")
def book(ds) -> openpyxl.Workbook:
    """The demo report for 2023, saved and read back as a recipient's spreadsheet program would."""
    return openpyxl.load_workbook(io.BytesIO(report_bytes(ds, 2023, TODAY)))


def header(ws) -> list:
    return [cell.value for cell in ws[HEADER_ROW] if cell.value is not None]


def rows(ws) -> list[dict]:
    """The first table of a sheet as dicts, header -> cell, up to its first empty row."""
    names = header(ws)
    found = []
    for line in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=len(names)):
        if all(cell.value is None for cell in line):
            break
        found.append(dict(zip(names, line)))
    return found


def cover_items(ws) -> dict:
    return {row[0].value: row[1].value for row in ws.iter_rows(max_col=2) if row[0].value is not None}


# --------------------------------------------------------------------------- tables


def test_tables_in_order_with_catalogue_headers(ds):
    tables = report_tables(ds, 2023, TODAY)
    assert list(tables) == TABLES_VI
    assert list(tables["Chỉ tiêu"].columns) == ["Mã", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Thực hiện",
                                                "Tỷ lệ đạt", "Tiến độ"]
    assert list(tables["Sản phẩm"].columns) == [
        "Mã sản phẩm", "Tên sản phẩm", "Chủ thể", "Nhóm", "Khóm", "Giai đoạn", "Hồ sơ bắt buộc", "Tất cả hồ sơ",
        "Giấy tờ bắt buộc còn thiếu", "Sao dự kiến (tự đánh giá)", "Sao chính thức", "Ngày công nhận",
        "Hết hạn chứng nhận"]
    assert list(tables["Tuyên truyền"].columns) == [
        "Khóm", "Đài truyền thanh", "Hội nghị", "Họp dân", "Vãng gia", "Mạng xã hội", "Tài liệu - tờ rơi",
        "Lồng ghép sinh hoạt hội", "Tổng số hoạt động", "Lượt người tham dự"]
    assert list(tables["Độ bao phủ"].columns) == ["Nội dung", "Đã tiếp cận", "Tổng số", "Tỷ lệ"]
    assert list(tables["Tập huấn"].columns) == ["Ngày", "Lớp tập huấn", "Đơn vị tổ chức", "Người tham dự",
                                                "Chức vụ", "Đơn vị công tác"]
    assert list(tables["Nhiệm vụ"].columns) == ["Đơn vị", "Nhiệm vụ", "Hạn hoàn thành", "Tình trạng", "Quá hạn"]
    assert list(tables["Chất lượng dữ liệu"].columns) == ["Trang tính", "Dòng đọc được", "Dòng hợp lệ",
                                                          "Dòng bị loại", "Lỗi", "Cảnh báo", "Lưu ý"]


def test_english_tables_have_english_headers(ds):
    vi, en = report_tables(ds, 2023, TODAY), report_tables(ds, 2023, TODAY, "en")
    assert list(en) == ["Indicators", "Products", "Outreach", "Coverage", "Training", "Tasks", "Data quality"]
    assert list(en["Indicators"].columns) == ["Code", "Indicator", "Unit", "Target", "Actual", "Reached", "Pace"]
    assert list(en["Data quality"].columns) == ["Tab", "Rows read", "Accepted", "Rejected", "Errors", "Warnings",
                                                "Notices"]
    for (name_vi, table_vi), table_en in zip(vi.items(), en.values()):
        assert table_vi.shape == table_en.shape, name_vi
    assert en["Indicators"].loc[0, "Indicator"] == "Products rated 3 stars or more"
    assert set(en["Products"]["Stage"]) <= {strings.t(k, "en") for k in (
        "stage.potential", "stage.registered", "stage.preparing", "stage.submitted", "stage.rated", "stage.dropped")}


def test_indicators_of_the_demo_2023(ds):
    table = report_tables(ds, 2023, TODAY)["Chỉ tiêu"]
    got = {row["Mã"]: (row["Chỉ tiêu"], row["Thực hiện"]) for _, row in table.iterrows()}
    assert got == DEMO_2023
    for _, row in table.iterrows():
        assert row["Tỷ lệ đạt"] == pytest.approx(row["Thực hiện"] / row["Chỉ tiêu"])
        assert row["Tiến độ"] == ("Đạt" if row["Thực hiện"] >= row["Chỉ tiêu"] else "Chậm tiến độ")  # 2023 is over


def test_products_are_the_whole_pipeline_with_readiness_and_stars(ds):
    table = report_tables(ds, 2023, TODAY)["Sản phẩm"].set_index("Mã sản phẩm")
    assert len(table) == 12  # every accepted product (SP05's repeat is rejected)
    assert table.loc["SP01", "Sao chính thức"] == "3 sao" and table.loc["SP03", "Sao chính thức"] == "4 sao"
    assert table.loc["SP05", "Sao dự kiến (tự đánh giá)"] == "3 sao"
    assert table.loc["SP01", "Giấy tờ bắt buộc còn thiếu"] == "Đủ"
    assert table.loc["SP07", "Giấy tờ bắt buộc còn thiếu"] == "Phương án kinh doanh"
    assert table.loc["SP10", "Giấy tờ bắt buộc còn thiếu"] == (
        "Phiếu đăng ký, Phương án kinh doanh, Giới thiệu tổ chức, Giấy ĐKKD, Mẫu sản phẩm")
    assert table.loc["SP06", "Hồ sơ bắt buộc"] == pytest.approx(0.8)
    assert table.loc["SP02", "Ngày công nhận"] == datetime(2023, 12, 22)
    assert table.loc["SP02", "Hết hạn chứng nhận"] == datetime(2026, 12, 22)


def test_outreach_totals_and_coverage_match_the_indicators(ds):
    tables = report_tables(ds, 2023, TODAY)
    outreach = tables["Tuyên truyền"]
    assert list(outreach["Khóm"]) == ["Vĩnh Chánh 1", "Vĩnh Chánh 2", "Vĩnh Đông", "Vĩnh Phú", "Toàn phường",
                                      "Tổng cộng"]
    total = outreach.iloc[-1]
    assert total["Tổng số hoạt động"] == 40 and total["Lượt người tham dự"] == 4086
    channels = outreach.columns[1:-2]
    assert (outreach[channels].sum(axis=1) == outreach["Tổng số hoạt động"]).all()
    coverage = tables["Độ bao phủ"].set_index("Nội dung")
    assert tuple(coverage.loc["Khóm được tuyên truyền", ["Đã tiếp cận", "Tổng số"]]) == (4, 4)
    assert tuple(coverage.loc["Chủ thể được tiếp cận", ["Đã tiếp cận", "Tổng số"]]) == (20, 25)
    assert coverage.loc["Chủ thể được tiếp cận", "Tỷ lệ"] == pytest.approx(0.8)


def test_training_tasks_and_data_quality(ds):
    tables = report_tables(ds, 2023, TODAY)
    training = tables["Tập huấn"]
    assert len(training) == 12 and training["Ngày"].is_monotonic_increasing
    tasks = tables["Nhiệm vụ"]
    assert len(tasks) == 13
    assert (tasks["Quá hạn"] == "Quá hạn").sum() == 3
    quality = tables["Chất lượng dữ liệu"].set_index("Trang tính")
    assert tuple(quality.loc["Sản phẩm", ["Dòng đọc được", "Dòng hợp lệ", "Dòng bị loại", "Lỗi"]]) == (13, 12, 1, 1)
    body = quality.drop(index="Tổng cộng")
    assert (body["Dòng đọc được"] == body["Dòng hợp lệ"] + body["Dòng bị loại"]).all()
    assert tuple(quality.loc["Tổng cộng", ["Lỗi", "Cảnh báo", "Lưu ý"]]) == (2, 2, 1)


def test_a_year_without_data_gives_empty_tables_not_a_crash(ds):
    tables = report_tables(ds, 2030, date(2031, 1, 1))
    assert tables["Tập huấn"].empty and tables["Nhiệm vụ"].empty
    assert tables["Tuyên truyền"].iloc[-1]["Tổng số hoạt động"] == 0
    wb = openpyxl.load_workbook(io.BytesIO(report_bytes(ds, 2030, date(2031, 1, 1))))
    assert wb["Tập huấn"].cell(HEADER_ROW + 1, 1).value == "Không có số liệu trong năm này."


# --------------------------------------------------------------------------- the workbook


def test_sheets_in_order(book, ds):
    assert book.sheetnames == SHEETS_VI
    english = build_report(ds, 2023, TODAY, "en")
    assert english.sheetnames == SHEETS_EN
    assert cover_items(english["Cover"])["Plan number"] == "42/KH-UBND"


def test_cover(book, ds):
    ws = book["Bìa"]
    assert ws["A1"].value == "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP) NĂM 2023"
    items = cover_items(ws)
    assert items["Đơn vị báo cáo"] == ds.info["ward_name"] == "Phường Vĩnh Hòa Đông (dữ liệu mẫu)"
    assert items["Kính gửi"] == ds.info["report_to"] == "Phòng Kinh tế thành phố Châu Đốc"
    assert items["Số kế hoạch"] == "42/KH-UBND"
    assert items["Năm báo cáo"] == 2023
    read_at = ds.source.read_local().replace(tzinfo=None, second=0, microsecond=0)
    assert items["Số liệu đọc lúc"].replace(second=0, microsecond=0) == read_at  # Vietnam time
    assert items["Ngày lập báo cáo"] == datetime(2024, 1, 15)
    assert "Bảng điều khiển OCOP của phường" in items["Nguồn số liệu"]
    value_cells = {row[0].value: row[1] for row in ws.iter_rows(max_col=2) if row[0].value is not None}
    assert value_cells["Năm báo cáo"].number_format == "0"  # 2023, never 2,023
    assert value_cells["Số liệu đọc lúc"].number_format == "DD/MM/YYYY HH:MM"
    assert value_cells["Ngày lập báo cáo"].number_format == "DD/MM/YYYY"
    texts = [cell.value for row in ws.iter_rows() for cell in row]
    assert "DỮ LIỆU MẪU" in texts  # the demo is marked as sample data
    for name in SHEETS_VI[1:]:
        assert name in items  # the contents list


def test_real_data_is_not_marked_as_sample():
    wb = build_report(small_dataset(), 2023, AS_OF)
    texts = [cell.value for ws in wb for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not any("DỮ LIỆU MẪU" in text for text in texts)
    assert wb["Chỉ tiêu"]["A1"].value.endswith("15/08/2023 16:00")  # read 09:00 UTC = 16:00 in Vietnam


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


# --------------------------------------------------------------------------- the CLI


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS")}
    return subprocess.run([sys.executable, "-m", "analysis", "report", *args], cwd=REPO, env=env, timeout=120,
                          capture_output=True, text=True, encoding="utf-8")


def test_cli_round_trip(tmp_path):
    out = tmp_path / "bao_cao.xlsx"
    done = run_cli("--data", str(DEMO), "--year", "2023", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == [f"Đã ghi báo cáo năm 2023 vào tệp “{out}”."]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == SHEETS_VI
    assert {r["Mã"].value: (r["Chỉ tiêu"].value, r["Thực hiện"].value) for r in rows(wb["Chỉ tiêu"])} == DEMO_2023
    english = tmp_path / "report.xlsx"
    done = run_cli("--data", str(DEMO), "--year", "2023", "--out", str(english), "--lang", "en")
    assert done.returncode == 0 and "Wrote the 2023 report" in done.stdout
    assert openpyxl.load_workbook(english).sheetnames == SHEETS_EN


def test_cli_unreadable_source_is_a_plain_error(tmp_path):
    out = tmp_path / "bao_cao.xlsx"
    missing = tmp_path / "khong_co.xlsx"
    done = run_cli("--data", str(missing), "--year", "2023", "--out", str(out))
    assert done.returncode == 2
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert "Không tìm thấy tệp dữ liệu" in done.stderr and str(missing) in done.stderr
    assert not out.exists()


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
