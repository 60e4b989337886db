"""analysis/metrics/training.py on tests/analysis/fixture_small.py; every figure is worked out by hand.

Training rows: 08/06/2023 Nghiệp vụ OCOP 2023 × 2 (units "công chức kinh tế", "cong chuc kinh te"),
20/07/2023 An toàn thực phẩm × 2 (Trạm Y tế, blank unit), 15/11/2022 Nghiệp vụ OCOP 2022 (Hội Phụ nữ).
Tasks (sheet rows 2..7):
  2 Công chức Kinh tế            31/03/2023 Hoàn thành
  3 Trạm Y tế                    30/06/2023 Đang thực hiện
  4 Công chức Kinh tế            30/09/2023 Đang thực hiện
  5 Công chức Địa chính - Xây dựng 31/07/2023 Chưa thực hiện
  6 Mặt trận Tổ quốc và các hội  (no date)  Chưa thực hiện
  7 Ban điều hành các khóm       15/12/2022 Hoàn thành
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.metrics.training import attendance_by, plan_units, tasks_status, training_in_year, units_without_training
from tests.analysis.fixture_small import AS_OF, small_dataset

KT, YT, DC = "Công chức Kinh tế", "Trạm Y tế", "Công chức Địa chính - Xây dựng"
MT, BDH = "Mặt trận Tổ quốc và các hội", "Ban điều hành các khóm"


@pytest.fixture(scope="module")
def ds():
    return small_dataset()


def _records(table):
    return [tuple(r) for r in table.itertuples(index=False)]


def test_training_in_year(ds):
    assert len(training_in_year(ds, 2023)) == 4
    assert list(training_in_year(ds, 2022)["attendee"]) == ["Võ Thị Lan"]
    assert training_in_year(ds, 2024).empty


def test_attendance_by_unit_merges_spellings_and_drops_blanks(ds):
    table = attendance_by(training_in_year(ds, 2023), "unit")
    assert list(table.columns) == ["value", "attendances"]
    # "công chức kinh tế" and "cong chuc kinh te" are one unit (first spelling shown); the blank unit is left out
    assert _records(table) == [("công chức kinh tế", 2), ("Trạm Y tế", 1)]


def test_attendance_by_course(ds):
    # two attendances each; ties in name order
    assert _records(attendance_by(training_in_year(ds, 2023), "course")) == [
        ("An toàn thực phẩm", 2), ("Nghiệp vụ OCOP 2023", 2)]
    assert attendance_by(training_in_year(ds, 2024), "course").empty


def test_plan_units_in_first_seen_order(ds):
    assert plan_units(ds) == [KT, YT, DC, MT, BDH]


def test_units_without_training(ds):
    # 2023: Kinh tế (typed without capitals/diacritics) and Trạm Y tế trained
    assert units_without_training(ds, 2023) == [DC, MT, BDH]
    # 2022: only Hội Phụ nữ, which is not a plan unit
    assert units_without_training(ds, 2022) == [KT, YT, DC, MT, BDH]


def test_tasks_status_2023(ds):
    table = tasks_status(ds, 2023, AS_OF)
    assert list(table.columns) == ["unit", "task", "due_on", "status", "overdue", "_row"]
    # 2023 or undated: rows 2..6; by plan unit (KT rows 2 and 4 by date), then YT, DC, MT
    assert list(table["_row"]) == [2, 4, 3, 5, 6]
    # on 15/08/2023: row 3 (30/06, in progress) and row 5 (31/07, not started) are overdue;
    # row 2 is done; row 4 is due 30/09; row 6 has no due date
    assert list(table["overdue"]) == [False, False, True, True, False]
    assert table.at[0, "due_on"] == pd.Timestamp("2023-03-31") and pd.isna(table.at[4, "due_on"])


def test_tasks_status_other_days(ds):
    # at year end row 4 (30/09, still in progress) is overdue too
    assert list(tasks_status(ds, 2023, date(2023, 12, 31))["overdue"]) == [False, True, True, True, False]
    # 2022: the undated task (row 6, MT) and row 7 (BDH, done)
    table = tasks_status(ds, 2022, date(2022, 12, 31))
    assert list(table["_row"]) == [6, 7] and not table["overdue"].any()


def test_a_task_due_today_is_not_yet_overdue(ds):
    # row 3 (Trạm Y tế, in progress) is due 30/06/2023: on the day it is not overdue, the day after it is
    on_the_day = tasks_status(ds, 2023, date(2023, 6, 30)).set_index("_row")["overdue"]
    day_after = tasks_status(ds, 2023, date(2023, 7, 1)).set_index("_row")["overdue"]
    assert not on_the_day[3] and day_after[3]
