"""Writing to the officers' Google Sheet: one row appended, or a prepared plan sent.

The only module that asks for the read-write scope (spreadsheets); reading
(data_sources/google_sheets.py) keeps spreadsheets.readonly. Same client, same
endpoint override (OCOP_SHEETS_API_ENDPOINT), same SourceError codes, plus
`gsheet_write_forbidden`: Google answers 403 to a write when the service account
may only view the sheet (shared as Viewer, which is all reading needs).

It only sends: what to write is decided elsewhere (the contract's tabs: analysis/outputs/
sheet_plan.py; analysis/cli/ reads with read_sheet_state, plans, then calls apply_plan).

Cost:
- append_row: one token request, then exactly one values:append request.
- read_tail: one token request, then one values.get of the tab (after an append's answer was lost).
- read_sheet_state: one token request, one metadata request, and one values:batchGet
  when some tabs are to be read.
- apply_plan, on the same client and token: at most one spreadsheets:batchUpdate (Google
  applies all of it or none of it), then at most one values:batchUpdate.

Nothing here retries on its own; see append_row and apply_plan.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import gspread

from data_sources.google_sheets import (
    BATCH_GET_PARAMS,
    BadResponse,
    client_for,
    parse_sheet_key,
    quote_title,
    sheet_url,
    source_error,
)
from data_sources.raw import SourceError

T = TypeVar("T")

SHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets"  # read and write: only in this module
# RAW: what an officer typed is stored as typed ("=1+2" stays text, never a formula;
# "15/03/2024" stays text, which the reader reads day-first). INSERT_ROWS: the row is
# inserted after the table, so no existing row is ever overwritten.
APPEND_PARAMS = {"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"}
DATE_TEXT = "%d/%m/%Y"
_MAX_ECHO = 200


# --------------------------------------------------------------------------- append


def append_row(
    url_or_key: str, credentials_info: Mapping[str, Any] | None, tab_title: str, row: list, *,
    timeout: float = 8.0,
) -> dict:
    """Append ONE row after the last row of the tab `tab_title`; returns
    {"updated_range": "'Tuyên truyền'!A42:H42", "updated_rows": 1}.

    `row` is the cells in sheet column order from column A (the caller places them
    under the tab's own headers, see analysis.workbook.dataset.Dataset.layouts). Dates are
    sent as "dd/mm/yyyy" text (a datetime as its date), None and NaN as empty cells;
    every value is stored RAW. Exactly one values:append request: nothing is read
    first, no existing row is rewritten or moved. SourceError on failure (403:
    gsheet_write_forbidden).

    Never retried, on purpose: when a request times out or the connection drops, Google
    may have added the row all the same, and sending it again could add it twice. The
    page then reads the tab's last rows (read_tail) to tell whether it arrived.
    """
    key = _key(url_or_key)
    if not isinstance(tab_title, str) or not tab_title.strip():
        raise ValueError("tab_title must be a tab's title")
    if not isinstance(row, (list, tuple)) or not row:
        raise ValueError("row must be a non-empty list of cells")
    values = [_cell(v) for v in row]
    client, email = client_for(credentials_info, [SHEETS_SCOPE], timeout)

    def append() -> dict:
        body = client.http_client.values_append(
            key, f"{quote_title(tab_title)}!A1", dict(APPEND_PARAMS), {"majorDimension": "ROWS", "values": [values]}
        )
        updates = body.get("updates") if isinstance(body, dict) else None
        updated_range = updates.get("updatedRange") if isinstance(updates, dict) else None
        if not isinstance(updated_range, str):
            raise BadResponse("updates")
        return {"updated_range": updated_range, "updated_rows": 1}

    return _call(append, key, email, write=True)


def read_tail(
    url_or_key: str, credentials_info: Mapping[str, Any] | None, tab_title: str, rows: int = 20, *,
    timeout: float = 8.0,
) -> list[list[Any]]:
    """The last `rows` rows of the tab (trailing blank rows left out, as the API does), read to see
    whether an append whose answer was lost arrived. One values.get of the tab, values unformatted
    (as reading does): a cell append_row sent as text ("03/04/2024", "=1+2") comes back as that text,
    a number as a number. SourceError on failure. Not retried (the caller decides what to say).
    """
    key = _key(url_or_key)
    if rows < 1:
        raise ValueError("rows must be at least 1")
    client, email = client_for(credentials_info, [SHEETS_SCOPE], timeout)
    http = client.http_client

    def tail() -> list[list[Any]]:
        body = http.values_get(key, quote_title(tab_title), params=dict(BATCH_GET_PARAMS))
        values = body.get("values", []) if isinstance(body, dict) else None
        if not isinstance(values, list) or not all(isinstance(r, list) for r in values):
            raise BadResponse("values")
        return values[-rows:]

    return _call(tail, key, email, write=False)


def _cell(value: Any) -> Any:
    """A cell as JSON the API takes: text, number or boolean ("" for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (datetime, date)):
        return value.strftime(DATE_TEXT)
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float):
        return "" if not math.isfinite(value) else value
    if isinstance(value, int):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        return _cell(value.item())
    return str(value)


