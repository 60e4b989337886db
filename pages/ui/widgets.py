"""Rendering helpers every page uses: sheet text made inert, charts or the reason there are
none, indicator cards, the filter caption, downloads, and source errors in words."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from analysis.i18n import formatting, strings
from analysis.outputs.chart_style import STATUS_CARD_COLOURS
from analysis.outputs.exports import to_csv_bytes, to_xlsx_bytes
from data_sources import SourceError
from pages.ui.state import Context, memo

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# Where GFM's linkifier starts a link in plain text (escapes do not stop it): `scheme:`, `www.`, `@`.
_LINK_START = re.compile(r"(?<=:)|(?=@)|(?<=www)(?=\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"  # invisible, and breaks the patterns above

# Charts stay static enough for a projector: no mode bar clutter, no scroll-zoom.
CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "responsive": True}

# Colour follows pace, and the pace word is always written beside it. st.metric's pill takes
# Streamlit's named colours: each pace gets the one closest to its chart colour (chart_style's
# STATUS_CARD_COLOURS: reached green, on track blue, behind orange = vermillion's family).
PACE_COLOUR = {pace: STATUS_CARD_COLOURS[pace] for pace in ("reached", "on_track", "behind")}
DATA_PAGE = "pages/data_quality.py"


def md(text: Any) -> str:
    """Sheet text made inert inside Markdown, the one way every page, notice, caption, metric label
    and the meeting view show it: every Markdown character escaped (no link, image, HTML, formatting,
    `:icon:` or colour), and a word joiner after `:`, before `@` and after `www`, because GFM turns a
    bare `https://…`, `www.…` or `a@b.c` into a link even when escaped. Tables use st.dataframe
    (never Markdown); charts use analysis.outputs.chart_style.plain."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _LINK_START.sub(WORD_JOINER, str(text)))


def source_error_text(code: str, params: Mapping[str, Any], lang: str) -> str:
    """Why a source could not be read, in words (key source_error.<code>)."""
    return strings.t(f"source_error.{code}", lang, **params)


def source_error_message(error: SourceError, lang: str) -> str:
    return source_error_text(error.code, error.params, lang)


def filter_caption(ctx: Context) -> None:
    """Says which khóm and groups the page is narrowed to, so a screenshot is never ambiguous."""
    parts = []
    if ctx.filters.areas:
        parts.append(ctx.t("filters.showing_khom", names=", ".join(ctx.filters.areas)))
    if ctx.filters.groups:
        parts.append(ctx.t("filters.showing_group", names=", ".join(ctx.filters.groups)))
    if parts:
        st.caption(md(" · ".join(parts)))


def indicator_cards(ctx: Context, table: Any, per_row: int = 3) -> None:
    """One card per target: actual / target, and the share of the target reached with the pace word
    ("66,7% chỉ tiêu · Chậm tiến độ"), the pill in the pace's colour (PACE_COLOUR). An indicator that
    cannot be computed shows "— / target" and says why in a few words, with a link to the Data page."""
    rows = list(table.itertuples())
    for start in range(0, len(rows), per_row):  # row by row, so a phone stacks the cards in order
        for column, row in zip(st.columns(per_row), rows[start:start + per_row]):
            target = formatting.number(row.target, 1, ctx.lang)
            if not row.computed:
                column.metric(md(row.label), f"{formatting.DASH} / {target}", border=True)
                column.caption(ctx.t("indicator.unknown_code", code=md(row.code)))
                try:  # the meeting view's navigation has no Data page: the words stay, without a link
                    column.page_link(DATA_PAGE, label=ctx.t("indicator.see_data_page"), icon=":material/fact_check:")
                except StreamlitPageNotFoundError:
                    pass
                continue
            pace = None
            if isinstance(row.pace, str):
                pace = ctx.t("indicator.card_delta", percent=formatting.percent(row.percent, ctx.lang),
                             pace=ctx.t("pace." + row.pace))
            column.metric(md(row.label), f"{formatting.number(row.actual, 1, ctx.lang)} / {target}", pace,
                          delta_color=PACE_COLOUR.get(row.pace, "gray"), delta_arrow="off", border=True)


def downloads(ctx: Context, frame: Any, name: str, selection: tuple = ()) -> None:
    """CSV and Excel of a table as shown, with spreadsheet formulas made inert. `selection` is what
    the page narrowed the table by beyond the sidebar's filters (e.g. the Data page's tab and severity):
    the files are built once per view and selection (memo), never served for another one."""
    left, right = st.columns(2)
    key = (name, *selection)
    left.download_button(ctx.t("export.csv"), memo(ctx, ("csv", *key), lambda: to_csv_bytes(frame)),
                         f"{name}.csv", "text/csv", key=f"{name}-csv")
    right.download_button(ctx.t("export.xlsx"), memo(ctx, ("xlsx", *key), lambda: to_xlsx_bytes({name: frame})),
                          f"{name}.xlsx", key=f"{name}-xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def chart(ctx: Context, name: str, build: Callable[[], Any], empty_key: str, **params: Any) -> None:
    """A figure (built once per view, see memo), or the explanation of why there is none
    (figure builders return None). Pages show a chart under their own st.subheader and build it
    with title=False, so the heading is said once, in the app's font."""
    figure = memo(ctx, name, build)
    if figure is None:
        empty_state(ctx, empty_key, **params)
    else:
        st.plotly_chart(figure, config=CHART_CONFIG, theme=None)  # our layout as built (fonts, title room)


def empty_state(ctx: Context, key: str, **params: Any) -> None:
    """An explanation instead of an empty chart."""
    st.info(md(ctx.t(key, **params)), icon=":material/info:")
