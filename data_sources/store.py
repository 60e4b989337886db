"""The province store: every unit's normalised tables, row accounting, issues, indicators and their
history, in one embedded DuckDB file (default .store/ocop.duckdb, moved by OCOP_STORE).

I/O only: the store keeps and returns DataFrames; what they mean is analysis/'s business.

Atomic by replacing the file. A sync writes a copy (<store>.sync-<pid>) and renames it over the
store once complete (os.replace), so a viewer reading the store never sees half a sync, and a sync
killed part-way leaves the previous file exactly as it was (its copy is removed by the next sync).
Readers open the file read-only and close it after each read (a reader holding an old file keeps
reading the old, complete data). One sync at a time, across processes: an exclusive lock on
<store>.lock (fcntl.flock); a second sync is refused with SourceError("store_busy").
The SQL stays inside this module and store_schema.py: several app servers could read one shared
store, or a server database replace the file, without any page changing.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from data_sources.raw import SourceError
from data_sources.store_schema import (
    REGISTRY_UNIT,
    UnitData,
    UnitRecord,
    create_fixed_tables,
    data_table,
    from_sql_frame,
    issues_from_sql,
    plain_frame,
    records_frame,
    records_from_frame,
    sql_type,
    to_sql_frame,
    utc_naive,
)
from data_sources.writable import writable_or_temp

STORE_ENV = "OCOP_STORE"
DEFAULT_STORE = Path(".store") / "ocop.duckdb"
FLUSH_UNITS = 200  # units buffered before one batched insert per table: thousands of tiny inserts are slow

__all__ = ["DEFAULT_STORE", "REGISTRY_UNIT", "STORE_ENV", "StoreReader", "StoreWriter", "UnitData", "UnitRecord",
           "default_store", "store_path", "store_version", "sync_lock"]


def store_path(env: Mapping[str, str] | None = None, secrets: Mapping[str, Any] | None = None) -> Path:
    """OCOP_STORE, then [ocop] store in secrets, else default_store()."""
    env = os.environ if env is None else env
    value = (env.get(STORE_ENV) or ((secrets or {}).get("ocop", {}) or {}).get("store") or "").strip()
    return Path(value) if value else default_store()


def default_store() -> Path:
    """.store/ocop.duckdb, or the same name in a temporary folder when .store/ cannot be written (read-only app)."""
    return writable_or_temp(DEFAULT_STORE.parent, "ocop-store") / DEFAULT_STORE.name


def store_version(path: Path) -> tuple[int, int, int] | None:
    """Which file the store is (inode, modified, size): a new sync is a new file. None when absent."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


