"""analysis/metrics/scope.py: the filters and the rules every metric shares, on the small workbook."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from analysis.metrics.scope import (
    Filters,
    all_areas,
    areas_in_scope,
    areas_reached,
    as_of,
    filtered_outreach,
    filtered_products,
    producers_in_scope,
    producers_reached,
    share,
    with_effective_stars,
)
from analysis.workbook import clock
from analysis.workbook import contract as c
from analysis.workbook.dataset import Dataset, SourceInfo
from tests.analysis.fixture_small import VC1, VD, VP, small_dataset


@pytest.fixture(scope="module")
def ds():
    return small_dataset()


def _read_at(ds: Dataset, moment: datetime | None) -> Dataset:
    return Dataset(ds.tables, ds.issues, ds.accounting, ds.info, ds.found_tabs, SourceInfo(read_at=moment))


# --- as_of: the day progress is measured at --------------------------------------------------

def test_as_of_is_the_read_date_capped_to_the_year(ds):
    assert as_of(ds, 2023) == date(2023, 8, 15)   # read on 15/08/2023
    assert as_of(ds, 2022) == date(2022, 12, 31)  # a past year: its last day
    assert as_of(ds, 2024) == date(2024, 1, 1)    # a future year: its first day


def test_as_of_is_the_date_in_vietnam(ds):
    # 20:00 UTC on 31/12/2023 is 03:00 on 01/01/2024 in Vietnam: a new year has begun for the ward
    late = _read_at(ds, datetime(2023, 12, 31, 20, 0, tzinfo=UTC))
    assert as_of(late, 2024) == date(2024, 1, 1)
    assert as_of(late, 2023) == date(2023, 12, 31)
    early = _read_at(ds, datetime(2023, 6, 30, 16, 59, tzinfo=UTC))  # 23:59 in Vietnam
    assert as_of(early, 2023) == date(2023, 6, 30)


def test_as_of_falls_back_to_today_in_vietnam(ds):
    unread = _read_at(ds, None)
    today = clock.today()
    assert as_of(unread, today.year) == today
    assert as_of(unread, today.year - 1) == date(today.year - 1, 12, 31)


# --- share ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("part", "total", "expected"), [(1, 4, 0.25), (0, 3, 0.0), (3, 0, None), (2, None, None),
                                                         (5, 2, 2.5)])
def test_share(part, total, expected):
    assert share(part, total) == expected


# --- khóm and producers ----------------------------------------------------------------------

def test_areas_in_tab_order_and_narrowed_by_the_filter(ds):
    assert all_areas(ds) == [VC1, VP, VD]
    assert areas_in_scope(ds, Filters(2023)) == [VC1, VP, VD]
    assert areas_in_scope(ds, Filters(2023, areas=(VD, VC1))) == [VC1, VD]  # tab order, not the filter's


def test_producers_in_scope(ds):
    assert sorted(producers_in_scope(ds, Filters(2023))["producer_id"]) == [f"CT0{i}" for i in range(1, 7)]
    assert sorted(producers_in_scope(ds, Filters(2023, areas=(VP,)))["producer_id"]) == ["CT02", "CT04"]


def test_a_whole_ward_row_reaches_every_khom(ds):
    outreach = ds.tables["outreach"]
    only_ward = outreach[outreach["area"] == c.WHOLE_WARD]
    assert areas_reached(only_ward, ds, Filters(2023)) == {VC1, VP, VD}
    assert areas_reached(only_ward, ds, Filters(2023, areas=(VP,))) == {VP}


def test_named_khom_are_reached_within_the_filter(ds):
    outreach = ds.tables["outreach"]
    named = outreach[outreach["area"].isin([VC1, VP])]
    assert areas_reached(named, ds, Filters(2023)) == {VC1, VP}
    assert areas_reached(named, ds, Filters(2023, areas=(VP, VD))) == {VP}
    assert areas_reached(outreach.iloc[0:0], ds, Filters(2023)) == set()


def test_producers_reached_are_the_ids_named(ds):
    rows = filtered_outreach(ds, Filters(2023))
    # CT01 (o2, o4, o7), CT02 and ct04 (o3), CT04 (o6), CT02 (o7, o8), CT05 (o10); CT99 is unknown and dropped
    assert producers_reached(rows) == {"CT01", "CT02", "CT04", "CT05"}
    assert producers_reached(rows.iloc[0:0]) == set()


# --- the filtered tables ---------------------------------------------------------------------

def test_outreach_of_the_year_and_the_whole_ward_in_every_khom(ds):
    assert len(filtered_outreach(ds, Filters(2023))) == 10
    assert len(filtered_outreach(ds, Filters(2022))) == 2
    assert list(filtered_outreach(ds, Filters(2023, areas=(VD,)))["area"]) == [c.WHOLE_WARD]


def test_products_by_group_and_by_their_producers_khom(ds):
    assert len(filtered_products(ds, Filters(2023))) == 6  # every year: products are not narrowed by date
    assert sorted(filtered_products(ds, Filters(2023, areas=(VP,)))["product_id"]) == ["SP02", "SP04"]
    drinks = filtered_products(ds, Filters(2023, groups=("Đồ uống",)))
    assert sorted(drinks["product_id"]) == ["SP02", "SP06"]


def test_effective_stars_are_written_stars_else_the_score_band():
    products = pd.DataFrame({"stars": pd.array([4, None, None, None], dtype="Int64"),
                             "score": [30.0, 68.0, 90.0, None]})
    assert list(with_effective_stars(products)["stars_effective"].astype(object).where(lambda s: s.notna(), None)) \
        == [4, 3, 5, None]
    assert "stars_effective" not in products  # a copy, the table is not changed
