"""The fake Sheets API answers like the real one: its bodies have the structure of the recorded ones.

The recordings (tests/fakes/recorded/, real responses of Google's servers) are replayed as
requests through the real gspread client, requests and google-auth against the fake; every
response is caught as requests received it (a response hook, not a mock) and compared with
the recorded one: status, content type, and the body's structure (keys and value types, recursively).
Where the recording can be reproduced (same key, titles and cells), the bodies must be equal too.
Drive's files.list is held to a documented shape instead (drive-files-list.json is not a recording).
"""
from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import gspread
import pytest
import requests
from google.auth.transport.requests import AuthorizedSession
from google.oauth2 import service_account
from requests.adapters import HTTPAdapter

from tests.fakes.sheets_api import FakeSheetsAPI

RECORDED = Path(__file__).resolve().parent / "recorded"
GOOGLE = "https://sheets.googleapis.com/"
READONLY = "https://www.googleapis.com/auth/spreadsheets.readonly"


def recorded(name: str) -> list[dict]:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))["interactions"]


def shape(value: Any) -> Any:
    """The structure of a JSON value: a dict's keys with their shapes; a list's distinct element shapes;
    else the JSON type (JSON has one kind of number, so 1 and 0.25 are alike)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        distinct = {json.dumps(shape(item), sort_keys=True) for item in value}
        return [json.loads(item) for item in sorted(distinct)]
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", type(None): "null"}[type(value)]


class _ToFake(HTTPAdapter):
    """Sends what gspread addresses to Google to the fake instead (the transport only)."""

    def __init__(self, endpoint: str) -> None:
        super().__init__()
        self.endpoint = endpoint.rstrip("/") + "/"

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        request.url = self.endpoint + (request.url or "")[len(GOOGLE):]
        kwargs["proxies"] = requests.utils.get_environ_proxies(request.url)
        return super().send(request, **kwargs)


@pytest.fixture
def client(fake_sheets_api: FakeSheetsAPI) -> tuple[gspread.Client, list[requests.Response]]:
    """The real gspread client, authorised by the fake's token endpoint; and every response it got."""
    credentials = service_account.Credentials.from_service_account_info(
        fake_sheets_api.service_account_info(), scopes=[READONLY])
    session = AuthorizedSession(credentials)
    session.mount(GOOGLE, _ToFake(fake_sheets_api.endpoint))
    responses: list[requests.Response] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: responses.append(response))
    gc = gspread.Client(auth=credentials, session=session)
    gc.set_timeout(10)
    return gc, responses


def key_of(interaction: dict) -> str:
    return urlsplit(interaction["request"]["uri"]).path.split("/")[3].split(":")[0]


def assert_answered_like(response: requests.Response, interaction: dict, fake: FakeSheetsAPI) -> None:
    """The fake got the recorded request and answered it with the recorded status, type and structure."""
    uri = urlsplit(interaction["request"]["uri"])
    request = fake.sheets_requests()[-1]
    assert (request.method, request.path, request.query) == (
        interaction["request"]["method"], unquote(uri.path), parse_qs(uri.query, keep_blank_values=True))
    expected = interaction["response"]
    assert response.status_code == expected["status"]
    assert response.headers["Content-Type"] == expected["content_type"]
    assert shape(response.json()) == shape(expected["body"])


def sheets_responses(responses: list[requests.Response]) -> list[requests.Response]:
    return [r for r in responses if not r.url.endswith("/token")]


def test_shape_compares_keys_and_types_recursively():
    assert shape({"a": [1, 2.5], "b": {"c": "x", "d": None}}) == {"a": ["number"], "b": {"c": "string", "d": "null"}}
    assert shape({"a": [True]}) != shape({"a": [1]})
    assert shape({"a": {"b": 1}}) != shape({"a": {"b": 1, "c": 2}})
    assert shape([[["x"]], [[]]]) == shape([[["y"]], [[]]]) != shape([[["y"]]])


@pytest.mark.parametrize("name", ["spreadsheets-get-metadata.json", "spreadsheets-get-timezone-locale.json"])
def test_metadata_has_the_recorded_structure(fake_sheets_api: FakeSheetsAPI, client, name: str) -> None:
    gc, responses = client
    for interaction in recorded(name):
        body = interaction["response"]["body"]
        props = body["properties"]
        titles = {s["properties"]["title"]: [] for s in body["sheets"]}
        fake_sheets_api.add_spreadsheet(key_of(interaction), titles, title=props["title"], locale=props["locale"],
                                        time_zone=props["timeZone"])
        metadata = gc.open_by_key(key_of(interaction)).fetch_sheet_metadata()
        assert_answered_like(sheets_responses(responses)[-1], interaction, fake_sheets_api)
        assert metadata == body  # reproduced: the very same body


def test_metadata_of_an_ocop_workbook_keeps_the_structure(fake_sheets_api: FakeSheetsAPI, client) -> None:
    gc, _ = client
    (interaction, _) = recorded("spreadsheets-get-metadata.json")
    tabs = {"Thông tin": [["Mục", "Giá trị"]], "Sản phẩm": [["Mã sản phẩm"], ["SP01"]], "Bà Hằng's": []}
    fake_sheets_api.add_spreadsheet(key_of(interaction), tabs, title="OCOP phường 2024")
    metadata = gc.open_by_key(key_of(interaction)).fetch_sheet_metadata()
    assert shape(metadata) == shape(interaction["response"]["body"])
    assert [s["properties"]["title"] for s in metadata["sheets"]] == list(tabs)


