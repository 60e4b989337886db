"""The province store as the command line and the pages use it: read whole, turned into frames and datasets.

`python -m analysis province --registry R --year Y` prints the JSON of province_json(); it syncs
first when the store is empty. The dashboard reads the store through the same load_province() and
dataset_of(), so the command line and the pages cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.i18n import strings
from analysis.metrics import province as pm
from analysis.workbook.dataset import Dataset, RowCount, SourceInfo
from analysis.workbook.values import is_missing
from data_sources.store import REGISTRY_UNIT, StoreReader, UnitData, UnitRecord, store_version

UNIT_COLUMNS = ["code", "name", "kind", "source", "source_kind", "officers", "position", "status", "reason_code",
                "reason_params", "failing_since", "read_at", "checked_at", "title", "url"]


@dataclass
class ProvinceData:
    """One version of the store, read whole (small: no unit's rows, only its figures)."""

    version: tuple | None
    units: pd.DataFrame  # UNIT_COLUMNS
    indicators: pd.DataFrame
    history: pd.DataFrame
    issue_counts: pd.DataFrame
    registry_issues: pd.DataFrame
    syncs: pd.DataFrame

    def years(self) -> list[int]:
        """Years with indicators in some unit, newest first."""
        return sorted({int(y) for y in self.indicators["year"].dropna()}, reverse=True)

    def unit(self, code: str) -> pd.Series | None:
        rows = self.units[self.units["code"] == code]
        return rows.iloc[0] if len(rows) else None


def units_frame(records: list[UnitRecord]) -> pd.DataFrame:
    rows = [{column: getattr(r, column) for column in UNIT_COLUMNS} for r in records]
    frame = pd.DataFrame(rows, columns=UNIT_COLUMNS)
    for column in ("failing_since", "read_at", "checked_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


def load_province(store: Path) -> ProvinceData:
    """Everything the province pages show, from one version of the store (SourceError when it has none)."""
    with StoreReader(store) as reader:
        version = store_version(store)
        return ProvinceData(version, units_frame(reader.units()), reader.indicators(), reader.history(),
                            reader.issue_counts(), reader.issues(REGISTRY_UNIT), reader.syncs())


def dataset_of(data: UnitData) -> Dataset:
    """A unit's dataset rebuilt from the store: the same tables, issues and accounting the normaliser made
    when the sync read it, so every page of the one-unit dashboard works on it unchanged."""
    record = data.record
    source = SourceInfo(record.source_kind or "", record.source or "", record.title, record.url, record.read_at)
    accounting = {tab: RowCount(*counts) for tab, counts in data.accounting.items()}
    return Dataset(data.tables, data.issues, accounting, dict(record.info), dict(record.found_tabs), source,
                   dict(record.layouts))


def load_unit(store: Path, code: str) -> Dataset | None:
    """One unit's dataset from the store; None when the store does not know the code or holds no data for it."""
    with StoreReader(store) as reader:
        data = reader.unit_data(code)
    if data is None or data.record.read_at is None or not data.tables:
        return None
    return dataset_of(data)


def _number(value: Any) -> Any:
    if is_missing(value):
        return None
    value = float(value)
    return int(value) if value.is_integer() else value


def _indicator(row: Any) -> dict[str, Any]:
    return {"code": row["code"], "target": _number(row["target"]), "actual": _number(row["actual"]),
            "percent": None if is_missing(row["percent"]) else float(row["percent"])}


def province_json(data: ProvinceData, year: int, lang: str = strings.DEFAULT_LANG) -> dict[str, Any]:
    """{"year", "units": [{code, name, status, read_at, reason, indicators: [...]}], "totals": [...]}."""
    rows = data.indicators[data.indicators["year"] == year]
    units = []
    for unit in data.units.sort_values("position").itertuples():
        mine = rows[rows["unit_code"] == unit.code] if unit.status != pm.UNREADABLE else rows.iloc[0:0]
        reason = pm.unit_reason(unit.reason_code, unit.reason_params, lang)
        units.append({"code": unit.code, "name": unit.name, "status": unit.status,
                      "read_at": None if pd.isna(unit.read_at) else unit.read_at.isoformat(),
                      "since": None if pd.isna(unit.failing_since) else unit.failing_since.isoformat(),
                      "reason": reason, "indicators": [_indicator(r) for _, r in mine.iterrows()]})
    totals = pm.province_totals(data.indicators, data.units, year, lang)
    return {"year": year, "units": units, "totals": [_indicator(r) for _, r in totals.iterrows()]}
