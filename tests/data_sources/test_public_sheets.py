"""A Google Sheet shared as "Anyone with the link: Viewer", read without credentials (data_sources/public_sheet.py).

Real requests against the local fake at the HTTP level: OCOP_SHEETS_API_ENDPOINT sends docs.google.com's
export to it (tests/fakes/sheets_api/export.py). No credentials anywhere: env and secrets are passed empty.
"""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pandas as pd
import pytest
import requests
from streamlit.testing.v1 import AppTest

from analysis.cli.sync import run_sync
from analysis.i18n import strings
from analysis.workbook.normalise import normalise_workbook
from data_sources import SourceConfig, SourceError, read_source
from data_sources.demo.province import REGISTRY_HEADER, REGISTRY_TAB, tabs_bytes
from data_sources.demo.province_rows import synthetic_unit_tabs
from data_sources.google_sheets import read_google_sheet, sheet_url
from data_sources.public_sheet import KIND, export_url, read_public_sheet
from data_sources.resilient import load_with_fallback
from data_sources.store import StoreReader
from data_sources.xlsx_guard import MAX_FILE_BYTES
from tests.conftest import ROOT
from tests.fakes.sheets_api import FakeSheetsAPI
from tests.fakes.sheets_api.export import XLSX_MIME

KEY = "1PublicWardSheetKey000000000000000000000"
OTHER = "1OtherPublicSheetKey00000000000000000000"
SIGN_IN_PAGE = b"<!DOCTYPE html><html><head><title>Sign in - Google Accounts</title></head><body></body></html>"


def public_read(value: str = KEY) -> object:
    return read_source(SourceConfig("gsheet", value), env={}, secrets={})


def failure(value: str = KEY, **kw) -> SourceError:
    with pytest.raises(SourceError) as caught:
        read_public_sheet(value, **kw) if kw else public_read(value)
    return caught.value


@pytest.fixture
def one_attempt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "0")


# --------------------------------------------------------------------------- reading


def test_a_public_sheet_is_one_request_and_reads_as_the_service_account_does(fake_sheets_api: FakeSheetsAPI,
                                                                           demo_raw, creds: dict) -> None:
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP phường Vĩnh Hòa", public=True)

    public = public_read(sheet_url(KEY))

    assert len(fake_sheets_api.requests) == 1  # the export, and no token request
    assert fake_sheets_api.count("export") == 1 and fake_sheets_api.count("token") == 0
    (export,) = fake_sheets_api.requests_of("export")
    assert export.path == f"/docs/spreadsheets/d/{KEY}/export" and export.query == {"format": ["xlsx"]}
    assert (public.kind, public.location, public.title, public.url) == (KIND, KEY, "OCOP phường Vĩnh Hòa",
                                                                        sheet_url(KEY))
    assert export_url(KEY) == f"https://docs.google.com/spreadsheets/d/{KEY}/export?format=xlsx"

    with_account = read_google_sheet(KEY, creds)
    a, b = normalise_workbook(public), normalise_workbook(with_account)
    assert a.accounting == b.accounting and a.info == b.info and a.found_tabs == b.found_tabs
    assert a.tables.keys() == b.tables.keys()
    for name, table in a.tables.items():
        pd.testing.assert_frame_equal(table, b.tables[name], check_dtype=True, obj=name)
    pd.testing.assert_frame_equal(a.issues.drop(columns="params"), b.issues.drop(columns="params"))
    assert a.source.kind == KIND and b.source.kind == "gsheet"


def test_credentials_when_configured_are_used_instead(fake_sheets_api: FakeSheetsAPI, demo_raw, creds) -> None:
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, public=True)
    raw = read_source(SourceConfig("gsheet", KEY), env={}, secrets={"gcp_service_account": creds})
    assert raw.kind == "gsheet" and fake_sheets_api.count("export") == 0 and fake_sheets_api.count("token") == 1


# --------------------------------------------------------------------------- not public


