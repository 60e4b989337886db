"""The demo province: a registry workbook and one OCOP workbook per fictional unit, for province mode.

Run from the repository root:

    python -m data_sources.demo.province FOLDER                       # as of today in Vietnam
    python -m data_sources.demo.province FOLDER --as-of 2025-06-30

writes FOLDER/registry.xlsx (tab `Đơn vị`) and FOLDER/units/<code>.xlsx. The same `as_of` always gives
the same bytes: rows come from seeded random.Random generators (data_sources/demo/province_rows.py) and
the files are written by build_demo.py's code, with fixed document properties and zip timestamps.

Two units are broken on purpose: DEMO_UNREADABLE_CODE names a file that does not exist, and
DEMO_STALE_CODE is readable until break_stale_unit() damages it (after a first sync has read it), so
the province view can show a unit kept at its last good data.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from openpyxl import Workbook

from data_sources.demo.build_demo import FIXED_TIMESTAMP, workbook_bytes, write_table
from data_sources.demo.province_rows import AHEAD, BEHIND, MIXED, synthetic_unit_tabs

REGISTRY_FILE = "registry.xlsx"
REGISTRY_TAB = "Đơn vị"
REGISTRY_HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại", "Nguồn dữ liệu", "Cán bộ phụ trách"]
UNITS_FOLDER = "units"
DEMO_STALE_CODE = "30343"
DEMO_UNREADABLE_CODE = "30346"
MISSING_FILE = f"{UNITS_FOLDER}/khong-co-tep.xlsx"
DAMAGED = b"Tep hong: day khong phai tep .xlsx (du lieu mau)\n"  # not a zip: the reader refuses it


@dataclass(frozen=True)
class DemoUnit:
    code: str
    name: str
    kind: str  # Xã, Phường or Đặc khu
    size: float  # 1 is about the bundled demo ward
    profile: str  # ahead, mixed or behind: how many indicators lag the year's pace on as_of
    messy: bool = False  # a few officers' slips for the data-quality view
    officers: int = 1  # e-mails in the registry (0: the cell is empty)


UNITS = (
    DemoUnit("30301", "Phường Vĩnh Hòa Tây (mẫu)", "Phường", 1.0, AHEAD),
    DemoUnit("30304", "Phường Mỹ Thạnh Đông (mẫu)", "Phường", 3.5, AHEAD, officers=2),
    DemoUnit("30307", "Xã Mỹ Hòa (mẫu)", "Xã", 0.3, BEHIND),
    DemoUnit("30310", "Xã Tân Phú Lợi (mẫu)", "Xã", 0.6, MIXED, officers=0),
    DemoUnit("30313", "Xã Bình Long Hưng (mẫu)", "Xã", 1.5, BEHIND, messy=True),
    DemoUnit("30316", "Phường Châu Giang Bắc (mẫu)", "Phường", 2.5, AHEAD, messy=True, officers=2),
    DemoUnit("30319", "Xã An Thạnh Trung (mẫu)", "Xã", 0.25, AHEAD),
    DemoUnit("30322", "Xã Phú Hữu Tân (mẫu)", "Xã", 0.8, BEHIND, officers=0),
    DemoUnit("30325", "Đặc khu Hòn Mây (mẫu)", "Đặc khu", 0.5, MIXED),
    DemoUnit("30328", "Xã Long Điền Tây (mẫu)", "Xã", 1.2, AHEAD),
    DemoUnit("30331", "Xã Khánh An Hòa (mẫu)", "Xã", 2.0, BEHIND, officers=2),
    DemoUnit("30334", "Phường Thới Sơn Đông (mẫu)", "Phường", 4.0, AHEAD, messy=True),
    DemoUnit("30337", "Xã Vĩnh Xương Hạ (mẫu)", "Xã", 0.4, BEHIND),
    DemoUnit("30340", "Đặc khu Cồn Ngọc (mẫu)", "Đặc khu", 0.7, AHEAD),
    DemoUnit(DEMO_STALE_CODE, "Xã Hòa Lạc Tân (mẫu)", "Xã", 1.0, AHEAD),
    DemoUnit(DEMO_UNREADABLE_CODE, "Xã Phước Hưng Thượng (mẫu)", "Xã", 0.9, MIXED),
)


def unit_file(unit: DemoUnit) -> str:
    """The registry's Nguồn dữ liệu: the workbook's path relative to the registry's folder."""
    return MISSING_FILE if unit.code == DEMO_UNREADABLE_CODE else f"{UNITS_FOLDER}/{unit.code}.xlsx"


def _officers(unit: DemoUnit) -> str | None:
    emails = [f"canbo.{unit.code}@example.gov.vn", f"ocop.{unit.code}@example.vn"][: unit.officers]
    return "; ".join(emails) or None


def tabs_bytes(tabs: dict[str, list[list]], title: str) -> bytes:
    """An .xlsx of raw tabs (title -> rows, header row first), byte-for-byte deterministic."""
    wb = Workbook()
    for i, (tab, rows) in enumerate(tabs.items()):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = tab
        write_table(ws, rows[0], rows[1:], 1)
    wb.properties.creator = "OCOP dashboard (dữ liệu mẫu)"
    wb.properties.title = title
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    wb.properties.lastModifiedBy = None
    return workbook_bytes(wb)


def unit_tabs(unit: DemoUnit, as_of: date) -> dict[str, list[list]]:
    """One demo unit's tabs on `as_of` (its seed is its position, so each unit differs)."""
    seed = UNITS.index(unit)
    return synthetic_unit_tabs(unit.code, seed, as_of, name=unit.name, kind=unit.kind, size=unit.size,
                               profile=unit.profile, messy=unit.messy)


def build_demo_province(folder: Path, as_of: date) -> Path:
    """Write the registry and every readable unit's workbook into `folder`; return the registry's path."""
    folder = Path(folder)
    (folder / UNITS_FOLDER).mkdir(parents=True, exist_ok=True)
    registry = [REGISTRY_HEADER]
    for unit in UNITS:
        registry.append([unit.code, unit.name, unit.kind, unit_file(unit), _officers(unit)])
        if unit.code != DEMO_UNREADABLE_CODE:
            data = tabs_bytes(unit_tabs(unit, as_of), f"OCOP - {unit.name}")
            (folder / unit_file(unit)).write_bytes(data)
    path = folder / REGISTRY_FILE
    path.write_bytes(tabs_bytes({REGISTRY_TAB: registry}, "Danh sách đơn vị OCOP (dữ liệu mẫu)"))
    return path


def break_stale_unit(folder: Path) -> None:
    """Damage the stale unit's workbook (call after a first sync has read it): the sync then keeps its
    last good data, marked stale."""
    (Path(folder) / f"{UNITS_FOLDER}/{DEMO_STALE_CODE}.xlsx").write_bytes(DAMAGED)


def today_in_vietnam() -> date:
    return datetime.now(timezone(timedelta(hours=7))).date()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_sources.demo.province",
                                     description="Write the demo province: registry and unit workbooks.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=None,
                        help="YYYY-MM-DD (default: today in Vietnam)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    path = build_demo_province(args.folder, args.as_of or today_in_vietnam())
    print(f"Wrote {path} and {len(UNITS) - 1} unit workbooks in {args.folder / UNITS_FOLDER}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
