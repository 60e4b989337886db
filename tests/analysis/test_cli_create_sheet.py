"""`python -m analysis create-sheet` (analysis/cli/): read, plan, send, against the local fake Sheets API.

The real gspread client talks HTTP to tests/fakes/sheets_api/; nothing is mocked. The plan
itself is tested in tests/analysis/outputs/test_sheet_plan.py, the sending in
tests/data_sources/test_sheet_writer.py; here, the whole command and the sheet it leaves.
"""
from __future__ import annotations

import copy

import pytest

import analysis.cli as cli
from analysis.i18n import strings
from analysis.outputs.sheet_plan import DOC_STATUS_LABELS
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, RowCount
from analysis.workbook.normalise import normalise_workbook
from data_sources.google_sheets import read_google_sheet
from data_sources.sheet_writer import SHEETS_SCOPE
from tests.fakes.credentials import SERVICE_ACCOUNT_EMAIL
from tests.fakes.sheets_api import FakeSheetsAPI, FakeTab  # the fixture comes from tests/conftest.py

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit"
CONTRACT_TITLES = [t.title for t in c.TABS]
LISTS = "_Danh mục"
OUTREACH, PRODUCERS = c.TABS_BY_KEY["outreach"], c.TABS_BY_KEY["producers"]
OUTREACH_ROWS = [
    [col.header for col in OUTREACH.columns],
    [45366, "Họp dân", "OCOP", "Hội Phụ nữ", "Vĩnh Phú", 35, "", "buổi 1"],
    [45370, "Đài truyền thanh", "An toàn thực phẩm", "Đài phường", "Toàn phường", 0],
    ["20/03/2024", "Hội nghị", "Hướng dẫn hồ sơ", "", "Vĩnh Phú", 52, "", "=1+2"],
]


@pytest.fixture
def creds(fake_sheets_api: FakeSheetsAPI, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The fake's service account, given to the command the way secrets.toml would."""
    info = fake_sheets_api.service_account_info()
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setattr(cli, "_secrets", lambda: {"gcp_service_account": info})
    return info


def create_sheet(capsys: pytest.CaptureFixture, *args: str, code: int = 0) -> list[str]:
    """Runs the command; its printed lines (stderr when it fails)."""
    assert cli.main(["create-sheet", "--sheet", KEY, *args]) == code
    out, err = capsys.readouterr()
    assert (err if code == 0 else out) == ""
    return (out if code == 0 else err).splitlines()


def col(tab: c.Tab, key: str) -> int:
    return [column.key for column in tab.columns].index(key)


def rule(tab: FakeTab, column: int) -> dict:
    found = tab.validation_rule(column, row=1)
    assert found is not None, (tab.title, column)
    assert tab.validation_rule(column, row=999) == found and tab.validation_rule(column, row=1000) is None
    assert tab.validation_rule(column, row=0) is None  # never on the header
    assert found["strict"] is False and found["showCustomUi"] is True
    return found


def list_values(found: dict) -> list[str]:
    assert found["condition"]["type"] == "ONE_OF_LIST"
    return [v["userEnteredValue"] for v in found["condition"]["values"]]


def range_of(found: dict) -> str:
    assert found["condition"]["type"] == "ONE_OF_RANGE"
    (value,) = found["condition"]["values"]
    return value["userEnteredValue"]


def test_a_new_spreadsheet_gets_the_whole_template(fake_sheets_api: FakeSheetsAPI, creds: dict, capsys) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, title="OCOP Vĩnh Hòa Đông")

    lines = create_sheet(capsys, "--areas", "Vĩnh Phú, Vĩnh Đông ,vĩnh phú,")

    assert lines == [
        f"Đã chuẩn bị Google Sheet “OCOP Vĩnh Hòa Đông”: {URL}",
        f"Trang đã thêm (10): {', '.join(CONTRACT_TITLES + [LISTS])}",
        f"Trang đã ghi dòng tiêu đề (9): {', '.join(CONTRACT_TITLES)}",
        "Số cột có danh sách chọn: 23",
        "Trang đã có dữ liệu, giữ nguyên (0): không có",
        "Số khóm đã ghi vào trang Khóm: 2",
        "Số yêu cầu gửi tới Google Sheets: 3",
    ]
    # metadata, then one batchUpdate and one values:batchUpdate; no batchGet: no contract tab existed
    assert [fake_sheets_api.count(k) for k in ("token", "metadata", "batchGet", "batchUpdate", "valuesBatchUpdate")] \
        == [1, 1, 0, 1, 1]
    assert fake_sheets_api.token_scopes == [SHEETS_SCOPE]

    assert [t.title for t in sheet.tabs] == ["Sheet1"] + CONTRACT_TITLES + [LISTS]
    assert sheet.tab("Sheet1").rows == [] and sheet.tab("Sheet1").validations == []
    for tab in c.TABS:
        fake = sheet.tab(tab.title)
        assert fake.rows[0] == [column.header for column in tab.columns]
        assert fake.frozen_rows == 1 and not fake.hidden
    assert sheet.tab("Khóm").rows[1:] == [["Vĩnh Phú"], ["Vĩnh Đông"]]
    assert [r[0] for r in sheet.tab("Thông tin").rows[1:]] == list(c.INFO_KEYS)
    assert sheet.tab(LISTS).hidden and sheet.tab(LISTS).frozen_rows == 1
    assert len({t.sheet_id for t in sheet.tabs}) == len(sheet.tabs)

    outreach = sheet.tab("Tuyên truyền")
    assert list_values(rule(outreach, col(OUTREACH, "channel"))) == list(c.CHANNELS)
    assert list_values(rule(outreach, col(OUTREACH, "topic"))) == list(c.TOPICS)
    products = c.TABS_BY_KEY["products"]
    assert list_values(rule(sheet.tab("Sản phẩm"), col(products, "group"))) == list(c.PRODUCT_GROUPS)
    assert list_values(rule(sheet.tab("Chủ thể"), col(PRODUCERS, "registered"))) == ["Có", "Không"]
    assert range_of(rule(sheet.tab("Chủ thể"), col(PRODUCERS, "area"))) == "='Khóm'!$A$2:$A"
    for document in c.DOCUMENTS:
        assert list_values(rule(sheet.tab("Hồ sơ"), col(c.TABS_BY_KEY["dossiers"], document))) == \
            list(DOC_STATUS_LABELS.values())
    # Tuyên truyền's khóm: "Toàn phường" then the Khóm tab's names, live, from the lists tab
    assert range_of(rule(outreach, col(OUTREACH, "area"))) == "='_Danh mục'!$K$2:$K"
    lists = sheet.tab(LISTS)
    assert [r[10] for r in lists.rows[:3]] == ["Khóm hoặc Toàn phường", "Toàn phường",
                                               "=IFERROR(FILTER('Khóm'!$A$2:$A,'Khóm'!$A$2:$A<>\"\"),\"\")"]
    assert [r[4] for r in lists.rows[:8] if len(r) > 4 and r[4]] == ["Hình thức", *c.CHANNELS]
    assert outreach.validation_rule(col(OUTREACH, "held_on")) is None
    assert sheet.tab("Khóm").validations == [] and sheet.tab("Thông tin").validations == []

    # read back like the dashboard: clean
    ds = normalise_workbook(read_google_sheet(KEY, creds))
    assert ds.issues[ds.issues["severity"] == ERROR].empty
    assert list(ds.issues["reason"]) == ["tab_unknown"]  # Sheet1, a notice
    assert list(ds.table("areas")["name"]) == ["Vĩnh Phú", "Vĩnh Đông"]
    assert set(ds.layouts) == {t.key for t in c.TABS if not t.key_value}


