"""The province store's tables, and turning DataFrames into rows and back without losing a dtype.

data_sources/store.py reads and writes; this module says what the tables are and how a value is
kept: times as UTC, dictionaries as JSON (dates tagged so they come back as dates), a tuple of ids
as a list, yes/no cells as booleans, and each normalised table's pandas dtypes in columns_meta.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import numpy as np
import pandas as pd

REGISTRY_UNIT = ""  # the unit code under which the registry's own issues are kept
SCHEMA_VERSION = "1"

FIXED_TABLES: dict[str, str] = {
    "meta": "key VARCHAR PRIMARY KEY, value VARCHAR",
    "units": ("code VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, source VARCHAR, source_kind VARCHAR, "
              "officers VARCHAR[], position INTEGER, status VARCHAR, reason_code VARCHAR, reason_params VARCHAR, "
              "failing_since TIMESTAMP, read_at TIMESTAMP, checked_at TIMESTAMP, modified VARCHAR, "
              "title VARCHAR, url VARCHAR, info VARCHAR, found_tabs VARCHAR, layouts VARCHAR"),
    "columns_meta": "table_name VARCHAR, column_name VARCHAR, position INTEGER, dtype VARCHAR, codec VARCHAR",
    "accounting": "unit_code VARCHAR, seq BIGINT, tab VARCHAR, read BIGINT, accepted BIGINT, rejected BIGINT",
    "issues": ('unit_code VARCHAR, seq BIGINT, tab VARCHAR, "row" BIGINT, "column" VARCHAR, value VARCHAR, '
               "severity VARCHAR, reason VARCHAR, params VARCHAR"),
    "indicators": ("unit_code VARCHAR, seq BIGINT, year INTEGER, code VARCHAR, label VARCHAR, target DOUBLE, "
                   "actual DOUBLE, percent DOUBLE, computed BOOLEAN"),
    # append-only: one row per indicator per read of a unit, for trends
    "indicator_history": ("unit_code VARCHAR, year INTEGER, code VARCHAR, target DOUBLE, actual DOUBLE, "
                          "read_at TIMESTAMP"),
    "syncs": ("started_at TIMESTAMP, finished_at TIMESTAMP, units INTEGER, reread INTEGER, failed INTEGER, "
              "requests INTEGER, listed_at TIMESTAMP"),
}
_NAME = re.compile(r"[a-z][a-z0-9_]{0,40}")


@dataclass(frozen=True)
class UnitRecord:
    """One unit as the last sync left it. status: "ok" (read this sync or unchanged), "stale" (this
    sync failed, its last good data kept: reason and since when) or "unreadable" (never read)."""

    code: str
    name: str = ""
    kind: str | None = None
    source: str | None = None  # as the registry wrote it
    source_kind: str | None = None  # "xlsx" or "gsheet"
    officers: tuple[str, ...] = ()
    position: int = 0  # registry order
    status: str = "unreadable"
    reason_code: str | None = None  # a SourceError code (key source_error.<code>) when not ok
    reason_params: dict[str, Any] = field(default_factory=dict)
    failing_since: datetime | None = None  # first failed sync of the current run of failures (UTC)
    read_at: datetime | None = None  # the last good read (UTC)
    checked_at: datetime | None = None  # the last sync that looked at it (UTC)
    modified: str | None = None  # Drive modifiedTime, or the file's size and mtime, at the last good read
    title: str = ""
    url: str | None = None
    info: dict[str, Any] = field(default_factory=dict)
    found_tabs: dict[str, Any] = field(default_factory=dict)
    layouts: dict[str, Any] = field(default_factory=dict)


@dataclass
class UnitData:
    """Everything kept of one unit: enough to rebuild its dataset exactly."""

    record: UnitRecord
    tables: dict[str, pd.DataFrame]
    issues: pd.DataFrame
    accounting: dict[str, tuple[int, int, int]]  # tab key -> (read, accepted, rejected)


def create_fixed_tables(con: duckdb.DuckDBPyConnection) -> None:
    for name, columns in FIXED_TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])


def data_table(name: str) -> str:
    """The SQL table of a normalised table (`products` -> tab_products); only plain names are accepted."""
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a table name: {name!r}")
    return f"tab_{name}"


# ---------------------------------------------------------------------------- values


def utc_naive(value: Any) -> datetime | None:
    """An aware time as naive UTC (how TIMESTAMP columns keep it); a naive one is taken as UTC."""
    if value is None or (not isinstance(value, datetime) and pd.isna(value)):
        return None
    value = pd.Timestamp(value).to_pydatetime()
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def utc_aware(value: Any) -> datetime | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).to_pydatetime().replace(tzinfo=UTC)


def _tag(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, date):
        return {"__date__": value.isoformat()}
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    return str(value)


def _untag(value: dict) -> Any:
    if "__datetime__" in value:
        return datetime.fromisoformat(value["__datetime__"])
    if "__date__" in value:
        return date.fromisoformat(value["__date__"])
    return value


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_tag)


def from_json(text: Any) -> Any:
    return json.loads(text, object_hook=_untag) if isinstance(text, str) and text else {}


def _int_keys(layouts: dict[str, Any]) -> dict[str, Any]:
    """JSON turns a layout's column positions into text; they are ints."""
    return {tab: {**layout, "columns": {int(k): v for k, v in layout.get("columns", {}).items()}}
            for tab, layout in layouts.items()}


