"""Writing to the officers' Google Sheet: one row appended, or the contract's tabs created.

The only module that asks for the read-write scope (spreadsheets); reading
(data_sources/google_sheets.py) keeps spreadsheets.readonly. Same client, same
endpoint override (OCOP_SHEETS_API_ENDPOINT), same SourceError codes, plus
`gsheet_write_forbidden`: Google answers 403 to a write when the service account
may only view the sheet (shared as Viewer, which is all reading needs).

Cost:
- append_row: one token request, then exactly one values:append request.
- create_template_in_sheet: one metadata request, one values:batchGet (only when
  some contract tab exists already), then at most one spreadsheets:batchUpdate (new
  tabs, header formats, dropdowns: Google applies all of it or none of it) and one
  values:batchUpdate (headers, the Thông tin items, the khóm names, the lists).

Nothing here retries on its own; see append_row and create_template_in_sheet.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from analysis.workbook import contract as c
from analysis.workbook.text import Matcher, fold
from data_sources.google_sheets import (
    BATCH_GET_PARAMS,
    _BadResponse,
    _client,
    _quote_title,
    _source_error,
    parse_sheet_key,
    sheet_url,
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

FIRST_ROW, LAST_ROW = 2, 1000  # the rows given dropdowns and formats (as in the .xlsx template)
GRID_ROWS, GRID_COLUMNS = 1000, 26  # the size of a tab we add (Google's default)
LISTS_TITLE = c.IGNORED_TABS[1]  # "_Danh mục": hidden, not read as data
AREAS_OR_WARD = "areas_or_ward"

# Header colours of the .xlsx template: orange required, blue optional.
_REQUIRED_FILL = {"red": 0xF8 / 255, "green": 0xCB / 255, "blue": 0xAD / 255}
_OPTIONAL_FILL = {"red": 0xDD / 255, "green": 0xEB / 255, "blue": 0xF7 / 255}
_TEXT_FORMAT = {"type": "TEXT", "pattern": "@"}  # CT01 and 0901... stay as typed
_DATE_FORMAT = {"type": "DATE", "pattern": "dd/mm/yyyy"}


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
    officer sees gsheet_unavailable and checks the sheet before entering it again.
    """
    key = _key(url_or_key)
    if not isinstance(tab_title, str) or not tab_title.strip():
        raise ValueError("tab_title must be a tab's title")
    if not isinstance(row, (list, tuple)) or not row:
        raise ValueError("row must be a non-empty list of cells")
    values = [_cell(v) for v in row]
    client, email = _client(credentials_info, [SHEETS_SCOPE], timeout)

    def append() -> dict:
        body = client.http_client.values_append(
            key, f"{_quote_title(tab_title)}!A1", dict(APPEND_PARAMS), {"majorDimension": "ROWS", "values": [values]}
        )
        updates = body.get("updates") if isinstance(body, dict) else None
        updated_range = updates.get("updatedRange") if isinstance(updates, dict) else None
        if not isinstance(updated_range, str):
            raise _BadResponse("updates")
        return {"updated_range": updated_range, "updated_rows": 1}

    return _call(append, key, email, write=True)


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
        error = _source_error(exc, key, email)
        if error is None:
            raise
        if write and error.code == "gsheet_forbidden":
            error = SourceError("gsheet_write_forbidden", key=key, email=email)
        raise error from (None if error.code.startswith("credentials") else exc)


# --------------------------------------------------------------------------- the template


