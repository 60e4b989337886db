"""What every page shares: the loaded dataset, the filters, the language, and small
rendering helpers. The frame (app.py) fills the context once per run; pages read it.
"""
from __future__ import annotations

import dataclasses
import os
import re
import runpy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import streamlit as st

from analysis.i18n import formatting, strings
from analysis.metrics.scope import Filters
from analysis.outputs.exports import to_csv_bytes, to_xlsx_bytes
from analysis.policy.access import OFFICER
from analysis.policy.privacy import mask_personal
from analysis.workbook.contract import TABS_BY_KEY
from analysis.workbook.dataset import Dataset
from analysis.workbook.normalise import normalise_workbook
from data_sources import SourceConfig, SourceError, cache_ttl
from data_sources.resilient import load_with_fallback

CONTEXT_KEY = "_ocop_context"


def secrets() -> dict[str, Any]:
    """st.secrets as a plain dict; an absent secrets.toml is simply no secrets."""
    try:
        return {k: (dict(v) if hasattr(v, "items") else v) for k, v in st.secrets.items()}
    except Exception:  # Streamlit raises its own error type when no secrets file exists
        return {}


# cache_resource, not cache_data: every run gets the one shared object instead of an unpickled copy
# (the dataset is never modified in place: analyses and masking return new frames).
@st.cache_resource(ttl=cache_ttl(os.environ, secrets()), show_spinner=False, max_entries=8)
def load_dataset_with_status(kind: str, location: str) -> tuple[Dataset, dict[str, Any]]:
    """One read and one normalisation shared by every viewer until the TTL runs out.

    Returns (dataset, status). status, for the frame's banner, is plain picklable data:
    {"fallback": bool,            # True: the source failed, this is the last good snapshot
     "error_code": str | None,    # the SourceError code (key source_error.<code>) when fallback
     "error_params": dict,        # its params, for strings.t(f"source_error.{code}", ...)
     "snapshot_at": str | None}   # ISO time the snapshot was read from the source (UTC)
    With no snapshot to fall back on, the SourceError is raised as before. A fallback is
    cached for the TTL like a fresh read (Google is not asked again meanwhile); "Tải lại
    dữ liệu" (clear_cache) retries at once.
    """
    result = load_with_fallback(SourceConfig(kind, location), os.environ, secrets())
    error = result.error
    status = {
        "fallback": result.fallback,
        "error_code": error.code if error is not None else None,
        "error_params": dict(error.params) if error is not None else {},
        "snapshot_at": result.snapshot_at.isoformat() if result.snapshot_at is not None else None,
    }
    return normalise_workbook(result.raw), status


def data_version(ds: Dataset) -> tuple:
    """Which read of which source a dataset is: the key of everything built from it."""
    return ds.source.version()


@st.cache_resource(max_entries=16, show_spinner=False)
def _masked(version: tuple, _ds: Dataset) -> Dataset:
    return mask_personal(_ds)


def load_for_viewer(config: SourceConfig, role: str) -> tuple[Dataset, dict[str, Any]]:
    """The shared dataset as this viewer may see it: personal data masked unless an officer."""
    ds, status = load_dataset_with_status(config.kind, config.location)
    return (ds if role == OFFICER else _masked(data_version(ds), ds)), status


@st.cache_resource(max_entries=512, show_spinner=False)
def _memo(key: tuple, _build: Callable[[], Any]) -> Any:
    return _build()


def memo(ctx: Context, name: str, build: Callable[[], Any]) -> Any:
    """A view (figure or table) built once per data read, filters, language and role, then shared:
    building Plotly figures costs far more than drawing them, and a rerun changes nothing."""
    f = ctx.filters
    return _memo((name, data_version(ctx.ds), f.year, f.areas, f.groups, ctx.lang, ctx.role), build)


def refreshed_context(ctx: Context) -> Context:
    """The same view on the latest shared read (for parts that refresh on their own)."""
    return dataclasses.replace(ctx, ds=load_for_viewer(ctx.config, ctx.role)[0])


def clear_cache() -> None:
    load_dataset_with_status.clear()
    _masked.clear()
    _memo.clear()


@dataclass
class Context:
    ds: Dataset
    filters: Filters
    lang: str
    config: SourceConfig
    years: list[int]
    role: str = "viewer"  # analysis.policy.access.OFFICER may see personal data and edit
    can_enter: bool = False  # may add rows through the quick-entry forms

    def t(self, key: str, /, **params: Any) -> str:
        return strings.t(key, self.lang, **params)


