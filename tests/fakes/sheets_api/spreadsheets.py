"""The fake's state: spreadsheets and their tabs, with what Google shows of them (metadata, value ranges)."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.fakes.sheets_api.cells import col_letter, parse_cells, quote_title, render_cell, split_range, trim
from tests.fakes.sheets_api.errors import google_error_body

# Google's default theme, as recorded (tests/fakes/recorded/spreadsheets-get-metadata.json).
_THEME = (
    ("TEXT", {}),
    ("BACKGROUND", {"red": 1, "green": 1, "blue": 1}),
    ("ACCENT1", {"red": 0.25882354, "green": 0.52156866, "blue": 0.95686275}),
    ("ACCENT2", {"red": 0.91764706, "green": 0.2627451, "blue": 0.20784314}),
    ("ACCENT3", {"red": 0.9843137, "green": 0.7372549, "blue": 0.015686275}),
    ("ACCENT4", {"red": 0.20392157, "green": 0.65882355, "blue": 0.3254902}),
    ("ACCENT5", {"red": 1, "green": 0.42745098, "blue": 0.003921569}),
    ("ACCENT6", {"red": 0.27450982, "green": 0.7411765, "blue": 0.7764706}),
    ("LINK", {"red": 0.06666667, "green": 0.33333334, "blue": 0.8}),
)


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
    public: bool = False  # "Anyone with the link: Viewer": its .xlsx export answers anyone (export.py)
    # Drive's createdTime and modifiedTime (UTC): set when added, modified_time bumped by every write
    # (FakeSheetsAPI.touch); the fake's clock gives both (SpreadsheetStore.now, set_time).
    created_time: datetime = field(default_factory=lambda: datetime.now(UTC))
    modified_time: datetime = field(default_factory=lambda: datetime.now(UTC))

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
                        "foregroundColorStyle": {"rgbColor": {}},
                    },
                    "backgroundColorStyle": {"rgbColor": {"red": 1, "green": 1, "blue": 1}},
                },
                "spreadsheetTheme": {
                    "primaryFontFamily": "Arial",
                    "themeColors": [{"colorType": kind, "color": {"rgbColor": dict(rgb)}} for kind, rgb in _THEME],
                },
            },
            "sheets": [
                {"properties": sheet_properties(tab, index)}
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
        values = trim(grid)
        if values:
            body["values"] = values
        return body


def sheet_properties(tab: FakeTab, index: int) -> dict:
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


class SpreadsheetStore:
    """The spreadsheets FakeSheetsAPI holds, and the access rules its endpoints apply to them."""

    _lock: threading.Lock
    _spreadsheets: dict[str, FakeSpreadsheet]
    _frozen_now: datetime | None = None  # set_time(): the fake's clock stands still there

    def now(self) -> datetime:
        """The fake's clock (UTC): the real time, unless set_time() froze it."""
        return datetime.now(UTC) if self._frozen_now is None else self._frozen_now

    def set_time(self, when: datetime | None) -> None:
        """Freeze the fake's clock at `when` (naive means UTC), so modified times are known in advance;
        None lets it follow the real clock again."""
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        self._frozen_now = None if when is None else when.astimezone(UTC)

    def advance_time(self, seconds: float) -> datetime:
        """Move the frozen clock forward (freezing it at the real time first if it runs); the new time."""
        self.set_time(self.now() + timedelta(seconds=seconds))
        return self.now()

    def touch(self, key: str, when: datetime | None = None) -> None:
        """Set a spreadsheet's modified time (Drive's modifiedTime): `when`, or now (the fake's clock)."""
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        with self._lock:
            self._spreadsheets[key].modified_time = (when or self.now()).astimezone(UTC)

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
        public: bool = False,
        copy_rows: bool = True,
    ) -> FakeSpreadsheet:
        """Hold a spreadsheet; tabs in the given order. `forbidden=True`: not shared (403, and not listed
        by Drive); `read_only=True`: shared as Viewer (reads work, writes answer 403); `public=True`: shared as
"Anyone with the link: Viewer" (its .xlsx export answers without credentials). Its created and
        modified times are now (the fake's clock).

        `copy_rows=False` keeps the caller's row lists instead of copying them: many spreadsheets can then
        share one set of rows (3,321 demo workbooks: ~11 MB and 0.07 s instead of ~90 MB and ~1 s). The
        endpoints never change a row list in place (writes replace the lists or work on copies), so only
        the caller must not change them.
        """
        now = self.now()
        sheet = FakeSpreadsheet(key=key, title=title, locale=locale, time_zone=time_zone, forbidden=forbidden,
                                read_only=read_only, public=public, created_time=now, modified_time=now)
        for i, (tab_title, rows) in enumerate((tabs or {}).items()):
            sheet_id = 0 if i == 0 else 1000 + i
            kept = [list(r) for r in rows] if copy_rows else rows if isinstance(rows, list) else list(rows)
            sheet.tabs.append(FakeTab(sheet_id=sheet_id, title=tab_title, rows=kept))
        with self._lock:
            self._spreadsheets[key] = sheet
        return sheet

    def spreadsheet(self, key: str) -> FakeSpreadsheet:
        return self._spreadsheets[key]

    def _open(self, key: str, write: bool = False) -> tuple[FakeSpreadsheet | None, tuple[int, dict] | None]:
        sheet = self._spreadsheets.get(key)
        if sheet is None:
            return None, (404, google_error_body(404))
        if sheet.forbidden or (write and sheet.read_only):
            return None, (403, google_error_body(403))
        return sheet, None
