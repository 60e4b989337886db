"""The report upward (Báo cáo): a year's figures as a formatted .xlsx for the office above.

Pure: no Streamlit, no I/O. The tables come from the same analyses as the pages
(only accepted rows count; the year narrows outreach, training, tasks and the
indicators as the pages do; the product list is the ward's whole pipeline, as on
the products page). Every header is from analysis/i18n/strings.py, so the report is
Vietnamese by default and English with lang="en".

`today` is the day the report is made: the pace of each target, overdue tasks and
expired certificates are judged at it, and the cover shows it.

Layout of `build_report()`:

- "Bìa" (cover, first): title, ward, office reported to, plan number, year, when the
  data was read (Vietnam time), the report date, the source line, a "DỮ LIỆU MẪU"
  mark for the bundled sample data, and the list of sheets.
- One sheet per table ("Độ bao phủ" sits under "Tuyên truyền" on its sheet): a context
  line (ward, read time, the sample mark), then the table's title line and the table: a
  bold filled header (row 4) frozen and repeated on every printed page, borders, wrapped
  long text, real numbers (`#,##0`, `0.0%` for ratios) and real dates (`DD/MM/YYYY`).
  Column widths follow the content (Times New Roman metrics), capped so a wide sheet is
  not shrunk much below 90% when fitted to the page; row heights follow the wrapped lines.
- Every sheet prints on A4, fitted to the page width (landscape when wide), with
  page numbers in the footer.

Every text cell is neutralised (analysis.outputs.exports): a product named `=HYPERLINK(...)`
in the officers' sheet arrives as text, never as a live formula.
"""
from __future__ import annotations

import io
import math
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import formatting, strings
from analysis.metrics.indicators import indicators
from analysis.metrics.outreach import coverage
from analysis.metrics.pace import with_pace
from analysis.metrics.products import product_table
from analysis.metrics.scope import Filters, all_areas, filtered_outreach
from analysis.metrics.training import tasks_status, training_in_year
from analysis.outputs.exports import _cell as safe_cell  # neutralised, XML-safe, Excel-typed
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, Dataset, RowCount

# Column kinds -> number formats. Counts are whole numbers; targets may have decimals.
TEXT, COUNT, NUMBER, PERCENT, DATE, DATETIME, YEAR = "text", "count", "number", "percent", "date", "datetime", "year"
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
LABEL_FONT = Font(name=FONT, bold=True, size=BODY_SIZE)
COVER_TITLE_FONT = Font(name=FONT, bold=True, size=16)
HEADING_FONT = Font(name=FONT, bold=True, size=13)
SAMPLE_FONT = Font(name=FONT, bold=True, size=18, color="C00000")
SAMPLE_NOTE_FONT = Font(name=FONT, bold=True, color="C00000", size=BODY_SIZE)
SAMPLE_FILL = PatternFill("solid", fgColor="FCE4D6")
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


@dataclass(frozen=True)
class ReportTable:
    key: str  # indicators, products, outreach, coverage, training, tasks, data_quality
    sheet: str  # the key of the sheet it is written on
    name: str  # its name in the report (a sheet name, or the coverage table's)
    title: str  # the line written above it
    frame: pd.DataFrame
    kinds: tuple[str, ...]  # one per column
    total_row: bool = False  # the last row is a total
    alerts: tuple[str, ...] = ()  # cell texts shown in red (behind pace, overdue)


# --------------------------------------------------------------------------- the tables


def _t(key: str, lang: str, **params: Any) -> str:
    return strings.t(key, lang, **params)


def _stars(value: Any, lang: str) -> str | None:
    if value is None or pd.isna(value):
        return None
    n = int(value)
    return _t("report.stars_one" if n == 1 else "report.stars", lang, n=n)


def _documents(keys: Any, lang: str) -> str:
    keys = tuple(keys) if isinstance(keys, (tuple, list)) else ()
    return ", ".join(_t(f"doc.{k}", lang) for k in keys) if keys else _t("products.nothing_missing", lang)


def _stage(stage: Any, lang: str) -> Any:
    code = c.STAGE_CODES.get(stage)
    return _t(f"stage.{code}", lang) if code and lang != "vi" else stage


def _pace_word(row: Any, lang: str) -> str:
    if not row.computed:
        return _t("indicator.not_computed", lang)
    if row.pace is None or (isinstance(row.pace, float) and math.isnan(row.pace)):
        return _t("indicator.no_target", lang)
    return _t(f"pace.{row.pace}", lang)


