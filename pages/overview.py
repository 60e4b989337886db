"""Tổng quan: is the ward on track for this year's targets, and what is furthest behind?"""
from __future__ import annotations

import streamlit as st

from analysis.i18n import formatting
from analysis.metrics.indicators import indicators
from analysis.metrics.pace import most_urgent, with_pace
from analysis.metrics.scope import as_of
from analysis.outputs import figures
from pages.ui.state import context, memo
from pages.ui.widgets import chart, filter_caption, indicator_cards, md

ctx = context()
info, year = ctx.ds.info, ctx.filters.year
day = as_of(ctx.ds, year)
st.title(ctx.t("overview.heading", year=year))
st.markdown(md(ctx.t("overview.ward_plan", ward=info.get("ward_name") or "",
                     plan=info.get("plan_number") or "—")))
st.caption(md(ctx.t("overview.freshness", day=formatting.day(day)) + (
    " · " + ctx.t("overview.report_to", office=info["report_to"]) if info.get("report_to") else "")))
filter_caption(ctx)

table = memo(ctx, "overview.table", lambda: with_pace(indicators(ctx.ds, ctx.filters, ctx.lang), year, day))
with_target = table[table["target"].notna() & (table["target"] > 0)]
if with_target.empty:
    st.info(ctx.t("overview.no_targets", year=year), icon=":material/info:")
    st.stop()


urgent = most_urgent(with_target)
if urgent:
    st.warning(md(ctx.t("overview.urgent", label=urgent["label"],
                        percent=formatting.percent(urgent["percent"], ctx.lang),
                        expected=formatting.percent(min(1.0, urgent["expected"] / urgent["target"]), ctx.lang))),
               icon=":material/priority_high:")
else:
    st.success(ctx.t("overview.all_on_track"), icon=":material/check_circle:")

st.caption(ctx.t("indicator.cards_explain", year=year))  # target-based: not the outreach page's coverage
indicator_cards(ctx, with_target)

st.subheader(ctx.t("fig.progress.title"))  # the heading names the chart; the figure has no title of its own
chart(ctx, "overview.progress.page", lambda: figures.indicator_progress(with_target, ctx.lang, title=False),
      "overview.no_targets", year=year)

with st.expander(ctx.t("overview.table_caption", year=year)):
    shown = table.assign(
        target=[formatting.number(v, 1, ctx.lang) if v == v and v is not None else ctx.t("indicator.no_target")
                for v in table["target"]],
        actual=[formatting.number(v, 1, ctx.lang) if ok else ctx.t("indicator.not_computed")
                for v, ok in zip(table["actual"], table["computed"])],
        percent=[formatting.percent(v, ctx.lang) for v in table["percent"]],
        pace=[ctx.t("pace." + p) if isinstance(p, str) else "—" for p in table["pace"]],
    )[["code", "label", "target", "actual", "percent", "pace"]]
    shown.columns = [ctx.t(k) for k in ("col.code", "col.indicator", "col.target", "col.actual", "col.percent",
                                        "col.pace")]
    st.dataframe(shown, hide_index=True)