def create_template_in_sheet(
    url_or_key: str, credentials_info: Mapping[str, Any] | None, areas: list[str] | None = None, *,
    timeout: float = 30.0,
) -> dict:
    """Give a Google Sheet the workbook contract's tabs, headers and dropdowns.

    For each contract tab (analysis.workbook.contract.TABS; an existing tab is found by the
    reader's tolerant title matching): a missing tab is added (header row frozen); an
    existing tab that is wholly empty gets its header; a tab holding anything at all
    is never touched and is reported as skipped. New and empty tabs get a bold,
    coloured header, text/date formats and the dropdowns (ONE_OF_LIST of the canonical
    values, warning only; khóm columns ONE_OF_RANGE on the Khóm tab's names). The
    hidden "_Danh mục" lists tab is added only if missing. `areas` (khóm names) are
    written under the Khóm header when that tab is new or empty.

    Returns {"title", "url", "added_tabs", "headers_written", "validations",
    "skipped_tabs_with_data", "areas_written", "requests"}: `requests` counts the Sheets
    API requests made (the token request aside).

    Not retried: run it again after a failure. It is idempotent: the batchUpdate is
    applied whole or not at all, and a tab that got its header is skipped next time.
    (A tab someone starts filling in the seconds between the check and the write
    could get the header written over its row 1: run it before officers start.)
    """
    key = _key(url_or_key)
    client, email = _client(credentials_info, [SHEETS_SCOPE], timeout)
    http = client.http_client
    made = 0

    def counted(fn: Callable[[], T], write: bool) -> T:
        nonlocal made
        made += 1
        return _call(fn, key, email, write=write)

    # 1. What is there: tabs, and whether the contract tabs that exist hold anything.
    metadata = counted(lambda: http.fetch_sheet_metadata(key), write=False)
    title, sheets = _call(lambda: _parse_sheets(metadata), key, email, write=False)
    found = _match_tabs(sheets)
    existing = [found[t.key] for t in c.TABS if t.key in found]
    contents: dict[str, list[list[Any]]] = {}
    if existing:
        ranges = [_quote_title(s["title"]) for s in existing]
        body = counted(lambda: http.values_batch_get(key, ranges, params=dict(BATCH_GET_PARAMS)), write=False)
        contents = _call(lambda: _parse_contents(body, existing), key, email, write=False)

    # 2. The plan.
    plan = _Plan(sheets)
    added, headers, skipped = [], [], []
    for tab in c.TABS:
        sheet = found.get(tab.key)
        if sheet is None:
            sheet_id = plan.add_sheet(tab.title, len(tab.columns))
            added.append(tab.title)
        elif contents.get(sheet["title"]):
            skipped.append(sheet["title"])
            continue
        else:
            sheet_id = plan.prepare_empty(sheet, len(tab.columns))
        headers.append((tab, sheet_id, sheet["title"] if sheet else tab.title))

    area_tab = found.get("areas")
    area_title = area_tab["title"] if area_tab else c.TABS_BY_KEY["areas"].title
    area_rows = contents.get(area_title) if area_tab else None
    area_range = _area_range(area_title, area_rows)
    lists_range = None
    if found.get(LISTS_TITLE) is None:
        lists_range = plan.add_lists(area_range)
        added.append(LISTS_TITLE)
    # Tuyên truyền's khóm column also takes "Toàn phường": our lists tab keeps a live
    # copy of the khóm names after it. A lists tab someone else made is not relied on.
    ranges_by_list = {"areas": area_range, AREAS_OR_WARD: lists_range or area_range}

    names = _clean_areas(areas)
    areas_written = 0
    for tab, sheet_id, tab_title in headers:
        rows: list[list[Any]] = [[col.header for col in tab.columns]]
        if tab.key_value:
            rows += [[item] for item in c.INFO_KEYS]
        if tab.key == "areas" and names:
            rows += [[name] for name in names]
            areas_written = len(names)
        plan.write(tab_title, rows)
        plan.format_tab(tab, sheet_id)
        if not tab.key_value:
            plan.validate_tab(tab, sheet_id, ranges_by_list)

    # 3. The writes: tabs and formats first (atomic), then the values.
    if plan.requests:
        counted(lambda: http.batch_update(key, {"requests": plan.requests}), write=True)
    if plan.data:
        body = {"valueInputOption": "RAW", "data": plan.data}
        counted(lambda: http.values_batch_update(key, body), write=True)
    return {
        "title": title, "url": sheet_url(key),
        "added_tabs": added, "headers_written": [t for _, _, t in headers],
        "validations": plan.validations, "skipped_tabs_with_data": skipped,
        "areas_written": areas_written, "requests": made,
    }


def _parse_sheets(metadata: Any) -> tuple[str, list[dict]]:
    """(spreadsheet title, every sheet's properties in sheet order)."""
    try:
        title = metadata["properties"]["title"]
        sheets = [dict(s["properties"]) for s in metadata.get("sheets", [])]
        for s in sheets:
            if not isinstance(s["title"], str) or not isinstance(s["sheetId"], int):
                raise _BadResponse("metadata")
    except (KeyError, TypeError, AttributeError) as e:
        raise _BadResponse("metadata") from e
    sheets.sort(key=lambda s: s.get("index", 0))
    return str(title), sheets


