"""The officers' template (analysis/outputs/template.py): built from the contract, read back clean."""
from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from analysis.cli import main
from analysis.i18n import strings
from analysis.outputs.template import (
    AREA_LAST_ROW,
    DOC_STATUS_LABELS,
    GUIDE_TITLE,
    LAST_ROW,
    LISTS_TITLE,
    build_template,
    column_description,
    template_bytes,
)
from analysis.workbook import contract as c
from analysis.workbook.cells import parse_doc_status, parse_yesno
from analysis.workbook.dataset import RowCount
from analysis.workbook.normalise import normalise_workbook
from data_sources.excel import read_xlsx

DEMO = Path(__file__).resolve().parents[3] / "data_sources" / "demo" / "ocop_demo.xlsx"
AREAS = ["Vĩnh Chánh 1", "Vĩnh Phú"]
RANGE = re.compile(r"^'(?P<sheet>(?:[^']|'')+)'!\$(?P<col>[A-Z]+)\$(?P<first>\d+):\$(?P=col)\$(?P<last>\d+)$")


@pytest.fixture(scope="module")
def wb() -> Workbook:
    return build_template(AREAS)


def _letter(tab: c.Tab, key: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter([col.key for col in tab.columns].index(key) + 1)


def _validation_for(ws, cell: str):
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, (ws.title, cell, found)
    return found[0]


def _list_values(wb: Workbook, formula: str) -> tuple[str, list]:
    """The sheet a list formula points at, and the values of that range."""
    m = RANGE.match(formula)
    assert m, formula
    sheet = m["sheet"].replace("''", "'")
    ws = wb[sheet]
    return sheet, [ws[f"{m['col']}{row}"].value for row in range(int(m["first"]), int(m["last"]) + 1)]


# --------------------------------------------------------------------------- layout
def test_every_contract_tab_and_header_in_order(wb):
    assert wb.sheetnames == [GUIDE_TITLE, *(tab.title for tab in c.TABS), LISTS_TITLE]
    assert wb.active.title == GUIDE_TITLE
    assert wb[LISTS_TITLE].sheet_state == "hidden"
    for tab in c.TABS:
        ws = wb[tab.title]
        headers = [cell.value for cell in ws[1]][:len(tab.columns)]
        assert headers == [col.header for col in tab.columns], tab.title
        assert ws.max_column == len(tab.columns)
        assert ws.freeze_panes == "A2"
        for index, column in enumerate(tab.columns, start=1):
            cell = ws.cell(row=1, column=index)
            assert cell.font.bold and cell.alignment.wrap_text and cell.border.bottom.style == "thin"
            assert ws.column_dimensions[cell.column_letter].width >= 8
            assert cell.comment is not None and cell.comment.text == column_description(tab, column)
            assert cell.comment.text.startswith("Bắt buộc") == column.required


def test_required_headers_stand_out(wb):
    for tab in c.TABS:
        ws = wb[tab.title]
        fills = {col.required: ws.cell(row=1, column=i).fill.fgColor.rgb for i, col in enumerate(tab.columns, 1)}
        if len(fills) == 2:
            assert fills[True] != fills[False], tab.title


def test_every_column_has_a_description_in_both_languages():
    for tab in c.TABS:
        for column in tab.columns:
            assert column_description(tab, column, "vi") != column_description(tab, column, "en")
    # the catalogue describes exactly the contract: every tab, column, item and kind, nothing else
    expected = {
        "template.col.": {f"{tab.key}.{column.key}" for tab in c.TABS for column in tab.columns},
        "template.tab.": {tab.key for tab in c.TABS},
        "template.info.": set(c.INFO_KEYS.values()),
        "template.kind.": {column.kind for tab in c.TABS for column in tab.columns},
    }
    for prefix, names in expected.items():
        assert {key.removeprefix(prefix) for key in strings.CATALOGUE if key.startswith(prefix)} == names, prefix


def test_descriptions_fill_in_the_contract():
    products, outreach = c.TABS_BY_KEY["products"], c.TABS_BY_KEY["outreach"]
    assert column_description(products, products.column("certified_on"), "en") == (
        "Date of the certification decision; a certificate lasts 36 months. Day/month/year, e.g. 15/03/2024.")
    assert column_description(products, products.column("stars")).endswith(
        ". Từ 1 đến 5; 3, “3 sao” hoặc ★★★ đều được; để trống thì tính từ Điểm đánh giá.")
    assert column_description(products, products.column("score")).endswith("(thang 100). Số từ 0 đến 100.")
    assert column_description(products, products.column("producer_id"), "en") == \
        "Id of the producer that makes it. An id from the Chủ thể tab."
    assert column_description(outreach, outreach.column("area"), "en").endswith(
        "A khóm named in the Khóm tab, or Toàn phường (the whole ward).")
    dossiers = c.TABS_BY_KEY["dossiers"]
    assert column_description(dossiers, dossiers.column("registration_form")) == (
        "Giấy tờ bắt buộc: Phiếu đăng ký tham gia Chương trình OCOP. Đã có; Đang làm; Chưa có (để trống cũng là "
        "Chưa có); Không áp dụng (không tính vào hồ sơ).")


def test_info_tab_is_key_value_with_every_item(wb):
    ws = wb[c.TABS_BY_KEY["info"].title]
    items = [ws.cell(row=r, column=1).value for r in range(2, 2 + len(c.INFO_KEYS))]
    assert items == list(c.INFO_KEYS)
    assert all(ws.cell(row=r, column=2).value is None for r in range(2, ws.max_row + 1))


def test_khom_prefilled_and_empty_without_areas(wb):
    areas = c.TABS_BY_KEY["areas"]
    ws = wb[areas.title]
    assert [ws[f"A{r}"].value for r in range(2, 2 + len(AREAS))] == AREAS
    assert ws[f"A{2 + len(AREAS)}"].value is None
    blank = build_template()[areas.title]
    assert all(blank[f"A{r}"].value is None for r in range(2, 50))
    assert _letter(areas, "name") == "A"


def test_prefilled_areas_drop_blanks_and_repeats():
    ws = build_template(["Khóm 1", "  ", "KHÓM 1", None, "Khóm 2"])[c.TABS_BY_KEY["areas"].title]
    assert [ws[f"A{r}"].value for r in range(2, 5)] == ["Khóm 1", "Khóm 2", None]


# --------------------------------------------------------------------------- dropdowns
def _expected_list(column: c.Column) -> tuple[str, ...]:
    if column.kind == c.DOC_STATUS:
        return ("Đã có", "Đang làm", "Chưa có", "Không áp dụng")
    if column.kind == c.YESNO:
        return ("Có", "Không")
    if column.kind == c.CODE:
        return c.INDICATOR_CODES
    return c.VOCABULARIES[column.vocab]


def test_validations_point_at_the_right_lists(wb):
    checked = 0
    for tab in c.TABS:
        if tab.key_value:
            continue
        ws = wb[tab.title]
        for column in tab.columns:
            if column.kind not in (c.VOCAB, c.DOC_STATUS, c.YESNO, c.CODE):
                assert not [dv for dv in ws.data_validations.dataValidation
                            if f"{_letter(tab, column.key)}2" in dv.sqref], (tab.title, column.header)
                continue
            letter = _letter(tab, column.key)
            dv = _validation_for(ws, f"{letter}2")
            assert dv is _validation_for(ws, f"{letter}{LAST_ROW}")
            assert dv.type == "list" and dv.allow_blank and dv.showInputMessage and dv.prompt
            assert not dv.showErrorMessage or dv.errorStyle == "warning"  # variants can still be typed
            sheet, values = _list_values(wb, dv.formula1)
            areas_title = c.TABS_BY_KEY["areas"].title
            if column.vocab == "areas":
                assert dv.formula1 == f"'{areas_title}'!$A$2:$A${AREA_LAST_ROW}"
            elif column.vocab == "areas_or_ward":
                assert sheet == LISTS_TITLE
                assert values[0] == c.WHOLE_WARD
                assert values[1:] == [f"=IF('{areas_title}'!$A{r}=\"\",\"\",'{areas_title}'!$A{r})"
                                      for r in range(2, AREA_LAST_ROW + 1)]
            else:
                assert sheet == LISTS_TITLE
                assert tuple(values) == _expected_list(column), (tab.title, column.header)
            checked += 1
    assert checked == 7 + 12 + 1 + 2 + 1  # vocab + documents + yes/no + khóm + code


def test_list_values_are_what_the_reader_accepts():
    for status, label in DOC_STATUS_LABELS.items():
        assert parse_doc_status(label) == status
    assert parse_yesno("Có") is True and parse_yesno("Không") is False


def test_long_area_lists_are_covered():
    many = [f"Khóm {i}" for i in range(1, 251)]
    wb = build_template(many)
    producers = c.TABS_BY_KEY["producers"]
    dv = _validation_for(wb[producers.title], f"{_letter(producers, 'area')}2")
    assert dv.formula1.endswith("$A$251")


# --------------------------------------------------------------------------- formats
def test_date_and_number_formats(wb):
    for tab in c.TABS:
        if tab.key_value:
            continue
        ws = wb[tab.title]
        for column in tab.columns:
            letter = _letter(tab, column.key)
            for row in (2, 500, LAST_ROW):
                fmt = ws[f"{letter}{row}"].number_format
                if column.kind == c.DATE:
                    assert fmt == "DD/MM/YYYY", (tab.title, column.header)
                elif column.kind == c.INTEGER:
                    assert fmt == "#,##0"
                elif column.kind == c.YEAR:
                    assert fmt == "0"
                elif column.kind in (c.ID, c.IDS, c.CODE):
                    assert fmt == "@"


# --------------------------------------------------------------------------- the guide
def _guide_text(wb: Workbook) -> str:
    return "\n".join(str(v) for row in wb[GUIDE_TITLE].iter_rows(values_only=True) for v in row if v)


def test_guide_mentions_every_tab_and_required_header(wb):
    text = _guide_text(wb)
    for tab in c.TABS:
        assert f"“{tab.title}”" in text
        for column in tab.columns:
            assert column.header in text
    for item in c.INFO_KEYS:
        assert item in text
    for values in c.VOCABULARIES.values():
        for value in values:
            assert value in text
    for code in c.INDICATOR_CODES:
        assert code in text
    for rule in ("15/03/2024", "1.200", "72,5", "Dữ liệu", "dòng hợp lệ + dòng bị loại", LISTS_TITLE):
        assert rule in text


def test_guide_rows_list_required_kind_and_values(wb):
    rows = {(r[0], r[3]): r for r in wb[GUIDE_TITLE].iter_rows(values_only=True) if r[0] and r[1]}
    products = c.TABS_BY_KEY["products"]
    row = next(r for (header, _), r in rows.items() if header == products.column("product_id").header)
    assert row[1] == "Có" and row[2] == "mã"
    group = next(r for (header, _), r in rows.items() if header == "Nhóm sản phẩm")
    assert group[1] == "Không" and group[2] == "danh mục" and c.TOURISM_GROUP in group[4]


def test_english_guide_keeps_contract_names():
    wb = build_template(lang="en")
    text = _guide_text(wb)
    assert "How the dashboard reads the data" in text
    assert [ws.title for ws in wb.worksheets][1:-1] == [tab.title for tab in c.TABS]
    assert wb[c.TABS_BY_KEY["areas"].title]["A1"].comment.text.startswith("Required")


# --------------------------------------------------------------------------- round trip
D = date
ROWS: dict[str, list[dict]] = {
    "areas": [{"name": AREAS[0], "households": 1245, "note": "Khu trung tâm"},
              {"name": AREAS[1], "households": 1132}],
    "targets": [{"year": 2024, "code": "SP_OCOP", "label": "Sản phẩm OCOP 3 sao", "target": 1, "unit": "sản phẩm"},
                {"year": 2024, "code": "TT_LUOT_NGUOI", "target": 1200, "unit": "lượt người", "note": "cả năm"}],
    "producers": [
        {"producer_id": "CT01", "name": "HTX Vĩnh Phú", "kind": "Hợp tác xã", "registered": "Có",
         "area": AREAS[1], "address": "Tổ 3", "contact_name": "Nguyễn Văn A", "phone": "0901234567",
         "trade": "Đường thốt nốt", "note": "mẫu"},
        {"producer_id": "CT02", "name": "Hộ bà B", "kind": "Hộ sản xuất", "registered": "Không", "area": AREAS[0]},
    ],
    "products": [
        {"product_id": "SP01", "name": "Đường thốt nốt", "producer_id": "CT01", "group": c.PRODUCT_GROUPS[0],
         "surveyed_on": D(2023, 3, 20), "potential": "Cao", "stage": "Đã đánh giá", "self_score": 72.5,
         "score": 70, "stars": 4, "certified_on": D(2023, 12, 22), "officer": "Cán bộ KT", "note": "x"},
        {"product_id": "SP02", "name": "Homestay ven sông", "producer_id": "CT02", "group": c.TOURISM_GROUP,
         "surveyed_on": D(2024, 2, 1), "potential": "Trung bình", "stage": "Tiềm năng"},
    ],
    "dossiers": [
        {"product_id": "SP01", **{doc: "Đã có" for doc in c.DOCUMENTS}, "environment_record": "Không áp dụng",
         "submitted_on": D(2023, 8, 15), "note": "đủ"},
        {"product_id": "SP02", "registration_form": "Đang làm", "business_plan": "Chưa có"},
    ],
    "outreach": [
        {"held_on": D(2024, 1, 10), "channel": "Đài truyền thanh", "topic": "OCOP", "unit": "Đài phường",
         "area": c.WHOLE_WARD, "note": "3 lần/tuần"},
        {"held_on": D(2024, 1, 17), "channel": "Họp dân", "topic": "An toàn thực phẩm", "unit": "Khóm",
         "area": AREAS[0], "attendees": 65, "producers_reached": "CT01, CT02"},
    ],
    "training": [
        {"held_on": D(2024, 6, 8), "course": "Nghiệp vụ OCOP", "organiser": "Phòng Kinh tế",
         "attendee": "Nguyễn Văn An", "role": "Công chức", "unit": "UBND phường", "days": 2, "note": "-"},
        {"held_on": D(2024, 6, 8), "course": "Nghiệp vụ OCOP", "attendee": "Lê Thị B", "days": 1.5},
    ],
    "tasks": [
        {"unit": "Cán bộ KT-KH", "task": "Rà soát sản phẩm tiềm năng", "due_on": D(2024, 6, 30),
         "status": "Hoàn thành", "note": "xong"},
        {"unit": "Hội Phụ nữ", "task": "Tuyên truyền OCOP", "status": "Đang thực hiện"},
    ],
}
INFO = {"Tên đơn vị": "Phường Thử Nghiệm", "Cấp báo cáo": "Phòng Kinh tế thành phố", "Năm kế hoạch": 2024,
        "Số kế hoạch": "12/KH-UBND", "Ghi chú": "mẫu thử"}


def _fill(wb: Workbook) -> None:
    ws = wb[c.TABS_BY_KEY["info"].title]
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=2, value=INFO[ws.cell(row=row, column=1).value])
    for key, rows in ROWS.items():
        tab = c.TABS_BY_KEY[key]
        ws = wb[tab.title]
        positions = {col.key: i for i, col in enumerate(tab.columns, start=1)}
        for r, values in enumerate(rows, start=2):
            for column_key, value in values.items():
                if isinstance(value, date):
                    value = datetime(value.year, value.month, value.day)  # a real date cell
                ws.cell(row=r, column=positions[column_key], value=value)


