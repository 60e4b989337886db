"""Google Sheets source: read every tab of a spreadsheet with a service account.

I/O only. Failures are raised as SourceError(code, **params); the messages a
user reads live elsewhere (analysis.i18n.strings, keys `source_error.<code>`).

Cost of one read: one token request, then exactly two Sheets API requests however
many tabs there are: the spreadsheet metadata (title, tab titles) and one
values:batchGet listing every tab.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Mapping, Sequence
from typing import Any

import google.auth.exceptions
import gspread
import requests
from google.auth.transport.requests import AuthorizedSession
from google.oauth2 import service_account
from requests.adapters import HTTPAdapter

from data_sources.raw import RawWorkbook, SourceError
from data_sources.retry import budget_from_env, with_retries
from data_sources.sheet_key import BARE_KEY_RE, URL_RE
from data_sources.xlsx_guard import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, column_letters

SHEETS_READONLY_SCOPE = "https://www.googleapis.com/auth/spreadsheets.readonly"
SHEETS_API_BASE = "https://sheets.googleapis.com/"
DRIVE_API_BASE = "https://www.googleapis.com/drive/"
DOCS_SHEETS_BASE = "https://docs.google.com/spreadsheets/"  # a public sheet's .xlsx export (public_sheet.py)
# tests and emulators: send Sheets calls here (Drive's under /drive/, docs.google.com's under /docs/spreadsheets/)
ENDPOINT_ENV = "OCOP_SHEETS_API_ENDPOINT"

# Values exactly as stored, not as displayed: numbers arrive as JSON numbers and
# dates as serial day numbers (days since 1899-12-30). With the default
# FORMATTED_VALUE a sheet in locale en_US would send 3/15/2023 (month first) and
# one in vi_VN 15/03/2023, and "1.234,5"-style numbers; serials cannot be misread.
# The normaliser downstream converts the serial dates.
BATCH_GET_PARAMS = {
    "valueRenderOption": "UNFORMATTED_VALUE",
    "dateTimeRenderOption": "SERIAL_NUMBER",
    "majorDimension": "ROWS",
}

_KEY_RE = BARE_KEY_RE  # a bare key: 30 to 64 of [A-Za-z0-9_-], starting with "1" (data_sources/sheet_key.py)
_URL_RE = URL_RE
_REQUIRED_FIELDS = ("client_email", "private_key", "token_uri")
_MAX_ECHO = 200  # longest user input echoed back in gsheet_bad_key


def parse_sheet_key(url_or_key: str) -> str | None:
    """The spreadsheet key in a Google Sheets URL, or a bare key; None if neither."""
    if not isinstance(url_or_key, str):
        return None
    text = url_or_key.strip()
    if _KEY_RE.match(text):
        return text
    m = _URL_RE.match(text)
    return m.group(1) if m else None


def sheet_url(key: str) -> str:
    return f"https://docs.google.com/spreadsheets/d/{key}/edit"


def read_google_sheet(
    url_or_key: str, credentials_info: Mapping[str, Any] | None, *, timeout: float = 8.0,
    retry_budget: float | None = None,
) -> RawWorkbook:
    """Every tab of the spreadsheet, rows exactly as the API gave them.

    `credentials_info`: a service-account JSON dict (the caller chooses between
    Streamlit's [gcp_service_account] and GOOGLE_APPLICATION_CREDENTIALS).
    `timeout`: seconds allowed per HTTP request (token and Sheets alike), at most.
    `retry_budget`: seconds for the whole read, retries included (data_sources/retry.py:
    quota, unavailable and garbled answers are retried with jittered backoff); default
    OCOP_RETRY_BUDGET or 20; 0 means a single attempt.
    """
    key = parse_sheet_key(url_or_key)
    if key is None:
        raise SourceError("gsheet_bad_key", value=str(url_or_key)[:_MAX_ECHO])
    credentials = make_credentials(credentials_info)
    client = _make_client(credentials, timeout)
    budget = budget_from_env() if retry_budget is None else retry_budget
    started = time.monotonic()

    def attempt() -> RawWorkbook:
        client.set_timeout(attempt_timeout(timeout, budget, time.monotonic() - started))
        return fetch_once(client, key, credentials.service_account_email)

    # One client (and one token) for every attempt; the retries are ours, not gspread's.
    return with_retries(attempt, budget_s=budget)


def attempt_timeout(timeout: float, budget: float, elapsed: float) -> float:
    """Per-request timeout of the next attempt: at most a third of the budget left (but
    1 s at least), so a hung server costs one attempt, not the whole budget, and a retry
    still fits (with_retries only retries when an attempt as long as the last one fits)."""
    if budget <= 0:
        return timeout
    return min(timeout, max(1.0, (budget - elapsed) / 3))


# --------------------------------------------------------------------------- credentials


def make_credentials(
    info: Mapping[str, Any] | None, scopes: Sequence[str] = (SHEETS_READONLY_SCOPE,)
) -> service_account.Credentials:
    if info is None:
        raise SourceError("credentials_missing")
    if not isinstance(info, Mapping):
        raise SourceError("credentials_invalid", detail="not a JSON object")
    info = dict(info)  # Streamlit's secrets table is a read-only mapping
    missing = [f for f in _REQUIRED_FIELDS if not isinstance(info.get(f), str) or not info[f].strip()]
    if missing:
        raise SourceError("credentials_invalid", detail="missing fields: " + ", ".join(missing))
    if info.get("type", "service_account") != "service_account":
        raise SourceError("credentials_invalid", detail="type is not service_account")
    if "\\n" in info["private_key"] and "\n" not in info["private_key"]:
        # pasted into a TOML/env value with its line breaks still escaped
        info["private_key"] = info["private_key"].replace("\\n", "\n")
    try:
        return service_account.Credentials.from_service_account_info(info, scopes=list(scopes))
    except Exception:  # any failure here means the JSON is unusable; its text may quote the key
        raise SourceError("credentials_invalid", detail="private key could not be read") from None


# --------------------------------------------------------------------------- transport


class EndpointOverrideAdapter(HTTPAdapter):
    """Sends Google's Sheets and Drive API requests (and docs.google.com's export) to another base URL (a fake
    or an emulator)."""

    def __init__(self, base_url: str, timeout: float) -> None:
        super().__init__()
        self._base = base_url
        self._timeout = timeout

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        redirect(request, kwargs, self._base)
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self._timeout
        return super().send(request, **kwargs)


def endpoint_override(env: Mapping[str, str] | None = None) -> str | None:
    """OCOP_SHEETS_API_ENDPOINT, or None when unset. ValueError if it is not an http(s) URL."""
    endpoint = (os.environ if env is None else env).get(ENDPOINT_ENV, "").strip()
    if not endpoint:
        return None
    if not endpoint.startswith(("http://", "https://")):
        raise ValueError(f"{ENDPOINT_ENV} must be an http(s) URL, got {endpoint!r}")
    return endpoint


def redirect(request: requests.PreparedRequest, send_kwargs: dict[str, Any], base_url: str) -> None:
    """Point a request for Google's Sheets or Drive API at `base_url` (Drive under <base_url>/drive/, a
    sheet's export under <base_url>/docs/spreadsheets/); any other URL (the token endpoint, an already
    redirected retry) is left as it is."""
    base = base_url.rstrip("/") + "/"
    routes = ((SHEETS_API_BASE, ""), (DRIVE_API_BASE, "drive/"), (DOCS_SHEETS_BASE, "docs/spreadsheets/"))
    for google_base, prefix in routes:
        if request.url and request.url.startswith(google_base):
            request.url = base + prefix + request.url[len(google_base) :]
            # proxies were chosen for the original host; choose again for the new one
            send_kwargs["proxies"] = requests.utils.get_environ_proxies(request.url)
            return


def _make_client(credentials: service_account.Credentials, timeout: float) -> gspread.Client:
    session = AuthorizedSession(credentials)
    endpoint = endpoint_override()
    if endpoint:
        adapter = EndpointOverrideAdapter(endpoint, timeout)
        session.mount(SHEETS_API_BASE, adapter)
        session.mount(DRIVE_API_BASE, adapter)
    # The plain HTTPClient on purpose, not gspread's BackOffHTTPClient: that one sleeps
    # up to 128 s per request (beyond any page load), retries 403s and knows nothing of
    # our budget. Retries happen once, around the whole read (data_sources/retry.py).
    client = gspread.Client(auth=credentials, session=session)
    # gspread hands this to every session.request; AuthorizedSession also uses it
    # for the token request. A hung server then fails instead of hanging the app.
    client.set_timeout(timeout)
    return client


def client_for(
    credentials_info: Mapping[str, Any] | None, scopes: Sequence[str], timeout: float
) -> tuple[gspread.Client, str]:
    """(client, service-account e-mail) for these scopes: reading asks for spreadsheets.readonly
    only; data_sources/sheet_writer.py asks for spreadsheets. SourceError on bad credentials."""
    credentials = make_credentials(credentials_info, scopes)
    return _make_client(credentials, timeout), credentials.service_account_email


# --------------------------------------------------------------------------- reading


class BadResponse(Exception):
    """A 200 answer whose JSON does not have the documented shape."""


def fetch_once(client: gspread.Client, key: str, email: str) -> RawWorkbook:
    """One attempt at reading the workbook: no retries. Raises SourceError only.

    (read_google_sheet and data_sources/google_drive.GoogleSession.read wrap it in
    data_sources.retry.with_retries.)
    """
    try:
        return read_workbook(client, key)
    except Exception as exc:  # mapped below; anything unrecognised is re-raised
        error = source_error(exc, key, email)
        if error is None:
            raise
        raise error from (None if error.code.startswith("credentials") else exc)


def read_workbook(client: gspread.Client, key: str) -> RawWorkbook:
    http = client.http_client
    # Not client.open_by_key(): gspread's Spreadsheet keeps only metadata["properties"]
    # and would fetch the metadata a second time to list the tabs. The same request
    # (GET /v4/spreadsheets/{key}?includeGridData=false), made once, gives both.
    metadata = http.fetch_sheet_metadata(key)
    title, tab_titles = _parse_metadata(metadata)

    tabs: dict[str, list[list[Any]]] = {}
    if tab_titles:
        ranges = [quote_title(t) for t in tab_titles]
        body = http.values_batch_get(key, ranges, params=dict(BATCH_GET_PARAMS))
        value_ranges = body.get("valueRanges") if isinstance(body, dict) else None
        if not isinstance(value_ranges, list) or len(value_ranges) != len(ranges):
            raise BadResponse("valueRanges")
        for tab_title, value_range in zip(tab_titles, value_ranges):
            rows = value_range.get("values", []) if isinstance(value_range, dict) else None
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise BadResponse("values")
            check_caps(tab_title, rows)
            tabs[tab_title] = rows
    return RawWorkbook(tabs=tabs, kind="gsheet", location=key, title=title, url=sheet_url(key))


def check_caps(tab: str, rows: list[list[Any]]) -> None:
    """The same per-tab limits as an .xlsx (data_sources/xlsx_guard.py): rows, columns, one cell's text."""
    if len(rows) > MAX_ROWS:
        raise SourceError("too_many_rows", tab=tab, rows=len(rows), limit=MAX_ROWS)
    for r, row in enumerate(rows):
        if len(row) > MAX_COLUMNS:
            raise SourceError("too_many_columns", tab=tab, columns=len(row), limit=MAX_COLUMNS)
        for c, value in enumerate(row):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise SourceError("cell_too_long", tab=tab, cell=f"{column_letters(c)}{r + 1}", limit=MAX_CELL_CHARS)


