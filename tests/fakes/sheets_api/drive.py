"""Drive API v3 files.list, enough of it for a sync's "which spreadsheets changed since" question.

GET /drive/v3/files (what https://www.googleapis.com/drive/v3/files becomes under
OCOP_SHEETS_API_ENDPOINT): `q` made of `mimeType = "..."` and `modifiedTime > '...'` terms
(single or double quotes) joined by `and`, anything else answered 400 in Drive's error shape;
`pageSize` (default 100, at most 1000), `pageToken`, and `fields` (the answer keeps only what
it names, as Drive does). Files come in key order, so pages are stable. A spreadsheet not
shared with the service account (added with forbidden=True) is not listed.
The answer's shape follows Drive's documentation (tests/fakes/recorded/drive-files-list.json).
"""
from __future__ import annotations

import base64
import re
from datetime import UTC, datetime
from typing import Any

from tests.fakes.sheets_api.routes import FakeRequest, route
from tests.fakes.sheets_api.spreadsheets import FakeSpreadsheet, SpreadsheetStore

SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet"
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
# What Drive sends when `fields` is not given.
DEFAULT_FIELDS = "kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)"
_FILE_FIELDS = ("kind", "id", "name", "mimeType", "createdTime", "modifiedTime")
_LIST_FIELDS = ("kind", "incompleteSearch", "nextPageToken", "files")

_TERM_RE = re.compile(
    r"""\s*(?:mimeType\s*=\s*(?P<mq>['"])(?P<mime>[^'"]*)(?P=mq)"""
    r"""|modifiedTime\s*>\s*(?P<tq>['"])(?P<time>[^'"]*)(?P=tq))\s*"""
)
_AND_RE = re.compile(r"and\b")  # lowercase, as the search-terms guide writes it


def drive_time(when: datetime) -> str:
    """Drive's RFC 3339 form: UTC, milliseconds, 'Z' ('2026-11-30T08:15:02.123Z')."""
    when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def drive_error_body(status: int, message: str, reason: str, location: str | None = None) -> dict:
    """An error as Drive v3 documents it: code, message and an `errors` list with domain and reason."""
    detail: dict[str, Any] = {"domain": "global", "reason": reason, "message": message}
    if location is not None:
        detail.update(location=location, locationType="parameter")
    return {"error": {"code": status, "message": message, "errors": [detail]}}


class InvalidQuery(ValueError):
    """A `q` the fake does not understand (Drive would answer 400 Invalid Value for a malformed one)."""


def parse_query(q: str) -> tuple[list[str], list[datetime]]:
    """(mime types that must match, times the modifiedTime must be after). InvalidQuery otherwise."""
    mimes: list[str] = []
    after: list[datetime] = []
    position = 0
    while True:
        m = _TERM_RE.match(q, position)
        if m is None:
            raise InvalidQuery(q)
        if m.group("mime") is not None:
            mimes.append(m.group("mime"))
        else:
            after.append(parse_time(m.group("time")))
        position = m.end()
        if position == len(q):
            return mimes, after
        conjunction = _AND_RE.match(q, position)
        if conjunction is None:
            raise InvalidQuery(q)
        position = conjunction.end()


def parse_time(text: str) -> datetime:
    """An RFC 3339 time as Drive accepts it in a query; without an offset it is UTC."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidQuery(text) from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def parse_fields(fields: str) -> dict[str, tuple[str, ...]]:
    """'kind,nextPageToken,files(id,name)' -> {"kind": (), "nextPageToken": (), "files": ("id", "name")};
    `files` alone or `*` mean every field the fake has. InvalidQuery for anything else."""
    parts, depth, current = [], 0, ""
    for ch in fields:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise InvalidQuery(fields)
        if ch == "," and depth == 0:
            parts, current = parts + [current], ""
        else:
            current += ch
    if depth:
        raise InvalidQuery(fields)
    selected: dict[str, tuple[str, ...]] = {}
    for part in parts + [current]:
        m = re.fullmatch(r"\s*([A-Za-z]+|\*)\s*(?:\(([^()]*)\))?\s*", part)
        if m is None:
            raise InvalidQuery(fields)
        name, inner = m.group(1), m.group(2)
        if name == "*":
            return {f: (_FILE_FIELDS if f == "files" else ()) for f in _LIST_FIELDS}
        sub = tuple(s.strip() for s in inner.split(",")) if inner is not None else ()
        if name not in _LIST_FIELDS or (sub and name != "files") or any(s not in _FILE_FIELDS for s in sub):
            raise InvalidQuery(fields)
        selected[name] = sub or (_FILE_FIELDS if name == "files" else ())
    return selected


def _page_token(last_key: str) -> str:
    return base64.urlsafe_b64encode(f"after:{last_key}".encode()).decode().rstrip("=")


def _after_key(token: str) -> str:
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except ValueError:
        raise InvalidQuery(token) from None
    if not text.startswith("after:"):
        raise InvalidQuery(token)
    return text[len("after:"):]


def file_resource(sheet: FakeSpreadsheet, wanted: tuple[str, ...]) -> dict:
    full = {"kind": "drive#file", "id": sheet.key, "name": sheet.title, "mimeType": SPREADSHEET_MIME,
            "createdTime": drive_time(sheet.created_time), "modifiedTime": drive_time(sheet.modified_time)}
    return {f: full[f] for f in _FILE_FIELDS if f in wanted}


class DriveEndpoints(SpreadsheetStore):
    """FakeSheetsAPI's handler of Drive v3 files.list (registered with @route)."""

    @route("GET", r"^/drive/v3/files$", "driveList")
    def _drive_list(self, request: FakeRequest) -> tuple[int, dict]:
        params = {k: v[-1] for k, v in request.query.items()}
        try:
            mimes, after = parse_query(params["q"]) if params.get("q", "").strip() else ([], [])
        except InvalidQuery:
            return 400, drive_error_body(400, "Invalid Value", "invalid", "q")
        try:
            fields = parse_fields(params.get("fields") or DEFAULT_FIELDS)
        except InvalidQuery:
            return 400, drive_error_body(400, "Invalid field selection " + params.get("fields", ""),
                                         "invalidParameter", "fields")
        try:
            page_size = int(params.get("pageSize", DEFAULT_PAGE_SIZE))
        except ValueError:
            page_size = 0
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            return 400, drive_error_body(400, f"Invalid value '{params.get('pageSize')}'. Values must be within "
                                              f"the range: [1, {MAX_PAGE_SIZE}]", "invalid", "pageSize")
        try:
            start_after = _after_key(params["pageToken"]) if params.get("pageToken") else None
        except InvalidQuery:
            return 400, drive_error_body(400, "Invalid Value", "invalid", "pageToken")

        with self._lock:
            sheets = sorted(self._spreadsheets.values(), key=lambda s: s.key)
        shown = [s for s in sheets if not s.forbidden and (start_after is None or s.key > start_after)
                 and all(m == SPREADSHEET_MIME for m in mimes)
                 and all(s.modified_time.replace(microsecond=s.modified_time.microsecond // 1000 * 1000) > t
                         for t in after)]
        page, rest = shown[:page_size], shown[page_size:]
        body: dict[str, Any] = {"kind": "drive#fileList", "incompleteSearch": False}
        if rest:
            body["nextPageToken"] = _page_token(page[-1].key)
        body["files"] = [file_resource(s, fields.get("files", ())) for s in page]
        return 200, {k: v for k, v in body.items() if k in fields}
