"""Writing to Google Sheets (data_sources/sheet_writer.py), run for real against the local fake.

The real gspread client and google-auth talk HTTP to tests/fakes/sheets_api/; nothing
is mocked and no request leaves 127.0.0.1. What create-sheet plans is tested in
tests/analysis/outputs/test_sheet_plan.py, the whole command in tests/analysis/test_cli_create_sheet.py.
"""
from __future__ import annotations

import copy
import time
import traceback
from datetime import date, datetime

import pytest

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise_workbook
from data_sources.google_sheets import client_for, read_google_sheet
from data_sources.raw import SourceError
from data_sources.sheet_writer import SHEETS_SCOPE, append_row, apply_plan, read_sheet_state, read_tail
from tests.fakes.credentials import SERVICE_ACCOUNT_EMAIL, private_key_pem
from tests.fakes.sheets_api import FAKE_TOKEN, FakeSheetsAPI  # the fixture comes from tests/conftest.py

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
OUTREACH = c.TABS_BY_KEY["outreach"]
OUTREACH_HEADER = [col.header for col in OUTREACH.columns]
OUTREACH_ROWS = [
    OUTREACH_HEADER,
    [45366, "Họp dân", "OCOP", "Hội Phụ nữ", "Vĩnh Phú", 35, "", "buổi 1"],
    [45370, "Đài truyền thanh", "An toàn thực phẩm", "Đài phường", "Toàn phường", 0],
    ["20/03/2024", "Hội nghị", "Hướng dẫn hồ sơ", "", "Vĩnh Phú", 52, "", "=1+2"],
]


