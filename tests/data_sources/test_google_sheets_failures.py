"""The Google Sheets source's failures, run for real (gspread + google-auth) against a local fake API.

Every failure is a SourceError with a code and params the pages translate; none carries a
secret. Reading itself: test_google_sheets.py.
"""
from __future__ import annotations

import time
import traceback

import pytest

from data_sources.google_sheets import ENDPOINT_ENV, read_google_sheet
from data_sources.raw import SourceError
from tests.fakes.credentials import SERVICE_ACCOUNT_EMAIL, private_key_pem
from tests.fakes.sheets_api import FAKE_TOKEN, FakeSheetsAPI  # the fixture comes from tests/conftest.py

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
OTHER_KEY = "1jIKzPs8LsiZZdLdeMEP-5ZIHw6RkjiOmj1LrJN706Yc"


pytestmark = pytest.mark.usefixtures("single_attempt")  # one attempt per read: tests/data_sources/conftest.py




def failure(url_or_key: str, creds: dict | None, **kw) -> SourceError:
    with pytest.raises(SourceError) as info:
        read_google_sheet(url_or_key, creds, **kw)
    assert_no_secrets(info.value)
    return info.value


def assert_no_secrets(error: SourceError) -> None:
    """Neither the private key nor the access token may reach a message, a param or the chain."""
    texts = [str(error), repr(error), repr(error.params), "".join(traceback.format_exception(error))]
    key_body = private_key_pem().splitlines()[1]  # a line of the base64 key material
    for text in texts:
        assert FAKE_TOKEN not in text
        assert "PRIVATE KEY" not in text
        assert key_body not in text
        assert "not-a-real-key" not in text


# --------------------------------------------------------------------------- failures


def test_bad_key_fails_before_any_request(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    error = failure("Sổ OCOP", creds)
    assert error.code == "gsheet_bad_key" and error.params == {"value": "Sổ OCOP"}
    assert fake_sheets_api.requests == []


def test_not_shared_is_forbidden_and_names_the_service_account(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]}, forbidden=True)
    error = failure(KEY, creds)
    assert error.code == "gsheet_forbidden"
    assert error.params == {"key": KEY, "email": SERVICE_ACCOUNT_EMAIL}


def test_unknown_key_is_not_found(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    error = failure(OTHER_KEY, creds)
    assert error.code == "gsheet_not_found" and error.params == {"key": OTHER_KEY}


@pytest.mark.parametrize(
    ("status", "code", "params"),
    [
        (429, "gsheet_quota", {"key": KEY}),
        (503, "gsheet_unavailable", {"key": KEY, "status": 503}),
        (500, "gsheet_unavailable", {"key": KEY, "status": 500}),
    ],
)
def test_http_errors(fake_sheets_api: FakeSheetsAPI, creds: dict, status: int, code: str, params: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.fail_next(status=status)
    error = failure(KEY, creds)
    assert (error.code, error.params) == (code, params)
    assert len(fake_sheets_api.sheets_requests()) == 1  # no retry in this module


def test_error_on_the_batch_get_is_mapped_too(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.fail_next(status=429, kind="batchGet")
    assert failure(KEY, creds).code == "gsheet_quota"
    assert fake_sheets_api.count("batchGet") == 1


def test_hanging_server_times_out(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.hang_next(5)
    started = time.monotonic()
    error = failure(KEY, creds, timeout=1)
    assert time.monotonic() - started < 3
    assert (error.code, error.params) == ("gsheet_unavailable", {"key": KEY, "status": None})


def test_hanging_token_endpoint_times_out(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.hang_next(5, include_token=True)
    started = time.monotonic()
    error = failure(KEY, creds, timeout=1)
    assert time.monotonic() - started < 3
    assert error.code == "gsheet_unavailable"
    assert fake_sheets_api.sheets_requests() == []


def test_malformed_json_is_a_bad_response(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.malformed_next()
    error = failure(KEY, creds)
    assert error.code == "gsheet_bad_response" and error.params["key"] == KEY


def test_json_of_the_wrong_shape_is_a_bad_response(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.fail_next(status=200, body={"spreadsheetId": KEY}, kind="metadata")  # no properties
    assert failure(KEY, creds).code == "gsheet_bad_response"


def test_stopped_server_is_unavailable(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.stop()
    error = failure(KEY, creds)
    assert (error.code, error.params) == ("gsheet_unavailable", {"key": KEY, "status": None})


def test_sheets_api_down_while_token_endpoint_up(
    fake_sheets_api: FakeSheetsAPI, creds: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = FakeSheetsAPI().start()
    monkeypatch.setenv(ENDPOINT_ENV, down.endpoint)
    down.stop()
    error = failure(KEY, creds)
    assert (error.code, error.params) == ("gsheet_unavailable", {"key": KEY, "status": None})
    assert fake_sheets_api.count("token") == 1


def test_no_credentials(fake_sheets_api: FakeSheetsAPI) -> None:
    error = failure(KEY, None)
    assert (error.code, error.params) == ("credentials_missing", {})
    assert fake_sheets_api.requests == []


def test_garbage_private_key(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    creds["private_key"] = "-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----\n"
    error = failure(KEY, creds)
    assert error.code == "credentials_invalid" and error.params["detail"]
    assert fake_sheets_api.requests == []


def test_missing_fields(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    del creds["client_email"]
    creds["token_uri"] = ""
    error = failure(KEY, creds)
    assert error.code == "credentials_invalid"
    assert error.params == {"detail": "missing fields: client_email, token_uri"}


def test_not_a_service_account(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    creds["type"] = "authorized_user"
    assert failure(KEY, creds).code == "credentials_invalid"


def test_token_refused(fake_sheets_api: FakeSheetsAPI, creds: dict) -> None:
    fake_sheets_api.refuse_token(error="invalid_grant", description="Invalid JWT Signature.")
    error = failure(KEY, creds)
    assert error.code == "credentials_invalid"
    assert error.params == {"detail": "token refused: invalid_grant"}
    assert fake_sheets_api.sheets_requests() == []