def test_values_batch_get_has_the_recorded_structure(fake_sheets_api: FakeSheetsAPI, client) -> None:
    gc, responses = client
    for interaction in recorded("values-batchget.json"):
        body = interaction["response"]["body"]
        title = body["valueRanges"][0]["range"].split("!")[0].strip("'")
        rows = [[r["values"][i][0] for r in body["valueRanges"]] for i in range(2)]
        fake_sheets_api.add_spreadsheet(key_of(interaction), {title: rows})
        tab = fake_sheets_api.spreadsheet(key_of(interaction)).tab(title)
        tab.min_rows = tab.min_columns = 10  # the recorded sheet's grid: A1:J10
        ranges = parse_qs(urlsplit(interaction["request"]["uri"]).query)["ranges"]
        got = gc.open_by_key(key_of(interaction)).values_batch_get(ranges)
        assert_answered_like(sheets_responses(responses)[-1], interaction, fake_sheets_api)
        assert got == body


def test_values_get_has_the_recorded_structure(fake_sheets_api: FakeSheetsAPI, client) -> None:
    gc, responses = client
    for interaction in recorded("values-get.json"):
        body = interaction["response"]["body"]
        title = body["range"].split("!")[0].strip("'")
        fake_sheets_api.add_spreadsheet(key_of(interaction), {title: body["values"]})
        tab = fake_sheets_api.spreadsheet(key_of(interaction)).tab(title)
        tab.min_rows = tab.min_columns = 10
        got = gc.open_by_key(key_of(interaction)).values_get(title)
        assert_answered_like(sheets_responses(responses)[-1], interaction, fake_sheets_api)
        assert got == body


@pytest.mark.parametrize(("name", "forbidden"), [("spreadsheets-get-403.json", True),
                                                 ("spreadsheets-get-404.json", False)])
def test_errors_have_the_recorded_structure(fake_sheets_api: FakeSheetsAPI, client, name: str,
                                            forbidden: bool) -> None:
    gc, responses = client
    for interaction in recorded(name):
        if forbidden:
            fake_sheets_api.add_spreadsheet(key_of(interaction), {"Sheet1": []}, forbidden=True)
        with pytest.raises(gspread.exceptions.APIError) as raised:
            gc.http_client.fetch_sheet_metadata(key_of(interaction))
        assert raised.value.response is sheets_responses(responses)[-1]
        assert_answered_like(raised.value.response, interaction, fake_sheets_api)
        assert raised.value.response.json() == interaction["response"]["body"]
        assert raised.value.code == interaction["response"]["status"]


# --------------------------------------------------------------------------- Drive v3 files.list

DRIVE = "https://www.googleapis.com/drive/"
DRIVE_METADATA = "https://www.googleapis.com/auth/drive.metadata.readonly"


class _DriveToFake(HTTPAdapter):
    """Sends what is addressed to Google's Drive API to the fake's /drive/ (the transport only)."""

    def __init__(self, endpoint: str) -> None:
        super().__init__()
        self.endpoint = endpoint.rstrip("/") + "/drive/"

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        request.url = self.endpoint + (request.url or "")[len(DRIVE):]
        kwargs["proxies"] = requests.utils.get_environ_proxies(request.url)
        return super().send(request, **kwargs)


@pytest.fixture
def drive_client(fake_sheets_api: FakeSheetsAPI) -> gspread.Client:
    credentials = service_account.Credentials.from_service_account_info(
        fake_sheets_api.service_account_info(), scopes=[READONLY, DRIVE_METADATA])
    session = AuthorizedSession(credentials)
    session.mount(DRIVE, _DriveToFake(fake_sheets_api.endpoint))
    gc = gspread.Client(auth=credentials, session=session)
    gc.set_timeout(10)
    return gc


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_drive_files_list_has_the_documented_structure(fake_sheets_api: FakeSheetsAPI, drive_client) -> None:
    """drive-files-list.json is written from Drive's documentation, not recorded (see its README)."""
    interactions = recorded("drive-files-list.json")
    files: dict[str, dict] = {}
    for interaction in interactions:
        for item in interaction["response"]["body"].get("files", []):
            files[item["id"]] = {**files.get(item["id"], {}), **item}
    for item in files.values():  # the spreadsheets the documented answers describe
        sheet = fake_sheets_api.add_spreadsheet(item["id"], {"Sheet1": []}, title=item["name"])
        sheet.created_time, sheet.modified_time = _utc(item["createdTime"]), _utc(item["modifiedTime"])
    fake_sheets_api.add_spreadsheet("1" + "0" * 43, {"Sheet1": []}, forbidden=True)  # not shared: never listed

    for interaction in interactions:
        params = {k: v[-1] for k, v in parse_qs(urlsplit(interaction["request"]["uri"]).query).items()}
        expected = interaction["response"]
        if expected["status"] == 200:
            response = drive_client.http_client.request("get", DRIVE + "v3/files", params=params)
        else:
            with pytest.raises(gspread.exceptions.APIError) as raised:
                drive_client.http_client.request("get", DRIVE + "v3/files", params=params)
            response = raised.value.response
        assert_answered_like(response, interaction, fake_sheets_api)
        body = response.json()
        if expected["status"] != 200:
            assert body == expected["body"]
            continue
        # the same files and fields (Drive's order is its own; the fake's is by id); the page token is opaque
        assert sorted(body["files"], key=lambda f: f["id"]) == sorted(expected["body"]["files"], key=lambda f: f["id"])
        assert {k: v for k, v in body.items() if k not in ("files", "nextPageToken")} == {
            k: v for k, v in expected["body"].items() if k not in ("files", "nextPageToken")}
