"""The province report (Báo cáo toàn tỉnh): one row per unit and the province's totals, as a formatted .xlsx
for the provincial OCOP council and the department that runs the programme.

Pure: plain frames in (the store's `units` and `indicators`, as ProvinceData holds them), bytes out;
no Streamlit, no I/O. Every figure comes from analysis/metrics/province.py, so the workbook and the
province pages cannot disagree: the "Toàn tỉnh" row is province_totals() itself, each unit's pace is
unit_indicators()', the lists are behind_units() and not_current(). A stale unit counts with its last
good data and is flagged; an unreadable unit's cells stay empty and it counts nowhere.

Sheets: the cover ("Bìa"), "Chỉ tiêu theo đơn vị", "Đơn vị chậm tiến độ", "Đơn vị chưa cập nhật";
their looks are in province_report_sheets.py, the unit report's layout (report_layout.py) underneath.
"""
from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import formatting, strings
from analysis.metrics import province as pm
from analysis.metrics.pace import BEHIND
from analysis.outputs.province_report_sheets import (
    TOTAL,
    Figure,
    MatrixRow,
    UnitMatrix,
    fill_matrix_sheet,
    fill_table_sheet,
)
from analysis.outputs.report_cover import COVER_TITLE_FONT, COVER_WIDTHS, HEADING_FONT, cover_row
from analysis.outputs.report_layout import (
    merged_line,
    print_setup,
    put_cell,
    row_height,
)
from analysis.outputs.report_tables import COUNT, DATE, DATETIME, TEXT, YEAR, ReportTable
from analysis.workbook import clock
from analysis.workbook.values import is_missing


def _t(key: str, lang: str, **params: Any) -> str:
    return strings.t(key, lang, **params)


def _local(moment: Any) -> datetime | None:
    """A stored UTC time as Vietnam time without a zone (a spreadsheet cell has none)."""
    if is_missing(moment):
        return None
    return clock.local(pd.Timestamp(moment).to_pydatetime()).replace(tzinfo=None)


def _status(status: str, lang: str) -> str:
    key = f"province_report.status.{status}"
    return _t(key, lang) if strings.has(key) else str(status)


def reason_text(code: Any, params: Any, lang: str) -> str | None:
    """Why a unit could not be read, in words: the unit's own wording (analysis/metrics/province.py)."""
    return pm.unit_reason(None if is_missing(code) else code, params, lang)


def _read_span(units: pd.DataFrame) -> tuple[datetime | None, datetime | None]:
    """The oldest and newest read among units with data (stale units by their last good read)."""
    moments = [m for m in (_local(v) for v in pm.with_data(units)["read_at"]) if m is not None]
    return (min(moments), max(moments)) if moments else (None, None)


def _context(units: pd.DataFrame, year: int, lang: str) -> str:
    oldest, newest = _read_span(units)
    shown = [m.strftime("%d/%m/%Y %H:%M") if m else formatting.DASH for m in (oldest, newest)]
    return _t("province_report.context", lang, title=_t("province.title", lang), year=year,
              oldest=shown[0], newest=shown[1])


# --------------------------------------------------------------------------- the units sheet


def _figure(row: Any) -> Figure:
    return Figure(row.target, row.actual, row.percent, row.pace == BEHIND)


def unit_matrix(units: pd.DataFrame, indicators: pd.DataFrame, year: int, lang: str) -> UnitMatrix:
    """Units in registry order × indicators in contract order, then the province's row (province_totals)."""
    totals = pm.province_totals(indicators, units, year, lang)
    figure = {(r.unit_code, r.code): _figure(r) for r in pm.unit_indicators(indicators, units, year).itertuples()}
    codes = list(totals["code"])
    rows = []
    for unit in units.sort_values("position", kind="stable").itertuples():
        # unit_indicators() leaves out unreadable units (they count nowhere): their cells stay empty
        figures = tuple(figure.get((unit.code, code), Figure()) for code in codes)
        rows.append(MatrixRow((unit.code, unit.name, unit.kind, _status(unit.status, lang),
                               pm.read_day(unit.read_at)), figures, unit.status))
    total = tuple(_figure(row) for row in totals.itertuples())
    rows.append(MatrixRow((None, _t("province_report.row.province", lang), None, None, None), total, TOTAL))
    fixed = tuple(_t(f"province_report.col.{k}", lang) for k in ("unit_code", "unit_name", "kind", "status", "read_on"))
    parts = (_t("report.col.target", lang), _t("report.col.actual", lang), _t("report.col.percent", lang))
    return UnitMatrix(_t("province_report.title.units", lang, year=year), fixed, (TEXT, TEXT, TEXT, TEXT, DATE), 3,
                      tuple(totals["label"]), parts, tuple(rows), _t("province_report.behind_mark", lang))


# --------------------------------------------------------------------------- the lists


def behind_table(units: pd.DataFrame, indicators: pd.DataFrame, year: int, lang: str) -> ReportTable:
    """behind_units(): the units behind pace on some indicator, which ones and how far they got."""
    long = pm.unit_indicators(indicators, units, year)
    behind = pm.behind_units(long, units)
    labels = dict(pm.province_totals(indicators, units, year, lang)[["code", "label"]].itertuples(index=False))
    percent = {(r.unit_code, r.code): r.percent for r in long.itertuples()}
    status = dict(zip(units["code"], units["status"]))
    which = ["; ".join(f"{labels.get(code, code)} ({formatting.percent(percent.get((unit, code)), lang)})"
                       for code in codes) for unit, codes in zip(behind["unit_code"], behind["codes"])]
    frame = pd.DataFrame({
        _t("province_report.col.unit_code", lang): behind["unit_code"],
        _t("province_report.col.unit_name", lang): behind["name"],
        _t("province_report.col.status", lang): [_status(status.get(u, ""), lang) for u in behind["unit_code"]],
        _t("province_report.col.behind_count", lang): behind["behind"].astype("Int64"),
        _t("province_report.col.behind_which", lang): which,
    })
    return ReportTable("behind", "behind", _t("province_report.sheet.behind", lang),
                       _t("province_report.title.behind", lang, year=year), frame, (TEXT, TEXT, TEXT, COUNT, TEXT),
                       alerts=(_t("province_report.status.stale", lang),))


