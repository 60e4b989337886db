"""The values endpoints: values:batchGet, values.get, values.append and values:batchUpdate."""
from __future__ import annotations

import copy
from typing import Any

from tests.fakes.sheets_api.cells import col_letter, quote_title, trim
from tests.fakes.sheets_api.errors import google_error_body
from tests.fakes.sheets_api.routes import KEY, RANGE, FakeRequest, route
from tests.fakes.sheets_api.spreadsheets import FakeSpreadsheet, SpreadsheetStore


class ValuesEndpoints(SpreadsheetStore):
    """FakeSheetsAPI's handlers of the values API (registered with @route)."""

    @route("GET", rf"^/v4/spreadsheets/{KEY}/values:batchGet$", "batchGet")
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

    @route("GET", rf"^/v4/spreadsheets/{KEY}/values/{RANGE}$", "values")
    def _values_get(self, request: FakeRequest, key: str, range: str) -> tuple[int, dict]:
        sheet, error = self._open(key)
        if error:
            return error
        try:
            return 200, sheet.value_range(range, {k: v[-1] for k, v in request.query.items()})
        except ValueError:
            return 400, google_error_body(400, f"Unable to parse range: {range}")

    @route("POST", rf"^/v4/spreadsheets/{KEY}/values/{RANGE}:append$", "append")
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
            start = len(trim([list(r) for r in tab.rows]))  # after the last non-empty row
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
            width_before = max(len(line) for line in trim([list(r) for r in existing]))
            body["tableRange"] = f"{quote_title(tab.title)}!A1:{col_letter(max(width_before, 1) - 1)}{start}"
        return 200, body

    @route("POST", rf"^/v4/spreadsheets/{KEY}/values:batchUpdate$", "valuesBatchUpdate")
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
