"""analysis/workbook/clock.py: the ward's clock is Vietnam time, whatever the server's zone."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from analysis.workbook import clock


def test_an_aware_time_is_shown_in_vietnam():
    moment = clock.local(datetime(2023, 12, 31, 17, 30, tzinfo=UTC))
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == (2024, 1, 1, 0, 30)
    assert moment.utcoffset() == timedelta(hours=7)


def test_a_naive_time_is_taken_as_utc():
    assert clock.local(datetime(2023, 3, 15, 2, 0)).hour == 9


def test_no_daylight_saving():
    assert {clock.local(datetime(2023, m, 1, tzinfo=UTC)).utcoffset() for m in range(1, 13)} == {
        timedelta(hours=7)}


def test_today_is_the_date_in_vietnam():
    now = datetime.now(UTC)
    assert clock.today() in {(now + timedelta(hours=7)).date(), (datetime.now(UTC) + timedelta(hours=7)).date()}
