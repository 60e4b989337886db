"""Catalogue entries (Vietnamese, English) for the province report: merged by analysis/i18n/strings.py."""
from __future__ import annotations

PROVINCE_REPORT: dict[str, tuple[str, str]] = {
}
