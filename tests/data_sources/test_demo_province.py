"""The demo province (data_sources/demo/province.py): deterministic files, a registry by the contract,
unit workbooks the real reader takes with only the deliberate mess, and a spread of paces on as_of."""
from __future__ import annotations

import hashlib
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.metrics.indicators import indicators
from analysis.metrics.pace import BEHIND, ON_TRACK, REACHED, with_pace
from analysis.metrics.scope import Filters, with_effective_stars
from analysis.workbook.dataset import ERROR
from analysis.workbook.normalise import normalise_workbook
from analysis.workbook.registry import read_registry
from data_sources.demo import province
from data_sources.demo.province import (
    DEMO_STALE_CODE,
    DEMO_UNREADABLE_CODE,
    REGISTRY_HEADER,
    UNITS,
    break_stale_unit,
    build_demo_province,
)
from data_sources.demo.province_rows import AHEAD, TAB_TITLES, synthetic_unit_tabs
from data_sources.excel import read_xlsx
from data_sources.raw import RawWorkbook, SourceError

AS_OF = date(2025, 6, 30)
KINDS = {"Xã", "Phường", "Đặc khu"}
MESS_ERRORS = {"key_repeated", "date_impossible"}  # the deliberate slips of messy units
MESS_WARNINGS = {"unknown_producer"}
ACTIVITY_DATES = (("products", "surveyed_on"), ("products", "certified_on"), ("dossiers", "submitted_on"),
                  ("outreach", "held_on"), ("training", "held_on"))


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _registry(path: Path) -> list[dict]:
    (rows,) = read_xlsx(path).tabs.values()
    assert rows[0] == REGISTRY_HEADER
    return [dict(zip(REGISTRY_HEADER, row + [None] * (len(REGISTRY_HEADER) - len(row)))) for row in rows[1:]]


def _datasets(folder: Path) -> dict[str, object]:
    """Every readable unit's Dataset, by code."""
    out = {}
    for unit in _registry(folder / province.REGISTRY_FILE):
        path = folder / unit["Nguồn dữ liệu"]
        if path.exists():
            out[unit["Mã đơn vị"]] = normalise_workbook(read_xlsx(path))
    return out


