"""The one look of the dashboard's charts (the builders in figures_*.py use it; no Streamlit here).

The figures are read by ward leaders on a projector: large fonts, the Okabe–Ito colour-blind-safe
palette, a white template, Vietnamese number separators (1.234,5), titles and long labels wrapped
for half-width columns and phones. Hover text is built from whole lines (`hover_template`) and
carried in `customdata`, so Plotly's own words such as "variable" or "value" never show. The
labels of stages, khóm and months come from analysis/i18n/strings.py.
"""
from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import DASH
from analysis.i18n.strings import DEFAULT_LANG, t
from analysis.workbook import contract as c
from analysis.workbook.values import is_missing

# Okabe–Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
GREY = "#8C8C8C"
BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK = PALETTE

# One colour language: a status has one colour on cards, bars, tables and slides, and no series
# borrows a status colour for something else. Cards are st.metric pills, which take Streamlit's
# named colours only: STATUS_CARD_COLOURS maps each status to the closest one (same hue family).
#   status     chart (Okabe–Ito)        card pill (st.metric delta_color)
#   reached    bluish green #009E73     "green"
#   on_track   blue #0072B2             "blue"
#   behind     vermillion #D55E00       "orange"   (Streamlit's "red" would be another hue)
#   valid      bluish green #009E73     "green"    (certificate in force: good, like reached)
#   expiring   orange #E69F00           "yellow"   (a warning, not yet late)
#   expired    vermillion #D55E00       "orange"   (late, like behind)
#   none       grey #8C8C8C             "gray"     (no pace: no target, or not computed)
STATUS_COLOURS: dict[str | None, str] = {
    "reached": GREEN, "on_track": BLUE, "behind": VERMILLION,
    "valid": GREEN, "expiring": ORANGE, "expired": VERMILLION,
    None: GREY,
}
STATUS_CARD_COLOURS: dict[str | None, str] = {
    "reached": "green", "on_track": "blue", "behind": "orange",
    "valid": "green", "expiring": "yellow", "expired": "orange",
    None: "gray",
}
PACE_COLOURS: dict[str | None, str] = {k: STATUS_COLOURS[k] for k in ("reached", "on_track", "behind", None)}
# Colours for series that are not a status (counts, stages, documents, people reached): never a
# status colour, so a blue or vermillion bar always means a pace.
SERIES_COLOURS = (SKY, PURPLE, BLACK)
HEAT_SCALE = [[0.0, "#F4FAFE"], [1.0, "#08306B"]]  # one hue, white to navy: more activities, darker cell

FONT_SIZE = 16
TITLE_SIZE = 22
SMALL_SIZE = 15  # the smallest text anywhere (ticks, hover, annotations) stays >= 14
# The app's theme font (Streamlit's "Source Sans", which it serves, with Vietnamese), then fallbacks.
FONT_FAMILY = '"Source Sans", "Source Sans 3", "Noto Sans", Arial, sans-serif'
BAR_ROW_PX = 46  # height per category of a horizontal bar chart
TITLE_WIDTH = 34  # titles wrap too: charts sit in half-width columns and on phones
LABEL_WIDTH = 24  # longer category labels wrap onto lines of balanced length


def is_empty(frame: Any) -> bool:
    """No table, or a table without rows: the builder returns None (the page explains why)."""
    return frame is None or (isinstance(frame, pd.DataFrame) and frame.empty)


def plain(text: Any) -> str:
    """Sheet text as Plotly shows it literally: Plotly renders a subset of HTML (`<a href>`, `<b>`,
    `<br>`…) in every label, hover, bar text and title, so `&`, `<` and `>` become entities.
    Every figure builder passes data text through here (wrap, area_label and stage_label do)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _greedy_lines(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def wrap(text: str, width: int = LABEL_WIDTH) -> str:
    """Break a label longer than `width` onto as few lines as it needs, of similar length (`<br>`).
    The text is made plain first, so the `<br>` are the only markup in the result."""
    words = plain(text).split()
    text = " ".join(words)
    if len(text) <= width:
        return text
    needed = len(_greedy_lines(words, width))
    for line_width in range(math.ceil(len(text) / needed), width + 1):  # the narrowest that fits
        lines = _greedy_lines(words, line_width)
        if len(lines) <= needed:
            return "<br>".join(lines)
    return "<br>".join(_greedy_lines(words, width))


def hover_template(*lines: str) -> str:
    """A hovertemplate from lines of text, without Plotly's trace-name box."""
    return "<br>".join(lines) + "<extra></extra>"