def _match_tabs(sheets: list[dict]) -> dict[str, dict]:
    """Contract tab key (and LISTS_TITLE) -> the existing sheet, matched like the reader does
    (analysis.workbook.normalise._find_tabs), so no tab is added next to one the reader already uses."""
    matcher = Matcher({t.title: t.key for t in c.TABS} | {t.key: t.key for t in c.TABS})
    lists = Matcher({LISTS_TITLE: LISTS_TITLE})
    found: dict[str, dict] = {}
    for sheet in sheets:
        if sheet.get("sheetType", "GRID") != "GRID":
            continue
        name = matcher.match(sheet["title"]) or lists.match(sheet["title"])
        if name is not None and name not in found:
            found[name] = sheet
    return found


def _parse_contents(body: Any, sheets: list[dict]) -> dict[str, list[list[Any]]]:
    value_ranges = body.get("valueRanges") if isinstance(body, dict) else None
    if not isinstance(value_ranges, list) or len(value_ranges) != len(sheets):
        raise _BadResponse("valueRanges")
    out = {}
    for sheet, value_range in zip(sheets, value_ranges):
        rows = value_range.get("values", []) if isinstance(value_range, dict) else None
        if not isinstance(rows, list):
            raise _BadResponse("values")
        out[sheet["title"]] = rows  # the API leaves out trailing blanks: [] means wholly empty
    return out


def _column_letter(index: int) -> str:
    letters, index = "", index + 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _area_range(title: str, rows: list[list[Any]] | None) -> str:
    """The khóm names as an open-ended range, "='Khóm'!$A$2:$A": under the Khóm header,
    wherever an existing tab has it (the reader looks in its first 10 rows)."""
    tab = c.TABS_BY_KEY["areas"]
    column = [col.key for col in tab.columns].index("name")
    first = FIRST_ROW
    wanted = {fold(tab.column("name").header), fold("name")}
    for index, line in enumerate((rows or [])[:10]):
        cells = [j for j, v in enumerate(line) if isinstance(v, str) and fold(v) in wanted]
        if cells:
            column, first = cells[0], index + 2
            break
    letter = _column_letter(column)
    return f"={_quote_title(title)}!${letter}${first}:${letter}"


def _clean_areas(areas: list[str] | None) -> list[str]:
    """The khóm names as the .xlsx template keeps them (blanks and folded repeats left out)."""
    from analysis.outputs.template import clean_areas

    return clean_areas(areas)


def _dropdown_lists() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The .xlsx template's lists (same order, same labels), so both templates offer the same."""
    from analysis.outputs.template import dropdown_lists

    return dropdown_lists()


def _list_name(column: c.Column) -> str | None:
    """Which dropdown a column gets, as in the .xlsx template."""
    from analysis.outputs.template import list_name

    return list_name(column)


def _prompt(name: str) -> str:
    from analysis.outputs.template import UI

    key = {"areas": "prompt_areas", AREAS_OR_WARD: "prompt_areas", c.YESNO: "prompt_yesno"}.get(name, "prompt")
    return UI[key][0]  # the sheet's words are Vietnamese, like its tabs and headers