# ---------------------------------------------------------------------------- units


def records_frame(records: list[UnitRecord]) -> pd.DataFrame:
    rows = []
    for r in records:
        rows.append({
            "code": r.code, "name": r.name, "kind": r.kind, "source": r.source, "source_kind": r.source_kind,
            "officers": list(r.officers), "position": r.position, "status": r.status, "reason_code": r.reason_code,
            "reason_params": to_json(r.reason_params), "failing_since": utc_naive(r.failing_since),
            "read_at": utc_naive(r.read_at), "checked_at": utc_naive(r.checked_at), "modified": r.modified,
            "title": r.title, "url": r.url, "info": to_json(r.info), "found_tabs": to_json(r.found_tabs),
            "layouts": to_json(r.layouts),
        })
    frame = pd.DataFrame(rows, columns=[c.split()[0] for c in FIXED_TABLES["units"].split(", ")])
    for column in ("failing_since", "read_at", "checked_at"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[us]")
    return frame


def records_from_frame(frame: pd.DataFrame) -> list[UnitRecord]:
    def text(value: Any) -> str | None:
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)

    return [UnitRecord(
        code=row["code"], name=text(row["name"]) or "", kind=text(row["kind"]), source=text(row["source"]),
        source_kind=text(row["source_kind"]),
        officers=tuple(row["officers"]) if row["officers"] is not None else (), position=int(row["position"]),
        status=row["status"], reason_code=text(row["reason_code"]), reason_params=from_json(row["reason_params"]),
        failing_since=utc_aware(row["failing_since"]), read_at=utc_aware(row["read_at"]),
        checked_at=utc_aware(row["checked_at"]), modified=text(row["modified"]), title=text(row["title"]) or "",
        url=text(row["url"]), info=from_json(row["info"]), found_tabs=from_json(row["found_tabs"]),
        layouts=_int_keys(from_json(row["layouts"])),
    ) for row in frame.to_dict("records")]


# ---------------------------------------------------------------------------- normalised tables


def sql_type(series: pd.Series, codec: str | None) -> str:
    if codec == "list":
        return "VARCHAR[]"
    if codec == "bool" or pd.api.types.is_bool_dtype(series.dtype):
        return "BOOLEAN"
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return "TIMESTAMP"
    if pd.api.types.is_integer_dtype(series.dtype):
        return "BIGINT"
    if pd.api.types.is_float_dtype(series.dtype):
        return "DOUBLE"
    return "VARCHAR"


def _none_where_missing(values: pd.Series) -> list[Any]:
    return [None if v is None or (not isinstance(v, (tuple, list)) and pd.isna(v)) else v for v in values]


def to_sql_frame(frame: pd.DataFrame, name: str, codecs: dict[tuple[str, str], str]) -> pd.DataFrame:
    """A normalised table as rows DuckDB takes: object columns as text, lists or booleans by codec.

    The columns are made first and the frame once (a column added at a time costs ~0.5 ms each in
    pandas 3, which a province sync pays for every column of every table of every unit)."""
    columns: dict[str, Any] = {}
    for column in frame.columns:
        series, codec = frame[column], codecs.get((name, column))
        if codec == "list":
            columns[column] = pd.Series([None if v is None else [str(x) for x in v]
                                         for v in _none_where_missing(series)], dtype=object)
        elif codec == "bool":
            columns[column] = pd.array(_none_where_missing(series), dtype="boolean")
        elif series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            columns[column] = pd.Series([None if v is None else str(v) for v in _none_where_missing(series)],
                                        dtype=object)
        else:
            columns[column] = series.array
    return pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))


def from_sql_frame(raw: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Rows read back, with the columns, order and dtypes the normaliser gave them."""
    out = pd.DataFrame(index=range(len(raw)))
    for row in meta.sort_values("position").itertuples():
        values, dtype, codec = raw[row.column_name], row.dtype, row.codec
        if codec == "list":
            out[row.column_name] = pd.Series([tuple(v) if isinstance(v, (list, tuple, np.ndarray)) else None
                                              for v in values], dtype=object)
        elif codec == "bool":
            out[row.column_name] = pd.Series([None if pd.isna(v) else bool(v) for v in values], dtype=object)
        elif dtype == "object":
            out[row.column_name] = pd.Series(_none_where_missing(values), dtype=object)
        else:
            out[row.column_name] = values.astype(dtype)
    return out


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Accounting, issues or indicators as rows: dictionaries (issue params) as JSON text."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object and any(isinstance(v, dict) for v in out[column]):
            out[column] = [to_json(v) if isinstance(v, dict) else None for v in out[column]]
    return out.reset_index(drop=True)


ISSUE_DTYPES = {"tab": "str", "row": "Int64", "column": "str", "value": "str", "severity": "str", "reason": "str"}


def issues_from_sql(frame: pd.DataFrame) -> pd.DataFrame:
    """Issues as the normaliser makes them (analysis/workbook/dataset.py ISSUE_COLUMNS)."""
    out = frame.drop(columns=[c for c in ("seq",) if c in frame.columns]).reset_index(drop=True)
    for column, dtype in ISSUE_DTYPES.items():
        out[column] = out[column].astype(dtype)
    out["params"] = pd.Series([from_json(v) for v in out["params"]], dtype=object)
    return out[["tab", "row", "column", "value", "severity", "reason", "params"]]