def _paces(ds, as_of: date) -> pd.Series:
    return with_pace(indicators(ds, Filters(as_of.year)), as_of.year, as_of).set_index("code")["pace"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("province")
    build_demo_province(folder, AS_OF)
    return folder


@pytest.fixture(scope="module")
def datasets(built) -> dict[str, object]:
    return _datasets(built)


def test_same_as_of_gives_identical_bytes_another_differs(built, tmp_path):
    again = build_demo_province(tmp_path / "again", AS_OF).parent
    assert _hashes(again) == _hashes(built)
    other = _hashes(build_demo_province(tmp_path / "other", date(2025, 6, 29)).parent)
    units = [name for name in _hashes(built) if name.startswith("units/")]
    assert units and all(other[name] != _hashes(built)[name] for name in units)


def test_fast(tmp_path):
    start = time.perf_counter()
    build_demo_province(tmp_path, AS_OF)
    assert time.perf_counter() - start < 2.0


def test_registry_lists_the_units(built):
    units = _registry(built / "registry.xlsx")
    assert len(units) >= 14 == len(UNITS) - 2
    codes = [u["Mã đơn vị"] for u in units]
    assert len(set(codes)) == len(codes)
    assert {u["Loại"] for u in units} <= KINDS and len({u["Loại"] for u in units}) == 3
    assert all(u["Tên đơn vị"].endswith("(mẫu)") and u["Tên đơn vị"].split()[0] in {"Xã", "Phường", "Đặc"}
               for u in units)
    emails = [e for u in units if u["Cán bộ phụ trách"] for e in u["Cán bộ phụ trách"].split("; ")]
    assert emails and all(e.split("@")[1].startswith("example.") for e in emails)
    assert any(u["Cán bộ phụ trách"] is None for u in units)
    assert any(";" in (u["Cán bộ phụ trách"] or "") for u in units)
    for u in units:
        assert not Path(u["Nguồn dữ liệu"]).is_absolute()
        assert (built / u["Nguồn dữ liệu"]).exists() == (u["Mã đơn vị"] != DEMO_UNREADABLE_CODE)


def test_registry_reads_cleanly_by_the_contract(built):
    registry = read_registry(read_xlsx(built / "registry.xlsx").tabs)
    assert registry.issues.empty, registry.issues.to_dict("records")
    assert registry.accounting.accepted == len(UNITS) and registry.accounting.rejected == 0


def test_unreadable_unit_points_at_a_missing_file(built):
    (unit,) = [u for u in _registry(built / "registry.xlsx") if u["Mã đơn vị"] == DEMO_UNREADABLE_CODE]
    assert unit["Nguồn dữ liệu"].startswith("units/")
    assert not (built / unit["Nguồn dữ liệu"]).exists()


def test_units_read_with_only_the_deliberate_mess(built, datasets):
    messy = {u.code for u in UNITS if u.messy}
    names = {u["Mã đơn vị"]: u["Tên đơn vị"] for u in _registry(built / "registry.xlsx")}
    assert len(datasets) == len(UNITS) - 1
    for code, ds in datasets.items():
        assert ds.info["ward_name"] == names[code]
        assert ds.info["plan_year"] == AS_OF.year
        issues = ds.issues[ds.issues["severity"] != "notice"]
        allowed = MESS_ERRORS | MESS_WARNINGS if code in messy else set()
        assert set(issues["reason"]) <= allowed, (code, issues.to_dict("records"))
        if code in messy:
            assert set(issues.loc[issues["severity"] == ERROR, "reason"]) == MESS_ERRORS, code
        assert all(len(t) for key, t in ds.tables.items() if key not in ("training", "dossiers")), code


def test_no_activity_outside_the_year_up_to_as_of(datasets):
    for code, ds in datasets.items():
        for key, column in ACTIVITY_DATES:
            days = ds.tables[key][column].dropna()
            assert (days <= pd.Timestamp(AS_OF)).all(), (code, key, column)
            assert (days >= pd.Timestamp(AS_OF.year, 1, 1)).all(), (code, key, column)


def test_products_at_every_stage_and_some_certified(datasets):
    products = pd.concat([with_effective_stars(ds.tables["products"]) for ds in datasets.values()])
    assert set(products["stage"].dropna()) >= {"Tiềm năng", "Đã đăng ký", "Hoàn thiện hồ sơ", "Đã nộp hồ sơ",
                                               "Đã đánh giá", "Không tham gia"}
    certified = products[products["certified_on"].notna()]
    assert len(certified) >= 3 and set(certified["stars_effective"]) <= {3, 4}
    sizes = [len(ds.tables["outreach"]) for ds in datasets.values()]
    assert min(sizes) <= 10 and max(sizes) >= 80  # a handful up to several times the demo ward's year


def _assert_spread(paces: dict[str, pd.Series]) -> None:
    behind = [code for code, p in paces.items() if (p == BEHIND).sum() >= 3]
    ahead = [code for code, p in paces.items() if p.isin([ON_TRACK, REACHED]).sum() >= 7]
    assert len(behind) >= 3 and len(ahead) >= 3, paces
    assert all(p.notna().all() for p in paces.values())  # every one of the nine has a target
    for unit in UNITS:
        if unit.code in paces and unit.profile == AHEAD:
            assert (paces[unit.code] == BEHIND).sum() <= 1, (unit.code, paces[unit.code].to_dict())


def test_some_units_ahead_some_behind(datasets):
    _assert_spread({code: _paces(ds, AS_OF) for code, ds in datasets.items()})


@pytest.mark.parametrize("as_of", [date(2025, 1, 1), date(2024, 12, 31)])  # the year's first and last day
def test_spread_holds_at_the_ends_of_the_year(as_of, tmp_path):
    build_demo_province(tmp_path, as_of)
    _assert_spread({code: _paces(ds, as_of) for code, ds in _datasets(tmp_path).items()})


def test_break_stale_unit(tmp_path):
    build_demo_province(tmp_path, AS_OF)
    stale = tmp_path / "units" / f"{DEMO_STALE_CODE}.xlsx"
    read_xlsx(stale)  # the first sync reads it
    break_stale_unit(tmp_path)
    with pytest.raises(SourceError):
        read_xlsx(stale)
    others = [p for p in (tmp_path / "units").glob("*.xlsx") if p != stale]
    assert len(others) == len(UNITS) - 2
    for path in others:
        read_xlsx(path)


def test_synthetic_unit_tabs():
    tabs = synthetic_unit_tabs("10001", 1, AS_OF)
    assert tuple(tabs) == TAB_TITLES
    assert tabs["Chỉ tiêu"][0][:4] == ["Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu"]
    assert all(len(row) == len(rows[0]) for rows in tabs.values() for row in rows)
    assert synthetic_unit_tabs("10001", 1, AS_OF) == tabs
    assert synthetic_unit_tabs("10002", 2, AS_OF) != tabs
    # Without writing a file (the national benchmark's path): the rows read cleanly as they are.
    ds = normalise_workbook(RawWorkbook(tabs=tabs, kind="xlsx", location="synthetic"))
    assert ds.issues[ds.issues["severity"] != "notice"].empty


def test_command_line(tmp_path, capsys):
    assert province.main([str(tmp_path), "--as-of", AS_OF.isoformat()]) == 0
    assert (tmp_path / "registry.xlsx").exists()
    assert "registry.xlsx" in capsys.readouterr().out
