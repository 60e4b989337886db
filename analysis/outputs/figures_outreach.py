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
    SERIES_COLOURS,
    SMALL_SIZE,
    area_label,
    base_layout,
    hover_template,
    is_empty,
    month_label,
    whole_ticks,
    wrap,
)
from analysis.workbook import contract as c
from analysis.workbook.values import is_missing

HEAT_ROW_PX = 32  # one month of the heat map


def _column_label(area: object, lang: str) -> str:
    """A khóm's name for a narrow column, a word a line: the axis title already says "Khóm"."""
    name = str(area)
    return wrap(t("fig.whole_ward", lang) if name == c.WHOLE_WARD else name, 7)  # wrap makes it plain


def outreach_heatmap(heat: pd.DataFrame, lang: str = DEFAULT_LANG, *, title: bool = True) -> go.Figure | None:
    """Outreach activities per khóm (columns, the last may be "Toàn phường") and month (rows, 1..12).

    Laid out for a phone: twelve months down, a few khóm across, so on a 360 px screen every
    cell keeps 20 px or more and every month has its label; khóm names break onto two lines
    ("Vĩnh<br>Phú", under the axis title "Khóm"); the colour bar lies under the grid, as wide as the grid at most.
    Months missing from `heat` read as 0; counts are printed in the cells. title=False: no title
    (the page's heading names the chart). Returns None when the table is empty or holds no activity.
    """
    if is_empty(heat):
        return None
    months = list(range(1, 13))
    frame = heat.reindex(columns=months).fillna(0)
    if float(frame.to_numpy(dtype=float).sum()) == 0:
        return None
    by_area = [[int(v) for v in row] for row in frame.to_numpy(dtype=float)]
    z = [list(row) for row in zip(*by_area)]  # rows: months; columns: khóm
    areas = [area_label(a, lang) for a in frame.index]
    columns = [_column_label(a, lang) for a in frame.index]  # "Vĩnh<br>Phú": narrow columns on a phone
    rows = [month_label(m, lang) for m in months]
    text = [[number(v, 0, lang) if v else "" for v in row] for row in z]  # an empty cell: no activity
    custom = [[t("fig.heat.hover_one" if v == 1 else "fig.heat.hover", lang, area=area,
                 month=month_label(m, lang, long=True), activities=number(v, 0, lang))
               for area, v in zip(areas, row)] for m, row in zip(months, z)]
    fig = go.Figure(go.Heatmap(
        z=z, x=columns, y=rows, text=text,
        texttemplate="%{text}", textfont=dict(size=FONT_SIZE), customdata=custom,
        hovertemplate=hover_template("%{customdata}"), colorscale=HEAT_SCALE, zmin=0,
        xgap=2, ygap=2,
        colorbar=dict(title=dict(text=t("fig.heat.colorbar", lang), font=dict(size=SMALL_SIZE), side="top"),
                      orientation="h", x=0, xanchor="left", xref="paper", len=1, lenmode="fraction",
                      y=-0.02, yanchor="top", yref="paper", thickness=14,
                      tickfont=dict(size=SMALL_SIZE), separatethousands=True,
                      **whole_ticks(max(max(row) for row in z))),
    ))
    base_layout(fig, t("fig.heat.title", lang) if title else None, lang,
                height=12 * HEAT_ROW_PX + (230 if title else 180))
    fig.update_layout(margin=dict(b=110, r=16))
    fig.update_xaxes(title_text=t("fig.heat.areas", lang), side="top", showgrid=False,
                     type="category", tickmode="array", tickvals=columns, ticktext=columns)
    fig.update_yaxes(title_text=t("fig.month", lang), autorange="reversed", showgrid=False, type="category",
                     tickmode="array", tickvals=rows, ticktext=rows)  # every month labelled
    return fig


