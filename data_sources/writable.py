"""Where a default folder goes when it cannot be written.

The snapshots (.snapshots/) and the province store (.store/) default to folders beside the app. Where the
app's own folder is read-only (a container whose /app belongs to root, a host that mounts the repository
read-only), they fall back to a folder of the system's temporary directory, one per user, so the dashboard
still starts and still keeps its snapshots for as long as that directory lives. OCOP_SNAPSHOT_DIR and
OCOP_STORE always win, and a writable default is kept exactly as it was.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def can_write(folder: Path) -> bool:
    """`folder` is writable, or can be made: its nearest existing ancestor is a writable folder."""
    existing = Path(folder).absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    return existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)


def writable_or_temp(default: Path, name: str) -> Path:
    """`default` when it can be written, else <temporary directory>/<name>-<uid>."""
    if can_write(default):
        return default
    return Path(tempfile.gettempdir()) / f"{name}-{os.getuid()}"
