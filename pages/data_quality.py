"""Dữ liệu: what was read from each tab, and every issue an officer should fix."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.i18n import strings
from analysis.metrics.scope import all_areas
from analysis.metrics.summary import issues_table
from analysis.outputs.table_view import COUNT, TEXT, table_view
from analysis.outputs.template import TEMPLATE_FILENAME, template_bytes
from analysis.workbook import contract
from pages.ui.state import context, memo
from pages.ui.tables import downloads, table

ctx = context()
st.title(ctx.t("data.heading"))
if ctx.ds.source.url:
    st.link_button(ctx.t("data.open_sheet"), ctx.ds.source.url)
if ctx.ds.source.kind == "gsheet_public":  # shared with anyone who has the link, phone numbers included
    st.warning(ctx.t("public.warning"), icon=":material/public:")
st.caption(ctx.t("data.explain"))
areas = all_areas(ctx.ds)
st.download_button(ctx.t("template.download"), memo(ctx, "template.xlsx", lambda: template_bytes(areas)),
                   TEMPLATE_FILENAME,
                   help=ctx.t("template.download_help"), icon=":material/table_view:",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

st.subheader(ctx.t("data.rows_heading"))
accounting = table_view(pd.DataFrame([
    {
        ctx.t("col.tab"): ctx.ds.found_tabs.get(tab.key) or f"{tab.title} {ctx.t('data.tab_not_found')}",
        ctx.t("col.read"): ctx.ds.accounting[tab.key].read,
        ctx.t("col.accepted"): ctx.ds.accounting[tab.key].accepted,
        ctx.t("col.rejected"): ctx.ds.accounting[tab.key].rejected,
    }
    for tab in contract.TABS
]), [TEXT, COUNT, COUNT, COUNT], ctx.lang)
table(ctx, accounting, "so-dong")

issues = memo(ctx, "data.issues", lambda: issues_table(ctx.ds, ctx.lang))
st.subheader(ctx.t("data.issues_heading", count=len(issues)))
if issues.empty:
    st.success(ctx.t("data.no_issues"))
else:
    left, right = st.columns(2)
    tabs = left.multiselect(ctx.t("data.filter_tab"), sorted(issues["tab"].unique()), placeholder=ctx.t("data.all"))
    severities = right.multiselect(ctx.t("data.filter_severity"), ["error", "warning", "notice"],
                                   placeholder=ctx.t("data.all"),
                                   format_func=lambda s: strings.t(f"severity.{s}", ctx.lang))
    if tabs:
        issues = issues[issues["tab"].isin(tabs)]
    if severities:
        issues = issues[issues["severity"].isin(severities)]
    shown = table_view(pd.DataFrame({  # what is wrong and where, first
        ctx.t("col.reason"): issues["reason_text"],
        ctx.t("col.tab"): issues["tab"],
        ctx.t("col.row"): issues["row"],
        ctx.t("col.severity"): [strings.t(f"severity.{s}", ctx.lang) for s in issues["severity"]],
        ctx.t("col.column"): issues["column"],
        ctx.t("col.value"): issues["value"],
    }), {ctx.t("col.row"): COUNT}, ctx.lang)
    table(ctx, shown, "van-de-du-lieu", widths={ctx.t("col.reason"): "large"})
    downloads(ctx, shown, "van-de-du-lieu", (tuple(tabs), tuple(severities)))