def test_a_private_sheet_gives_both_ways_forward_in_vietnamese(fake_sheets_api: FakeSheetsAPI) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Thông tin": [["a"]]})

    error = failure()

    assert (error.code, error.params) == ("gsheet_not_public", {"key": KEY})
    assert len(fake_sheets_api.requests) == 1  # the sign-in page is never requested
    vi = strings.t("source_error.gsheet_not_public", "vi", **error.params)
    assert KEY in vi and "Bất kỳ ai có đường liên kết: Người xem" in vi  # way 1: share it publicly
    assert "[gcp_service_account]" in vi and "GOOGLE_APPLICATION_CREDENTIALS" in vi  # way 2: a service account
    assert "số điện thoại" in vi
    en = strings.t("source_error.gsheet_not_public", "en", **error.params)
    assert "Anyone with the link: Viewer" in en and "service account" in en


def test_the_fake_sends_a_private_sheet_to_the_sign_in_page(fake_sheets_api: FakeSheetsAPI) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Thông tin": [["a"]]})
    answer = requests.get(f"{fake_sheets_api.endpoint}/docs/spreadsheets/d/{KEY}/export", params={"format": "xlsx"},
                          allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("https://accounts.google.com/ServiceLogin?continue=")


@pytest.mark.parametrize("location", [
    "https://accounts.google.com/ServiceLogin?continue=https%3A%2F%2Fdocs.google.com%2F",
    "https://accounts.google.com/v3/signin/identifier?continue=x",
    "https://evil.example.com/export.xlsx",
    "http://doc-0s-sheets.googleusercontent.com/export/x",  # Google's download host, but not over https
])
def test_a_redirect_anywhere_but_googles_download_host_is_not_followed(fake_sheets_api: FakeSheetsAPI,
                                                                       location: str) -> None:
    fake_sheets_api.set_export_answer(KEY, b"", status=302, headers={"Location": location})
    assert failure().code == "gsheet_not_public"
    assert len(fake_sheets_api.requests) == 1


def test_a_redirect_on_the_same_host_is_followed_and_a_loop_is_not(fake_sheets_api: FakeSheetsAPI, demo_raw) -> None:
    fake_sheets_api.add_spreadsheet(OTHER, demo_raw.tabs, title="Moved", public=True)
    fake_sheets_api.set_export_answer(KEY, b"", status=307,
                                      headers={"Location": f"/spreadsheets/d/{OTHER}/export?format=xlsx"})
    assert public_read().title == "Moved" and fake_sheets_api.count("export") == 2

    fake_sheets_api.clear_requests()
    fake_sheets_api.set_export_answer(KEY, b"", status=302,
                                      headers={"Location": f"/spreadsheets/d/{KEY}/export?format=xlsx"})
    assert failure().code == "gsheet_not_public"
    assert fake_sheets_api.count("export") == 4  # the first request and MAX_REDIRECTS hops, then it stops


def test_a_missing_sheet_and_401_403_404_are_not_public(fake_sheets_api: FakeSheetsAPI, one_attempt) -> None:
    assert failure().code == "gsheet_not_public"  # unknown key: 404
    fake_sheets_api.add_spreadsheet(KEY, {"Thông tin": [["a"]]}, public=True)
    for status in (401, 403, 404):
        fake_sheets_api.fail_next(status=status, kind="export")
        assert failure().code == "gsheet_not_public"


@pytest.mark.parametrize(("body", "content_type"), [
    (SIGN_IN_PAGE, "text/html; charset=utf-8"),  # Google's sign-in page with a 200
    (SIGN_IN_PAGE, "application/octet-stream"),  # HTML however it is labelled
    (b"just some text", XLSX_MIME),  # labelled an .xlsx but is not one
])
def test_a_200_that_is_not_an_xlsx_is_not_public(fake_sheets_api: FakeSheetsAPI, body: bytes,
                                                 content_type: str) -> None:
    fake_sheets_api.set_export_answer(KEY, body, content_type)
    assert failure().code == "gsheet_not_public"


def test_a_bad_key_fails_before_any_request(fake_sheets_api: FakeSheetsAPI) -> None:
    assert failure("not a key").code == "gsheet_bad_key"
    assert fake_sheets_api.requests == []


# --------------------------------------------------------------------------- Google down


@pytest.mark.parametrize(("status", "code"), [(500, "gsheet_unavailable"), (503, "gsheet_unavailable"),
                                              (429, "gsheet_quota")])
def test_google_failing_is_unavailable_or_quota(fake_sheets_api: FakeSheetsAPI, one_attempt, status, code) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Thông tin": [["a"]]}, public=True)
    fake_sheets_api.fail_next(status=status, kind="export")
    assert failure().code == code


def test_google_down_is_retried_then_read(fake_sheets_api: FakeSheetsAPI, demo_raw, monkeypatch) -> None:
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "10")
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, public=True)
    fake_sheets_api.fail_next(status=503, times=2, kind="export")
    assert public_read().kind == KIND
    assert fake_sheets_api.count("export") == 3


