"""The last good read of a source, kept on disk so the dashboard survives Google being down.

One JSON file per source location, named by a hash of the location (no key or path
in the file name). JSON rather than pickle: loading a pickle runs code, and a
snapshot is data. Cells are tagged where JSON has no type of its own, so every
cell comes back exactly as the source gave it:

    datetime -> {"$datetime": "2023-03-15T18:00:00"}     date -> {"$date": "2023-03-15"}
    time     -> {"$time": "18:00:00"}                    timedelta -> {"$timedelta": seconds}
    nan/inf  -> {"$float": "nan" | "inf" | "-inf"}

A cell is never a dict, so a dict in the file is always a tag.

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
import tempfile
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from data_sources.raw import RawWorkbook

SNAPSHOT_DIR_ENV = "OCOP_SNAPSHOT_DIR"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / ".snapshots"  # in .gitignore
FORMAT, VERSION = "ocop-snapshot", 1


def snapshot_dir(env: Mapping[str, str] | None = None) -> Path:
    """OCOP_SNAPSHOT_DIR, else .snapshots/ at the repository root."""
    env = os.environ if env is None else env
    value = (env.get(SNAPSHOT_DIR_ENV) or "").strip()
    return Path(value) if value else DEFAULT_DIR


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


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        ((tag, text),) = value.items()
        return _DECODERS[tag](text)
    return value


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


def load_snapshot(location: str, directory: Path | None = None) -> RawWorkbook | None:
    """The snapshot saved for `location`; None when there is none or it cannot be read."""
    directory = snapshot_dir() if directory is None else Path(directory)
    try:
        document = json.loads(snapshot_path(location, directory).read_bytes().decode("utf-8"))
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            return None
        if document["location"] != location:  # a hash collision, or a file copied by hand
            return None
        tabs = {}
        for title, rows in document["tabs"]:
            if not isinstance(title, str) or not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                return None
            tabs[title] = [[_decode(v) for v in row] for row in rows]
        read_at = datetime.fromisoformat(document["read_at"])
        return RawWorkbook(tabs=tabs, kind=str(document["kind"]), location=location,
                           title=str(document.get("title") or ""), url=document.get("url"), read_at=read_at)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, OverflowError):
        return None


__all__ = ["DEFAULT_DIR", "SNAPSHOT_DIR_ENV", "load_snapshot", "save_snapshot", "snapshot_dir", "snapshot_path"]