def test_a_tab_with_data_is_left_alone_and_a_second_run_writes_nothing(fake_sheets_api: FakeSheetsAPI, creds: dict,
                                                                      capsys) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS, "Khóm": []}, title="OCOP 2024")
    outreach_before = copy.deepcopy(sheet.tab("Tuyên truyền"))
    khom_id = sheet.tab("Khóm").sheet_id

    lines = create_sheet(capsys, "--areas", "Vĩnh Phú,Vĩnh Đông")

    added = [t for t in CONTRACT_TITLES if t not in ("Tuyên truyền", "Khóm")]
    assert lines == [
        f"Đã chuẩn bị Google Sheet “OCOP 2024”: {URL}",
        f"Trang đã thêm (8): {', '.join(added + [LISTS])}",
        "Trang đã ghi dòng tiêu đề (8): Thông tin, Khóm, Chỉ tiêu, Chủ thể, Sản phẩm, Hồ sơ, Tập huấn, Nhiệm vụ",
        "Số cột có danh sách chọn: 20",  # 23 less Tuyên truyền's 3
        "Trang đã có dữ liệu, giữ nguyên (1): Tuyên truyền",
        "Số khóm đã ghi vào trang Khóm: 2",
        "Số yêu cầu gửi tới Google Sheets: 4",
    ]
    assert [fake_sheets_api.count(k) for k in ("metadata", "batchGet", "batchUpdate", "valuesBatchUpdate")] \
        == [1, 1, 1, 1]
    (batch_get,) = fake_sheets_api.requests_of("batchGet")
    assert batch_get.query["ranges"] == ["'Khóm'", "'Tuyên truyền'"]
    assert sheet.tab("Tuyên truyền") == outreach_before  # not a cell, format, dropdown or property changed
    khom = sheet.tab("Khóm")
    assert khom.sheet_id == khom_id and [t.title for t in sheet.tabs].count("Khóm") == 1
    assert khom.rows == [["Khóm", "Số hộ", "Ghi chú"], ["Vĩnh Phú"], ["Vĩnh Đông"]] and khom.frozen_rows == 1

    ds = normalise_workbook(read_google_sheet(KEY, creds))
    assert ds.issues[ds.issues["severity"] == ERROR].empty
    assert ds.issues[ds.issues["tab"].isin(CONTRACT_TITLES)].empty
    assert ds.accounting["outreach"] == RowCount(3, 3, 0)

    # again: everything holds data now, nothing is written, the khóm given are not written
    fake_sheets_api.clear_requests()
    lines = create_sheet(capsys, "--areas", "Vĩnh Mỹ")
    assert lines[1:] == [
        "Trang đã thêm (0): không có", "Trang đã ghi dòng tiêu đề (0): không có", "Số cột có danh sách chọn: 0",
        f"Trang đã có dữ liệu, giữ nguyên (9): {', '.join(CONTRACT_TITLES)}",
        "Trang Khóm đã có dữ liệu nên danh sách khóm đưa vào không được ghi.",
        "Số yêu cầu gửi tới Google Sheets: 2",
    ]
    assert fake_sheets_api.count("batchUpdate") == fake_sheets_api.count("valuesBatchUpdate") == 0


