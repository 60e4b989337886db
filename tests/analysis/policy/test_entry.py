"""Quick entry rows: checked by the reading rules, laid out under the sheet's own headers."""
from __future__ import annotations

from datetime import date

import pytest

from analysis.policy.entry import check_entry, choices, row_in_tail, sheet_cell, sheet_row
from analysis.workbook.normalise import normalise

TABS = {
    "Khóm": [["Khóm"], ["Vĩnh Phú"], ["Vĩnh Đông"]],
    "Chủ thể": [["Mã chủ thể", "Tên chủ thể"], ["CT01", "A"], ["CT02", "B"]],
    # the officers' own column order, with an extra column in the middle
    "Tuyên truyền": [["Khóm", "Ngày", "Cột phụ", "Hình thức", "Số người tham dự", "Chủ thể được tiếp cận"],
                     ["Vĩnh Phú", "15/03/2023", "x", "Họp dân", 30, "CT01"]],
    "Tập huấn": [["Ngày", "Tên lớp tập huấn", "Người tham dự", "Đơn vị công tác"],
                 ["01/04/2023", "Nghiệp vụ OCOP", "Nguyễn Văn An", "Cán bộ KT-KH"]],
}


@pytest.fixture
def ds():
    return normalise(TABS)


GOOD = {"held_on": date(2023, 5, 2), "channel": "Vãng gia", "area": "Vĩnh Đông", "attendees": 12,
        "producers_reached": ["CT01", "CT02"]}


def test_a_good_row_is_clean_and_follows_the_sheets_column_order(ds):
    assert check_entry(ds, "outreach", GOOD).empty
    assert sheet_row(ds, "outreach", GOOD) == ["Vĩnh Đông", "02/05/2023", "", "Vãng gia", 12, "CT01, CT02"]


def test_rows_the_reader_would_reject_or_warn_about_are_caught(ds):
    no_date = check_entry(ds, "outreach", GOOD | {"held_on": None})
    assert list(no_date["severity"]) == ["error"] and no_date["reason"][0] == "key_missing"
    unknown = check_entry(ds, "outreach", GOOD | {"area": "Khóm Ma", "producers_reached": ["CT99"]})
    assert set(unknown["reason"]) == {"vocab", "unknown_producer"}


def test_cells_are_written_as_officers_type_them():
    assert sheet_cell(date(2023, 3, 4)) == "04/03/2023"
    assert sheet_cell(("CT01", "CT02")) == "CT01, CT02"
    assert sheet_cell(12.0) == 12 and sheet_cell(None) == ""


def test_the_written_row_reads_back_as_entered(ds):
    tabs = dict(TABS)
    tabs["Tuyên truyền"] = TABS["Tuyên truyền"] + [sheet_row(ds, "outreach", GOOD)]
    back = normalise(tabs)
    row = back.tables["outreach"].iloc[-1]
    assert row["held_on"].date() == date(2023, 5, 2) and row["area"] == "Vĩnh Đông"
    assert row["producers_reached"] == ("CT01", "CT02") and row["attendees"] == 12
    issues = back.issues
    assert issues[(issues["tab"] == "Tuyên truyền") & (issues["severity"] != "notice")].empty


def test_suggestions_come_from_the_data(ds):
    assert choices(ds, "training", "course") == ["Nghiệp vụ OCOP"]


def test_a_sent_row_is_found_in_the_tail_as_the_sheet_returns_it():
    sent = [date(2024, 4, 3), "Họp dân", "OCOP", None, "Vĩnh Phú", 40.0, ["CT01", "CT02"], "=1+2", "", None]
    # read back unformatted after a RAW append: the date and the "formula" are text, 40 a number,
    # the blank in the middle is "", the trailing blanks are left out
    back = ["03/04/2024", "Họp dân", "OCOP", "", "Vĩnh Phú", 40, "CT01, CT02", "=1+2"]
    assert row_in_tail(sent, [["Ngày", "Hình thức"], back])
    assert not row_in_tail(sent, [["Ngày"], back[:-1]])  # a cell missing
    assert not row_in_tail(sent, [[*back[:5], "40", *back[6:]]])  # text "40" is not the number 40
    assert not row_in_tail(sent, [[45385, *back[1:]]])  # a serial date is another row (not what RAW stores)
    assert not row_in_tail(sent, [])
    assert not row_in_tail([None, ""], [[]])  # an empty row is never "already there"
    assert row_in_tail([True, 1.5], [[True, 1.5]]) and not row_in_tail([True], [[1]])
