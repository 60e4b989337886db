"""Tables that read well on a desktop and on a phone, and their downloads side by side.

`table(ctx, frame, name)` shows a frame of display strings (analysis/outputs/table_view.py made them):
on a wide screen a st.dataframe tall enough for its rows (no box scrolling inside the page, up to
MAX_ROWS_TALL rows), on a narrow one (a phone) stacked cards, one per row, the first column as the
card's title and the others as "label: value" lines, so nothing hides off-screen to the right.
Which one shows is a CSS media query; both are in the page. Sheet text reaches the cards only
through widgets.md(). `downloads(...)` puts the CSV and Excel buttons in one row.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from analysis.outputs.exports import to_csv_bytes, to_xlsx_bytes
from pages.ui.state import Context, memo
from pages.ui.widgets import md

NARROW_PX = 640  # at or below: cards; above: the grid
ROW_PX, HEADER_PX = 35, 38  # st.dataframe's default row and header heights
MAX_ROWS_TALL = 30  # a longer table scrolls inside its box
MAX_CARDS = 200  # a longer table shows its first rows as cards; the downloads hold them all

_STYLE = f"""<style>
[class*="st-key-cards-"] {{ display: none; }}
@media (max-width: {NARROW_PX}px) {{
  [class*="st-key-grid-"] {{ display: none; }}
  [class*="st-key-cards-"] {{ display: flex; }}
  [class*="st-key-cards-"] [data-testid="stMarkdown"] {{
    border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 0.5rem 0.75rem;
    overflow-wrap: anywhere;
  }}
  [class*="st-key-cards-"] [data-testid="stMarkdownContainer"] {{ margin-bottom: 0; }}
  [class*="st-key-cards-"] [data-testid="stMarkdown"] p {{ margin: 0; line-height: 1.45; }}
}}
[class*="st-key-grid-"] {{ padding-top: 0.25rem; }}
</style>"""


# A shown number, percent or date (1.234,5 · 72,5% · 15/03/2023) or the dash: such columns align right.
_FIGURE = re.compile(r"—|[-+]?[\d.,]+%?|\d\d/\d\d/\d{4}")


def _figures(frame: pd.DataFrame) -> set[str]:
    return {column for column in frame.columns
            if frame[column].map(lambda v: bool(_FIGURE.fullmatch(str(v)))).all()
            and not (frame[column] == "—").all()}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower())


def card_text(row: Mapping[str, str]) -> str:
    """One row as a card's Markdown: the first value in bold, then `label: value` lines, all inert."""
    items = list(row.items())
    title = f"**{md(items[0][1])}**"
    return "  \n".join([title, *(f"{md(label)}: {md(value)}" for label, value in items[1:])])


def table(ctx: Context, frame: pd.DataFrame, name: str, widths: Mapping[str, str | int] | None = None,
          pinned: str | None = None) -> None:
    """A frame of display strings as a grid (wide screens) and as cards (phones). `widths` sets
    column widths ("small", "medium", "large" or pixels); `pinned` keeps that column in view."""
    st.html(_STYLE)
    key = _key(name)
    right = _figures(frame)
    config = {column: st.column_config.TextColumn(width=(widths or {}).get(column), pinned=column == pinned or None,
                                                  alignment="right" if column in right else None)
              for column in frame.columns}
    rows = min(len(frame), MAX_ROWS_TALL)
    with st.container(key=f"grid-{key}"):
        st.dataframe(frame, hide_index=True, width="stretch", height=HEADER_PX + ROW_PX * max(rows, 1) + 3,
                     column_config=config)
    with st.container(key=f"cards-{key}", gap="small"):
        for record in frame.head(MAX_CARDS).to_dict("records"):
            st.markdown(card_text(record))
        if len(frame) > MAX_CARDS:
            st.caption(ctx.t("table.first_rows", n=MAX_CARDS, total=len(frame)))


def downloads(ctx: Context, frame: pd.DataFrame, name: str, selection: tuple = ()) -> None:
    """CSV and Excel of a table as shown, side by side, with spreadsheet formulas made inert. The
    files are built once per view and `selection` (what the page narrowed the table by), see memo."""
    key = (name, *selection)
    with st.container(horizontal=True, gap="small", key=f"downloads-{_key(name)}"):
        st.download_button(ctx.t("export.csv"), memo(ctx, ("csv", *key), lambda: to_csv_bytes(frame)),
                           f"{name}.csv", "text/csv", key=f"{name}-csv", icon=":material/download:")
        st.download_button(ctx.t("export.xlsx"), memo(ctx, ("xlsx", *key), lambda: to_xlsx_bytes({name: frame})),
                           f"{name}.xlsx", key=f"{name}-xlsx", icon=":material/download:",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
