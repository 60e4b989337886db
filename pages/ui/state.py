"""Loading and Streamlit's caches, the load status, and the page context.

One read and one normalisation of a source is shared by every viewer until the TTL runs
out; views built from it are memoised per read, filters, language and role. The frame
(app.py) sets the context once per run; pages read it with context().
"""
from __future__ import annotations

import dataclasses
import os
import runpy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import streamlit as st

from analysis.i18n import strings
from analysis.metrics.scope import Filters
from analysis.policy.access import OFFICER, VIEWER
from analysis.policy.privacy import mask_personal
from analysis.workbook.dataset import Dataset
from analysis.workbook.normalise import normalise_workbook
from data_sources import SourceConfig, SourceError, cache_ttl
from data_sources.resilient import LoadResult, load_with_fallback, snapshot_problem

APP = Path(__file__).resolve().parents[2] / "app.py"  # the frame, two folders up from pages/ui/
CONTEXT_KEY = "_ocop_context"
FRAME_TOKEN = "_ocop_frame_ran"


def secrets() -> dict[str, Any]:
    """st.secrets as a plain dict; an absent secrets.toml is simply no secrets."""
    try:
        return {k: (dict(v) if hasattr(v, "items") else v) for k, v in st.secrets.items()}
    except Exception:  # Streamlit raises its own error type when no secrets file exists
        return {}


@dataclass(frozen=True)
class LoadStatus:
    """How the shared read went, for the frame's banner. Plain, picklable data."""

    fallback: bool = False  # True: the source failed, the dataset is the last good snapshot
    error_code: str | None = None  # the SourceError code (key source_error.<code>) when fallback
    error_params: dict[str, Any] = field(default_factory=dict)  # its params, for strings.t(...)
    snapshot_at: datetime | None = None  # when the snapshot was read from the source (UTC)
    # why a snapshot on disk was not used (key source_error.snapshot_<why>), when the read failed without one
    snapshot_problem_code: str | None = None
    snapshot_problem_params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, result: LoadResult) -> LoadStatus:
        error = result.error
        return cls(fallback=result.fallback,
                   error_code=error.code if error is not None else None,
                   error_params=dict(error.params) if error is not None else {},
                   snapshot_at=result.snapshot_at)

    @classmethod
    def failed(cls, error: SourceError) -> LoadStatus:
        """A read that failed with nothing to show: the source's error, and why the snapshot was not used."""
        problem = snapshot_problem(error)
        return cls(error_code=error.code, error_params=dict(error.params),
                   snapshot_problem_code=problem.code if problem is not None else None,
                   snapshot_problem_params=dict(problem.params) if problem is not None else {})


# cache_resource, not cache_data: every run gets the one shared object instead of an unpickled copy
# (the dataset is never modified in place: analyses and masking return new frames).
@st.cache_resource(ttl=cache_ttl(os.environ, secrets()), show_spinner=False, max_entries=8)
def load_dataset_with_status(kind: str, location: str) -> tuple[Dataset, LoadStatus]:
    """One read and one normalisation shared by every viewer until the TTL runs out.

    Returns (dataset, LoadStatus). With no snapshot to fall back on, the SourceError is
    raised as before. A fallback is cached for the TTL like a fresh read (Google is not
    asked again meanwhile); "Tải lại dữ liệu" (clear_cache) retries at once.
    """
    result = load_with_fallback(SourceConfig(kind, location), os.environ, secrets())
    return normalise_workbook(result.raw), LoadStatus.of(result)


def data_version(ds: Dataset) -> tuple:
    """Which read of which source a dataset is: the key of everything built from it."""
    return ds.source.version()


@st.cache_resource(max_entries=16, show_spinner=False)
def _masked(version: tuple, _ds: Dataset) -> Dataset:
    return mask_personal(_ds)


def load_for_viewer(config: SourceConfig, role: str) -> tuple[Dataset, LoadStatus]:
    """The shared dataset as this viewer may see it: personal data masked unless an officer."""
    ds, status = load_dataset_with_status(config.kind, config.location)
    return (ds if role == OFFICER else _masked(data_version(ds), ds)), status


@st.cache_resource(max_entries=512, show_spinner=False)
def _memo(key: tuple, _build: Callable[[], Any]) -> Any:
    return _build()


def memo(ctx: Context, name: str | tuple, build: Callable[[], Any]) -> Any:
    """A view (figure or table) built once per data read, filters, language and role, then shared:
    building Plotly figures costs far more than drawing them, and a rerun changes nothing."""
    f = ctx.filters
    return _memo((name, data_version(ctx.ds), f.year, f.areas, f.groups, ctx.lang, ctx.role), build)


def clear_cache() -> None:
    """Forget every read and every view built from one: the next run reads the source again."""
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
    role: str = VIEWER  # OFFICER may see personal data and edit
    can_enter: bool = False  # may add rows through the quick-entry forms
    unit: str | None = None  # province mode: the unit's code (its data comes from the province store)
    reload: Callable[[str], Dataset] | None = None  # province mode: the unit's latest data for a role
    refresh: Callable[[], None] | None = None  # read the data again (province mode: start a sync of the store)

    def read_again(self) -> None:
        """After a write: the next run reads the source again (in a province, once the sync has run)."""
        (self.refresh or clear_cache)()

    def t(self, key: str, /, **params: Any) -> str:
        return strings.t(key, self.lang, **params)


def refreshed_context(ctx: Context) -> Context:
    """The same view on the latest shared read (for parts that refresh on their own); a province's unit
    is read again from the store, never from its source."""
    if ctx.reload is not None:
        return dataclasses.replace(ctx, ds=ctx.reload(ctx.role))
    return dataclasses.replace(ctx, ds=load_for_viewer(ctx.config, ctx.role)[0])


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
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()
    return st.session_state[CONTEXT_KEY]