def cumulative_reach(reach: pd.DataFrame, lang: str = DEFAULT_LANG, *, title: bool = True) -> go.Figure | None:
    """People reached by outreach per month (bars) and cumulated over the year (line).

    `reach`: month (1..12), attendees, cumulative. Both share one y axis so the line reads
    as the running total of the bars; series colours (sky blue bars, a black line), never a status
    colour. title=False: no title (the page's heading names the chart). Returns None when the table is empty.
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
        name=t("fig.reach.monthly", lang), x=x, y=monthly, marker=dict(color=SERIES_COLOURS[0]),
        text=[number(n, 0, lang) for n in monthly], textposition="inside", insidetextanchor="start",
        textfont=dict(size=SMALL_SIZE), customdata=custom, hovertemplate=hover,
    ))
    last = [""] * (len(total) - 1) + [number(total[-1], 0, lang)]
    fig.add_trace(go.Scatter(
        name=t("fig.reach.cumulative", lang), x=x, y=total, mode="lines+markers+text",
        line=dict(color=SERIES_COLOURS[2], width=4), marker=dict(size=10, color=SERIES_COLOURS[2]),
        text=last, textposition="top center", textfont=dict(size=FONT_SIZE, color=SERIES_COLOURS[2]),
        cliponaxis=False, customdata=custom, hovertemplate=hover,
    ))
    base_layout(fig, t("fig.reach.title", lang) if title else None, lang, legend=True, height=480)
    # A bar too short for its number hides it (it stays in the hover) rather than shrinking it.
    fig.update_layout(uniformtext=dict(minsize=SMALL_SIZE, mode="hide"))
    fig.update_xaxes(title_text=t("fig.month", lang), type="category", categoryorder="array",
                     categoryarray=x)
    top = max(max(total), max(monthly), 1)
    fig.update_yaxes(title_text=t("fig.reach.axis", lang), rangemode="tozero", range=[0, top * 1.15],
                     **whole_ticks(top))
    return fig




def coverage_gauges(coverage: Mapping[str, Any] | None, lang: str = DEFAULT_LANG, *,
                    title: bool = True) -> go.Figure | None:
    """Two gauges side by side: share of khóm and share of producers reached by outreach.

    `coverage`: area_share, producer_share (ratios or None), areas_reached, areas_total,
    producers_reached, producers_total. A share of None draws an empty gauge marked
    "Không tính được". These are coverage figures, of all khóm and all producers on the lists (not of
    a target): each gauge says so ("… trên tổng số"). title=False: no title. Returns None when
    `coverage` is empty or both shares are None.
    """
    if not coverage:
        return None
    shares = (coverage.get("area_share"), coverage.get("producer_share"))
    if all(is_missing(s) for s in shares):
        return None
    specs = (
        ("fig.coverage.areas_of_all", shares[0], coverage.get("areas_reached"), coverage.get("areas_total")),
        ("fig.coverage.producers_of_all", shares[1], coverage.get("producers_reached"),
         coverage.get("producers_total")),
    )
    fig = go.Figure()
    for i, (key, share, reached, total) in enumerate(specs):
        name = wrap(t(key, lang, reached=number(reached, 0, lang), total=number(total, 0, lang)), 26)
        missing = is_missing(share)
        if missing:
            name += f"<br><span style='font-size:{SMALL_SIZE}px'>{t('indicator.not_computed', lang)}</span>"
        fig.add_trace(go.Indicator(
            mode="gauge" if missing else "gauge+number",
            value=None if missing else float(share) * 100,
            number=dict(suffix="%", valueformat=".1~f", font=dict(size=44)),
            title=dict(text=name, font=dict(size=FONT_SIZE + 2)),
            domain=dict(x=[0.0, 0.46] if i == 0 else [0.54, 1.0], y=[0.0, 0.9]),
            gauge=dict(
                axis=dict(range=[0, 100], ticksuffix="%", tickfont=dict(size=SMALL_SIZE),
                          separatethousands=True),
                bar=dict(color=SERIES_COLOURS[0], thickness=0.6),
                bgcolor="#F2F2F2", borderwidth=1, bordercolor="#BBBBBB",
            ),
        ))
    base_layout(fig, t("fig.coverage.title", lang) if title else None, lang, height=380 if title else 320)
    fig.update_layout(margin=dict(l=40, r=40, t=110 if title else 60, b=30))
    return fig


__all__ = ["coverage_gauges", "cumulative_reach", "outreach_heatmap"]
