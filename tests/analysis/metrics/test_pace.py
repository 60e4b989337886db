"""analysis/metrics/pace.py; the mid-year figures use the fixture read on 15/08/2023 (day 227 of 365).

Actuals of tests/analysis/fixture_small.py for 2023, against its targets:
  SP_OCOP        1 of 1     (SP02, 4 stars, certified 01/12/2023)  -> reached
  SP_TIEM_NANG   4 of 6     (SP02, SP03, SP04, SP06 surveyed 2023)  -> 0.667
  HO_SO_NOP      2 of 0     (zero target)                           -> no pace
  TT_SO_BUOI     10 of 24                                           -> 0.417
  TT_LUOT_NGUOI  335 of 1000                                        -> 0.335
  TH_LUOT_CAN_BO 4 of 4                                             -> reached
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.metrics.indicators import INDICATOR_COLUMNS, indicators
from analysis.metrics.pace import most_urgent, pace_status, with_pace, year_elapsed
from analysis.metrics.scope import Filters
from tests.analysis.fixture_small import AS_OF, small_dataset

MID = 227 / 365  # 31+28+31+30+31+30+31 = 212 days to 31 July, + 15 -> 0.6219


@pytest.fixture(scope="module")
def table():
    return indicators(small_dataset(), Filters(2023))


def test_year_elapsed():
    assert year_elapsed(2023, AS_OF) == pytest.approx(MID)
    assert round(year_elapsed(2023, AS_OF), 2) == 0.62
    assert year_elapsed(2023, date(2023, 12, 31)) == 1.0
    assert year_elapsed(2023, date(2023, 1, 1)) == pytest.approx(1 / 365)
    assert year_elapsed(2024, date(2024, 12, 31)) == 1.0  # leap year: 366/366
    assert year_elapsed(2024, date(2024, 3, 1)) == pytest.approx(61 / 366)
    assert year_elapsed(2022, AS_OF) == 1.0  # a past year
    assert year_elapsed(2024, AS_OF) == 0.0  # a future year


@pytest.mark.parametrize("actual, target, elapsed, status", [
    (5, 5, 0.1, "reached"), (6, 5, 0.1, "reached"),
    (3, 5, 0.6, "on_track"),                 # 0.6 >= 0.6
    (3, 5, 0.61, "behind"),
    (0, 5, 0.0, "on_track"),                 # nothing expected yet in a future year
    (0, 5, 1.0, "behind"),
    (4, 5, 1.0, "behind"),                   # a past year: anything short is behind
    (3, 0, 0.5, None), (3, None, 0.5, None), (3, float("nan"), 0.5, None), (None, 5, 0.5, None),
    (pd.NA, 5, 0.5, None),
])
def test_pace_status(actual, target, elapsed, status):
    assert pace_status(actual, target, elapsed) == status


def _by_code(paced):
    return paced.set_index("code")


def test_with_pace_mid_year(table):
    paced = with_pace(table, 2023, AS_OF)
    assert list(paced.columns) == INDICATOR_COLUMNS + ["expected", "pace", "gap"]
    rows = _by_code(paced)
    pace = {code: (None if pd.isna(p) else p) for code, p in rows["pace"].items()}
    assert pace == {"SP_OCOP": "reached", "SP_TIEM_NANG": "on_track", "HO_SO_NOP": None,
                    "CHU_THE_THAM_GIA": None, "TT_SO_BUOI": "behind", "TT_LUOT_NGUOI": "behind",
                    "TT_KHOM": None, "TT_CHU_THE": None, "TH_LUOT_CAN_BO": "reached"}
    # expected = target × 0.6219: 24 -> 14.93 sessions, 1000 -> 621.9 people, 6 -> 3.73 products
    assert rows.at["TT_SO_BUOI", "expected"] == pytest.approx(24 * MID)
    assert rows.at["TT_LUOT_NGUOI", "expected"] == pytest.approx(1000 * MID)
    assert rows.at["SP_TIEM_NANG", "expected"] == pytest.approx(6 * MID)
    assert pd.isna(rows.at["TT_KHOM", "expected"])  # no target
    # gap = elapsed - percent, only when behind: 0.6219 - 10/24 = 0.2053; 0.6219 - 0.335 = 0.2869
    assert rows.at["TT_SO_BUOI", "gap"] == pytest.approx(MID - 10 / 24)
    assert rows.at["TT_LUOT_NGUOI", "gap"] == pytest.approx(MID - 0.335)
    assert rows["gap"].notna().sum() == 2
    assert "pace" not in table.columns  # the input is not changed


def test_with_pace_past_year(table):
    # seen from 2024 the whole of 2023 has gone by: elapsed 1.0; SP_TIEM_NANG 4/6 is now behind
    rows = _by_code(with_pace(table, 2023, date(2024, 3, 1)))
    assert rows.at["SP_TIEM_NANG", "pace"] == "behind"
    assert rows.at["SP_TIEM_NANG", "gap"] == pytest.approx(1 - 4 / 6)
    assert rows.at["TT_SO_BUOI", "expected"] == 24
    assert rows.at["SP_OCOP", "pace"] == "reached" and pd.isna(rows.at["SP_OCOP", "gap"])


def test_most_urgent_picks_the_largest_gap(table):
    # mid-2023: TT_LUOT_NGUOI (gap 0.287) before TT_SO_BUOI (0.205)
    urgent = most_urgent(with_pace(table, 2023, AS_OF))
    assert urgent["code"] == "TT_LUOT_NGUOI"
    assert urgent["gap"] == pytest.approx(MID - 0.335)
    # past year: gaps 1-4/6 = 0.333, 1-10/24 = 0.583, 1-0.335 = 0.665 -> still TT_LUOT_NGUOI
    assert most_urgent(with_pace(table, 2023, date(2024, 1, 5)))["code"] == "TT_LUOT_NGUOI"


def test_most_urgent_is_not_the_first_behind_row():
    hand = pd.DataFrame({"code": ["A", "B", "C"], "target": [10.0, 10.0, 10.0], "actual": [4, 1, 9],
                         "percent": [0.4, 0.1, 0.9]})
    # at elapsed 0.5: A behind (gap 0.1), B behind (gap 0.4), C on track -> B
    paced = with_pace(hand, 2023, date(2023, 7, 2))  # day 183 of 365 = 0.501
    assert list(paced["pace"]) == ["behind", "behind", "on_track"]
    assert most_urgent(paced)["code"] == "B"


def test_most_urgent_none_when_nothing_is_behind(table):
    assert most_urgent(with_pace(table, 2023, date(2023, 1, 1))) is None  # elapsed 1/365: all on track
    assert most_urgent(with_pace(table.iloc[0:0], 2023, AS_OF)) is None


def test_with_pace_when_no_indicator_has_a_target():
    rows = [{"code": "SP_OCOP", "label": "x", "target": None, "actual": 1, "percent": None, "unit": None,
             "computed": True}]
    paced = with_pace(pd.DataFrame(rows, columns=INDICATOR_COLUMNS), 2023, date(2023, 7, 1))
    assert paced["target"].dtype == object  # every target blank: no float column to multiply
    assert paced["expected"].isna().all() and paced["gap"].isna().all() and paced["pace"].isna().all()
    assert paced["expected"].dtype == float and paced["gap"].dtype == float
