"""`python -m analysis sync --registry R`: every unit of a province read into the store.

The registry is read with the contract's tolerant rules (analysis/workbook/registry.py); each unit
whose sheet or file changed since the last sync is read through the usual source path, normalised,
and its indicators computed for every year it has; the store (data_sources/store.py) is replaced
whole at the end, so a viewer never sees half a sync.

Within Google's quotas: Drive's files.list, as gspread's list_spreadsheet_files asks it (one request
per 1,000 spreadsheets the service account can see), gives every spreadsheet's modifiedTime; a unit
is read again (two requests) only when its modifiedTime differs from the one of its last good read,
or when its spreadsheet is no longer listed (unshared or deleted: the read then says which). Every
request goes through one rate limiter (data_sources/rate_limit.py). A unit never read well, or whose
last read failed, is tried again each sync. A unit that fails keeps its last good data, marked stale
with the reason and since when; one never read is unreadable.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.metrics.indicators import indicators, years
from analysis.metrics.scope import Filters
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise_workbook
from analysis.workbook.registry import Registry, read_registry
from data_sources import SourceConfig, SourceError, credentials_info, read_source, unit_source
from data_sources.raw import RawWorkbook
from data_sources.store import StoreReader, StoreWriter, UnitRecord, store_version, sync_lock

OK, STALE, UNREADABLE = "ok", "stale", "unreadable"
WORKERS_ENV = "OCOP_SYNC_WORKERS"
# Object columns kept as something other than text: yes/no cells as booleans, lists of ids as lists.
CODECS = {(tab.key, col.key): ("bool" if col.kind == c.YESNO else "list")
          for tab in c.TABS for col in tab.columns if col.kind in (c.YESNO, c.IDS)}


@dataclass
class SyncReport:
    """What a sync did: the counts a benchmark or an operator wants."""

    units: int = 0
    reread: int = 0  # units read this time (changed, new, or failing before)
    failed: int = 0
    requests: int = 0  # Google API requests (Drive list and Sheets), tokens not counted
    token_requests: int = 0
    listed: bool = False  # Drive was asked what changed
    registry_issues: int = 0
    notes: list[str] = field(default_factory=list)  # SourceError codes that did not stop the sync


@dataclass(frozen=True)
class UnitResult:
    """A unit read and computed (in a worker process when there are several): plain, picklable."""

    code: str
    read_at: datetime
    title: str
    url: str | None
    kind: str
    tables: dict[str, pd.DataFrame]
    issues: pd.DataFrame
    accounting: pd.DataFrame
    indicators: pd.DataFrame
    info: dict[str, Any]
    found_tabs: dict[str, Any]
    layouts: dict[str, Any]


def compute_unit(code: str, raw: RawWorkbook) -> UnitResult:
    """Normalise a unit's workbook and compute its indicators for every year it has: the same path as
    `python -m analysis summary`, so the store holds what the unit's own dashboard shows."""
    ds = normalise_workbook(raw)
    frames = [indicators(ds, Filters(year)).assign(year=year) for year in years(ds)]
    table = (pd.concat(frames, ignore_index=True) if frames else
             pd.DataFrame(columns=["code", "label", "target", "actual", "percent", "unit", "computed", "year"]))
    table = table.drop(columns="unit")[["year", "code", "label", "target", "actual", "percent", "computed"]]
    table = table.astype({"year": "int64", "target": "float64", "actual": "float64", "percent": "float64",
                          "computed": "bool"})
    accounting = pd.DataFrame([{"tab": tab, **count.as_plain()} for tab, count in ds.accounting.items()],
                              columns=["tab", "read", "accepted", "rejected"])
    return UnitResult(code, ds.source.read_at or datetime.now(UTC), ds.source.title, ds.source.url, raw.kind,
                      ds.tables, ds.issues, accounting, table, dict(ds.info), dict(ds.found_tabs), dict(ds.layouts))


def _compute_job(job: tuple[str, RawWorkbook]) -> UnitResult:
    return compute_unit(*job)


# ------------------------------------------------------------------------------------ registry


def read_registry_source(config: SourceConfig, env: Mapping[str, str], secrets: Mapping[str, Any],
                         session: Any = None) -> tuple[Registry, Path | None]:
    """The registry and the folder its relative .xlsx paths start from."""
    if config.kind == "gsheet" and session is not None:
        raw = session.read(config.location)
        folder = None
    else:
        raw = read_source(config, env, secrets)
        folder = Path(config.location).resolve().parent if config.kind != "gsheet" else None
    return read_registry(raw.tabs), folder