def not_current_table(units: pd.DataFrame, today: date, lang: str) -> ReportTable:
    """not_current(): stale and unreadable units, longest failing first, why and since when."""
    rows = pm.not_current(units)
    frame = pd.DataFrame({
        _t("province_report.col.unit_code", lang): rows["code"],
        _t("province_report.col.unit_name", lang): rows["name"],
        _t("province_report.col.status", lang): [_status(s, lang) for s in rows["status"]],
        _t("province_report.col.reason", lang): [reason_text(c, p, lang)
                                                 for c, p in zip(rows["reason_code"], rows["reason_params"])],
        _t("province_report.col.since", lang): [_local(v) for v in rows["failing_since"]],
        _t("province_report.col.last_read", lang): [_local(v) for v in rows["read_at"]],
    })
    return ReportTable("not_current", "not_current", _t("province_report.sheet.not_current", lang),
                       _t("province_report.title.not_current", lang, day=formatting.day(today)), frame,
                       (TEXT, TEXT, TEXT, TEXT, DATETIME, DATETIME),
                       alerts=(_t("province_report.status.stale", lang), _t("province_report.status.unreadable", lang)))


# --------------------------------------------------------------------------- the cover


def fill_province_cover(ws: Worksheet, units: pd.DataFrame, year: int, today: date, lang: str,
                        contents: list[tuple[str, str]]) -> None:
    """Title, for whom, year, date made, the units by status, when their data was read, how they count,
    and the list of sheets (name, title)."""
    for i, width in enumerate(COVER_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.sheet_view.showGridLines = False
    full = sum(COVER_WIDTHS)
    row = merged_line(ws, 1, _t("province_report.cover.title", lang, year=year), 2, full, COVER_TITLE_FONT) + 1
    count = units["status"].value_counts()
    oldest, newest = _read_span(units)
    for key, value, kind in (
        ("province_report.cover.for", _t("province_report.cover.for_value", lang), TEXT),
        ("report.cover.year", year, YEAR),
        ("report.cover.made_on", today, DATE),
        ("province_report.cover.units", len(units), COUNT),
        ("province_report.cover.ok", int(count.get(pm.OK, 0)), COUNT),
        ("province_report.cover.stale", int(count.get(pm.STALE, 0)), COUNT),
        ("province_report.cover.unreadable", int(count.get(pm.UNREADABLE, 0)), COUNT),
        ("province_report.cover.oldest_read", oldest, DATETIME),
        ("province_report.cover.newest_read", newest, DATETIME),
        ("province_report.cover.rule", _t("province_report.cover.rule_text", lang), TEXT),
    ):
        row = cover_row(ws, row, _t(key, lang), value, kind)
    heading = put_cell(ws, row + 1, 1, _t("report.cover.contents", lang))
    heading.font = HEADING_FONT
    ws.row_dimensions[row + 1].height = row_height(1) + 6
    row += 2
    for name, title in contents:
        row = cover_row(ws, row, name, title, TEXT)
    print_setup(ws, full, lang)


# --------------------------------------------------------------------------- the workbook


def build_province_report(units: pd.DataFrame, indicators: pd.DataFrame, year: int, today: date,
                          lang: str = strings.DEFAULT_LANG) -> Workbook:
    """The cover, the units sheet with the province's row, the units behind, the units not up to date."""
    matrix = unit_matrix(units, indicators, year, lang)
    behind = behind_table(units, indicators, year, lang)
    stale = not_current_table(units, today, lang)
    context = _context(units, year, lang)
    wb = Workbook()
    cover = wb.active
    cover.title = _t("report.sheet.cover", lang)
    fill_matrix_sheet(wb.create_sheet(_t("province_report.sheet.units", lang)), matrix, context,
                      _t("province_report.legend", lang), lang)
    fill_table_sheet(wb.create_sheet(behind.name), behind, context, _t("province_report.no_behind", lang), lang)
    fill_table_sheet(wb.create_sheet(stale.name), stale, context, _t("province_report.no_not_current", lang), lang)
    fill_province_cover(cover, units, year, today, lang, [(_t("province_report.sheet.units", lang), matrix.title),
                                                          (behind.name, behind.title), (stale.name, stale.title)])
    wb.active = 0
    wb.properties.title = _t("province_report.cover.title", lang, year=year)
    wb.properties.creator = "OCOP"
    return wb


def province_report_bytes(units: pd.DataFrame, indicators: pd.DataFrame, year: int, today: date,
                          lang: str = strings.DEFAULT_LANG) -> bytes:
    """build_province_report() saved as .xlsx bytes (for a download button or a file)."""
    buffer = io.BytesIO()
    build_province_report(units, indicators, year, today, lang).save(buffer)
    return buffer.getvalue()


def province_report_filename(year: int) -> str:
    return f"bao-cao-ocop-toan-tinh-{year}.xlsx"


__all__ = ["behind_table", "build_province_report", "not_current_table", "province_report_bytes",
           "province_report_filename", "reason_text", "unit_matrix"]
