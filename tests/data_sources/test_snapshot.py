"""data_sources/snapshot.py: exact round trip, atomic writes; a snapshot is data: one that is unreadable or
implausible is never used, and read_snapshot says why (SourceError("snapshot_<why>"))."""
from __future__ import annotations

import json
import math
import os
import stat
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from data_sources import snapshot as snap
from data_sources.raw import RawWorkbook, SourceError
from data_sources.snapshot import load_snapshot, read_snapshot, save_snapshot, snapshot_dir, snapshot_path

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit"

CELLS = [
    "Mắm tôm Hậu Lộc", "", "Nguye\u0302\u0303n", "a\x00b\x1f", "=SUM(A1:A3)", "x" * 50_000,
    0, -7, 2**62, 10**30, 1.5, -0.0, 45000.75, float("inf"), float("-inf"),
    True, False, None,
    datetime(2023, 3, 15, 18, 0, 5, 123456), datetime(2024, 1, 1, tzinfo=UTC),
    date(2023, 3, 15), time(7, 30), timedelta(days=1, seconds=5),
]


def workbook(**kw) -> RawWorkbook:
    tabs = {"Sản phẩm": [["Mã", "Tên"], CELLS, [], ["SP02"]], "Trống": [], "'quoted'": [[None, 1]]}
    defaults = dict(tabs=tabs, kind="gsheet", location=KEY, title="OCOP phường", url=URL,
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
    save_snapshot(workbook(location="/data/ward.xlsx", kind="xlsx", url=None, tabs={"B": [[1]]}), tmp_path)
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


# --------------------------------------------------------------------------- a snapshot is data, never code


def edited(tmp_path: Path, mutate) -> Path:
    """A good snapshot, then edited by hand through `mutate(document)`."""
    path = save_snapshot(workbook(), tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    mutate(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def problem(tmp_path: Path) -> SourceError:
    """The reason read_snapshot gives; load_snapshot then gives None (the snapshot is not used)."""
    assert load_snapshot(KEY, tmp_path) is None
    with pytest.raises(SourceError) as info:
        read_snapshot(KEY, tmp_path)
    return info.value


def test_read_snapshot_is_the_workbook_or_none_when_there_is_none(tmp_path: Path):
    assert read_snapshot(KEY, tmp_path) is None
    save_snapshot(workbook(), tmp_path)
    assert read_snapshot(KEY, tmp_path).tabs == workbook().tabs
    assert read_snapshot(KEY, tmp_path, kind="gsheet") is not None


@pytest.mark.parametrize("depth", [7, 100, 10_000, 200_000])
def test_deep_nesting_is_a_problem_never_a_recursion_error(tmp_path: Path, depth: int):
    head = b'{"format":"ocop-snapshot","version":1,"location":"' + KEY.encode() + b'","tabs":[["A",[['
    snapshot_path(KEY, tmp_path).write_bytes(head + b"[" * depth + b"]" * depth + b"]]]]}")
    assert problem(tmp_path).code in ("snapshot_too_deep", "snapshot_wrong_format")


def test_a_cell_nested_in_a_cell_is_too_deep(tmp_path: Path):
    edited(tmp_path, lambda d: d.update(tabs=[["A", [[[[["x"]]]]]]]))
    assert problem(tmp_path).code == "snapshot_too_deep"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("read_at", "9999-12-31T23:59:59+00:00", "snapshot_time_future"),
        ("read_at", "9999-12-31T23:59:59-12:00", "snapshot_time_invalid"),
        ("read_at", "2099-01-01T00:00:00+07:00", "snapshot_time_future"),
        ("saved_at", "2099-01-01T00:00:00+00:00", "snapshot_time_future"),
        ("read_at", "1999-12-31T23:59:59+00:00", "snapshot_time_too_old"),
        ("saved_at", "0001-01-01T00:00:00+00:00", "snapshot_time_too_old"),
        ("read_at", "2024-05-01T08:30:00", "snapshot_time_invalid"),  # naive
        ("saved_at", "2024-05-01T08:30:00", "snapshot_time_invalid"),
        ("read_at", "yesterday", "snapshot_time_invalid"),
        ("read_at", 1714552200, "snapshot_time_invalid"),
        ("read_at", None, "snapshot_time_invalid"),
        ("read_at", "2024-05-01T08:30:00+00:00" + " " * 100, "snapshot_time_invalid"),
    ],
)
def test_impossible_times_are_problems(tmp_path: Path, field: str, value, code: str):
    edited(tmp_path, lambda d: d.update({field: value}))
    error = problem(tmp_path)
    assert (error.code, error.params) == (code, {"field": field})


def test_a_time_within_the_clock_skew_is_accepted(tmp_path: Path):
    soon = (datetime.now(UTC) + snap.CLOCK_SKEW / 2).isoformat()
    edited(tmp_path, lambda d: d.update(read_at=soon, saved_at=soon))
    assert read_snapshot(KEY, tmp_path).read_at.isoformat() == soon


def test_a_file_too_large_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch):
    path = save_snapshot(workbook(), tmp_path)
    monkeypatch.setattr(snap, "MAX_FILE_BYTES", path.stat().st_size - 1)
    parsed = []
    monkeypatch.setattr(snap.json, "loads", lambda *a, **k: parsed.append(1))
    assert problem(tmp_path).code == "snapshot_too_large" and parsed == []


