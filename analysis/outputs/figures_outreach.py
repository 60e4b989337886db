"""The outreach charts: activities per khóm and month, people reached over the year, and coverage."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import number
from analysis.i18n.strings import DEFAULT_LANG, t
from analysis.outputs.chart_style import (
    FONT_SIZE,
    HEAT_SCALE,
    PALETTE,
    SMALL_SIZE,
    area_label,
    bar_height,
    base_layout,
    hover_template,
    is_empty,
    month_label,
    whole_ticks,
)
from analysis.workbook.values import is_missing


def outreach_heatmap(heat: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Outreach activities per khóm (rows, the last may be "Toàn phường") and month (1..12).

    Months missing from `heat` read as 0; counts are printed in the cells. Returns None
    when the table is empty or holds no activity at all.
    """
    if is_empty(heat):
        return None
    months = list(range(1, 13))
    frame = heat.reindex(columns=months).fillna(0)
    if float(frame.to_numpy(dtype=float).sum()) == 0:
        return None
    z = [[int(v) for v in row] for row in frame.to_numpy(dtype=float)]
    areas = [area_label(a, lang) for a in frame.index]
    text = [[number(v, 0, lang) if v else "" for v in row] for row in z]  # an empty cell: no activity; less to read
    custom = [[t("fig.heat.hover_one" if v == 1 else "fig.heat.hover", lang, area=area,
                 month=month_label(m, lang, long=True), activities=number(v, 0, lang))
               for m, v in zip(months, row)] for area, row in zip(areas, z)]
    fig = go.Figure(go.Heatmap(
        z=z, x=[month_label(m, lang) for m in months], y=areas, text=text,
        texttemplate="%{text}", textfont=dict(size=FONT_SIZE), customdata=custom,
        hovertemplate=hover_template("%{customdata}"), colorscale=HEAT_SCALE, zmin=0,
        xgap=2, ygap=2,
        colorbar=dict(title=dict(text=t("fig.heat.colorbar", lang), font=dict(size=SMALL_SIZE)),
                      tickfont=dict(size=SMALL_SIZE), separatethousands=True,
                      **whole_ticks(max(max(row) for row in z))),
    ))
    base_layout(fig, t("fig.heat.title", lang), lang, height=bar_height(len(areas), 56, 220))
    fig.update_xaxes(title_text=t("fig.month", lang), side="bottom", showgrid=False)
    fig.update_yaxes(title_text=t("fig.heat.areas", lang), autorange="reversed", showgrid=False)
    return fig




def cumulative_reach(reach: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """People reached by outreach per month (bars) and cumulated over the year (line).

    `reach`: month (1..12), attendees, cumulative. Both share one y axis so the line reads
    as the running total of the bars. Returns None when the table is empty.
    """
    if is_empty(reach):
        return None
    frame = reach.sort_values("month")
    months = [int(m) for m in frame["month"]]
    monthly = [0 if is_missing(n) else int(n) for n in frame["attendees"]]
    total = [0 if is_missing(n) else int(n) for n in frame["cumulative"]]
    x = [month_label(m, lang) for m in months]
    custom = [[month_label(m, lang, long=True), number(a, 0, lang), number(s, 0, lang)]
              for m, a, s in zip(months, monthly, total)]
    hover = hover_template(
        "<b>%{customdata[0]}</b>",
        f"{t('fig.reach.monthly', lang)}: %{{customdata[1]}}",
        f"{t('fig.reach.cumulative', lang)}: %{{customdata[2]}}",
    )
    fig = go.Figure()
    fig.add_trace(go.Bar(
        name=t("fig.reach.monthly", lang), x=x, y=monthly, marker=dict(color=PALETTE[5]),
        text=[number(n, 0, lang) for n in monthly], textposition="inside", insidetextanchor="start",
        textfont=dict(size=SMALL_SIZE), customdata=custom, hovertemplate=hover,
    ))
    last = [""] * (len(total) - 1) + [number(total[-1], 0, lang)]
    fig.add_trace(go.Scatter(
        name=t("fig.reach.cumulative", lang), x=x, y=total, mode="lines+markers+text",
        line=dict(color=PALETTE[3], width=4), marker=dict(size=10, color=PALETTE[3]),
        text=last, textposition="top center", textfont=dict(size=FONT_SIZE, color=PALETTE[3]),
        cliponaxis=False, customdata=custom, hovertemplate=hover,
    ))
    base_layout(fig, t("fig.reach.title", lang), lang, legend=True, height=480)
    # A bar too short for its number hides it (it stays in the hover) rather than shrinking it.
    fig.update_layout(uniformtext=dict(minsize=SMALL_SIZE, mode="hide"))
    fig.update_xaxes(title_text=t("fig.month", lang), type="category", categoryorder="array",
                     categoryarray=x)
    top = max(max(total), max(monthly), 1)
    fig.update_yaxes(title_text=t("fig.reach.axis", lang), rangemode="tozero", range=[0, top * 1.15],
                     **whole_ticks(top))
    return fig




def coverage_gauges(coverage: Mapping[str, Any] | None, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Two gauges side by side: share of khóm and share of producers reached by outreach.

    `coverage`: area_share, producer_share (ratios or None), areas_reached, areas_total,
    producers_reached, producers_total. A share of None draws an empty gauge marked
    "Không tính được". Returns None when `coverage` is empty or both shares are None.
    """
    if not coverage:
        return None
    shares = (coverage.get("area_share"), coverage.get("producer_share"))
    if all(is_missing(s) for s in shares):
        return None
    specs = (
        ("fig.coverage.areas", shares[0], coverage.get("areas_reached"), coverage.get("areas_total")),
        ("fig.coverage.producers", shares[1], coverage.get("producers_reached"),
         coverage.get("producers_total")),
    )
    fig = go.Figure()
    for i, (key, share, reached, total) in enumerate(specs):
        title = t(key, lang, reached=number(reached, 0, lang), total=number(total, 0, lang))
        missing = is_missing(share)
        if missing:
            title += f"<br><span style='font-size:{SMALL_SIZE}px'>{t('indicator.not_computed', lang)}</span>"
        fig.add_trace(go.Indicator(
            mode="gauge" if missing else "gauge+number",
            value=None if missing else float(share) * 100,
            number=dict(suffix="%", valueformat=".1~f", font=dict(size=44)),
            title=dict(text=title, font=dict(size=FONT_SIZE + 2)),
            domain=dict(x=[0.0, 0.46] if i == 0 else [0.54, 1.0], y=[0.0, 0.9]),
            gauge=dict(
                axis=dict(range=[0, 100], ticksuffix="%", tickfont=dict(size=SMALL_SIZE),
                          separatethousands=True),
                bar=dict(color=PALETTE[0], thickness=0.6),
                bgcolor="#F2F2F2", borderwidth=1, bordercolor="#BBBBBB",
            ),
        ))
    base_layout(fig, t("fig.coverage.title", lang), lang, height=380)
    fig.update_layout(margin=dict(l=40, r=40, t=110, b=30))
    return fig


__all__ = ["coverage_gauges", "cumulative_reach", "outreach_heatmap"]
