"""Báo cáo tỉnh: the province's Excel report (one row per unit, the province's totals) for the OCOP council."""
from __future__ import annotations

import os
from datetime import date

import pandas as pd
import streamlit as st

from analysis.metrics import province as pm
from analysis.outputs.province_report import province_report_bytes, province_report_filename
from analysis.outputs.report_docx import DOCX_MIME
from analysis.outputs.report_docx_province import province_report_docx_bytes, province_report_docx_filename
from analysis.workbook import clock
from data_sources import resolve_registry
from pages.ui.province_state import province_context
from pages.ui.state import secrets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(max_entries=8, show_spinner=False)
def _report(store: str, version: tuple, year: int, lang: str, today: date,
            _units: pd.DataFrame, _indicators: pd.DataFrame) -> bytes:
    """Built once per store version, year, language and day, shared by every viewer (the frames are
    that version's, so they are not hashed)."""
    return province_report_bytes(_units, _indicators, year, today, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def _word(store: str, version: tuple, year: int, lang: str, today: date, sample: bool,
          _units: pd.DataFrame, _indicators: pd.DataFrame) -> bytes:
    """The Word report (Decree 30), cached as the Excel one is."""
    return province_report_docx_bytes(_units, _indicators, year, today, lang, sample=sample)


ctx = province_context()
units = ctx.data.units
st.title(ctx.t("province_report.heading", year=ctx.year))
st.markdown(ctx.t("province_report.explain"))
st.markdown(ctx.t("province_report.year_in_use", year=ctx.year))
count = units["status"].value_counts()
st.caption(ctx.t("province_report.counts", units=len(units), ok=int(count.get(pm.OK, 0)),
                 stale=int(count.get(pm.STALE, 0)), unreadable=int(count.get(pm.UNREADABLE, 0))))
data = _report(str(ctx.store.resolve()), ctx.data.version, ctx.year, ctx.lang, clock.today(), units,
               ctx.data.indicators)
st.download_button(ctx.t("province_report.download"), data, province_report_filename(ctx.year), mime=XLSX,
                   type="primary", icon=":material/download:")
demo = getattr(resolve_registry(os.environ, secrets()), "kind", None) == "demo"  # marked as sample data
st.download_button(ctx.t("docx.province.download"),
                   _word(str(ctx.store.resolve()), ctx.data.version, ctx.year, ctx.lang, clock.today(), demo, units,
                         ctx.data.indicators),
                   province_report_docx_filename(ctx.year), mime=DOCX_MIME, icon=":material/description:")
st.caption(ctx.t("docx.explain"))
