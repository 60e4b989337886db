"""data_sources/store.py: what goes in comes back exactly, a sync is all or nothing, one at a time."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli.sync import CODECS, compute_unit
from data_sources import SourceError
from data_sources.store import REGISTRY_UNIT, StoreReader, StoreWriter, UnitRecord, store_path, store_version, sync_lock

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_unit():
    from data_sources.excel import read_xlsx

    return compute_unit("A1", read_xlsx(ROOT / "data_sources" / "demo" / "ocop_demo.xlsx", kind="xlsx"))


def _write(path: Path, result, codes=("A1",), read_at=None) -> None:
    with StoreWriter(path, CODECS) as writer:
        for code in codes:
            writer.put_unit(code, read_at or result.read_at, result.tables, result.accounting, result.issues,
                            result.indicators)
        writer.set_units([UnitRecord(code, f"Đơn vị {code}", status="ok", read_at=read_at or result.read_at,
                                     info=result.info, found_tabs=result.found_tabs, layouts=result.layouts,
                                     officers=("a@example.gov.vn",), position=i) for i, code in enumerate(codes)])


def test_a_unit_comes_back_exactly_as_the_normaliser_made_it(tmp_path, demo_unit):
    path = tmp_path / "s.duckdb"
    _write(path, demo_unit)
    with StoreReader(path) as store:
        data = store.unit_data("A1")
        record = store.units()[0]
    assert set(data.tables) == set(demo_unit.tables)
    for name, frame in demo_unit.tables.items():
        pd.testing.assert_frame_equal(data.tables[name], frame.reset_index(drop=True), check_exact=True)
    pd.testing.assert_frame_equal(data.issues, demo_unit.issues.reset_index(drop=True))
    assert data.accounting == {row.tab: (row.read, row.accepted, row.rejected)
                               for row in demo_unit.accounting.itertuples()}
    assert (record.info, record.found_tabs, record.layouts) == (demo_unit.info, demo_unit.found_tabs,
                                                                 demo_unit.layouts)
    assert record.read_at == demo_unit.read_at and record.officers == ("a@example.gov.vn",)
    # the yes/no cells and the lists of ids keep their Python types
    assert {type(v) for v in data.tables["producers"]["registered"].dropna()} == {bool}
    assert tuple in {type(v) for v in data.tables["outreach"]["producers_reached"]}


def test_indicators_are_kept_and_the_history_only_grows(tmp_path, demo_unit):
    path = tmp_path / "s.duckdb"
    first = datetime(2026, 3, 1, tzinfo=UTC)
    _write(path, demo_unit, read_at=first)
    _write(path, demo_unit, read_at=first + timedelta(days=1))
    with StoreReader(path) as store:
        current, history = store.indicators(), store.history()
    assert len(current) == len(demo_unit.indicators)  # replaced, not doubled
    expected = demo_unit.indicators.sort_values("year", kind="stable")  # by year, then in the order computed
    assert list(current["code"]) == list(expected["code"])
    assert len(history) == 2 * len(demo_unit.indicators)
    assert sorted(history["read_at"].unique()) == [pd.Timestamp(first.replace(tzinfo=None)),
                                                   pd.Timestamp((first + timedelta(days=1)).replace(tzinfo=None))]


def test_a_unit_dropped_from_the_registry_loses_its_rows(tmp_path, demo_unit):
    path = tmp_path / "s.duckdb"
    _write(path, demo_unit, codes=("A1", "B2"))
    with StoreWriter(path, CODECS) as writer:
        writer.set_units([UnitRecord("B2", "B", status="ok")])
    with StoreReader(path) as store:
        assert [u.code for u in store.units()] == ["B2"]
        assert set(store.indicators()["unit_code"]) == {"B2"}
        assert store.unit_data("A1") is None
        assert len(store.unit_data("B2").tables["products"]) == len(demo_unit.tables["products"])


def test_a_failed_write_leaves_the_store_and_no_copy(tmp_path, demo_unit):
    path = tmp_path / "s.duckdb"
    _write(path, demo_unit)
    before = store_version(path)
    with pytest.raises(RuntimeError):
        with StoreWriter(path, CODECS) as writer:
            writer.set_units([])
            raise RuntimeError("the sync broke here")
    assert store_version(path) == before
    assert list(tmp_path.glob("*.sync-*")) == []
    with StoreReader(path) as store:
        assert [u.code for u in store.units()] == ["A1"]


def test_a_process_killed_mid_write_leaves_the_previous_store_readable(tmp_path, demo_unit):
    path = tmp_path / "s.duckdb"
    _write(path, demo_unit)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from data_sources.excel import read_xlsx
        from analysis.cli.sync import CODECS, compute_unit
        from data_sources.store import StoreWriter, UnitRecord
        unit = compute_unit("A1", read_xlsx(Path({str(ROOT)!r}) / "data_sources/demo/ocop_demo.xlsx", kind="xlsx"))
        with StoreWriter(Path({str(path)!r}), CODECS) as writer:
            writer.set_units([UnitRecord("Z9", "gone", status="ok")])
            for i in range(450):  # more than two flushes are written into the copy
                writer.put_unit(f"N{{i}}", unit.read_at, unit.tables, unit.accounting, unit.issues, unit.indicators)
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    assert list(tmp_path.glob("*.sync-*"))  # the killed sync's copy is left behind ...
    with StoreReader(path) as store:  # ... and the store is the previous one, whole
        assert [u.code for u in store.units()] == ["A1"]
        assert set(store.indicators()["unit_code"]) == {"A1"}
        assert len(store.unit_data("A1").tables["outreach"]) == len(demo_unit.tables["outreach"])
    _write(path, demo_unit, codes=("B2",))  # the next sync removes the leftover copy
    assert list(tmp_path.glob("*.sync-*")) == []


def test_one_sync_at_a_time(tmp_path):
    path = tmp_path / "s.duckdb"
    with sync_lock(path):
        with pytest.raises(SourceError) as caught:
            with sync_lock(path):
                pass
    assert caught.value.code == "store_busy"
    with sync_lock(path):  # released
        pass


def test_a_missing_or_damaged_store_is_a_source_error(tmp_path):
    with pytest.raises(SourceError) as missing:
        StoreReader(tmp_path / "none.duckdb").__enter__()
    assert missing.value.code == "store_missing"
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(SourceError) as damaged:
        with StoreReader(bad):
            pass
    assert damaged.value.code == "store_unreadable"


def test_registry_issues_are_kept_apart(tmp_path, demo_unit):
    path = tmp_path / "s.duckdb"
    _write(path, demo_unit)
    issues = demo_unit.issues.head(2)
    with StoreWriter(path, CODECS) as writer:
        writer.set_registry_issues(issues)
    with StoreReader(path) as store:
        pd.testing.assert_frame_equal(store.issues(REGISTRY_UNIT), issues.reset_index(drop=True))
        assert len(store.issues("A1")) == len(demo_unit.issues)


def test_store_path_follows_the_environment_then_secrets(tmp_path):
    assert store_path({}, {}) == Path(".store/ocop.duckdb")
    assert store_path({}, {"ocop": {"store": "/srv/x.duckdb"}}) == Path("/srv/x.duckdb")
    assert store_path({"OCOP_STORE": "/a/b.duckdb"}, {"ocop": {"store": "/srv/x.duckdb"}}) == Path("/a/b.duckdb")
