"""Toàn tỉnh: how the province stands against the sum of its units' targets, and which units lag or lack data."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.i18n import formatting
from analysis.metrics import province as pm
from analysis.outputs import province_tables as pt
from analysis.outputs.figures_province import province_trend, trend_points
from analysis.workbook import clock
from pages.ui.province_frame import unit_link
from pages.ui.province_state import province_context, province_memo
from pages.ui.widgets import CHART_CONFIG, indicator_cards, md

ROW_PX, HEADER_PX = 35, 38  # st.dataframe's row and header heights: tables as tall as their rows ...
MAX_ROWS_SHOWN = 16  # ... up to this many; a national list scrolls inside its table
MAX_ITEMS = 12  # sentences listed before "and N more" (the tables above hold every unit)

ctx = province_context()
data, year, lang = ctx.data, ctx.year, ctx.lang
units = data.units


def link(code: str) -> str:
    return unit_link(code, year, lang)


def grid(table: pt.StyledTable, widths: dict[str, int], pin: bool = True, help_by_column: dict | None = None
         ) -> None:
    """A StyledTable as a sortable grid: the unit's name links to its dashboard (and, pinned, stays in view
    while a phone scrolls sideways); columns keep a readable width (`widths`, else 100 px), never squeezed."""
    columns = list(table.values.columns)
    name = ctx.t("col.unit")
    config = {column: st.column_config.Column(help=(help_by_column or {}).get(column), width=widths.get(column, 100))
              for column in columns}
    config[name] = st.column_config.LinkColumn(name, width=widths[name], pinned=pin or None)
    st.dataframe(table.styler(), hide_index=True, column_config=config, column_order=columns,
                 height=HEADER_PX + ROW_PX * min(max(len(table.values), 1), MAX_ROWS_SHOWN) + 3)


# --- what the page stands on ------------------------------------------------------------------
counts = units["status"].value_counts()
synced = (formatting.timestamp(clock.local(pd.Timestamp(data.syncs.iloc[0]["finished_at"]).to_pydatetime()))
          if len(data.syncs) else formatting.DASH)
st.title(ctx.t("province.heading", year=year))
st.caption(ctx.t("province.summary", units=len(units), ok=int(counts.get(pm.OK, 0)),
                 stale=int(counts.get(pm.STALE, 0)), unreadable=int(counts.get(pm.UNREADABLE, 0)), time=synced))

totals = province_memo(ctx, "totals", lambda: pm.province_totals(data.indicators, units, year, lang))
long = province_memo(ctx, "long", lambda: pm.unit_indicators(data.indicators, units, year))
with_target = totals[totals["target"].notna() & (totals["target"] > 0)]
if with_target.empty:
    st.info(ctx.t("province.no_targets", year=year), icon=":material/info:")
    st.stop()

# --- totals ---------------------------------------------------------------------------------------
behind = province_memo(ctx, "behind", lambda: pm.behind_units(long, units))
if len(behind):
    st.warning(ctx.t("province.behind_headline", n=len(behind), total=int(pm.with_data(units)["code"].nunique())),
               icon=":material/priority_high:")
else:
    st.success(ctx.t("province.all_on_track"), icon=":material/check_circle:")
st.subheader(ctx.t("province.totals_heading"))
st.caption(ctx.t("province.totals_explain", year=year,
                 day=formatting.day(pm.province_day(units, year))))
indicator_cards(ctx, with_target.assign(computed=True))

# --- units whose figures are not today's ------------------------------------------------------------
late = province_memo(ctx, "late", lambda: pt.not_current_list(
    pm.not_current(units), lambda code, params: pm.unit_reason(code, params, lang), lang))
if late:
    st.subheader(ctx.t("province.not_current_heading", n=len(late)))
    for unit in late[:MAX_ITEMS]:
        key = "province.stale_item" if unit["status"] == pm.STALE else "province.unreadable_item"
        text = ctx.t(key, name=f"[{md(unit['name'])}]({link(unit['code'])})", since=unit["since"],
                     last=unit["last_read"], reason=md(unit["reason"]))
        (st.warning if unit["status"] == pm.STALE else st.error)(text, icon=":material/cloud_off:")
    if len(late) > MAX_ITEMS:
        st.caption(ctx.t("province.more_units", n=len(late) - MAX_ITEMS))

# --- every unit side by side ----------------------------------------------------------------------
st.subheader(ctx.t("province.matrix_heading", year=year))
st.caption(ctx.t("province.matrix_explain", legend=pt.pace_legend(lang)))
codes = [code for code in totals["code"] if code in set(long["code"])]
grid(province_memo(ctx, "matrix", lambda: pt.matrix_table(long, units, link, lang)),
     {ctx.t("col.unit"): 200, ctx.t("col.status"): 130},
     help_by_column={pt.indicator_header(code, lang): pt.indicator_name(code, lang) for code in codes})

st.subheader(ctx.t("province.ranking_heading"))
st.caption(ctx.t("province.ranking_explain"))
grid(province_memo(ctx, "ranking", lambda: pt.ranking_table(pm.ranking(long, units), link, lang)),
     {ctx.t("province.col.rank"): 60, ctx.t("col.unit"): 220, ctx.t("province.col.on_track"): 150,
      ctx.t("province.col.mean_percent"): 150, ctx.t("col.status"): 130}, pin=False)

st.subheader(ctx.t("province.behind_heading"))
if behind.empty:
    st.success(ctx.t("province.none_behind"), icon=":material/check_circle:")
else:
    st.markdown("\n".join(
        "- " + ctx.t("province.behind_item", name=f"[{md(unit['name'])}]({link(unit['code'])})", n=unit["behind"],
                     indicators=", ".join(md(name) for name in unit["indicators"]))
        for unit in pt.behind_list(behind.head(MAX_ITEMS), lang)))
    if len(behind) > MAX_ITEMS:
        st.caption(ctx.t("province.more_units", n=len(behind) - MAX_ITEMS))

# --- over time --------------------------------------------------------------------------------------
st.subheader(ctx.t("province.trend_heading"))
trend = province_memo(ctx, "trend", lambda: pm.trend(data.history, units, year))
figure = province_memo(ctx, "trend_figure", lambda: province_trend(trend, lang, title=False))
if figure is None:
    st.info(ctx.t("province.no_trend", year=year), icon=":material/info:")
else:
    days = trend_points(trend)["day"].nunique()
    if days == 1:
        st.caption(ctx.t("province.trend_one_day", day=formatting.day(trend["day"].iloc[0])))
    st.plotly_chart(figure, config=CHART_CONFIG, theme=None)
