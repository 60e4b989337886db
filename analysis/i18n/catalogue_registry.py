"""Catalogue entries (Vietnamese, English) for the province view (registry): merged by analysis/i18n/strings.py."""
from __future__ import annotations

REGISTRY: dict[str, tuple[str, str]] = {
}
