"""data_sources/snapshot.py: exact round trip, atomic writes, unreadable snapshots are None."""
from __future__ import annotations

import json
import math
import os
import stat
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from data_sources import snapshot as snap
from data_sources.raw import RawWorkbook
from data_sources.snapshot import load_snapshot, save_snapshot, snapshot_dir, snapshot_path

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"

CELLS = [
    "Mắm tôm Hậu Lộc", "", "Nguye\u0302\u0303n", "a\x00b\x1f", "=SUM(A1:A3)", "x" * 50_000,
    0, -7, 2**62, 10**30, 1.5, -0.0, 45000.75, float("inf"), float("-inf"),
    True, False, None,
    datetime(2023, 3, 15, 18, 0, 5, 123456), datetime(2024, 1, 1, tzinfo=UTC),
    date(2023, 3, 15), time(7, 30), timedelta(days=1, seconds=5),
]


def workbook(**kw) -> RawWorkbook:
    tabs = {"Sản phẩm": [["Mã", "Tên"], CELLS, [], ["SP02"]], "Trống": [], "'quoted'": [[None, 1]]}
    defaults = dict(tabs=tabs, kind="gsheet", location=KEY, title="OCOP phường", url="https://x/edit",
                    read_at=datetime(2024, 5, 1, 8, 30, tzinfo=UTC))
    return RawWorkbook(**(defaults | kw))


def test_round_trip_keeps_every_cell_and_its_type(tmp_path: Path):
    raw = workbook()
    save_snapshot(raw, tmp_path)
    back = load_snapshot(KEY, tmp_path)
    assert back is not None
    assert list(back.tabs) == list(raw.tabs)  # tab order
    assert back.tabs == raw.tabs
    for before, after in zip(raw.tabs["Sản phẩm"][1], back.tabs["Sản phẩm"][1]):
        assert type(before) is type(after), before
    assert (back.kind, back.location, back.title, back.url, back.read_at) == (
        raw.kind, raw.location, raw.title, raw.url, raw.read_at)


def test_nan_round_trips(tmp_path: Path):
    save_snapshot(workbook(tabs={"A": [[float("nan")]]}), tmp_path)
    (value,) = load_snapshot(KEY, tmp_path).tabs["A"][0]
    assert isinstance(value, float) and math.isnan(value)


def test_file_is_plain_json_named_by_a_hash_readable_only_by_its_owner(tmp_path: Path):
    path = save_snapshot(workbook(), tmp_path)
    assert path == snapshot_path(KEY, tmp_path) and path.parent == tmp_path
    assert KEY not in path.name and path.suffix == ".json"
    document = json.loads(path.read_text(encoding="utf-8"))  # standard JSON: no NaN literals
    assert document["format"] == "ocop-snapshot" and document["location"] == KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_locations_get_separate_snapshots(tmp_path: Path):
    save_snapshot(workbook(), tmp_path)
    save_snapshot(workbook(location="/data/ward.xlsx", kind="xlsx", tabs={"B": [[1]]}), tmp_path)
    assert load_snapshot(KEY, tmp_path).tabs == workbook().tabs
    assert load_snapshot("/data/ward.xlsx", tmp_path).tabs == {"B": [[1]]}
    assert load_snapshot("other", tmp_path) is None


def test_a_new_save_replaces_the_old_and_leaves_no_temporary_file(tmp_path: Path):
    save_snapshot(workbook(tabs={"A": [["old"]]}), tmp_path)
    save_snapshot(workbook(tabs={"A": [["new"]]}), tmp_path)
    assert load_snapshot(KEY, tmp_path).tabs == {"A": [["new"]]}
    assert sorted(p.name for p in tmp_path.iterdir()) == [snapshot_path(KEY, tmp_path).name]


def test_a_failed_write_keeps_the_previous_snapshot_and_cleans_up(tmp_path: Path, monkeypatch):
    save_snapshot(workbook(tabs={"A": [["old"]]}), tmp_path)

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(snap.os, "replace", crash)
    with pytest.raises(OSError):
        save_snapshot(workbook(tabs={"A": [["new"]]}), tmp_path)
    assert load_snapshot(KEY, tmp_path).tabs == {"A": [["old"]]}
    assert [p.name for p in tmp_path.iterdir()] == [snapshot_path(KEY, tmp_path).name]


def test_the_write_is_fsynced_before_the_rename(tmp_path: Path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(snap.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(snap.os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))[1])
    save_snapshot(workbook(), tmp_path)
    assert events[:2] == ["fsync", "replace"]


def test_missing_directory_is_created(tmp_path: Path):
    directory = tmp_path / "a" / "b"
    save_snapshot(workbook(), directory)
    assert load_snapshot(KEY, directory) is not None


def test_absent_snapshot_is_none(tmp_path: Path):
    assert load_snapshot(KEY, tmp_path) is None
    assert load_snapshot(KEY, tmp_path / "no-such-dir") is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"format": "ocop-snapshot", "version": 99}',
        b'{"format": "something else", "version": 1}',
        b'{"format": "ocop-snapshot", "version": 1}',  # fields missing
    ],
)
def test_corrupt_snapshot_is_none(tmp_path: Path, content: bytes):
    snapshot_path(KEY, tmp_path).write_bytes(content)
    assert load_snapshot(KEY, tmp_path) is None


def test_truncated_snapshot_is_none(tmp_path: Path):
    path = save_snapshot(workbook(), tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert load_snapshot(KEY, tmp_path) is None


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(location="another"),  # not this location's snapshot
        lambda d: d.update(tabs={"A": "rows"}),
        lambda d: d.update(tabs=[["A", ["not a row"]]]),
        lambda d: d.update(tabs=[["A", [[{"$unknown": 1}]]]]),
        lambda d: d.update(tabs=[["A", [[{"$date": "2023-02-31"}]]]]),
        lambda d: d.update(tabs=[["A", [[{"$date": "x", "$time": "y"}]]]]),
        lambda d: d.update(read_at="yesterday"),
    ],
)
def test_snapshot_of_the_wrong_shape_is_none(tmp_path: Path, mutate):
    path = save_snapshot(workbook(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    mutate(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_snapshot(KEY, tmp_path) is None


def test_snapshot_dir_from_the_environment_or_the_repository():
    assert snapshot_dir({"OCOP_SNAPSHOT_DIR": "/tmp/snaps"}) == Path("/tmp/snaps")
    default = snapshot_dir({})
    assert default.name == ".snapshots" and (default.parent / "data_sources").is_dir()
    assert ".snapshots/" in (default.parent / ".gitignore").read_text().splitlines()
