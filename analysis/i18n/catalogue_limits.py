"""Catalogue entries (Vietnamese, English) for limits: merged by analysis/i18n/strings.py."""
from __future__ import annotations

LIMITS: dict[str, tuple[str, str]] = {
}
