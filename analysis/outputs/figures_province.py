"""The province's key indicators over time (Toàn tỉnh page), from the store's history.

The indicators count different things (a few products, hundreds of sessions), so each line is the
province's percent of its summed target on each day a unit was read: one scale, a 100% line. Each
line has its own dash and marker besides its colour (colour is never the only signal), and markers
on every point, so two syncs (or one) still show as points.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import day, number, percent
from analysis.i18n.strings import DEFAULT_LANG, has, t
from analysis.outputs.chart_style import (
    BLACK,
    ORANGE,
    PURPLE,
    SKY,
    SMALL_SIZE,
    base_layout,
    hover_template,
    is_empty,
    plain,
)
from analysis.workbook.values import is_missing

# Series colours, never a pace's (green, blue, vermillion), each with its own dash and marker.
LINE_STYLES = ((SKY, "solid", "circle"), (PURPLE, "dash", "square"), (BLACK, "dot", "diamond"),
               (ORANGE, "dashdot", "triangle-up"))


def _name(code: str, lang: str) -> str:
    key = f"indicator.{code}"
    return t(key, lang) if has(key) else str(code)


def trend_points(trend: pd.DataFrame) -> pd.DataFrame:
    """The rows of analysis.metrics.province.trend that can be drawn: a positive target, with percent."""
    if is_empty(trend):
        return pd.DataFrame(columns=["day", "code", "actual", "target", "percent"])
    rows = trend[[not is_missing(v) and v > 0 for v in trend["target"]]].copy()
    rows["percent"] = rows["actual"].astype(float) / rows["target"].astype(float)
    return rows.reset_index(drop=True)


def province_trend(trend: pd.DataFrame, lang: str = DEFAULT_LANG, *, title: bool = True) -> go.Figure | None:
    """Percent of the province's target reached, per key indicator, on each day a unit was read.

    `trend`: day, code, actual, target (analysis.metrics.province.trend). Lines in the order the codes
    first appear; hover says the day, actual / target and percent. None when nothing can be drawn."""
    rows = trend_points(trend)
    if rows.empty:
        return None
    fig = go.Figure()
    for i, code in enumerate(dict.fromkeys(rows["code"])):
        mine = rows[rows["code"] == code].sort_values("day")
        colour, dash, symbol = LINE_STYLES[i % len(LINE_STYLES)]
        name = _name(code, lang)
        custom = [[plain(name), day(d), number(a, 1, lang), number(tg, 1, lang), percent(p, lang)]
                  for d, a, tg, p in zip(mine["day"], mine["actual"], mine["target"], mine["percent"])]
        fig.add_trace(go.Scatter(
            x=[pd.Timestamp(d) for d in mine["day"]], y=[p * 100 for p in mine["percent"]], name=plain(name),
            mode="lines+markers", line=dict(color=colour, width=3, dash=dash),
            marker=dict(color=colour, size=11, symbol=symbol), customdata=custom,
            hovertemplate=hover_template("<b>%{customdata[0]}</b>", "%{customdata[1]}",
                                         f"{t('col.actual', lang)} / {t('col.target', lang)}: "
                                         "%{customdata[2]} / %{customdata[3]}",
                                         f"{t('col.percent', lang)}: %{{customdata[4]}}"),
        ))
    days = sorted(rows["day"].unique())
    base_layout(fig, t("fig.province_trend.title", lang) if title else None, lang, height=440, legend=True)
    fig.add_hline(y=100, line=dict(color=BLACK, width=2, dash="dot"),
                  annotation=dict(text=t("fig.progress.target_line", lang), font=dict(size=SMALL_SIZE)),
                  annotation_position="top left")
    top = max(110.0, float(rows["percent"].max()) * 100 * 1.08)
    fig.update_yaxes(title_text=t("fig.province_trend.axis", lang), ticksuffix="%", range=[0, top])
    ticks = [pd.Timestamp(d) for d in days]
    few = len(ticks) <= 8  # few days: a tick on each, written dd/mm/yyyy; more: Plotly spaces them
    fig.update_xaxes(title_text="", tickformat="%d/%m/%Y", tickvals=ticks if few else None,
                     ticktext=[day(d) for d in days] if few else None)
    if len(ticks) == 1:  # one day alone: a day of room either side of its points
        fig.update_xaxes(range=[ticks[0] - pd.Timedelta(days=1), ticks[0] + pd.Timedelta(days=1)])
    return fig


__all__ = ["LINE_STYLES", "province_trend", "trend_points"]
