"""Writing to Google Sheets (data_sources/sheet_writer.py), run for real against the local fake.

The real gspread client and google-auth talk HTTP to tests/fakes/sheets_api.py; nothing
is mocked and no request leaves 127.0.0.1.
"""
from __future__ import annotations

import copy
import time
import traceback
from datetime import date, datetime

import pytest

from analysis.i18n import strings
from analysis.outputs.template import DOC_STATUS_LABELS
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, RowCount
from analysis.workbook.normalise import normalise_workbook
from data_sources.google_sheets import read_google_sheet
from data_sources.raw import SourceError
from data_sources.sheet_writer import SHEETS_SCOPE, append_row, create_template_in_sheet
from tests.fakes.credentials import SERVICE_ACCOUNT_EMAIL, private_key_pem
from tests.fakes.sheets_api import FAKE_TOKEN, FakeSheetsAPI, FakeTab  # the fixture comes from tests/conftest.py

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
OUTREACH = c.TABS_BY_KEY["outreach"]
OUTREACH_HEADER = [col.header for col in OUTREACH.columns]
OUTREACH_ROWS = [
    OUTREACH_HEADER,
    [45366, "Họp dân", "OCOP", "Hội Phụ nữ", "Vĩnh Phú", 35, "", "buổi 1"],
    [45370, "Đài truyền thanh", "An toàn thực phẩm", "Đài phường", "Toàn phường", 0],
    ["20/03/2024", "Hội nghị", "Hướng dẫn hồ sơ", "", "Vĩnh Phú", 52, "", "=1+2"],
]
CONTRACT_TITLES = [t.title for t in c.TABS]
LISTS = "_Danh mục"
_LISTS_ELSEWHERE = "_danh muc"  # a lists tab someone else made (the reader skips it too)


