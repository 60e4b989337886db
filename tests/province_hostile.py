"""A small synced province whose registry is hostile and doubtful, for the province pages' tests: a unit
named with Markdown, HTML and a formula, a row with a bad code (rejected), a bad e-mail and an unknown kind
(warnings), and officers' e-mails a viewer must never see. Two of its units read the demo's first workbook."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis.cli.sync import run_sync
from analysis.workbook import clock
from data_sources import SourceConfig
from data_sources.demo.province import REGISTRY_HEADER, REGISTRY_TAB, UNITS, tabs_bytes, unit_tabs

HOSTILE_NAME = '<b>x</b> [link](http://evil) =HYPERLINK("x")'
HOSTILE_CODE = "H01"
PLAIN_CODE = "H02"
OFFICER_EMAIL = "canbo.h01@example.gov.vn"
BAD_EMAIL = "nguoi.la@sai"  # not an address: a warning whose value is e-mail-like
BAD_CODE = "mã sai!"


@dataclass(frozen=True)
class HostileProvince:
    registry: Path
    store: Path

    def env(self) -> dict[str, str]:
        return {"OCOP_REGISTRY": str(self.registry), "OCOP_STORE": str(self.store)}


def make_hostile_province(folder: Path) -> HostileProvince:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "units").mkdir(exist_ok=True)
    (folder / "units" / "a.xlsx").write_bytes(tabs_bytes(unit_tabs(UNITS[0], clock.today()), "OCOP"))
    rows = [REGISTRY_HEADER,
            [HOSTILE_CODE, HOSTILE_NAME, "Xã", "units/a.xlsx", f"{OFFICER_EMAIL}; {BAD_EMAIL}"],
            [PLAIN_CODE, "Xã Bình Thường", "Huyện", "units/a.xlsx", "ocop.h02@example.vn"],
            [BAD_CODE, "Xã Mã Sai", "Xã", "units/a.xlsx", "a.b@example.vn"]]
    registry = folder / "registry.xlsx"
    registry.write_bytes(tabs_bytes({REGISTRY_TAB: rows}, "Sổ đơn vị"))
    store = folder / "store" / "ocop.duckdb"
    run_sync(SourceConfig("xlsx", str(registry)), store, {}, {})
    return HostileProvince(registry, store)