# --------------------------------------------------------------------------- errors


def _key(url_or_key: str) -> str:
    key = parse_sheet_key(url_or_key)
    if key is None:
        raise SourceError("gsheet_bad_key", value=str(url_or_key)[:_MAX_ECHO])
    return key


def _call(fn: Callable[[], T], key: str, email: str, *, write: bool) -> T:
    """fn(), its failures raised as SourceError (the reader's mapping; a refused write is
    gsheet_write_forbidden: the account can read, as a Viewer, but not edit)."""
    try:
        return fn()
    except Exception as exc:
        error = source_error(exc, key, email)
        if error is None:
            raise
        if write and error.code == "gsheet_forbidden":
            error = SourceError("gsheet_write_forbidden", key=key, email=email)
        raise error from (None if error.code.startswith("credentials") else exc)


# --------------------------------------------------------------------------- read, then write


@dataclass
class SheetState:
    """A spreadsheet as read before writing to it, and the client to write with (one token for both)."""

    key: str
    title: str
    sheets: list[dict]  # every sheet's properties (sheetId, title, index, gridProperties...), in sheet order
    contents: dict[str, list[list[Any]]]  # title -> rows of the tabs read; [] means wholly empty
    requests: int  # Sheets API requests made so far, the token request aside
    client: gspread.Client = field(repr=False)
    email: str = field(repr=False)

    @property
    def url(self) -> str:
        return sheet_url(self.key)


def read_sheet_state(
    url_or_key: str, credentials_info: Mapping[str, Any] | None,
    titles_to_read: Callable[[list[dict]], Iterable[str]] = lambda sheets: (), *, timeout: float = 30.0,
) -> SheetState:
    """The spreadsheet's title and sheets (metadata), then the rows of the tabs
    `titles_to_read(sheets)` names, in one values:batchGet (none when it names none).

    Values are read unformatted, as the reader reads them. SourceError on failure.
    """
    key = _key(url_or_key)
    client, email = client_for(credentials_info, [SHEETS_SCOPE], timeout)
    http = client.http_client
    metadata = _call(lambda: http.fetch_sheet_metadata(key), key, email, write=False)
    title, sheets = _call(lambda: _parse_sheets(metadata), key, email, write=False)
    state = SheetState(key, title, sheets, {}, 1, client, email)
    titles = list(titles_to_read(sheets))
    if titles:
        ranges = [quote_title(t) for t in titles]
        state.requests += 1
        body = _call(lambda: http.values_batch_get(key, ranges, params=dict(BATCH_GET_PARAMS)), key, email, write=False)
        state.contents = _call(lambda: _parse_contents(body, titles), key, email, write=False)
    return state


def apply_plan(state: SheetState, requests: list[dict], data: list[dict]) -> int:
    """Send a plan with the client `state` was read with: the spreadsheets:batchUpdate
    `requests` (new tabs, formats, dropdowns), then the values:batchUpdate ranges `data`,
    written RAW; an empty part is not sent. Returns state.requests, these included.

    SourceError on failure (403: gsheet_write_forbidden). Not retried: Google applies the
    batchUpdate whole or not at all, and when it fails no value is written, so the caller
    can simply run again.
    """
    http = state.client.http_client
    if requests:
        state.requests += 1
        _call(lambda: http.batch_update(state.key, {"requests": requests}), state.key, state.email, write=True)
    if data:
        state.requests += 1
        body = {"valueInputOption": "RAW", "data": data}
        _call(lambda: http.values_batch_update(state.key, body), state.key, state.email, write=True)
    return state.requests


def _parse_sheets(metadata: Any) -> tuple[str, list[dict]]:
    """(spreadsheet title, every sheet's properties in sheet order)."""
    try:
        title = metadata["properties"]["title"]
        sheets = [dict(s["properties"]) for s in metadata.get("sheets", [])]
        for s in sheets:
            if not isinstance(s["title"], str) or not isinstance(s["sheetId"], int):
                raise BadResponse("metadata")
    except (KeyError, TypeError, AttributeError) as e:
        raise BadResponse("metadata") from e
    sheets.sort(key=lambda s: s.get("index", 0))
    return str(title), sheets


def _parse_contents(body: Any, titles: list[str]) -> dict[str, list[list[Any]]]:
    value_ranges = body.get("valueRanges") if isinstance(body, dict) else None
    if not isinstance(value_ranges, list) or len(value_ranges) != len(titles):
        raise BadResponse("valueRanges")
    out = {}
    for title, value_range in zip(titles, value_ranges):
        rows = value_range.get("values", []) if isinstance(value_range, dict) else None
        if not isinstance(rows, list):
            raise BadResponse("values")
        out[title] = rows  # the API leaves out trailing blanks: [] means wholly empty
    return out


__all__ = ["APPEND_PARAMS", "SHEETS_SCOPE", "SheetState", "append_row", "apply_plan", "read_sheet_state", "read_tail"]
