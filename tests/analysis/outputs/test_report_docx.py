"""analysis/outputs/report_docx.py (+ report_docx_parts.py, report_docx_province.py): the Word report of Decree
30/2020/NĐ-CP, read back with python-docx (headings, figures, font, page, page numbers, sample mark), printed by
headless LibreOffice (Writer) to PDF and PNG, and written by the command line.

The LibreOffice tests need `soffice` with Writer and poppler (Debian: libreoffice-writer libreoffice-core
poppler-utils fonts-liberation2); without them they FAIL, naming the packages. The first two pages of the demo
report are kept as artefacts/report-docx-page1.png and -page2.png (git-ignored) for a person to look at.
"""
from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from analysis.cli.province import load_province
from analysis.i18n import formatting
from analysis.metrics import province as pm
from analysis.metrics.indicators import indicators
from analysis.metrics.scope import Filters
from analysis.outputs.report_docx import parent_authority, place_name, report_docx_bytes
from analysis.outputs.report_docx_province import province_report_docx_bytes
from analysis.workbook.dataset import SourceInfo
from tests.analysis.outputs.report_fixture import DEMO, DEMO_2023, REPO, TODAY
from tests.province_support import make_demo_province

APT_PACKAGES = "libreoffice-writer libreoffice-core poppler-utils fonts-liberation2"
ARTEFACTS = REPO / "artefacts"
SAMPLE = "DỮ LIỆU MẪU"


def read(data: bytes):
    return Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def data(ds) -> bytes:
    return report_docx_bytes(ds, 2023, TODAY)


@pytest.fixture(scope="module")
def doc(data):
    return read(data)


def texts(doc) -> list[str]:
    """Every paragraph of the body and of its tables, in order."""
    found = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [p.text for p in cell.paragraphs]
    return found


def parts(doc) -> list:
    section = doc.sections[0]
    return [section.first_page_header, section.header, section.first_page_footer, section.footer]


# --------------------------------------------------------------------------- what it says


