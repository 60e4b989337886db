"""The .xlsx template's "Hướng dẫn" sheet, and what it says about each column.

The words come from the catalogue (analysis/i18n/catalogue_template.py, keys `template.*`),
the names, lists and rules from the contract. A column's description is written twice, in
the guide's table and in the comment on the column's header (analysis/outputs/template.py),
so both come from here, as does the look the guide shares with those headers.
"""
from __future__ import annotations

import math

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import strings
from analysis.outputs.sheet_plan import (
    AREAS_OR_WARD,
    DOC_STATUS_LABELS,
    LISTS_TITLE,
    NO,
    OPTIONAL_COLOUR,
    REQUIRED_COLOUR,
    YES,
)
from analysis.workbook import contract as c

GUIDE_TITLE = c.IGNORED_TABS[0]
HEADER_FONT = Font(bold=True)
REQUIRED_FILL = PatternFill("solid", fgColor=REQUIRED_COLOUR)
OPTIONAL_FILL = PatternFill("solid", fgColor=OPTIONAL_COLOUR)
GUIDE_HEADING_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(vertical="top", wrap_text=True)
_GUIDE_WIDTHS = (24, 10, 16, 50, 60)  # column, required, kind, meaning, allowed


def ui(name: str, lang: str, **params: object) -> str:
    """A heading, label or message of the template (catalogue key template.ui.<name>)."""
    return strings.t(f"template.ui.{name}", lang, **params)


# --------------------------------------------------------------------------- what a column says


def allowed(tab: c.Tab, column: c.Column, lang: str = "vi") -> str:
    """The allowed values of a column, in plain words."""

    def say(name: str, **params: object) -> str:
        return strings.t(f"template.allowed.{name}", lang, **params)

    bounds = ""
    if column.low is not None and column.high is not None:
        bounds = say("bounds", low=f"{column.low:g}", high=f"{column.high:g}")
    elif column.low is not None:
        bounds = say("bounds_from", low=f"{column.low:g}")
    kind = column.kind
    if kind == c.VOCAB and column.vocab == "areas":
        return say("areas")
    if kind == c.VOCAB and column.vocab == AREAS_OR_WARD:
        return say("areas_or_ward", ward=c.WHOLE_WARD)
    if kind == c.VOCAB:
        return "; ".join(c.VOCABULARIES[column.vocab]) + "."
    if kind == c.DOC_STATUS:
        labels = DOC_STATUS_LABELS
        return say("doc_status", done=labels[c.DOC_DONE], in_progress=labels[c.DOC_IN_PROGRESS],
                   missing=labels[c.DOC_MISSING], na=labels[c.DOC_NA])
    if kind in (c.YESNO, c.DATE, c.YEAR, c.IDS):
        return say(kind, yes=YES, no=NO)
    if kind == c.STARS:
        return say("stars", bounds=bounds.capitalize())
    if kind == c.CODE:
        return say("codes", codes=", ".join(c.INDICATOR_CODES))
    if kind in (c.NUMBER, c.INTEGER):
        return say(f"{kind}_bounded" if bounds else kind, bounds=bounds)
    reference = f"template.ref.{tab.key}.{column.key}"  # an id column pointing at another tab
    if strings.has(reference):
        return strings.t(reference, lang)
    if column.key in tab.key_columns and tab.unique and not tab.key_value:
        return say("unique")
    return ""


def meaning(tab: c.Tab, column: c.Column, lang: str = "vi") -> str:
    """What a column holds; a document column says whether the document is required."""
    # {months}: how long a certificate lasts, in Ngày công nhận's description
    text = strings.t(f"template.col.{tab.key}.{column.key}", lang, months=c.CERTIFICATE_MONTHS)
    if column.kind == c.DOC_STATUS:
        kind = "required_document" if column.key in c.REQUIRED_DOCUMENTS else "supporting_document"
        text = f"{ui(kind, lang)}: {text}"
    return text


def column_description(tab: c.Tab, column: c.Column, lang: str = "vi") -> str:
    """One line on a column: "Bắt buộc. " when required, what it holds, what is allowed."""
    parts = [ui("required", lang) + "." if column.required else "",
             meaning(tab, column, lang), allowed(tab, column, lang)]
    return " ".join(p for p in parts if p)


def _kind_name(kind: str, lang: str) -> str:
    return strings.t(f"template.kind.{kind}", lang)