@pytest.fixture(autouse=True)
def _a_retry_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real retry budget: reading would retry within it, writing must not retry at all."""
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "20")


@pytest.fixture
def creds(fake_sheets_api: FakeSheetsAPI) -> dict:
    return fake_sheets_api.service_account_info()


def assert_no_secrets(error: SourceError) -> None:
    texts = [str(error), repr(error.params), "".join(traceback.format_exception(error))]
    key_body = private_key_pem().splitlines()[1]
    for text in texts:
        assert FAKE_TOKEN not in text and "PRIVATE KEY" not in text and key_body not in text


def write_failure(fn, *args, **kw) -> SourceError:
    with pytest.raises(SourceError) as info:
        fn(*args, **kw)
    assert_no_secrets(info.value)
    return info.value


def col(tab: c.Tab, key: str) -> int:
    return [column.key for column in tab.columns].index(key)


# --------------------------------------------------------------------------- append_row


def test_append_is_one_request_and_lands_after_the_existing_rows(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    other = [["Khóm", "Số hộ"], ["Vĩnh Phú", 120]]
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Khóm": other, "Tuyên truyền": OUTREACH_ROWS})
    before = copy.deepcopy(sheet.tab("Tuyên truyền").rows)

    row = [date(2024, 4, 3), "Họp dân", "OCOP", None, "Vĩnh Phú", 40, "CT01, CT02", "=HYPERLINK(\"x\")"]
    result = append_row(f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0", creds, "Tuyên truyền", row)

    assert result == {"updated_range": "'Tuyên truyền'!A5:H5", "updated_rows": 1}
    assert fake_sheets_api.count("token") == 1
    assert [r.method for r in fake_sheets_api.sheets_requests()] == ["POST"]  # one Sheets request in all
    assert fake_sheets_api.token_scopes == [SHEETS_SCOPE]
    (append,) = fake_sheets_api.requests_of("append")
    assert append.path == f"/v4/spreadsheets/{KEY}/values/'Tuyên truyền'!A1:append"
    assert append.query == {"valueInputOption": ["RAW"], "insertDataOption": ["INSERT_ROWS"]}
    sent = ["03/04/2024", "Họp dân", "OCOP", "", "Vĩnh Phú", 40, "CT01, CT02", "=HYPERLINK(\"x\")"]
    assert append.body["values"] == [sent]

    tab = sheet.tab("Tuyên truyền")
    assert tab.rows[: len(before)] == before  # the rows above: identical, values and types
    assert tab.rows[len(before):] == [sent]
    assert sheet.tab("Khóm").rows == other

    # read back like the dashboard: the date is day-first, the "formula" is text
    ds = normalise_workbook(read_google_sheet(KEY, creds))
    outreach = ds.table("outreach")
    assert len(outreach) == 4
    new = outreach[outreach["_row"] == 5].iloc[0]
    assert new["held_on"].date() == date(2024, 4, 3) and new["note"] == "=HYPERLINK(\"x\")"
    assert new["attendees"] == 40 and new["producers_reached"] == ("CT01", "CT02")


def test_append_goes_after_the_last_non_empty_row_and_moves_nothing(fake_sheets_api: FakeSheetsAPI,
                                                                    creds: dict) -> None:
    rows = [OUTREACH_HEADER, [45366, "Họp dân"], [], [None, None], [45370, "Hội nghị", None], []]
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": rows})
    before = copy.deepcopy(sheet.tab("Tuyên truyền").rows[:5])

    result = append_row(KEY, creds, "Tuyên truyền", [datetime(2024, 5, 6, 14, 30), "Vãng gia", float("nan")])

    assert result["updated_range"] == "'Tuyên truyền'!A6:C6"
    tab = sheet.tab("Tuyên truyền")
    assert tab.rows[:5] == before
    assert tab.rows[5] == ["06/05/2024", "Vãng gia", ""]
    assert len(tab.rows) == 6


def test_a_quoted_title_is_quoted_in_the_range(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Bà Hằng's tab": [["a"]]})
    append_row(KEY, creds, "Bà Hằng's tab", ["b"])
    (append,) = fake_sheets_api.requests_of("append")
    assert append.path.endswith("/values/'Bà Hằng''s tab'!A1:append")
    assert sheet.tab("Bà Hằng's tab").rows == [["a"], ["b"]]


def test_a_viewer_account_gets_write_forbidden_with_its_email(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS}, read_only=True)
    assert read_google_sheet(KEY, creds).tabs["Tuyên truyền"]  # reading works: shared as Viewer
    fake_sheets_api.clear_requests()

    error = write_failure(append_row, KEY, creds, "Tuyên truyền", ["01/01/2024"])

    assert error.code == "gsheet_write_forbidden"
    assert error.params == {"key": KEY, "email": SERVICE_ACCOUNT_EMAIL}
    assert fake_sheets_api.count("append") == 1
    assert sheet.tab("Tuyên truyền").rows == OUTREACH_ROWS
    message = strings.t(f"source_error.{error.code}", **error.params)
    assert message == (f"Tài khoản dịch vụ {SERVICE_ACCOUNT_EMAIL} chỉ có quyền xem; hãy chia sẻ bảng tính với "
                       "quyền Người chỉnh sửa để nhập dữ liệu.")
    assert SERVICE_ACCOUNT_EMAIL in strings.t(f"source_error.{error.code}", "en", **error.params)


@pytest.mark.parametrize("status, code", [(503, "gsheet_unavailable"), (500, "gsheet_unavailable"),
                                          (429, "gsheet_quota"), (404, "gsheet_not_found")])
def test_a_failed_append_is_never_retried(fake_sheets_api: FakeSheetsAPI, creds: dict, status: int, code: str) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS})
    fake_sheets_api.fail_next(status=status, times=5, kind="append")

    error = write_failure(append_row, KEY, creds, "Tuyên truyền", ["01/01/2024", "Họp dân"])

    assert error.code == code
    assert fake_sheets_api.count("append") == 1  # within a 20 s retry budget: still one request
    assert len(fake_sheets_api.sheets_requests()) == 1
    assert sheet.tab("Tuyên truyền").rows == OUTREACH_ROWS


def test_a_hung_append_fails_once_and_is_not_sent_again(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    """Why no retry: the hung request may still be applied, as it is here, after the client gave up."""
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS})
    fake_sheets_api.hang_next(1.5, kind="append")

    started = time.monotonic()
    error = write_failure(append_row, KEY, creds, "Tuyên truyền", ["01/01/2024", "Họp dân"], timeout=0.4)
    assert time.monotonic() - started < 1.4

    assert error.code == "gsheet_unavailable" and error.params == {"key": KEY, "status": None}
    assert fake_sheets_api.count("append") == 1
    deadline = time.monotonic() + 5
    while len(sheet.tab("Tuyên truyền").rows) == len(OUTREACH_ROWS) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sheet.tab("Tuyên truyền").rows[len(OUTREACH_ROWS):] == [["01/01/2024", "Họp dân"]]  # once, not twice
    assert fake_sheets_api.count("append") == 1


def test_a_refused_connection_is_unavailable(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    assert append_row(KEY, creds, "A", ["y"])["updated_rows"] == 1  # the fake works...
    fake_sheets_api.stop()  # ...then is gone: the token request itself cannot connect
    error = write_failure(append_row, KEY, creds, "A", ["z"], timeout=1)
    assert error.code == "gsheet_unavailable"


def test_bad_key_and_missing_credentials_send_nothing(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    assert write_failure(append_row, "not a sheet", creds, "A", ["x"]).code == "gsheet_bad_key"
    assert write_failure(append_row, KEY, None, "A", ["x"]).code == "credentials_missing"
    assert write_failure(create_template_in_sheet, "not a sheet", creds).code == "gsheet_bad_key"
    assert fake_sheets_api.requests == []
    with pytest.raises(ValueError):
        append_row(KEY, creds, "A", [])


# --------------------------------------------------------------------------- create_template_in_sheet


def _rule(tab: FakeTab, column: int) -> dict:
    rule = tab.validation_rule(column, row=1)
    assert rule is not None, (tab.title, column)
    assert tab.validation_rule(column, row=999) == rule and tab.validation_rule(column, row=1000) is None
    assert tab.validation_rule(column, row=0) is None  # never on the header
    return rule


def _list_values(rule: dict) -> list[str]:
    assert rule["condition"]["type"] == "ONE_OF_LIST"
    assert rule["strict"] is False and rule["showCustomUi"] is True
    return [v["userEnteredValue"] for v in rule["condition"]["values"]]


def _range_of(rule: dict) -> str:
    assert rule["condition"]["type"] == "ONE_OF_RANGE"
    assert rule["strict"] is False and rule["showCustomUi"] is True
    (value,) = rule["condition"]["values"]
    return value["userEnteredValue"]


def test_template_in_a_new_spreadsheet(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, title="OCOP Vĩnh Hòa Đông")

    report = create_template_in_sheet(KEY, creds, ["Vĩnh Phú", " Vĩnh Đông ", "vĩnh phú", ""])

    assert report == {
        "title": "OCOP Vĩnh Hòa Đông", "url": f"https://docs.google.com/spreadsheets/d/{KEY}/edit",
        "added_tabs": CONTRACT_TITLES + [LISTS], "headers_written": CONTRACT_TITLES,
        "validations": 23, "skipped_tabs_with_data": [], "areas_written": 2, "requests": 3,
    }
    # metadata, then one batchUpdate and one values:batchUpdate; no batchGet: no contract tab existed
    assert [fake_sheets_api.count(k) for k in ("token", "metadata", "batchGet", "batchUpdate", "valuesBatchUpdate")] \
        == [1, 1, 0, 1, 1]
    assert len(fake_sheets_api.sheets_requests()) == 3
    assert fake_sheets_api.token_scopes == [SHEETS_SCOPE]
    (values,) = fake_sheets_api.requests_of("valuesBatchUpdate")
    assert values.body["valueInputOption"] == "RAW"
    kinds = [next(iter(r)) for r in fake_sheets_api.batch_update_requests()]
    assert kinds.count("addSheet") == 10 and kinds.count("setDataValidation") == 23

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

    # the dropdowns
    outreach = sheet.tab("Tuyên truyền")
    assert _list_values(_rule(outreach, col(OUTREACH, "channel"))) == list(c.CHANNELS)
    assert len(c.CHANNELS) == 7
    assert _list_values(_rule(outreach, col(OUTREACH, "topic"))) == list(c.TOPICS)
    products, producers = c.TABS_BY_KEY["products"], c.TABS_BY_KEY["producers"]
    assert _list_values(_rule(sheet.tab("Sản phẩm"), col(products, "group"))) == list(c.PRODUCT_GROUPS)
    assert _list_values(_rule(sheet.tab("Chủ thể"), col(producers, "registered"))) == ["Có", "Không"]
    assert _range_of(_rule(sheet.tab("Chủ thể"), col(producers, "area"))) == "='Khóm'!$A$2:$A"
    dossiers = sheet.tab("Hồ sơ")
    for document in c.DOCUMENTS:
        assert _list_values(_rule(dossiers, col(c.TABS_BY_KEY["dossiers"], document))) == \
            list(DOC_STATUS_LABELS.values())
    # Tuyên truyền's khóm: "Toàn phường" then the Khóm tab's names, live, from the lists tab
    ward_range = _range_of(_rule(outreach, col(OUTREACH, "area")))
    assert ward_range == "='_Danh mục'!$K$2:$K"
    lists = sheet.tab(LISTS)
    assert [r[10] for r in lists.rows[:3]] == ["Khóm hoặc Toàn phường", "Toàn phường",
                                               "=IFERROR(FILTER('Khóm'!$A$2:$A,'Khóm'!$A$2:$A<>\"\"),\"\")"]
    assert [r[4] for r in lists.rows[:8] if len(r) > 4 and r[4]] == ["Hình thức", *c.CHANNELS]
    # no dropdown on a free-text or date column
    assert outreach.validation_rule(col(OUTREACH, "held_on")) is None
    assert outreach.validation_rule(col(OUTREACH, "note")) is None
    assert sheet.tab("Khóm").validations == [] and sheet.tab("Thông tin").validations == []

    # read back like the dashboard: clean
    ds = normalise_workbook(read_google_sheet(KEY, creds))
    assert ds.issues[ds.issues["severity"] == ERROR].empty
    assert list(ds.issues["reason"]) == ["tab_unknown"]  # Sheet1, a notice
    assert list(ds.table("areas")["name"]) == ["Vĩnh Phú", "Vĩnh Đông"]
    assert set(ds.layouts) == {t.key for t in c.TABS if not t.key_value}


def test_template_leaves_a_tab_with_data_alone(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS, "Khóm": []})
    outreach_before = copy.deepcopy(sheet.tab("Tuyên truyền"))
    outreach_id = outreach_before.sheet_id
    khom_id = sheet.tab("Khóm").sheet_id

    report = create_template_in_sheet(KEY, creds, ["Vĩnh Phú", "Vĩnh Đông"])

    added = [t for t in CONTRACT_TITLES if t not in ("Tuyên truyền", "Khóm")]
    assert report["added_tabs"] == added + [LISTS]
    assert report["headers_written"] == ["Thông tin", "Khóm", "Chỉ tiêu", "Chủ thể", "Sản phẩm", "Hồ sơ",
                                         "Tập huấn", "Nhiệm vụ"]
    assert report["skipped_tabs_with_data"] == ["Tuyên truyền"]
    assert report["areas_written"] == 2
    assert report["validations"] == 20  # 23 less Tuyên truyền's 3
    assert report["requests"] == 4
    assert [fake_sheets_api.count(k) for k in ("metadata", "batchGet", "batchUpdate", "valuesBatchUpdate")] \
        == [1, 1, 1, 1]
    (batch_get,) = fake_sheets_api.requests_of("batchGet")
    assert batch_get.query["ranges"] == ["'Khóm'", "'Tuyên truyền'"]

    # Tuyên truyền: not a cell, a format, a dropdown or a property changed
    assert sheet.tab("Tuyên truyền") == outreach_before
    for request in fake_sheets_api.batch_update_requests():
        (args,) = request.values()
        target = args.get("range") or args.get("properties") or args.get("start") or {}
        assert target.get("sheetId") != outreach_id, request
    (values,) = fake_sheets_api.requests_of("valuesBatchUpdate")
    assert not any("Tuyên truyền" in d["range"] for d in values.body["data"])

    # Khóm existed, empty: header, names, frozen header row; no addSheet for it
    khom = sheet.tab("Khóm")
    assert khom.sheet_id == khom_id
    assert khom.rows == [["Khóm", "Số hộ", "Ghi chú"], ["Vĩnh Phú"], ["Vĩnh Đông"]] and khom.frozen_rows == 1
    assert [t.title for t in sheet.tabs].count("Khóm") == 1

    ds = normalise_workbook(read_google_sheet(KEY, creds))
    errors = ds.issues[ds.issues["severity"] == ERROR]
    assert errors.empty, errors
    created = set(report["headers_written"])
    assert ds.issues[ds.issues["tab"].isin(created)].empty
    assert ds.accounting["outreach"] == RowCount(3, 3, 0)

    # run again: everything holds data now, nothing is written
    fake_sheets_api.clear_requests()
    again = create_template_in_sheet(KEY, creds)
    assert again["added_tabs"] == [] and again["headers_written"] == [] and again["validations"] == 0
    assert again["skipped_tabs_with_data"] == [t.title for t in c.TABS]
    assert again["requests"] == 2
    assert fake_sheets_api.count("batchUpdate") == fake_sheets_api.count("valuesBatchUpdate") == 0


def test_khom_dropdowns_follow_an_existing_khom_header(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    khom = [["Danh sách khóm năm 2024"], ["STT", "Khóm", "Số hộ"], [1, "Vĩnh Phú", 120]]
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"khom": khom, _LISTS_ELSEWHERE: [["x"]]})

    report = create_template_in_sheet(KEY, creds, ["Không ghi"])

    assert report["skipped_tabs_with_data"] == ["khom"]  # found the way the reader finds it
    assert "Khóm" not in report["added_tabs"] and LISTS not in report["added_tabs"]
    assert report["areas_written"] == 0
    producers = c.TABS_BY_KEY["producers"]
    assert _range_of(_rule(sheet.tab("Chủ thể"), col(producers, "area"))) == "='khom'!$B$3:$B"
    # a lists tab made by someone else is not relied on: the khóm range instead
    assert _range_of(_rule(sheet.tab("Tuyên truyền"), col(OUTREACH, "area"))) == "='khom'!$B$3:$B"
    assert sheet.tab("khom").rows == khom and sheet.tab(_LISTS_ELSEWHERE).rows == [["x"]]


def test_an_empty_existing_tab_is_enlarged_for_its_dropdowns(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Hồ sơ": []})
    small = sheet.tab("Hồ sơ")
    small.min_rows, small.min_columns = 100, 5  # smaller than the header and the dropdown rows

    report = create_template_in_sheet(KEY, creds)

    assert "Hồ sơ" in report["headers_written"] and "Hồ sơ" not in report["added_tabs"]
    tab = sheet.tab("Hồ sơ")
    assert tab.row_count == 1000 and tab.column_count == 15 and tab.frozen_rows == 1  # 15 headers
    assert tab.rows[0] == [column.header for column in c.TABS_BY_KEY["dossiers"].columns]


def test_template_write_refused_to_a_viewer(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, read_only=True)
    error = write_failure(create_template_in_sheet, KEY, creds)
    assert error.code == "gsheet_write_forbidden" and error.params["email"] == SERVICE_ACCOUNT_EMAIL
    assert [t.title for t in sheet.tabs] == ["Sheet1"]
    assert fake_sheets_api.count("valuesBatchUpdate") == 0


def test_template_in_a_sheet_not_shared(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, forbidden=True)
    error = write_failure(create_template_in_sheet, KEY, creds)
    assert error.code == "gsheet_forbidden" and error.params == {"key": KEY, "email": SERVICE_ACCOUNT_EMAIL}
    assert len(fake_sheets_api.sheets_requests()) == 1


def test_a_failed_batch_update_changes_nothing_and_writes_no_values(fake_sheets_api: FakeSheetsAPI,
                                                                    creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []})
    fake_sheets_api.fail_next(status=503, kind="batchUpdate")
    error = write_failure(create_template_in_sheet, KEY, creds)
    assert error.code == "gsheet_unavailable"
    assert [t.title for t in sheet.tabs] == ["Sheet1"]
    assert fake_sheets_api.count("batchUpdate") == 1 and fake_sheets_api.count("valuesBatchUpdate") == 0
    # run again once Google is back: the whole template
    assert create_template_in_sheet(KEY, creds)["added_tabs"] == CONTRACT_TITLES + [LISTS]


def test_a_hung_values_write_is_unavailable(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []})
    fake_sheets_api.hang_next(1.5, kind="valuesBatchUpdate")
    error = write_failure(create_template_in_sheet, KEY, creds, timeout=0.4)
    assert error.code == "gsheet_unavailable"
    assert fake_sheets_api.count("valuesBatchUpdate") == 1


# --------------------------------------------------------------------------- the fake's write endpoints


def test_fake_batch_update_replies_like_google_and_is_atomic(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    import gspread

    from data_sources.google_sheets import _client

    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": [["a"]]})
    client, _ = _client(creds, [SHEETS_SCOPE], 5)
    reply = client.http_client.batch_update(KEY, {"requests": [
        {"addSheet": {"properties": {"title": "Mới"}}}, {"autoResizeDimensions": {"dimensions": {}}}]})
    assert reply["spreadsheetId"] == KEY
    added, other = reply["replies"]
    assert other == {}
    assert added["addSheet"]["properties"]["title"] == "Mới"
    assert added["addSheet"]["properties"]["sheetId"] == sheet.tab("Mới").sheet_id != 0

    with pytest.raises(gspread.exceptions.APIError) as info:  # the second request fails: neither applies
        client.http_client.batch_update(KEY, {"requests": [
            {"addSheet": {"properties": {"title": "Khác"}}}, {"addSheet": {"properties": {"title": "mới"}}}]})
    assert info.value.response.status_code == 400
    assert [t.title for t in sheet.tabs] == ["Sheet1", "Mới"]

    body = client.http_client.values_batch_update(KEY, {"valueInputOption": "RAW", "data": [
        {"range": "'Mới'!B2", "values": [["x", None, 3]]},
        {"range": "Sheet1!A1", "majorDimension": "COLUMNS", "values": [["a", "b"], ["c"]]}]})
    assert body["totalUpdatedCells"] == 5 and body["totalUpdatedSheets"] == 2
    assert body["responses"][0]["updatedRange"] == "'Mới'!B2:D2"
    assert sheet.tab("Mới").rows == [[], [None, "x", None, 3]]
    assert sheet.tab("Sheet1").rows == [["a", "c"], ["b"]]


# --------------------------------------------------------------------------- the command line


def test_cli_create_sheet_prints_the_report(fake_sheets_api: FakeSheetsAPI, creds: dict, monkeypatch, capsys) -> None:
    import analysis.cli as cli

    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setattr(cli, "_secrets", lambda: {"gcp_service_account": creds})
    fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS}, title="OCOP 2024")

    assert cli.main(["create-sheet", "--sheet", KEY, "--areas", "Vĩnh Phú, Vĩnh Đông,"]) == 0

    out, err = capsys.readouterr()
    assert err == ""
    added = [t for t in CONTRACT_TITLES if t != "Tuyên truyền"]
    assert out.splitlines() == [
        f"Đã chuẩn bị Google Sheet “OCOP 2024”: https://docs.google.com/spreadsheets/d/{KEY}/edit",
        f"Trang đã thêm (9): {', '.join(added + [LISTS])}",
        f"Trang đã ghi dòng tiêu đề (8): {', '.join(added)}",
        "Số cột có danh sách chọn: 20",
        "Trang đã có dữ liệu, giữ nguyên (1): Tuyên truyền",
        "Số khóm đã ghi vào trang Khóm: 2",
        "Số yêu cầu gửi tới Google Sheets: 4",
    ]

    # again: nothing to add, every tab kept, the khóm given are not written
    assert cli.main(["create-sheet", "--sheet", KEY, "--areas", "Vĩnh Mỹ"]) == 0
    out, _ = capsys.readouterr()
    assert "Trang đã thêm (0): không có" in out.splitlines()
    assert "Trang Khóm đã có dữ liệu nên danh sách khóm đưa vào không được ghi." in out.splitlines()


def test_cli_create_sheet_fails_in_vietnamese(fake_sheets_api: FakeSheetsAPI, creds: dict, monkeypatch,
                                              capsys) -> None:
    import analysis.cli as cli

    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setattr(cli, "_secrets", lambda: {"gcp_service_account": creds})
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, read_only=True)

    assert cli.main(["create-sheet", "--sheet", KEY]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == strings.t("source_error.gsheet_write_forbidden", email=SERVICE_ACCOUNT_EMAIL)

    monkeypatch.setattr(cli, "_secrets", lambda: {})
    assert cli.main(["create-sheet", "--sheet", KEY]) == 2
    assert capsys.readouterr().err.strip() == strings.t("source_error.credentials_missing")
