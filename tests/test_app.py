"""AppTest of every page: the demo, a Google Sheet through the fake, and bad sources."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DEMO, ROOT

PAGES = ["pages/overview.py", "pages/data_quality.py"]
KEY = "1WardSheetKeyForAppTests00000000000000"


def _run(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    if page and page != PAGES[0]:
        at.switch_page(page).run()
    return at


def _texts(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.error, *at.info, *at.warning, *at.title, *at.caption,
                               *at.subheader, *at.success)]
    parts += [m.label + " " + m.value for m in at.metric]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # markdown escapes


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_demo(clean_app_env, page):
    at = _run(page)
    assert not at.exception
    text = _texts(at)
    assert "DỮ LIỆU MẪU" in text  # sample data is marked wherever shown
    assert "Traceback" not in text


def test_overview_shows_ward_plan_and_targets_for_the_chosen_year(clean_app_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["year"] = "2023"
    at.run()
    text = _texts(at)
    assert "Phường Vĩnh Hòa Đông" in text and "42/KH-UBND" in text
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sản phẩm OCOP đạt từ 3 sao trở lên"] == "1 / 1"
    assert metrics["Lượt người được tuyên truyền"] == "4.086 / 3.000"
    at.sidebar.selectbox[0].select(2024).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sản phẩm OCOP đạt từ 3 sao trở lên"] == "2 / 2"
    assert at.query_params["year"] in ("2024", ["2024"])


def test_data_page_accounts_for_rows_and_lists_issues(clean_app_env):
    at = _run("pages/data_quality.py")
    rows = at.dataframe[0].value
    products = rows[rows.iloc[:, 0] == "Sản phẩm"].iloc[0]
    assert list(products.iloc[1:]) == ["13", "12", "1"]  # shown as text, formatted (analysis/outputs/table_view)
    issues = at.dataframe[1].value
    assert "khoảng 50" in set(issues.iloc[:, 5])
    assert len(issues) == 5


def _bad_source(monkeypatch, value: str) -> str:
    monkeypatch.setenv("OCOP_DATA", value)
    at = _run()
    assert not at.exception
    assert at.error, "a bad source must be explained on the page"
    return _texts(at)


def test_missing_file_is_explained(clean_app_env, monkeypatch, tmp_path):
    text = _bad_source(monkeypatch, str(tmp_path / "ward.xlsx"))
    assert "Không tìm thấy tệp dữ liệu" in text and "ward.xlsx" in text


def test_corrupt_file_is_explained(clean_app_env, monkeypatch, tmp_path):
    bad = tmp_path / "ward.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    assert "không phải bảng tính Excel" in _bad_source(monkeypatch, str(bad))


def test_workbook_with_tabs_missing_still_works(clean_app_env, monkeypatch, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(DEMO)
    for title in ("Tuyên truyền", "Tập huấn"):
        del book[title]
    path = tmp_path / "partial.xlsx"
    book.save(path)
    monkeypatch.setenv("OCOP_DATA", str(path))
    at = _run("pages/data_quality.py")
    assert not at.exception
    issues = at.dataframe[1].value
    missing = issues[issues.iloc[:, 0].str.contains("Thiếu trang tính")]  # the reason first, then the tab
    assert set(missing.iloc[:, 1]) == {"Tuyên truyền", "Tập huấn"}


def _sheet_env(monkeypatch, tmp_path, api):
    path = tmp_path / "service-account.json"
    path.write_text(json.dumps(api.service_account_info()))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(path))
    monkeypatch.setenv("OCOP_DATA", f"https://docs.google.com/spreadsheets/d/{KEY}/edit")


def test_google_sheet_source_shows_link_and_data(clean_app_env, monkeypatch, tmp_path, fake_sheets_api, demo_raw):
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP phường")
    _sheet_env(monkeypatch, tmp_path, fake_sheets_api)
    at = _run("pages/data_quality.py")
    assert not at.exception
    assert "Google Sheet: OCOP phường" in [t.value for t in at.sidebar.text]
    assert len(fake_sheets_api.sheets_requests()) == 2
    at.switch_page("pages/overview.py").run()
    assert len(fake_sheets_api.sheets_requests()) == 2  # cached: every viewer shares one fetch


def test_sheet_not_shared_names_the_service_account(clean_app_env, monkeypatch, tmp_path, fake_sheets_api):
    fake_sheets_api.add_spreadsheet(KEY, {}, forbidden=True)
    _sheet_env(monkeypatch, tmp_path, fake_sheets_api)
    text = _bad_source(monkeypatch, f"https://docs.google.com/spreadsheets/d/{KEY}/edit")
    assert "chưa được chia sẻ" in text
    assert fake_sheets_api.service_account_info()["client_email"] in text.replace("\\", "").replace("\u2060", "")


def test_unknown_sheet_key(clean_app_env, monkeypatch, tmp_path, fake_sheets_api):
    _sheet_env(monkeypatch, tmp_path, fake_sheets_api)
    assert "Không tìm thấy Google Sheet" in _bad_source(monkeypatch, "1NoSuchSheetKey000000000000000000000")


def test_without_credentials_a_private_sheet_says_both_ways_forward(clean_app_env, monkeypatch, fake_sheets_api):
    fake_sheets_api.add_spreadsheet(KEY, {})  # not public: its export sends an anonymous reader to sign in
    text = _bad_source(monkeypatch, KEY).replace("\u2060", "")  # md() puts a word joiner after ':'
    assert "Bất kỳ ai có đường liên kết: Người xem" in text and "[gcp_service_account]" in text


def test_invalid_credentials(clean_app_env, monkeypatch, tmp_path, fake_sheets_api):
    bad_key = "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n"
    info = fake_sheets_api.service_account_info() | {"private_key": bad_key}
    path = tmp_path / "sa.json"
    path.write_text(json.dumps(info))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(path))
    text = _bad_source(monkeypatch, KEY)
    assert "không hợp lệ" in text and "nope" not in text
