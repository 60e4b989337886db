"""The province's report as a Word document in the format of Decree 30/2020/NĐ-CP: the same frame and order as
the unit's (analysis/outputs/report_docx.py), from the store's plain frames as analysis/outputs/province_report.py
takes them. Every figure comes from analysis/metrics/province.py: totals against the summed targets (a stale unit
counts with its last good data, an unreadable one nowhere), the units behind, the units stale or unreadable.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from analysis.i18n import formatting, strings
from analysis.metrics import province as pm
from analysis.metrics.pace import BEHIND, year_elapsed
from analysis.outputs.report_docx import INDICATOR_WIDTHS, docx_bytes, listed, pace_word, plans
from analysis.outputs.report_docx_parts import (
    BLANK,
    Frame,
    body,
    bordered_table,
    closing_block,
    field_text,
    figure,
    headers_and_footers,
    heading,
    heading_block,
    new_document,
)
from analysis.workbook import clock
from analysis.workbook.values import is_missing


def _t(key: str, lang: str, **params: Any) -> str:
    return strings.t(key, lang, **params)


def _local(moment: Any) -> str:
    if is_missing(moment):
        return formatting.DASH
    return clock.local(pd.Timestamp(moment).to_pydatetime()).strftime("%d/%m/%Y %H:%M")


def _province_results(doc, units: pd.DataFrame, indicators_: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    totals = pm.province_totals(indicators_, units, year, lang)
    day = pm.province_day(units, year)
    elapsed = year_elapsed(year, day)
    heading(doc, _t("docx.province.results.indicators", lang))
    rows = []
    for n, row in enumerate(totals.itertuples(), start=1):
        values = dict(label=row.label, units=row.units_with_target, target=figure(row.target, lang),
                      actual=figure(row.actual, lang), percent=formatting.percent(row.percent, lang))
        if is_missing(row.pace):
            body(doc, _t("docx.province.indicator.no_target", lang, **values))
            pace = _t("indicator.no_target", lang)
        else:
            body(doc, _t("docx.province.indicator.target", lang, pace=pace_word(row, elapsed, lang), **values))
            pace = _t(f"pace.{row.pace}", lang)
        rows.append([str(n), row.label, str(row.units_with_target), values["target"], values["actual"],
                     values["percent"], pace])
    header = [_t("docx.col.number", lang), _t("report.col.indicator", lang), _t("docx.col.units_with_target", lang),
              _t("report.col.target", lang), _t("report.col.actual", lang), _t("report.col.percent", lang),
              _t("col.pace", lang)]
    bordered_table(doc, _t("docx.province.table", lang, year=year), header, rows, INDICATOR_WIDTHS,
                   {0, 2, 3, 4, 5})
    heading(doc, _t("docx.province.results.ranking", lang))
    ranked = pm.ranking(pm.unit_indicators(indicators_, units, year), units)
    ranked = ranked[ranked["with_target"] > 0].head(3)
    body(doc, _t("docx.province.top", lang, units="; ".join(
        _t("docx.province.top_item", lang, name=field_text(r.name), on_track=r.on_track, total=r.with_target)
        for r in ranked.itertuples())) if len(ranked) else _t("docx.province.no_ranking", lang))
    return totals


def _province_problems(doc, units: pd.DataFrame, indicators_: pd.DataFrame, year: int, totals: pd.DataFrame,
                       lang: str) -> None:
    heading(doc, _t("docx.section.problems", lang))
    late = totals[totals["pace"] == BEHIND]
    if len(late):
        body(doc, _t("docx.province.totals_behind", lang, n=len(late), which="; ".join(
            f"{r.label} ({formatting.percent(r.percent, lang)})" for r in late.itertuples())))
    long = pm.unit_indicators(indicators_, units, year)
    behind = pm.behind_units(long, units)
    labels = dict(zip(totals["code"], totals["label"]))
    percent = {(r.unit_code, r.code): r.percent for r in long.itertuples()}
    if behind.empty:
        body(doc, _t("docx.province.none_behind", lang))
    else:
        body(doc, _t("docx.province.behind", lang, n=len(behind)))
        listed(doc, [_t("docx.province.behind_item", lang, name=field_text(r.name), count=r.behind, which="; ".join(
            f"{labels.get(code, code)} {formatting.percent(percent.get((r.unit_code, code)), lang)}"
            for code in r.codes)) for r in behind.itertuples()], lang)
    stale = pm.not_current(units)
    if stale.empty:
        body(doc, _t("docx.province.all_current", lang))
        return
    body(doc, _t("docx.province.not_current", lang, n=len(stale)))
    listed(doc, [_t("docx.province.not_current_item", lang, name=field_text(r.name),
                     status=_t(f"province_report.status.{r.status}", lang), since=_local(r.failing_since),
                     reason=field_text(pm.unit_reason(None if is_missing(r.reason_code) else r.reason_code,
                                                 r.reason_params, lang)))
                  for r in stale.itertuples()], lang)


def province_frame(year: int, today: date, lang: str, province: str | None, sample: bool) -> Frame:
    name = field_text(province)
    return Frame(_t("docx.province.parent", lang, province=name).upper(), _t("docx.province.issuer", lang),
                 "BC-" + BLANK, name, today, _t("docx.province.subject", lang, year=year),
                 _t("docx.province.recipient", lang), None, _t("docx.province.sign", lang), sample, lang)


def build_province_report_docx(units: pd.DataFrame, indicators_: pd.DataFrame, year: int, today: date,
                               lang: str = strings.DEFAULT_LANG, *, province: str | None = None,
                               sample: bool = False):
    """The province's report: totals against the summed targets, the units behind, the units not up to date.
    `province` names the province in the heading (a blank "…" for the officer when None); `sample` marks a
    demo province on every page."""
    frame = province_frame(year, today, lang, province, sample)
    doc = new_document(frame.subject, lang)
    headers_and_footers(doc, frame)
    heading_block(doc, frame)
    count = units["status"].value_counts()
    read = [v for v in pm.with_data(units)["read_at"] if not is_missing(v)]
    body(doc, _t("docx.province.intro", lang, units=len(units), ok=int(count.get(pm.OK, 0)),
                 stale=int(count.get(pm.STALE, 0)), unreadable=int(count.get(pm.UNREADABLE, 0)),
                 oldest=_local(min(read)) if read else formatting.DASH,
                 newest=_local(max(read)) if read else formatting.DASH, year=year))
    body(doc, _t("province_report.cover.rule_text", lang), italic=True)
    heading(doc, _t("docx.section.results", lang))
    totals = _province_results(doc, units, indicators_, year, lang)
    _province_problems(doc, units, indicators_, year, totals, lang)
    plans(doc, lang)
    body(doc, _t("docx.province.closing", lang, year=year))
    closing_block(doc, frame)
    return doc


def province_report_docx_bytes(units: pd.DataFrame, indicators_: pd.DataFrame, year: int, today: date,
                               lang: str = strings.DEFAULT_LANG, *, province: str | None = None,
                               sample: bool = False) -> bytes:
    return docx_bytes(build_province_report_docx(units, indicators_, year, today, lang, province=province,
                                             sample=sample))


def province_report_docx_filename(year: int) -> str:
    return f"bao-cao-ocop-toan-tinh-{year}.docx"


__all__ = ["build_province_report_docx", "province_frame", "province_report_docx_bytes",
           "province_report_docx_filename"]
