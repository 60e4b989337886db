"""How the report's tables look on a sheet and on paper (analysis/outputs/report.py puts them together).

- A sheet of tables: a context line (ward, read time, the sample mark), then per table its title
  line and the table: a bold filled header frozen and repeated on every printed page, borders,
  wrapped long text, real numbers (`#,##0`, `0.0%` for ratios) and real dates (`DD/MM/YYYY`).
- Column widths follow the content, measured with Times New Roman's own metrics, and are capped so
  a wide sheet is not shrunk much below 90% when fitted to the page; row heights follow the
  wrapped lines.
- Every sheet prints on A4, fitted to the page width (landscape when wide), page numbers in the footer.

Every cell goes through exports.excel_cell: a product named `=HYPERLINK(...)` in the officers'
sheet arrives as text, never as a live formula.
"""
from __future__ import annotations

import math
import unicodedata
from datetime import datetime
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import formatting, strings
from analysis.outputs.exports import excel_cell
from analysis.outputs.report_tables import COUNT, DATE, DATETIME, NUMBER, PERCENT, TEXT, YEAR, ReportTable
from analysis.workbook.dataset import Dataset

COUNT_FORMAT, DECIMAL_FORMAT, PERCENT_FORMAT = "#,##0", "#,##0.0#", "0.0%"
DATE_FORMAT, DATETIME_FORMAT, YEAR_FORMAT = "DD/MM/YYYY", "DD/MM/YYYY HH:MM", "0"

# Looks: Times New Roman on every written cell (LibreOffice renders it with the metric-compatible
# Liberation Serif; its Calibri twin, Carlito, drops the circumflex of Ệ and Ộ), the template's
# header colour, thin grey borders.
FONT = "Times New Roman"  # the font of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP)
BODY_SIZE = 12
TITLE_FONT = Font(name=FONT, bold=True, size=14)
CONTEXT_FONT = Font(name=FONT, italic=True, color="595959", size=BODY_SIZE)
SAMPLE_CONTEXT_FONT = Font(name=FONT, italic=True, bold=True, color="C00000", size=BODY_SIZE)
BODY_FONT = Font(name=FONT, size=BODY_SIZE)
HEADER_FONT = Font(name=FONT, bold=True, size=BODY_SIZE)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FONT = Font(name=FONT, bold=True, size=BODY_SIZE)
ALERT_FONT = Font(name=FONT, bold=True, size=BODY_SIZE, color="C00000")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
TEXT_ALIGNMENT = Alignment(vertical="top", wrap_text=True)
NUMBER_ALIGNMENT = Alignment(vertical="top")
CENTRE_ALIGNMENT = Alignment(horizontal="center", vertical="top")

# Column widths, in the spreadsheet's unit (the width of a digit): each column as wide as its
# content; when a sheet would be wider than PAGE_BUDGET, its text columns are capped (and wrap)
# so the page, fitted to the paper's width, is not shrunk below about 90%.
PADDING = 1.2  # a cell's inner margins, and a little room
MIN_WIDTH, MAX_WIDTH, MIN_TEXT_CAP = 5.0, 60.0, 12.0
HEADER_ONE_LINE = 16.0  # a header this wide or narrower stays on one line
PAGE_BUDGET = 160.0
LANDSCAPE_ABOVE = 92.0  # a sheet wider than this prints landscape (A4 portrait holds about 95)
LINE_HEIGHT = 15.75  # points per line of 12-point text (the spreadsheet's own row height for it)
PAPER_A4 = 9

# Advance widths of Times New Roman (and of Liberation Serif, its metric twin in LibreOffice),
# in thousandths of an em, for the characters left once diacritics are removed.
_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzđĐ0 .,:;'!()[]-/%&@_?*+=·"
_REGULAR = dict(zip(_CHARS, map(int, """
    722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 944 722 722 611
    444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444
    500 722 500 250 250 250 278 278 180 333 333 333 333 333 333 278 833 778 921 500 444 500 564 564 333""".split())))
_BOLD = dict(zip(_CHARS, map(int, """
    722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 1000 722 722 667
    500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444
    556 722 500 250 250 250 333 333 278 333 333 333 333 333 333 278 1000 833 930 500 500 500 570 570 333""".split())))
# A column's width unit is the default font's digit (Calibri 11: 7 pixels at 96 dpi).
PIXELS_PER_UNIT = 7.0


# --------------------------------------------------------------------------- text metrics


def visual(text: str, bold: bool = False, size: float = BODY_SIZE) -> float:
    """The width of one line of text, in column units."""
    table = _BOLD if bold else _REGULAR
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    ems = sum(table.get(ch, 560) for ch in bare) / 1000
    return ems * size * 96 / 72 / PIXELS_PER_UNIT


