"""The Google Sheets plan (analysis/outputs/sheet_plan.py): pure, from sheet properties and rows to requests."""
from __future__ import annotations

from analysis.outputs import sheet_plan as sp
from analysis.outputs.template import build_template
from analysis.workbook import contract as c

CONTRACT_TITLES = [t.title for t in c.TABS]
LISTS = "_Danh mục"
ORANGE = {"red": 248 / 255, "green": 203 / 255, "blue": 173 / 255}
BLUE = {"red": 221 / 255, "green": 235 / 255, "blue": 247 / 255}
OUTREACH, PRODUCERS = c.TABS_BY_KEY["outreach"], c.TABS_BY_KEY["producers"]


def sheet(sheet_id: int, title: str, index: int = 0, rows: int = 1000, columns: int = 26, kind: str = "GRID") -> dict:
    """A sheet's properties as the metadata request gives them."""
    return {"sheetId": sheet_id, "title": title, "index": index, "sheetType": kind,
            "gridProperties": {"rowCount": rows, "columnCount": columns}}


def col(tab: c.Tab, key: str) -> int:
    return [column.key for column in tab.columns].index(key)


def kinds(plan: sp.SheetPlan) -> list[str]:
    return [next(iter(request)) for request in plan.requests]


def of_kind(plan: sp.SheetPlan, kind: str) -> list[dict]:
    return [request[kind] for request in plan.requests if kind in request]


def rule_at(plan: sp.SheetPlan, sheet_id: int, column: int) -> dict | None:
    rules = [v["rule"] for v in of_kind(plan, "setDataValidation")
             if v["range"]["sheetId"] == sheet_id and v["range"]["startColumnIndex"] == column]
    assert len(rules) <= 1
    return rules[0] if rules else None


def values_of(plan: sp.SheetPlan, a1: str) -> list[list]:
    (found,) = [d["values"] for d in plan.data if d["range"] == a1]
    return found


def ids_by_title(plan: sp.SheetPlan) -> dict[str, int]:
    return {a["properties"]["title"]: a["properties"]["sheetId"] for a in of_kind(plan, "addSheet")}


# --------------------------------------------------------------------------- a new spreadsheet


def test_a_new_spreadsheet_gets_every_tab_the_lists_and_the_khom_names():
    sheets = [sheet(0, "Sheet1")]
    assert sp.titles_to_read(sheets) == []

    plan = sp.plan_sheet(sheets, {}, ["Vĩnh Phú", " Vĩnh Đông ", "vĩnh phú", ""])

    assert plan.added_tabs == CONTRACT_TITLES + [LISTS] and plan.headers_written == CONTRACT_TITLES
    assert plan.skipped_tabs_with_data == [] and plan.validations == 23 and plan.areas_written == 2
    # ids chosen after the highest existing one, so formats go in the same batchUpdate as the tab
    assert ids_by_title(plan) == {title: i for i, title in enumerate(CONTRACT_TITLES + [LISTS], start=1)}
    info, lists = of_kind(plan, "addSheet")[0]["properties"], of_kind(plan, "addSheet")[-1]["properties"]
    assert info == {"sheetId": 1, "title": "Thông tin",
                    "gridProperties": {"rowCount": 1000, "columnCount": 26, "frozenRowCount": 1}}
    assert lists["hidden"] is True and lists["gridProperties"]["columnCount"] == 26
    assert kinds(plan)[:12] == ["addSheet"] * 10 + ["repeatCell", "updateCells"]  # tabs first, then the lists
    assert kinds(plan).count("setDataValidation") == 23 and "updateSheetProperties" not in kinds(plan)

    assert values_of(plan, "'Thông tin'!A1") == [["Mục", "Giá trị"], *([item] for item in c.INFO_KEYS)]
    assert values_of(plan, "'Khóm'!A1") == [["Khóm", "Số hộ", "Ghi chú"], ["Vĩnh Phú"], ["Vĩnh Đông"]]
    assert values_of(plan, "'Tuyên truyền'!A1") == [[column.header for column in OUTREACH.columns]]
    (lists_data,) = [d for d in plan.data if d["range"] == "'_Danh mục'!A1"]
    assert lists_data["majorDimension"] == "COLUMNS"
    assert lists_data["values"][4] == ["Hình thức", *c.CHANNELS]
    assert lists_data["values"][7] == ["Tình trạng giấy tờ", "Đã có", "Đang làm", "Chưa có", "Không áp dụng"]
    assert lists_data["values"][10] == ["Khóm hoặc Toàn phường", "Toàn phường"]
    (formula,) = of_kind(plan, "updateCells")
    assert formula["start"] == {"sheetId": 10, "rowIndex": 2, "columnIndex": 10}
    assert formula["rows"][0]["values"][0]["userEnteredValue"]["formulaValue"] == \
        "=IFERROR(FILTER('Khóm'!$A$2:$A,'Khóm'!$A$2:$A<>\"\"),\"\")"


