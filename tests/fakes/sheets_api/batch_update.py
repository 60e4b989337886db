"""spreadsheets:batchUpdate: addSheet, updateSheetProperties, repeatCell, setDataValidation, updateCells.

All the requests apply, in order, or none (as Google does); any other kind is recorded in the
request log (FakeSheetsAPI.batch_update_requests) and answered {} without being applied.
"""
from __future__ import annotations

import copy
from typing import Any

from tests.fakes.sheets_api.errors import InvalidRequest, google_error_body
from tests.fakes.sheets_api.routes import KEY, FakeRequest, route
from tests.fakes.sheets_api.spreadsheets import FakeTab, SpreadsheetStore, sheet_properties


class BatchUpdateEndpoint(SpreadsheetStore):
    """FakeSheetsAPI's handler of spreadsheets:batchUpdate (registered with @route)."""

    @route("POST", rf"^/v4/spreadsheets/{KEY}:batchUpdate$", "batchUpdate")
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
                        raise InvalidRequest(f"Invalid requests[{index}]: exactly one kind of request expected")
                    (name, args), = sub.items()
                    replies.append(apply_sheet_request(tabs, index, name, args))
            except InvalidRequest as e:
                return 400, google_error_body(400, str(e))
            sheet.tabs = tabs
        return 200, {"spreadsheetId": key, "replies": replies}


def _grid_tab(tabs: list[FakeTab], index: int, name: str, grid_range: Any) -> FakeTab:
    """The tab a GridRange names, its bounds checked against the grid as Google does."""
    if not isinstance(grid_range, dict):
        raise InvalidRequest(f"Invalid requests[{index}].{name}: range is required")
    sheet_id = grid_range.get("sheetId", 0)
    tab = next((t for t in tabs if t.sheet_id == sheet_id), None)
    if tab is None:
        raise InvalidRequest(f"Invalid requests[{index}].{name}: No grid with id: {sheet_id}")
    if grid_range.get("endRowIndex", 0) > tab.row_count or grid_range.get("endColumnIndex", 0) > tab.column_count:
        raise InvalidRequest(f"Invalid requests[{index}].{name}: Range exceeds grid limits. Max rows: "
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


def apply_sheet_request(tabs: list[FakeTab], index: int, name: str, args: Any) -> dict:
    """One spreadsheets.batchUpdate request applied to `tabs`; its reply. InvalidRequest if Google would refuse it."""
    if not isinstance(args, dict):
        raise InvalidRequest(f"Invalid requests[{index}].{name}: not an object")
    if name == "addSheet":
        props = dict(args.get("properties") or {})
        title = props.get("title") or f"Sheet{len(tabs) + 1}"
        if any(t.title.casefold() == title.casefold() for t in tabs):
            raise InvalidRequest(f'Invalid requests[{index}].addSheet: A sheet with the name "{title}" already exists. '
                           "Please enter another name.")
        sheet_id = props.get("sheetId")
        if sheet_id is None:
            sheet_id = max([t.sheet_id for t in tabs] + [0]) + 1
        if not isinstance(sheet_id, int) or sheet_id < 0 or any(t.sheet_id == sheet_id for t in tabs):
            raise InvalidRequest(f"Invalid requests[{index}].addSheet: Sheet with id {sheet_id} already exists.")
        grid = props.get("gridProperties") or {}
        tab = FakeTab(sheet_id=sheet_id, title=title, rows=[], frozen_rows=grid.get("frozenRowCount", 0),
                      hidden=bool(props.get("hidden", False)), min_rows=grid.get("rowCount", 1000),
                      min_columns=grid.get("columnCount", 26))
        position = props.get("index", len(tabs))
        tabs.insert(min(max(position, 0), len(tabs)), tab)
        return {"addSheet": {"properties": sheet_properties(tab, tabs.index(tab))}}
    if name == "updateSheetProperties":
        props = args.get("properties") or {}
        tab = next((t for t in tabs if t.sheet_id == props.get("sheetId", 0)), None)
        if tab is None:
            raise InvalidRequest(f"Invalid requests[{index}].updateSheetProperties: "
                                 f"No grid with id: {props.get('sheetId')}")
        fields = [f.strip() for f in str(args.get("fields", "")).split(",") if f.strip()]
        if not fields:
            raise InvalidRequest(f"Invalid requests[{index}].updateSheetProperties: 'fields' is required")
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
            raise InvalidRequest(f"Invalid requests[{index}].repeatCell: 'fields' is required")
        tab.formats.append(copy.deepcopy(args))
        return {}
    if name == "setDataValidation":
        grid_range = args.get("range")
        tab = _grid_tab(tabs, index, name, grid_range)
        rule = args.get("rule")
        if rule is not None:
            condition = rule.get("condition") or {}
            if condition.get("type") in ("ONE_OF_LIST", "ONE_OF_RANGE") and not condition.get("values"):
                raise InvalidRequest(f"Invalid requests[{index}].setDataValidation: "
                                     f"{condition.get('type')} needs values")
        tab.validations = [v for v in tab.validations if v["range"] != grid_range]
        tab.validations.append({"range": copy.deepcopy(grid_range), "rule": copy.deepcopy(rule)})
        return {}
    if name == "updateCells":
        start = args.get("start")
        if isinstance(start, dict):
            tab = next((t for t in tabs if t.sheet_id == start.get("sheetId", 0)), None)
            if tab is None:
                raise InvalidRequest(f"Invalid requests[{index}].updateCells: No grid with id: {start.get('sheetId')}")
            grid = [[_cell_value(v.get("userEnteredValue")) for v in (row.get("values") or [])]
                    for row in (args.get("rows") or [])]
            tab.write(start.get("rowIndex", 0), start.get("columnIndex", 0), grid)
        return {}
    return {}  # any other request: recorded in the log (batch_update_requests), not applied