def test_heading_title_and_sections(doc):
    left, right = (cell.text.split("\n") for cell in doc.tables[0].rows[0].cells)
    assert left[:2] == ["UBND THÀNH PHỐ CHÂU ĐỐC", "UBND PHƯỜNG VĨNH HÒA ĐÔNG (DỮ LIỆU MẪU)"]
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    issuer, motto = doc.tables[0].rows[0].cells[0].paragraphs[1], doc.tables[0].rows[0].cells[1].paragraphs[0]
    assert all(r.bold for r in issuer.runs) and all(r.bold for r in motto.runs)
    number, dated = (cell.text for cell in doc.tables[0].rows[1].cells)
    assert re.fullmatch(r"Số:\s+/BC-UBND", number)
    assert dated == "Vĩnh Hòa Đông, ngày 15 tháng 01 năm 2024"  # Decree 30: 0 before days < 10 and months 1, 2
    lines = [p.text for p in doc.paragraphs]
    assert lines[0] == "BÁO CÁO" and doc.paragraphs[0].runs[0].bold
    assert doc.paragraphs[0].alignment == 1  # centred
    assert lines[1] == "Kết quả thực hiện Kế hoạch số 42/KH-UBND năm 2023"
    assert "Kính gửi: Phòng Kinh tế thành phố Châu Đốc" in lines
    headings = [t for t in lines if re.match(r"^(I|II|III)\. ", t)]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"]
    assert lines.index(headings[0]) < lines.index(headings[1]) < lines.index(headings[2])
    closing = doc.tables[-1].rows[0].cells
    assert closing[0].text.split("\n") == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert closing[0].paragraphs[0].runs[0].bold and closing[0].paragraphs[0].runs[0].italic
    assert closing[1].text.split("\n")[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_figures_are_the_metrics_in_vietnamese_format(ds, doc):
    table = indicators(ds, Filters(2023))
    assert {r.code: (r.target, r.actual) for r in table.itertuples()} == DEMO_2023
    rows = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert rows[0] == ["TT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Thực hiện", "Tỷ lệ đạt", "Tiến độ"]
    lines = [p.text for p in doc.paragraphs]
    for n, row in enumerate(table.itertuples(), start=1):
        target, actual = formatting.number(row.target), formatting.number(row.actual)
        percent = formatting.percent(row.percent)
        assert rows[n][:2] == [str(n), row.label] and rows[n][3:6] == [target, actual, percent], row.code
        sentence = next(t for t in lines if t.startswith(f"- {row.label}:"))
        assert f"kế hoạch {target}" in sentence and f"thực hiện {actual}" in sentence and percent in sentence
    assert rows[6][3:6] == ["3.000", "4.086", "136,2%"]  # 1.234,5: dots between thousands, comma decimals
    body = "\n".join(lines)
    assert "(đến ngày 31/12/2023 cần đạt 100% kế hoạch)" in body
    assert "- Chủ thể sản xuất được tiếp cận: mới đạt 80%" in body
    assert "3 nhiệm vụ quá hạn chưa hoàn thành:" in body and "(Cán bộ ĐC-XD, hạn 31/10/2023)." in body
    assert "đã hết hạn ngày 18/12/2023" in body and "- Trang Sản phẩm: 1 lỗi, 0 cảnh báo." in body
    assert "Tổ chức 40 buổi tuyên truyền với 4.086 lượt người tham dự" in body


def test_page_font_and_page_numbers(data, doc):
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35 and 15 <= section.right_margin.mm <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and 13 <= normal.font.size.pt <= 14
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    assert not any(fonts.get(qn(f"w:{slot}")) for slot in ("asciiTheme", "eastAsiaTheme"))
    sizes = {r.font.size.pt for p in doc.paragraphs for r in p.runs if r.font.size is not None}
    assert sizes <= {11, 12, 13, 14}
    assert {r.font.name for p in doc.paragraphs for r in p.runs} <= {None}  # every run takes Normal's font
    # the number at the top centre from page 2: a PAGE field in the header, none on the first page
    assert section.different_first_page_header_footer
    assert "PAGE" in "".join(t.text for t in section.header._element.iter(qn("w:instrText")))
    assert section.header.paragraphs[0].alignment == 1
    assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_the_sample_mark_is_on_every_page_and_only_for_sample_data(ds, doc):
    assert all(SAMPLE in "".join(p.text for p in part.paragraphs) for part in parts(doc))
    assert doc.sections[0].first_page_header.paragraphs[0].text.startswith(SAMPLE)  # first page included
    real = dataclasses.replace(ds, source=SourceInfo("xlsx", "/tmp/ocop.xlsx", "ocop"))
    plain = read(report_docx_bytes(real, 2023, TODAY))
    assert not any(SAMPLE in p.text for part in parts(plain) for p in part.paragraphs)


def test_hostile_sheet_text_is_plain_text(ds):
    info = dict(ds.info, ward_name='Phường <w:t>X\x00\x0b</w:t> =HYPERLINK("http://x")',
                report_to="Phòng\x1f {PAGE} tỉnh An Giang", plan_number=None)
    doc = read(report_docx_bytes(dataclasses.replace(ds, info=info), 2023, TODAY))
    left = doc.tables[0].rows[0].cells[0].text.split("\n")
    assert left[:2] == ["UBND TỈNH AN GIANG", 'UBND PHƯỜNG <W:T>X</W:T> =HYPERLINK("HTTP://X")']
    assert "Kính gửi: Phòng {PAGE} tỉnh An Giang" in [p.text for p in doc.paragraphs]
    assert doc.paragraphs[1].text == "Kết quả thực hiện Kế hoạch số … năm 2023"  # no plan number: a blank
    assert len(list(doc.element.body.iter(qn("w:instrText")))) == 0  # no field came from the text


def test_the_parent_authority_and_the_place():
    assert parent_authority("Phòng Kinh tế thành phố Châu Đốc", "vi") == "UBND THÀNH PHỐ CHÂU ĐỐC"
    assert parent_authority("UBND tỉnh An Giang", "vi") == "UBND TỈNH AN GIANG"
    assert parent_authority("Sở Nông nghiệp", "vi") is None and parent_authority(None, "vi") is None
    assert place_name("Phường Vĩnh Hòa Đông (dữ liệu mẫu)") == "Vĩnh Hòa Đông" and place_name("Phường 1") == "Phường 1"


def test_english_is_the_same_document_translated(ds):
    doc = read(report_docx_bytes(ds, 2023, date(2024, 1, 5), "en"))
    assert [p.text for p in doc.paragraphs][:2] == ["REPORT", "Results of Plan No. 42/KH-UBND in 2023"]
    assert doc.tables[0].rows[1].cells[1].text == "Vĩnh Hòa Đông, 5 January 2024"
    assert "4,086" in doc.tables[1].rows[6].cells[4].text


# --------------------------------------------------------------------------- the province


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    demo = make_demo_province(tmp_path_factory.mktemp("province"))
    return demo, load_province(demo.store)


def test_the_province_report(province):
    demo, store = province
    year = store.years()[0]
    doc = read(province_report_docx_bytes(store.units, store.indicators, year, date(year, 12, 31), sample=True))
    left = doc.tables[0].rows[0].cells[0].text.split("\n")
    assert left[:2] == ["UBND TỈNH …", "CƠ QUAN THƯỜNG TRỰC CHƯƠNG TRÌNH OCOP"]
    lines = [p.text for p in doc.paragraphs]
    assert lines[1] == f"Kết quả thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) toàn tỉnh năm {year}"
    assert [t for t in lines if re.match(r"^(I|II|III)\. ", t)][0] == "I. KẾT QUẢ THỰC HIỆN"
    totals = pm.province_totals(store.indicators, store.units, year)
    rows = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    for n, row in enumerate(totals.itertuples(), start=1):
        assert rows[n][1:6] == [row.label, str(row.units_with_target), formatting.number(row.target, 2),
                                formatting.number(row.actual, 2), formatting.percent(row.percent)], row.code
    behind = pm.behind_units(pm.unit_indicators(store.indicators, store.units, year), store.units)
    body = "\n".join(lines)
    assert f"{len(behind)} đơn vị chậm tiến độ ở ít nhất một chỉ tiêu:" in body
    names = dict(zip(store.units["code"], store.units["name"]))
    assert f"- {names[demo.unreadable]} (Không đọc được" in body and f"- {names[demo.stale]} (Dữ liệu cũ" in body
    assert all(SAMPLE in "".join(p.text for p in part.paragraphs) for part in parts(doc))
    assert doc.tables[-1].rows[0].cells[1].text.startswith("THỦ TRƯỞNG CƠ QUAN")


# --------------------------------------------------------------------------- printed by LibreOffice


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not installed: the Word report's print check needs LibreOffice Writer and poppler. "
                    f"Install them with: apt-get install -y --no-install-recommends {APT_PACKAGES}")
    return found


