"""The officers' .xlsx template, generated from the contract (analysis/workbook/contract.py).

Every tab title, header, vocabulary and reading rule comes from the contract; the lists,
which column gets which, the prompts and the header colours from analysis/outputs/sheet_plan.py,
which the Google Sheets template uses too; every word from the catalogue
(analysis/i18n/catalogue_template.py). So the template, the Google Sheet, the reader and the
documentation cannot disagree.

Layout of the workbook `build_template()` returns:

- "Hướng dẫn" (first, active): what the workbook is for, the reading rules, then each
  tab's purpose and every column (required?, kind, allowed values); see template_guide.py.
- The contract's tabs in order. Row 1 is the header (bold, filled, wrapped, bordered,
  frozen at A2); required headers have a stronger fill and a comment starting "Bắt buộc";
  every header has a comment explaining the column. Thông tin is key/value: the header
  "Mục | Giá trị", then one row per INFO_KEYS item with column B left for the officer.
- "_Danh mục" (hidden, last): the dropdown lists, one per column, label in row 1 and
  values from row 2. Lists live on a sheet rather than inline in the validation formula
  because inline lists cannot hold a comma (a product group name has one) and are
  limited to 255 characters.

Dropdowns (list data validation, rows 2..1000, errorStyle "warning" so officers can
keep a variant spelling the reader tolerates, with an input prompt):

- khóm columns (vocab "areas") point straight at the Khóm tab's name column,
  `'Khóm'!$A$2:$A$200`;
- Tuyên truyền's khóm column (vocab "areas_or_ward") points at a combined list on
  `_Danh mục`: "Toàn phường" first, then one formula per Khóm row
  (`=IF('Khóm'!$A2="","",'Khóm'!$A2)`), so khóm added later appear in the dropdown too
  (unused rows show as blank entries at the end of the list);
- every other vocabulary, the four document statuses, Có/Không and the indicator codes
  point at their fixed list on `_Danh mục`.

Neither "Hướng dẫn" nor "_Danh mục" is read as data (contract.IGNORED_TABS).
"""
from __future__ import annotations

import io
import math

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from analysis.outputs.exports import excel_cell
from analysis.outputs.sheet_plan import (
    AREAS_OR_WARD,
    AREAS_OR_WARD_LABEL,
    DOC_STATUS_LABELS,
    FIRST_ROW,
    LAST_ROW,
    LISTS_TITLE,
    area_column,
    clean_areas,
    dropdown_lists,
    keeps_text,
    list_name,
    prompt,
    quote_title,
)
from analysis.outputs.template_guide import (
    BORDER,
    GUIDE_TITLE,
    HEADER_FONT,
    OPTIONAL_FILL,
    REQUIRED_FILL,
    column_description,
    fill_guide,
    guide_title,
    info_description,
    ui,
)
from analysis.workbook import contract as c

TEMPLATE_FILENAME = "mau_bang_tinh_ocop.xlsx"
AREA_LAST_ROW = 200  # the Khóm names the dropdowns offer: rows 2..200 of the Khóm tab
DATE_FORMAT = "DD/MM/YYYY"
NUMBER_FORMATS = {  # the text columns (sheet_plan.keeps_text) are "@"
    c.DATE: DATE_FORMAT,
    c.NUMBER: "General",  # scores 72,5 and targets 1.200 alike; shown in the officer's locale
    c.INTEGER: "#,##0",
    c.YEAR: "0",  # 2024, never 2.024
    c.STARS: "General",  # 3, "3 sao" and ★★★ are all read
}
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
AUTHOR = "OCOP"


# --------------------------------------------------------------------------- the data tabs
def _width(column: c.Column) -> float:
    by_key = {"note": 34, "name": 30, "task": 60, "address": 28, "course": 32, "label": 34,
              "attendee": 24, "organiser": 24, "unit": 24, "contact_name": 22, "trade": 20,
              "officer": 22, "producers_reached": 22, "role": 22, "value": 45, "item": 22}
    by_kind = {c.DATE: 13, c.NUMBER: 11, c.INTEGER: 11, c.YEAR: 8, c.YESNO: 12, c.DOC_STATUS: 14,
               c.STARS: 8, c.CODE: 20, c.ID: 13, c.IDS: 22, c.TEXT: 18}
    if column.kind == c.VOCAB:
        values = c.VOCABULARIES.get(column.vocab, ())
        base = min(max((len(v) for v in values), default=16) + 3, 30)
    else:
        base = by_key.get(column.key, by_kind.get(column.kind, 16))
    longest_word = max(len(w) for w in column.header.split())
    return float(max(base, longest_word + 3))


def _comment(text: str) -> Comment:
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 300, max(80, 20 * math.ceil(len(text) / 45) + 20)
    return comment


