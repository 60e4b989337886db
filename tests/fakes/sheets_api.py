"""A local fake of the Google Sheets API v4, at the HTTP level.

It answers the same URLs as https://sheets.googleapis.com with bodies shaped like
the real responses recorded in /work/shared/reference/google-sheets-api/, so the
real gspread client and google-auth run unmodified against it. Point the code at
it with the environment variable OCOP_SHEETS_API_ENDPOINT=<fake.endpoint> and
service-account credentials whose token_uri is <fake.token_uri>.

    with FakeSheetsAPI() as api:
        api.add_spreadsheet("k" * 44, {"Tab 1": [["a", 1], [date(2023, 3, 15)]]})
        api.fail_next(status=503)          # the next Sheets request answers 503
        ...
        assert api.count("batchGet") == 1

Served (see the @_route handlers): POST /token, GET /v4/spreadsheets/{key},
GET .../values:batchGet, GET .../values/{range}, POST .../values/{range}:append,
POST /v4/spreadsheets/{key}:batchUpdate (addSheet, updateSheetProperties, repeatCell,
setDataValidation, updateCells; anything else recorded and answered {}), and
POST .../values:batchUpdate. Writing needs an editor: a spreadsheet added with
read_only=True (shared as Viewer) answers every write with 403, like Google.
The fake stores formulas as their text and computes nothing.
Add an endpoint by writing a method decorated with @_route(method, regex, kind).
"""
from __future__ import annotations

import base64
import copy
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

FAKE_TOKEN = "fake-token"
JWT_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
ENDPOINT_ENV = "OCOP_SHEETS_API_ENDPOINT"

# Error bodies exactly as recorded (spreadsheets-get-403.json / -404.json); the
# others follow the same shape with the statuses Google documents.
_ERROR_STATUS = {
    400: ("INVALID_ARGUMENT", "Request contains an invalid argument."),
    401: (
        "UNAUTHENTICATED",
        "Request is missing required authentication credential. Expected OAuth 2 access "
        "token, login cookie or other valid authentication credential. See "
        "https://developers.google.com/identity/sign-in/web/devconsole-project.",
    ),
    403: ("PERMISSION_DENIED", "The caller does not have permission"),
    404: ("NOT_FOUND", "Requested entity was not found."),
    429: (
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per "
        "minute per user' of service 'sheets.googleapis.com' for consumer "
        "'project_number:100000000001'.",
    ),
    500: ("INTERNAL", "Internal error encountered."),
    502: ("UNKNOWN", "Bad Gateway"),
    503: ("UNAVAILABLE", "The service is currently unavailable."),
    504: ("DEADLINE_EXCEEDED", "The request timed out. Please try again."),
}


def google_error_body(status: int, message: str | None = None) -> dict:
    name, default_message = _ERROR_STATUS.get(status, ("UNKNOWN", "Unknown error."))
    return {"error": {"code": status, "message": message or default_message, "status": name}}


def _token_error_body(status: int) -> dict:
    if status >= 500:
        return {"error": "internal_failure", "error_description": "Backend error."}
    return {"error": "invalid_grant", "error_description": "Invalid grant."}


# --------------------------------------------------------------------------- cells

_SERIAL_EPOCH = datetime(1899, 12, 30)


def to_serial(value: date | datetime | time) -> int | float:
    """Google Sheets serial number: days since 1899-12-30, time as a day fraction."""
    if isinstance(value, datetime):
        delta = value.replace(tzinfo=None) - _SERIAL_EPOCH
        serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    elif isinstance(value, date):
        serial = (value - _SERIAL_EPOCH.date()).days
    else:
        serial = (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    return int(serial) if float(serial).is_integer() else serial


def _is_empty(value: Any) -> bool:
    return value is None or value == "" and isinstance(value, str)


def _format_date(value: date | datetime | time, locale: str) -> str:
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if locale.startswith("en_US"):
        text = f"{value.month}/{value.day}/{value.year}"
    elif locale.startswith("vi"):
        text = f"{value.day:02d}/{value.month:02d}/{value.year}"
    else:
        text = value.strftime("%Y-%m-%d")
    if isinstance(value, datetime):
        text += value.strftime(" %H:%M:%S")
    return text


def render_cell(value: Any, value_render: str, datetime_render: str, locale: str) -> Any:
    """One stored cell as the API would serve it.

    UNFORMATTED_VALUE (and FORMULA): numbers as JSON numbers, booleans as JSON
    booleans, dates as serial numbers (unless dateTimeRenderOption=FORMATTED_STRING).
    FORMATTED_VALUE: a minimal imitation of what the sheet shows in its locale.
    """
    if value is None:
        return ""
    if value_render == "FORMATTED_VALUE":
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, (date, time)):
            return _format_date(value, locale)
        if isinstance(value, float) and locale.startswith("vi"):
            return str(value).replace(".", ",")
        return str(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (date, time)):
        if datetime_render == "FORMATTED_STRING":
            return _format_date(value, locale)
        return to_serial(value)
    return str(value)


