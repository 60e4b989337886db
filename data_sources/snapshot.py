"""The last good read of a source, kept on disk so the dashboard survives Google being down.

One JSON file per source location, named by a hash of the location (no key or path
in the file name). JSON rather than pickle: loading a pickle runs code, and a
snapshot is data. Cells are tagged where JSON has no type of its own, so every
cell comes back exactly as the source gave it:

    datetime -> {"$datetime": "2023-03-15T18:00:00"}     date -> {"$date": "2023-03-15"}
    time     -> {"$time": "18:00:00"}                    timedelta -> {"$timedelta": seconds}
    nan/inf  -> {"$float": "nan" | "inf" | "-inf"}

A cell is never a dict, so a dict in the file is always a tag.

Reading treats the file as untrusted data (it may have been edited by hand): read_snapshot
checks the size before parsing, parses plain JSON only, and accepts exactly the shape written
here, within limits (MAX_*), with plausible times, for this very location and with the sheet's
own link. Anything else raises SourceError("snapshot_<why>") and the snapshot is not used.

Writes are atomic: a temporary file in the same directory, flushed and fsynced,
then os.replace() over the old snapshot. A crash mid-write leaves the previous
snapshot intact, never half a file. Files are created 0600 (tempfile's default):
the workbook holds producers' phone numbers.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import tempfile
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from data_sources.raw import RawWorkbook, Rows, SourceError
from data_sources.writable import writable_or_temp

SNAPSHOT_DIR_ENV = "OCOP_SNAPSHOT_DIR"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / ".snapshots"  # in .gitignore
FORMAT, VERSION = "ocop-snapshot", 1


def snapshot_dir(env: Mapping[str, str] | None = None) -> Path:
    """OCOP_SNAPSHOT_DIR, else .snapshots/ at the repository root (a temporary folder when that is read-only)."""
    env = os.environ if env is None else env
    value = (env.get(SNAPSHOT_DIR_ENV) or "").strip()
    return Path(value) if value else writable_or_temp(DEFAULT_DIR, "ocop-snapshots")


def snapshot_path(location: str, directory: Path) -> Path:
    digest = hashlib.sha256(location.encode("utf-8")).hexdigest()[:32]
    return Path(directory) / f"{digest}.json"


# --------------------------------------------------------------------------- cells


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}  # 'nan', 'inf', '-inf'
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, timedelta):
        return {"$timedelta": value.total_seconds()}
    return str(value)  # no source gives other types; keep what a user would have seen


_DECODERS = {
    "$datetime": datetime.fromisoformat,
    "$date": date.fromisoformat,
    "$time": time.fromisoformat,
    "$timedelta": lambda s: timedelta(seconds=s),
    "$float": float,
}


# --------------------------------------------------------------------------- files


def save_snapshot(raw: RawWorkbook, directory: Path | None = None) -> Path:
    """Write `raw` atomically under a name derived from raw.location; the path written."""
    directory = snapshot_dir() if directory is None else Path(directory)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "kind": raw.kind,
        "location": raw.location,
        "title": raw.title,
        "url": raw.url,
        "read_at": raw.read_at.isoformat(),
        "saved_at": datetime.now(UTC).isoformat(),
        "tabs": [[title, [[_encode(v) for v in row] for row in rows]] for title, rows in raw.tabs.items()],
    }
    data = json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
    target = snapshot_path(raw.location, directory)
    fd, temp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _fsync_directory(directory)
    return target


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); best effort elsewhere."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- reading, as data

# Limits a snapshot must keep. Google Sheets itself holds at most 10 million cells per spreadsheet and
# 50,000 characters per cell; a province's OCOP workbook (≥ 200,000 rows) is far inside all of them.
MAX_FILE_BYTES = 256 * 1024 * 1024  # 10 million short cells as JSON; checked before parsing
MAX_TABS = 200
MAX_ROWS = 1_000_000  # all tabs together
MAX_CELLS = 10_000_000  # all tabs together: Google's own limit
MAX_CELL_CHARS = 50_000  # Google's own limit per cell
MAX_TEXT_CHARS = 1_000  # the title and a tab's title
MAX_TAG_CHARS = 64  # the text of a tagged cell ("2023-03-15T18:00:00.123456+07:00")
CLOCK_SKEW = timedelta(minutes=5)  # a read_at/saved_at may be this far ahead of our clock
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # no snapshot was written before this
KINDS = ("gsheet", "gsheet_public", "xlsx", "demo")
_FAMILY = {"gsheet_public": "gsheet"}  # one sheet, read with or without credentials: one snapshot
SHEET_URL = "https://docs.google.com/spreadsheets/d/{key}/edit"  # google_sheets.sheet_url, the only link kept
FIELDS = frozenset({"format", "version", "kind", "location", "title", "url", "read_at", "saved_at", "tabs"})


def _parse(data: bytes) -> Any:
    """JSON as plain data: NaN/Infinity literals refused; nesting too deep for the parser is a problem,
    not a crash (the exact shape, checked next, bounds the depth to what the format needs)."""

    def refuse(constant: str) -> Any:
        raise ValueError(constant)

    try:
        return json.loads(data.decode("utf-8"), parse_constant=refuse)
    except RecursionError:
        raise SourceError("snapshot_too_deep") from None
    except MemoryError:
        raise SourceError("snapshot_too_large", size=_mb(len(data)), limit=_mb(MAX_FILE_BYTES)) from None
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise SourceError("snapshot_unreadable") from None


def _mb(size: int) -> int:
    return -(-size // (1024 * 1024))  # rounded up


def _moment(document: dict, name: str) -> datetime:
    """read_at / saved_at: ISO 8601 with a time zone, after 2000, not in the future."""
    text = document[name]
    try:
        moment = datetime.fromisoformat(text) if isinstance(text, str) and len(text) <= MAX_TAG_CHARS else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or moment.utcoffset() is None:
        raise SourceError("snapshot_time_invalid", field=name)
    try:
        moment_utc = moment.astimezone(UTC)
    except OverflowError:  # the year 1 or 9999 shifted past the calendar's end
        raise SourceError("snapshot_time_invalid", field=name) from None
    if moment_utc > datetime.now(UTC) + CLOCK_SKEW:
        raise SourceError("snapshot_time_future", field=name)
    if moment_utc < EARLIEST:
        raise SourceError("snapshot_time_too_old", field=name)
    return moment


def _cell(value: Any, tab: int, row: int) -> Any:
    """One cell as the source gave it; a snapshot problem when it is anything else."""
    kind = type(value)
    if value is None or kind in (bool, int):
        return value
    if kind is str:
        if len(value) > MAX_CELL_CHARS:
            raise SourceError("snapshot_cell_too_long", limit=MAX_CELL_CHARS, tab=tab, row=row)
        return value
    if kind is float and math.isfinite(value):
        return value
    if kind is list:
        raise SourceError("snapshot_too_deep")
    if kind is dict and len(value) == 1:
        ((tag, text),) = value.items()
        wanted = (int, float) if tag == "$timedelta" else (str,)
        if tag in _DECODERS and type(text) in wanted and (type(text) is not str or len(text) <= MAX_TAG_CHARS):
            try:
                decoded = _DECODERS[tag](text)
            except (ValueError, OverflowError):
                pass
            else:
                if tag != "$float" or not math.isfinite(decoded):  # a finite float is never tagged
                    return decoded
    raise SourceError("snapshot_bad_cell", tab=tab, row=row)


def _tabs(value: Any) -> dict[str, Rows]:
    """[[title, rows], ...] within the limits, every cell decoded."""
    if type(value) is not list:
        raise SourceError("snapshot_bad_field", field="tabs")
    if len(value) > MAX_TABS:
        raise SourceError("snapshot_too_many_tabs", count=len(value), limit=MAX_TABS)
    rows_seen = cells_seen = 0
    for pair in value:  # count everything before decoding anything
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str or type(pair[1]) is not list:
            raise SourceError("snapshot_bad_field", field="tabs")
        rows_seen += len(pair[1])
        if rows_seen > MAX_ROWS:
            raise SourceError("snapshot_too_many_rows", limit=MAX_ROWS)
        for row in pair[1]:
            if type(row) is not list:
                raise SourceError("snapshot_bad_field", field="tabs")
            cells_seen += len(row)
        if cells_seen > MAX_CELLS:
            raise SourceError("snapshot_too_many_cells", limit=MAX_CELLS)
    tabs: dict[str, Rows] = {}
    for number, (title, rows) in enumerate(value, start=1):
        if len(title) > MAX_TEXT_CHARS or title in tabs:
            raise SourceError("snapshot_bad_field", field="tabs")
        tabs[title] = [[_cell(v, number, r) for v in row] for r, row in enumerate(rows, start=1)]
    return tabs


def _workbook(document: Any, location: str, kind: str | None) -> RawWorkbook:
    """The exact shape save_snapshot writes, for this location, or a snapshot problem."""
    if type(document) is not dict or document.get("format") != FORMAT:
        raise SourceError("snapshot_wrong_format")
    if type(document.get("version")) is not int or document["version"] != VERSION or set(document) != FIELDS:
        raise SourceError("snapshot_wrong_format")
    if document["location"] != location:  # another sheet's snapshot, copied by hand (or a hash collision)
        raise SourceError("snapshot_other_sheet")
    stored_kind = document["kind"]
    if stored_kind not in KINDS or (kind is not None and _FAMILY.get(stored_kind, stored_kind) != kind):
        raise SourceError("snapshot_bad_field", field="kind")
    title = document["title"]
    if type(title) is not str or len(title) > MAX_TEXT_CHARS:
        raise SourceError("snapshot_bad_field", field="title")
    url = document["url"]
    if url != (SHEET_URL.format(key=location) if _FAMILY.get(stored_kind, stored_kind) == "gsheet" else None):
        raise SourceError("snapshot_bad_url")
    read_at = _moment(document, "read_at")
    _moment(document, "saved_at")
    return RawWorkbook(tabs=_tabs(document["tabs"]), kind=stored_kind, location=location, title=title, url=url,
                       read_at=read_at)


def read_snapshot(location: str, directory: Path | None = None, kind: str | None = None) -> RawWorkbook | None:
    """The snapshot saved for `location` (of `kind`, when given); None when there is none.

    A snapshot that exists but cannot be used raises SourceError("snapshot_<why>"): unreadable,
    too large or too deep, another sheet's, a wrong format, an impossible time, a foreign link.
    The file is checked for size before it is parsed, and parsed as plain data only.
    """
    path = snapshot_path(location, snapshot_dir() if directory is None else Path(directory))
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError:
        raise SourceError("snapshot_unreadable") from None
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read, a directory cannot be read
        raise SourceError("snapshot_unreadable")
    if info.st_size > MAX_FILE_BYTES:
        raise SourceError("snapshot_too_large", size=_mb(info.st_size), limit=_mb(MAX_FILE_BYTES))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise SourceError("snapshot_unreadable") from None
    if len(data) > MAX_FILE_BYTES:  # it grew after the stat
        raise SourceError("snapshot_too_large", size=_mb(len(data)), limit=_mb(MAX_FILE_BYTES))
    try:
        return _workbook(_parse(data), location, kind)
    except RecursionError:
        raise SourceError("snapshot_too_deep") from None
    except MemoryError:
        raise SourceError("snapshot_too_large", size=_mb(len(data)), limit=_mb(MAX_FILE_BYTES)) from None


def load_snapshot(location: str, directory: Path | None = None, kind: str | None = None) -> RawWorkbook | None:
    """The snapshot saved for `location`; None when there is none or it cannot be used."""
    try:
        return read_snapshot(location, directory, kind)
    except SourceError:
        return None


__all__ = ["CLOCK_SKEW", "DEFAULT_DIR", "EARLIEST", "MAX_CELLS", "MAX_CELL_CHARS", "MAX_FILE_BYTES", "MAX_ROWS",
           "MAX_TABS", "SHEET_URL", "SNAPSHOT_DIR_ENV", "load_snapshot", "read_snapshot", "save_snapshot",
           "snapshot_dir", "snapshot_path"]