class _Plan:
    """The spreadsheets:batchUpdate requests and values:batchUpdate ranges to send."""

    def __init__(self, sheets: list[dict]) -> None:
        self.requests: list[dict] = []
        self.data: list[dict] = []
        self.validations = 0
        self._next_id = max([s["sheetId"] for s in sheets] + [0]) + 1
        self._lists = _dropdown_lists()

    def _new_id(self) -> int:
        # Chosen here, not by Google, so the formats and dropdowns of a new tab can go in
        # the same (atomic) batchUpdate as the addSheet that creates it.
        sheet_id, self._next_id = self._next_id, self._next_id + 1
        return sheet_id

    def add_sheet(self, title: str, width: int, *, hidden: bool = False, rows: int = GRID_ROWS) -> int:
        sheet_id = self._new_id()
        properties: dict[str, Any] = {
            "sheetId": sheet_id, "title": title,
            "gridProperties": {"rowCount": rows, "columnCount": max(GRID_COLUMNS, width), "frozenRowCount": 1},
        }
        if hidden:
            properties["hidden"] = True
        self.requests.append({"addSheet": {"properties": properties}})
        return sheet_id

    def prepare_empty(self, sheet: dict, width: int) -> int:
        """An existing empty tab: header row frozen, grid big enough for the header and dropdowns."""
        grid = sheet.get("gridProperties") or {}
        self.requests.append({"updateSheetProperties": {
            "properties": {"sheetId": sheet["sheetId"], "gridProperties": {
                "frozenRowCount": 1,
                "rowCount": max(grid.get("rowCount", 0), LAST_ROW),
                "columnCount": max(grid.get("columnCount", 0), width),
            }},
            "fields": "gridProperties.frozenRowCount,gridProperties.rowCount,gridProperties.columnCount",
        }})
        return sheet["sheetId"]

    def write(self, title: str, rows: list[list[Any]], major: str = "ROWS") -> None:
        self.data.append({"range": f"{_quote_title(title)}!A1", "majorDimension": major, "values": rows})

    @staticmethod
    def _range(sheet_id: int, row0: int, row_end: int, col0: int, col_end: int) -> dict:
        return {"sheetId": sheet_id, "startRowIndex": row0, "endRowIndex": row_end,
                "startColumnIndex": col0, "endColumnIndex": col_end}

    def _header_format(self, sheet_id: int, col0: int, col_end: int, fill: dict) -> None:
        self.requests.append({"repeatCell": {
            "range": self._range(sheet_id, 0, 1, col0, col_end),
            "cell": {"userEnteredFormat": {"backgroundColor": fill, "textFormat": {"bold": True},
                                           "wrapStrategy": "WRAP", "verticalAlignment": "MIDDLE"}},
            "fields": "userEnteredFormat(backgroundColor,textFormat.bold,wrapStrategy,verticalAlignment)",
        }})

    def format_tab(self, tab: c.Tab, sheet_id: int) -> None:
        self._header_format(sheet_id, 0, len(tab.columns), _OPTIONAL_FILL)
        for index, column in enumerate(tab.columns):
            if column.required:
                self._header_format(sheet_id, index, index + 1, _REQUIRED_FILL)
            fmt = (_DATE_FORMAT if column.kind == c.DATE else
                   _TEXT_FORMAT if column.kind in (c.ID, c.IDS, c.CODE) or column.key == "phone" else None)
            if fmt is not None and not tab.key_value:
                self.requests.append({"repeatCell": {
                    "range": self._range(sheet_id, FIRST_ROW - 1, LAST_ROW, index, index + 1),
                    "cell": {"userEnteredFormat": {"numberFormat": fmt}},
                    "fields": "userEnteredFormat.numberFormat",
                }})

    def validate_tab(self, tab: c.Tab, sheet_id: int, ranges: dict[str, str]) -> None:
        for index, column in enumerate(tab.columns):
            name = _list_name(column)
            if name is None:
                continue
            if name in ranges:
                condition = {"type": "ONE_OF_RANGE", "values": [{"userEnteredValue": ranges[name]}]}
            else:
                condition = {"type": "ONE_OF_LIST",
                             "values": [{"userEnteredValue": v} for v in self._lists[name][1]]}
            # strict=False: a value off the list is kept with a warning mark, as the .xlsx
            # template's "warning" style does (the reader tolerates variant spellings).
            self.requests.append({"setDataValidation": {
                "range": self._range(sheet_id, FIRST_ROW - 1, LAST_ROW, index, index + 1),
                "rule": {"condition": condition, "inputMessage": _prompt(name), "strict": False,
                         "showCustomUi": True},
            }})
            self.validations += 1

    def add_lists(self, area_range: str) -> str:
        """The hidden lists tab: one column per list (label in row 1, values below), then
        "Khóm hoặc Toàn phường": Toàn phường, and a formula listing the Khóm tab's names.
        Returns the range of that last list, for the ONE_OF_RANGE of Tuyên truyền's Khóm."""
        columns = [[label, *values] for label, values in self._lists.values()]
        rows = max(GRID_ROWS, max(len(col) for col in columns) + 1)
        sheet_id = self.add_sheet(LISTS_TITLE, len(columns) + 1, hidden=True, rows=rows)
        position = len(columns)
        columns.append([f"Khóm hoặc {c.WHOLE_WARD}", c.WHOLE_WARD])
        self.write(LISTS_TITLE, columns, major="COLUMNS")
        self._header_format(sheet_id, 0, len(columns), _OPTIONAL_FILL)
        names = area_range.lstrip("=")
        # A formula cannot go through the RAW values write; formulas sent through the API
        # take English function names and commas, whatever the spreadsheet's locale.
        formula = f'=IFERROR(FILTER({names},{names}<>""),"")'
        self.requests.append({"updateCells": {
            "start": {"sheetId": sheet_id, "rowIndex": 2, "columnIndex": position},
            "rows": [{"values": [{"userEnteredValue": {"formulaValue": formula}}]}],
            "fields": "userEnteredValue",
        }})
        letter = _column_letter(position)
        return f"={_quote_title(LISTS_TITLE)}!${letter}$2:${letter}"


__all__ = ["APPEND_PARAMS", "SHEETS_SCOPE", "append_row", "create_template_in_sheet"]
