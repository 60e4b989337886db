"""Báo cáo: the report for the office above, as a formatted Excel file, with a preview."""
from __future__ import annotations

import streamlit as st

from analysis.outputs.report import report_bytes
from analysis.outputs.report_docx import DOCX_MIME, report_docx_bytes, report_docx_filename
from analysis.outputs.report_tables import build_tables
from analysis.outputs.table_view import report_view
from pages.ui.state import context, memo
from pages.ui.tables import table
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
st.download_button(ctx.t("docx.download"),
                   memo(ctx, "report.docx", lambda: report_docx_bytes(ctx.ds, year, today, ctx.lang)),
                   report_docx_filename(year), icon=":material/description:", mime=DOCX_MIME)
st.caption(ctx.t("docx.explain"))
# The preview as a reader sees it (1.234,5 · 72,5% · 15/03/2023 · names before codes); the file keeps real values.
views = memo(ctx, "report.views", lambda: [(t.name, report_view(t, ctx.lang))
                                           for t in build_tables(ctx.ds, year, today, ctx.lang)])
for title, view in views:
    st.subheader(md(title))
    if view.empty:
        empty_state(ctx, "report.empty_table")
    else:
        table(ctx, view, f"report-{title}")