def test_dropdowns_of_a_new_spreadsheet():
    plan = sp.plan_sheet([sheet(0, "Sheet1")], {})
    outreach, producers = ids_by_title(plan)["Tuyên truyền"], ids_by_title(plan)["Chủ thể"]

    channel = rule_at(plan, outreach, col(OUTREACH, "channel"))
    assert channel == {"condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": v} for v in c.CHANNELS]},
                       "inputMessage": "Chọn trong danh sách hoặc gõ (không phân biệt chữ hoa, chữ thường, có dấu "
                                       "hay không dấu).",
                       "strict": False, "showCustomUi": True}
    area = rule_at(plan, outreach, col(OUTREACH, "area"))
    assert area["condition"] == {"type": "ONE_OF_RANGE", "values": [{"userEnteredValue": "='_Danh mục'!$K$2:$K"}]}
    assert area["inputMessage"] == "Chọn khóm trong danh sách của trang Khóm."
    assert rule_at(plan, producers, col(PRODUCERS, "area"))["condition"]["values"] == \
        [{"userEnteredValue": "='Khóm'!$A$2:$A"}]
    registered = rule_at(plan, producers, col(PRODUCERS, "registered"))
    assert [v["userEnteredValue"] for v in registered["condition"]["values"]] == ["Có", "Không"]
    assert registered["inputMessage"].startswith("Có hoặc Không")
    assert rule_at(plan, outreach, col(OUTREACH, "held_on")) is None
    assert rule_at(plan, outreach, col(OUTREACH, "note")) is None
    (first,) = [v["range"] for v in of_kind(plan, "setDataValidation") if v["rule"] == channel]
    assert first == {"sheetId": outreach, "startRowIndex": 1, "endRowIndex": 1000,  # rows 2..1000, not the header
                     "startColumnIndex": 1, "endColumnIndex": 2}
    assert not [v for v in of_kind(plan, "setDataValidation") if v["range"]["sheetId"] in (1, 2)]  # Thông tin, Khóm


def test_header_colours_and_number_formats():
    plan = sp.plan_sheet([sheet(0, "Sheet1")], {})
    producers = ids_by_title(plan)["Chủ thể"]
    cells = [r for r in of_kind(plan, "repeatCell") if r["range"]["sheetId"] == producers]
    header, *required = [r for r in cells if r["range"]["endRowIndex"] == 1]
    assert header["range"]["endColumnIndex"] == len(PRODUCERS.columns)
    assert header["cell"]["userEnteredFormat"]["backgroundColor"] == BLUE
    assert {r["range"]["startColumnIndex"] for r in required} == \
        {i for i, column in enumerate(PRODUCERS.columns) if column.required}
    assert all(r["cell"]["userEnteredFormat"]["backgroundColor"] == ORANGE for r in required)
    formats = {r["range"]["startColumnIndex"]: r["cell"]["userEnteredFormat"]["numberFormat"]
               for r in cells if r["range"]["endRowIndex"] == 1000}
    assert formats == {col(PRODUCERS, "producer_id"): {"type": "TEXT", "pattern": "@"},
                       col(PRODUCERS, "phone"): {"type": "TEXT", "pattern": "@"}}
    outreach = ids_by_title(plan)["Tuyên truyền"]
    dates = [r for r in of_kind(plan, "repeatCell") if r["range"]["sheetId"] == outreach
             and r["cell"]["userEnteredFormat"].get("numberFormat", {}).get("type") == "DATE"]
    assert [r["range"]["startColumnIndex"] for r in dates] == [col(OUTREACH, "held_on")]
    assert dates[0]["cell"]["userEnteredFormat"]["numberFormat"]["pattern"] == "dd/mm/yyyy"


