"""A synced demo province for tests: the registry and unit files of data_sources/demo/province.py in a
folder, and a store that went through two syncs (the second after one unit's file was damaged), exactly
as OCOP_REGISTRY=demo prepares it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis.cli.sync import run_sync
from analysis.workbook import clock
from data_sources import SourceConfig
from data_sources.demo.province import DEMO_STALE_CODE, DEMO_UNREADABLE_CODE, break_stale_unit, build_demo_province


@dataclass(frozen=True)
class DemoProvince:
    folder: Path
    registry: Path
    store: Path
    stale: str = DEMO_STALE_CODE
    unreadable: str = DEMO_UNREADABLE_CODE

    def env(self) -> dict[str, str]:
        """What the app and the command line need to open it."""
        return {"OCOP_REGISTRY": str(self.registry), "OCOP_STORE": str(self.store)}


def make_demo_province(folder: Path, workers: int = 1) -> DemoProvince:
    registry = build_demo_province(folder / "files", clock.today())
    store = folder / "store" / "ocop.duckdb"
    config = SourceConfig("xlsx", str(registry))
    run_sync(config, store, {}, {}, workers=workers)
    break_stale_unit(folder / "files")
    run_sync(config, store, {}, {}, workers=workers)
    return DemoProvince(folder / "files", registry, store)