def _trim(lines: list[list[Any]]) -> list[list[Any]]:
    """Drop trailing empty cells of each line, then trailing empty lines (as the API does)."""
    out = []
    for line in lines:
        end = len(line)
        while end and _is_empty(line[end - 1]):
            end -= 1
        out.append(line[:end])
    while out and not out[-1]:
        out.pop()
    return out


# --------------------------------------------------------------------------- A1 ranges


def col_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def quote_title(title: str) -> str:
    """How the API writes a sheet title in a range: bare if simple, else quoted."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title) and not re.fullmatch(r"[A-Za-z]{1,3}\d+", title):
        return title
    return "'" + title.replace("'", "''") + "'"


def split_range(a1: str) -> tuple[str | None, str | None]:
    """"'It''s'!A1:B2" -> ("It's", "A1:B2"); "Tab" -> ("Tab", None); "A1:B2" -> (None, "A1:B2")
    only when the caller cannot tell it is a title (see FakeSpreadsheet.resolve)."""
    if a1.startswith("'"):
        i, title = 1, []
        while i < len(a1):
            if a1[i] == "'":
                if a1[i + 1 : i + 2] == "'":
                    title.append("'")
                    i += 2
                    continue
                break
            title.append(a1[i])
            i += 1
        else:
            raise ValueError(a1)
        rest = a1[i + 1 :]
        if rest and not rest.startswith("!"):
            raise ValueError(a1)
        return "".join(title), (rest[1:] or None) if rest else None
    if "!" in a1:
        title, _, cells = a1.partition("!")
        return title, cells or None
    return a1, None


_REF_RE = re.compile(r"^([A-Za-z]{0,3})(\d*)$")


def parse_cells(cells: str) -> tuple[int, int, int | None, int | None]:
    """"B2:D" -> (row0=1, col0=1, row_end=None, col_end=4): 0-based start, exclusive end."""
    first, _, second = cells.partition(":")
    m1, m2 = _REF_RE.match(first), _REF_RE.match(second or first)
    if not m1 or not m2 or not (m1.group(1) or m1.group(2)):
        raise ValueError(cells)
    col0 = _col_index(m1.group(1)) if m1.group(1) else 0
    row0 = int(m1.group(2)) - 1 if m1.group(2) else 0
    col_end = _col_index(m2.group(1)) + 1 if m2.group(1) else None
    row_end = int(m2.group(2)) if m2.group(2) else None
    if row0 < 0:
        raise ValueError(cells)
    return row0, col0, row_end, col_end


# --------------------------------------------------------------------------- model


@dataclass
class FakeTab:
    sheet_id: int
    title: str
    rows: list[list[Any]]
    frozen_rows: int = 0
    hidden: bool = False
    min_rows: int = 1000  # gridProperties: the grid is at least this big, more if the data is
    min_columns: int = 26
    # spreadsheets:batchUpdate records, in the order received: setDataValidation as
    # {"range": GridRange, "rule": ...} (a later rule on the same range replaces the
    # earlier one; no rule clears it), repeatCell as the request itself.
    validations: list[dict] = field(default_factory=list)
    formats: list[dict] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return max(self.min_rows, len(self.rows))

    @property
    def column_count(self) -> int:
        return max([self.min_columns] + [len(r) for r in self.rows])

    def validation_rule(self, column: int, row: int = 1) -> dict | None:
        """The rule of the last setDataValidation covering (row, column), 0-based; None if none."""
        found = None
        for entry in self.validations:
            r = entry["range"]
            if (r.get("startRowIndex", 0) <= row < r.get("endRowIndex", self.row_count)
                    and r.get("startColumnIndex", 0) <= column < r.get("endColumnIndex", self.column_count)):
                found = entry["rule"]
        return found

    def write(self, row0: int, col0: int, grid: list[list[Any]]) -> int:
        """Cell values from (row0, col0); None leaves a cell as it is. Returns cells written."""
        written = 0
        for i, line in enumerate(grid):
            for j, value in enumerate(line):
                if value is None:
                    continue
                r, col = row0 + i, col0 + j
                while len(self.rows) <= r:
                    self.rows.append([])
                target = self.rows[r]
                if len(target) <= col:
                    target.extend([None] * (col + 1 - len(target)))
                target[col] = value
                written += 1
        return written


@dataclass
class FakeSpreadsheet:
    key: str
    title: str
    locale: str = "vi_VN"
    time_zone: str = "Asia/Ho_Chi_Minh"
    tabs: list[FakeTab] = field(default_factory=list)
    forbidden: bool = False
    read_only: bool = False  # shared with the caller as Viewer: reads work, writes answer 403

    def tab_by_id(self, sheet_id: int) -> FakeTab | None:
        return next((t for t in self.tabs if t.sheet_id == sheet_id), None)

    def tab(self, title: str) -> FakeTab | None:
        return next((t for t in self.tabs if t.title == title), None)

    def resolve(self, a1: str) -> tuple[FakeTab, tuple[int, int, int | None, int | None]]:
        """An A1 range -> (tab, (row0, col0, row_end, col_end)). ValueError if unparsable."""
        title, cells = split_range(a1)
        tab = self.tab(title) if title is not None else None
        if tab is None and cells is None and not a1.startswith("'") and self.tabs:
            tab, cells = self.tabs[0], a1  # "A1:B2" alone means the first sheet
        if tab is None:
            raise ValueError(a1)
        return tab, parse_cells(cells) if cells else (0, 0, None, None)

    def metadata(self) -> dict:
        return {
            "spreadsheetId": self.key,
            "properties": {
                "title": self.title,
                "locale": self.locale,
                "autoRecalc": "ON_CHANGE",
                "timeZone": self.time_zone,
                "defaultFormat": {
                    "backgroundColor": {"red": 1, "green": 1, "blue": 1},
                    "padding": {"top": 2, "right": 3, "bottom": 2, "left": 3},
                    "verticalAlignment": "BOTTOM",
                    "wrapStrategy": "OVERFLOW_CELL",
                    "textFormat": {
                        "foregroundColor": {},
                        "fontFamily": "arial,sans,sans-serif",
                        "fontSize": 10,
                        "bold": False,
                        "italic": False,
                        "strikethrough": False,
                        "underline": False,
                    },
                },
            },
            "sheets": [
                {"properties": _sheet_properties(tab, index)}
                for index, tab in enumerate(self.tabs)
            ],
            "spreadsheetUrl": f"https://docs.google.com/spreadsheets/d/{self.key}/edit",
        }

    def value_range(self, a1: str, params: dict[str, str]) -> dict:
        tab, (row0, col0, row_end, col_end) = self.resolve(a1)
        row_end = tab.row_count if row_end is None else row_end
        col_end = tab.column_count if col_end is None else col_end
        value_render = params.get("valueRenderOption", "FORMATTED_VALUE")
        datetime_render = params.get("dateTimeRenderOption", "SERIAL_NUMBER")
        major = params.get("majorDimension", "ROWS")
        grid = [
            [render_cell(v, value_render, datetime_render, self.locale) for v in row[col0:col_end]]
            for row in tab.rows[row0:row_end]
        ]
        if major == "COLUMNS":
            width = max([len(r) for r in grid] + [0])
            grid = [[r[c] if c < len(r) else "" for r in grid] for c in range(width)]
        body = {
            "range": f"{quote_title(tab.title)}!{col_letter(col0)}{row0 + 1}:{col_letter(col_end - 1)}{row_end}",
            "majorDimension": major,
        }
        values = _trim(grid)
        if values:
            body["values"] = values
        return body


def _sheet_properties(tab: FakeTab, index: int) -> dict:
    """A sheet's properties as the API shows them (false and zero fields left out)."""
    grid: dict[str, Any] = {"rowCount": tab.row_count, "columnCount": tab.column_count}
    if tab.frozen_rows:
        grid["frozenRowCount"] = tab.frozen_rows
    properties: dict[str, Any] = {
        "sheetId": tab.sheet_id, "title": tab.title, "index": index, "sheetType": "GRID", "gridProperties": grid,
    }
    if tab.hidden:
        properties["hidden"] = True
    return properties