def wrapped_lines(text: str, width: float, bold: bool = False, size: float = BODY_SIZE) -> int:
    """Lines a wrapped cell of `width` takes: words laid out greedily, as the spreadsheet does."""
    room = max(width - PADDING, 1.0)
    count = 0
    for paragraph in str(text).split("\n"):
        count += 1
        used = 0.0
        for word in paragraph.split(" "):
            span = visual(word, bold, size)
            gap = visual(" ", bold, size) if used else 0.0
            if used and used + gap + span > room + 0.05:
                count += 1
                used = 0.0
                gap = 0.0
            used += gap + span
            while used > room + 0.05:  # a word longer than the line is broken
                count += 1
                used -= room
    return count


def row_height(lines: int, size: float = BODY_SIZE) -> float:
    """Points for a row of `lines` lines of `size`-point text."""
    return round(LINE_HEIGHT * size / BODY_SIZE * lines + 3, 1)


# --------------------------------------------------------------------------- column widths


def _display(value: Any, kind: str) -> str:
    """Roughly what a cell shows, to size its column."""
    if value is None:
        return ""
    if kind == PERCENT:
        return "100.0%"
    if kind in (DATE, DATETIME):
        return "00/00/0000" + (" 00:00" if kind == DATETIME else "")
    if kind in (COUNT, NUMBER, YEAR) and isinstance(value, (int, float)):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return str(value)


def _header_need(name: str, tight: bool = False) -> float:
    """A short header on one line; a long one (or any, when `tight`) over two, never
    splitting a word."""
    whole = visual(name, bold=True)
    if whole <= HEADER_ONE_LINE and not tight:
        return whole
    return min(whole, max(max(visual(word, bold=True) for word in name.split()), whole * 0.6))


def _up(width: float) -> float:
    return math.ceil(width * 10 - 1e-9) / 10


def column_widths(tables: list[ReportTable]) -> list[float]:
    """Per column of the sheet: as wide as its header and content. A sheet wider than PAGE_BUDGET
    first lets its headers wrap, then caps its text columns together (they wrap)."""
    count = max(len(t.frame.columns) for t in tables)
    content, header, tight = [0.0] * count, [0.0] * count, [0.0] * count
    shrinkable = [True] * count
    for table in tables:
        for i, (name, kind) in enumerate(zip(table.frame.columns, table.kinds)):
            header[i] = max(header[i], _header_need(str(name)))
            tight[i] = max(tight[i], _header_need(str(name), tight=True))
            for value in table.frame.iloc[:, i]:
                shown = _display(excel_cell(value), kind)
                lines = shown.split("\n")
                content[i] = max(content[i], max(visual(line, table.total_row) for line in lines))
            shrinkable[i] = shrinkable[i] and kind == TEXT

    def fit(needs: list[float]) -> list[float]:
        return [min(max(n + PADDING, MIN_WIDTH), MAX_WIDTH) for n in needs]

    natural = fit([max(h, c) for h, c in zip(header, content)])
    if sum(natural) <= PAGE_BUDGET:
        return [_up(w) for w in natural]
    natural = fit([max(h, c) for h, c in zip(tight, content)])
    if sum(natural) <= PAGE_BUDGET:
        return [_up(w) for w in natural]
    floor = [max(MIN_TEXT_CAP, t + PADDING) for t in tight]
    fixed = sum(w for w, s in zip(natural, shrinkable) if not s)
    low, high = MIN_TEXT_CAP, MAX_WIDTH  # the largest cap that fits the budget
    for _ in range(40):
        cap = (low + high) / 2
        total = fixed + sum(min(w, max(cap, f)) for w, f, s in zip(natural, floor, shrinkable) if s)
        low, high = (cap, high) if total <= PAGE_BUDGET else (low, cap)
    return [_up(min(w, max(low, f)) if s else w) for w, f, s in zip(natural, floor, shrinkable)]


# --------------------------------------------------------------------------- cells and lines


def _format(kind: str, value: Any) -> str | None:
    if kind == COUNT:
        return COUNT_FORMAT
    if kind == NUMBER:
        return COUNT_FORMAT if isinstance(value, (int, float)) and float(value).is_integer() else DECIMAL_FORMAT
    return {PERCENT: PERCENT_FORMAT, DATE: DATE_FORMAT, DATETIME: DATETIME_FORMAT, YEAR: YEAR_FORMAT}.get(kind)


def put_cell(ws: Worksheet, row: int, column: int, value: Any, kind: str = TEXT):
    """One cell: typed, neutralised, formatted by its kind."""
    value = excel_cell(value)
    if kind == DATE and isinstance(value, datetime):
        value = value.date()
    cell = ws.cell(row=row, column=column, value=value)
    cell.font = BODY_FONT
    if isinstance(value, str):
        cell.data_type = "s"  # text is never read as a formula
    fmt = _format(kind, value)
    if fmt and value is not None:
        cell.number_format = fmt
    return cell


