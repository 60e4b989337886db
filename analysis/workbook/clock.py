"""The ward's clock: Vietnam time (UTC+7, no daylight saving), whatever the server's zone."""
from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def local(value: datetime) -> datetime:
    """An aware time in Vietnam's time zone (a naive one is taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VIETNAM)


def today() -> date:
    """Today's date in Vietnam."""
    return datetime.now(VIETNAM).date()
