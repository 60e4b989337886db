"""Sản phẩm & hồ sơ: where each product is in the OCOP cycle and what its dossier still lacks."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.i18n import formatting
from analysis.metrics.products import certificates_due, checklist, dropped_out, product_table, stage_funnel
from analysis.outputs import figures
from analysis.outputs.table_view import CODE, DATE, PERCENT, STAGE, STARS, table_view
from analysis.workbook import contract
from pages.ui.state import context, memo
from pages.ui.tables import downloads
from pages.ui.tables import table as table_of
from pages.ui.widgets import chart, empty_state, filter_caption, md

ctx = context()
st.title(ctx.t("products.heading"))
filter_caption(ctx)
table = memo(ctx, "products.table",  # expiry is judged as of the data's date
             lambda: product_table(ctx.ds, ctx.filters, ctx.ds.source.read_on()))
if table.empty:
    empty_state(ctx, "products.empty")
    st.stop()


def document_names(keys) -> str:
    return ", ".join(ctx.t(f"doc.{k}") for k in keys) if keys else ctx.t("products.nothing_missing")


due = certificates_due(table)
for row in due.itertuples():
    key = "products.expired" if row.expiry_status == "expired" else "products.expiring"
    st.warning(md(ctx.t(key, product=f"{row.product_id} · {row.name}", day=formatting.day(row.expires_on))),
               icon=":material/event_busy:")

st.subheader(ctx.t("products.funnel_heading"))
chart(ctx, "products.funnel.page",  # under the heading above: the figure has no title of its own
      lambda: figures.stage_funnel(stage_funnel(table), ctx.lang, title=False), "products.empty")
if dropped := dropped_out(table):
    st.caption(ctx.t("products.dropped_out", n=dropped))

st.subheader(ctx.t("products.readiness_heading"))
st.caption(ctx.t("products.readiness_explain"))
chart(ctx, "products.readiness.page",
      lambda: figures.readiness_chart(table[table["stage"] != contract.DROPPED_OUT], ctx.lang, title=False),
      "products.empty")

st.subheader(ctx.t("products.table_heading"))
shown = table_view(pd.DataFrame({  # by importance: which product, where it stands, what it lacks; codes last
    ctx.t("col.product"): table["name"],
    ctx.t("col.stage"): table["stage"],
    ctx.t("col.gate"): table["gate"],
    ctx.t("col.missing"): [document_names(v) for v in table["missing_required"]],
    ctx.t("col.producer"): table["producer_name"],
    ctx.t("col.khom"): table["area"],
    ctx.t("col.group"): table["group"],
    ctx.t("col.officer"): table["officer"],
    ctx.t("col.depth"): table["depth"],
    ctx.t("col.projected_stars"): table["projected_stars"],
    ctx.t("col.stars"): table["stars"],
    ctx.t("col.expires"): table["expires_on"],
    ctx.t("col.code"): table["product_id"],
}), {ctx.t("col.stage"): STAGE, ctx.t("col.gate"): PERCENT, ctx.t("col.depth"): PERCENT,
     ctx.t("col.projected_stars"): STARS, ctx.t("col.stars"): STARS, ctx.t("col.expires"): DATE,
     ctx.t("col.code"): CODE}, ctx.lang)
table_of(ctx, shown, "san-pham", widths={ctx.t("col.product"): "medium"}, pinned=ctx.t("col.product"))
downloads(ctx, shown, "san-pham")

st.subheader(ctx.t("products.detail_heading"))
labels = dict(zip(table["product_id"], table["product_id"] + " · " + table["name"]))
chosen = st.selectbox(ctx.t("products.choose"), list(labels), format_func=labels.get)
items = checklist(ctx.ds, chosen)
table_of(ctx, table_view(pd.DataFrame({
    ctx.t("col.document"): [ctx.t(f"doc.{k}") for k in items["document"]],
    ctx.t("col.status"): [ctx.t(f"doc_status.{s}") for s in items["status"]],
    ctx.t("col.required"): [ctx.t("yes") if r else ctx.t("no") for r in items["required"]],
}), {}, ctx.lang), "ho-so")
