"""How the province report's sheets look (analysis/outputs/province_report.py fills them with figures).

- The units sheet: one row per unit and a last "Toàn tỉnh" row, three columns per indicator (target,
  actual, percent) under the indicator's name; a two-row header frozen with the unit's code and name,
  repeated on every printed page.
- A plain sheet: one table (units behind, units not up to date), as the unit report writes its tables.

Same looks and mechanisms as the unit report (report_layout.py): Times New Roman, the header fill,
thin borders, `#,##0` / `0.0%` / `DD/MM/YYYY` formats, A4 fitted to the width, and every cell
through put_cell, hence exports.excel_cell: a unit named `=HYPERLINK(...)` stays text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.outputs.report_layout import (
    ALERT_FONT,
    BODY_FONT,
    BODY_SIZE,
    BORDER,
    CENTRE_ALIGNMENT,
    CONTEXT_FONT,
    FONT,
    HEADER_ALIGNMENT,
    HEADER_FILL,
    HEADER_FONT,
    MAX_WIDTH,
    MIN_WIDTH,
    NUMBER_ALIGNMENT,
    PADDING,
    PERCENT_FORMAT,
    TEXT_ALIGNMENT,
    TITLE_FONT,
    TOTAL_FILL,
    TOTAL_FONT,
    column_widths,
    merged_line,
    print_setup,
    put_cell,
    row_height,
    visual,
    wrapped_lines,
)
from analysis.outputs.report_tables import DATE, DATETIME, NUMBER, PERCENT, TEXT, ReportTable

OK, STALE, UNREADABLE, TOTAL = "ok", "stale", "unreadable", "total"  # a row of the units sheet
BEHIND_FILL = PatternFill("solid", fgColor="FCE4D6")
STATUS_FILLS = {STALE: PatternFill("solid", fgColor="FFF2CC"), UNREADABLE: PatternFill("solid", fgColor="EDEDED")}
STATUS_FONT = Font(name=FONT, bold=True, size=BODY_SIZE)  # the status word stands out without its fill too


@dataclass(frozen=True)
class Figure:
    """One indicator of one unit (or of the province): what the three cells show."""

    target: Any = None
    actual: Any = None
    percent: Any = None
    behind: bool = False  # behind the year's pace: the percent cell is filled and says so


@dataclass(frozen=True)
class MatrixRow:
    fixed: tuple  # one value per unit column
    figures: tuple[Figure, ...]  # one per indicator (empty figures for a unit that counts nowhere)
    status: str  # OK, STALE, UNREADABLE or TOTAL


@dataclass(frozen=True)
class UnitMatrix:
    title: str
    fixed: tuple[str, ...]  # headers of the unit columns (code, name, kind, status, read on)
    fixed_kinds: tuple[str, ...]
    status_column: int  # which unit column holds the status word (0-based), filled for stale/unreadable
    indicators: tuple[str, ...]  # the indicators' names, one group of three columns each
    parts: tuple[str, str, str]  # target, actual, percent
    rows: tuple[MatrixRow, ...]
    behind_word: str  # written after a behind percent, by the number format (the cell stays a number)


def behind_format(word: str) -> str:
    """`0.0%" chậm"`: the percent, then the word; the cell keeps its number."""
    return f'{PERCENT_FORMAT}" {word.replace(chr(34), "")}"'


def _shown(value: Any, kind: str, word: str = "") -> str:
    """Roughly what a cell shows, to size its column."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if kind == PERCENT:
        return f"{float(value) * 100:,.1f}%" + (f" {word}" if word else "")
    if kind in (DATE, DATETIME) or isinstance(value, (date, datetime)):
        return "00/00/0000"
    if isinstance(value, (int, float)):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return str(value)


def _header_need(name: str) -> float:
    """A header over at most two lines, never splitting a word."""
    return max(max(visual(word, bold=True) for word in name.split() or [""]), visual(name, bold=True) * 0.55)


def _fit(need: float) -> float:
    return round(min(max(need + PADDING, MIN_WIDTH), MAX_WIDTH) + 0.05, 1)


def matrix_widths(m: UnitMatrix) -> list[float]:
    """Each column as wide as its longest content and its header over two lines; names on one line."""
    widths = []
    for i, (name, kind) in enumerate(zip(m.fixed, m.fixed_kinds)):
        content = [visual(_shown(row.fixed[i], kind), bold=row.status == TOTAL) for row in m.rows]
        widths.append(_fit(max([_header_need(name)] + content)))
    for n in range(len(m.indicators)):
        figures = [(row.figures[n], row.status == TOTAL) for row in m.rows]
        for part, field in zip(m.parts, ("target", "actual", "percent")):
            kind = PERCENT if field == "percent" else NUMBER
            content = [visual(_shown(getattr(f, field), kind, m.behind_word if f.behind else ""), bold)
                       for f, bold in figures]
            widths.append(_fit(max([_header_need(part)] + content)))
    return widths


def _header_cell(ws: Worksheet, row: int, column: int, text: str | None) -> None:
    cell = put_cell(ws, row, column, text)
    cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, HEADER_ALIGNMENT


