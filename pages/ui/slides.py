"""The meeting view as slides: one topic per screen, text that grows with the screen, charts restyled
for a projector, and the current slide, next/previous and auto-advance kept in the link.

pages/meeting.py decides what each slide shows; this module knows how a slide is laid out and moved.
Sheet text goes through widgets.md() like everywhere else; the CSS here is our own.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from analysis.i18n import formatting
from analysis.workbook.values import is_missing
from pages.ui.state import Context, memo
from pages.ui.widgets import CHART_CONFIG, empty_state, md

SLIDE_PARAM, ADVANCE_PARAM = "slide", "advance"
MIN_ADVANCE = 5  # seconds: faster than this nobody can read a slide

# Chart text in px (Plotly draws fixed pixel sizes): at least 18 px anywhere on a chart.
CHART_FONT, CHART_SMALL, CHART_TITLE, GAUGE_NUMBER = 21, 19, 25, 54
_INLINE_SIZE = re.compile(r"font-size:\s*\d+px")

# Every rem on the page follows the root size, which follows the screen: 1 rem is about 18 px at
# 1366×768 and 26 px at 1920×1080 (min of width and height, so a short window keeps its slide whole).
# From 700 px wide, a slide is exactly one screen: header, then a body that the charts stretch to fill.
CSS = """<style>
  html {font-size: clamp(14px, min(1.35vw, 2.4vh), 34px);}
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"] {display: none;}
  [data-testid="stMainBlockContainer"] {max-width: 100%; padding: 0.5rem 1.2rem 0.5rem;}
  [data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
  [data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] td,
  [data-testid="stMarkdownContainer"] th {font-size: 1rem;}
  [data-testid="stMetricLabel"] p {font-size: 1rem; line-height: 1.25;}
  [data-testid="stMetricValue"], [data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] * {
    font-size: 2.4rem; line-height: 1.2;}  /* must outrank the body-text rule above, which also matches its p */
  [data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {font-size: 1rem;}
  [data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"],
  [data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] * {color: #333333;}
  [data-testid="stMainBlockContainer"] h1 {font-size: 1.75rem !important; padding: 0.1rem 0 0;}
  .st-key-slide_body [data-testid="stMarkdownContainer"] table {width: 100%; table-layout: fixed;}
  .st-key-slide_body th:nth-child(1) {width: 20%;}
  .st-key-slide_body th:nth-child(3) {width: 13%;}
  .st-key-slide_body th:nth-child(4) {width: 17%;}
  [data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th {padding: 0.3rem 0.5rem;}
  .st-key-slide_nav button p {font-size: 1rem;}
  @media (min-width: 700px) {
    [data-testid="stMain"] {overflow: hidden;}
    [data-testid="stMainBlockContainer"] {height: 100vh; box-sizing: border-box; display: flex;
      flex-direction: column;}
    [data-testid="stMainBlockContainer"] :is([data-testid="stVerticalBlock"], [data-testid="stLayoutWrapper"]):has(
      .st-key-slide_body), .st-key-slide_body {flex: 1 1 0; min-height: 0; display: flex; flex-direction: column;}
    .st-key-slide_body {overflow: hidden;}
    .st-key-slide_body :is([data-testid="stElementContainer"], [data-testid="stLayoutWrapper"]):has(
      [data-testid="stPlotlyChart"]) {flex: 1 1 0; min-height: 0;}
    .st-key-slide_body [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"]),
    .st-key-slide_body [data-testid="stColumn"]:has([data-testid="stPlotlyChart"]) > [data-testid="stVerticalBlock"],
    .st-key-slide_body [data-testid="stFullScreenFrame"]:has([data-testid="stPlotlyChart"]),
    .st-key-slide_body [data-testid="stPlotlyChart"] {height: 100%;}
  }
  @media (max-width: 699px) {
    .st-key-slide_body [data-testid="stPlotlyChart"] {height: 26rem;}
  }
</style>"""


@dataclass(frozen=True)
class Slide:
    title: str
    draw: Callable[[], None]


def style() -> None:
    st.html(CSS)


def parts(items: Sequence[Any], size: int, even: bool = True) -> list[Sequence[Any]]:
    """`items` in as few slides of at most `size` as possible (at least one slide, maybe empty);
    `even` spreads them out (11 by 5: 3, 4, 4, never 5, 5, 1), otherwise all slides but the last are full
    (cards: whole rows)."""
    count = max(1, -(-len(items) // size))
    if not even:
        return [items[i * size:(i + 1) * size] for i in range(count)]
    bounds = [len(items) * k // count for k in range(count + 1)]
    return [items[start:end] for start, end in zip(bounds, bounds[1:])]


def titled(ctx: Context, title: str, part: int, count: int) -> str:
    """A slide's title, with (2/3) when its topic spans several slides."""
    return ctx.t("meeting.part", title=title, part=part + 1, parts=count) if count > 1 else title


def advance_seconds() -> int | None:
    """?advance=20: the seconds each slide stays before the next one (None: only by hand)."""
    try:
        seconds = int(float(st.query_params.get(ADVANCE_PARAM, "")))
    except ValueError:
        return None
    return max(MIN_ADVANCE, seconds) if seconds > 0 else None


def _link_slide() -> int:
    """The link's slide, 1-based, as written; 1 when absent or not a number."""
    try:
        return int(st.query_params.get(SLIDE_PARAM, "1"))
    except ValueError:
        return 1


def _show(index: int) -> None:
    st.query_params[SLIDE_PARAM] = str(index + 1)  # the other link parameters (filters) stay
    st.session_state["_slide_shown"] = (index, time.monotonic())


def _step(step: int, count: int) -> None:
    _show((_link_slide() - 1 + step) % count)


def current(count: int, advance: int | None) -> int:
    """The 0-based slide to show: the link's (kept in range), moved on when `advance` seconds have
    passed since it was first shown in this session."""
    index = min(max(_link_slide(), 1), count) - 1
    shown = st.session_state.get("_slide_shown")
    if shown is None or shown[0] != index:
        _show(index)
    elif advance and time.monotonic() - shown[1] >= advance - 1:
        index = (index + 1) % count
        _show(index)
    elif st.query_params.get(SLIDE_PARAM) != str(index + 1):
        st.query_params[SLIDE_PARAM] = str(index + 1)
    return index


def header(ctx: Context, title: str, index: int, count: int, line: str) -> None:
    """Title and the slide's place on the left; previous/next (also ← and →) on the right; one line
    below saying as of when, what the view is narrowed to and how it refreshes."""
    left, right = st.columns([5, 2], vertical_alignment="center")
    left.title(title)  # the catalogue's words, no sheet text
    with right.container(key="slide_nav", horizontal=True, horizontal_alignment="right",
                         vertical_alignment="center"):
        st.button(ctx.t("meeting.prev"), key="slide_prev", icon=":material/arrow_back:", shortcut="Left",
                  on_click=_step, args=(-1, count))
        st.markdown(ctx.t("meeting.slide_of", n=index + 1, total=count))
        st.button(ctx.t("meeting.next"), key="slide_next", icon=":material/arrow_forward:", shortcut="Right",
                  on_click=_step, args=(1, count), icon_position="right")
    st.caption(line)


def projector(fig: go.Figure) -> go.Figure:
    """A copy of a built figure restyled for the back of a room: every text at least CHART_SMALL px,
    and no fixed height, so it stretches to the slide."""
    fig = go.Figure(fig)  # the built figure is shared (memo): never restyle it in place
    fig.layout.height = None
    fig.update_layout(autosize=True, font_size=CHART_FONT, title_font_size=CHART_TITLE,
                      legend_font_size=CHART_FONT, hoverlabel_font_size=CHART_FONT)
    fig.update_xaxes(tickfont_size=CHART_SMALL, title_font_size=CHART_FONT)
    fig.update_yaxes(tickfont_size=CHART_SMALL, title_font_size=CHART_FONT)
    for note in fig.layout.annotations:
        note.font.size = max(note.font.size or 0, CHART_SMALL)
    if fig.layout.xaxis.side == "top":  # the chart's title sits above axis labels that now take more room
        fig.layout.margin.t = (fig.layout.margin.t or 80) + 2 * CHART_FONT
    for trace in fig.data:
        if trace.type == "indicator":
            trace.number.font.size = GAUGE_NUMBER
            trace.title.font.size = CHART_FONT
            trace.title.text = _INLINE_SIZE.sub(f"font-size:{CHART_SMALL}px", trace.title.text or "")
            trace.gauge.axis.tickfont.size = CHART_SMALL
            continue
        if "textfont" in trace:
            trace.textfont.size = CHART_FONT
        if "colorbar" in trace:
            trace.colorbar.tickfont.size = CHART_SMALL
            trace.colorbar.title.font.size = CHART_SMALL
    return fig


def stacked_gauges(fig: go.Figure, titles: Sequence[str]) -> None:
    """Gauges one above the other, each the slide's width, so no scale's end touches the next gauge's
    start (side by side, "100%" and "0%" ran together), with the slide's own titles."""
    count = len(fig.data)
    for i, (trace, title) in enumerate(zip(fig.data, titles)):
        top = 1 - i / count - 0.12 / count
        trace.domain = dict(x=[0.0, 1.0], y=[max(0.0, top - 0.72 / count), top])
        trace.title.text = title


def chart(ctx: Context, name: str, build: Callable[[], Any], empty_key: str,
          restyle: Callable[[go.Figure], None] | None = None, **params: Any) -> None:
    """A page's figure (built once per view, see memo) on a slide, or why there is none."""
    figure = memo(ctx, name, build)
    if figure is None:
        empty_state(ctx, empty_key, **params)
        return
    figure = projector(figure)
    if restyle is not None:
        restyle(figure)
    st.plotly_chart(figure, config=CHART_CONFIG, theme=None, height="stretch")


def task_rows(ctx: Context, tasks: Any) -> None:
    """Tasks as a Markdown table, every cell of sheet text made inert; overdue ones say so in words."""
    head = [ctx.t("col.unit"), ctx.t("col.task"), ctx.t("col.due"), ctx.t("col.status")]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in tasks.itertuples():
        due = ctx.t("meeting.no_due") if is_missing(row.due_on) else formatting.day(row.due_on)
        status = _cell(row.status)
        if row.overdue:
            status = f":red[**{ctx.t('tasks.overdue')}**] · {status}"
        lines.append(f"| {_cell(row.unit)} | {_cell(row.task)} | {due} | {status} |")
    st.markdown("\n".join(lines))


def _cell(value: Any) -> str:
    """Sheet text for a table cell: inert, and a dash for an empty cell (never "None" or "nan")."""
    return formatting.DASH if is_missing(value) or not str(value).strip() else md(value)