def test_round_trip_filled_template_reads_clean(tmp_path):
    wb = build_template()
    _fill(wb)
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    ds = normalise_workbook(read_xlsx(path))
    assert ds.issues.empty, ds.issues.to_dict("records")
    assert ds.found_tabs == {tab.key: tab.title for tab in c.TABS}
    assert set(ROWS) | {"info"} == {tab.key for tab in c.TABS}  # every tab is filled
    for key, rows in ROWS.items():
        assert ds.accounting[key] == RowCount(len(rows), len(rows), 0), key
        assert len(ds.table(key)) == len(rows)
    # the "Mục | Giá trị" header row is a header, not data, so it is not counted
    assert ds.accounting["info"] == RowCount(len(INFO), len(INFO), 0)
    assert ds.info["ward_name"] == INFO["Tên đơn vị"] and ds.info["plan_year"] == 2024
    products = ds.table("products").set_index("product_id")
    assert products.at["SP02", "group"] == c.TOURISM_GROUP
    assert products.at["SP01", "surveyed_on"] == datetime(2023, 3, 20)
    assert products.at["SP01", "self_score"] == 72.5
    assert ds.table("producers").set_index("producer_id").at["CT01", "phone"] == "0901234567"
    outreach = ds.table("outreach")
    assert list(outreach["area"]) == [c.WHOLE_WARD, AREAS[0]]
    assert outreach["producers_reached"].iloc[1] == ("CT01", "CT02")
    dossiers = ds.table("dossiers").set_index("product_id")
    assert dossiers.at["SP01", "environment_record"] == c.DOC_NA
    assert dossiers.at["SP02", "registration_form"] == c.DOC_IN_PROGRESS