def _indicators_table(ds: Dataset, year: int, today: date, lang: str) -> ReportTable:
    table = with_pace(indicators(ds, Filters(year), lang), year, today)
    frame = pd.DataFrame({
        _t("report.col.code", lang): table["code"],
        _t("report.col.indicator", lang): table["label"],
        _t("report.col.unit", lang): table["unit"],
        _t("report.col.target", lang): table["target"].astype(float),
        _t("report.col.actual", lang): table["actual"].astype(float),
        _t("report.col.percent", lang): table["percent"].astype(float),
        _t("col.pace", lang): [_pace_word(row, lang) for row in table.itertuples()],
    })
    return ReportTable("indicators", "indicators", _t("report.sheet.indicators", lang),
                       _t("report.title.indicators", lang, year=year), frame,
                       (TEXT, TEXT, TEXT, NUMBER, NUMBER, PERCENT, TEXT), alerts=(_t("pace.behind", lang),))


def _products_table(ds: Dataset, year: int, today: date, lang: str) -> ReportTable:
    table = product_table(ds, Filters(year), today)
    frame = pd.DataFrame({
        _t("report.col.product_id", lang): table["product_id"],
        _t("report.col.product", lang): table["name"],
        _t("col.producer", lang): table["producer_name"],
        _t("col.group", lang): table["group"],
        _t("col.khom", lang): table["area"],
        _t("col.stage", lang): [_stage(s, lang) for s in table["stage"]],
        _t("col.gate", lang): table["gate"],
        _t("col.depth", lang): table["depth"],
        _t("col.missing", lang): [_documents(v, lang) for v in table["missing_required"]],
        _t("col.projected_stars", lang): [_stars(v, lang) for v in table["projected_stars"]],
        _t("col.stars", lang): [_stars(v, lang) for v in table["stars"]],
        _t("report.col.certified", lang): table["certified_on"],
        _t("col.expires", lang): table["expires_on"],
    })
    return ReportTable("products", "products", _t("report.sheet.products", lang),
                       _t("report.title.products", lang, day=formatting.day(today)), frame,
                       (TEXT,) * 6 + (PERCENT, PERCENT, TEXT, TEXT, TEXT, DATE, DATE))


def _outreach_table(ds: Dataset, year: int, lang: str) -> ReportTable:
    """Activities per khóm (Khóm tab order, then Toàn phường, then rows with no khóm) and channel."""
    rows = filtered_outreach(ds, Filters(year))
    areas = all_areas(ds)
    whole = _t("fig.whole_ward", lang)
    no_area = _t("report.row.no_area", lang)
    row_of = rows["area"].map(lambda a: a if a in areas else whole if a == c.WHOLE_WARD else no_area)
    order = list(areas) + [label for label in (whole, no_area) if (row_of == label).any()]
    other = _t("report.col.other_channel", lang)
    channel = rows["channel"].where(rows["channel"].isin(c.CHANNELS), other)
    channels = list(c.CHANNELS) + ([other] if (channel == other).any() else [])
    counts = pd.crosstab(row_of, channel).reindex(index=order, columns=channels, fill_value=0)
    counts = counts.fillna(0).astype(int)
    label = _t("col.khom", lang)
    frame = pd.DataFrame({label: order})
    for name in channels:
        frame[name] = counts[name].to_numpy()
    frame[_t("report.col.activities_total", lang)] = counts.sum(axis=1).to_numpy()
    people = rows["attendees"].fillna(0).groupby(row_of).sum()
    frame[_t("report.col.people", lang)] = people.reindex(order, fill_value=0).astype(int).to_numpy()
    total = {label: _t("report.row.total", lang)} | {name: int(frame[name].sum()) for name in frame.columns[1:]}
    frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    return ReportTable("outreach", "outreach", _t("report.sheet.outreach", lang),
                       _t("report.title.outreach", lang, year=year), frame,
                       (TEXT,) + (COUNT,) * (len(frame.columns) - 1), total_row=True)


def _coverage_table(ds: Dataset, year: int, lang: str) -> ReportTable:
    reach = coverage(ds, Filters(year))
    frame = pd.DataFrame({
        _t("report.col.measure", lang): [_t("outreach.khom_reached", lang), _t("outreach.producers_reached", lang)],
        _t("report.col.reached", lang): [reach["areas_reached"], reach["producers_reached"]],
        _t("report.col.total", lang): [reach["areas_total"], reach["producers_total"]],
        _t("report.col.share", lang): pd.array([reach["area_share"], reach["producer_share"]], dtype="Float64"),
    })
    return ReportTable("coverage", "outreach", _t("report.sheet.coverage", lang),
                       _t("report.title.coverage", lang, year=year), frame, (TEXT, COUNT, COUNT, PERCENT))


