"""The fault matrix: retries and the snapshot fallback, through the real gspread client
against the local fake Sheets API (tests/fakes/sheets_api/).

Every test records its wall time (`record_property("wall_s", ...)`, in the JUnit
XML) and asserts a bound on it; bench/fault_matrix.py prints the same matrix as a table.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from data_sources import SourceConfig, resilient, resolve_source
from data_sources.raw import SourceError
from data_sources.resilient import LoadResult, load_with_fallback, reset_single_flight, snapshot_location
from data_sources.retry import MAX_ATTEMPTS
from data_sources.snapshot import load_snapshot, snapshot_path
from tests.fakes.sheets_api import FakeSheetsAPI
from tests.threads import together

ROOT = Path(__file__).resolve().parents[2]
KEY = "1FaultMatrixSheetKey000000000000000000000"
TABS = {"Khóm": [["Khóm", "Số hộ"], ["Khóm 1", 120], ["Khóm 2", 95]], "Chủ thể": [["Mã chủ thể"], ["CT01"]]}
BUDGET = 3.0  # seconds; the production default is 20


@pytest.fixture
def sheet(fake_sheets_api: FakeSheetsAPI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeSheetsAPI:
    """The fake holding KEY, the app configured for it, an empty snapshot directory."""
    credentials = tmp_path / "service-account.json"
    credentials.write_text(json.dumps(fake_sheets_api.service_account_info()), encoding="utf-8")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(credentials))
    monkeypatch.setenv("OCOP_DATA", f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0")
    monkeypatch.setenv("OCOP_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    monkeypatch.setenv("OCOP_RETRY_BUDGET", str(BUDGET))
    reset_single_flight()
    fake_sheets_api.add_spreadsheet(KEY, TABS, title="OCOP phường")
    yield fake_sheets_api
    reset_single_flight()


def load() -> LoadResult:
    return load_with_fallback(resolve_source())


def snapshot_dir() -> Path:
    return Path(os.environ["OCOP_SNAPSHOT_DIR"])


def good_load(api: FakeSheetsAPI) -> LoadResult:
    """A successful read (which saves the snapshot); the request log is cleared after it."""
    result = load()
    assert not result.fallback and result.raw.tabs == TABS
    assert load_snapshot(KEY, snapshot_dir()) is not None
    api.clear_requests()
    return result


def sheets(api: FakeSheetsAPI) -> int:
    return len(api.sheets_requests())


class Timer:
    def __init__(self, record_property) -> None:
        self.record = record_property

    def __enter__(self) -> Timer:
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.monotonic() - self.started
        self.record("wall_s", round(self.seconds, 3))


@pytest.fixture
def timer(record_property) -> Timer:
    return Timer(record_property)


def assert_fallback(result: LoadResult, first: LoadResult, code: str) -> None:
    assert result.fallback is True
    assert result.error is not None and result.error.code == code
    assert result.raw.tabs == TABS and result.raw.title == "OCOP phường"
    assert result.snapshot_at == first.raw.read_at == result.raw.read_at


# --------------------------------------------------------------------------- healthy


def test_cold_start_reads_once_and_saves_the_snapshot(sheet: FakeSheetsAPI, timer: Timer) -> None:
    with timer:
        result = load()
    assert (result.fallback, result.error, result.snapshot_at) == (False, None, None)
    assert result.raw.tabs == TABS and result.raw.location == KEY
    assert (sheet.count("token"), sheet.count("metadata"), sheet.count("batchGet")) == (1, 1, 1)
    saved = load_snapshot(KEY, snapshot_dir())
    assert saved is not None and saved.tabs == TABS and saved.read_at == result.raw.read_at
    assert timer.seconds < 3


def test_the_link_and_the_bare_key_share_one_snapshot(sheet: FakeSheetsAPI) -> None:
    link = SourceConfig("gsheet", f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0")
    assert snapshot_location(link) == snapshot_location(SourceConfig("gsheet", KEY)) == KEY
    load_with_fallback(link)
    sheet.stop()
    assert load_with_fallback(SourceConfig("gsheet", KEY)).fallback


def test_sequential_loads_each_read_again(sheet: FakeSheetsAPI) -> None:
    """Reuse is for callers that waited on a fetch, not later ones: "Tải lại dữ liệu" reads anew."""
    load()
    load()
    assert (sheet.count("metadata"), sheet.count("batchGet")) == (2, 2)


# --------------------------------------------------------------------------- the matrix


def test_429_then_200_succeeds_after_one_retry(sheet: FakeSheetsAPI, timer: Timer) -> None:
    sheet.fail_next(status=429)
    with timer:
        result = load()
    assert not result.fallback and result.raw.tabs == TABS
    # metadata (429), metadata, batchGet; the token is fetched once and reused
    assert [r.path.rsplit("/", 1)[-1] for r in sheet.sheets_requests()] == [KEY, KEY, "values:batchGet"]
    assert sheets(sheet) == 3 and sheet.count("token") == 1
    assert timer.seconds < 0.5 + 2  # one jittered sleep of at most 0.5 s


def test_429_on_the_batch_get_retries_the_whole_read(sheet: FakeSheetsAPI) -> None:
    sheet.fail_next(status=429, kind="batchGet")
    assert load().raw.tabs == TABS
    assert (sheet.count("metadata"), sheet.count("batchGet")) == (2, 2)


def test_503_beyond_the_budget_falls_back_to_the_snapshot(sheet: FakeSheetsAPI, timer: Timer) -> None:
    first = good_load(sheet)
    sheet.fail_next(status=503, times=1000)
    with timer:
        result = load()
    assert_fallback(result, first, "gsheet_unavailable")
    assert result.error.params == {"key": KEY, "status": 503}
    assert 2 <= sheets(sheet) <= MAX_ATTEMPTS  # retried, but no storm
    assert sheet.count("batchGet") == 0
    assert timer.seconds <= BUDGET + 1


def test_503_without_a_snapshot_is_the_error(sheet: FakeSheetsAPI, timer: Timer) -> None:
    sheet.fail_next(status=503, times=1000)
    with timer, pytest.raises(SourceError) as info:
        load()
    assert (info.value.code, info.value.params) == ("gsheet_unavailable", {"key": KEY, "status": 503})
    assert resilient.snapshot_problem(info.value) is None  # none on disk: nothing was refused
    assert 2 <= sheets(sheet) <= MAX_ATTEMPTS
    assert timer.seconds <= BUDGET + 1


def test_503_twice_then_200_is_fresh_data(sheet: FakeSheetsAPI) -> None:
    good_load(sheet)
    sheet.fail_next(status=503, times=2)
    with pytest.MonkeyPatch.context() as m:
        m.setenv("OCOP_RETRY_BUDGET", "10")  # room for both sleeps (at most 0.5 + 1 s)
        result = load()
    assert not result.fallback and sheets(sheet) == 4


def test_hanging_server_is_retried_then_falls_back(sheet: FakeSheetsAPI, timer: Timer) -> None:
    first = good_load(sheet)
    sheet.hang_next(30, times=1000)
    with timer:
        result = load()
    assert_fallback(result, first, "gsheet_unavailable")
    assert result.error.params == {"key": KEY, "status": None}  # a timeout, no HTTP status
    assert 2 <= sheet.count("metadata") <= 4  # each attempt gets at most a third of the budget left
    assert timer.seconds <= BUDGET + 1.5


def test_hanging_once_then_answering_is_fresh_data(sheet: FakeSheetsAPI, timer: Timer) -> None:
    sheet.hang_next(30, kind="metadata")
    with timer:
        result = load()
    assert not result.fallback and sheet.count("metadata") == 2 and sheet.count("batchGet") == 1
    assert timer.seconds <= BUDGET + 1


def test_malformed_json_is_retried_then_falls_back(sheet: FakeSheetsAPI, timer: Timer) -> None:
    first = good_load(sheet)
    sheet.malformed_next(times=1000)
    with timer:
        result = load()
    assert_fallback(result, first, "gsheet_bad_response")
    assert 2 <= sheets(sheet) <= MAX_ATTEMPTS
    assert timer.seconds <= BUDGET + 1


def test_malformed_once_is_retried_to_fresh_data(sheet: FakeSheetsAPI) -> None:
    sheet.malformed_next(kind="batchGet")
    result = load()
    assert not result.fallback and (sheet.count("metadata"), sheet.count("batchGet")) == (2, 2)


def test_403_is_not_retried_and_falls_back(sheet: FakeSheetsAPI, timer: Timer) -> None:
    first = good_load(sheet)
    sheet.spreadsheet(KEY).forbidden = True  # the sheet was unshared
    with timer:
        result = load()
    assert_fallback(result, first, "gsheet_forbidden")
    assert result.error.params["email"] == sheet.service_account_info()["client_email"]
    assert sheets(sheet) == 1 and sheet.count("metadata") == 1
    assert timer.seconds < 1  # no backoff sleep


def test_403_without_a_snapshot_is_the_forbidden_error(sheet: FakeSheetsAPI, timer: Timer) -> None:
    sheet.spreadsheet(KEY).forbidden = True
    with timer, pytest.raises(SourceError) as info:
        load()
    assert info.value.code == "gsheet_forbidden" and sheets(sheet) == 1
    assert timer.seconds < 1


def test_404_is_not_retried(sheet: FakeSheetsAPI) -> None:
    sheet.fail_next(status=404)
    with pytest.raises(SourceError) as info:
        load()
    assert info.value.code == "gsheet_not_found" and sheets(sheet) == 1


def test_fake_stopped_falls_back(sheet: FakeSheetsAPI, timer: Timer) -> None:
    first = good_load(sheet)
    sheet.stop()  # connection refused, token endpoint included
    with timer:
        result = load()
    assert_fallback(result, first, "gsheet_unavailable")
    assert timer.seconds <= BUDGET + 1


def test_fake_stopped_without_a_snapshot_is_unavailable(sheet: FakeSheetsAPI, timer: Timer) -> None:
    sheet.stop()
    with timer, pytest.raises(SourceError) as info:
        load()
    assert info.value.code == "gsheet_unavailable"
    assert timer.seconds <= BUDGET + 1


def test_token_endpoint_down_falls_back_within_the_budget(sheet: FakeSheetsAPI, timer: Timer) -> None:
    """google-auth retries a failing token request itself (3 tries, about 3 s): one such
    attempt is as long as the 3 s budget, so ours does not retry it again."""
    first = good_load(sheet)
    sheet.fail_next(status=503, times=1000, include_token=True)
    with timer:
        result = load()
    assert_fallback(result, first, "gsheet_unavailable")
    assert sheets(sheet) == 0 and 1 <= sheet.count("token") <= 6
    assert timer.seconds <= BUDGET + 3.5


def test_bad_credentials_fall_back_to_the_snapshot(sheet: FakeSheetsAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    first = good_load(sheet)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS")  # without credentials the public export is tried
    assert_fallback(load(), first, "gsheet_not_public")
    assert [r.path for r in sheet.requests] == [f"/docs/spreadsheets/d/{KEY}/export"]


def edit_snapshot(mutate) -> None:
    """The saved snapshot edited by hand: `mutate(document)`, or bytes that replace the whole file."""
    path = snapshot_path(KEY, snapshot_dir())
    if not isinstance(mutate, bytes):
        document = json.loads(path.read_text(encoding="utf-8"))
        mutate(document)
        mutate = json.dumps(document).encode("utf-8")
    path.write_bytes(mutate)


@pytest.mark.parametrize(("mutate", "problem"), [
    (b"{half a snap", "snapshot_unreadable"),
    (lambda d: d.update(read_at="9999-12-31T23:59:59+00:00"), "snapshot_time_future"),
    (lambda d: d.update(location="1AnotherSheetsKey00000000000000000000000"), "snapshot_other_sheet"),
    (lambda d: d.update(url="javascript:alert(1)"), "snapshot_bad_url"),
    (lambda d: d.update(tabs=[["A", [[[[[[1]]]]]]]]), "snapshot_too_deep"),
    (b"[" * 200_000 + b"]" * 200_000, "snapshot_too_deep"),  # a RecursionError in json, caught
    (lambda d: d.update(version=2), "snapshot_wrong_format"),
])
def test_a_corrupt_or_implausible_snapshot_is_not_used_and_says_why(sheet: FakeSheetsAPI, mutate, problem: str) -> None:
    good_load(sheet)
    edit_snapshot(mutate)
    sheet.stop()
    with pytest.raises(SourceError) as info:
        load()
    assert info.value.code == "gsheet_unavailable"  # the source's own error, still
    assert resilient.snapshot_problem(info.value).code == problem


def test_a_bug_in_the_checks_is_still_the_source_error(sheet: FakeSheetsAPI, monkeypatch) -> None:
    good_load(sheet)
    monkeypatch.setattr(resilient, "read_snapshot", lambda *a, **k: 1 / 0)
    sheet.spreadsheet(KEY).forbidden = True
    with pytest.raises(SourceError) as info:
        load()
    assert (info.value.code, resilient.snapshot_problem(info.value).code) == ("gsheet_forbidden",
                                                                              "snapshot_unreadable")


def test_a_failed_read_does_not_overwrite_the_snapshot(sheet: FakeSheetsAPI) -> None:
    first = good_load(sheet)
    sheet.fail_next(status=403)
    load()
    sheet.spreadsheet(KEY).tabs.clear()  # the sheet is emptied and read fine: that is the new truth
    assert load().raw.tabs == {}
    assert load_snapshot(KEY, snapshot_dir()).read_at > first.raw.read_at


def test_xlsx_sources_keep_no_snapshot(tmp_path: Path, demo_raw) -> None:
    from tests.conftest import DEMO

    reset_single_flight()
    result = load_with_fallback(SourceConfig("xlsx", str(DEMO)), directory=tmp_path)
    assert not result.fallback and result.raw.tabs == demo_raw.tabs
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SourceError) as info:
        load_with_fallback(SourceConfig("xlsx", str(tmp_path / "gone.xlsx")), directory=tmp_path)
    assert info.value.code == "file_missing"


def test_snapshot_survives_a_restart(sheet: FakeSheetsAPI, timer: Timer) -> None:
    """Saved by this process, read by a new Python process (no in-process state) with Google down."""
    first = good_load(sheet)
    sheet.stop()
    script = (
        "import json\n"
        "from data_sources import resolve_source\n"
        "from data_sources.resilient import load_with_fallback\n"
        "r = load_with_fallback(resolve_source())\n"
        "print(json.dumps({'fallback': r.fallback, 'code': r.error.code, 'at': r.snapshot_at.isoformat(),"
        " 'tabs': r.raw.tabs}, ensure_ascii=False))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with timer:
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown == {"fallback": True, "code": "gsheet_unavailable", "at": first.raw.read_at.isoformat(),
                     "tabs": TABS}
    assert timer.seconds <= BUDGET + 15  # the new interpreter's imports included


def test_snapshot_survives_forgetting_the_in_process_state(sheet: FakeSheetsAPI) -> None:
    first = good_load(sheet)
    reset_single_flight()
    sheet.stop()
    assert_fallback(load(), first, "gsheet_unavailable")


# --------------------------------------------------------------------------- single flight


def test_twenty_viewers_on_a_cold_start_cost_one_read(sheet: FakeSheetsAPI, timer: Timer) -> None:
    sheet.hang_next(0.5, kind="metadata")  # a slow Google, so every viewer arrives mid-fetch
    with timer:
        results = together(20, load)
    assert all(isinstance(r, LoadResult) and not r.fallback for r in results), results
    assert all(r.raw.tabs == TABS for r in results)
    assert (sheet.count("token"), sheet.count("metadata"), sheet.count("batchGet")) == (1, 1, 1)
    assert timer.seconds < 3


def test_twenty_viewers_share_one_failure_too(sheet: FakeSheetsAPI, timer: Timer) -> None:
    """st.cache_data does not cache exceptions: without single flight each would ask again. Each viewer
    also learns why the (hand-edited) snapshot was not used."""
    good_load(sheet)
    edit_snapshot(lambda d: d.update(url="javascript:alert(1)"))
    sheet.hang_next(0.5, kind="metadata")
    sheet.spreadsheet(KEY).forbidden = True
    with timer:
        results = together(20, load)
    assert all(isinstance(r, SourceError) and r.code == "gsheet_forbidden" for r in results), results
    assert len({id(r) for r in results}) == 20  # each viewer its own exception object
    assert {resilient.snapshot_problem(r).code for r in results} == {"snapshot_bad_url"}
    assert sheet.count("metadata") == 1
    assert timer.seconds < 3


def test_twenty_viewers_share_one_fallback(sheet: FakeSheetsAPI) -> None:
    first = good_load(sheet)
    sheet.fail_next(status=503, times=1000)
    results = together(20, load)
    for result in results:
        assert_fallback(result, first, "gsheet_unavailable")
    assert sheets(sheet) <= MAX_ATTEMPTS  # one retrying read, not twenty

