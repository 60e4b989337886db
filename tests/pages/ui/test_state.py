"""pages/ui/state.py: the Streamlit cache in front of the resilient loader (one read shared by
every session, the typed load status, the snapshot fallback), against the local fake Sheets API."""
from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest

from data_sources import resolve_source
from data_sources.resilient import reset_single_flight
from tests.conftest import ROOT
from tests.fakes.sheets_api import FakeSheetsAPI
from tests.threads import together

KEY = "1CachedLoaderSheetKey00000000000000000000"
TABS = {"Khóm": [["Khóm", "Số hộ"], ["Khóm 1", 120], ["Khóm 2", 95]], "Chủ thể": [["Mã chủ thể"], ["CT01"]]}


@pytest.fixture
def sheet(fake_sheets_api: FakeSheetsAPI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeSheetsAPI:
    """The fake holding KEY, the app configured for it, an empty snapshot directory."""
    credentials = tmp_path / "service-account.json"
    credentials.write_text(json.dumps(fake_sheets_api.service_account_info()), encoding="utf-8")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(credentials))
    monkeypatch.setenv("OCOP_DATA", f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0")
    monkeypatch.setenv("OCOP_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "3")
    reset_single_flight()
    fake_sheets_api.add_spreadsheet(KEY, TABS, title="OCOP phường")
    yield fake_sheets_api
    reset_single_flight()


@pytest.fixture
def cached(sheet: FakeSheetsAPI):
    from pages.ui import state

    state.clear_cache()
    yield state
    state.clear_cache()


def sheets(api: FakeSheetsAPI) -> int:
    return len(api.sheets_requests())


def test_load_dataset_with_status_fresh(cached, sheet: FakeSheetsAPI) -> None:
    config = resolve_source()
    ds, status = cached.load_dataset_with_status(config.kind, config.location)
    assert status == cached.LoadStatus(fallback=False, error_code=None, error_params={}, snapshot_at=None)
    assert status == cached.LoadStatus()  # the defaults are a fresh read
    assert ds.accounting["areas"].accepted == 2
    assert cached.load_dataset_with_status(config.kind, config.location)[0] is not None
    assert sheets(sheet) == 2  # the second call was served by the cache


def test_load_dataset_with_status_fallback(cached, sheet: FakeSheetsAPI) -> None:
    config = resolve_source()
    first, _ = cached.load_dataset_with_status(config.kind, config.location)
    cached.clear_cache()
    sheet.spreadsheet(KEY).forbidden = True
    ds, status = cached.load_dataset_with_status(config.kind, config.location)
    assert status == cached.LoadStatus(
        fallback=True,
        error_code="gsheet_forbidden",
        error_params={"key": KEY, "email": sheet.service_account_info()["client_email"]},
        snapshot_at=first.source.read_at,
    )
    assert status.snapshot_at.isoformat() == first.source.read_at.isoformat()
    assert pickle.loads(pickle.dumps(status)) == status
    assert ds.source.read_at == first.source.read_at
    assert ds.accounting == first.accounting


def test_twenty_sessions_through_the_streamlit_cache_cost_one_read(cached, sheet: FakeSheetsAPI) -> None:
    config = resolve_source()
    sheet.hang_next(0.5, kind="metadata")
    results = together(20, lambda: cached.load_dataset_with_status(config.kind, config.location))
    assert all(isinstance(r, tuple) and r[1].fallback is False for r in results), results
    assert (sheet.count("metadata"), sheet.count("batchGet")) == (1, 1)


def test_the_load_status_is_frozen() -> None:
    from pages.ui.state import LoadStatus

    status = LoadStatus(fallback=True, error_code="gsheet_unavailable", error_params={"status": 503})
    with pytest.raises(dataclasses.FrozenInstanceError):
        status.fallback = False  # type: ignore[misc]


def test_a_page_run_alone_finds_the_frame() -> None:
    """context() runs app.py when Streamlit executes a page file directly: the path must hold."""
    from pages.ui.state import APP

    assert APP == ROOT / "app.py" and APP.is_file()


def edit_snapshot(mutate) -> None:
    import os

    from data_sources.snapshot import snapshot_path

    path = snapshot_path(KEY, Path(os.environ["OCOP_SNAPSHOT_DIR"]))
    document = json.loads(path.read_text(encoding="utf-8"))
    mutate(document)
    path.write_text(json.dumps(document), encoding="utf-8")


def test_a_refused_snapshot_is_in_the_status_of_the_failure(cached, sheet: FakeSheetsAPI) -> None:
    from data_sources.raw import SourceError

    config = resolve_source()
    cached.load_dataset_with_status(config.kind, config.location)
    cached.clear_cache()
    edit_snapshot(lambda d: d.update(read_at="9999-12-31T23:59:59+00:00"))
    sheet.stop()
    with pytest.raises(SourceError) as info:
        cached.load_dataset_with_status(config.kind, config.location)
    status = cached.LoadStatus.failed(info.value)
    assert (status.fallback, status.error_code) == (False, "gsheet_unavailable")
    assert (status.snapshot_problem_code, status.snapshot_problem_params) == ("snapshot_time_future",
                                                                              {"field": "read_at"})
    assert pickle.loads(pickle.dumps(status)) == status


def test_a_failure_without_a_snapshot_has_no_snapshot_problem() -> None:
    from data_sources.raw import SourceError
    from pages.ui.state import LoadStatus

    status = LoadStatus.failed(SourceError("gsheet_forbidden", key="K", email="e@x"))
    assert status == LoadStatus(error_code="gsheet_forbidden", error_params={"key": "K", "email": "e@x"})
    assert status.snapshot_problem_code is None and status.snapshot_problem_params == {}