def _parse_metadata(metadata: Any) -> tuple[str, list[str]]:
    """(spreadsheet title, grid tab titles in sheet order)."""
    try:
        title = metadata["properties"]["title"]
        sheets = [s["properties"] for s in metadata.get("sheets", [])]
        # Chart-only sheets (sheetType OBJECT) hold no cells; batchGet would reject them.
        grid = [p for p in sheets if p.get("sheetType", "GRID") == "GRID"]
        grid.sort(key=lambda p: p.get("index", 0))
        titles = [p["title"] for p in grid]
    except (KeyError, TypeError, AttributeError) as e:
        raise BadResponse("metadata") from e
    if not isinstance(title, str) or not all(isinstance(t, str) for t in titles):
        raise BadResponse("metadata")
    return title, titles


def quote_title(title: str) -> str:
    """A whole tab as an A1 range: 'Tab ''name''' (quotes doubled inside)."""
    return "'" + title.replace("'", "''") + "'"




# --------------------------------------------------------------------------- errors


def source_error(exc: BaseException, key: str, email: str) -> SourceError | None:
    """The SourceError for a failure, or None if it is not one we recognise.

    Params never carry the private key, the access token or the credentials.
    """
    # gspread's open_by_key wraps 404/403 in SpreadsheetNotFound/PermissionError;
    # look at the APIError underneath if there is one.
    if not isinstance(exc, gspread.exceptions.APIError) and isinstance(
        exc.__cause__, gspread.exceptions.APIError
    ):
        exc = exc.__cause__

    if isinstance(exc, gspread.exceptions.APIError):
        status = exc.response.status_code
        if status == 403:
            return SourceError("gsheet_forbidden", key=key, email=email)
        if status == 404:
            return SourceError("gsheet_not_found", key=key)
        if status == 429:
            return SourceError("gsheet_quota", key=key)
        if status >= 500:
            return SourceError("gsheet_unavailable", key=key, status=status)
        if status == 401:
            return SourceError("credentials_invalid", detail="access token rejected (HTTP 401)")
        return SourceError("gsheet_bad_response", key=key, status=status)

    if isinstance(exc, (BadResponse, ValueError)):
        # includes requests' JSONDecodeError (a ValueError too): check before RequestException
        return SourceError("gsheet_bad_response", key=key, status=None)

    if isinstance(exc, requests.exceptions.RequestException):
        return SourceError("gsheet_unavailable", key=key, status=None)

    if isinstance(exc, google.auth.exceptions.RefreshError):
        if exc.retryable:  # the token endpoint itself failed (5xx/429) after google-auth's retries
            return SourceError("gsheet_unavailable", key=key, status=None)
        return SourceError("credentials_invalid", detail=_refresh_detail(exc))

    if isinstance(exc, google.auth.exceptions.TransportError):
        if _caused_by(exc, (requests.exceptions.ConnectionError, requests.exceptions.Timeout)):
            return SourceError("gsheet_unavailable", key=key, status=None)
        return SourceError("credentials_invalid", detail="token request failed")

    if isinstance(exc, google.auth.exceptions.GoogleAuthError):
        return SourceError("credentials_invalid", detail="could not authenticate")

    return None


def _refresh_detail(exc: google.auth.exceptions.RefreshError) -> str:
    """'token refused: invalid_grant': only the OAuth error code, which holds no secret."""
    for arg in exc.args[1:]:
        if isinstance(arg, Mapping):
            code = arg.get("error")
            if isinstance(code, str) and re.fullmatch(r"[a-z_]{1,40}", code):
                return f"token refused: {code}"
    return "token refused"


def _caused_by(exc: BaseException, types: tuple[type[BaseException], ...]) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, types):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
