"""analysis/policy/phones.py: phone numbers found and masked inside any text, and what is not a phone."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.policy.phones import find_phones, mask_digits, mask_phones_in, mask_phones_in_series


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Trần Văn Hùng 0901 234 101", "Trần Văn Hùng 09•• ••• •01"),
        ("0901.234.101", "09••.•••.•01"),
        ("090-123-4101", "09•-•••-••01"),
        ("0901234101", "09••••••01"),
        ("+84 901 234 101", "+84 ••• ••• •01"),
        ("+84901234101", "+84•••••••01"),
        ("84901234101", "84•••••••01"),
        ("+84 (0) 901 234 101", "+84 (•) ••• ••• •01"),
        ("(+84) 296 3852123", "(+84) ••• •••••23"),
        ("(0296) 3 852 123", "(02••) • ••• •23"),
        ("0296.3852123", "02••.•••••23"),
        ("024 3825 1234", "02• •••• ••34"),
        ("0763 852 123", "07•• ••• •23"),  # a landline before 2017: 10 digits
        ("ĐT0901234101", "ĐT09••••••01"),  # glued to letters
        ("SĐT: 0901234101, 0296 3852123.", "SĐT: 09••••••01, 02•• •••••23."),
        ("Hẹn 15/03/2023, gọi 0901\u00a0234\u00a0101", "Hẹn 15/03/2023, gọi 09••\u00a0•••\u00a0•01"),
        ("0901 234 101 5 người", "09•• ••• •01 5 người"),
        ("năm 2023 0901234101", "năm 2023 09••••••01"),
    ],
)
def test_phones_are_masked(text, masked):
    assert mask_phones_in(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "15/03/2023",
        "2023-03-15",
        "Kinh phí 1.250.000 đồng",
        "Doanh thu 1.250.000.000",
        "ĐKKD 1601234567",  # 10 digits starting 1-9: a registration number
        "MST 0301234567-001",  # a branch tax code: glued to a longer number
        "Năm 2023, điểm 85, 4 sao",
        "CT-0901234101-2",
        "1.0901234101",
        "0901234101.5",
        "912345678",  # the leading 0 dropped: only the phone column masks it
        "00901234101",
        "0123",
        "Số 12/2023/QĐ-UBND ngày 01/02/2023",
        "",
    ],
)
def test_not_phones_are_left_alone(text):
    assert mask_phones_in(text) == text
    assert find_phones(text) == []


@pytest.mark.parametrize("value", [None, 901234101, 0.5, float("nan"), ("CT01",)])
def test_anything_but_text_is_returned_as_it_is(value):
    assert mask_phones_in(value) is value


def test_mask_digits_keeps_two_digits_at_each_end():
    assert mask_digits("0912 345 678") == "09•• ••• •78"
    assert mask_digits("12345") == "•••••"


def test_find_phones_returns_them_as_written():
    assert find_phones("gọi 0901.234.101 hoặc +84 296 3852123") == ["0901.234.101", "+84 296 3852123"]


@pytest.mark.parametrize("dtype", [object, "str"])
def test_series_masked_and_clean_series_returned_as_is(dtype):
    series = pd.Series(["gọi 0901 234 101", None, "ngày 15/03/2023", "gọi 0901 234 101"], index=[5, 5, 7, 9],
                       dtype=dtype)
    masked = mask_phones_in_series(series)
    assert masked.iloc[0] == masked.iloc[3] == "gọi 09•• ••• •01"
    assert pd.isna(masked.iloc[1]) and masked.iloc[2] == "ngày 15/03/2023"
    assert list(masked.index) == [5, 5, 7, 9] and masked.dtype == series.dtype
    assert series.iloc[0] == "gọi 0901 234 101"  # the original untouched
    clean = pd.Series(["ngày 15/03/2023", "1.250.000"], dtype=dtype)
    assert mask_phones_in_series(clean) is clean


def test_series_of_mixed_values_and_non_text_columns():
    mixed = pd.Series(["0901234101", 12, None], dtype=object)
    assert mask_phones_in_series(mixed).tolist()[0] == "09••••••01"
    numbers = pd.Series([901234101, 1601234567])
    assert mask_phones_in_series(numbers) is numbers