def _training_table(ds: Dataset, year: int, lang: str) -> ReportTable:
    rows = training_in_year(ds, year).sort_values(["held_on", ROW], kind="stable")
    frame = pd.DataFrame({
        _t("report.col.date", lang): rows["held_on"],
        _t("report.col.course", lang): rows["course"],
        _t("report.col.organiser", lang): rows["organiser"],
        _t("report.col.attendee", lang): rows["attendee"],
        _t("report.col.role", lang): rows["role"],
        _t("report.col.work_unit", lang): rows["unit"],
    }).reset_index(drop=True)
    return ReportTable("training", "training", _t("report.sheet.training", lang),
                       _t("report.title.training", lang, year=year), frame, (DATE,) + (TEXT,) * 5)


def _tasks_table(ds: Dataset, year: int, today: date, lang: str) -> ReportTable:
    tasks = tasks_status(ds, year, today)
    frame = pd.DataFrame({
        _t("report.col.task_unit", lang): tasks["unit"],
        _t("col.task", lang): tasks["task"],
        _t("col.due", lang): tasks["due_on"],
        _t("col.status", lang): tasks["status"],
        _t("col.overdue", lang): [_t("tasks.overdue", lang) if v else None for v in tasks["overdue"]],
    })
    return ReportTable("tasks", "tasks", _t("report.sheet.tasks", lang),
                       _t("report.title.tasks", lang, year=year, day=formatting.day(today)), frame,
                       (TEXT, TEXT, DATE, TEXT, TEXT), alerts=(_t("tasks.overdue", lang),))


def _data_quality_table(ds: Dataset, lang: str) -> ReportTable:
    """Rows read/accepted/rejected and issues by severity, per contract tab (then any other tab named by an issue)."""
    issues = ds.issues
    severities = (ERROR, WARNING, NOTICE)
    records, placed = [], set()
    for tab in c.TABS:
        found = ds.found_tabs.get(tab.key)
        names = {tab.title, found} - {None}
        mine = issues[issues["tab"].isin(names)]
        placed |= names
        counts = ds.accounting.get(tab.key, RowCount())
        records.append([found or f"{tab.title} {_t('data.tab_not_found', lang)}",
                        counts.read, counts.accepted, counts.rejected,
                        *[int((mine["severity"] == s).sum()) for s in severities]])
    for name in sorted(set(issues["tab"].dropna()) - placed):  # tabs outside the contract
        mine = issues[issues["tab"] == name]
        records.append([name, None, None, None, *[int((mine["severity"] == s).sum()) for s in severities]])
    headers = [_t("col.tab", lang), _t("col.read", lang), _t("col.accepted", lang), _t("col.rejected", lang),
               _t("report.col.errors", lang), _t("report.col.warnings", lang), _t("report.col.notices", lang)]
    frame = pd.DataFrame(records, columns=headers)
    for name in headers[1:]:
        frame[name] = frame[name].astype("Int64")
    total = {headers[0]: _t("report.row.total", lang)} | {name: int(frame[name].sum()) for name in headers[1:]}
    frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    for name in headers[1:]:
        frame[name] = frame[name].astype("Int64")
    return ReportTable("data_quality", "data_quality", _t("report.sheet.data_quality", lang),
                       _t("report.title.data_quality", lang), frame, (TEXT,) + (COUNT,) * 6, total_row=True)


def _tables(ds: Dataset, year: int, today: date, lang: str) -> list[ReportTable]:
    return [
        _indicators_table(ds, year, today, lang),
        _products_table(ds, year, today, lang),
        _outreach_table(ds, year, lang),
        _coverage_table(ds, year, lang),
        _training_table(ds, year, lang),
        _tasks_table(ds, year, today, lang),
        _data_quality_table(ds, lang),
    ]


def report_tables(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG) -> dict[str, pd.DataFrame]:
    """The report's tables in order, by name: Chỉ tiêu, Sản phẩm, Tuyên truyền, Độ bao phủ, Tập huấn,
    Nhiệm vụ, Chất lượng dữ liệu (Indicators, Products, ... with lang="en"); headers in `lang`."""
    return {table.name: table.frame for table in _tables(ds, year, today, lang)}


# --------------------------------------------------------------------------- the workbook


def read_at(ds: Dataset) -> datetime | None:
    """When the data was read, in Vietnam time (naive, for a spreadsheet cell); None if unknown."""
    moment = ds.source.read_local()
    return moment.replace(tzinfo=None) if moment is not None else None


def _read_at_text(ds: Dataset) -> str:
    moment = read_at(ds)
    return moment.strftime("%d/%m/%Y %H:%M") if moment else formatting.DASH


