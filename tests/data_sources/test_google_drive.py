"""GoogleSession against the fake Sheets and Drive APIs, real gspread, google-auth and requests throughout:
one token per session, the Drive change list (pages, filter, errors), reads like read_google_sheet, pacing."""
from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from data_sources.google_drive import DRIVE_METADATA_SCOPE, GoogleSession, rfc3339
from data_sources.google_sheets import SHEETS_READONLY_SCOPE, client_for, read_google_sheet
from data_sources.raw import SourceError
from data_sources.xlsx_guard import MAX_CELL_CHARS
from tests.fakes.credentials import SERVICE_ACCOUNT_EMAIL
from tests.fakes.sheets_api import FakeSheetsAPI

T0 = datetime(2026, 11, 30, 8, 15, 2, 123456, tzinfo=UTC)
SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet"


def key(i: int) -> str:
    return f"1Unit{i:039d}"


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def units(fake_sheets_api: FakeSheetsAPI) -> list[str]:
    """Five small spreadsheets, all added at T0."""
    fake_sheets_api.set_time(T0)
    keys = [key(i) for i in range(5)]
    for i, k in enumerate(keys):
        fake_sheets_api.add_spreadsheet(k, {"Thông tin": [["Đơn vị", f"Xã {i}"]]}, title=f"Xã {i}")
    return keys


# --------------------------------------------------------------------------- token and scopes


def test_one_token_for_a_whole_session_with_both_scopes(fake_sheets_api: FakeSheetsAPI, creds: dict, units):
    with GoogleSession.open(creds) as google:
        assert (google.token_requests, google.requests) == (1, 0)  # asked for once, at open
        google.changed_since(None)
        for k in units:
            google.read(k)
        assert google.token_requests == fake_sheets_api.count("token") == 1
        assert google.requests == len(fake_sheets_api.sheets_requests()) == 1 + 2 * len(units)
    assert [set(s.split()) for s in fake_sheets_api.token_scopes] == [{SHEETS_READONLY_SCOPE, DRIVE_METADATA_SCOPE}]


def test_threads_share_the_session_and_its_token(fake_sheets_api: FakeSheetsAPI, creds: dict, units):
    google = GoogleSession.open(creds)
    results: dict[str, str] = {}

    def read(k: str) -> None:
        results[k] = google.read(k).title

    threads = [threading.Thread(target=read, args=(k,)) for k in units * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert results == {k: f"Xã {i}" for i, k in enumerate(units)}
    assert fake_sheets_api.count("token") == google.token_requests == 1
    assert google.requests == 2 * 20


@pytest.mark.parametrize(("info", "code"), [(None, "credentials_missing"), ({}, "credentials_invalid")])
def test_bad_credentials_fail_at_open(info, code: str):
    with pytest.raises(SourceError) as raised:
        GoogleSession.open(info)
    assert raised.value.code == code


def test_a_refused_grant_fails_at_open(fake_sheets_api: FakeSheetsAPI, creds: dict):
    fake_sheets_api.refuse_token()
    with pytest.raises(SourceError) as raised:
        GoogleSession.open(creds, sleep=FakeTime().sleep)
    assert raised.value.code == "credentials_invalid"
    assert raised.value.params == {"detail": "token refused: invalid_grant"}


# --------------------------------------------------------------------------- changed_since


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (1000, 1), (1001, 2), (2345, 3)])
def test_every_spreadsheet_in_one_request_per_thousand(fake_sheets_api: FakeSheetsAPI, creds: dict, count: int,
                                                       pages: int):
    fake_sheets_api.set_time(T0)
    shared = {"Thông tin": [["Đơn vị", "Xã"]]}
    for i in range(count):
        fake_sheets_api.add_spreadsheet(key(i), shared, copy_rows=False)
    google = GoogleSession.open(creds)
    changed = google.changed_since(None)
    assert changed == {key(i): "2026-11-30T08:15:02.123Z" for i in range(count)}
    assert fake_sheets_api.count("driveList") == google.requests == pages
    first, *rest = fake_sheets_api.requests_of("driveList")
    assert {k: v[-1] for k, v in first.query.items()} == {
        "q": f'mimeType="{SPREADSHEET_MIME}"', "pageSize": "1000", "supportsAllDrives": "True",
        "includeItemsFromAllDrives": "True", "fields": "kind,nextPageToken,files(id,name,createdTime,modifiedTime)"}
    assert all(r.query["pageToken"] for r in rest)