def to_pdf(source, folder) -> tuple[str, list[str]]:
    """The document printed by headless LibreOffice (a throwaway profile): its text and its pages' texts."""
    soffice, pdftotext = _tool("soffice"), _tool("pdftotext")
    try:
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(folder), str(source)], capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("LibreOffice did not convert the Word report within 240 s")
    output = done.stdout + done.stderr
    assert done.returncode == 0 and not re.search(r"repair|error|corrupt|exception", output, re.IGNORECASE), output
    pdf = source.with_suffix(".pdf")
    assert pdf.is_file(), output
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    return str(pdf), [page for page in text.split("\f") if page.strip()]


def test_libreoffice_prints_it_and_pages_are_kept_to_look_at(data, tmp_path):
    source = tmp_path / "bao-cao-ocop-2023.docx"
    source.write_bytes(data)
    pdf, pages = to_pdf(source, tmp_path)
    assert len(pages) >= 2
    first = pages[0]
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                     "I. KẾT QUẢ THỰC HIỆN", "4.086"):
        assert expected in "\n".join(pages), expected
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first  # on one line: the right column holds it
    assert all(page.count(SAMPLE) >= 2 for page in pages)  # header and footer of every page
    for n, page in enumerate(pages[1:], start=2):
        assert page.strip().splitlines()[0].strip() == str(n)  # the page number on top, from page 2
    assert not re.match(r"\s*1\s*$", first.strip().splitlines()[0])
    pdftoppm = _tool("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "2", pdf, str(tmp_path / "trang")], check=True,
                   timeout=120)
    ARTEFACTS.mkdir(exist_ok=True)
    for n in (1, 2):
        image = next(tmp_path.glob(f"trang-*{n}.png"))
        assert image.stat().st_size > 10_000
        shutil.copy(image, ARTEFACTS / f"report-docx-page{n}.png")


def test_libreoffice_prints_the_province_report(province, tmp_path):
    _, store = province
    year = store.years()[0]
    source = tmp_path / "bao-cao-ocop-toan-tinh.docx"
    source.write_bytes(province_report_docx_bytes(store.units, store.indicators, year, date(year, 12, 31),
                                                  sample=True))
    _, pages = to_pdf(source, tmp_path)
    text = "\n".join(pages)
    assert "CƠ QUAN THƯỜNG TRỰC" in text and "THỦ TRƯỞNG CƠ QUAN" in text and "II. TỒN TẠI, HẠN CHẾ" in text
    assert all(SAMPLE in page for page in pages)


# --------------------------------------------------------------------------- the command line


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OCOP_DATA", "GOOGLE_APPLICATION_CREDENTIALS", "OCOP_REGISTRY", "OCOP_STORE")}
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=REPO, env=env, timeout=180,
                          capture_output=True, text=True, encoding="utf-8")


def test_cli_writes_the_word_report(tmp_path):
    out = tmp_path / "bao-cao.docx"
    done = run_cli("report", "--data", str(DEMO), "--year", "2023", "--out", str(out), "--format", "docx")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Đã ghi báo cáo Word năm 2023 vào tệp “{out}”."
    assert read(out.read_bytes()).paragraphs[0].text == "BÁO CÁO"
    by_suffix = tmp_path / "report.docx"
    assert run_cli("report", "--data", str(DEMO), "--year", "2023", "--out", str(by_suffix)).returncode == 0
    assert read(by_suffix.read_bytes()).tables[1].rows[6].cells[4].text == "4.086"


def test_cli_writes_the_province_word_report(province, tmp_path):
    demo, store = province
    out = tmp_path / "tinh.docx"
    year = store.years()[0]
    done = run_cli("province", "--registry", str(demo.registry), "--store", str(demo.store), "--year", str(year),
                   "--out", str(out))
    assert done.returncode == 0, done.stderr
    doc = read(out.read_bytes())
    assert doc.paragraphs[1].text.endswith(f"toàn tỉnh năm {year}")
    assert not any(SAMPLE in p.text for part in parts(doc) for p in part.paragraphs)  # an .xlsx registry: not demo