FRAME_TOKEN = "_ocop_frame_ran"


def set_context(ctx: Context) -> None:
    """Called by the frame on every run, right before the page runs."""
    st.session_state[CONTEXT_KEY] = ctx
    st.session_state[FRAME_TOKEN] = True


def context() -> Context:
    """The context the frame set in this very run.

    When a server (or AppTest) still knows the pages/ folder, Streamlit may execute a
    page file directly, without app.py. The page then runs the frame, which renders the
    page through st.navigation, and this outer run stops. The token, taken here, tells
    this run's context from a previous run's.
    """
    if not st.session_state.pop(FRAME_TOKEN, False):
        runpy.run_path(str(Path(__file__).resolve().parent.parent / "app.py"), run_name="__main__")
        st.stop()
    return st.session_state[CONTEXT_KEY]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: Any) -> str:
    """Sheet text made inert inside Markdown: no links, HTML or formatting from a cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def source_error_message(error: SourceError, lang: str) -> str:
    return strings.t(f"source_error.{error.code}", lang, **error.params)


# Charts stay static enough for a projector: no mode bar clutter, no scroll-zoom.
CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "responsive": True}


def filter_caption(ctx: Context) -> None:
    """Says which khóm and groups the page is narrowed to, so a screenshot is never ambiguous."""
    parts = []
    if ctx.filters.areas:
        parts.append(ctx.t("filters.showing_khom", names=", ".join(ctx.filters.areas)))
    if ctx.filters.groups:
        parts.append(ctx.t("filters.showing_group", names=", ".join(ctx.filters.groups)))
    if parts:
        st.caption(md(" · ".join(parts)))


def data_date(ctx: Context) -> date:
    """The day the data was read: what "expired" and "overdue" are judged against."""
    return ctx.ds.source.read_on()


# Colour follows pace, and the pace word is always written beside it.
PACE_COLOUR = {"reached": "normal", "on_track": "off", "behind": "inverse"}


def indicator_cards(ctx: Context, table: Any, per_row: int = 3) -> None:
    """One card per target: actual / target, and the percent with the pace word."""
    rows = list(table.itertuples())
    for start in range(0, len(rows), per_row):  # row by row, so a phone stacks the cards in order
        for column, row in zip(st.columns(per_row), rows[start:start + per_row]):
            actual = (formatting.number(row.actual, 1, ctx.lang) if row.computed
                      else ctx.t("indicator.not_computed"))
            pace = None
            if isinstance(row.pace, str):
                pace = f"{formatting.percent(row.percent, ctx.lang)} · {ctx.t('pace.' + row.pace)}"
            column.metric(row.label, f"{actual} / {formatting.number(row.target, 1, ctx.lang)}", pace,
                          delta_color=PACE_COLOUR.get(row.pace, "off"), delta_arrow="off", border=True)


def append_to_sheet(ctx: Context, tab_key: str, row: list[Any]) -> None:
    """One row appended to the shared Google Sheet (one values:append call)."""
    from data_sources import credentials_info
    from data_sources.sheet_writer import append_row

    title = ctx.ds.found_tabs.get(tab_key) or TABS_BY_KEY[tab_key].title
    append_row(ctx.config.location, credentials_info(os.environ, secrets()), title, row)


def downloads(ctx: Context, frame: Any, name: str) -> None:
    """CSV and Excel of a table as shown, with spreadsheet formulas made inert."""
    left, right = st.columns(2)
    # built once per view (memo), not on every rerun
    left.download_button(ctx.t("export.csv"), memo(ctx, f"{name}.csv", lambda: to_csv_bytes(frame)),
                         f"{name}.csv", "text/csv", key=f"{name}-csv")
    right.download_button(ctx.t("export.xlsx"), memo(ctx, f"{name}.xlsx", lambda: to_xlsx_bytes({name: frame})),
                          f"{name}.xlsx", key=f"{name}-xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def chart(ctx: Context, name: str, build: Callable[[], Any], empty_key: str, **params: Any) -> None:
    """A figure (built once per view, see memo), or the explanation of why there is none
    (figure builders return None)."""
    figure = memo(ctx, name, build)
    if figure is None:
        empty_state(ctx, empty_key, **params)
    else:
        st.plotly_chart(figure, config=CHART_CONFIG, theme=None)  # our layout as built (fonts, title room)


def empty_state(ctx: Context, key: str, **params: Any) -> None:
    """An explanation instead of an empty chart."""
    st.info(md(ctx.t(key, **params)), icon=":material/info:")
