"""What to write into a Google Sheet so it has the contract's tabs: a plan, no I/O.

`plan_sheet(sheets, contents, areas)` turns what a spreadsheet holds (every sheet's
properties, and the rows of the contract tabs it already has: see `titles_to_read`)
into the spreadsheets:batchUpdate requests and the values:batchUpdate ranges to send
(data_sources/sheet_writer.py sends them; analysis/cli/ combines the two).

For each contract tab, found by the reader's tolerant title matching: a missing tab is
added (header row frozen); an existing tab that is wholly empty gets its header; a tab
holding anything at all is left alone and reported as skipped. New and empty tabs get a
bold, coloured header, text/date formats and the dropdowns (ONE_OF_LIST of the canonical
values, warning only; khóm columns ONE_OF_RANGE on the Khóm tab's names). The hidden
"_Danh mục" lists tab is added only if missing. The khóm names go under the Khóm header
when that tab is new or empty.

The first part of the module is shared with the .xlsx template (analysis/outputs/template.py):
the lists, which column gets which list, the khóm names kept, the prompts, the header
colours and the text columns, so the two templates can never offer different things.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.text import Matcher, fold

FIRST_ROW, LAST_ROW = 2, 1000  # the rows given formats and dropdowns, in both templates
LISTS_TITLE = c.IGNORED_TABS[1]  # "_Danh mục": hidden, not read as data
AREAS_OR_WARD = "areas_or_ward"  # the list of Tuyên truyền's khóm column: Toàn phường, then the khóm
AREAS_OR_WARD_LABEL = f"Khóm hoặc {c.WHOLE_WARD}"
# The canonical cell values the dropdowns offer where the contract has codes, not labels.
DOC_STATUS_LABELS = {c.DOC_DONE: "Đã có", c.DOC_IN_PROGRESS: "Đang làm", c.DOC_MISSING: "Chưa có",
                     c.DOC_NA: "Không áp dụng"}
YES, NO = "Có", "Không"
REQUIRED_COLOUR, OPTIONAL_COLOUR = "F8CBAD", "DDEBF7"  # header fills: orange required, blue optional

# --------------------------------------------------------------------------- shared with the .xlsx template


def quote_title(title: str) -> str:
    """A tab's title as written in a range or formula: 'Tab ''name''' (quotes doubled inside)."""
    return "'" + title.replace("'", "''") + "'"


def dropdown_lists() -> dict[str, tuple[str, tuple[str, ...]]]:
    """List name -> (label shown in row 1 of _Danh mục, values); the order is the columns A, B, ...
    The labels and values are the sheet's words: Vietnamese in every language."""
    vocab_labels = {col.vocab: col.header for tab in c.TABS for col in tab.columns
                    if col.kind == c.VOCAB and col.vocab in c.VOCABULARIES}
    lists = {name: (vocab_labels.get(name, name), values) for name, values in c.VOCABULARIES.items()}
    lists[c.DOC_STATUS] = ("Tình trạng giấy tờ", tuple(DOC_STATUS_LABELS[s] for s in
                                                      (c.DOC_DONE, c.DOC_IN_PROGRESS, c.DOC_MISSING, c.DOC_NA)))
    lists[c.YESNO] = ("Có/Không", (YES, NO))
    lists[c.CODE] = ("Mã chỉ tiêu", c.INDICATOR_CODES)
    return lists


def list_name(column: c.Column) -> str | None:
    """Which dropdown a column gets: a VOCABULARIES name, "areas", "areas_or_ward",
    c.DOC_STATUS, c.YESNO, c.CODE, or None."""
    if column.kind == c.VOCAB:
        return column.vocab
    if column.kind in (c.DOC_STATUS, c.YESNO, c.CODE):
        return column.kind
    return None


def prompt(name: str, lang: str) -> str:
    """The input message of a list's dropdown."""
    key = {"areas": "prompt_areas", AREAS_OR_WARD: "prompt_areas", c.YESNO: "prompt_yesno"}.get(name, "prompt")
    return strings.t(f"template.ui.{key}", lang)


def keeps_text(column: c.Column) -> bool:
    """Columns formatted as text, so CT01 and 0901... stay as typed."""
    return column.kind in (c.ID, c.IDS, c.CODE) or column.key == "phone"


def clean_areas(areas: Iterable[str] | None) -> list[str]:
    """Names as given, blanks and (folded) repeats left out: the reader would reject a repeat."""
    seen: set[str] = set()
    kept: list[str] = []
    for area in areas or ():
        text = "" if area is None else str(area).strip()
        if text and fold(text) not in seen:
            seen.add(fold(text))
            kept.append(text)
    return kept


def area_column() -> int:
    """The Khóm tab's name column, 0-based, as the template lays it out."""
    return [col.key for col in c.TABS_BY_KEY["areas"].columns].index("name")


# --------------------------------------------------------------------------- reading what is there

GRID_ROWS, GRID_COLUMNS = 1000, 26  # the size of a tab we add (Google's default)
_TEXT_FORMAT = {"type": "TEXT", "pattern": "@"}
_DATE_FORMAT = {"type": "DATE", "pattern": "dd/mm/yyyy"}


def match_tabs(sheets: list[dict]) -> dict[str, dict]:
    """Contract tab key (and LISTS_TITLE) -> the existing sheet, matched like the reader does
    (analysis.workbook.normalise), so no tab is added next to one the reader already uses."""
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


def titles_to_read(sheets: list[dict]) -> list[str]:
    """The existing contract tabs, in contract order: the plan must know whether they hold anything."""
    found = match_tabs(sheets)
    return [found[t.key]["title"] for t in c.TABS if t.key in found]


def area_range(title: str, rows: list[list[Any]] | None) -> str:
    """The khóm names as an open-ended range, "='Khóm'!$A$2:$A": under the Khóm header,
    wherever an existing tab has it (the reader looks in its first 10 rows)."""
    tab = c.TABS_BY_KEY["areas"]
    column, first = area_column(), FIRST_ROW
    wanted = {fold(tab.column("name").header), fold("name")}
    for index, line in enumerate((rows or [])[:10]):
        cells = [j for j, v in enumerate(line) if isinstance(v, str) and fold(v) in wanted]
        if cells:
            column, first = cells[0], index + 2
            break
    letter = get_column_letter(column + 1)
    return f"={quote_title(title)}!${letter}${first}:${letter}"


# --------------------------------------------------------------------------- the plan


@dataclass
class SheetPlan:
    """The requests and value ranges to send, and what they do (for the command's report)."""

    requests: list[dict] = field(default_factory=list)  # spreadsheets:batchUpdate, applied whole or not at all
    data: list[dict] = field(default_factory=list)  # values:batchUpdate ranges, written RAW
    added_tabs: list[str] = field(default_factory=list)
    headers_written: list[str] = field(default_factory=list)
    skipped_tabs_with_data: list[str] = field(default_factory=list)
    validations: int = 0
    areas_written: int = 0


def plan_sheet(sheets: list[dict], contents: Mapping[str, list[list[Any]]],
               areas: Iterable[str] | None = None) -> SheetPlan:
    """The plan for a spreadsheet whose sheets' properties are `sheets` (in sheet order) and whose
    tabs `titles_to_read(sheets)` hold `contents` (title -> rows; [] when wholly empty)."""
    found = match_tabs(sheets)
    plan = SheetPlan()
    build = _Builder(plan, sheets)
    headers = []
    for tab in c.TABS:
        sheet = found.get(tab.key)
        if sheet is None:
            sheet_id = build.add_sheet(tab.title, len(tab.columns))
            plan.added_tabs.append(tab.title)
        elif contents[sheet["title"]]:
            plan.skipped_tabs_with_data.append(sheet["title"])
            continue
        else:
            sheet_id = build.prepare_empty(sheet, len(tab.columns))
        headers.append((tab, sheet_id, sheet["title"] if sheet else tab.title))

    area_tab = found.get("areas")
    area_title = area_tab["title"] if area_tab else c.TABS_BY_KEY["areas"].title
    khom = area_range(area_title, contents[area_title] if area_tab else None)
    lists_range = None
    if found.get(LISTS_TITLE) is None:
        lists_range = build.add_lists(khom)
        plan.added_tabs.append(LISTS_TITLE)
    # Tuyên truyền's khóm column also takes "Toàn phường": our lists tab keeps a live
    # copy of the khóm names after it. A lists tab someone else made is not relied on.
    ranges_by_list = {"areas": khom, AREAS_OR_WARD: lists_range or khom}

    names = clean_areas(areas)
    for tab, sheet_id, tab_title in headers:
        rows: list[list[Any]] = [[col.header for col in tab.columns]]
        if tab.key_value:
            rows += [[item] for item in c.INFO_KEYS]
        if tab.key == "areas" and names:
            rows += [[name] for name in names]
            plan.areas_written = len(names)
        build.write(tab_title, rows)
        build.format_tab(tab, sheet_id)
        if not tab.key_value:
            build.validate_tab(tab, sheet_id, ranges_by_list)
        plan.headers_written.append(tab_title)
    return plan


def _colour(hex_rgb: str) -> dict[str, float]:
    return {name: int(hex_rgb[i:i + 2], 16) / 255 for name, i in (("red", 0), ("green", 2), ("blue", 4))}


def _grid(sheet_id: int, row0: int, row_end: int, col0: int, col_end: int) -> dict:
    return {"sheetId": sheet_id, "startRowIndex": row0, "endRowIndex": row_end,
            "startColumnIndex": col0, "endColumnIndex": col_end}


class _Builder:
    """Appends a plan's requests and value ranges, in the order Google applies them."""

    def __init__(self, plan: SheetPlan, sheets: list[dict]) -> None:
        self.plan = plan
        self._next_id = max([s["sheetId"] for s in sheets] + [0]) + 1
        self._lists = dropdown_lists()

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
        self.plan.requests.append({"addSheet": {"properties": properties}})
        return sheet_id

    def prepare_empty(self, sheet: dict, width: int) -> int:
        """An existing empty tab: header row frozen, grid big enough for the header and dropdowns."""
        grid = sheet.get("gridProperties") or {}
        self.plan.requests.append({"updateSheetProperties": {
            "properties": {"sheetId": sheet["sheetId"], "gridProperties": {
                "frozenRowCount": 1,
                "rowCount": max(grid.get("rowCount", 0), LAST_ROW),
                "columnCount": max(grid.get("columnCount", 0), width),
            }},
            "fields": "gridProperties.frozenRowCount,gridProperties.rowCount,gridProperties.columnCount",
        }})
        return sheet["sheetId"]

    def write(self, title: str, rows: list[list[Any]], major: str = "ROWS") -> None:
        self.plan.data.append({"range": f"{quote_title(title)}!A1", "majorDimension": major, "values": rows})

    def _header_format(self, sheet_id: int, col0: int, col_end: int, colour: str) -> None:
        self.plan.requests.append({"repeatCell": {
            "range": _grid(sheet_id, 0, 1, col0, col_end),
            "cell": {"userEnteredFormat": {"backgroundColor": _colour(colour), "textFormat": {"bold": True},
                                           "wrapStrategy": "WRAP", "verticalAlignment": "MIDDLE"}},
            "fields": "userEnteredFormat(backgroundColor,textFormat.bold,wrapStrategy,verticalAlignment)",
        }})

    def format_tab(self, tab: c.Tab, sheet_id: int) -> None:
        self._header_format(sheet_id, 0, len(tab.columns), OPTIONAL_COLOUR)
        for index, column in enumerate(tab.columns):
            if column.required:
                self._header_format(sheet_id, index, index + 1, REQUIRED_COLOUR)
            fmt = _DATE_FORMAT if column.kind == c.DATE else _TEXT_FORMAT if keeps_text(column) else None
            if fmt is not None and not tab.key_value:
                self.plan.requests.append({"repeatCell": {
                    "range": _grid(sheet_id, FIRST_ROW - 1, LAST_ROW, index, index + 1),
                    "cell": {"userEnteredFormat": {"numberFormat": fmt}},
                    "fields": "userEnteredFormat.numberFormat",
                }})

    def validate_tab(self, tab: c.Tab, sheet_id: int, ranges: dict[str, str]) -> None:
        for index, column in enumerate(tab.columns):
            name = list_name(column)
            if name is None:
                continue
            if name in ranges:
                condition = {"type": "ONE_OF_RANGE", "values": [{"userEnteredValue": ranges[name]}]}
            else:
                condition = {"type": "ONE_OF_LIST",
                             "values": [{"userEnteredValue": v} for v in self._lists[name][1]]}
            # strict=False: a value off the list is kept with a warning mark, as the .xlsx
            # template's "warning" style does (the reader tolerates variant spellings).
            # The prompt is Vietnamese, like the sheet's tabs and headers.
            self.plan.requests.append({"setDataValidation": {
                "range": _grid(sheet_id, FIRST_ROW - 1, LAST_ROW, index, index + 1),
                "rule": {"condition": condition, "inputMessage": prompt(name, "vi"), "strict": False,
                         "showCustomUi": True},
            }})
            self.plan.validations += 1

    def add_lists(self, area_range: str) -> str:
        """The hidden lists tab: one column per list (label in row 1, values below), then
        "Khóm hoặc Toàn phường": Toàn phường, and a formula listing the Khóm tab's names.
        Returns the range of that last list, for the ONE_OF_RANGE of Tuyên truyền's Khóm."""
        columns = [[label, *values] for label, values in self._lists.values()]
        rows = max(GRID_ROWS, max(len(col) for col in columns) + 1)
        sheet_id = self.add_sheet(LISTS_TITLE, len(columns) + 1, hidden=True, rows=rows)
        position = len(columns)
        columns.append([AREAS_OR_WARD_LABEL, c.WHOLE_WARD])
        self.write(LISTS_TITLE, columns, major="COLUMNS")
        self._header_format(sheet_id, 0, len(columns), OPTIONAL_COLOUR)
        names = area_range.lstrip("=")
        # A formula cannot go through the RAW values write; formulas sent through the API
        # take English function names and commas, whatever the spreadsheet's locale.
        formula = f'=IFERROR(FILTER({names},{names}<>""),"")'
        self.plan.requests.append({"updateCells": {
            "start": {"sheetId": sheet_id, "rowIndex": 2, "columnIndex": position},
            "rows": [{"values": [{"userEnteredValue": {"formulaValue": formula}}]}],
            "fields": "userEnteredValue",
        }})
        letter = get_column_letter(position + 1)
        return f"={quote_title(LISTS_TITLE)}!${letter}$2:${letter}"


__all__ = ["AREAS_OR_WARD", "DOC_STATUS_LABELS", "FIRST_ROW", "LAST_ROW", "LISTS_TITLE", "SheetPlan",
           "area_range", "clean_areas", "dropdown_lists", "keeps_text", "list_name", "match_tabs", "plan_sheet",
           "prompt", "quote_title", "titles_to_read"]
