"""Quick entry through the app against the Sheets fake: one values:append, nothing lost on
failure, no double rows, and only for those allowed."""
from __future__ import annotations

import json
import time

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

KEY = "1EntrySheetKey00000000000000000000000"
LOGIN_ON = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x",
                     "client_id": "x", "client_secret": "y",
                     "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"},
            "ocop": {"access": {"login": True, "officers": ["can.bo@phuong.gov.vn"]}}}


@pytest.fixture
def sheet(clean_app_env, monkeypatch, tmp_path, fake_sheets_api, demo_raw):
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP")
    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(fake_sheets_api.service_account_info()))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    monkeypatch.setenv("OCOP_DATA", KEY)
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "0")
    return fake_sheets_api


OFFICER = {"is_logged_in": True, "email": "can.bo@phuong.gov.vn"}


def entry_page(secrets: dict | None = LOGIN_ON, user: dict | None = OFFICER) -> AppTest:
    """The entry page, by default for a signed-in officer (writing needs one)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    if user is not None:
        at.user = user
    at.query_params["year"] = "2023"
    at.run()
    at.switch_page("pages/entry.py").run()
    assert not at.exception
    return at


def fill_outreach(at: AppTest) -> None:
    at.selectbox(key=next(k for k in keys(at) if k.startswith("o-channel"))).select("Họp dân")
    at.selectbox(key=next(k for k in keys(at) if k.startswith("o-area"))).select("Vĩnh Phú")
    at.number_input(key=next(k for k in keys(at) if k.startswith("o-attendees"))).set_value(37)
    at.text_input(key=next(k for k in keys(at) if k.startswith("o-note"))).input("Họp dân khóm, nhập nhanh")


def keys(at: AppTest) -> list[str]:
    return [w.key for w in (*at.number_input, *at.text_input, *at.selectbox, *at.multiselect) if w.key]


def submit(at: AppTest, index: int = 0) -> None:
    at.button[index].click().run()  # the first form's submit button


def test_excel_source_says_entry_needs_a_sheet(clean_app_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/entry.py").run()
    assert any("cần nguồn dữ liệu là Google Sheet" in i.value for i in at.info)
    assert_locked_preview(at)


def assert_locked_preview(at: AppTest) -> None:
    """The forms are shown, every field and button locked, with what is needed to use them."""
    assert len(at.get("form")) == 2
    main = at.main
    fields = [*main.number_input, *main.text_input, *main.selectbox, *main.multiselect, *main.date_input]
    assert fields and all(w.disabled for w in fields)
    submits = [b for b in at.get("form_submit_button")]
    assert len(submits) == 2 and all(b.disabled for b in submits)
    assert any("Google Sheet dùng chung" in c.value and "đăng nhập" in c.value for c in at.caption)


def test_one_append_adds_the_row_after_the_others(sheet):
    before = [list(r) for r in sheet.spreadsheet(KEY).tab("Tuyên truyền").rows]
    at = entry_page()
    fill_outreach(at)
    submit(at)
    assert not at.exception
    assert sheet.count("append") == 1
    rows = sheet.spreadsheet(KEY).tab("Tuyên truyền").rows
    assert [list(r) for r in rows[:len(before)]] == before  # nobody's rows touched
    assert "Họp dân khóm, nhập nhanh" in rows[-1] and 37 in rows[-1]
    assert any("Đã thêm một dòng" in s.value for s in at.success)
    # the refresh reads the sheet again: the new row is counted
    assert sheet.count("batchGet") == 2


def test_a_double_click_adds_one_row(sheet):
    at = entry_page()
    fill_outreach(at)
    submit(at)
    at.run()  # a second event right after (a double click, a refresh): the sent form is gone
    at.run()
    assert sheet.count("append") == 1
    submit(at)  # and the fresh form, sent empty, asks for what is missing instead of adding a row
    assert sheet.count("append") == 1
    assert any("Hãy chọn" in e.value for e in at.error)


def test_a_failed_append_keeps_what_was_typed_and_says_why(sheet):
    at = entry_page()
    fill_outreach(at)
    sheet.fail_next(status=503, kind="append")
    submit(at)
    assert sheet.count("append") == 1
    assert any("Không kết nối được với Google Sheets" in e.value.replace("\\", "") for e in at.error)
    note = at.text_input(key=next(k for k in keys(at) if k.startswith("o-note")))
    assert note.value == "Họp dân khóm, nhập nhanh"
    submit(at)  # try again once Google is back: the same values go through
    assert sheet.count("append") == 2
    assert any("Đã thêm một dòng" in s.value for s in at.success)


def test_a_read_only_share_is_explained(sheet):
    at = entry_page()
    fill_outreach(at)
    sheet.fail_next(status=403, kind="append")
    submit(at)
    assert any("chỉ có quyền xem" in e.value.replace("\\", "") for e in at.error)


def test_only_officers_may_enter_when_login_is_on(sheet):
    viewer = entry_page(LOGIN_ON, {"is_logged_in": True, "email": "nguoi.xem@gmail.com"})
    assert any("Chỉ cán bộ" in w.value for w in viewer.warning)
    assert_locked_preview(viewer)
    officer = entry_page(LOGIN_ON, OFFICER)
    assert officer.get("form") and not any(b.disabled for b in officer.get("form_submit_button"))


def test_login_off_means_no_entry_form_unless_entry_without_login(sheet):
    anonymous = entry_page(secrets=None, user=None)
    assert_locked_preview(anonymous)
    assert any("Nhập nhanh đang tắt" in w.value for w in anonymous.warning)
    assert sheet.count("append") == 0
    opened = entry_page({"ocop": {"access": {"entry_without_login": True}}}, user=None)
    fill_outreach(opened)
    submit(opened)
    assert sheet.count("append") == 1


def test_a_lost_answer_is_checked_and_reported_saved(sheet):
    at = entry_page()
    fill_outreach(at)
    sheet.fail_next(status=502, kind="append", after=True)  # Google added the row, the answer was an error
    submit(at)
    assert sheet.count("append") == 1 and sheet.count("values") == 1
    assert any("đã ghi" in s.value for s in at.success)
    rows = sheet.spreadsheet(KEY).tab("Tuyên truyền").rows
    assert sum("Họp dân khóm, nhập nhanh" in r for r in rows) == 1


def test_retrying_a_timed_out_submission_never_adds_a_second_row(sheet, monkeypatch):
    from pages.ui import writing

    monkeypatch.setattr(writing, "WRITE_TIMEOUT", 0.5)
    at = entry_page()
    fill_outreach(at)
    sheet.hang_next(1.5, kind="append")  # Google applies it only after the client gave up
    submit(at)
    assert any("Chưa ghi" in w.value for w in at.warning)
    tab = sheet.spreadsheet(KEY).tab("Tuyên truyền")
    deadline = time.monotonic() + 5
    while not any("Họp dân khóm, nhập nhanh" in r for r in tab.rows) and time.monotonic() < deadline:
        time.sleep(0.05)
    submit(at)  # the officer sends the same form again
    assert sheet.count("append") == 1
    assert sum("Họp dân khóm, nhập nhanh" in r for r in tab.rows) == 1
    assert any("đã ghi" in s.value for s in at.success)
