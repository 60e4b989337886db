"""Login on and off, masking of personal data, sheet text shown as text, and the
last-good-snapshot banner, through the whole app (AppTest)."""
from __future__ import annotations

import json

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DEMO, ROOT

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "not-a-real-secret",
        "client_id": "x", "client_secret": "y",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}
LOGIN_ON = {"auth": AUTH, "ocop": {"access": {"login": True, "officers": ["can.bo@phuong.gov.vn"]}}}
KEY = "1SnapshotSheetKey000000000000000000000"


def run(page: str = "pages/overview.py", secrets: dict | None = None, user: dict | None = None,
        **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if secrets:
        for key, value in secrets.items():
            at.secrets[key] = value
    if user is not None:
        at.user = user
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception
    return at


def never_reached(at: AppTest):
    return at.dataframe[0].value


def demo_phone(producer_id: str) -> str:
    book = openpyxl.load_workbook(DEMO, read_only=True)
    rows = list(book["Chủ thể"].iter_rows(values_only=True))
    header = next(r for r in rows if r and "Mã chủ thể" in r)
    row = next(r for r in rows if r and r[0] == producer_id)
    return str(row[header.index("Điện thoại")])


def test_login_off_masks_personal_data_for_everyone(clean_app_env):
    at = run("pages/outreach.py", year="2023")
    table = never_reached(at)
    phone = demo_phone("CT09")
    shown = table.loc[table["Mã chủ thể"] == "CT09", "Điện thoại"].iloc[0]
    assert shown != phone and "•" in shown and shown[:2] == phone[:2]
    assert all(name.endswith(".") for name in table["Người đại diện"])  # initials only
    assert "che" in "\n".join(c.value for c in at.caption)


def test_login_on_requires_signing_in_and_shows_no_data(clean_app_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in LOGIN_ON.items():
        at.secrets[key] = value
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Đăng nhập"]
    assert not at.metric and not at.dataframe


def misconfigured(secrets: dict, page: str) -> AppTest:
    """The app with login = true and an [auth] that is missing or incomplete, opened on `page` by
    someone who would be an officer if login worked."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.user = {"is_logged_in": True, "email": "can.bo@phuong.gov.vn"}
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    assert not at.exception
    return at


def shown_text(at: AppTest) -> str:
    parts = [e.value for e in (*at.error, *at.warning, *at.info, *at.markdown, *at.caption, *at.title)]
    return "\n".join(str(p) for p in parts)


def test_login_on_without_the_auth_table_stops_every_page_with_the_reason(clean_app_env):
    for page in ("pages/overview.py", "pages/outreach.py", "pages/entry.py"):
        at = misconfigured({"ocop": LOGIN_ON["ocop"]}, page)
        (error,) = at.error
        assert "Cấu hình đăng nhập chưa đủ" in error.value and "[auth]" in error.value
        assert not at.metric and not at.dataframe and not at.get("form") and not at.button
        assert "che" not in shown_text(at)  # not even the masked viewer data is shown


def test_an_incomplete_auth_table_names_what_is_missing_and_never_a_secret(clean_app_env):
    auth = {k: v for k, v in AUTH.items() if k not in ("client_secret", "redirect_uri")}
    at = misconfigured({"auth": auth, "ocop": LOGIN_ON["ocop"]}, "pages/outreach.py")
    (error,) = at.error
    assert "redirect_uri" in error.value and "client_secret" in error.value and "cookie_secret" not in error.value
    assert not at.metric and not at.dataframe
    text = shown_text(at)
    assert not any(str(v) in text for v in auth.values())  # the secret values are never echoed


def test_signed_in_officer_sees_phones_and_viewer_does_not(clean_app_env):
    phone = demo_phone("CT09")
    officer = run("pages/outreach.py", LOGIN_ON, {"is_logged_in": True, "email": "can.bo@phuong.gov.vn"},
                  year="2023")
    table = never_reached(officer)
    assert table.loc[table["Mã chủ thể"] == "CT09", "Điện thoại"].iloc[0] == phone
    viewer = run("pages/outreach.py", LOGIN_ON, {"is_logged_in": True, "email": "nguoi.xem@gmail.com"},
                 year="2023")
    table = never_reached(viewer)
    assert table.loc[table["Mã chủ thể"] == "CT09", "Điện thoại"].iloc[0] != phone
    assert any("người xem" in c.value for c in viewer.sidebar.caption)


def test_sheet_text_is_shown_as_text(clean_app_env, monkeypatch, tmp_path):
    book = openpyxl.load_workbook(DEMO)
    info = book["Thông tin"]
    for row in info.iter_rows():
        if row[0].value == "Tên đơn vị":
            row[1].value = '<script>alert(1)</script> [bấm vào đây](http://evil.example) **đậm**'
    path = tmp_path / "html.xlsx"
    book.save(path)
    monkeypatch.setenv("OCOP_DATA", str(path))
    at = run(year="2023")
    ward_line = next(m.value for m in at.markdown if "alert" in m.value)
    assert "<script>" not in ward_line and "\\<script\\>" in ward_line
    assert "](http" not in ward_line and "\\]\\(http" in ward_line
    assert "**" not in ward_line


def test_snapshot_banner_when_the_sheet_is_down(clean_app_env, monkeypatch, tmp_path, fake_sheets_api, demo_raw):
    import streamlit as st

    from data_sources.resilient import reset_single_flight

    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP")
    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(fake_sheets_api.service_account_info()))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    monkeypatch.setenv("OCOP_DATA", KEY)
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "1")
    first = run(year="2023")
    assert not any("bản lưu" in w.value for w in first.warning)
    fake_sheets_api.stop()  # Google unreachable; the app restarts with an empty cache
    st.cache_data.clear()
    st.cache_resource.clear()
    reset_single_flight()
    second = run(year="2023")
    banner = [w.value for w in second.warning if "bản lưu" in w.value]
    assert banner and "Không kết nối được với Google Sheets" in banner[0].replace("\\", "")
    assert {m.label: m.value for m in second.metric}["Lượt người được tuyên truyền"] == "4.086 / 3.000"


@pytest.mark.parametrize(("edit", "why"), [
    ({"read_at": "9999-12-31T23:59:59+00:00"}, "“read_at” của bản lưu nằm ở tương lai"),
    ({"url": "javascript:alert(1)"}, "đường liên kết không phải của chính bảng tính này"),
])
def test_a_hand_edited_snapshot_is_refused_with_both_reasons(clean_app_env, monkeypatch, tmp_path, fake_sheets_api,
                                                             demo_raw, edit, why):
    """A read_at in the year 9999 or a javascript: link: the snapshot is not used, the page says both why
    Google could not be read and why the copy was refused; never the generic error, never the link."""
    import streamlit as st

    from data_sources.resilient import reset_single_flight
    from data_sources.snapshot import snapshot_path

    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP")
    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(fake_sheets_api.service_account_info()))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    monkeypatch.setenv("OCOP_DATA", KEY)
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "1")
    monkeypatch.setenv("OCOP_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    run(year="2023")
    path = snapshot_path(KEY, tmp_path / "snapshots")
    document = json.loads(path.read_text(encoding="utf-8"))
    document.update(edit)
    path.write_text(json.dumps(document), encoding="utf-8")
    fake_sheets_api.stop()
    st.cache_data.clear()
    st.cache_resource.clear()
    reset_single_flight()
    at = run(year="2023")
    (shown,) = [e.value.replace("\\", "") for e in at.error]
    assert "Không đọc được nguồn dữ liệu" in shown and "Không kết nối được với Google Sheets" in shown
    assert "Không dùng được bản lưu gần nhất" in shown and why in shown
    assert "không mong muốn" not in shown and "javascript" not in shown
    assert not at.warning and not at.metric
