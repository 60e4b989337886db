"""A province's units side by side, from what the store keeps (plain DataFrames, no dataset needed).

Inputs, as the command line and the pages read them from the store:
- `units`: one row per unit of the registry: code, name, kind, status ("ok", "stale", "unreadable"),
  reason_code, failing_since, read_at (UTC), position;
- `indicators`: the latest indicators of each unit: unit_code, year, code, label, target, actual, percent;
- `history`: every indicator value read: unit_code, year, code, target, actual, read_at (UTC).

Rules (README.md, "Province mode"): a stale unit counts with its last good data (it is flagged, not
dropped); an unreadable unit has no data and counts nowhere. The province's target for an indicator is
the sum of the units' targets; its actual the sum of the units' actuals; percent = actual / target.
Each unit's pace is judged on the day its data was read (in Vietnam), like its own dashboard; the
province's on the day the newest data was read.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.i18n import strings
from analysis.metrics.pace import BEHIND, ON_TRACK, REACHED, pace_status, with_pace, year_elapsed
from analysis.metrics.scope import day_in_year, share
from analysis.workbook import clock
from analysis.workbook import contract as c

OK, STALE, UNREADABLE = "ok", "stale", "unreadable"
# The indicators a province follows over time (the plan's headline: products certified, dossiers,
# outreach sessions, officers trained).
TREND_CODES = ("SP_OCOP", "HO_SO_NOP", "TT_SO_BUOI", "TH_LUOT_CAN_BO")
TOTAL_COLUMNS = ["code", "label", "target", "actual", "percent", "units_with_target"]
LONG_COLUMNS = ["unit_code", "code", "target", "actual", "percent", "pace"]


def unit_reason_code(code: str) -> str:
    """The SourceError code whose words fit a unit of the registry: `unit_<code>` where the one-unit
    message would send the officer to OCOP_DATA, else the code itself."""
    return f"unit_{code}" if strings.has(f"source_error.unit_{code}") else code


def unit_reason(code: object, params: object, lang: str = strings.DEFAULT_LANG) -> str | None:
    """Why a unit could not be read, in words (None when it could)."""
    if not isinstance(code, str) or not code:
        return None
    key = f"source_error.{unit_reason_code(code)}"
    return strings.t(key, lang, **(params if isinstance(params, dict) else {})) if strings.has(key) else code


def with_data(units: pd.DataFrame) -> pd.DataFrame:
    """The units that have data to count: read this time or kept from their last good read."""
    return units[units["status"] != UNREADABLE]


def read_day(read_at: object) -> date | None:
    """The day, in Vietnam, a unit's data was read."""
    if read_at is None or pd.isna(read_at):
        return None
    return clock.local(pd.Timestamp(read_at).to_pydatetime()).date()


def province_day(units: pd.DataFrame, year: int) -> date:
    """The day the province's figures stand at: the newest read among units with data (today when none)."""
    days = [d for d in (read_day(v) for v in with_data(units)["read_at"]) if d is not None]
    return day_in_year(max(days) if days else clock.today(), year)


def _codes(indicators: pd.DataFrame) -> list[str]:
    extra = sorted(set(indicators["code"]) - set(c.INDICATOR_CODES)) if len(indicators) else []
    return list(c.INDICATOR_CODES) + extra


def _label(code: str, lang: str) -> str:
    key = f"indicator.{code}"
    return strings.t(key, lang) if strings.has(key) else code


def province_totals(indicators: pd.DataFrame, units: pd.DataFrame, year: int,
                    lang: str = strings.DEFAULT_LANG) -> pd.DataFrame:
    """One row per indicator: the sum of the units' targets and actuals for `year`, percent reached,
    and how many units set a target. Plus expected, pace and gap (analysis/metrics/pace.py)."""
    rows = indicators[(indicators["year"] == year) & indicators["unit_code"].isin(with_data(units)["code"])]
    out = []
    for code in _codes(rows):
        mine = rows[rows["code"] == code]
        targets, actuals = mine["target"].dropna(), mine["actual"].dropna()
        target = float(targets.sum()) if len(targets) else None
        actual = float(actuals.sum()) if len(actuals) else (0.0 if code in c.INDICATOR_CODES else None)
        out.append({"code": code, "label": _label(code, lang), "target": target, "actual": actual,
                    "percent": share(actual, target) if actual is not None and target else None,
                    "units_with_target": int(len(targets))})
    table = pd.DataFrame(out, columns=TOTAL_COLUMNS)
    return with_pace(table, year, province_day(units, year))


