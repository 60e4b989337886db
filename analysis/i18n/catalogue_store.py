"""Catalogue entries (Vietnamese, English) for the province view (store): merged by analysis/i18n/strings.py."""
from __future__ import annotations

STORE: dict[str, tuple[str, str]] = {
}
