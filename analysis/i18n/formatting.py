"""Numbers and dates as Vietnamese readers write them: 1.234,5 and 15/03/2023."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from analysis.workbook.clock import local
from analysis.workbook.values import is_missing

DASH = "—"


def number(value: Any, decimals: int = 0, lang: str = "vi") -> str:
    """1234.5 -> `1.234,5` (vi) or `1,234.5` (en); trailing ,0 dropped."""
    if is_missing(value):
        return DASH
    text = f"{float(value):,.{decimals}f}"
    if decimals and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(ratio: Any, lang: str = "vi") -> str:
    """0.725 -> `72,5%`."""
    return DASH if is_missing(ratio) else number(ratio * 100, 1, lang) + "%"


def day(value: Any) -> str:
    """A date as `15/03/2023`."""
    if is_missing(value):
        return DASH
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)


def timestamp(value: datetime) -> str:
    """`09:15 28/11/2026`, in Vietnam's time."""
    return local(value).strftime("%H:%M %d/%m/%Y")