def stage_label(stage: Any, lang: str = DEFAULT_LANG) -> str:
    """A stage of the cycle in `lang`; unknown values are shown as written."""
    if is_missing(stage):
        return DASH
    code = c.STAGE_CODES.get(stage)
    return t(f"stage.{code}", lang) if code else plain(stage)


def area_label(area: Any, lang: str = DEFAULT_LANG) -> str:
    """`Vĩnh Phú` -> `Khóm Vĩnh Phú`; the whole ward reads `Toàn phường` / `Whole ward`."""
    name = str(area)
    if name == c.WHOLE_WARD:
        return t("fig.whole_ward", lang)
    if name.casefold().startswith("khóm"):
        return plain(name)
    return t("fig.area", lang, area=plain(name))


def month_label(month: int, lang: str = DEFAULT_LANG, long: bool = False) -> str:
    """3 -> `Th3` / `Mar` (axis labels), or `Tháng 3` / `March` with long=True (hover)."""
    return t(f"month.{'long' if long else 'short'}.{int(month)}", lang)


def base_layout(fig: go.Figure, title: str | None, lang: str = DEFAULT_LANG, *,
                height: int | None = None, legend: bool = False) -> go.Figure:
    """The shared look: title, fonts, separators, palette, margins, white template.

    `title=None` draws no title: a page that shows the chart under its own heading (st.subheader)
    builds it so, and the heading is not said twice; slides and exports keep the figure's title."""
    title = wrap(title, TITLE_WIDTH) if title else ""  # a long title takes two lines, not off a phone
    top = (120 if legend else 80) + (24 if "<br>" in title else 0) if title else (70 if legend else 30)
    fig.update_layout(
        template="plotly_white",
        title=dict(text=title, font=dict(size=TITLE_SIZE, family=FONT_FAMILY), x=0.01, xanchor="left",
                   xref="container", y=1, yref="container", yanchor="top",
                   pad=dict(t=40 if "<br>" in title else 16)),  # plotly sets a 2-line title by its 1st line
        font=dict(size=FONT_SIZE, family=FONT_FAMILY, color="#222222"),
        separators=".," if lang == "en" else ",.",
        colorway=list(PALETTE),
        margin=dict(l=20, r=40, t=top, b=60, autoexpand=True),
        hoverlabel=dict(font=dict(size=SMALL_SIZE, family=FONT_FAMILY)),
        showlegend=legend,
        legend=dict(title=dict(text=""), orientation="h", x=0, xanchor="left", y=1.02,
                    yanchor="bottom", font=dict(size=FONT_SIZE)),
    )
    if height is not None:
        fig.update_layout(height=height)
    axes = dict(automargin=True, separatethousands=True, title_font=dict(size=FONT_SIZE),
                tickfont=dict(size=SMALL_SIZE))
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    return fig


def whole_ticks(top: float) -> dict:
    """Axis settings so small counts tick at whole numbers (no `0,5` activities)."""
    if top > 10:
        return dict(tickformat=",d")
    return dict(tickformat=",d", dtick=1 if top <= 5 else 2, tick0=0)  # 2 apart: readable on a phone


def bar_height(rows: int, per_row: int = BAR_ROW_PX, extra: int = 200) -> int:
    """Pixels for a chart of `rows` categories: each keeps its room, and no chart is squat."""
    return max(360, extra + per_row * rows)


__all__ = ["BAR_ROW_PX", "FONT_FAMILY", "FONT_SIZE", "GREY", "HEAT_SCALE", "LABEL_WIDTH", "PACE_COLOURS", "PALETTE",
           "SERIES_COLOURS", "SMALL_SIZE", "STATUS_CARD_COLOURS", "STATUS_COLOURS", "TITLE_SIZE", "TITLE_WIDTH",
           "area_label", "bar_height", "base_layout", "hover_template",
           "is_empty", "month_label", "plain", "stage_label", "whole_ticks", "wrap"]
