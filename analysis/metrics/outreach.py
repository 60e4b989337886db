"""Outreach (tuyên truyền): when, where, how, and who has been reached."""
from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.metrics.scope import (
    Filters,
    areas_in_scope,
    areas_reached,
    filtered_outreach,
    producers_in_scope,
    producers_reached,
    share,
)
from analysis.workbook import contract as c
from analysis.workbook.dataset import Dataset
from analysis.workbook.text import fold_ascii

MONTHS = list(range(1, 13))
PRODUCER_COLUMNS = ["producer_id", "name", "area", "trade", "kind"]


def heatmap(outreach: pd.DataFrame, areas: list[str]) -> pd.DataFrame:
    """Activities per khóm (rows, then Toàn phường if any) × month 1..12 (columns)."""
    rows = list(areas) + ([c.WHOLE_WARD] if (outreach["area"] == c.WHOLE_WARD).any() else [])
    placed = outreach[outreach["area"].isin(rows)]
    counts = pd.crosstab(placed["area"], placed["held_on"].dt.month)
    grid = counts.reindex(index=rows, columns=MONTHS, fill_value=0).fillna(0).astype(int)
    grid.index.name, grid.columns.name = "area", "month"
    return grid


def counts_by(outreach: pd.DataFrame, column: str) -> pd.DataFrame:
    """Activities and attendees per channel, topic or unit, most activities first.

    Spellings that differ only in case or diacritics are one value (the first spelling
    is shown); blank values are left out."""
    rows = outreach[outreach[column].notna()]
    key = rows[column].map(lambda v: fold_ascii(str(v)))
    grouped = pd.DataFrame({
        "value": rows[column].groupby(key, sort=False).first(),
        "activities": key.value_counts(),
        "attendees": rows["attendees"].fillna(0).groupby(key).sum(),
    })
    table = grouped.sort_values(["activities", "attendees", "value"], ascending=[False, False, True],
                                kind="stable")
    return table.astype({"activities": int, "attendees": int}).reset_index(drop=True)


def cumulative_reach(outreach: pd.DataFrame) -> pd.DataFrame:
    """Attendees per month 1..12 (blanks count 0) and their running total."""
    per_month = outreach["attendees"].fillna(0).groupby(outreach["held_on"].dt.month).sum()
    attendees = per_month.reindex(MONTHS, fill_value=0).astype(int).to_numpy()
    return pd.DataFrame({"month": MONTHS, "attendees": attendees, "cumulative": attendees.cumsum()})


def coverage(ds: Dataset, f: Filters) -> dict:
    """Khóm and producers reached by the year's outreach, against the (filtered) totals."""
    areas = areas_in_scope(ds, f)
    reached_areas = areas_reached(filtered_outreach(ds, f), ds, f) & set(areas)
    producers = set(producers_in_scope(ds, f)["producer_id"])
    year_rows = filtered_outreach(ds, Filters(f.year))  # a producer may be met in another khóm
    reached_producers = producers_reached(year_rows) & producers
    return {
        "areas_total": len(areas), "areas_reached": len(reached_areas),
        "area_share": share(len(reached_areas), len(areas)),
        "producers_total": len(producers), "producers_reached": len(reached_producers),
        "producer_share": share(len(reached_producers), len(producers)),
    }


def quarter_of(day: date) -> int:
    """1..4."""
    return (day.month - 1) // 3 + 1


def areas_without_activity(ds: Dataset, f: Filters, day: date) -> list[str]:
    """Khóm with no outreach in the quarter containing `day` (Toàn phường covers all)."""
    held = ds.tables["outreach"]["held_on"]
    in_quarter = (held.dt.year == day.year) & (held.dt.quarter == quarter_of(day))
    areas = areas_in_scope(ds, f)
    reached = areas_reached(ds.tables["outreach"][in_quarter], ds, f)
    return [a for a in areas if a not in reached]


def producers_never_reached(ds: Dataset, f: Filters) -> pd.DataFrame:
    """Producers (of the filtered khóm) named in no outreach row up to and including f.year."""
    outreach = ds.tables["outreach"]
    reached = producers_reached(outreach[outreach["held_on"].dt.year <= f.year])
    producers = producers_in_scope(ds, f)
    return producers.loc[~producers["producer_id"].isin(reached), PRODUCER_COLUMNS].reset_index(drop=True)
