"""The report's tables (analysis/outputs/report.py writes them): what the office above reads, as frames.

Pure pandas, no layout. The tables come from the same analyses as the pages (only accepted rows
count; the year narrows outreach, training, tasks and the indicators as the pages do; the product
list is the ward's whole pipeline, as on the products page). Every header is from
analysis/i18n/strings.py, so the tables are Vietnamese by default and English with lang="en".
`today` is the day the report is made: the pace of each target, overdue tasks and expired
certificates are judged at it.

Each table carries the kind of each column (TEXT, COUNT, ...), which report_layout.py turns into
number formats and widths.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from analysis.i18n import formatting, strings
from analysis.metrics.indicators import indicators
from analysis.metrics.outreach import coverage
from analysis.metrics.pace import with_pace
from analysis.metrics.products import product_table
from analysis.metrics.scope import Filters, all_areas, filtered_outreach
from analysis.metrics.training import tasks_status, training_in_year
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, Dataset, RowCount
from analysis.workbook.values import is_missing

# Column kinds: each becomes a number format and an alignment in the workbook.
# Counts are whole numbers; targets may have decimals.
TEXT, COUNT, NUMBER, PERCENT, DATE, DATETIME, YEAR = "text", "count", "number", "percent", "date", "datetime", "year"


@dataclass(frozen=True)
class ReportTable:
    """One table of the report, with what the layout needs to write it."""

    key: str  # indicators, products, outreach, coverage, training, tasks, data_quality
    sheet: str  # the key of the sheet it is written on
    name: str  # its name in the report (a sheet name, or the coverage table's)
    title: str  # the line written above it
    frame: pd.DataFrame
    kinds: tuple[str, ...]  # one per column
    total_row: bool = False  # the last row is a total
    alerts: tuple[str, ...] = ()  # cell texts shown in red (behind pace, overdue)


def _t(key: str, lang: str, **params: Any) -> str:
    return strings.t(key, lang, **params)


def _stars(value: Any, lang: str) -> str | None:
    if is_missing(value):
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
    if is_missing(row.pace):
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


def build_tables(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG) -> list[ReportTable]:
    """The seven tables in report order (coverage sits on the outreach sheet)."""
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
    return {table.name: table.frame for table in build_tables(ds, year, today, lang)}


__all__ = ["COUNT", "DATE", "DATETIME", "NUMBER", "PERCENT", "TEXT", "YEAR", "ReportTable", "build_tables",
           "report_tables"]
