"""Tuyên truyền: which khóm and producers outreach has reached this year, and which not yet."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.i18n import formatting
from analysis.metrics.outreach import (
    areas_without_activity,
    counts_by,
    coverage,
    cumulative_reach,
    heatmap,
    producers_never_reached,
    quarter_of,
)
from analysis.metrics.scope import all_areas, as_of, filtered_outreach
from analysis.outputs import figures
from analysis.outputs.table_view import CODE, table_view
from analysis.policy.access import OFFICER
from pages.ui.state import context, memo
from pages.ui.tables import downloads, table
from pages.ui.widgets import chart, empty_state, filter_caption, md

ctx = context()
year = ctx.filters.year
st.title(ctx.t("outreach.heading", year=year))
filter_caption(ctx)
rows = memo(ctx, "outreach.rows", lambda: filtered_outreach(ctx.ds, ctx.filters))
reach = memo(ctx, "outreach.coverage_numbers", lambda: coverage(ctx.ds, ctx.filters))

first, second, third = st.columns(3)  # coverage-based: of all khóm and producers, not of a target
first.metric(ctx.t("outreach.activities"), formatting.number(len(rows), 0, ctx.lang), border=True)
for column, label, reached, total, ratio in (
        (second, "outreach.khom_of_all", reach["areas_reached"], reach["areas_total"], reach["area_share"]),
        (third, "outreach.producers_of_all", reach["producers_reached"], reach["producers_total"],
         reach["producer_share"])):
    column.metric(ctx.t(label), f"{formatting.number(reached, 0, ctx.lang)} / {formatting.number(total, 0, ctx.lang)}",
                  ctx.t("outreach.share_of_all", percent=formatting.percent(ratio, ctx.lang)),
                  delta_color="gray", delta_arrow="off", border=True)
st.caption(ctx.t("outreach.coverage_explain"))

day = as_of(ctx.ds, year)
quiet = areas_without_activity(ctx.ds, ctx.filters, day)
if quiet:
    st.warning(md(ctx.t("outreach.quiet_khom", quarter=quarter_of(day), year=day.year,
                        names=", ".join(quiet))), icon=":material/campaign:")

if rows.empty:
    empty_state(ctx, "outreach.empty", year=year)
else:
    areas = list(ctx.filters.areas) or all_areas(ctx.ds)
    st.subheader(ctx.t("fig.heat.title"))  # each chart under its heading, built without a title of its own
    chart(ctx, "outreach.heat.page", lambda: figures.outreach_heatmap(heatmap(rows, areas), ctx.lang, title=False),
          "outreach.empty", year=year)
    st.subheader(ctx.t("outreach.counts_heading"))
    tabs = st.tabs([ctx.t("outreach.by_channel"), ctx.t("outreach.by_topic"), ctx.t("outreach.by_unit")])
    for tab, dimension in zip(tabs, ("channel", "topic", "unit")):
        with tab:
            chart(ctx, f"outreach.{dimension}.page",  # the loop variable bound now (B023)
                  lambda d=dimension: figures.count_bars(counts_by(rows, d), d, ctx.lang, title=False),
                  "outreach.empty", year=year)
    st.subheader(ctx.t("fig.reach.title"))
    chart(ctx, "outreach.reach.page",
          lambda: figures.cumulative_reach(cumulative_reach(rows), ctx.lang, title=False), "outreach.empty", year=year)

st.subheader(ctx.t("outreach.never_heading"))
never = memo(ctx, "outreach.never", lambda: producers_never_reached(ctx.ds, ctx.filters))
if never.empty:
    st.success(ctx.t("outreach.never_none"), icon=":material/check_circle:")
else:
    st.caption(ctx.t("outreach.never_explain", n=len(never), year=year))
    producers = ctx.ds.tables["producers"].set_index("producer_id")
    shown = table_view(pd.DataFrame({  # names first, the code last
        ctx.t("col.producer"): never["name"], ctx.t("col.khom"): never["area"],
        ctx.t("col.contact"): never["producer_id"].map(producers["contact_name"]),
        ctx.t("col.phone"): never["producer_id"].map(producers["phone"]),
        ctx.t("col.trade"): never["trade"], ctx.t("col.kind"): never["kind"],
        ctx.t("col.producer_id"): never["producer_id"],
    }), {ctx.t("col.producer_id"): CODE}, ctx.lang)
    table(ctx, shown, "chu-the-chua-tiep-can")
    if ctx.role != OFFICER:
        st.caption(ctx.t("privacy.masked"))
    downloads(ctx, shown, f"chu-the-chua-tiep-can-{year}")