def unit_indicators(indicators: pd.DataFrame, units: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every unit with data × indicator for `year`: target, actual, percent and pace, each unit judged on
    the day its own data was read."""
    days = {row.code: day_in_year(read_day(row.read_at) or clock.today(), year)
            for row in with_data(units).itertuples()}
    rows = indicators[(indicators["year"] == year) & indicators["unit_code"].isin(days)].copy()
    elapsed = {code: year_elapsed(year, day) for code, day in days.items()}
    rows["pace"] = [pace_status(a, t, elapsed[u]) for u, a, t in zip(rows["unit_code"], rows["actual"], rows["target"])]
    return rows[LONG_COLUMNS].reset_index(drop=True)


def matrix(long: pd.DataFrame, units: pd.DataFrame, value: str = "percent") -> pd.DataFrame:
    """Units (rows, registry order, by code) × indicator codes (columns, contract order): `value` of each cell."""
    codes = [code for code in _codes(long) if code in set(long["code"])]
    wide = long.pivot_table(index="unit_code", columns="code", values=value, aggfunc="first", dropna=False)
    order = [code for code in units.sort_values("position")["code"] if code in wide.index]
    return wide.reindex(index=order, columns=codes)


def ranking(long: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Units ranked: first by the share of their targets on track or reached, then by their mean percent
    (each capped at 100%, so one target far exceeded cannot hide the others). Units without a target rank last."""
    judged = long[long["pace"].notna()]
    grouped = judged.groupby("unit_code")
    table = pd.DataFrame({
        "with_target": grouped.size(),
        "on_track": grouped["pace"].agg(lambda p: int(p.isin([REACHED, ON_TRACK]).sum())),
        "behind": grouped["pace"].agg(lambda p: int((p == BEHIND).sum())),
        "mean_percent": grouped["percent"].agg(lambda p: float(p.clip(upper=1.0).mean())),
    })
    table = table.reindex(with_data(units)["code"]).rename_axis("unit_code").reset_index()
    table["with_target"] = table["with_target"].fillna(0).astype(int)
    table["on_track"] = table["on_track"].fillna(0).astype(int)
    table["behind"] = table["behind"].fillna(0).astype(int)
    table["share_on_track"] = [share(o, w) for o, w in zip(table["on_track"], table["with_target"])]
    table = table.merge(units[["code", "name", "status"]], left_on="unit_code", right_on="code").drop(columns="code")
    table = table.sort_values(["share_on_track", "mean_percent", "unit_code"], ascending=[False, False, True],
                              na_position="last", kind="stable").reset_index(drop=True)
    table.insert(0, "rank", range(1, len(table) + 1))
    return table


def behind_units(long: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Units behind pace on at least one indicator, most indicators behind first: unit_code, name,
    behind (how many), codes (which, largest gap first)."""
    year_gaps = long[long["pace"] == BEHIND].copy()
    if year_gaps.empty:
        return pd.DataFrame(columns=["unit_code", "name", "behind", "codes"])
    year_gaps["shortfall"] = 1 - year_gaps["percent"].fillna(0)
    rows = []
    for unit, mine in year_gaps.sort_values("shortfall", ascending=False).groupby("unit_code", sort=False):
        rows.append({"unit_code": unit, "behind": len(mine), "codes": tuple(mine["code"])})
    table = pd.DataFrame(rows).merge(units[["code", "name"]], left_on="unit_code", right_on="code")
    table = table.sort_values(["behind", "unit_code"], ascending=[False, True], kind="stable")
    return table[["unit_code", "name", "behind", "codes"]].reset_index(drop=True)


def not_current(units: pd.DataFrame) -> pd.DataFrame:
    """Units whose data is stale or unreadable, longest failing first: what, why and since when."""
    rows = units[units["status"] != OK]
    columns = ["code", "name", "status", "reason_code", "reason_params", "failing_since", "read_at"]
    return rows.sort_values(["failing_since", "code"], na_position="first", kind="stable")[columns].reset_index(
        drop=True)


def trend(history: pd.DataFrame, units: pd.DataFrame, year: int, codes: tuple[str, ...] = TREND_CODES
          ) -> pd.DataFrame:
    """The province's total of each indicator over time: for every day a unit was read, the sum of each
    unit's latest value known that day (day, code, actual, target)."""
    rows = history[(history["year"] == year) & history["code"].isin(codes)
                   & history["unit_code"].isin(with_data(units)["code"])].copy()
    if rows.empty:
        return pd.DataFrame(columns=["day", "code", "actual", "target"])
    rows["day"] = [read_day(v) for v in rows["read_at"]]
    # one value per unit, code and day: the last read of the day
    rows = rows.sort_values("read_at").groupby(["unit_code", "code", "day"], as_index=False).last()
    out = []
    for day in sorted(rows["day"].unique()):
        known = rows[rows["day"] <= day].groupby(["unit_code", "code"], as_index=False).last()
        for code in codes:
            mine = known[known["code"] == code]
            if len(mine):
                out.append({"day": day, "code": code, "actual": float(mine["actual"].fillna(0).sum()),
                            "target": float(mine["target"].sum()) if mine["target"].notna().any() else None})
    return pd.DataFrame(out, columns=["day", "code", "actual", "target"])


def issue_counts_by_tab(counts: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Issues per unit (rows, registry order) and tab (columns), errors and warnings only (notices are
    advice); units without issues show 0."""
    shown = counts[counts["severity"].isin(["error", "warning"]) & (counts["unit_code"] != "")]
    wide = shown.pivot_table(index="unit_code", columns="tab", values="issues", aggfunc="sum", fill_value=0)
    order = list(units.sort_values("position")["code"])
    return wide.reindex(order, fill_value=0).astype(int)
