"""Tổng quan: the year's targets beside what was achieved."""
from __future__ import annotations

import streamlit as st

from analysis import formatting
from analysis.indicators import indicators
from pages import common

ctx = common.context()
info = ctx.ds.info
st.title(ctx.t("overview.heading", year=ctx.filters.year))
st.markdown(common.md(ctx.t("overview.ward_plan", ward=info.get("ward_name") or "",
                            plan=info.get("plan_number") or "—")))
if info.get("report_to"):
    st.caption(ctx.t("overview.report_to", office=info["report_to"]))

table = indicators(ctx.ds, ctx.filters, ctx.lang)
with_target = table[table["target"].notna()]
if with_target.empty:
    st.info(ctx.t("overview.no_targets", year=ctx.filters.year))

columns = st.columns(3)
for i, row in enumerate(with_target.itertuples()):
    with columns[i % 3]:
        actual = formatting.number(row.actual, 1, ctx.lang) if row.computed else ctx.t("indicator.not_computed")
        st.metric(
            label=row.label,
            value=f"{actual} / {formatting.number(row.target, 1, ctx.lang)}",
            delta=formatting.percent(row.percent, ctx.lang) if row.percent is not None else None,
            delta_color="off",
            border=True,
        )

st.subheader(ctx.t("overview.table_caption", year=ctx.filters.year))
shown = table.assign(
    target=[formatting.number(v, 1, ctx.lang) if v == v and v is not None else ctx.t("indicator.no_target")
            for v in table["target"]],
    actual=[formatting.number(v, 1, ctx.lang) if ok else ctx.t("indicator.not_computed")
            for v, ok in zip(table["actual"], table["computed"])],
    percent=[formatting.percent(v, ctx.lang) for v in table["percent"]],
)[["code", "label", "target", "actual", "percent"]]
shown.columns = [ctx.t(k) for k in ("col.code", "col.indicator", "col.target", "col.actual", "col.percent")]
st.dataframe(shown, hide_index=True, width="stretch")
