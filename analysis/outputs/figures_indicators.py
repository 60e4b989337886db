"""The indicators chart: how far each target is reached, and at what pace (overview and meeting pages)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import DASH, number, percent
from analysis.i18n.strings import DEFAULT_LANG, t
from analysis.outputs.chart_style import (
    BLACK,
    FONT_SIZE,
    PACE_COLOURS,
    SMALL_SIZE,
    base_layout,
    hover_template,
    is_empty,
    plain,
    wrap,
)
from analysis.workbook.values import is_missing

LINE_PX = 22  # one line of the words above a bar
BAR_PX = 26  # the bar itself
ROOM = 1.06  # the axis runs a little past max(100%, the longest bar)
NAME_WIDTH = 30  # characters a line of an indicator's name: fits above a bar on a 360 px phone


def indicator_progress(table: pd.DataFrame, lang: str = DEFAULT_LANG, *, title: bool = True) -> go.Figure | None:
    """Percent of target reached per indicator, as horizontal bars against a 100% line.

    `table`: code, label, target, actual, percent (ratio or None/NaN), pace ("reached",
    "on_track", "behind" or None). Only rows with a percent are drawn, in table order
    from the top. Each bar is coloured by pace (PACE_COLOURS) and also says it in words
    ("72,5% · Chậm tiến độ").

    Laid out for a phone as well as a projector: the indicator's name and its words sit above
    its bar, left-aligned (no y-axis labels eating half of a 360 px screen, no text at the bar's
    end to be clipped), and the 100% line is drawn through the bars only, never through words.
    The axis runs to max(100%, the longest bar) with a little room. title=False: no title (the
    page's heading names the chart). Returns None when the table is empty or no row has a percent.
    """
    if is_empty(table):
        return None
    rows = table[[not is_missing(p) for p in table["percent"]]]
    if rows.empty:
        return None
    has_pace = "pace" in rows.columns
    x, y, text, colours, custom = [], [], [], [], []
    for row in rows.itertuples(index=False):
        pace = getattr(row, "pace", None) if has_pace else None
        pace = pace if isinstance(pace, str) and pace in PACE_COLOURS else None
        label = str(row.label) if not is_missing(row.label) else str(row.code)
        shown = percent(row.percent, lang)
        x.append(float(row.percent) * 100)
        y.append(wrap(label, NAME_WIDTH))
        text.append(f"{shown} · {t(f'pace.{pace}', lang)}" if pace else shown)
        colours.append(PACE_COLOURS[pace])
        custom.append([plain(label), number(row.actual, 1, lang), number(row.target, 1, lang), shown,
                       t(f"pace.{pace}", lang) if pace else DASH])
    lines = max(label.count("<br>") + 2 for label in y)  # the name's lines and the percent's
    row_px = lines * LINE_PX + BAR_PX + 18
    bar_width = BAR_PX / row_px  # in rows: the bar keeps its pixels whatever the label's lines
    positions = list(range(len(x)))
    fig = go.Figure(go.Bar(
        x=x, y=positions, orientation="h", text=text, textposition="none", width=bar_width,
        marker=dict(color=colours), customdata=custom,
        hovertemplate=hover_template(
            "<b>%{customdata[0]}</b>",
            f"{t('col.actual', lang)} / {t('col.target', lang)}: %{{customdata[1]}} / %{{customdata[2]}}",
            f"{t('col.percent', lang)}: %{{customdata[3]}} · %{{customdata[4]}}",
        ),
    ))
    top = bar_width / 2
    for i, (label, words) in enumerate(zip(y, text)):  # the words above the bar, from the left edge
        fig.add_annotation(x=0, y=i - top, xref="x", yref="y", xanchor="left", yanchor="bottom",
                           text=f"{label}<br><b>{words}</b>", align="left", showarrow=False,
                           font=dict(size=FONT_SIZE), borderpad=2)
        # from the bar's top edge (where the words end) down past its bottom: never into the words
        fig.add_shape(type="line", x0=100, x1=100, y0=i - top, y1=i + top + 0.04, xref="x", yref="y",
                      line=dict(color=BLACK, width=2, dash="dot"))
    fig.add_annotation(x=100, y=1, xref="x", yref="paper", xanchor="right", yanchor="bottom",
                       text=t("fig.progress.target_line", lang), showarrow=False,
                       font=dict(size=SMALL_SIZE), borderpad=2)
    base_layout(fig, t("fig.progress.title", lang) if title else None, lang,
                height=row_px * len(x) + (170 if title else 120))
    fig.update_layout(margin=dict(t=fig.layout.margin.t + 24, l=10, r=16), bargap=0)
    fig.update_xaxes(title_text=t("fig.progress.axis", lang), ticksuffix="%", rangemode="tozero",
                     range=[0, max(100.0, max(x)) * ROOM])
    fig.update_yaxes(title_text="", autorange=False, showticklabels=False,
                     showgrid=False, zeroline=False, range=[len(x) - 1 + top + 0.1, -1 + top - 0.02])
    return fig


__all__ = ["indicator_progress"]
