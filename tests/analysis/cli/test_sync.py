"""analysis/cli/sync.py on a demo province of .xlsx units: what is read, what is kept, what fails and since when.
(The Google side, with request counts, is tests/analysis/cli/test_sync_google.py.)"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.cli.province import load_province, province_json
from analysis.cli.sync import run_sync
from data_sources import SourceConfig
from data_sources.store import StoreReader, store_version
from tests.province_support import make_demo_province

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_demo_province(tmp_path_factory.mktemp("province"))


def _units(store: Path) -> dict:
    with StoreReader(store) as reader:
        return {u.code: u for u in reader.units()}


def test_every_unit_is_listed_with_its_status(province):
    units = _units(province.store)
    assert len(units) >= 14
    assert units[province.stale].status == "stale" and units[province.stale].reason_code == "not_workbook"
    unreadable = units[province.unreadable]
    assert unreadable.status == "unreadable" and unreadable.reason_code == "file_missing"
    ok = [u for u in units.values() if u.status == "ok"]
    assert len(ok) == len(units) - 2 and all(u.read_at is not None and u.reason_code is None for u in ok)
    stale = units[province.stale]
    assert stale.read_at is not None and stale.failing_since is not None and stale.read_at < stale.failing_since


def test_each_units_indicators_equal_its_own_summary(province, capsys):
    """The store holds what `python -m analysis summary --data <the unit's file>` prints, figure for figure."""
    data = load_province(province.store)
    year = data.years()[0]
    checked = 0
    for unit in data.units.itertuples():
        if unit.status != "ok":
            continue
        assert main(["summary", "--data", str(province.folder / unit.source), "--year", str(year)]) == 0
        printed = json.loads(capsys.readouterr().out)
        stored = data.indicators[(data.indicators["unit_code"] == unit.code) & (data.indicators["year"] == year)]
        as_stored = [{"code": r.code, "target": None if r.target != r.target else r.target,
                      "actual": None if r.actual != r.actual else r.actual,
                      "percent": None if r.percent != r.percent else r.percent} for r in stored.itertuples()]
        as_printed = [{k: i[k] for k in ("code", "target", "actual", "percent")} for i in printed["indicators"]]
        assert as_stored == as_printed, unit.code
        checked += 1
    assert checked >= 12


def test_province_totals_are_the_sums_of_the_units(province):
    data = load_province(province.store)
    year = data.years()[0]
    result = province_json(data, year)
    counted = [u for u in result["units"] if u["status"] != "unreadable"]
    assert {u["status"] for u in result["units"]} == {"ok", "stale", "unreadable"}
    for total in result["totals"]:
        targets = [i["target"] for u in counted for i in u["indicators"] if i["code"] == total["code"]
                   and i["target"] is not None]
        actuals = [i["actual"] for u in counted for i in u["indicators"] if i["code"] == total["code"]
                   and i["actual"] is not None]
        assert total["target"] == pytest.approx(sum(targets)), total["code"]
        assert total["actual"] == pytest.approx(sum(actuals)), total["code"]
        assert total["percent"] == pytest.approx(sum(actuals) / sum(targets)), total["code"]
    unreadable = next(u for u in result["units"] if u["status"] == "unreadable")
    assert unreadable["indicators"] == [] and "khong-co-tep.xlsx" in unreadable["reason"]


def test_an_unchanged_province_is_not_read_again_but_a_changed_file_is(province, tmp_path):
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(province.folder, folder / "files")
    store = tmp_path / "s.duckdb"
    config = SourceConfig("xlsx", str(folder / "files" / "registry.xlsx"))
    first = run_sync(config, store, {}, {})
    again = run_sync(config, store, {}, {})
    # the first sync reads every unit; the next only those that failed (stale and unreadable: tried each time)
    assert first.reread == first.units and again.reread == 2 and again.failed == 2
    unit = next(p for p in sorted((folder / "files" / "units").glob("*.xlsx")) if "30301" in p.name)
    unit.write_bytes(unit.read_bytes())  # rewritten: a new modification time
    os.utime(unit, ns=(time.time_ns(), time.time_ns() + 10**9))
    third = run_sync(config, store, {}, {})
    assert third.reread == 3
    assert _units(store)["30301"].read_at > _units(store)["30304"].read_at


def test_a_stale_unit_keeps_its_data_and_its_since(province, tmp_path):
    import shutil

    shutil.copy(province.store, tmp_path / "s.duckdb")
    before = _units(tmp_path / "s.duckdb")[province.stale]
    run_sync(SourceConfig("xlsx", str(province.registry)), tmp_path / "s.duckdb", {}, {})
    after = _units(tmp_path / "s.duckdb")[province.stale]
    assert after.status == "stale" and after.failing_since == before.failing_since and after.read_at == before.read_at
    assert after.checked_at > before.checked_at
    with StoreReader(tmp_path / "s.duckdb") as reader:
        assert len(reader.unit_data(province.stale).tables["outreach"]) > 0


def test_a_sync_killed_part_way_leaves_the_previous_data(province, tmp_path):
    import shutil

    store = tmp_path / "s.duckdb"
    shutil.copy(province.store, store)
    before = store_version(store)
    with StoreReader(store) as reader:
        indicators_before = reader.indicators()
    # force every unit to be read again (new files), then die while the fifth unit is being written
    shutil.copytree(province.folder, tmp_path / "files")
    for path in (tmp_path / "files" / "units").glob("*.xlsx"):
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from data_sources import SourceConfig
        from data_sources.store import StoreWriter
        from analysis.cli import sync
        calls = []
        original = StoreWriter.put_unit
        def put_then_die(self, *args, **kwargs):
            calls.append(1)
            if len(calls) == 5:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(self, *args, **kwargs)
        StoreWriter.put_unit = put_then_die
        registry = SourceConfig("xlsx", {str(tmp_path / "files" / "registry.xlsx")!r})
        sync.run_sync(registry, Path({str(store)!r}), {{}}, {{}})
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    assert store_version(store) == before
    with StoreReader(store) as reader:
        assert reader.indicators().equals(indicators_before)
    run_sync(SourceConfig("xlsx", str(tmp_path / "files" / "registry.xlsx")), store, {}, {})  # and it recovers
    assert _units(store)["30301"].status == "ok"


def test_the_province_command_syncs_an_empty_store_then_prints_json(province, tmp_path):
    store = tmp_path / "new.duckdb"
    done = subprocess.run([sys.executable, "-m", "analysis", "province", "--registry", str(province.registry),
                           "--store", str(store)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"year", "units", "totals"}
    assert {"code", "name", "status", "read_at", "reason", "indicators"} <= set(result["units"][0])
    assert {"code", "target", "actual", "percent"} == set(result["totals"][0])
    assert store_version(store) is not None


def test_without_a_registry_the_commands_say_how_to_choose_one(capsys, monkeypatch):
    monkeypatch.delenv("OCOP_REGISTRY", raising=False)
    assert main(["province"]) == 2
    assert "OCOP_REGISTRY" in capsys.readouterr().err


def test_the_province_command_writes_the_province_report(province, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "tinh.xlsx"
    assert main(["province", "--registry", str(province.registry), "--store", str(province.store),
                 "--out", str(out)]) == 0
    cells = {value for row in load_workbook(out).worksheets[1].iter_rows(values_only=True) for value in row}
    assert set(load_province(province.store).units["name"]) <= cells and "Toàn tỉnh" in cells
