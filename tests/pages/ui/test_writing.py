"""The write path (pages/ui/writing.py) against the Sheets fake: an append is never doubled. When
Google applies it but the answer is lost, the tail of the tab is read to say so; re-sending the same
submission reads it first and sends nothing if the row is there."""
from __future__ import annotations

import json
import time

import pytest

from analysis.metrics.scope import Filters
from analysis.workbook.normalise import normalise_workbook
from data_sources import resolve_source
from pages.ui import writing
from pages.ui.state import Context
from pages.ui.writing import ARRIVED, FAILED, NOT_ARRIVED, SAVED, UNKNOWN, send_entry

KEY = "1WritingSheetKey0000000000000000000000"
ROW = ["03/04/2024", "Họp dân", "OCOP", "", "Vĩnh Phú", 37, "", "nhập nhanh"]


@pytest.fixture
def ctx(monkeypatch, tmp_path, fake_sheets_api, demo_raw) -> Context:
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP")
    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(fake_sheets_api.service_account_info()))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    monkeypatch.setattr(writing, "WRITE_TIMEOUT", 0.5)
    ds = normalise_workbook(demo_raw)
    return Context(ds, Filters(2023), "vi", resolve_source({"OCOP_DATA": KEY}, {}), [2023])


def rows(api, ctx: Context) -> list[list]:
    return api.spreadsheet(KEY).tab(writing.tab_title(ctx, "outreach")).rows


def copies(api, ctx: Context) -> int:
    return sum(1 for r in rows(api, ctx) if list(r) == ROW)


def test_a_plain_append_is_one_request(ctx, fake_sheets_api):
    assert send_entry(ctx, "outreach", ROW) == writing.Sent(SAVED)
    assert fake_sheets_api.count("append") == 1 and fake_sheets_api.count("values") == 0
    assert copies(fake_sheets_api, ctx) == 1


def test_a_timed_out_append_that_google_completed_is_reported_saved(ctx, fake_sheets_api):
    fake_sheets_api.hang_next(2.0, kind="append", after=True)  # applied, then the answer is late
    result = send_entry(ctx, "outreach", ROW)
    assert result.outcome == ARRIVED and result.written and result.error.code == "gsheet_unavailable"
    assert fake_sheets_api.count("append") == 1 and fake_sheets_api.count("values") == 1  # one tail read
    (tail,) = fake_sheets_api.requests_of("values")
    assert tail.query["valueRenderOption"] == ["UNFORMATTED_VALUE"]
    assert copies(fake_sheets_api, ctx) == 1


def test_a_lost_answer_after_sending_is_reported_saved(ctx, fake_sheets_api):
    fake_sheets_api.fail_next(status=502, kind="append", after=True)  # applied, answered 502
    assert send_entry(ctx, "outreach", ROW).outcome == ARRIVED
    assert copies(fake_sheets_api, ctx) == 1


def test_a_refused_append_is_reported_not_saved_and_may_be_sent_again(ctx, fake_sheets_api):
    fake_sheets_api.fail_next(status=503, kind="append")  # refused before anything was written
    result = send_entry(ctx, "outreach", ROW)
    assert result.outcome == NOT_ARRIVED and result.uncertain and not result.written
    assert send_entry(ctx, "outreach", ROW, check_first=True).outcome == SAVED
    assert fake_sheets_api.count("append") == 2 and copies(fake_sheets_api, ctx) == 1


def test_resending_the_same_submission_never_adds_a_second_row(ctx, fake_sheets_api):
    """The append hangs and Google applies it only after the client gave up: the first tail read
    does not see it yet ("not saved, send again"); the re-send reads again, sees it, sends nothing."""
    fake_sheets_api.hang_next(1.0, kind="append")
    assert send_entry(ctx, "outreach", ROW).outcome == NOT_ARRIVED
    deadline = time.monotonic() + 5
    while not copies(fake_sheets_api, ctx) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert send_entry(ctx, "outreach", ROW, check_first=True).outcome == ARRIVED
    assert fake_sheets_api.count("append") == 1 and copies(fake_sheets_api, ctx) == 1


def test_when_the_sheet_cannot_be_read_back_nothing_is_sent_again(ctx, fake_sheets_api):
    fake_sheets_api.fail_next(status=503, kind="append")
    fake_sheets_api.fail_next(status=503, kind="values")
    assert send_entry(ctx, "outreach", ROW).outcome == UNKNOWN
    fake_sheets_api.fail_next(status=503, kind="values")
    assert send_entry(ctx, "outreach", ROW, check_first=True).outcome == UNKNOWN
    assert fake_sheets_api.count("append") == 1 and copies(fake_sheets_api, ctx) == 0


def test_a_definite_refusal_is_not_checked(ctx, fake_sheets_api):
    fake_sheets_api.fail_next(status=403, kind="append")
    result = send_entry(ctx, "outreach", ROW)
    assert result.outcome == FAILED and result.error.code == "gsheet_write_forbidden"
    assert fake_sheets_api.count("values") == 0