def merged_line(ws: Worksheet, row: int, text: str, span: int, width: float, font: Font) -> int:
    """A title or context line merged across `span` columns (of total `width`); returns the next row."""
    if span > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    cell = put_cell(ws, row, 1, text)
    cell.font = font
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    size = font.sz or BODY_SIZE
    # room above the first line: stacked Vietnamese accents on capitals (Ỗ, Ế) rise above the ascent
    ws.row_dimensions[row].height = row_height(wrapped_lines(text, width, bool(font.b), size), size) + 0.6 * size
    return row + 1


# --------------------------------------------------------------------------- a sheet of tables


def _write_table(ws: Worksheet, row: int, table: ReportTable, widths: list[float], lang: str) -> tuple[int, int]:
    """The title line, the header and the rows from `row`; returns (header row, next free row)."""
    row = merged_line(ws, row, table.title, len(widths), sum(widths), TITLE_FONT)
    header_row = row
    lines = 1
    for i, name in enumerate(table.frame.columns, start=1):
        cell = put_cell(ws, row, i, name)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, HEADER_ALIGNMENT
        lines = max(lines, wrapped_lines(str(name), widths[i - 1], bold=True))
    ws.row_dimensions[row].height = row_height(lines)
    if table.frame.empty:  # the header, then one line saying so
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(table.frame.columns))
        cell = put_cell(ws, row, 1, strings.t("report.no_rows", lang))
        cell.font = CONTEXT_FONT
        for i in range(1, len(table.frame.columns) + 1):
            ws.cell(row=row, column=i).border = BORDER
        return header_row, row + 1
    last = len(table.frame) - 1
    for index, values in enumerate(table.frame.itertuples(index=False, name=None)):
        row += 1
        lines = 1
        total = table.total_row and index == last
        for i, (value, kind) in enumerate(zip(values, table.kinds), start=1):
            cell = put_cell(ws, row, i, value, kind)
            cell.border = BORDER
            cell.font = TOTAL_FONT if total else ALERT_FONT if cell.value in table.alerts else BODY_FONT
            if total:
                cell.fill = TOTAL_FILL
            if kind == TEXT:
                cell.alignment = TEXT_ALIGNMENT
                if isinstance(cell.value, str):
                    lines = max(lines, wrapped_lines(cell.value, widths[i - 1], bold=total))
            else:
                cell.alignment = CENTRE_ALIGNMENT if kind in (DATE, DATETIME) else NUMBER_ALIGNMENT
        if lines > 1:
            ws.row_dimensions[row].height = row_height(lines)
    return header_row, row + 1


def print_setup(ws: Worksheet, width: float, lang: str, title_row: int | None = None) -> None:
    """A4, fitted to the page width (any number of pages down), landscape when wide, page numbers;
    the header row repeated on every page."""
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape" if width > LANDSCAPE_ABOVE else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    ws.page_margins.header, ws.page_margins.footer = 0.3, 0.3
    ws.print_options.horizontalCentered = True
    if title_row is not None:
        ws.print_title_rows = f"{title_row}:{title_row}"
    for footer in (ws.oddFooter, ws.evenFooter):
        footer.center.text = strings.t("report.footer", lang)
        footer.left.text = "&A"  # the sheet's name
        for part in (footer.center, footer.left):
            part.font, part.size = f"{FONT},Regular", 10


def read_at(ds: Dataset) -> datetime | None:
    """When the data was read, in Vietnam time (naive, for a spreadsheet cell); None if unknown."""
    moment = ds.source.read_local()
    return moment.replace(tzinfo=None) if moment is not None else None


def _context(ds: Dataset, lang: str) -> str:
    moment = read_at(ds)
    time = moment.strftime("%d/%m/%Y %H:%M") if moment else formatting.DASH
    text = strings.t("report.context", lang, ward=ds.info.get("ward_name") or formatting.DASH, time=time)
    return text + (" · " + strings.t("report.cover.sample", lang) if ds.source.is_sample else "")


def fill_sheet(ws: Worksheet, tables: list[ReportTable], ds: Dataset, lang: str) -> None:
    """The context line, then `tables` one under another; the first header frozen and printed on every page."""
    widths = column_widths(tables)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    font = SAMPLE_CONTEXT_FONT if ds.source.is_sample else CONTEXT_FONT
    row = merged_line(ws, 1, _context(ds, lang), len(widths), sum(widths), font)
    first_header = None
    for table in tables:
        header_row, row = _write_table(ws, row + 1, table, widths, lang)
        first_header = first_header or header_row
    ws.freeze_panes = ws.cell(row=first_header + 1, column=1)
    print_setup(ws, sum(widths), lang, first_header)


__all__ = ["BODY_FONT", "BODY_SIZE", "BORDER", "FONT", "column_widths", "fill_sheet", "merged_line", "print_setup",
           "put_cell", "read_at", "row_height", "visual", "wrapped_lines"]
