"""Catalogue entries (Vietnamese, English) for snapshots: merged by analysis/i18n/strings.py."""
from __future__ import annotations

SNAPSHOTS: dict[str, tuple[str, str]] = {
}