def test_changed_since_lists_only_what_changed_after(fake_sheets_api: FakeSheetsAPI, creds: dict, units):
    fake_sheets_api.add_spreadsheet(key(99), {"A": []}, forbidden=True)  # not shared: never listed
    fake_sheets_api.set_time(T0 + timedelta(minutes=5))
    writer, _ = client_for(creds, ["https://www.googleapis.com/auth/spreadsheets"], 5)
    writer.open_by_key(units[1]).values_append("'Thông tin'!A1", {"valueInputOption": "RAW"},
                                               {"values": [["Ghi chú", "mới"]]})  # a write bumps modifiedTime
    fake_sheets_api.touch(units[3], T0 + timedelta(minutes=7))
    fake_sheets_api.touch(key(99))

    google = GoogleSession.open(creds)
    assert google.changed_since(T0 + timedelta(minutes=1)) == {
        units[1]: "2026-11-30T08:20:02.123Z", units[3]: "2026-11-30T08:22:02.123Z"}
    # after is strictly after: a spreadsheet modified at `since` itself is not listed
    assert google.changed_since(T0 + timedelta(minutes=7)) == {}
    assert set(google.changed_since(T0 - timedelta(seconds=1))) == set(units)
    assert len(google.changed_since(None)) == len(units)
    sent = fake_sheets_api.requests_of("driveList")[0].query["q"][-1]
    assert sent == f"mimeType=\"{SPREADSHEET_MIME}\" and modifiedTime > '2026-11-30T08:16:02.123Z'"