# --------------------------------------------------------------------------- the guide sheet


def _lines(text: str, width: float) -> int:
    return max(1, math.ceil(len(text) / max(width * 1.05, 1)))


def _paragraph(ws: Worksheet, row: int, text: str, font: Font | None = None, fill: PatternFill | None = None) -> int:
    last = get_column_letter(len(_GUIDE_WIDTHS))
    ws.merge_cells(f"A{row}:{last}{row}")
    cell = ws.cell(row=row, column=1, value=text)
    cell.alignment = WRAP
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    ws.row_dimensions[row].height = 15.5 * _lines(text, sum(_GUIDE_WIDTHS)) + 3
    return row + 1


def _table_row(ws: Worksheet, row: int, values: list[str], header: bool = False) -> int:
    lines = 1
    for index, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=index, value=value or None)
        cell.alignment = WRAP
        cell.border = BORDER
        if header:
            cell.font, cell.fill = HEADER_FONT, OPTIONAL_FILL
        lines = max(lines, _lines(value or "", _GUIDE_WIDTHS[index - 1]))
    ws.row_dimensions[row].height = 15.5 * lines + 3
    return row + 1


def _numbered(prefix: str, lang: str, **params: object) -> list[str]:
    """The catalogue's <prefix>.1, <prefix>.2, ... up to the first missing number."""
    texts, number = [], 1
    while strings.has(f"{prefix}.{number}"):
        texts.append(strings.t(f"{prefix}.{number}", lang, **params))
        number += 1
    return texts


def guide_title(lang: str) -> str:
    return strings.t("template.guide.title", lang)


def fill_guide(ws: Worksheet, lang: str) -> None:
    """What the workbook is for, the reading rules, then each tab's purpose and every column."""
    for index, width in enumerate(_GUIDE_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.sheet_view.showGridLines = False
    heading = Font(bold=True, size=12)
    row = _paragraph(ws, 1, guide_title(lang), Font(bold=True, size=14))
    for text in _numbered("template.guide.intro", lang, guide=GUIDE_TITLE, lists=LISTS_TITLE):
        row = _paragraph(ws, row, "• " + text)
    row = _paragraph(ws, row + 1, strings.t("template.guide.rules_heading", lang), heading, GUIDE_HEADING_FILL)
    for text in _numbered("template.guide.rule", lang, data_page=strings.t("nav.data", lang)):
        row = _paragraph(ws, row, "• " + text)
    yes, no = ui("yes", lang), ui("no", lang)
    table_header = [ui(k, lang) for k in ("col_column", "col_required", "col_kind", "col_meaning", "col_allowed")]
    for tab in c.TABS:
        title = ui("tab_heading", lang, title=tab.title) + ("" if tab.required else ui("optional_tab", lang))
        row = _paragraph(ws, row + 1, title, heading, GUIDE_HEADING_FILL)
        row = _paragraph(ws, row, strings.t(f"template.tab.{tab.key}", lang))
        if tab.key_columns and not tab.key_value:
            rule = ui("key_rule", lang, keys=", ".join(tab.column(k).header for k in tab.key_columns))
            if tab.unique:
                unique = " + ".join(tab.column(k).header for k in tab.key_columns if k != "target")
                rule += " " + ui("unique_rule", lang, keys=unique)
            row = _paragraph(ws, row, rule)
        row = _table_row(ws, row, table_header, header=True)
        for column in tab.columns:
            row = _table_row(ws, row, [
                column.header, yes if column.required else no, _kind_name(column.kind, lang),
                meaning(tab, column, lang), allowed(tab, column, lang)])
        if tab.key_value:
            row = _paragraph(ws, row, ui("items", lang))
            for item, key in c.INFO_KEYS.items():
                kind = c.YEAR if key == "plan_year" else c.TEXT
                row = _table_row(ws, row, [item, no, _kind_name(kind, lang), info_description(key, lang), ""])
        if tab.key == "targets":
            row = _paragraph(ws, row, ui("codes_heading", lang))
            for code in c.INDICATOR_CODES:
                row = _table_row(ws, row, [code, "", "", strings.t(f"indicator.{code}", lang), ""])


def info_description(key: str, lang: str) -> str:
    """What a Thông tin item holds (its comment in the tab, its line in the guide)."""
    return strings.t(f"template.info.{key}", lang)