def test_a_public_sheet_falls_back_on_its_snapshot(fake_sheets_api: FakeSheetsAPI, demo_raw, one_attempt,
                                                   tmp_path) -> None:
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP", public=True)
    config = SourceConfig("gsheet", sheet_url(KEY))
    assert not load_with_fallback(config, {}, {}, tmp_path).fallback
    fake_sheets_api.stop()
    again = load_with_fallback(config, {}, {}, tmp_path)
    assert (again.fallback, again.error.code, again.raw.kind, again.raw.title) == (True, "gsheet_unavailable",
                                                                                   KIND, "OCOP")


def test_a_hanging_or_stopped_server_is_unavailable(fake_sheets_api: FakeSheetsAPI, one_attempt) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Thông tin": [["a"]]}, public=True)
    fake_sheets_api.hang_next(5, kind="export")
    hung = failure(timeout=0.5)
    assert (hung.code, hung.params) == ("gsheet_unavailable", {"key": KEY, "status": None})
    fake_sheets_api.stop()
    assert failure().code == "gsheet_unavailable"


# --------------------------------------------------------------------------- the .xlsx path and its limits


def test_an_oversized_answer_is_refused_declared_or_streamed(fake_sheets_api: FakeSheetsAPI, one_attempt) -> None:
    fake_sheets_api.add_spreadsheet(KEY, {"Thông tin": [["a" * 1000]] * 50}, public=True)
    declared = failure(max_bytes=1000)  # Content-Length says it is too big: refused before reading the body
    assert declared.code == "xlsx_file_too_big" and declared.params["limit_mb"] == 1

    fake_sheets_api.set_export_answer(KEY, b"PK\x03\x04" + b"\0" * (3 << 20), XLSX_MIME, length=False)
    streamed = failure(max_bytes=1 << 20)  # no length: refused once 1 MB has arrived
    assert (streamed.code, streamed.params) == ("xlsx_file_too_big", {"size_mb": ">1", "limit_mb": 1})
    assert read_public_sheet.__kwdefaults__["max_bytes"] == MAX_FILE_BYTES  # the .xlsx file's own limit


