"""Meeting view (?view=meeting): the overview's cards and each page's key chart, in large
type for a projector, refreshed every few minutes."""
from __future__ import annotations

import streamlit as st

from analysis.i18n import formatting
from analysis.metrics.indicators import indicators
from analysis.metrics.outreach import coverage, heatmap
from analysis.metrics.pace import most_urgent, with_pace
from analysis.metrics.products import product_table, stage_funnel
from analysis.metrics.scope import all_areas, as_of, filtered_outreach
from analysis.metrics.training import attendance_by, training_in_year
from analysis.outputs import figures
from pages.ui.state import context, memo, refreshed_context
from pages.ui.widgets import chart, empty_state, filter_caption, indicator_cards, md

REFRESH_SECONDS = 300

# Large type, no sidebar or toolbar: this page is read from across a room. Our own CSS, no sheet text.
st.html("""<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"] {display: none;}
  [data-testid="stMainBlockContainer"] {max-width: 100%; padding-top: 1.5rem;}
  [data-testid="stMetricLabel"] p {font-size: 1.25rem;}
  [data-testid="stMetricValue"] {font-size: 2.6rem;}
  [data-testid="stMetricDelta"] {font-size: 1.15rem;}
  h1 {font-size: 2.8rem !important;}
</style>""")


BASE = context()


@st.fragment(run_every=REFRESH_SECONDS)
def meeting() -> None:
    """Re-run on its own every few minutes; the shared cache decides when Google is asked again."""
    ctx = refreshed_context(BASE)
    year, info = ctx.filters.year, ctx.ds.info
    day = as_of(ctx.ds, year)
    st.title(md(ctx.t("meeting.heading", ward=info.get("ward_name") or "", year=year)))
    st.caption(ctx.t("overview.freshness", day=formatting.day(day)) + " · "
               + ctx.t("meeting.refresh", minutes=REFRESH_SECONDS // 60))
    filter_caption(ctx)
    table = memo(ctx, "overview.table", lambda: with_pace(indicators(ctx.ds, ctx.filters, ctx.lang), year, day))
    with_target = table[table["target"].notna() & (table["target"] > 0)]
    if with_target.empty:
        empty_state(ctx, "overview.no_targets", year=year)
        return
    if urgent := most_urgent(with_target):
        st.warning(md(ctx.t("meeting.urgent", label=urgent["label"],
                            percent=formatting.percent(urgent["percent"], ctx.lang))),
                   icon=":material/priority_high:")
    indicator_cards(ctx, with_target, per_row=3)
    left, right = st.columns(2)
    with left:
        chart(ctx, "overview.progress", lambda: figures.indicator_progress(with_target, ctx.lang),
              "overview.no_targets", year=year)
        products = product_table(ctx.ds, ctx.filters, ctx.ds.source.read_on())
        chart(ctx, "products.funnel", lambda: figures.stage_funnel(stage_funnel(products), ctx.lang),
              "products.empty")
    with right:
        rows = filtered_outreach(ctx.ds, ctx.filters)
        areas = list(ctx.filters.areas) or all_areas(ctx.ds)
        chart(ctx, "outreach.heat", lambda: figures.outreach_heatmap(heatmap(rows, areas), ctx.lang),
              "outreach.empty", year=year)
        chart(ctx, "outreach.coverage", lambda: figures.coverage_gauges(coverage(ctx.ds, ctx.filters), ctx.lang),
              "outreach.empty", year=year)
        trained = attendance_by(training_in_year(ctx.ds, year), "unit")
        chart(ctx, "training.unit", lambda: figures.count_bars(trained, "training_unit", ctx.lang),
              "training.empty", year=year)


meeting()