def _write_header(ws: Worksheet, top: int, m: UnitMatrix, widths: list[float]) -> None:
    """Unit columns over two rows; each indicator's name over its three columns, then the three parts."""
    fixed = len(m.fixed)
    for i, name in enumerate(m.fixed, start=1):
        _header_cell(ws, top, i, name)
        _header_cell(ws, top + 1, i, None)
        ws.merge_cells(start_row=top, start_column=i, end_row=top + 1, end_column=i)
    group_lines = max([wrapped_lines(n, w, bold=True) - 1 for n, w in zip(m.fixed, widths)] + [1])
    for n, label in enumerate(m.indicators):
        first = fixed + 3 * n + 1
        _header_cell(ws, top, first, label)
        for k, part in enumerate(m.parts):
            if k:
                _header_cell(ws, top, first + k, None)
            _header_cell(ws, top + 1, first + k, part)
        ws.merge_cells(start_row=top, start_column=first, end_row=top, end_column=first + 2)
        group_lines = max(group_lines, wrapped_lines(label, sum(widths[first - 1:first + 2]), bold=True))
    part_lines = max(wrapped_lines(p, widths[fixed + k], bold=True) for k, p in enumerate(m.parts))
    ws.row_dimensions[top].height = row_height(group_lines)
    ws.row_dimensions[top + 1].height = row_height(part_lines)


def _write_row(ws: Worksheet, row: int, line: MatrixRow, m: UnitMatrix, widths: list[float]) -> None:
    total = line.status == TOTAL
    lines = 1
    for i, (value, kind) in enumerate(zip(line.fixed, m.fixed_kinds), start=1):
        cell = put_cell(ws, row, i, value, kind)
        cell.border = BORDER
        cell.font = TOTAL_FONT if total else BODY_FONT
        cell.alignment = TEXT_ALIGNMENT if kind == TEXT else CENTRE_ALIGNMENT
        if isinstance(cell.value, str):
            lines = max(lines, wrapped_lines(cell.value, widths[i - 1], bold=total))
        if total:
            cell.fill = TOTAL_FILL
        elif i - 1 == m.status_column and line.status in STATUS_FILLS:
            cell.fill, cell.font = STATUS_FILLS[line.status], STATUS_FONT
    column = len(m.fixed)
    for figure in line.figures:
        for value, kind in ((figure.target, NUMBER), (figure.actual, NUMBER), (figure.percent, PERCENT)):
            column += 1
            cell = put_cell(ws, row, column, value, kind)
            cell.border, cell.alignment = BORDER, NUMBER_ALIGNMENT
            cell.font = TOTAL_FONT if total else BODY_FONT
            if total:
                cell.fill = TOTAL_FILL
            if kind == PERCENT and figure.behind and cell.value is not None:
                cell.number_format = behind_format(m.behind_word)
                cell.fill, cell.font = BEHIND_FILL, ALERT_FONT
    if lines > 1:
        ws.row_dimensions[row].height = row_height(lines)


def _columns(ws: Worksheet, widths: list[float]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def fill_matrix_sheet(ws: Worksheet, m: UnitMatrix, context: str, legend: str, lang: str) -> None:
    """Context and legend lines, the title, the two-row header (frozen with code and name), the rows."""
    widths = matrix_widths(m)
    _columns(ws, widths)
    # the context lines span the first page's width only: merged over every column they would print tiny
    span = next((i for i in range(1, len(widths) + 1) if sum(widths[:i]) >= 90), len(widths))
    row = merged_line(ws, 1, context, span, sum(widths[:span]), CONTEXT_FONT)
    row = merged_line(ws, row, legend, span, sum(widths[:span]), CONTEXT_FONT)
    row = merged_line(ws, row + 1, m.title, span, sum(widths[:span]), TITLE_FONT)
    header = row
    _write_header(ws, header, m, widths)
    for offset, line in enumerate(m.rows, start=2):
        _write_row(ws, header + offset, line, m, widths)
    ws.freeze_panes = ws.cell(row=header + 2, column=3)
    print_setup(ws, sum(widths), lang)
    ws.print_title_rows = f"{header}:{header + 1}"


def fill_table_sheet(ws: Worksheet, table: ReportTable, context: str, empty_text: str, lang: str) -> None:
    """A context line, the table's title, its header (frozen, printed on every page) and rows; one line
    saying so when it has none."""
    widths = column_widths([table])
    _columns(ws, widths)
    row = merged_line(ws, 1, context, len(widths), sum(widths), CONTEXT_FONT)
    row = merged_line(ws, row + 1, table.title, len(widths), sum(widths), TITLE_FONT)
    header = row
    lines = 1
    for i, name in enumerate(table.frame.columns, start=1):
        _header_cell(ws, header, i, name)
        lines = max(lines, wrapped_lines(str(name), widths[i - 1], bold=True))
    ws.row_dimensions[header].height = row_height(lines)
    if table.frame.empty:
        ws.merge_cells(start_row=header + 1, start_column=1, end_row=header + 1, end_column=len(widths))
        put_cell(ws, header + 1, 1, empty_text).font = CONTEXT_FONT
        for i in range(1, len(widths) + 1):
            ws.cell(row=header + 1, column=i).border = BORDER
    for offset, values in enumerate(table.frame.itertuples(index=False, name=None), start=1):
        lines = 1
        for i, (value, kind) in enumerate(zip(values, table.kinds), start=1):
            cell = put_cell(ws, header + offset, i, value, kind)
            cell.border = BORDER
            cell.font = STATUS_FONT if cell.value in table.alerts else BODY_FONT
            cell.alignment = TEXT_ALIGNMENT if kind == TEXT else (
                CENTRE_ALIGNMENT if kind in (DATE, DATETIME) else NUMBER_ALIGNMENT)
            if isinstance(cell.value, str):
                lines = max(lines, wrapped_lines(cell.value, widths[i - 1]))
        if lines > 1:
            ws.row_dimensions[header + offset].height = row_height(lines)
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    print_setup(ws, sum(widths), lang, header)


__all__ = ["OK", "STALE", "TOTAL", "UNREADABLE", "Figure", "MatrixRow", "UnitMatrix", "behind_format",
           "fill_matrix_sheet", "fill_table_sheet", "matrix_widths"]
