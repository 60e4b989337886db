"""Catalogue entries (Vietnamese, English) for privacy: merged by analysis/i18n/strings.py."""
from __future__ import annotations

PRIVACY: dict[str, tuple[str, str]] = {
}