def _style_header(ws: Worksheet, tab: c.Tab, lang: str) -> None:
    for index, column in enumerate(tab.columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if column.required else OPTIONAL_FILL
        cell.alignment = HEADER_ALIGNMENT
        cell.border = BORDER
        cell.comment = _comment(column_description(tab, column, lang))
        ws.column_dimensions[get_column_letter(index)].width = _width(column)
    ws.row_dimensions[1].height = 33
    ws.freeze_panes = "A2"


def _formats(ws: Worksheet, tab: c.Tab) -> None:
    for index, column in enumerate(tab.columns, start=1):
        fmt = "@" if keeps_text(column) else NUMBER_FORMATS.get(column.kind)
        if fmt is None or fmt == "General":
            continue
        for row in range(FIRST_ROW, LAST_ROW + 1):
            ws.cell(row=row, column=index).number_format = fmt


def _validation(formula: str, name: str, label: str, lang: str) -> DataValidation:
    return DataValidation(type="list", formula1=formula, allow_blank=True,
                          showInputMessage=True, promptTitle=label[:32], prompt=prompt(name, lang)[:255],
                          showErrorMessage=name != c.YESNO,  # a registration number is a valid "yes"
                          errorStyle="warning", errorTitle=ui("error_title", lang)[:32],
                          error=ui("error", lang)[:255])


def _validations(ws: Worksheet, tab: c.Tab, ranges: dict[str, str], lang: str) -> None:
    by_list: dict[str, DataValidation] = {}
    for index, column in enumerate(tab.columns, start=1):
        name = list_name(column)
        if name is None:
            continue
        if name not in by_list:
            label = "Khóm" if name in ("areas", AREAS_OR_WARD) else column.header
            if name == c.DOC_STATUS:
                label = ui("doc_status", lang)
            by_list[name] = _validation(ranges[name], name, label, lang)
            ws.add_data_validation(by_list[name])
        letter = get_column_letter(index)
        by_list[name].add(f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}")


def _fill_lists(ws: Worksheet, area_rows: int) -> dict[str, str]:
    """Writes every list on the hidden tab; returns list name -> validation formula."""
    ranges: dict[str, str] = {}
    sheet = quote_title(LISTS_TITLE)
    position = 0
    for position, (name, (label, values)) in enumerate(dropdown_lists().items(), start=1):
        letter = get_column_letter(position)
        ws.cell(row=1, column=position, value=label).font = HEADER_FONT
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=position, value=value)
        ranges[name] = f"{sheet}!${letter}$2:${letter}${len(values) + 1}"
        ws.column_dimensions[letter].width = min(max(len(v) for v in values + (label,)) + 2, 60)
    # Khóm, or Toàn phường: a live copy of the Khóm tab's names after Toàn phường.
    position += 1
    letter = get_column_letter(position)
    areas_title, name_letter = quote_title(c.TABS_BY_KEY["areas"].title), get_column_letter(area_column() + 1)
    ws.cell(row=1, column=position, value=AREAS_OR_WARD_LABEL).font = HEADER_FONT
    ws.cell(row=2, column=position, value=c.WHOLE_WARD)
    for source_row in range(2, area_rows + 1):
        ref = f"{areas_title}!${name_letter}{source_row}"
        ws.cell(row=source_row + 1, column=position, value=f'=IF({ref}="","",{ref})')
    ranges[AREAS_OR_WARD] = f"{sheet}!${letter}$2:${letter}${area_rows + 1}"
    ws.column_dimensions[letter].width = 24
    ranges["areas"] = f"{areas_title}!${name_letter}$2:${name_letter}${area_rows}"
    return ranges


def _fill_info(ws: Worksheet, lang: str) -> None:
    for row, (item, key) in enumerate(c.INFO_KEYS.items(), start=2):
        cell = ws.cell(row=row, column=1, value=item)
        cell.comment = _comment(info_description(key, lang))
        cell.border = ws.cell(row=row, column=2).border = BORDER
        if key == "plan_year":
            ws.cell(row=row, column=2).number_format = NUMBER_FORMATS[c.YEAR]


# --------------------------------------------------------------------------- entry points
def build_template(areas: list[str] | None = None, lang: str = "vi") -> Workbook:
    """The blank workbook officers fill: every contract tab, the guide first, the lists hidden.

    `areas` pre-fills the Khóm tab's names (blanks and repeats left out). `lang` is the
    language of the guide, the header comments and the dropdown prompts; tab titles,
    headers and list values are the contract's Vietnamese in every language.
    """
    names = clean_areas(areas)
    area_rows = max(AREA_LAST_ROW, len(names) + 1)
    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_TITLE
    sheets = {tab.key: wb.create_sheet(tab.title) for tab in c.TABS}
    lists = wb.create_sheet(LISTS_TITLE)
    ranges = _fill_lists(lists, area_rows)
    lists.sheet_state = "hidden"
    for tab in c.TABS:
        ws = sheets[tab.key]
        _style_header(ws, tab, lang)
        if tab.key_value:
            _fill_info(ws, lang)
            continue
        _formats(ws, tab)
        _validations(ws, tab, ranges, lang)
    name_column = get_column_letter(area_column() + 1)
    for row, name in enumerate(names, start=2):  # a khóm typed as `=HYPERLINK(…)` stays text (excel_cell)
        cell = sheets["areas"][f"{name_column}{row}"]
        cell.value = excel_cell(name)
        cell.data_type = "s"
    fill_guide(guide, lang)
    wb.active = 0
    wb.properties.title = guide_title(lang)
    wb.properties.creator = AUTHOR
    return wb


def template_bytes(areas: list[str] | None = None, lang: str = "vi") -> bytes:
    """build_template() saved as .xlsx bytes (for a download button or a file)."""
    buffer = io.BytesIO()
    build_template(areas, lang).save(buffer)
    return buffer.getvalue()


__all__ = ["AREA_LAST_ROW", "DATE_FORMAT", "DOC_STATUS_LABELS", "FIRST_ROW", "GUIDE_TITLE", "LAST_ROW",
           "LISTS_TITLE", "TEMPLATE_FILENAME", "build_template", "column_description", "template_bytes"]
