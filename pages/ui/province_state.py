"""Province mode's state: the background sync, the store read once per version, the province context.

Viewers never wait on Google: every page reads the store (data_sources/store.py), and the store is
refreshed by one background sync per server process (SyncRunner), started when the store is older
than the cache TTL, or by the refresh button. A sync replaces the store whole when it ends; the next
run of any page sees the new version (store_version changes) and reads it once for everyone.
"""
from __future__ import annotations

import logging
import os
import runpy
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import streamlit as st

from analysis.cli.demo_province import demo_is_prepared, demo_registry, prepare_demo_store
from analysis.cli.province import ProvinceData, load_province, load_unit
from analysis.cli.sync import WORKERS_ENV, run_sync
from analysis.i18n import strings
from analysis.policy.access import OFFICER
from analysis.policy.privacy import mask_personal
from analysis.workbook.dataset import Dataset
from data_sources import SourceConfig, SourceError, cache_ttl
from data_sources.store import store_version
from pages.ui.state import APP, FRAME_TOKEN, secrets

log = logging.getLogger("ocop")
PROVINCE_KEY = "_ocop_province"
UNIT_PARAM = "unit"


class SyncRunner:
    """At most one sync at a time in this process (the store's lock file stops other processes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None  # the last sync's end, whatever its outcome
        self.error: SourceError | None = None  # why the last sync did not run or did not finish

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, job: Callable[[], Any]) -> bool:
        """Run `job` (a sync) in the background; False when one is already running."""
        with self._lock:
            if self.running:
                return False
            self.started_at, self.error = datetime.now(UTC), None
            self._thread = threading.Thread(target=self._run, args=(job,), name="ocop-sync", daemon=True)
            self._thread.start()
            return True

    def due(self, store: Path, ttl: int) -> bool:
        """The store is older than the TTL (or absent), and the last attempt too: time for a sync."""
        if self.running:
            return False
        version = store_version(store)
        store_age = time.time() - version[1] / 1e9 if version else float("inf")
        attempt_age = (datetime.now(UTC) - self.finished_at).total_seconds() if self.finished_at else float("inf")
        return store_age >= ttl and attempt_age >= ttl

    def wait(self, timeout: float) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self, job: Callable[[], Any]) -> None:
        try:
            job()
        except SourceError as error:
            self.error = error
            log.warning("province sync did not run: %s", error)
        except Exception:  # a background thread has nobody to tell but the log
            log.exception("province sync failed")
            self.error = SourceError("sync_failed")
        finally:
            self.finished_at = datetime.now(UTC)


@st.cache_resource(show_spinner=False)
def sync_runner(store: str) -> SyncRunner:
    """One runner per store per server process, shared by every viewer."""
    return SyncRunner()


def keep_fresh(registry: SourceConfig, store: Path, force: bool = False) -> SyncRunner:
    """Start a background sync when one is due (or forced by the refresh button). In the dashboard a
    sync computes in its own thread, one unit after another (OCOP_SYNC_WORKERS to use more processes)."""
    runner = sync_runner(str(store.resolve()))
    if force or runner.due(store, cache_ttl(os.environ, secrets())):
        env, settings = dict(os.environ), secrets()
        workers = int(env.get(WORKERS_ENV) or 1) if (env.get(WORKERS_ENV) or "1").isdigit() else 1

        def job() -> None:
            if registry.kind == "demo" and not demo_is_prepared(store):
                prepare_demo_store(store, env, settings)  # built and synced twice on first use (one unit stale)
                return
            config = demo_registry(store) if registry.kind == "demo" else registry
            run_sync(config, store, env, settings, workers=workers)

        runner.start(job)
    return runner


@st.cache_resource(max_entries=4, show_spinner=False)
def _province(store: str, version: tuple) -> ProvinceData:
    return load_province(Path(store))


def province_data(store: Path) -> ProvinceData:
    """The store's current version, read once and shared (SourceError store_missing before the first sync)."""
    version = store_version(store)
    if version is None:
        raise SourceError("store_missing", path=str(store))
    return _province(str(store.resolve()), version)


@st.cache_resource(max_entries=32, show_spinner=False)
def _unit(store: str, version: tuple, code: str) -> Dataset | None:
    return load_unit(Path(store), code)


@st.cache_resource(max_entries=32, show_spinner=False)
def _masked_unit(store: str, version: tuple, code: str) -> Dataset | None:
    ds = _unit(store, version, code)
    return None if ds is None else mask_personal(ds)


def unit_dataset(store: Path, code: str, role: str) -> Dataset | None:
    """One unit's dataset from the store as this viewer may see it; None when the store has no data for it."""
    version = store_version(store)
    if version is None:
        return None
    loader = _unit if role == OFFICER else _masked_unit
    return loader(str(store.resolve()), version, code)


@st.cache_resource(max_entries=256, show_spinner=False)
def _province_memo(key: tuple, _build: Callable[[], Any]) -> Any:
    return _build()


def province_memo(ctx: ProvinceContext, name: str, build: Callable[[], Any]) -> Any:
    """A view of the province (a table, a figure) built once per store version, year, language and role,
    then shared: with 3,321 units the matrix and the ranking take far longer to build than to draw."""
    return _province_memo((name, ctx.data.version, ctx.year, ctx.lang, ctx.role), build)


def clear_province_cache() -> None:
    _province.clear()
    _unit.clear()
    _masked_unit.clear()
    _province_memo.clear()


@dataclass
class ProvinceContext:
    """What the province pages need: the store's data, the year, the language, who is looking."""

    data: ProvinceData
    year: int
    lang: str
    role: str
    store: Path
    runner: SyncRunner

    def t(self, key: str, /, **params: Any) -> str:
        return strings.t(key, self.lang, **params)


def set_province_context(ctx: ProvinceContext) -> None:
    """Called by the frame on every run in province mode, right before a province page runs."""
    st.session_state[PROVINCE_KEY] = ctx
    st.session_state[FRAME_TOKEN] = True


def province_context() -> ProvinceContext:
    """The context the frame set in this very run (as pages.ui.state.context(): a page executed
    directly runs the frame, which renders the page, and this outer run stops)."""
    if not st.session_state.pop(FRAME_TOKEN, False):
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()
    return st.session_state[PROVINCE_KEY]