def test_khom_dropdowns_follow_an_existing_khom_header(fake_sheets_api: FakeSheetsAPI, creds: dict, capsys) -> None:
    khom = [["Danh sách khóm năm 2024"], ["STT", "Khóm", "Số hộ"], [1, "Vĩnh Phú", 120]]
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"khom": khom, "_danh muc": [["x"]]})

    lines = create_sheet(capsys, "--areas", "Không ghi", "--lang", "en")

    assert "Tabs already holding data, left untouched (1): khom" in lines  # found the way the reader finds it
    assert "The Khóm tab already holds data, so the khóm given were not written." in lines
    assert [t.title for t in sheet.tabs] == ["khom", "_danh muc"] + [t for t in CONTRACT_TITLES if t != "Khóm"]
    assert range_of(rule(sheet.tab("Chủ thể"), col(PRODUCERS, "area"))) == "='khom'!$B$3:$B"
    # a lists tab made by someone else is not relied on: the khóm range instead
    assert range_of(rule(sheet.tab("Tuyên truyền"), col(OUTREACH, "area"))) == "='khom'!$B$3:$B"
    assert sheet.tab("khom").rows == khom and sheet.tab("_danh muc").rows == [["x"]]


def test_an_empty_existing_tab_is_enlarged_for_its_dropdowns(fake_sheets_api: FakeSheetsAPI, creds: dict,
                                                             capsys) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Hồ sơ": []})
    small = sheet.tab("Hồ sơ")
    small.min_rows, small.min_columns = 100, 5  # smaller than the header and the dropdown rows

    lines = create_sheet(capsys)

    assert "Hồ sơ" in lines[2] and "Hồ sơ" not in lines[1]  # header written, not added
    tab = sheet.tab("Hồ sơ")
    assert tab.row_count == 1000 and tab.column_count == 15 and tab.frozen_rows == 1  # 15 headers
    assert tab.rows[0] == [column.header for column in c.TABS_BY_KEY["dossiers"].columns]


def test_a_failed_batch_update_changes_nothing_and_running_again_completes(fake_sheets_api: FakeSheetsAPI,
                                                                           creds: dict, capsys) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []})
    fake_sheets_api.fail_next(status=503, kind="batchUpdate")
    assert create_sheet(capsys, code=2) == [strings.t("source_error.gsheet_unavailable", key=KEY)]
    assert [t.title for t in sheet.tabs] == ["Sheet1"] and fake_sheets_api.count("valuesBatchUpdate") == 0
    assert create_sheet(capsys)[1] == f"Trang đã thêm (10): {', '.join(CONTRACT_TITLES + [LISTS])}"


def test_failures_are_explained_in_vietnamese(fake_sheets_api: FakeSheetsAPI, creds: dict, monkeypatch,
                                              capsys) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, read_only=True)
    refused = strings.t("source_error.gsheet_write_forbidden", email=SERVICE_ACCOUNT_EMAIL)
    assert create_sheet(capsys, code=2) == [refused]
    assert [t.title for t in sheet.tabs] == ["Sheet1"] and fake_sheets_api.count("valuesBatchUpdate") == 0

    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, forbidden=True)
    fake_sheets_api.clear_requests()
    assert create_sheet(capsys, code=2) == [strings.t("source_error.gsheet_forbidden", email=SERVICE_ACCOUNT_EMAIL)]
    assert len(fake_sheets_api.sheets_requests()) == 1

    monkeypatch.setattr(cli, "_secrets", lambda: {})
    assert create_sheet(capsys, code=2) == [strings.t("source_error.credentials_missing")]
    assert cli.main(["create-sheet", "--sheet", "not a sheet", "--lang", "en"]) == 2
    assert "not a sheet" in capsys.readouterr().err
