"""The Google Sheets source reading a workbook, run for real (gspread + google-auth) against a local fake API.

No request leaves 127.0.0.1: OCOP_SHEETS_API_ENDPOINT sends the Sheets calls to the
fake, and the throwaway service account's token_uri points at the fake too.
Failures (HTTP errors, time-outs, bad credentials): test_google_sheets_failures.py.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest
import requests

from data_sources.google_sheets import (
    SHEETS_READONLY_SCOPE,
    parse_sheet_key,
    read_google_sheet,
    sheet_url,
)
from tests.fakes.sheets_api import FAKE_TOKEN, FakeSheetsAPI  # the fixture comes from tests/conftest.py

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
OTHER_KEY = "1jIKzPs8LsiZZdLdeMEP-5ZIHw6RkjiOmj1LrJN706Yc"

NINE_TABS = {
    "Sản phẩm": [
        ["Mã", "Tên sản phẩm", "Chủ thể", "Số sao", "Ngày công nhận"],
        ["SP01", "Mắm tôm Hậu Lộc", "HTX Hòa Lộc", 4, "15/03/2023"],
        ["SP02", "Bánh gai Tứ Trụ", "Cơ sở Bà Hằng", 3],
    ],
    "Chủ thể": [["Mã", "Tên", "Loại hình"], ["CT01", "HTX Hòa Lộc", "Hợp tác xã"]],
    "Đánh giá": [["Mã SP", "Điểm"], ["SP01", 82], ["SP02", 67.5]],
    "Chứng nhận": [["Mã SP", "Số quyết định"], ["SP01", "123/QĐ-UBND"]],
    "Kế hoạch": [["Năm", "Chỉ tiêu"], [2024, 5], [2025, 7]],
    "Doanh thu": [["Mã SP", "Năm", "Doanh thu (triệu đồng)"], ["SP01", 2024, 1250.75]],
    "Hội chợ": [["Tên hội chợ"], ["Hội chợ OCOP Thanh Hóa 2024"]],
    "Ghi chú": [["Nội dung"], ["Số liệu cập nhật theo quý"]],
    "Danh mục": [["Loại"], ["Thực phẩm"], ["Đồ uống"], ["Thủ công mỹ nghệ"]],
}


pytestmark = pytest.mark.usefixtures("single_attempt")  # one attempt per read: tests/data_sources/conftest.py




def read(url_or_key: str, creds: dict | None, **kw) -> object:
    return read_google_sheet(url_or_key, creds, **kw)


# --------------------------------------------------------------------------- reading


def test_nine_tabs_in_one_metadata_and_one_batch_get(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, NINE_TABS, title="OCOP phường 2024")

    wb = read(sheet_url(KEY), creds)

    assert list(wb.tabs) == list(NINE_TABS)  # sheet order
    assert wb.tabs == NINE_TABS
    assert (wb.kind, wb.location, wb.title) == ("gsheet", KEY, "OCOP phường 2024")
    assert wb.url == f"https://docs.google.com/spreadsheets/d/{KEY}/edit"

    assert fake_sheets_api.count("token") == 1
    assert fake_sheets_api.count("metadata") == 1
    assert fake_sheets_api.count("batchGet") == 1
    assert len(fake_sheets_api.sheets_requests()) == 2
    assert fake_sheets_api.token_scopes == [SHEETS_READONLY_SCOPE]

    (metadata,) = fake_sheets_api.requests_of("metadata")
    assert metadata.method == "GET" and metadata.path == f"/v4/spreadsheets/{KEY}"
    assert metadata.query == {"includeGridData": ["false"]}

    (batch,) = fake_sheets_api.requests_of("batchGet")
    assert batch.query["valueRenderOption"] == ["UNFORMATTED_VALUE"]
    assert batch.query["dateTimeRenderOption"] == ["SERIAL_NUMBER"]
    assert batch.query["majorDimension"] == ["ROWS"]
    assert batch.query["ranges"] == [f"'{t}'" for t in NINE_TABS]


def test_dates_arrive_as_serial_numbers_whatever_the_locale(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    rows = [["Ngày", "Lúc"], [date(2023, 3, 15), datetime(2023, 3, 15, 18, 0)], [date(1899, 12, 31)]]
    fake_sheets_api.add_spreadsheet(KEY, {"Ngày": rows}, locale="en_US")  # would display 3/15/2023

    wb = read(KEY, creds)

    assert wb.tabs["Ngày"] == [["Ngày", "Lúc"], [45000, 45000.75], [1]]


def test_rows_come_back_exactly_as_the_api_gives_them(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    rows = [
        ["Mã", "Tên", "Số sao", "Đạt", "Ghi chú"],
        ["SP01", None, 4, True],  # empty cell inside the row, trailing cells absent
        ["SP02", "Bánh gai", 3.5, False, None, None],  # trailing empties dropped
        [],  # an empty row in the middle stays
        [None, None, "x"],
        [None, ""],  # trailing empty rows are not sent
        [],
    ]
    fake_sheets_api.add_spreadsheet(KEY, {"Dữ liệu": rows, "Trống": []})

    wb = read(KEY, creds)

    assert wb.tabs["Dữ liệu"] == [
        ["Mã", "Tên", "Số sao", "Đạt", "Ghi chú"],
        ["SP01", "", 4, True],
        ["SP02", "Bánh gai", 3.5, False],
        [],
        ["", "", "x"],
    ]
    assert wb.tabs["Trống"] == []
    assert [type(v) for v in wb.tabs["Dữ liệu"][2]] == [str, str, float, bool]


def test_vietnamese_titles_and_an_apostrophe(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    tabs = {
        "Đăng ký sản phẩm": [["Mã"], ["SP01"]],
        "Bà Hằng's bánh gai": [["Mã"], ["SP02"]],
        "'quoted'": [["Mã"], ["SP03"]],
        "Kết quả (2024)!": [["Mã"], ["SP04"]],
    }
    fake_sheets_api.add_spreadsheet(KEY, tabs, title="Tổng hợp OCOP")

    wb = read(KEY, creds)

    assert wb.tabs == tabs and wb.title == "Tổng hợp OCOP"
    (batch,) = fake_sheets_api.requests_of("batchGet")
    assert batch.query["ranges"] == [
        "'Đăng ký sản phẩm'",
        "'Bà Hằng''s bánh gai'",
        "'''quoted'''",
        "'Kết quả (2024)!'",
    ]


def test_a_spreadsheet_without_tabs_costs_one_request(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {})
    assert read(KEY, creds).tabs == {}
    assert len(fake_sheets_api.sheets_requests()) == 1


def test_private_key_with_escaped_newlines_is_accepted(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    creds["private_key"] = creds["private_key"].replace("\n", "\\n")  # as pasted into a TOML string
    assert read(KEY, creds).tabs == {"A": [["x"]]}


# --------------------------------------------------------------------------- keys and URLs


@pytest.mark.parametrize(
    "text",
    [
        KEY,
        f"  {KEY}\n",
        f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0",
        f"https://docs.google.com/spreadsheets/d/{KEY}/edit?usp=sharing",
        f"https://docs.google.com/spreadsheets/d/{KEY}/edit?gid=123#gid=123",
        f"https://docs.google.com/spreadsheets/d/{KEY}",
        f"https://docs.google.com/spreadsheets/d/{KEY}/",
        f"https://docs.google.com/spreadsheets/u/1/d/{KEY}/edit",
        f"http://docs.google.com/spreadsheets/d/{KEY}/view",
        f"docs.google.com/spreadsheets/d/{KEY}/edit",
    ],
)
def test_parse_sheet_key_finds_the_key(text: str) -> None:
    assert parse_sheet_key(text) == KEY


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc123",  # too short for a key
        "1Mt7PAP53Wxr ZzHTL49wbg_EOQy18omB4PD2aJ",  # a space inside
        "Sổ theo dõi OCOP 2024",
        f"https://drive.google.com/file/d/{KEY}/view",
        f"https://example.com/spreadsheets/d/{KEY}/edit",
        "https://docs.google.com/spreadsheets/d/abc/edit",
        "https://docs.google.com/spreadsheets/d/e/2PACX-1vQ0000000000000000000000/pubhtml",
        f"https://docs.google.com/document/d/{KEY}/edit",
    ],
)
def test_parse_sheet_key_rejects_other_text(text: str) -> None:
    assert parse_sheet_key(text) is None


def test_parse_sheet_key_rejects_non_strings() -> None:
    assert parse_sheet_key(None) is None  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the fake itself


def test_fake_requires_the_bearer_token(fake_sheets_api: FakeSheetsAPI) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    url = f"{fake_sheets_api.endpoint}/v4/spreadsheets/{KEY}"
    anonymous = requests.get(url, timeout=5)
    assert anonymous.status_code == 401 and anonymous.json()["error"]["status"] == "UNAUTHENTICATED"
    authorised = requests.get(url, headers={"Authorization": f"Bearer {FAKE_TOKEN}"}, timeout=5)
    assert authorised.status_code == 200
    sheets = authorised.json()["sheets"]
    assert sheets[0]["properties"]["title"] == "A" and sheets[0]["properties"]["sheetType"] == "GRID"


def test_fake_error_bodies_match_the_recordings(fake_sheets_api: FakeSheetsAPI) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]}, forbidden=True)
    auth = {"Authorization": f"Bearer {FAKE_TOKEN}"}
    base = f"{fake_sheets_api.endpoint}/v4/spreadsheets"
    forbidden = requests.get(f"{base}/{KEY}", params={"includeGridData": "false"}, headers=auth, timeout=5)
    missing = requests.get(f"{base}/test", params={"includeGridData": "false"}, headers=auth, timeout=5)
    assert forbidden.json() == {
        "error": {"code": 403, "message": "The caller does not have permission", "status": "PERMISSION_DENIED"}
    }
    assert missing.json() == {
        "error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}
    }


def test_fake_values_get_ranges_formatting_and_append(fake_sheets_api: FakeSheetsAPI) -> None:
    import gspread
    from google.auth.transport.requests import AuthorizedSession
    from google.oauth2 import service_account

    from data_sources.google_sheets import _make_client

    rows = [["Mã", "Ngày", "Điểm"], ["SP01", date(2023, 3, 15), 82.5], ["SP02", None, 70]]
    fake_sheets_api.add_spreadsheet(KEY, {"Đánh giá": rows})
    fake_sheets_api.add_spreadsheet(OTHER_KEY, {"Đánh giá": rows}, locale="en_US")
    info = fake_sheets_api.service_account_info()
    credentials = service_account.Credentials.from_service_account_info(
        info, scopes=["https://www.googleapis.com/auth/spreadsheets"]
    )
    client = _make_client(credentials, 5)
    assert isinstance(client.http_client.session, AuthorizedSession)
    vi, en = client.open_by_key(KEY), client.open_by_key(OTHER_KEY)

    # what the display would show: locale-dependent, which is why the source asks for serials
    assert vi.values_get("'Đánh giá'!B2")["values"] == [["15/03/2023"]]
    assert en.values_get("'Đánh giá'!B2")["values"] == [["3/15/2023"]]
    assert vi.values_get("'Đánh giá'!B2:C3", params={"valueRenderOption": "UNFORMATTED_VALUE"}) == {
        "range": "'Đánh giá'!B2:C3",
        "majorDimension": "ROWS",
        "values": [[45000, 82.5], ["", 70]],
    }
    assert fake_sheets_api.count("values") == 3

    response = vi.values_append("'Đánh giá'!A1", {"valueInputOption": "RAW"}, {"values": [["SP03", 45001, 90]]})
    assert response["updates"]["updatedRange"] == "'Đánh giá'!A4:C4"
    assert fake_sheets_api.spreadsheet(KEY).tab("Đánh giá").rows[-1] == ["SP03", 45001, 90]
    assert fake_sheets_api.count("append") == 1

    with pytest.raises(gspread.exceptions.APIError) as info_400:
        vi.values_get("'Không có'!A1")
    assert info_400.value.response.status_code == 400


@pytest.mark.parametrize(("tab", "code"), [
    ([["x"]] * 250_001, "too_many_rows"),
    ([list(range(101))], "too_many_columns"),
    ([["ok"], ["ok", "y" * 32_768]], "cell_too_long"),
])
def test_per_tab_caps_as_for_an_xlsx(fake_sheets_api: FakeSheetsAPI, creds: dict, tab, code) -> None:
    from data_sources.raw import SourceError

    fake_sheets_api.add_spreadsheet(KEY, {"Khóm": tab}, title="big")
    with pytest.raises(SourceError) as caught:
        read(KEY, creds, retry_budget=0)
    assert caught.value.code == code
    assert caught.value.params["tab"] == "Khóm"
    if code == "cell_too_long":
        assert caught.value.params["cell"] == "B2"
