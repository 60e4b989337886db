"""Catalogue entries (Vietnamese, English) for access: merged by analysis/i18n/strings.py."""
from __future__ import annotations

ACCESS: dict[str, tuple[str, str]] = {
}