def test_rfc3339_is_utc_with_milliseconds():
    assert rfc3339(T0) == "2026-11-30T08:15:02.123Z"
    assert rfc3339(datetime(2026, 11, 30, 15, 15, 2, 999999, tzinfo=timezone(timedelta(hours=7)))) == (
        "2026-11-30T08:15:02.999Z")  # cut, not rounded up into the next second
    assert rfc3339(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05.000Z"  # naive: UTC


def test_drive_429_twice_then_ok_backs_off(fake_sheets_api: FakeSheetsAPI, creds: dict, units, single_attempt):
    """The transport's own backoff (no retry budget here: data_sources/retry.py does not step in)."""
    t = FakeTime()
    google = GoogleSession.open(creds, sleep=t.sleep, clock=t.clock)
    fake_sheets_api.fail_next(429, times=2, kind="driveList")
    assert set(google.changed_since(None)) == set(units)
    assert len(t.sleeps) == 2 and 0 <= t.sleeps[0] <= 1 and 0 <= t.sleeps[1] <= 2  # full jitter under 1 s, 2 s
    assert fake_sheets_api.count("driveList") == google.requests == 3


@pytest.mark.usefixtures("single_attempt")
@pytest.mark.parametrize(("status", "body", "code", "params"), [
    (403, {"error": {"code": 403, "status": "PERMISSION_DENIED", "message": "Google Drive API has not been used "
                     "in project 100000000001 before or it is disabled.",
                     "errors": [{"domain": "usageLimits", "reason": "accessNotConfigured", "message": "..."}]}},
     "drive_forbidden", {"email": SERVICE_ACCOUNT_EMAIL}),
    (403, {"error": {"code": 403, "message": "Request had insufficient authentication scopes.",
                     "errors": [{"domain": "global", "reason": "insufficientPermissions", "message": "..."}]}},
     "drive_forbidden", {"email": SERVICE_ACCOUNT_EMAIL}),
    (403, {"error": {"code": 403, "message": "User Rate Limit Exceeded",
                     "errors": [{"domain": "usageLimits", "reason": "userRateLimitExceeded", "message": "..."}]}},
     "gsheet_quota", {"key": "drive"}),
    (404, None, "gsheet_not_found", {"key": "drive"}),
    (500, None, "gsheet_unavailable", {"key": "drive", "status": 500}),
    (429, None, "gsheet_quota", {"key": "drive"}),
    (400, None, "gsheet_bad_response", {"key": "drive", "status": 400}),
])
def test_drive_failures_are_source_errors(fake_sheets_api: FakeSheetsAPI, creds: dict, units, status: int, body,
                                          code: str, params: dict):
    t = FakeTime()
    google = GoogleSession.open(creds, sleep=t.sleep, clock=t.clock)
    fake_sheets_api.fail_next(status, times=10, body=body, kind="driveList")
    with pytest.raises(SourceError) as raised:
        google.changed_since(None)
    assert (raised.value.code, raised.value.params) == (code, params)


def test_a_transient_drive_failure_is_retried(fake_sheets_api: FakeSheetsAPI, creds: dict, units):
    t = FakeTime()
    google = GoogleSession.open(creds, sleep=t.sleep, clock=t.clock)
    fake_sheets_api.fail_next(503, kind="driveList")
    assert set(google.changed_since(None)) == set(units)
    assert fake_sheets_api.count("driveList") == 2 and len(t.sleeps) == 1


def test_a_list_answer_without_files_is_a_bad_response(fake_sheets_api: FakeSheetsAPI, creds: dict, units,
                                                       single_attempt):
    google = GoogleSession.open(creds)
    fake_sheets_api.fail_next(200, body={"kind": "drive#fileList", "files": [{"name": "no id"}]}, kind="driveList")
    with pytest.raises(SourceError) as raised:
        google.changed_since(None)
    assert raised.value.code == "gsheet_bad_response"


# --------------------------------------------------------------------------- read


def test_read_gives_what_read_google_sheet_gives(fake_sheets_api: FakeSheetsAPI, creds: dict, demo_raw):
    fake_sheets_api.add_spreadsheet(key(1), demo_raw.tabs, title="OCOP demo")
    expected = read_google_sheet(key(1), creds)
    fake_sheets_api.clear_requests()
    google = GoogleSession.open(creds)
    got = google.read(f"https://docs.google.com/spreadsheets/d/{key(1)}/edit#gid=0")
    assert (got.tabs, got.kind, got.location, got.title, got.url) == (
        expected.tabs, expected.kind, expected.location, expected.title, expected.url)
    assert list(got.tabs) == list(demo_raw.tabs)
    assert [r.path.rsplit("/", 1)[-1] for r in fake_sheets_api.sheets_requests()] == [key(1), "values:batchGet"]


@pytest.mark.usefixtures("single_attempt")
def test_read_failures_are_the_same_source_errors(fake_sheets_api: FakeSheetsAPI, creds: dict):
    fake_sheets_api.add_spreadsheet(key(1), {"A": [["x"]]}, forbidden=True)
    fake_sheets_api.add_spreadsheet(key(2), {"A": [["x" * (MAX_CELL_CHARS + 1)]]})
    google = GoogleSession.open(creds)
    cases = {key(1): ("gsheet_forbidden", {"key": key(1), "email": SERVICE_ACCOUNT_EMAIL}),
             key(3): ("gsheet_not_found", {"key": key(3)}),
             key(2): ("cell_too_long", {"tab": "A", "cell": "A1", "limit": MAX_CELL_CHARS}),
             "not a key": ("gsheet_bad_key", {"value": "not a key"})}
    for k, expected in cases.items():
        with pytest.raises(SourceError) as raised:
            google.read(k)
        assert (raised.value.code, raised.value.params) == expected
        if k != "not a key":
            with pytest.raises(SourceError) as same:
                read_google_sheet(k, creds)
            assert (same.value.code, same.value.params) == expected


def test_read_retries_a_transient_failure(fake_sheets_api: FakeSheetsAPI, creds: dict, units):
    t = FakeTime()
    google = GoogleSession.open(creds, sleep=t.sleep, clock=t.clock)
    fake_sheets_api.fail_next(503, kind="batchGet")
    assert google.read(units[0]).tabs == {"Thông tin": [["Đơn vị", "Xã 0"]]}
    assert fake_sheets_api.count("batchGet") == 2 and len(t.sleeps) == 1


# --------------------------------------------------------------------------- pacing


def test_the_session_paces_every_request_token_included(fake_sheets_api: FakeSheetsAPI, creds: dict, units):
    t = FakeTime()
    google = GoogleSession.open(creds, per_minute=3, sleep=t.sleep, clock=t.clock)  # the token: 1 of 3
    google.read(units[0])  # 2 more: the window is full
    assert t.sleeps == []
    google.read(units[1])  # its first request waits for the minute to pass
    assert t.sleeps == [60.0]
    assert (google.token_requests, google.requests) == (1, 4)


def test_a_gspread_client_of_google_sheets_reaches_the_fake_drive_too(fake_sheets_api: FakeSheetsAPI, creds: dict,
                                                                       units):
    """OCOP_SHEETS_API_ENDPOINT redirects www.googleapis.com/drive/ for the clients of google_sheets as well."""
    client, _ = client_for(creds, [SHEETS_READONLY_SCOPE, DRIVE_METADATA_SCOPE], 5)
    assert sorted(f["id"] for f in client.list_spreadsheet_files()) == sorted(units)
    assert fake_sheets_api.count("driveList") == 1


# --------------------------------------------------------------------------- the fake's files.list


def _list(api: FakeSheetsAPI, **params: str):
    import requests

    return requests.get(f"{api.endpoint}/drive/v3/files", params=params, timeout=5,
                        headers={"Authorization": "Bearer fake-token"})


@pytest.mark.parametrize(("q", "listed"), [
    (f"mimeType='{SPREADSHEET_MIME}'", 5),
    (f'mimeType = "{SPREADSHEET_MIME}" and modifiedTime > "2026-11-30T08:15:02"', 5),  # .123 is after :02
    (f"mimeType='{SPREADSHEET_MIME}' and modifiedTime > '2026-11-30T08:15:02.123Z'", 0),
    ("modifiedTime > '2026-11-30T15:15:00+07:00'", 5),
    ("mimeType='application/vnd.google-apps.folder'", 0),
    ("", 5),
])
def test_the_fake_filters_like_drive(fake_sheets_api: FakeSheetsAPI, units, q: str, listed: int):
    response = _list(fake_sheets_api, q=q, fields="files(id)")
    assert response.status_code == 200
    assert len(response.json()["files"]) == listed


@pytest.mark.parametrize("params", [
    {"q": "name contains 'OCOP'"}, {"q": "modifiedTime >= '2026-01-01'"}, {"q": "modifiedTime > 'yesterday'"},
    {"q": f"mimeType='{SPREADSHEET_MIME}' or trashed = false"},
    {"q": f"mimeType='{SPREADSHEET_MIME}' AND modifiedTime > '2026-01-01'"},
    {"pageSize": "1001"}, {"pageSize": "0"},
    {"pageToken": "not-a-token"}, {"fields": "files(owners)"},
])
def test_the_fake_answers_400_to_what_it_does_not_know(fake_sheets_api: FakeSheetsAPI, units, params: dict):
    response = _list(fake_sheets_api, **params)
    assert response.status_code == 400
    assert response.json()["error"]["errors"][0]["reason"] in ("invalid", "invalidParameter")


def test_the_fake_pages_in_key_order_100_by_default(fake_sheets_api: FakeSheetsAPI):
    fake_sheets_api.set_time(T0)
    for i in reversed(range(250)):
        fake_sheets_api.add_spreadsheet(key(i), {}, title=f"Xã {i}")
    seen, token, pages = [], None, 0
    while True:
        body = _list(fake_sheets_api, **({"pageToken": token} if token else {})).json()
        pages += 1
        seen += [f["id"] for f in body["files"]]
        assert set(body) == {"kind", "incompleteSearch", "files"} | ({"nextPageToken"} if "nextPageToken" in body
                                                                     else set())
        assert body["files"][0] == {"kind": "drive#file", "id": body["files"][0]["id"],
                                    "name": body["files"][0]["name"], "mimeType": SPREADSHEET_MIME}
        token = body.get("nextPageToken")
        if not token:
            break
    assert pages == 3 and seen == sorted(key(i) for i in range(250))


def test_the_fake_clock_and_touch(fake_sheets_api: FakeSheetsAPI):
    fake_sheets_api.set_time(datetime(2026, 1, 1))  # naive: UTC
    sheet = fake_sheets_api.add_spreadsheet(key(1), {})
    assert sheet.created_time == sheet.modified_time == datetime(2026, 1, 1, tzinfo=UTC)
    assert fake_sheets_api.advance_time(1.5) == datetime(2026, 1, 1, 0, 0, 1, 500000, tzinfo=UTC)
    fake_sheets_api.touch(key(1))
    assert sheet.modified_time == datetime(2026, 1, 1, 0, 0, 1, 500000, tzinfo=UTC)
    assert _list(fake_sheets_api, fields="files(modifiedTime)").json()["files"] == [
        {"modifiedTime": "2026-01-01T00:00:01.500Z"}]
    fake_sheets_api.set_time(None)  # the real clock again
    fake_sheets_api.touch(key(1))
    assert abs(sheet.modified_time - datetime.now(UTC)) < timedelta(seconds=5)