def test_the_export_goes_through_the_xlsx_guard(fake_sheets_api: FakeSheetsAPI, one_attempt) -> None:
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("xl/workbook.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>')
        archive.writestr("xl/_rels/workbook.xml.rels", "<Relationships/>")
    fake_sheets_api.set_export_answer(KEY, hostile.getvalue(), XLSX_MIME)
    assert failure().code == "xlsx_unsafe_xml"

    fake_sheets_api.set_export_answer(KEY, b"PK\x03\x04 but not a zip", XLSX_MIME)
    assert failure().code == "not_workbook"


# --------------------------------------------------------------------------- a province


def _unit(code: str, key: str) -> list:
    return [code, f"Xã {code} (mẫu)", "Xã", f"https://docs.google.com/spreadsheets/d/{key}/edit", None]


def test_a_province_reads_its_public_units_without_credentials(fake_sheets_api: FakeSheetsAPI, tmp_path,
                                                               one_attempt) -> None:
    fake_sheets_api.add_spreadsheet(KEY, synthetic_unit_tabs("U01", 1, date(2026, 6, 30)), title="Xã 1",
                                    public=True)
    fake_sheets_api.add_spreadsheet(OTHER, synthetic_unit_tabs("U02", 2, date(2026, 6, 30)), title="Xã 2")
    registry = tmp_path / "registry.xlsx"
    registry.write_bytes(tabs_bytes({REGISTRY_TAB: [REGISTRY_HEADER, _unit("U01", KEY), _unit("U02", OTHER)]},
                                    "Sổ đơn vị"))
    store = tmp_path / "s.duckdb"

    report = run_sync(SourceConfig("xlsx", str(registry)), store, {"OCOP_SYNC_RATE": "0"}, {})

    assert (report.reread, report.failed, report.listed) == (2, 1, False)  # no Drive listing without credentials
    assert fake_sheets_api.count("export") == 2 and fake_sheets_api.count("token") == 0
    with StoreReader(store) as reader:
        units = {u.code: u for u in reader.units()}
    assert (units["U01"].status, units["U01"].source_kind, units["U01"].title) == ("ok", KIND, "Xã 1")
    assert (units["U02"].status, units["U02"].reason_code) == ("unreadable", "gsheet_not_public")

    fake_sheets_api.clear_requests()  # nothing says what changed: every public unit is read again
    assert run_sync(SourceConfig("xlsx", str(registry)), store, {"OCOP_SYNC_RATE": "0"}, {}).reread == 2
    assert fake_sheets_api.count("export") == 2


def test_a_registry_kept_as_a_public_sheet(fake_sheets_api: FakeSheetsAPI, tmp_path, one_attempt) -> None:
    registry_key = "1PublicRegistryKey0000000000000000000000"
    fake_sheets_api.add_spreadsheet(registry_key, {REGISTRY_TAB: [REGISTRY_HEADER, _unit("U01", KEY)]},
                                    title="Sổ đơn vị", public=True)
    fake_sheets_api.add_spreadsheet(KEY, synthetic_unit_tabs("U01", 1, date(2026, 6, 30)), public=True)
    report = run_sync(SourceConfig("gsheet", registry_key), tmp_path / "s.duckdb", {"OCOP_SYNC_RATE": "0"}, {})
    assert (report.units, report.failed) == (1, 0)
    assert fake_sheets_api.count("export") == 2 and len(fake_sheets_api.requests) == 2


# --------------------------------------------------------------------------- the pages warn


def _app(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def _warned(elements) -> bool:
    return any("ai có đường liên kết đều đọc được" in w.value for w in elements)


def test_the_sidebar_and_the_data_page_warn_for_a_public_sheet_only(clean_app_env, monkeypatch, tmp_path,
                                                                    fake_sheets_api: FakeSheetsAPI, demo_raw) -> None:
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP phường", public=True)
    monkeypatch.setenv("OCOP_DATA", sheet_url(KEY))
    at = _app("pages/data_quality.py")
    assert "Google Sheet công khai: OCOP phường" in [t.value for t in at.sidebar.text]
    assert _warned(at.sidebar.warning) and _warned(at.main.warning)
    assert fake_sheets_api.count("export") == 1 and fake_sheets_api.count("token") == 0

    at.switch_page("pages/entry.py").run()  # quick entry needs credentials: locked, and says why
    assert any("không có tài khoản dịch vụ" in i.value for i in at.info)
    assert all(b.disabled for b in at.get("form_submit_button"))

    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(fake_sheets_api.service_account_info()))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    _fresh_cache()
    at = _app("pages/data_quality.py")
    assert "Google Sheet: OCOP phường" in [t.value for t in at.sidebar.text]
    assert not _warned(at.sidebar.warning) and not _warned(at.main.warning)


def _fresh_cache() -> None:
    """An empty cache, so the next run reads the sheet again (now with the account)."""
    import streamlit as st

    from data_sources.resilient import reset_single_flight

    st.cache_data.clear()
    st.cache_resource.clear()
    reset_single_flight()