def _xlsx_stamp(path: str) -> str | None:
    """An .xlsx unit's version: its size and modification time (None when the file is missing)."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}"


# ------------------------------------------------------------------------------------ the sync


@dataclass
class _Plan:
    record: UnitRecord  # the unit as the registry lists it now, its last known state kept
    config: SourceConfig
    read: bool  # read this time
    modified: str | None  # what "changed" compares next time


def _previous(store: Path) -> dict[str, UnitRecord]:
    """The units as the last sync left them."""
    if store_version(store) is None:
        return {}
    try:
        with StoreReader(store) as reader:
            return {r.code: r for r in reader.units()}
    except SourceError:
        return {}  # an unreadable store is rebuilt from the sources


def _plan(registry: Registry, folder: Path | None, previous: dict[str, UnitRecord],
          changed: dict[str, str] | None) -> list[_Plan]:
    plans = []
    for position, row in enumerate(registry.units.itertuples()):
        source = row.source if isinstance(row.source, str) else None
        config = unit_source(source, folder) if source else SourceConfig("xlsx", "")
        before = previous.get(row.code)
        record = replace(before, name=row.name, kind=row.kind, source=source, source_kind=config.kind,
                         officers=tuple(row.officers), position=position) if before else UnitRecord(
            code=row.code, name=row.name, kind=row.kind, source=source, source_kind=config.kind,
            officers=tuple(row.officers), position=position)
        failing = before is None or before.status != OK or before.source != source
        if config.kind == "gsheet":
            from data_sources.google_sheets import parse_sheet_key

            key = parse_sheet_key(config.location) or config.location
            modified = (changed or {}).get(key, before.modified if before else None)
            # not listed any more: unshared or deleted, and only a read says which
            read = failing or changed is None or changed.get(key) != before.modified
        else:
            modified = _xlsx_stamp(config.location)
            read = failing or modified != before.modified
        plans.append(_Plan(record, config, read, modified))
    return plans


def _fetch(plan: _Plan, session: Any, env: Mapping[str, str], secrets: Mapping[str, Any]) -> RawWorkbook:
    if not plan.record.source:
        raise SourceError("registry_no_source", code=plan.record.code)
    if plan.config.kind == "gsheet":
        if session is None and credentials_info(env, secrets) is not None:
            raise SourceError("credentials_missing")  # the credentials did not open a session
        if session is not None:
            return session.read(plan.config.location)
    return read_source(plan.config, env, secrets)  # without credentials, a Google unit's public export


def _failed(record: UnitRecord, error: SourceError, now: datetime) -> UnitRecord:
    since = record.failing_since if record.status != OK and record.failing_since else now
    return replace(record, status=STALE if record.read_at is not None else UNREADABLE, reason_code=error.code,
                   reason_params={k: v for k, v in error.params.items() if isinstance(v, (str, int, float))},
                   failing_since=since, checked_at=now)


def _succeeded(plan: _Plan, result: UnitResult, now: datetime) -> UnitRecord:
    # source_kind as read: "gsheet_public" for a sheet read without credentials (the unit's pages warn)
    return replace(plan.record, source_kind=result.kind, status=OK, reason_code=None, reason_params={},
                   failing_since=None, read_at=result.read_at, checked_at=now, modified=plan.modified,
                   title=result.title, url=result.url, info=result.info, found_tabs=result.found_tabs,
                   layouts=result.layouts)


def _results(jobs: Iterator[tuple[_Plan, RawWorkbook | SourceError]], workers: int
             ) -> Iterator[tuple[_Plan, UnitResult | SourceError]]:
    """Each fetched unit computed, in registry order; with workers > 1 in that many processes,
    a bounded number in flight so memory stays flat however many units there are."""
    if workers <= 1:
        for plan, raw in jobs:
            yield plan, raw if isinstance(raw, SourceError) else compute_unit(plan.record.code, raw)
        return
    # spawn, not fork: the dashboard calls this from a thread, and forking a threaded process can deadlock
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        in_flight: list[tuple[_Plan, Future | SourceError]] = []
        for plan, raw in jobs:
            in_flight.append((plan, raw if isinstance(raw, SourceError) else
                              pool.submit(_compute_job, (plan.record.code, raw))))
            while len(in_flight) > workers * 4:
                done_plan, done = in_flight.pop(0)
                yield done_plan, done if isinstance(done, SourceError) else done.result()
        for done_plan, done in in_flight:
            yield done_plan, done if isinstance(done, SourceError) else done.result()


def run_sync(registry: SourceConfig, store: Path, env: Mapping[str, str], secrets: Mapping[str, Any], *,
             session_factory: Callable[[], Any] | None = None, workers: int = 1,
             now: Callable[[], datetime] | None = None) -> SyncReport:
    """One sync of every unit of `registry` into `store`. SourceError when the registry cannot be read
    or another sync holds the store; a unit's failure is recorded, never raised.

    `now`: the sync's clock; given, it is also each unit's read time (the demo province replays a year
    of quarterly syncs with it, so its trend has points); by default the real time, and each unit's
    read time is when its source was read."""
    replayed = now is not None
    now = now or (lambda: datetime.now(UTC))
    report = SyncReport()
    with sync_lock(store):
        started = now()
        previous = _previous(store)
        session = _open_session(session_factory, env, secrets, report) if registry.kind == "gsheet" else None
        reg, folder = read_registry_source(registry, env, secrets, session)
        plans = _plan(reg, folder, previous, None)
        if session is None and any(p.config.kind == "gsheet" for p in plans):
            session = _open_session(session_factory, env, secrets, report)
        changed = _changed(session, report) if session is not None else None
        plans = _plan(reg, folder, previous, changed)
        report.units, report.registry_issues = len(plans), len(reg.issues)
        records: dict[str, UnitRecord] = {p.record.code: replace(p.record, checked_at=started) for p in plans}

        def jobs() -> Iterator[tuple[_Plan, RawWorkbook | SourceError]]:
            for plan in plans:
                if plan.read:
                    try:
                        raw = _fetch(plan, session, env, secrets)
                        if replayed:
                            raw.read_at = now()
                        yield plan, raw
                    except SourceError as error:
                        yield plan, error

        with StoreWriter(store, CODECS) as writer:
            for plan, outcome in _results(jobs(), workers):
                report.reread += 1
                code = plan.record.code
                if isinstance(outcome, SourceError):
                    report.failed += 1
                    records[code] = _failed(plan.record, outcome, started)
                    continue
                records[code] = _succeeded(plan, outcome, started)
                writer.put_unit(code, outcome.read_at, outcome.tables, outcome.accounting, outcome.issues,
                                outcome.indicators)
            writer.set_units([records[p.record.code] for p in plans])
            writer.set_registry_issues(reg.issues)
            if session is not None:
                report.requests, report.token_requests = session.requests, session.token_requests
            writer.log_sync(started_at=started.replace(tzinfo=None), finished_at=now().replace(tzinfo=None),
                            units=report.units, reread=report.reread, failed=report.failed,
                            requests=report.requests,
                            listed_at=started.replace(tzinfo=None) if report.listed else None)
        if session is not None:
            session.close()
    return report


def _open_session(factory: Callable[[], Any] | None, env: Mapping[str, str], secrets: Mapping[str, Any],
                  report: SyncReport) -> Any:
    """One Google session for the whole sync; None (each Google unit then fails with the reason) when
    the credentials are missing or bad."""
    from data_sources.google_drive import GoogleSession
    from data_sources.rate_limit import rate_from_env

    try:
        if factory is not None:
            return factory()
        return GoogleSession.open(credentials_info(env, secrets), per_minute=rate_from_env(env))
    except SourceError as error:
        report.notes.append(error.code)
        return None


def _changed(session: Any, report: SyncReport) -> dict[str, str] | None:
    """Every spreadsheet the service account sees, with its modifiedTime (None: read every Google unit).
    The whole list, not only what changed after the last sync: a unit's spreadsheet that dropped out of
    it was unshared or deleted, and is read (and marked stale with the reason) at once."""
    try:
        changed = session.changed_since(None)
    except SourceError as error:
        report.notes.append(error.code)
        return None
    report.listed = True
    return changed


def default_workers(env: Mapping[str, str] | None = None) -> int:
    """OCOP_SYNC_WORKERS, else one process per core."""
    env = os.environ if env is None else env
    try:
        return max(1, int(env.get(WORKERS_ENV, "")))
    except ValueError:
        return os.cpu_count() or 1
