"""analysis/metrics/outreach.py on tests/analysis/fixture_small.py; every figure is worked out by hand.

The 2023 rows (o1..o10) of the fixture:
  o1 10/01 Đài (-> Đài truyền thanh) OCOP  Công chức Kinh tế  Toàn phường  -    -
  o2 15/02 Hội nghị                  OCOP  Công chức Kinh tế  Vĩnh Chánh 1 50   CT01
  o3 20/03 Họp dân                   ATTP  Trạm Y tế          Vĩnh Phú     40   CT02, CT04
  o4 05/04 Vãng gia                  Hồ sơ Công chức Kinh tế  Vĩnh Chánh 1 3    CT01
  o5 18/04 Zalo (-> Mạng xã hội)     OCOP  Hội Phụ nữ         Vĩnh Phú     120  -
  o6 12/05 Họp dân                   Môi trường Ban điều hành khóm Vĩnh Phú 35 CT04
  o7 08/06 Hội nghị                  ATTP  Trạm Y tế          Vĩnh Chánh 1 60   CT01, CT02
  o8 03/07 Vãng gia                  Hồ sơ Công chức Kinh tế  Vĩnh Phú     2    CT02
  o9 21/07 Họp dân                   OCOP  (blank)            Vĩnh Chánh 1 -    CT99 (unknown: dropped)
  o10 14/08 Tờ rơi (-> Tài liệu)     ATTP  Trạm Y tế          Vĩnh Phú     25   CT05 (a Vĩnh Chánh 1 producer)
2022: 05/11 Họp dân Vĩnh Đông 30 CT03; 10/12 Đài truyền thanh Toàn phường.
Producers: CT01, CT05 in Vĩnh Chánh 1; CT02, CT04 in Vĩnh Phú; CT03, CT06 in Vĩnh Đông.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.metrics.indicators import actuals
from analysis.metrics.outreach import (
    areas_without_activity,
    counts_by,
    coverage,
    cumulative_reach,
    heatmap,
    producers_never_reached,
    quarter_of,
)
from analysis.metrics.scope import Filters, filtered_outreach
from tests.analysis.fixture_small import AREAS, VC1, VD, VP, small_dataset

WARD = "Toàn phường"


@pytest.fixture(scope="module")
def ds():
    return small_dataset()


@pytest.fixture(scope="module")
def year_rows(ds):
    return filtered_outreach(ds, Filters(2023))


# --- heatmap ---------------------------------------------------------------------------

def test_heatmap_counts_per_area_and_month(year_rows):
    grid = heatmap(year_rows, AREAS)
    assert list(grid.index) == [VC1, VP, VD, WARD]
    assert list(grid.columns) == list(range(1, 13))
    # Vĩnh Chánh 1: o2 Feb, o4 Apr, o7 Jun, o9 Jul
    assert list(grid.loc[VC1]) == [0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0]
    # Vĩnh Phú: o3 Mar, o5 Apr, o6 May, o8 Jul, o10 Aug
    assert list(grid.loc[VP]) == [0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0]
    assert list(grid.loc[VD]) == [0] * 12  # nothing in Vĩnh Đông in 2023
    assert list(grid.loc[WARD]) == [1] + [0] * 11  # o1 in January
    assert int(grid.to_numpy().sum()) == 10


def test_heatmap_without_whole_ward_rows_has_no_whole_ward_row(year_rows):
    grid = heatmap(year_rows[year_rows["area"] != WARD], [VP])
    assert list(grid.index) == [VP]  # Vĩnh Chánh 1 rows are outside the given areas
    assert int(grid.to_numpy().sum()) == 5
    assert list(heatmap(year_rows.iloc[0:0], AREAS).index) == AREAS


# --- counts_by ----------------------------------------------------------------------------

def _records(table):
    return [tuple(r) for r in table.itertuples(index=False)]


def test_counts_by_channel(year_rows):
    table = counts_by(year_rows, "channel")
    assert list(table.columns) == ["value", "activities", "attendees"]
    # Họp dân o3 40 + o6 35 + o9 blank; Hội nghị o2 50 + o7 60; Vãng gia o4 3 + o8 2;
    # ties broken by attendees: Mạng xã hội 120, Tờ rơi 25, Đài 0
    assert _records(table) == [("Họp dân", 3, 75), ("Hội nghị", 2, 110), ("Vãng gia", 2, 5),
                               ("Mạng xã hội", 1, 120), ("Tài liệu - tờ rơi", 1, 25), ("Đài truyền thanh", 1, 0)]


def test_counts_by_topic(year_rows):
    # OCOP o1, o2, o5, o9 = 0 + 50 + 120 + 0; ATTP o3, o7, o10 = 40 + 60 + 25; Hồ sơ o4, o8 = 3 + 2
    assert _records(counts_by(year_rows, "topic")) == [
        ("OCOP", 4, 170), ("An toàn thực phẩm", 3, 125), ("Hướng dẫn hồ sơ", 2, 5), ("Môi trường", 1, 35)]


def test_counts_by_unit_drops_blanks(year_rows):
    # Công chức Kinh tế o1, o2, o4, o8 = 0 + 50 + 3 + 2; Trạm Y tế o3, o7, o10; o9 has no unit
    assert _records(counts_by(year_rows, "unit")) == [
        ("Công chức Kinh tế", 4, 55), ("Trạm Y tế", 3, 125), ("Hội Phụ nữ", 1, 120), ("Ban điều hành khóm", 1, 35)]


def test_counts_by_merges_spellings():
    rows = pd.DataFrame({"unit": ["Hội Phụ nữ", "hoi phu nu", None], "attendees": pd.array([10, None, 5], "Int64")})
    assert _records(counts_by(rows, "unit")) == [("Hội Phụ nữ", 2, 10)]


# --- cumulative reach --------------------------------------------------------------------

def test_cumulative_reach(year_rows):
    table = cumulative_reach(year_rows)
    assert list(table.columns) == ["month", "attendees", "cumulative"]
    assert list(table["month"]) == list(range(1, 13))
    # Jan o1 blank; Feb 50; Mar 40; Apr 3 + 120; May 35; Jun 60; Jul 2 + blank; Aug 25
    assert list(table["attendees"]) == [0, 50, 40, 123, 35, 60, 2, 25, 0, 0, 0, 0]
    assert list(table["cumulative"]) == [0, 50, 90, 213, 248, 308, 310, 335, 335, 335, 335, 335]


# --- coverage ------------------------------------------------------------------------------

def test_coverage_whole_ward(ds):
    # the Toàn phường row o1 reaches all 3 khóm; producers named in 2023: CT01, CT02, CT04, CT05
    # (CT99 is unknown and was dropped on reading) -> 4 of 6
    assert coverage(ds, Filters(2023)) == {
        "areas_total": 3, "areas_reached": 3, "area_share": 1.0,
        "producers_total": 6, "producers_reached": 4, "producer_share": pytest.approx(4 / 6)}
    assert coverage(ds, Filters(2023))["areas_reached"] == actuals(ds, Filters(2023))["TT_KHOM"]


def test_coverage_filtered_to_one_khom(ds):
    # Vĩnh Đông: only the Toàn phường row reaches it; its producers CT03, CT06 were not met in 2023
    assert coverage(ds, Filters(2023, areas=(VD,))) == {
        "areas_total": 1, "areas_reached": 1, "area_share": 1.0,
        "producers_total": 2, "producers_reached": 0, "producer_share": 0.0}
    # Vĩnh Chánh 1: CT01 met at o2; CT05 met at o10, held in Vĩnh Phú: still a reached producer
    assert coverage(ds, Filters(2023, areas=(VC1,))) == {
        "areas_total": 1, "areas_reached": 1, "area_share": 1.0,
        "producers_total": 2, "producers_reached": 2, "producer_share": 1.0}


def test_coverage_other_years(ds):
    # 2022: Toàn phường on 10/12 -> 3 khóm; CT03 only -> 1 of 6
    cov = coverage(ds, Filters(2022))
    assert (cov["areas_reached"], cov["producers_reached"]) == (3, 1)
    # 2024: nothing yet
    cov = coverage(ds, Filters(2024, areas=(VP, VD)))
    assert cov == {"areas_total": 2, "areas_reached": 0, "area_share": 0.0,
                   "producers_total": 4, "producers_reached": 0, "producer_share": 0.0}


# --- khóm without activity ---------------------------------------------------------------------

@pytest.mark.parametrize("day, quarter", [(date(2023, 1, 1), 1), (date(2023, 3, 31), 1), (date(2023, 4, 1), 2),
                                          (date(2023, 8, 15), 3), (date(2023, 12, 31), 4)])
def test_quarter_of(day, quarter):
    assert quarter_of(day) == quarter


def test_areas_without_activity(ds):
    f = Filters(2023)
    assert areas_without_activity(ds, f, date(2023, 2, 1)) == []          # Q1: o1 is Toàn phường
    assert areas_without_activity(ds, f, date(2023, 5, 1)) == [VD]        # Q2: o4, o7 VC1; o5, o6 VP
    assert areas_without_activity(ds, f, date(2023, 8, 15)) == [VD]       # Q3: o8, o10 VP; o9 VC1
    assert areas_without_activity(ds, f, date(2023, 11, 1)) == AREAS      # Q4: nothing yet
    assert areas_without_activity(ds, f, date(2022, 11, 1)) == []          # Q4 2022: Toàn phường on 10/12


def test_areas_without_activity_with_a_khom_filter(ds):
    assert areas_without_activity(ds, Filters(2023, areas=(VP, VD)), date(2023, 8, 15)) == [VD]
    assert areas_without_activity(ds, Filters(2023, areas=(VC1,)), date(2023, 8, 15)) == []
    # the quarter is the one containing `day`, whatever f.year says
    assert areas_without_activity(ds, Filters(2023, areas=(VD,)), date(2022, 11, 1)) == []


# --- producers never reached ----------------------------------------------------------------------

def test_producers_never_reached(ds):
    table = producers_never_reached(ds, Filters(2023))
    assert list(table.columns) == ["producer_id", "name", "area", "trade", "kind"]
    # up to 2023 reached: CT03 (2022), CT01, CT02, CT04, CT05 (2023) -> only CT06
    assert _records(table) == [("CT06", "Vườn du lịch Bảy Lâm", VD, "Du lịch", "Doanh nghiệp")]
    # up to 2022 only CT03 was reached
    assert list(producers_never_reached(ds, Filters(2022))["producer_id"]) == ["CT01", "CT02", "CT04", "CT05", "CT06"]
    # in Vĩnh Phú (CT02, CT04) everyone has been reached by 2023
    assert producers_never_reached(ds, Filters(2023, areas=(VP,))).empty
    assert list(producers_never_reached(ds, Filters(2022, areas=(VD,)))["producer_id"]) == ["CT06"]
