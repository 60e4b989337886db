"""analysis/cli/sync.py against the local fake of Sheets and Drive, with the real gspread client: what a sync
costs in requests (first, unchanged, some changed), and what happens to units Google will not give."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from analysis.cli.sync import run_sync
from data_sources import SourceConfig
from data_sources.demo.province import REGISTRY_HEADER, REGISTRY_TAB, tabs_bytes
from data_sources.demo.province_rows import synthetic_unit_tabs
from data_sources.store import StoreReader

AS_OF = date(2026, 6, 30)
N = 12


def key(i: int) -> str:
    return f"1{'abcdefghij'[i % 10]}{i:04d}" + "k" * 38


@pytest.fixture
def google(fake_sheets_api, tmp_path, monkeypatch):
    """N unit spreadsheets in the fake, a registry (.xlsx) listing them, and the secrets to read them."""
    for i in range(N):
        fake_sheets_api.add_spreadsheet(key(i), synthetic_unit_tabs(f"U{i:02d}", i, AS_OF), title=f"Đơn vị {i}")
    rows = [REGISTRY_HEADER] + [[f"U{i:02d}", f"Xã Số {i} (mẫu)", "Xã",
                                 f"https://docs.google.com/spreadsheets/d/{key(i)}/edit", None] for i in range(N)]
    registry = tmp_path / "registry.xlsx"
    registry.write_bytes(tabs_bytes({REGISTRY_TAB: rows}, "Sổ đơn vị"))
    secrets = {"gcp_service_account": fake_sheets_api.service_account_info()}
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "0")  # one attempt: an injected failure is not retried away
    env = {"OCOP_SYNC_RATE": "0"}
    return fake_sheets_api, SourceConfig("xlsx", str(registry)), tmp_path / "s.duckdb", env, secrets


def counts(api) -> dict[str, int]:
    return {kind: api.count(kind) for kind in ("token", "driveList", "metadata", "batchGet")}


def test_first_unchanged_and_changed_syncs_cost_what_the_quota_rule_allows(google):
    api, registry, store, env, secrets = google
    first = run_sync(registry, store, env, secrets)
    assert counts(api) == {"token": 1, "driveList": 1, "metadata": N, "batchGet": N}
    assert first.requests == 1 + 2 * N and first.reread == N and first.failed == 0  # ⌈N/1000⌉ + 2N

    api.clear_requests()
    unchanged = run_sync(registry, store, env, secrets)
    assert counts(api) == {"token": 1, "driveList": 1, "metadata": 0, "batchGet": 0}
    assert unchanged.requests == 1 and unchanged.reread == 0

    api.clear_requests()
    changed = [key(2), key(5), key(7)]
    for k in changed:
        api.touch(k, api.now() + timedelta(seconds=5))
    again = run_sync(registry, store, env, secrets)
    assert counts(api) == {"token": 1, "driveList": 1, "metadata": 3, "batchGet": 3}
    assert again.requests == 1 + 2 * 3 and again.reread == 3  # ⌈N/1000⌉ + 2k
    assert sorted(r.path.split("/")[3] for r in api.requests_of("metadata")) == sorted(changed)


def test_the_drive_listing_is_gspreads_with_modified_times(google):
    api, registry, store, env, secrets = google
    run_sync(registry, store, env, secrets)
    query = api.requests_of("driveList")[0].query
    assert query["q"] == ['mimeType="application/vnd.google-apps.spreadsheet"'] and query["pageSize"] == ["1000"]
    assert "modifiedTime" in query["fields"][0]
    assert any("drive.metadata.readonly" in scope for scope in api.token_scopes)
    assert all("spreadsheets.readonly" in scope and "auth/spreadsheets " not in scope + " "
               for scope in api.token_scopes)


def test_units_google_will_not_give_are_unreadable_or_stale_with_the_reason(google):
    api, registry, store, env, secrets = google
    run_sync(registry, store, env, secrets)
    api.touch(key(3), api.now() + timedelta(seconds=5))
    api.fail_next(503, times=1, kind="metadata")  # Google down when U03, changed, is read (no retry: budget 0)
    api.spreadsheet(key(4)).forbidden = True  # U04's sharing withdrawn: no longer listed, so read, and refused
    report = run_sync(registry, store, env, secrets)
    with StoreReader(store) as reader:
        units = {u.code: u for u in reader.units()}
        kept = reader.unit_data("U04")
    failed = {code: u for code, u in units.items() if u.status != "ok"}
    assert set(failed) == {"U03", "U04"}
    assert {u.status for u in failed.values()} == {"stale"}
    assert (units["U03"].reason_code, units["U04"].reason_code) == ("gsheet_unavailable", "gsheet_forbidden")
    assert units["U04"].reason_params.get("email") == secrets["gcp_service_account"]["client_email"]
    assert report.reread == 2 and report.requests == 1 + 1 + 1  # list, U03's failed metadata, U04's 403
    assert len(kept.tables["products"]) > 0  # the last good data stays


def test_without_credentials_every_google_unit_is_unreadable_and_says_why(google):
    api, registry, store, env, _ = google
    report = run_sync(registry, store, env, {})  # each unit's public export is tried: none is public
    assert report.failed == N and api.count("metadata") == 0 and api.count("export") == N
    with StoreReader(store) as reader:
        assert {(u.status, u.reason_code) for u in reader.units()} == {("unreadable", "gsheet_not_public")}


def test_a_registry_kept_as_a_google_sheet_shares_the_one_token(google):
    api, _, store, env, secrets = google
    registry_key = "1r" + "e" * 42
    rows = [REGISTRY_HEADER] + [[f"U{i:02d}", f"Xã {i}", "Xã", key(i), None] for i in range(N)]
    api.add_spreadsheet(registry_key, {REGISTRY_TAB: rows}, title="Sổ đơn vị")
    report = run_sync(SourceConfig("gsheet", registry_key), store, env, secrets)
    assert report.failed == 0 and api.count("token") == 1
    assert api.count("metadata") == N + 1  # the registry too, through the same session
