"""What a view is narrowed to, and the rules every metric shares.

The sidebar's filters (year, khóm, product group) narrow each table here, once. The shared
rules live beside them, each defined once: the day progress is measured at (as_of), which
khóm and producers a set of outreach rows reached, a product's effective stars, and a share.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import chain

import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.cells import stars_from_score
from analysis.workbook.dataset import Dataset


@dataclass(frozen=True)
class Filters:
    """What the sidebar narrows to. Empty tuples mean no narrowing."""

    year: int
    areas: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


def in_year(dates: pd.Series, year: int) -> pd.Series:
    return dates.dt.year == year


def share(part: float, total: float) -> float | None:
    """part / total; None when there is nothing to divide by."""
    return part / total if total else None


def as_of(ds: Dataset, year: int) -> date:
    """The day progress in `year` is measured at: the day the data was read (in Vietnam),
    capped to that year (a past year: 31/12; a future year: 1/1)."""
    return day_in_year(ds.source.read_on(), year)


def day_in_year(day: date, year: int) -> date:
    """`day` capped to `year`: 31/12 for a past year, 1/1 for a future one."""
    if year < day.year:
        return date(year, 12, 31)
    if year > day.year:
        return date(year, 1, 1)
    return day


# --- khóm and producers ------------------------------------------------------------------

def all_areas(ds: Dataset) -> list[str]:
    """The ward's khóm, in the Khóm tab's order."""
    return list(ds.tables["areas"]["name"].dropna())


def areas_in_scope(ds: Dataset, f: Filters) -> list[str]:
    """The khóm of the filter (in Khóm tab order), or all of them."""
    return [a for a in all_areas(ds) if not f.areas or a in f.areas]


def producers_in_scope(ds: Dataset, f: Filters) -> pd.DataFrame:
    """Producers of the filter's khóm, or all of them."""
    producers = ds.tables["producers"]
    return producers[producers["area"].isin(f.areas)] if f.areas else producers


def areas_reached(outreach: pd.DataFrame, ds: Dataset, f: Filters) -> set[str]:
    """Khóm reached by these outreach rows: each khóm named, and every khóm of the ward for
    a Toàn phường row; narrowed to the filter's khóm."""
    named = set(outreach["area"].dropna())
    reached = named - {c.WHOLE_WARD}
    if c.WHOLE_WARD in named:
        reached |= set(all_areas(ds))
    return reached & set(f.areas) if f.areas else reached


def producers_reached(outreach: pd.DataFrame) -> set[str]:
    """Producers reached by these outreach rows: every id named in Chủ thể được tiếp cận."""
    return set(chain.from_iterable(outreach["producers_reached"].dropna()))


# --- the filtered tables -------------------------------------------------------------------

def with_effective_stars(products: pd.DataFrame) -> pd.DataFrame:
    """Official stars where written, else the star band of the official score."""
    out = products.copy()
    from_score = pd.array([stars_from_score(s) if pd.notna(s) else None for s in out["score"]], dtype="Int64")
    out["stars_effective"] = out["stars"].fillna(pd.Series(from_score, index=out.index))
    return out


def filtered_products(ds: Dataset, f: Filters) -> pd.DataFrame:
    """Products narrowed by group, and by khóm through their producer."""
    products = with_effective_stars(ds.tables["products"])
    if f.groups:
        products = products[products["group"].isin(f.groups)]
    if f.areas:
        producers = ds.tables["producers"]
        in_areas = set(producers.loc[producers["area"].isin(f.areas), "producer_id"])
        products = products[products["producer_id"].isin(in_areas)]
    return products


def filtered_outreach(ds: Dataset, f: Filters) -> pd.DataFrame:
    """Outreach rows of the year; a `Toàn phường` row belongs to every khóm."""
    outreach = ds.tables["outreach"]
    outreach = outreach[in_year(outreach["held_on"], f.year)]
    if f.areas:
        outreach = outreach[outreach["area"].isin((*f.areas, c.WHOLE_WARD))]
    return outreach