@contextlib.contextmanager
def sync_lock(path: Path) -> Iterator[None]:
    """Held for a whole sync: a second one (this process or another) gets SourceError("store_busy")."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SourceError("store_busy", path=str(path)) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class StoreReader:
    """A read-only view of one version of the store: `with StoreReader(path) as store: store.units()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con: duckdb.DuckDBPyConnection | None = None

    def __enter__(self) -> StoreReader:
        if not self.path.is_file():
            raise SourceError("store_missing", path=str(self.path))
        try:
            self._con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as error:
            raise SourceError("store_unreadable", path=str(self.path), detail=type(error).__name__) from None
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def _frame(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        assert self._con is not None, "use StoreReader as a context manager"
        return self._con.execute(sql, params or []).df()

    def units(self) -> list[UnitRecord]:
        """Every unit of the last sync's registry, in registry order."""
        return records_from_frame(self._frame("SELECT * FROM units ORDER BY position"))

    def indicators(self, year: int | None = None) -> pd.DataFrame:
        """The latest indicators of every unit: unit_code, year, code, label, target, actual, percent, computed."""
        where, params = ("WHERE year = ?", [year]) if year is not None else ("", [])
        return self._frame(f"SELECT * FROM indicators {where} ORDER BY unit_code, year, seq", params)

    def history(self, year: int | None = None) -> pd.DataFrame:
        """Every indicator value ever read: unit_code, year, code, target, actual, read_at (UTC)."""
        where, params = ("WHERE year = ?", [year]) if year is not None else ("", [])
        return self._frame(f"SELECT * FROM indicator_history {where} ORDER BY read_at, unit_code, code", params)

    def issue_counts(self) -> pd.DataFrame:
        """Issues per unit, tab and severity (unit "" is the registry itself): unit_code, tab, severity, issues."""
        return self._frame("SELECT unit_code, tab, severity, count(*) AS issues FROM issues "
                           "GROUP BY ALL ORDER BY unit_code, tab, severity")

    def issues(self, unit: str) -> pd.DataFrame:
        """One unit's issues (REGISTRY_UNIT: the registry's), as the normaliser gave them."""
        return issues_from_sql(self._frame("SELECT * EXCLUDE (unit_code) FROM issues WHERE unit_code = ? ORDER BY seq",
                                            [unit]))

    def syncs(self) -> pd.DataFrame:
        """The sync log, newest first."""
        return self._frame("SELECT * FROM syncs ORDER BY started_at DESC")

    def unit_data(self, code: str) -> UnitData | None:
        """Everything kept of one unit, dtypes as the normaliser made them; None for an unknown code."""
        record = next((r for r in records_from_frame(self._frame("SELECT * FROM units WHERE code = ?", [code]))),
                      None)
        if record is None:
            return None
        columns = self._frame("SELECT * FROM columns_meta ORDER BY table_name, position")
        tables = {}
        for table, meta in columns.groupby("table_name", sort=False):
            raw = self._frame(f'SELECT * EXCLUDE (unit_code, read_at) FROM "{data_table(table)}" WHERE unit_code = ? '
                              "ORDER BY seq", [code])
            tables[table] = from_sql_frame(raw.drop(columns="seq"), meta)
        accounting = self._frame("SELECT tab, read, accepted, rejected FROM accounting WHERE unit_code = ?", [code])
        counts = {row.tab: (int(row.read), int(row.accepted), int(row.rejected)) for row in accounting.itertuples()}
        return UnitData(record, tables, self.issues(code), counts)


class StoreWriter:
    """One sync's changes, written to a copy of the store and swapped in by commit().

    `with StoreWriter(path) as writer: ...`: leaving the block normally commits; an exception
    discards the copy, and the store stays as it was. Hold sync_lock(path) around it.
    """

    def __init__(self, path: Path, codecs: Mapping[tuple[str, str], str] | None = None) -> None:
        self.path = path
        self.copy = path.with_name(f"{path.name}.sync-{os.getpid()}")
        self.codecs = dict(codecs or {})  # (table, column) -> "bool" | "list" for object columns
        self._con: duckdb.DuckDBPyConnection | None = None
        self._pending: list[tuple[str, Any, dict[str, pd.DataFrame], pd.DataFrame, pd.DataFrame, pd.DataFrame]] = []

    def __enter__(self) -> StoreWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in self.path.parent.glob(self.path.name + ".sync-*"):  # a killed sync's copy
            leftover.unlink(missing_ok=True)
        if self.path.is_file():
            shutil.copyfile(self.path, self.copy)
        self._con = duckdb.connect(str(self.copy))
        create_fixed_tables(self._con)
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        try:
            if exc_type is None:
                self._flush(self.con)
                self.con.execute("CHECKPOINT")
        finally:
            if self._con is not None:
                self._con.close()
                self._con = None
            if exc_type is not None:
                self.copy.unlink(missing_ok=True)
        if exc_type is not None:
            return
        with open(self.copy, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(self.copy, self.path)  # the one moment the new version appears, whole
        _fsync_dir(self.path.parent)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        assert self._con is not None, "use StoreWriter as a context manager"
        return self._con

    def put_unit(self, code: str, read_at: Any, tables: Mapping[str, pd.DataFrame], accounting: pd.DataFrame,
                 issues: pd.DataFrame, indicators: pd.DataFrame) -> None:
        """A fresh read of a unit: replaces its tables, accounting, issues and indicators; appends the
        indicators (year, code, target, actual) to the history with `read_at`."""
        self._pending.append((code, read_at, dict(tables), accounting, issues, indicators))
        if len(self._pending) >= FLUSH_UNITS:
            self._flush(self.con)

    def set_units(self, records: list[UnitRecord]) -> None:
        """The registry as synced: every unit's status and details. Units no longer listed lose their data."""
        frame = records_frame(records)
        self.con.execute("DELETE FROM units")
        self.con.register("incoming", frame)
        self.con.execute("INSERT INTO units BY NAME SELECT * FROM incoming")
        self.con.unregister("incoming")
        listed = [r.code for r in records]
        for table in self._unit_tables():
            self.con.execute(f'DELETE FROM "{table}" WHERE unit_code <> ? AND NOT list_contains(?, unit_code)',
                             [REGISTRY_UNIT, listed])

    def set_registry_issues(self, issues: pd.DataFrame) -> None:
        self._replace_rows("issues", [REGISTRY_UNIT], _with_unit(issues, REGISTRY_UNIT))

    def log_sync(self, **values: Any) -> None:
        """One row of the sync log (started_at, finished_at, units, reread, failed, requests, listed_at)."""
        names = ", ".join(values)
        self.con.execute(f"INSERT INTO syncs ({names}) VALUES ({', '.join('?' * len(values))})", list(values.values()))

    # ------------------------------------------------------------------ internals
    def _unit_tables(self) -> list[str]:
        names = [row[0] for row in self.con.execute("SELECT DISTINCT table_name FROM columns_meta").fetchall()]
        return ["accounting", "issues", "indicators", *map(data_table, names)]

    def _flush(self, con: duckdb.DuckDBPyConnection) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        codes = [code for code, *_ in pending]
        names = sorted({name for _code, _at, tables, *_ in pending for name in tables})
        read_ats = [utc_naive(read_at) for _code, read_at, *_ in pending]
        for name in names:
            originals = [(code, read_at, tables[name]) for (code, _at, tables, *_), read_at in zip(pending, read_ats)
                         if name in tables]
            self._ensure_data_table(name, originals[0][2])
            self._replace_rows(data_table(name), codes, _stacked(
                [to_sql_frame(frame, name, self.codecs) for _code, _at, frame in originals],
                unit_code=[code for code, *_ in originals], read_at=[read_at for _code, read_at, _ in originals]))
        self._replace_rows("accounting", codes, _stacked([plain_frame(p[3]) for p in pending], unit_code=codes))
        self._replace_rows("issues", codes, _stacked([plain_frame(p[4]) for p in pending], unit_code=codes))
        self._replace_rows("indicators", codes, _stacked([plain_frame(p[5]) for p in pending], unit_code=codes))
        history = _stacked([p[5][["year", "code", "target", "actual"]] for p in pending], unit_code=codes,
                           read_at=read_ats)
        con.register("incoming", history)
        con.execute("INSERT INTO indicator_history BY NAME SELECT * FROM incoming")
        con.unregister("incoming")

    def _ensure_data_table(self, name: str, original: pd.DataFrame) -> None:
        """The table of a normalised table, made from its first frame; its dtypes kept in columns_meta."""
        table = data_table(name)
        known = self.con.execute("SELECT count(*) FROM columns_meta WHERE table_name = ?", [name]).fetchone()
        if known and known[0]:
            return
        columns = list(original.columns)
        sql_columns = ", ".join(f'"{c}" {sql_type(original[c], self.codecs.get((name, c)))}' for c in columns)
        self.con.execute(f'CREATE TABLE "{table}" (unit_code VARCHAR, read_at TIMESTAMP, seq BIGINT, {sql_columns})')
        meta = pd.DataFrame({"table_name": name, "column_name": columns, "position": range(len(columns)),
                             "dtype": [str(original[c].dtype) for c in columns],
                             "codec": [self.codecs.get((name, c), "") for c in columns]})
        self.con.register("incoming", meta)
        self.con.execute("INSERT INTO columns_meta BY NAME SELECT * FROM incoming")
        self.con.unregister("incoming")

    def _replace_rows(self, table: str, codes: list[str], rows: pd.DataFrame) -> None:
        self.con.execute(f'DELETE FROM "{table}" WHERE list_contains(?, unit_code)', [codes])
        if rows.empty:
            return
        rows = rows.copy()
        if "seq" not in rows.columns:
            rows["seq"] = range(len(rows))  # keeps each unit's rows in the normaliser's order
        self.con.register("incoming", rows)
        self.con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM incoming')
        self.con.unregister("incoming")


def _with_unit(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    return plain_frame(frame).assign(unit_code=code)


def _stacked(frames: list[pd.DataFrame], **per_frame: list[Any]) -> pd.DataFrame:
    """The frames one under the other, with each `per_frame` column holding its frame's value on every row of
    that frame: what `frame.assign(column=value)` on each frame gives, at one column insert per batch instead
    of one per frame (each costs ~0.5 ms in pandas 3; a province sync has eleven tables per unit)."""
    rows = pd.concat(frames, ignore_index=True)
    lengths = [len(frame) for frame in frames]
    for column, values in per_frame.items():
        rows[column] = pd.Series(values).repeat(lengths).reset_index(drop=True)
    return rows


def _fsync_dir(folder: Path) -> None:
    """The rename itself survives a power cut only once the folder is flushed."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

