"""Pace through the year: is each target on track for the share of the year gone by?"""
from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.workbook.values import is_missing

REACHED, ON_TRACK, BEHIND = "reached", "on_track", "behind"


def year_elapsed(year: int, day: date) -> float:
    """Share of `year` gone by at `day`: 1.0 for a past year, 0.0 for a future one."""
    if day.year > year:
        return 1.0
    if day.year < year:
        return 0.0
    days_in_year = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return day.timetuple().tm_yday / days_in_year


def pace_status(actual, target, elapsed: float) -> str | None:
    """reached / on_track (actual/target ≥ elapsed) / behind; None without a positive target or an actual."""
    if is_missing(target) or is_missing(actual) or target <= 0:
        return None
    if actual >= target:
        return REACHED
    return ON_TRACK if actual / target >= elapsed else BEHIND


def with_pace(table: pd.DataFrame, year: int, day: date) -> pd.DataFrame:
    """An indicators() table plus expected (target × elapsed), pace and gap (elapsed − percent, if behind)."""
    elapsed = year_elapsed(year, day)
    out = table.copy()
    out["expected"] = [None if is_missing(t) else t * elapsed for t in out["target"]]
    out["pace"] = [pace_status(a, t, elapsed) for a, t in zip(out["actual"], out["target"])]
    out["gap"] = [elapsed - p if s == BEHIND else None for s, p in zip(out["pace"], out["percent"])]
    out["expected"] = out["expected"].astype(float)
    out["gap"] = out["gap"].astype(float)
    return out


def most_urgent(table_with_pace: pd.DataFrame) -> dict | None:
    """The behind row with the largest gap, as a dict; None when nothing is behind."""
    behind = table_with_pace[table_with_pace["pace"] == BEHIND]
    if behind.empty:
        return None
    return behind.loc[behind["gap"].idxmax()].to_dict()
