"""A load that survives the source being down: retries, then the last good snapshot.

    result = load_with_fallback(config)
    result.raw          # the workbook: fresh, or the snapshot when fallback is True
    result.fallback     # True: the source failed and this is the last good read
    result.error        # the SourceError that caused the fallback (None when fresh)
    result.snapshot_at  # when the snapshot was read from the source (its raw.read_at)

Without a usable snapshot the source's SourceError is raised. When a snapshot exists but is
unreadable or implausible (data_sources/snapshot.py, read_snapshot), it is not used, and
snapshot_problem(error) is why (a SourceError "snapshot_<why>"), so the page explains both.

Snapshots are kept for Google Sheets sources only. An .xlsx on disk is its own
snapshot (a second copy would only be another place holding producers' phone
numbers), and the demo cannot fail; their errors are raised as before.

Single flight. When many viewers arrive together on a cold cache, only one read may
reach Google. Streamlit's st.cache_data already serialises concurrent misses of one
key (a per-key compute lock, then a second look in the cache; streamlit 1.67
runtime/caching/cache_utils.py, _handle_cache_miss), but only for successes: an
exception is not cached, so each waiter would then fetch again, one after the
other, each with its own retries. Other callers (the CLI, a second cached function)
are not covered at all. So this module guarantees it itself, per location: a lock
around the fetch, and the outcome (result or error) of the last fetch, which a
caller reuses only if that fetch completed while the caller was waiting for the
lock (and is at most REUSE_S old). A caller that arrives after a fetch has
completed fetches again: clearing the cache ("Tải lại dữ liệu") always reads anew.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from data_sources import SourceConfig, read_source
from data_sources.raw import RawWorkbook, SourceError
from data_sources.snapshot import read_snapshot, save_snapshot, snapshot_dir

log = logging.getLogger(__name__)

REUSE_S = 60.0  # a waiter never reuses an outcome older than this


@dataclass
class LoadResult:
    raw: RawWorkbook
    fallback: bool
    error: SourceError | None
    snapshot_at: datetime | None


def snapshot_location(config: SourceConfig) -> str:
    """The name a source's snapshot is kept under: for a Google Sheet its key, so the
    sheet's link and its bare key (as raw.location holds it) share one snapshot."""
    if config.kind == "gsheet":
        from data_sources.google_sheets import parse_sheet_key  # gspread only when needed

        return parse_sheet_key(config.location) or config.location
    return config.location


def _load(config: SourceConfig, env: Mapping[str, str] | None, secrets: Mapping[str, Any] | None,
          directory: Path | None) -> LoadResult:
    keeps_snapshot = config.kind == "gsheet"
    try:
        raw = read_source(config, env, secrets)  # retried inside (data_sources/retry.py)
    except SourceError as error:
        if not keeps_snapshot:
            raise
        directory = snapshot_dir(env) if directory is None else directory
        snapshot, problem = None, None
        try:
            snapshot = read_snapshot(snapshot_location(config), directory, kind="gsheet")
        except SourceError as refused:
            problem = refused
        except Exception:  # a bug in the checks must not turn an outage into a traceback
            log.exception("snapshot check failed")
            problem = SourceError("snapshot_unreadable")
        if problem is not None:
            _not_used(error, problem)
        if snapshot is None:
            raise  # the source's error (with snapshot_problem when one was refused)
        log.warning("source failed (%s); showing the snapshot read at %s", error, snapshot.read_at.isoformat())
        return LoadResult(snapshot, True, error, snapshot.read_at)
    if keeps_snapshot:
        directory = snapshot_dir(env) if directory is None else directory
        try:
            save_snapshot(raw, directory)
        except (OSError, TypeError, ValueError) as problem:  # never lose a good read over a snapshot
            log.warning("snapshot not saved: %s", type(problem).__name__)
    return LoadResult(raw, False, None, None)


def _not_used(error: SourceError, problem: SourceError) -> None:
    log.warning("source failed (%s); the snapshot is not used: %s", error, problem)
    error.snapshot_problem = problem  # type: ignore[attr-defined]


def snapshot_problem(error: SourceError) -> SourceError | None:
    """Why the snapshot was not used when `error` was raised; None when there was none to use."""
    problem = getattr(error, "snapshot_problem", None)
    return problem if isinstance(problem, SourceError) else None


# --------------------------------------------------------------------------- single flight


@dataclass
class _Flight:
    lock: threading.Lock = field(default_factory=threading.Lock)
    completed: int = 0  # fetches completed for this location
    outcome: LoadResult | SourceError | None = None
    finished_at: float = 0.0  # time.monotonic() when the last fetch completed


_flights: dict[str, _Flight] = {}
_flights_guard = threading.Lock()


def _flight(location_key: str) -> tuple[_Flight, int]:
    """The location's flight and how many fetches had completed when the caller arrived."""
    with _flights_guard:
        flight = _flights.setdefault(location_key, _Flight())
        return flight, flight.completed


def reset_single_flight() -> None:
    """Forget every remembered outcome (tests; a process restart does the same)."""
    with _flights_guard:
        _flights.clear()


def load_with_fallback(config: SourceConfig, env: Mapping[str, str] | None = None,
                       secrets: Mapping[str, Any] | None = None, directory: Path | None = None) -> LoadResult:
    """read_source with retries; on success the snapshot is saved, on a SourceError
    the snapshot is returned (fallback=True) or, without one, the error is raised.
    At most one read per location is in flight in this process (see the module doc)."""
    flight, seen = _flight(f"{config.kind}:{config.location}")
    with flight.lock:
        if flight.completed != seen and time.monotonic() - flight.finished_at <= REUSE_S:
            return _replay(flight.outcome)  # fetched while we waited: share it
        try:
            outcome: LoadResult | SourceError = _load(config, env, secrets, directory)
        except SourceError as error:
            outcome = error
        with _flights_guard:
            flight.outcome, flight.finished_at = outcome, time.monotonic()
            flight.completed += 1
        if isinstance(outcome, SourceError):
            raise outcome
        return outcome


def _replay(outcome: LoadResult | SourceError | None) -> LoadResult:
    if isinstance(outcome, SourceError):
        # a fresh exception per waiter: one object raised in many threads would share a traceback
        fresh = type(outcome)(outcome.code, **outcome.params)
        problem = snapshot_problem(outcome)
        if problem is not None:
            fresh.snapshot_problem = problem  # type: ignore[attr-defined]
        raise fresh from outcome
    assert outcome is not None
    return outcome


__all__ = ["LoadResult", "REUSE_S", "load_with_fallback", "reset_single_flight", "snapshot_location",
           "snapshot_problem"]