def _source_text(ds: Dataset, lang: str) -> str:
    source = ds.source
    if source.is_sample:
        return _t("source.demo", lang)
    if source.kind == "gsheet":
        return _t("source.gsheet", lang, title=source.title or source.location)
    return _t("source.xlsx", lang, location=source.title or source.location)


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


def visual(text: str, bold: bool = False, size: float = BODY_SIZE) -> float:
    """The width of one line of text, in column units."""
    table = _BOLD if bold else _REGULAR
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    ems = sum(table.get(ch, 560) for ch in bare) / 1000
    return ems * size * 96 / 72 / PIXELS_PER_UNIT


def _lines(text: str, width: float, bold: bool = False, size: float = BODY_SIZE) -> int:
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


def _header_need(name: str, tight: bool = False) -> float:
    """A short header on one line; a long one (or any, when `tight`) over two, never
    splitting a word."""
    whole = visual(name, bold=True)
    if whole <= HEADER_ONE_LINE and not tight:
        return whole
    return min(whole, max(max(visual(word, bold=True) for word in name.split()), whole * 0.6))


def _up(width: float) -> float:
    return math.ceil(width * 10 - 1e-9) / 10


def _widths(tables: list[ReportTable]) -> list[float]:
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
                shown = _display(safe_cell(value), kind)
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


def _height(lines: int, size: float = BODY_SIZE) -> float:
    return round(LINE_HEIGHT * size / BODY_SIZE * lines + 3, 1)


def _format(kind: str, value: Any) -> str | None:
    if kind == COUNT:
        return COUNT_FORMAT
    if kind == NUMBER:
        return COUNT_FORMAT if isinstance(value, (int, float)) and float(value).is_integer() else DECIMAL_FORMAT
    return {PERCENT: PERCENT_FORMAT, DATE: DATE_FORMAT, DATETIME: DATETIME_FORMAT, YEAR: YEAR_FORMAT}.get(kind)


def _put(ws: Worksheet, row: int, column: int, value: Any, kind: str = TEXT):
    """One cell: typed, neutralised, formatted by its kind."""
    value = safe_cell(value)
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


def _line(ws: Worksheet, row: int, text: str, span: int, width: float, font: Font) -> int:
    """A title or context line merged across `span` columns (of total `width`); returns the next row."""
    if span > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    cell = _put(ws, row, 1, text)
    cell.font = font
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    size = font.sz or BODY_SIZE
    # room above the first line: stacked Vietnamese accents on capitals (Ỗ, Ế) rise above the ascent
    ws.row_dimensions[row].height = _height(_lines(text, width, bool(font.b), size), size) + 0.6 * size
    return row + 1


def _write_table(ws: Worksheet, row: int, table: ReportTable, widths: list[float], lang: str) -> tuple[int, int]:
    """The title line, the header and the rows from `row`; returns (header row, next free row)."""
    row = _line(ws, row, table.title, len(widths), sum(widths), TITLE_FONT)
    header_row = row
    lines = 1
    for i, name in enumerate(table.frame.columns, start=1):
        cell = _put(ws, row, i, name)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BORDER, HEADER_ALIGNMENT
        lines = max(lines, _lines(str(name), widths[i - 1], bold=True))
    ws.row_dimensions[row].height = _height(lines)
    if table.frame.empty:  # the header, then one line saying so
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(table.frame.columns))
        cell = _put(ws, row, 1, _t("report.no_rows", lang))
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
            cell = _put(ws, row, i, value, kind)
            cell.border = BORDER
            cell.font = TOTAL_FONT if total else ALERT_FONT if cell.value in table.alerts else BODY_FONT
            if total:
                cell.fill = TOTAL_FILL
            if kind == TEXT:
                cell.alignment = TEXT_ALIGNMENT
                if isinstance(cell.value, str):
                    lines = max(lines, _lines(cell.value, widths[i - 1], bold=total))
            else:
                cell.alignment = CENTRE_ALIGNMENT if kind in (DATE, DATETIME) else NUMBER_ALIGNMENT
        if lines > 1:
            ws.row_dimensions[row].height = _height(lines)
    return header_row, row + 1


def _print_setup(ws: Worksheet, width: float, lang: str, title_row: int | None = None) -> None:
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
        footer.center.text = _t("report.footer", lang)
        footer.left.text = "&A"  # the sheet's name
        for part in (footer.center, footer.left):
            part.font, part.size = f"{FONT},Regular", 10


def _context(ds: Dataset, lang: str) -> str:
    text = _t("report.context", lang, ward=ds.info.get("ward_name") or formatting.DASH, time=_read_at_text(ds))
    return text + (" · " + _t("report.cover.sample", lang) if ds.source.is_sample else "")


