"""analysis/i18n/formatting.py: numbers and dates as Vietnamese readers write them (and English)."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from analysis.i18n.formatting import DASH, day, number, percent, timestamp


@pytest.mark.parametrize("value, decimals, vi, en", [
    (1234.5, 1, "1.234,5", "1,234.5"),
    (1234, 0, "1.234", "1,234"),
    (1234.0, 1, "1.234", "1,234"),          # a trailing ,0 is dropped
    (1234567, 0, "1.234.567", "1,234,567"),
    (4086, 0, "4.086", "4,086"),
    (72.5, 1, "72,5", "72.5"),
    (0.875, 2, "0,88", "0.88"),
    (12.30, 2, "12,3", "12.3"),
    (-1234.56, 2, "-1.234,56", "-1,234.56"),
    (0, 0, "0", "0"),
    (999, 0, "999", "999"),
])
def test_number(value, decimals, vi, en):
    assert number(value, decimals) == vi
    assert number(value, decimals, "vi") == vi
    assert number(value, decimals, "en") == en


@pytest.mark.parametrize("ratio, vi, en", [
    (0.725, "72,5%", "72.5%"),
    (1.0, "100%", "100%"),
    (0.5, "50%", "50%"),
    (0.8333333333, "83,3%", "83.3%"),
    (13.62, "1.362%", "1,362%"),
    (0, "0%", "0%"),
])
def test_percent(ratio, vi, en):
    assert percent(ratio) == vi
    assert percent(ratio, "en") == en


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_values_show_a_dash(missing):
    assert number(missing) == DASH
    assert percent(missing) == DASH
    assert day(missing) == DASH


def test_day():
    assert day(date(2023, 3, 15)) == "15/03/2023"
    assert day(datetime(2023, 3, 5, 14, 30)) == "05/03/2023"
    assert day("khi nào") == "khi nào"


def test_timestamp_is_in_vietnam_time():

    assert timestamp(datetime(2024, 1, 2, 7, 5, tzinfo=UTC)) == "14:05 02/01/2024"
    assert timestamp(datetime(2024, 1, 2, 20, 5)) == "03:05 03/01/2024"  # naive is UTC: past midnight in Vietnam