@pytest.mark.parametrize(
    ("limit", "value", "tabs", "code"),
    [
        ("MAX_TABS", 2, [[f"T{i}", []] for i in range(3)], "snapshot_too_many_tabs"),
        ("MAX_ROWS", 3, [["A", [[1], [2]]], ["B", [[3], [4]]]], "snapshot_too_many_rows"),
        ("MAX_CELLS", 3, [["A", [[1, 2]]], ["B", [[3, 4]]]], "snapshot_too_many_cells"),
        ("MAX_CELL_CHARS", 10, [["A", [["x" * 11]]]], "snapshot_cell_too_long"),
    ],
)
def test_limits_on_tabs_rows_cells_and_cell_length(tmp_path: Path, monkeypatch, limit, value, tabs, code):
    edited(tmp_path, lambda d: d.update(tabs=tabs))
    assert read_snapshot(KEY, tmp_path) is not None  # within the real limits
    monkeypatch.setattr(snap, limit, value)
    assert problem(tmp_path).code == code


def test_the_limits_fit_a_province():
    assert snap.MAX_ROWS >= 200_000 and snap.MAX_CELLS >= 20 * 200_000
    assert snap.MAX_CELL_CHARS >= 50_000 and snap.MAX_FILE_BYTES >= 100 * 1024 * 1024


def test_two_hundred_thousand_rows_round_trip(tmp_path: Path):
    rows = [[f"SP{i:06d}", "Khóm 1", i, 4.5, True] for i in range(200_000)]
    save_snapshot(workbook(tabs={"Sản phẩm": rows}), tmp_path)
    assert read_snapshot(KEY, tmp_path).tabs["Sản phẩm"] == rows


def test_another_sheets_snapshot_is_a_problem(tmp_path: Path):
    other = "1OtherSheetKey0000000000000000000000000000"
    save_snapshot(workbook(location=other, url=f"https://docs.google.com/spreadsheets/d/{other}/edit"), tmp_path)
    snapshot_path(other, tmp_path).rename(snapshot_path(KEY, tmp_path))  # copied over by hand
    assert problem(tmp_path).code == "snapshot_other_sheet"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(document.cookie)//https://docs.google.com/spreadsheets/d/x/edit",
        f"https://docs.google.com.evil.example/spreadsheets/d/{KEY}/edit",
        f"http://docs.google.com/spreadsheets/d/{KEY}/edit",
        "https://docs.google.com/spreadsheets/../x",
        f"https://docs.google.com/spreadsheets/d/{KEY}/../../x",
        "data:text/html,<script>alert(1)</script>",
        "https://docs.google.com/spreadsheets/d/1OtherSheetKey0000000000000000000000000000/edit",  # another sheet
        f"https://evil.example@docs.google.com/spreadsheets/d/{KEY}/edit",
        f" {URL}",
        f"{URL}\n",
        "",
        None,
        42,
    ],
)
def test_only_the_sheets_own_link_is_kept(tmp_path: Path, url):
    edited(tmp_path, lambda d: d.update(url=url))
    assert problem(tmp_path).code == "snapshot_bad_url"


