"""Catalogue entries (Vietnamese, English) for the province view (province): merged by analysis/i18n/strings.py."""
from __future__ import annotations

PROVINCE: dict[str, tuple[str, str]] = {
}
