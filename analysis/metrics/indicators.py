"""The indicators of the workbook contract (docs/WORKBOOK.md) for a year: target, actual, percent reached."""
from __future__ import annotations

import pandas as pd

from analysis.i18n import strings
from analysis.metrics.scope import (
    Filters,
    areas_reached,
    filtered_outreach,
    filtered_products,
    in_year,
    producers_reached,
    share,
)
from analysis.workbook import clock
from analysis.workbook import contract as c
from analysis.workbook.dataset import Dataset


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
        "SP_OCOP": int((in_year(products["certified_on"], y)
                        & (products["stars_effective"] >= c.MIN_CERTIFIED_STARS)).sum()),
        "SP_TIEM_NANG": int(in_year(products["surveyed_on"], y).sum()),
        "HO_SO_NOP": int(in_year(dossiers["submitted_on"], y).sum()),
        "CHU_THE_THAM_GIA": int(participating["producer_id"].dropna().nunique()),
        "TT_SO_BUOI": len(outreach),
        "TT_LUOT_NGUOI": int(outreach["attendees"].sum()),
        "TT_KHOM": len(areas_reached(outreach, ds, f)),
        "TT_CHU_THE": len(producers_reached(outreach)),
        "TH_LUOT_CAN_BO": int(in_year(training["held_on"], y).sum()),
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
            "percent": share(actual, target) if actual is not None else None,
            "unit": target_row.unit if target_row is not None and isinstance(target_row.unit, str) else None,
            "computed": actual is not None,
        })
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def year_choices(ds: Dataset) -> list[int]:
    """The years a viewer may pick, the usual view first: the newest year that has targets,
    then every other year with data, newest first (the plan's year, else this year, when none)."""
    available = years(ds) or [int(ds.info.get("plan_year") or clock.today().year)]
    with_targets = sorted({int(y) for y in ds.tables["targets"]["year"].dropna()}, reverse=True)
    first = with_targets[0] if with_targets else available[0]
    return [first] + [y for y in available if y != first]


def _years_of(ds: Dataset, columns: tuple[tuple[str, str], ...]) -> set[int]:
    return {int(y) for key, column in columns
            for y in ds.tables[key][column].dt.year.dropna().unique()}  # a few years, many rows


def years(ds: Dataset) -> list[int]:
    """The years with targets or data, newest first.

    A year is offered when the ward planned or worked in it: it has targets, outreach activities
    or training attendances. Dossiers submitted and certifications add their years from the first
    such year on; earlier ones are a product's history (e.g. certified years before the ward kept
    these records), shown on the products page whatever the year, and would offer a year whose pages
    are empty. With no targets or activity at all, their years are offered. A product's survey date
    never adds a year, nor does a task's deadline.
    """
    planned = {int(y) for y in ds.tables["targets"]["year"].dropna()}
    planned |= _years_of(ds, (("outreach", "held_on"), ("training", "held_on")))
    history = _years_of(ds, (("products", "certified_on"), ("dossiers", "submitted_on")))
    if planned:
        history = {y for y in history if y >= min(planned)}
    return sorted(planned | history, reverse=True)