def _fill_sheet(ws: Worksheet, tables: list[ReportTable], ds: Dataset, lang: str) -> None:
    widths = _widths(tables)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    font = SAMPLE_CONTEXT_FONT if ds.source.is_sample else CONTEXT_FONT
    row = _line(ws, 1, _context(ds, lang), len(widths), sum(widths), font)
    first_header = None
    for table in tables:
        header_row, row = _write_table(ws, row + 1, table, widths, lang)
        first_header = first_header or header_row
    ws.freeze_panes = ws.cell(row=first_header + 1, column=1)
    _print_setup(ws, sum(widths), lang, first_header)


COVER_WIDTHS = (24.0, 66.0)


def _cover_row(ws: Worksheet, row: int, label: str, value: Any, kind: str, font: Font = LABEL_FONT) -> int:
    """A label in A and its value in B, bordered, wrapped; returns the next row."""
    left = _put(ws, row, 1, label)
    left.font, left.border = font, BORDER
    left.alignment = Alignment(vertical="top", wrap_text=True)
    blank = value is None or (isinstance(value, str) and not value.strip())
    right = _put(ws, row, 2, formatting.DASH if blank else value, TEXT if blank else kind)
    right.font, right.border = BODY_FONT, BORDER
    right.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    lines = max(_lines(label, COVER_WIDTHS[0], bold=True),
                _lines(right.value, COVER_WIDTHS[1]) if isinstance(right.value, str) else 1)
    ws.row_dimensions[row].height = _height(lines) + 2
    return row + 1


def _fill_cover(ws: Worksheet, ds: Dataset, year: int, today: date, lang: str,
                sheets: list[tuple[str, list[ReportTable]]]) -> None:
    for i, width in enumerate(COVER_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.sheet_view.showGridLines = False
    full = sum(COVER_WIDTHS)
    row = _line(ws, 1, _t("report.cover.title", lang, year=year), 2, full, COVER_TITLE_FONT) + 1
    if ds.source.is_sample:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = _put(ws, row, 1, _t("report.cover.sample", lang))
        cell.font, cell.fill = SAMPLE_FONT, SAMPLE_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[row].height = 32
        row = _line(ws, row + 1, _t("source.sample_banner", lang), 2, full, SAMPLE_NOTE_FONT) + 1
    source = _t("report.cover.source_line", lang, source=_source_text(ds, lang),
                quality=_t("report.sheet.data_quality", lang))
    for key, value, kind in (
        ("report.cover.ward", ds.info.get("ward_name"), TEXT),
        ("report.cover.report_to", ds.info.get("report_to"), TEXT),
        ("report.cover.plan_number", ds.info.get("plan_number"), TEXT),
        ("report.cover.year", year, YEAR),
        ("report.cover.read_at", read_at(ds), DATETIME),
        ("report.cover.made_on", today, DATE),
        ("report.cover.source", source, TEXT),
    ):
        row = _cover_row(ws, row, _t(key, lang), value, kind)
    heading = _put(ws, row + 1, 1, _t("report.cover.contents", lang))
    heading.font = HEADING_FONT
    ws.row_dimensions[row + 1].height = _height(1, 12) + 6
    row += 2
    for name, tables in sheets:
        row = _cover_row(ws, row, name, "; ".join(table.title for table in tables), TEXT)
    _print_setup(ws, full, lang)


def build_report(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG) -> Workbook:
    """The report as a workbook: the cover, then one sheet per table (coverage under outreach)."""
    tables = _tables(ds, year, today, lang)
    sheets: list[tuple[str, list[ReportTable]]] = []
    for table in tables:
        if sheets and sheets[-1][1][0].sheet == table.sheet:
            sheets[-1][1].append(table)
        else:
            sheets.append((_t(f"report.sheet.{table.sheet}", lang), [table]))
    wb = Workbook()
    cover = wb.active
    cover.title = _t("report.sheet.cover", lang)
    _fill_cover(cover, ds, year, today, lang, sheets)
    for name, group in sheets:
        _fill_sheet(wb.create_sheet(name), group, ds, lang)
    wb.active = 0
    wb.properties.title = _t("report.cover.title", lang, year=year)
    wb.properties.creator = str(ds.info.get("ward_name") or "OCOP")
    return wb


def report_bytes(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG) -> bytes:
    """build_report() saved as .xlsx bytes (for a download button or a file)."""
    buffer = io.BytesIO()
    build_report(ds, year, today, lang).save(buffer)
    return buffer.getvalue()


__all__ = ["ReportTable", "build_report", "read_at", "report_bytes", "report_tables"]