# --------------------------------------------------------------------------- existing tabs


def test_an_existing_empty_tab_gets_its_header_and_a_bigger_grid():
    sheets = [sheet(0, "Hồ sơ", rows=100, columns=5), sheet(7, "Sheet 'x'", index=1)]
    assert sp.titles_to_read(sheets) == ["Hồ sơ"]

    plan = sp.plan_sheet(sheets, {"Hồ sơ": []})

    assert "Hồ sơ" in plan.headers_written and "Hồ sơ" not in plan.added_tabs
    assert of_kind(plan, "updateSheetProperties") == [{
        "properties": {"sheetId": 0, "gridProperties": {"frozenRowCount": 1, "rowCount": 1000, "columnCount": 15}},
        "fields": "gridProperties.frozenRowCount,gridProperties.rowCount,gridProperties.columnCount"}]
    assert min(ids_by_title(plan).values()) == 8 and "Hồ sơ" not in ids_by_title(plan)
    assert values_of(plan, "'Hồ sơ'!A1") == [[column.header for column in c.TABS_BY_KEY["dossiers"].columns]]
    assert len([v for v in of_kind(plan, "setDataValidation") if v["range"]["sheetId"] == 0]) == 12  # documents


def test_a_big_empty_tab_keeps_its_size():
    plan = sp.plan_sheet([sheet(3, "Nhiệm vụ", rows=5000, columns=40)], {"Nhiệm vụ": []})
    (update,) = of_kind(plan, "updateSheetProperties")
    assert update["properties"]["gridProperties"] == {"frozenRowCount": 1, "rowCount": 5000, "columnCount": 40}


def test_a_tab_with_data_is_not_touched():
    outreach_rows = [[column.header for column in OUTREACH.columns], [45366, "Họp dân"]]
    sheets = [sheet(0, "Tuyên truyền"), sheet(1001, "Khóm", index=1)]
    assert sp.titles_to_read(sheets) == ["Khóm", "Tuyên truyền"]  # contract order, not sheet order

    plan = sp.plan_sheet(sheets, {"Tuyên truyền": outreach_rows, "Khóm": []}, ["Vĩnh Phú"])

    assert plan.skipped_tabs_with_data == ["Tuyên truyền"]
    assert plan.added_tabs == [t for t in CONTRACT_TITLES if t not in ("Khóm", "Tuyên truyền")] + [LISTS]
    assert plan.headers_written == [t for t in CONTRACT_TITLES if t != "Tuyên truyền"]
    assert plan.validations == 20 and plan.areas_written == 1
    for request in plan.requests:
        (args,) = request.values()
        target = args.get("range") or args.get("properties") or args.get("start") or {}
        assert target.get("sheetId") != 0, request
    assert not any("Tuyên truyền" in d["range"] for d in plan.data)
    assert min(ids_by_title(plan).values()) == 1002
    assert values_of(plan, "'Khóm'!A1")[1:] == [["Vĩnh Phú"]]


def test_a_spreadsheet_holding_everything_gets_nothing():
    sheets = [sheet(i, t.title, index=i) for i, t in enumerate(c.TABS)] + [sheet(99, LISTS, index=9)]
    contents = {t.title: [["x"]] for t in c.TABS}
    plan = sp.plan_sheet(sheets, contents, ["Vĩnh Mỹ"])
    assert plan.requests == [] and plan.data == [] and plan.added_tabs == plan.headers_written == []
    assert plan.skipped_tabs_with_data == CONTRACT_TITLES and plan.areas_written == 0


