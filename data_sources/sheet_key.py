"""The shape of a Google Sheets key or link, so a source string is recognised without gspread.

A bare key is what Google gives today: 44 characters of [A-Za-z0-9_-] starting with "1" (accepted:
30 to 64). Anything else (`ocop-data-2024-final-v2`, `data/ward.xlsx`, a folder) is a path.
"""
from __future__ import annotations

import re

KEY_CHARS = r"[A-Za-z0-9_-]{20,}"  # inside a link, where the URL itself says it is a spreadsheet
BARE_KEY_RE = re.compile(r"^1[A-Za-z0-9_-]{29,63}$")
URL_RE = re.compile(rf"^(?:https?://)?docs\.google\.com/spreadsheets/(?:u/\d+/)?d/({KEY_CHARS})(?:[/?#].*)?$")


def looks_like_sheet(value: str) -> bool:
    """A Google Sheets link (docs.google.com/spreadsheets/...) or a bare key's shape."""
    text = value.strip()
    return "docs.google.com/spreadsheets" in text or bool(BARE_KEY_RE.match(text))