@pytest.fixture(autouse=True)
def _a_retry_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real retry budget: reading would retry within it, writing must not retry at all."""
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "20")




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


def test_an_append_google_completed_but_never_answered_is_in_the_tail(fake_sheets_api: FakeSheetsAPI,
                                                                       creds: dict) -> None:
    """The lost answer: the row is stored, the client times out; one values.get of the tab shows it,
    cells as they were sent RAW (the date and "=1+2" as text, 40 as a number)."""
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS})
    fake_sheets_api.hang_next(2.0, kind="append", after=True)
    row = [date(2024, 4, 3), "Họp dân", "OCOP", None, "Vĩnh Phú", 40, "", "=1+2"]
    assert write_failure(append_row, KEY, creds, "Tuyên truyền", row, timeout=0.4).code == "gsheet_unavailable"
    assert len(sheet.tab("Tuyên truyền").rows) == len(OUTREACH_ROWS) + 1  # already there when the client gave up
    fake_sheets_api.clear_requests()

    tail = read_tail(KEY, creds, "Tuyên truyền", rows=2)

    assert tail == [OUTREACH_ROWS[-1], ["03/04/2024", "Họp dân", "OCOP", "", "Vĩnh Phú", 40, "", "=1+2"]]
    (get,) = fake_sheets_api.sheets_requests()
    assert get.path == f"/v4/spreadsheets/{KEY}/values/'Tuyên truyền'"
    assert get.query["valueRenderOption"] == ["UNFORMATTED_VALUE"]


def test_a_failed_tail_read_is_a_source_error_and_not_retried(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Tuyên truyền": OUTREACH_ROWS})
    fake_sheets_api.fail_next(status=503, times=3, kind="values")
    assert write_failure(read_tail, KEY, creds, "Tuyên truyền").code == "gsheet_unavailable"
    assert fake_sheets_api.count("values") == 1
    fake_sheets_api.clear_faults()
    assert read_tail(KEY, creds, "Tuyên truyền", rows=50) == OUTREACH_ROWS[:1] + [
        [45366, "Họp dân", "OCOP", "Hội Phụ nữ", "Vĩnh Phú", 35, "", "buổi 1"],
        [45370, "Đài truyền thanh", "An toàn thực phẩm", "Đài phường", "Toàn phường", 0],
        ["20/03/2024", "Hội nghị", "Hướng dẫn hồ sơ", "", "Vĩnh Phú", 52, "", "=1+2"]]


def test_a_refused_connection_is_unavailable(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    assert append_row(KEY, creds, "A", ["y"])["updated_rows"] == 1  # the fake works...
    fake_sheets_api.stop()  # ...then is gone: the token request itself cannot connect
    error = write_failure(append_row, KEY, creds, "A", ["z"], timeout=1)
    assert error.code == "gsheet_unavailable"


def test_bad_key_and_missing_credentials_send_nothing(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    assert write_failure(append_row, "not a sheet", creds, "A", ["x"]).code == "gsheet_bad_key"
    assert write_failure(append_row, KEY, None, "A", ["x"]).code == "credentials_missing"
    assert write_failure(read_sheet_state, "not a sheet", creds).code == "gsheet_bad_key"
    assert write_failure(read_sheet_state, KEY, None).code == "credentials_missing"
    assert fake_sheets_api.requests == []
    with pytest.raises(ValueError):
        append_row(KEY, creds, "A", [])


# --------------------------------------------------------------------------- read_sheet_state


def test_read_state_is_the_metadata_then_one_batch_get_of_the_tabs_asked_for(fake_sheets_api: FakeSheetsAPI,
                                                                              creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": [["a"]], "Tuyên truyền": OUTREACH_ROWS, "Bà's": []},
                                    title="OCOP 2024")
    shown: list[list[str]] = []

    def titles_to_read(sheets: list[dict]) -> list[str]:
        shown.append([s["title"] for s in sheets])
        return ["Bà's", "Tuyên truyền"]

    state = read_sheet_state(f"https://docs.google.com/spreadsheets/d/{KEY}/edit", creds, titles_to_read)

    assert shown == [["Sheet1", "Tuyên truyền", "Bà's"]]
    assert (state.key, state.title, state.url) == (KEY, "OCOP 2024", f"https://docs.google.com/spreadsheets/d/{KEY}/edit")
    assert [(s["sheetId"], s["title"], s["index"]) for s in state.sheets] == \
        [(0, "Sheet1", 0), (1001, "Tuyên truyền", 1), (1002, "Bà's", 2)]
    assert state.sheets[1]["gridProperties"]["rowCount"] >= len(OUTREACH_ROWS)
    assert state.contents == {"Bà's": [], "Tuyên truyền": OUTREACH_ROWS}  # unformatted: serial dates stay numbers
    assert state.requests == 2
    assert [fake_sheets_api.count(k) for k in ("token", "metadata", "batchGet")] == [1, 1, 1]
    assert fake_sheets_api.token_scopes == [SHEETS_SCOPE]
    (batch_get,) = fake_sheets_api.requests_of("batchGet")
    assert batch_get.query["ranges"] == ["'Bà''s'", "'Tuyên truyền'"]
    assert batch_get.query["valueRenderOption"] == ["UNFORMATTED_VALUE"]


def test_read_state_without_tabs_to_read_is_one_request(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": [["a"]]})
    state = read_sheet_state(KEY, creds)
    assert state.requests == 1 and state.contents == {} and [s["title"] for s in state.sheets] == ["Sheet1"]
    assert len(fake_sheets_api.sheets_requests()) == 1 and fake_sheets_api.count("batchGet") == 0


@pytest.mark.parametrize("status, code", [(403, "gsheet_forbidden"), (404, "gsheet_not_found"),
                                          (503, "gsheet_unavailable"), (429, "gsheet_quota")])
def test_a_failed_read_is_not_retried(fake_sheets_api: FakeSheetsAPI, creds: dict, status: int, code: str) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []})
    fake_sheets_api.fail_next(status=status, times=5, kind="metadata")
    error = write_failure(read_sheet_state, KEY, creds)
    assert error.code == code and error.params["key"] == KEY
    assert len(fake_sheets_api.sheets_requests()) == 1


def test_a_sheet_not_shared_names_the_account(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, forbidden=True)
    error = write_failure(read_sheet_state, KEY, creds)
    assert error.code == "gsheet_forbidden" and error.params == {"key": KEY, "email": SERVICE_ACCOUNT_EMAIL}


def test_a_garbled_answer_is_a_bad_response(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": [["a"]]})
    fake_sheets_api.malformed_next(kind="batchGet")
    error = write_failure(read_sheet_state, KEY, creds, lambda sheets: ["Sheet1"])
    assert error.code == "gsheet_bad_response"
    assert fake_sheets_api.count("batchGet") == 1


# --------------------------------------------------------------------------- apply_plan

NEW_TAB = {"addSheet": {"properties": {"sheetId": 5, "title": "Mới",
                                       "gridProperties": {"rowCount": 20, "columnCount": 3, "frozenRowCount": 1}}}}
YES_NO = {"condition": {"type": "ONE_OF_LIST", "values": [{"userEnteredValue": "Có"}, {"userEnteredValue": "Không"}]},
          "inputMessage": "Có hoặc Không", "strict": False, "showCustomUi": True}
DROPDOWN = {"setDataValidation": {"range": {"sheetId": 5, "startRowIndex": 1, "endRowIndex": 20,
                                            "startColumnIndex": 0, "endColumnIndex": 1}, "rule": YES_NO}}
VALUES = [{"range": "'Mới'!A1", "majorDimension": "ROWS", "values": [["Đăng ký"], ["=1+2"]]},
          {"range": "Sheet1!B1", "majorDimension": "COLUMNS", "values": [["x", "y"]]}]


def test_apply_sends_one_batch_update_then_one_values_write_on_the_same_token(fake_sheets_api: FakeSheetsAPI,
                                                                               creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": [["a"]]})
    state = read_sheet_state(KEY, creds)

    assert apply_plan(state, [NEW_TAB, DROPDOWN], VALUES) == 3 == state.requests

    assert fake_sheets_api.count("token") == 1
    assert [(r.method, r.path.rsplit(KEY, 1)[1]) for r in fake_sheets_api.sheets_requests()] == \
        [("GET", ""), ("POST", ":batchUpdate"), ("POST", "/values:batchUpdate")]
    assert fake_sheets_api.batch_update_requests() == [NEW_TAB, DROPDOWN]
    (values,) = fake_sheets_api.requests_of("valuesBatchUpdate")
    assert values.body == {"valueInputOption": "RAW", "data": VALUES}
    new = sheet.tab("Mới")
    assert new.sheet_id == 5 and new.frozen_rows == 1
    assert new.rows == [["Đăng ký"], ["=1+2"]]  # RAW: a formula-looking text stays text
    assert new.validation_rule(0, row=1) == YES_NO and new.validation_rule(0, row=0) is None
    assert sheet.tab("Sheet1").rows == [["a", "x"], [None, "y"]]


def test_an_empty_part_of_a_plan_is_not_sent(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": [["a"]]})
    state = read_sheet_state(KEY, creds)
    assert apply_plan(state, [], []) == 1
    assert apply_plan(state, [], VALUES[1:]) == 2
    assert fake_sheets_api.count("batchUpdate") == 0 and fake_sheets_api.count("valuesBatchUpdate") == 1


def test_a_viewer_account_cannot_apply_a_plan(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []}, read_only=True)
    state = read_sheet_state(KEY, creds)  # reading works: shared as Viewer
    error = write_failure(apply_plan, state, [NEW_TAB], VALUES)
    assert error.code == "gsheet_write_forbidden" and error.params == {"key": KEY, "email": SERVICE_ACCOUNT_EMAIL}
    assert [t.title for t in sheet.tabs] == ["Sheet1"]
    assert fake_sheets_api.count("valuesBatchUpdate") == 0


def test_a_failed_batch_update_writes_no_values_and_is_not_retried(fake_sheets_api: FakeSheetsAPI,
                                                                   creds: dict) -> None:
    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []})
    fake_sheets_api.fail_next(status=503, times=3, kind="batchUpdate")
    state = read_sheet_state(KEY, creds)
    error = write_failure(apply_plan, state, [NEW_TAB, DROPDOWN], VALUES)
    assert error.code == "gsheet_unavailable"
    assert [t.title for t in sheet.tabs] == ["Sheet1"] and sheet.tab("Sheet1").rows == []
    assert fake_sheets_api.count("batchUpdate") == 1 and fake_sheets_api.count("valuesBatchUpdate") == 0


def test_a_hung_values_write_is_unavailable_and_sent_once(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": []})
    fake_sheets_api.hang_next(1.5, kind="valuesBatchUpdate")
    state = read_sheet_state(KEY, creds, timeout=0.4)
    started = time.monotonic()
    error = write_failure(apply_plan, state, [NEW_TAB], VALUES)
    assert time.monotonic() - started < 1.4
    assert error.code == "gsheet_unavailable" and error.params == {"key": KEY, "status": None}
    assert fake_sheets_api.count("batchUpdate") == 1 and fake_sheets_api.count("valuesBatchUpdate") == 1


# --------------------------------------------------------------------------- the fake's write endpoints


def test_fake_batch_update_replies_like_google_and_is_atomic(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    import gspread

    sheet = fake_sheets_api.add_spreadsheet(KEY, {"Sheet1": [["a"]]})
    client, _ = client_for(creds, [SHEETS_SCOPE], 5)
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