def test_khom_dropdowns_follow_a_khom_header_found_lower_down():
    khom = [["Danh sách khóm năm 2024"], ["STT", "Khóm", "Số hộ"], [1, "Vĩnh Phú", 120]]
    sheets = [sheet(0, "khom"), sheet(1001, "_danh muc", index=1)]
    assert sp.area_range("khom", khom) == "='khom'!$B$3:$B"

    plan = sp.plan_sheet(sheets, {"khom": khom}, ["Không ghi"])

    assert plan.skipped_tabs_with_data == ["khom"] and plan.areas_written == 0
    assert "Khóm" not in plan.added_tabs and LISTS not in plan.added_tabs  # matched as the reader matches
    ids = ids_by_title(plan)
    assert rule_at(plan, ids["Chủ thể"], col(PRODUCERS, "area"))["condition"]["values"] == \
        [{"userEnteredValue": "='khom'!$B$3:$B"}]
    # a lists tab made by someone else is not relied on: the khóm range instead
    assert rule_at(plan, ids["Tuyên truyền"], col(OUTREACH, "area"))["condition"]["values"] == \
        [{"userEnteredValue": "='khom'!$B$3:$B"}]
    assert "updateCells" not in kinds(plan)


def test_area_range():
    assert sp.area_range("Khóm", None) == "='Khóm'!$A$2:$A"
    assert sp.area_range("Khóm", [["Ghi chú", "name"]]) == "='Khóm'!$B$2:$B"  # the column key works too
    assert sp.area_range("Bà's", [["Tên"]]) == "='Bà''s'!$A$2:$A"  # no header found: column A
    assert sp.area_range("K", [[]] * 10 + [["Khóm"]]) == "='K'!$A$2:$A"  # the reader looks at 10 rows only


def test_tabs_are_matched_like_the_reader_matches_them():
    sheets = [sheet(5, "Khóm", kind="OBJECT"), sheet(1, "KHOM ", index=1), sheet(2, "khóm", index=2),
              sheet(3, "outreach", index=3), sheet(4, "Danh mục", index=4)]
    found = sp.match_tabs(sheets)
    assert found["areas"]["sheetId"] == 1  # a chart sheet holds no cells; the first grid match wins
    assert found["outreach"]["sheetId"] == 3 and LISTS not in found
    assert set(found) == {"areas", "outreach"}


# --------------------------------------------------------------------------- shared with the .xlsx template


def test_shared_rules():
    assert sp.clean_areas(["Khóm 1", "  ", "KHÓM 1", None, " Khóm 2 "]) == ["Khóm 1", "Khóm 2"]
    assert sp.clean_areas(None) == []
    lists = sp.dropdown_lists()
    assert list(lists) == [*c.VOCABULARIES, c.DOC_STATUS, c.YESNO, c.CODE]
    assert lists[c.YESNO] == ("Có/Không", ("Có", "Không")) and lists[c.CODE][1] == c.INDICATOR_CODES
    assert sp.list_name(OUTREACH.column("area")) == sp.AREAS_OR_WARD
    assert sp.list_name(PRODUCERS.column("area")) == "areas" and sp.list_name(PRODUCERS.column("phone")) is None
    assert sp.prompt("areas", "en") == "Pick a khóm from the Khóm tab."
    assert sp.keeps_text(PRODUCERS.column("phone")) and not sp.keeps_text(PRODUCERS.column("name"))
    assert sp.quote_title("Bà Hằng's tab") == "'Bà Hằng''s tab'"


def test_both_templates_offer_the_same_lists():
    xlsx = build_template()[LISTS]
    plan = sp.plan_sheet([sheet(0, "Sheet1")], {})
    columns = values_of(plan, "'_Danh mục'!A1")
    for index, values in enumerate(columns, start=1):
        cells = [xlsx.cell(row=r, column=index).value for r in range(1, len(values) + 1)]
        assert cells == values, index