def test_blank_template_reads_clean():
    ds = normalise_workbook(read_xlsx(io.BytesIO(template_bytes(AREAS))))
    assert ds.issues.empty, ds.issues.to_dict("records")
    assert ds.accounting["areas"].accepted == len(AREAS)
    assert all(ds.accounting[tab.key].read == 0 for tab in c.TABS if tab.key not in ("info", "areas"))


def test_reader_ignores_only_the_template_tabs():
    from analysis.workbook.normalise import normalise

    ds = normalise({"Huong dan": [["x"]], "_danh muc": [["y"]], "Ghi chép riêng": [["z"]]})
    unknown = ds.issues[ds.issues["reason"] == "tab_unknown"]
    assert list(unknown["tab"]) == ["Ghi chép riêng"]


# --------------------------------------------------------------------------- CLI
def test_cli_writes_a_template(tmp_path, capsys):
    out = tmp_path / "mau.xlsx"
    assert main(["template", "--out", str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames[0] == GUIDE_TITLE and wb[c.TABS_BY_KEY["areas"].title]["A2"].value is None
    assert str(out) in capsys.readouterr().out


def test_cli_prefills_khom_from_data(tmp_path):
    out = tmp_path / "mau.xlsx"
    assert main(["template", "--out", str(out), "--data", str(DEMO), "--lang", "en"]) == 0
    demo = normalise_workbook(read_xlsx(DEMO))
    ws = load_workbook(out)[c.TABS_BY_KEY["areas"].title]
    names = list(demo.table("areas")["name"])
    assert names and [ws[f"A{r}"].value for r in range(2, 2 + len(names))] == names


def test_cli_reports_an_unreadable_source(tmp_path, capsys):
    out = tmp_path / "mau.xlsx"
    assert main(["template", "--out", str(out), "--data", str(tmp_path / "missing.xlsx")]) == 2
    assert not out.exists()
    assert "missing.xlsx" in capsys.readouterr().err


def test_a_khom_named_like_a_formula_is_text_in_the_template():
    payload = '=HYPERLINK("https://evil.example","y")'
    ws = build_template([payload, "+cmd", "Vĩnh Phú"])[c.TABS_BY_KEY["areas"].title]
    cells = [ws[f"A{r}"] for r in range(2, 5)]
    assert [cell.value for cell in cells] == ["'" + payload, "'+cmd", "Vĩnh Phú"]
    assert all(cell.data_type == "s" for cell in cells)
