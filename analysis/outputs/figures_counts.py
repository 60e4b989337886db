"""Counts as bars: outreach activities per channel, topic or unit, and training attendances per course
or unit (the outreach, training and meeting pages)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import DASH, number
from analysis.i18n.strings import DEFAULT_LANG, t
from analysis.outputs.chart_style import (
    FONT_SIZE,
    SERIES_COLOURS,
    bar_height,
    base_layout,
    hover_template,
    is_empty,
    plain,
    whole_ticks,
    wrap,
)
from analysis.workbook.values import is_missing

COUNT_DIMENSIONS = ("channel", "topic", "unit", "course", "training_unit")


def count_bars(counts: pd.DataFrame, dimension: str, lang: str = DEFAULT_LANG, *,
               title: bool = True) -> go.Figure | None:
    """Activities (or training attendances) per channel, topic, unit, course or training unit.

    `counts`: value, activities (or attendances, for "course" and "training_unit"),
    attendees (optional). `dimension` is one of COUNT_DIMENSIONS; it sets the title.
    Bars are drawn in table order from the top, in the series colour (never a status colour).
    title=False: no title (the page's heading names the chart). Returns None when the table is empty.
    """
    if dimension not in COUNT_DIMENSIONS:
        raise ValueError(f"dimension must be one of {COUNT_DIMENSIONS}, not {dimension!r}")
    if is_empty(counts):
        return None
    measure = "attendances" if "attendances" in counts.columns else "activities"
    training = measure == "attendances" or dimension in ("course", "training_unit")
    quantity = t("fig.count.attendances" if training else "fig.count.activities", lang)
    has_attendees = "attendees" in counts.columns
    values = [0 if is_missing(n) else int(n) for n in counts[measure]]
    labels = [DASH if is_missing(v) else str(v) for v in counts["value"]]
    custom = [[plain(label), number(n, 0, lang)] + ([number(a, 0, lang)] if has_attendees else [])
              for label, n, a in zip(labels, values,
                                     counts["attendees"] if has_attendees else [None] * len(values))]
    lines = ["<b>%{customdata[0]}</b>", f"{quantity}: %{{customdata[1]}}"]
    if has_attendees:
        lines.append(f"{t('fig.count.attendees', lang)}: %{{customdata[2]}}")
    fig = go.Figure(go.Bar(
        x=values, y=[wrap(label) for label in labels], orientation="h",
        text=[number(n, 0, lang) for n in values], textposition="outside", cliponaxis=False,
        textfont=dict(size=FONT_SIZE), marker=dict(color=SERIES_COLOURS[0]), customdata=custom,
        hovertemplate=hover_template(*lines),
    ))
    base_layout(fig, t(f"fig.count.title.{dimension}", lang) if title else None, lang, height=bar_height(len(values)))
    fig.update_xaxes(title_text=quantity, range=[0, max(max(values), 1) * 1.15], rangemode="tozero",
                     **whole_ticks(max(values)))
    fig.update_yaxes(title_text=t(f"fig.count.axis.{dimension}", lang), autorange="reversed")
    return fig


__all__ = ["COUNT_DIMENSIONS", "count_bars"]
