"""Báo cáo: the report for the office above, as a formatted Excel file, with a preview."""
from __future__ import annotations

import streamlit as st

from analysis.outputs.report import report_bytes, report_tables
from pages.ui.state import context, memo
from pages.ui.widgets import empty_state, md

ctx = context()
year = ctx.filters.year
office = ctx.ds.info.get("report_to") or "—"
st.title(ctx.t("report.heading", year=year))
st.markdown(md(ctx.t("report.to", office=office)))
today = ctx.ds.source.read_on()
st.download_button(ctx.t("report.download"),
                   memo(ctx, "report.xlsx", lambda: report_bytes(ctx.ds, year, today, ctx.lang)),
                   f"bao-cao-ocop-{year}.xlsx", type="primary", icon=":material/download:",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.caption(ctx.t("report.explain"))
for title, table in report_tables(ctx.ds, year, today, ctx.lang).items():
    st.subheader(md(title))
    if table.empty:
        empty_state(ctx, "report.empty_table")
    else:
        st.dataframe(table, hide_index=True)