class _Invalid(Exception):
    """A request the real API would answer 400 INVALID_ARGUMENT (the message is Google's wording)."""


class FakeRequest(NamedTuple):
    method: str
    path: str  # percent-decoded
    query: dict[str, list[str]]
    body: Any  # parsed JSON, a dict of form fields, text, or None


@dataclass
class _Fault:
    action: str  # "fail", "hang", "malformed"
    times: int
    include_token: bool
    kind: str | None = None  # only requests of this kind ("metadata", "batchGet", ...)
    status: int = 500
    body: Any = None
    seconds: float = 0.0


# --------------------------------------------------------------------------- server

_ROUTES: list[tuple[str, re.Pattern[str], str, str]] = []  # (method, raw-path regex, kind, handler name)


def _route(method: str, pattern: str, kind: str) -> Callable:
    """Register a handler: it gets (request, **path groups) and returns (status, body)."""

    def register(fn: Callable) -> Callable:
        _ROUTES.append((method, re.compile(pattern), kind, fn.__name__))
        return fn

    return register


_KEY = r"(?P<key>[^/:]+)"
_RANGE = r"(?P<range>[^/:]+)"  # gspread quotes ranges with safe="", so ':' arrives as %3A


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:  # quiet: clients time out on purpose
        pass


class FakeSheetsAPI:
    """The fake server. start()/stop(), or use it as a context manager."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spreadsheets: dict[str, FakeSpreadsheet] = {}
        self._log: list[tuple[str, FakeRequest]] = []
        self._faults: list[_Fault] = []
        self._token_refusals: list[dict] = []
        self._released = threading.Event()  # set on stop(): ends injected hangs early
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.token_scopes: list[str] = []  # the `scope` claim of every JWT grant received

    # ----------------------------------------------------------- lifecycle
    def start(self) -> FakeSheetsAPI:
        if self._server is not None:
            return self
        fake = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "FakeSheetsAPI/1.0"

            def do_GET(self) -> None:
                fake._handle(self)

            do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._released.clear()
        self._server = _Server(("127.0.0.1", 0), Handler)
        server = self._server
        self._thread = threading.Thread(
            target=lambda: server.serve_forever(poll_interval=0.05), name="FakeSheetsAPI", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket: new connections are refused."""
        self._released.set()
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeSheetsAPI:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeSheetsAPI is not running")
        return self._server.server_address[1]

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token_uri(self) -> str:
        return f"{self.endpoint}/token"

    def service_account_info(self) -> dict:
        """Throwaway service-account credentials whose token_uri is this fake."""
        from tests.fakes.credentials import make_service_account_info

        return make_service_account_info(self.token_uri)

    # ----------------------------------------------------------- data
    def add_spreadsheet(
        self,
        key: str,
        tabs: dict[str, list[list[Any]]] | None = None,
        title: str = "OCOP test workbook",
        locale: str = "vi_VN",
        *,
        time_zone: str = "Asia/Ho_Chi_Minh",
        forbidden: bool = False,
        read_only: bool = False,
    ) -> FakeSpreadsheet:
        """Hold a spreadsheet; tabs in the given order. `forbidden=True`: not shared (403);
        `read_only=True`: shared as Viewer (reads work, writes answer 403)."""
        sheet = FakeSpreadsheet(key=key, title=title, locale=locale, time_zone=time_zone, forbidden=forbidden,
                                read_only=read_only)
        for i, (tab_title, rows) in enumerate((tabs or {}).items()):
            sheet.tabs.append(FakeTab(sheet_id=0 if i == 0 else 1000 + i, title=tab_title, rows=[list(r) for r in rows]))
        with self._lock:
            self._spreadsheets[key] = sheet
        return sheet

    def spreadsheet(self, key: str) -> FakeSpreadsheet:
        return self._spreadsheets[key]

    # ----------------------------------------------------------- faults
    # Faults apply, first in first out, to the next Sheets requests (the token
    # endpoint too if include_token=True; only requests of `kind` if given).

    def fail_next(
        self, status: int = 500, times: int = 1, body: Any = None, *, include_token: bool = False, kind: str | None = None
    ) -> None:
        """The next `times` requests answer `status` (body: Google's error shape by default)."""
        self._add_fault(_Fault("fail", times, include_token, kind, status=status, body=body))

    def hang_next(self, seconds: float, times: int = 1, *, include_token: bool = False, kind: str | None = None) -> None:
        """The next `times` requests wait `seconds` (or until stop()) before being answered normally."""
        self._add_fault(_Fault("hang", times, include_token, kind, seconds=seconds))

    def malformed_next(self, times: int = 1, *, include_token: bool = False, kind: str | None = None) -> None:
        """The next `times` requests answer 200 with a truncated JSON body."""
        self._add_fault(_Fault("malformed", times, include_token, kind))

    def refuse_token(self, times: int = 1, error: str = "invalid_grant", description: str = "Invalid JWT Signature.") -> None:
        """The token endpoint refuses the next `times` grants (400, OAuth error body)."""
        with self._lock:
            self._token_refusals.extend({"error": error, "error_description": description} for _ in range(times))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self._token_refusals.clear()

    def _add_fault(self, fault: _Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, kind: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.kind is not None and fault.kind != kind:
                    continue
                if fault.times > 0 and (kind != "token" or fault.include_token or fault.kind == "token"):
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # ----------------------------------------------------------- request log
    @property
    def requests(self) -> list[FakeRequest]:
        with self._lock:
            return [r for _, r in self._log]

    def requests_of(self, kind: str) -> list[FakeRequest]:
        with self._lock:
            return [r for k, r in self._log if k == kind]

    def count(self, kind: str) -> int:
        """Requests received of a kind: token, metadata, batchGet, values, append, batchUpdate,
        valuesBatchUpdate, unknown."""
        return len(self.requests_of(kind))

    def batch_update_requests(self) -> list[dict]:
        """Every sub-request of every spreadsheets:batchUpdate received, in order (applied or not)."""
        return [sub for r in self.requests_of("batchUpdate") for sub in (r.body or {}).get("requests", [])]

    def sheets_requests(self) -> list[FakeRequest]:
        """Every request but the token requests."""
        with self._lock:
            return [r for k, r in self._log if k != "token"]

    def clear_requests(self) -> None:
        with self._lock:
            self._log.clear()

    # ----------------------------------------------------------- HTTP plumbing
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        method = handler.command
        parts = urlsplit(handler.path)
        raw_path = parts.path
        query = parse_qs(parts.query, keep_blank_values=True)
        length = int(handler.headers.get("Content-Length") or 0)
        raw_body = handler.rfile.read(length) if length else b""
        body = _parse_body(raw_body, handler.headers.get("Content-Type", ""))

        kind, handler_name, groups = "unknown", None, {}
        for route_method, pattern, route_kind, name in _ROUTES:
            m = pattern.match(raw_path)
            if m and route_method == method:
                kind, handler_name = route_kind, name
                groups = {k: unquote(v) for k, v in m.groupdict().items()}
                break
        request = FakeRequest(method, unquote(raw_path), query, body)
        with self._lock:
            self._log.append((kind, request))

        fault = self._take_fault(kind)
        if fault is not None and fault.action == "hang":
            self._released.wait(fault.seconds)
            fault = None
        if fault is not None and fault.action == "fail":
            default = _token_error_body(fault.status) if kind == "token" else google_error_body(fault.status)
            return _send(handler, fault.status, default if fault.body is None else fault.body)
        if fault is not None and fault.action == "malformed":
            return _send_raw(handler, 200, b'{"spreadsheetId": "1abc", "valueRanges": [{"range": "')

        if handler_name is None:
            return _send(handler, 404, google_error_body(404, f"FakeSheetsAPI: no route for {method} {raw_path}"))
        if kind != "token" and handler.headers.get("Authorization") != f"Bearer {FAKE_TOKEN}":
            return _send(handler, 401, google_error_body(401))
        status, payload = getattr(self, handler_name)(request, **groups)
        _send(handler, status, payload)

    def _open(self, key: str, write: bool = False) -> tuple[FakeSpreadsheet | None, tuple[int, dict] | None]:
        sheet = self._spreadsheets.get(key)
        if sheet is None:
            return None, (404, google_error_body(404))
        if sheet.forbidden or (write and sheet.read_only):
            return None, (403, google_error_body(403))
        return sheet, None

    # ----------------------------------------------------------- endpoints
    @_route("POST", r"^/token$", "token")
    def _token(self, request: FakeRequest) -> tuple[int, dict]:
        form = request.body if isinstance(request.body, dict) else {}
        if form.get("grant_type") != JWT_GRANT_TYPE or not form.get("assertion"):
            return 400, {"error": "invalid_request", "error_description": "Missing JWT bearer grant."}
        claims = _jwt_claims(form["assertion"])
        if claims is None or not claims.get("iss"):
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT."}
        with self._lock:
            self.token_scopes.append(str(claims.get("scope", "")))
            refusal = self._token_refusals.pop(0) if self._token_refusals else None
        if refusal is not None:
            return 400, refusal
        return 200, {"access_token": FAKE_TOKEN, "expires_in": 3600, "token_type": "Bearer"}

    @_route("GET", rf"^/v4/spreadsheets/{_KEY}$", "metadata")
    def _metadata(self, request: FakeRequest, key: str) -> tuple[int, dict]:
        sheet, error = self._open(key)
        return error or (200, sheet.metadata())

    @_route("GET", rf"^/v4/spreadsheets/{_KEY}/values:batchGet$", "batchGet")
    def _batch_get(self, request: FakeRequest, key: str) -> tuple[int, dict]:
        sheet, error = self._open(key)
        if error:
            return error
        params = {k: v[-1] for k, v in request.query.items()}
        body: dict[str, Any] = {"spreadsheetId": key}
        ranges = request.query.get("ranges", [])
        try:
            value_ranges = [sheet.value_range(r, params) for r in ranges]
        except ValueError as e:
            return 400, google_error_body(400, f"Unable to parse range: {e.args[0] if e.args else ''}")
        if value_ranges:
            body["valueRanges"] = value_ranges
        return 200, body

    @_route("GET", rf"^/v4/spreadsheets/{_KEY}/values/{_RANGE}$", "values")
    def _values_get(self, request: FakeRequest, key: str, range: str) -> tuple[int, dict]:
        sheet, error = self._open(key)
        if error:
            return error
        try:
            return 200, sheet.value_range(range, {k: v[-1] for k, v in request.query.items()})
        except ValueError:
            return 400, google_error_body(400, f"Unable to parse range: {range}")

    @_route("POST", rf"^/v4/spreadsheets/{_KEY}/values/{_RANGE}:append$", "append")
    def _append(self, request: FakeRequest, key: str, range: str) -> tuple[int, dict]:
        """Minimal values.append: the rows go after the tab's last non-empty row, stored as sent
        (RAW and USER_ENTERED alike: nothing is parsed); the rows above are left as they are."""
        sheet, error = self._open(key, write=True)
        if error:
            return error
        if "valueInputOption" not in request.query:
            return 400, google_error_body(400, "'valueInputOption' is required but not specified")
        try:
            tab, (_, col0, _, _) = sheet.resolve(range)
        except ValueError:
            return 400, google_error_body(400, f"Unable to parse range: {range}")
        new_rows = [list(r) for r in (request.body or {}).get("values", [])]
        with self._lock:
            start = len(_trim([list(r) for r in tab.rows]))  # after the last non-empty row
            existing = tab.rows[:start]
            tab.rows = existing + [[None] * col0 + r for r in new_rows]
        width = max([len(r) for r in new_rows] + [1])
        last_col = col_letter(col0 + width - 1)
        updates = {
            "spreadsheetId": key,
            "updatedRange": f"{quote_title(tab.title)}!{col_letter(col0)}{start + 1}:{last_col}{start + len(new_rows)}",
            "updatedRows": len(new_rows),
            "updatedColumns": width,
            "updatedCells": sum(len(r) for r in new_rows),
        }
        body: dict[str, Any] = {"spreadsheetId": key, "updates": updates}
        if start:
            width_before = max(len(line) for line in _trim([list(r) for r in existing]))
            body["tableRange"] = f"{quote_title(tab.title)}!A1:{col_letter(max(width_before, 1) - 1)}{start}"
        return 200, body

    @_route("POST", rf"^/v4/spreadsheets/{_KEY}:batchUpdate$", "batchUpdate")
    def _batch_update(self, request: FakeRequest, key: str) -> tuple[int, dict]:
        """spreadsheets.batchUpdate: all the requests apply, in order, or none (as Google does)."""
        sheet, error = self._open(key, write=True)
        if error:
            return error
        subrequests = (request.body or {}).get("requests") if isinstance(request.body, dict) else None
        if not isinstance(subrequests, list) or not subrequests:
            return 400, google_error_body(400, "Must specify at least one request.")
        with self._lock:
            tabs = copy.deepcopy(sheet.tabs)
            replies: list[dict] = []
            try:
                for index, sub in enumerate(subrequests):
                    if not isinstance(sub, dict) or len(sub) != 1:
                        raise _Invalid(f"Invalid requests[{index}]: exactly one kind of request expected")
                    (name, args), = sub.items()
                    replies.append(_apply_sheet_request(tabs, index, name, args))
            except _Invalid as e:
                return 400, google_error_body(400, str(e))
            sheet.tabs = tabs
        return 200, {"spreadsheetId": key, "replies": replies}

    @_route("POST", rf"^/v4/spreadsheets/{_KEY}/values:batchUpdate$", "valuesBatchUpdate")
    def _values_batch_update(self, request: FakeRequest, key: str) -> tuple[int, dict]:
        """values.batchUpdate: every range written, or none; values stored as sent (nothing parsed)."""
        sheet, error = self._open(key, write=True)
        if error:
            return error
        body = request.body if isinstance(request.body, dict) else {}
        if body.get("valueInputOption") not in ("RAW", "USER_ENTERED"):
            return 400, google_error_body(400, "'valueInputOption' is required but not specified")
        with self._lock:
            tabs = copy.deepcopy(sheet.tabs)
            shadow = FakeSpreadsheet(key=sheet.key, title=sheet.title, tabs=tabs)
            responses, touched = [], set()
            for value_range in body.get("data") or []:
                a1 = value_range.get("range", "")
                try:
                    tab, (row0, col0, _, _) = shadow.resolve(a1)
                except ValueError:
                    return 400, google_error_body(400, f"Unable to parse range: {a1}")
                grid = [list(r) for r in value_range.get("values") or []]
                if value_range.get("majorDimension", "ROWS") == "COLUMNS":
                    height = max([len(c) for c in grid] + [0])
                    grid = [[c[i] if i < len(c) else None for c in grid] for i in range(height)]
                cells = tab.write(row0, col0, grid)
                width = max([len(r) for r in grid] + [1])
                touched.add(tab.sheet_id)
                responses.append({
                    "spreadsheetId": key,
                    "updatedRange": f"{quote_title(tab.title)}!{col_letter(col0)}{row0 + 1}:"
                                    f"{col_letter(col0 + width - 1)}{row0 + max(len(grid), 1)}",
                    "updatedRows": len(grid), "updatedColumns": width, "updatedCells": cells,
                })
            sheet.tabs = tabs
        return 200, {
            "spreadsheetId": key,
            "totalUpdatedRows": sum(r["updatedRows"] for r in responses),
            "totalUpdatedColumns": max([r["updatedColumns"] for r in responses] + [0]),
            "totalUpdatedCells": sum(r["updatedCells"] for r in responses),
            "totalUpdatedSheets": len(touched),
            "responses": responses,
        }


def _grid_tab(tabs: list[FakeTab], index: int, name: str, grid_range: Any) -> FakeTab:
    """The tab a GridRange names, its bounds checked against the grid as Google does."""
    if not isinstance(grid_range, dict):
        raise _Invalid(f"Invalid requests[{index}].{name}: range is required")
    sheet_id = grid_range.get("sheetId", 0)
    tab = next((t for t in tabs if t.sheet_id == sheet_id), None)
    if tab is None:
        raise _Invalid(f"Invalid requests[{index}].{name}: No grid with id: {sheet_id}")
    if grid_range.get("endRowIndex", 0) > tab.row_count or grid_range.get("endColumnIndex", 0) > tab.column_count:
        raise _Invalid(f"Invalid requests[{index}].{name}: Range exceeds grid limits. Max rows: "
                       f"{tab.row_count}, max columns: {tab.column_count}")
    return tab


def _cell_value(entered: Any) -> Any:
    """An ExtendedValue as the fake stores it (a formula as its text)."""
    if not isinstance(entered, dict):
        return None
    for kind in ("stringValue", "numberValue", "boolValue", "formulaValue"):
        if kind in entered:
            return entered[kind]
    return None


def _apply_sheet_request(tabs: list[FakeTab], index: int, name: str, args: Any) -> dict:
    """One spreadsheets.batchUpdate request applied to `tabs`; its reply. _Invalid if Google would refuse it."""
    if not isinstance(args, dict):
        raise _Invalid(f"Invalid requests[{index}].{name}: not an object")
    if name == "addSheet":
        props = dict(args.get("properties") or {})
        title = props.get("title") or f"Sheet{len(tabs) + 1}"
        if any(t.title.casefold() == title.casefold() for t in tabs):
            raise _Invalid(f'Invalid requests[{index}].addSheet: A sheet with the name "{title}" already exists. '
                           "Please enter another name.")
        sheet_id = props.get("sheetId")
        if sheet_id is None:
            sheet_id = max([t.sheet_id for t in tabs] + [0]) + 1
        if not isinstance(sheet_id, int) or sheet_id < 0 or any(t.sheet_id == sheet_id for t in tabs):
            raise _Invalid(f"Invalid requests[{index}].addSheet: Sheet with id {sheet_id} already exists.")
        grid = props.get("gridProperties") or {}
        tab = FakeTab(sheet_id=sheet_id, title=title, rows=[], frozen_rows=grid.get("frozenRowCount", 0),
                      hidden=bool(props.get("hidden", False)), min_rows=grid.get("rowCount", 1000),
                      min_columns=grid.get("columnCount", 26))
        position = props.get("index", len(tabs))
        tabs.insert(min(max(position, 0), len(tabs)), tab)
        return {"addSheet": {"properties": _sheet_properties(tab, tabs.index(tab))}}
    if name == "updateSheetProperties":
        props = args.get("properties") or {}
        tab = next((t for t in tabs if t.sheet_id == props.get("sheetId", 0)), None)
        if tab is None:
            raise _Invalid(f"Invalid requests[{index}].updateSheetProperties: No grid with id: {props.get('sheetId')}")
        fields = [f.strip() for f in str(args.get("fields", "")).split(",") if f.strip()]
        if not fields:
            raise _Invalid(f"Invalid requests[{index}].updateSheetProperties: 'fields' is required")
        grid = props.get("gridProperties") or {}
        setters = {
            "title": lambda: setattr(tab, "title", props["title"]),
            "hidden": lambda: setattr(tab, "hidden", bool(props.get("hidden", False))),
            "gridProperties.frozenRowCount": lambda: setattr(tab, "frozen_rows", grid.get("frozenRowCount", 0)),
            "gridProperties.rowCount": lambda: setattr(tab, "min_rows", grid["rowCount"]),
            "gridProperties.columnCount": lambda: setattr(tab, "min_columns", grid["columnCount"]),
        }
        for f in fields:
            if f in setters:
                setters[f]()
        return {}
    if name == "repeatCell":
        tab = _grid_tab(tabs, index, name, args.get("range"))
        if not args.get("fields"):
            raise _Invalid(f"Invalid requests[{index}].repeatCell: 'fields' is required")
        tab.formats.append(copy.deepcopy(args))
        return {}
    if name == "setDataValidation":
        grid_range = args.get("range")
        tab = _grid_tab(tabs, index, name, grid_range)
        rule = args.get("rule")
        if rule is not None:
            condition = rule.get("condition") or {}
            if condition.get("type") in ("ONE_OF_LIST", "ONE_OF_RANGE") and not condition.get("values"):
                raise _Invalid(f"Invalid requests[{index}].setDataValidation: {condition.get('type')} needs values")
        tab.validations = [v for v in tab.validations if v["range"] != grid_range]
        tab.validations.append({"range": copy.deepcopy(grid_range), "rule": copy.deepcopy(rule)})
        return {}
    if name == "updateCells":
        start = args.get("start")
        if isinstance(start, dict):
            tab = next((t for t in tabs if t.sheet_id == start.get("sheetId", 0)), None)
            if tab is None:
                raise _Invalid(f"Invalid requests[{index}].updateCells: No grid with id: {start.get('sheetId')}")
            grid = [[_cell_value(v.get("userEnteredValue")) for v in (row.get("values") or [])]
                    for row in (args.get("rows") or [])]
            tab.write(start.get("rowIndex", 0), start.get("columnIndex", 0), grid)
        return {}
    return {}  # any other request: recorded in the log (batch_update_requests), not applied


def _parse_body(raw: bytes, content_type: str) -> Any:
    if not raw:
        return None
    text = raw.decode("utf-8", errors="replace")
    if "json" in content_type:
        try:
            return json.loads(text)
        except ValueError:
            return text
    if "x-www-form-urlencoded" in content_type:
        return {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}
    return text


def _jwt_claims(assertion: str) -> dict | None:
    try:
        payload = assertion.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None


def _send(handler: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
    _send_raw(handler, status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def _send_raw(handler: BaseHTTPRequestHandler, status: int, data: bytes) -> None:
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=UTF-8")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
        pass


# --------------------------------------------------------------------------- pytest fixture


@pytest.fixture
def fake_sheets_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSheetsAPI]:
    """A running fake, with OCOP_SHEETS_API_ENDPOINT pointing at it for the test.

    Import it into a test module (`from tests.fakes.sheets_api import fake_sheets_api`)
    and take `fake_sheets_api` as an argument; credentials: `fake_sheets_api.service_account_info()`.
    """
    with FakeSheetsAPI() as api:
        monkeypatch.setenv(ENDPOINT_ENV, api.endpoint)
        yield api
