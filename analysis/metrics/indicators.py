"""The indicators of shared/WORKBOOK.md for a year: target, actual, percent reached."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import pandas as pd

from analysis.workbook import contract as c
from analysis.i18n import strings
from analysis.workbook.normalise import Dataset
from analysis.metrics.products import with_effective_stars


@dataclass(frozen=True)
class Filters:
    """What the sidebar narrows to. Empty tuples mean no narrowing."""

    year: int
    areas: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()


def _in_year(dates: pd.Series, year: int) -> pd.Series:
    return dates.dt.year == year


def all_areas(ds: Dataset) -> list[str]:
    return list(ds.tables["areas"]["name"].dropna())


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
    outreach = outreach[_in_year(outreach["held_on"], f.year)]
    if f.areas:
        outreach = outreach[outreach["area"].isin((*f.areas, c.WHOLE_WARD))]
    return outreach


def _areas_reached(outreach: pd.DataFrame, ds: Dataset, f: Filters) -> set[str]:
    named = set(outreach["area"].dropna())
    reached = named - {c.WHOLE_WARD}
    if c.WHOLE_WARD in named:
        reached |= set(all_areas(ds))
    return reached & set(f.areas) if f.areas else reached


def _producers_reached(outreach: pd.DataFrame) -> set[str]:
    return set(chain.from_iterable(outreach["producers_reached"].dropna()))


def actuals(ds: Dataset, f: Filters) -> dict[str, float]:
    """Every indicator's actual value for the filters, by code."""
    y = f.year
    products = filtered_products(ds, f)
    dossiers = ds.tables["dossiers"]
    if f.areas or f.groups:
        dossiers = dossiers[dossiers["product_id"].isin(products["product_id"])]
    outreach = filtered_outreach(ds, f)
    training = ds.tables["training"]
    participating = products[(products["surveyed_on"].dt.year <= y)
                             & products["stage"].isin(c.PARTICIPATING_STAGES)]
    return {
        "SP_OCOP": int((_in_year(products["certified_on"], y)
                        & (products["stars_effective"] >= c.MIN_CERTIFIED_STARS)).sum()),
        "SP_TIEM_NANG": int(_in_year(products["surveyed_on"], y).sum()),
        "HO_SO_NOP": int(_in_year(dossiers["submitted_on"], y).sum()),
        "CHU_THE_THAM_GIA": int(participating["producer_id"].dropna().nunique()),
        "TT_SO_BUOI": len(outreach),
        "TT_LUOT_NGUOI": int(outreach["attendees"].sum()),
        "TT_KHOM": len(_areas_reached(outreach, ds, f)),
        "TT_CHU_THE": len(_producers_reached(outreach)),
        "TH_LUOT_CAN_BO": int(_in_year(training["held_on"], y).sum()),
    }


INDICATOR_COLUMNS = ["code", "label", "target", "actual", "percent", "unit", "computed"]


def indicators(ds: Dataset, f: Filters, lang: str = strings.DEFAULT_LANG) -> pd.DataFrame:
    """One row per indicator: every known code, then unknown codes set as targets.

    Percent reached = actual / target (none when there is no positive target).
    """
    targets = ds.tables["targets"]
    targets = targets[targets["year"] == f.year]
    by_code = {row.code: row for row in targets.itertuples()}
    values = actuals(ds, f)
    codes = list(c.INDICATOR_CODES) + [code for code in by_code if code not in values]
    rows = []
    for code in codes:
        target_row = by_code.get(code)
        target = float(target_row.target) if target_row is not None and pd.notna(target_row.target) else None
        actual = values.get(code)
        # The officers' own wording in Vietnamese; the catalogue's in English (or when blank).
        label = target_row.label if target_row is not None and isinstance(target_row.label, str) else None
        if label is None or (lang == "en" and strings.has(f"indicator.{code}")):
            label = strings.t(f"indicator.{code}", lang) if strings.has(f"indicator.{code}") else code
        rows.append({
            "code": code, "label": label, "target": target, "actual": actual,
            "percent": actual / target if actual is not None and target else None,
            "unit": target_row.unit if target_row is not None and isinstance(target_row.unit, str) else None,
            "computed": actual is not None,
        })
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def years(ds: Dataset) -> list[int]:
    """Years that appear in targets or any dated row, newest first."""
    found = set(int(y) for y in ds.tables["targets"]["year"].dropna())
    for key, column in (("products", "surveyed_on"), ("products", "certified_on"),
                        ("dossiers", "submitted_on"), ("outreach", "held_on"), ("training", "held_on")):
        found |= set(int(y) for y in ds.tables[key][column].dt.year.dropna().unique())  # a few years, many rows
    return sorted(found, reverse=True)