def test_the_sheets_own_link_is_what_the_google_source_gives():
    from data_sources.google_sheets import sheet_url

    assert snap.SHEET_URL.format(key=KEY) == sheet_url(KEY) == URL


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda d: d.update(version=2), "snapshot_wrong_format"),
        (lambda d: d.update(version=True), "snapshot_wrong_format"),
        (lambda d: d.update(version="1"), "snapshot_wrong_format"),
        (lambda d: d.update(format="pickle"), "snapshot_wrong_format"),
        (lambda d: d.update(extra="?"), "snapshot_wrong_format"),
        (lambda d: d.pop("saved_at"), "snapshot_wrong_format"),
        (lambda d: d.update(kind="evil"), "snapshot_bad_field"),
        (lambda d: d.update(kind=["gsheet"]), "snapshot_bad_field"),
        (lambda d: d.update(title=["T"]), "snapshot_bad_field"),
        (lambda d: d.update(title="T" * 5000), "snapshot_bad_field"),
        (lambda d: d.update(tabs={"A": []}), "snapshot_bad_field"),
        (lambda d: d.update(tabs=[["A", [], "third"]]), "snapshot_bad_field"),
        (lambda d: d.update(tabs=[[1, []]]), "snapshot_bad_field"),
        (lambda d: d.update(tabs=[["A", []], ["A", []]]), "snapshot_bad_field"),  # one would silently win
        (lambda d: d.update(tabs=[["A", [{"$date": "2024-01-01"}]]]), "snapshot_bad_field"),  # a row, not a cell
        (lambda d: d.update(tabs=[["A", [[{"$float": "1.5"}]]]]), "snapshot_bad_cell"),  # never written so
        (lambda d: d.update(tabs=[["A", [[{"$timedelta": True}]]]]), "snapshot_bad_cell"),
        (lambda d: d.update(tabs=[["A", [[{"$timedelta": 1e300}]]]]), "snapshot_bad_cell"),
        (lambda d: d.update(tabs=[["A", [[{"$datetime": "2024-01-01" + "0" * 100}]]]]), "snapshot_bad_cell"),
        (lambda d: d.update(tabs=[["A", [[{"__reduce__": "os.system"}]]]]), "snapshot_bad_cell"),
        (lambda d: d.update(tabs=[["A", [[None, {}]]]]), "snapshot_bad_cell"),
    ],
)
def test_wrong_types_and_shapes_are_problems(tmp_path: Path, mutate, code: str):
    edited(tmp_path, mutate)
    assert problem(tmp_path).code == code


@pytest.mark.parametrize("content", [b"[NaN]", b'{"a": Infinity}', b"\xff\xfe", b"{", b"1" * 5000])
def test_unreadable_files_are_problems(tmp_path: Path, content: bytes):
    snapshot_path(KEY, tmp_path).write_bytes(content)
    assert problem(tmp_path).code in ("snapshot_unreadable", "snapshot_wrong_format")


def test_a_huge_number_or_an_infinite_float_is_not_a_cell(tmp_path: Path):
    path = save_snapshot(workbook(tabs={"A": [[1]]}), tmp_path)
    path.write_bytes(path.read_bytes().replace(b'[[1]]', b'[[1e999]]'))
    assert problem(tmp_path).code == "snapshot_bad_cell"


def test_a_directory_or_a_fifo_in_place_of_the_file_is_unreadable(tmp_path: Path):
    snapshot_path(KEY, tmp_path).mkdir()
    assert problem(tmp_path).code == "snapshot_unreadable"
    snapshot_path(KEY, tmp_path).rmdir()
    os.mkfifo(snapshot_path(KEY, tmp_path))  # reading would block for ever
    assert problem(tmp_path).code == "snapshot_unreadable"


def test_a_snapshot_of_another_kind_is_refused_when_a_kind_is_asked_for(tmp_path: Path):
    save_snapshot(workbook(location="/data/ward.xlsx", kind="xlsx", url=None), tmp_path)
    assert read_snapshot("/data/ward.xlsx", tmp_path) is not None
    with pytest.raises(SourceError) as info:
        read_snapshot("/data/ward.xlsx", tmp_path, kind="gsheet")
    assert info.value.code == "snapshot_bad_field"

