"""Báo cáo tỉnh: the province's Excel report (one row per unit, the province's totals) for the OCOP council."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from analysis.metrics import province as pm
from analysis.outputs.province_report import province_report_bytes, province_report_filename
from analysis.workbook import clock
from pages.ui.province_state import province_context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(max_entries=8, show_spinner=False)
def _report(store: str, version: tuple, year: int, lang: str, today: date,
            _units: pd.DataFrame, _indicators: pd.DataFrame) -> bytes:
    """Built once per store version, year, language and day, shared by every viewer (the frames are
    that version's, so they are not hashed)."""
    return province_report_bytes(_units, _indicators, year, today, lang)


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
