"""The indicators chart: how far each target is reached, and at what pace (overview and meeting pages)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import DASH, number, percent
from analysis.i18n.strings import DEFAULT_LANG, t
from analysis.outputs.chart_style import (
    FONT_SIZE,
    PACE_COLOURS,
    SMALL_SIZE,
    bar_height,
    base_layout,
    hover_template,
    is_empty,
    plain,
    wrap,
)
from analysis.workbook.values import is_missing


def indicator_progress(table: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Percent of target reached per indicator, as horizontal bars against a 100% line.

    `table`: code, label, target, actual, percent (ratio or None/NaN), pace ("reached",
    "on_track", "behind" or None). Only rows with a percent are drawn, in table order
    from the top. Each bar is coloured by pace (PACE_COLOURS) and also says it in words
    ("72,5% · Chậm tiến độ"). Returns None when the table is empty or no row has a percent.
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
        y.append(wrap(label))
        text.append(f"{shown} · {t(f'pace.{pace}', lang)}" if pace else shown)
        colours.append(PACE_COLOURS[pace])
        custom.append([plain(label), number(row.actual, 1, lang), number(row.target, 1, lang), shown,
                       t(f"pace.{pace}", lang) if pace else DASH])
    fig = go.Figure(go.Bar(
        x=x, y=y, orientation="h", text=text, cliponaxis=False,
        textposition=["outside" if v < 1 else "auto" for v in x],  # a 0% bar still shows its text
        textfont=dict(size=FONT_SIZE), insidetextanchor="end", marker=dict(color=colours),
        customdata=custom,
        hovertemplate=hover_template(
            "<b>%{customdata[0]}</b>",
            f"{t('col.actual', lang)} / {t('col.target', lang)}: %{{customdata[1]}} / %{{customdata[2]}}",
            f"{t('col.percent', lang)}: %{{customdata[3]}} · %{{customdata[4]}}",
        ),
    ))
    fig.add_vline(x=100, line=dict(color="#000000", width=2, dash="dash"),
                  annotation=dict(text=t("fig.progress.target_line", lang), font=dict(size=SMALL_SIZE),
                                  xanchor="left", yanchor="bottom"),
                  annotation_position="top right")
    base_layout(fig, t("fig.progress.title", lang), lang, height=bar_height(len(x)))
    # Room on the right for the text beyond the longest bar and the 100% line.
    fig.update_xaxes(title_text=t("fig.progress.axis", lang), ticksuffix="%",
                     range=[0, max(100.0, max(x)) * 1.3], rangemode="tozero")
    fig.update_yaxes(title_text=t("col.indicator", lang), autorange="reversed")
    return fig


__all__ = ["indicator_progress"]
