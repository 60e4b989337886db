"""OCOP_REGISTRY=demo: the demo province (data_sources/demo/province.py), built and synced on first use.

The files go to a folder beside the store (<store folder>/demo-province/<day>/), dated so that a new
day's demo is built fresh. The store replays the year: the province is built as it stood at the end
of each past quarter and synced with that day as its read time (so the trend has points), then as it
stands today; then one unit's file is damaged and a last sync marks that unit stale (its last good
data kept). One more unit points to a file that never existed, so it is unreadable. A demo store is
never mixed with a real one: with OCOP_REGISTRY=demo and no OCOP_STORE, the store is .store/demo.duckdb.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from analysis.workbook import clock
from data_sources import SourceConfig
from data_sources.demo.province import REGISTRY_FILE, break_stale_unit, build_demo_province
from data_sources.store import DEFAULT_STORE, STORE_ENV, default_store, store_path, store_version

DEMO_STORE = DEFAULT_STORE.with_name("demo.duckdb")


def demo_store_path(env: Mapping[str, str], secrets: Mapping[str, Any]) -> Path:
    if (env.get(STORE_ENV) or "").strip():
        return store_path(env, secrets)
    return default_store().with_name(DEMO_STORE.name)  # beside where the real store would be


def demo_folder(store: Path) -> Path:
    return store.parent / "demo-province" / clock.today().isoformat()


def demo_registry(store: Path) -> SourceConfig:
    """The demo registry's file (built when missing)."""
    folder = demo_folder(store)
    registry = folder / REGISTRY_FILE
    if not registry.is_file():
        build_demo_province(folder, clock.today())
    return SourceConfig("xlsx", str(registry))


def quarter_ends(today: date) -> list[date]:
    """The ends of this year's quarters before today (none in the first quarter)."""
    ends = [date(today.year, month, 30 if month in (6, 9) else 31) for month in (3, 6, 9)]
    return [day for day in ends if day < today]


def demo_is_prepared(store: Path) -> bool:
    """The store holds today's demo, stale unit included."""
    marker = demo_folder(store) / ".prepared"
    return store_version(store) is not None and marker.is_file() and marker.read_text() == str(store.resolve())


def prepare_demo_store(store: Path, env: Mapping[str, str], secrets: Mapping[str, Any]) -> SourceConfig:
    """The demo registry, with a store that already shows one stale unit (two syncs on first use)."""
    from analysis.cli.sync import run_sync

    config = demo_registry(store)
    if demo_is_prepared(store):
        return config
    today = clock.today()
    for day in quarter_ends(today):  # the year so far, one sync per past quarter
        build_demo_province(demo_folder(store), day)
        moment = datetime.combine(day, time(17), clock.VIETNAM)
        run_sync(config, store, env, secrets, now=lambda moment=moment: moment)
    build_demo_province(demo_folder(store), today)
    run_sync(config, store, env, secrets)
    break_stale_unit(demo_folder(store))
    run_sync(config, store, env, secrets)
    (demo_folder(store) / ".prepared").write_text(str(store.resolve()))
    return config
