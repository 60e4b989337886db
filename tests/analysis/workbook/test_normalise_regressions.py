"""Workbooks that once broke analysis.workbook.normalise, found by test_normalise_fuzz.py; kept as plain tests."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from analysis.workbook import contract as c
from analysis.workbook.cells import PARSERS, Invalid, parse_date, parse_integer, parse_number
from analysis.workbook.dataset import RowCount
from analysis.workbook.normalise import normalise


def _headers(key: str) -> list[str]:
    return [col.header for col in c.TABS_BY_KEY[key].columns]


@pytest.mark.parametrize("cell", [date(2263, 1, 1), datetime(2263, 1, 1, 8, 0), date(1, 1, 1), datetime(9999, 12, 31)])
def test_a_real_date_cell_beyond_pandas_range_is_out_of_range_not_a_crash(cell):
    """Found by hypothesis: a date cell in year 2263 reached the datetime64[ns] column
    (which ends in 2262) and normalise() raised OutOfBoundsDatetime. Date cells now get
    the same 1990-2100 range check as typed dates and serial numbers."""
    header = _headers("products")
    row = ["SP01", "Mắm tôm"] + [None] * (len(header) - 2)
    row[header.index("Ngày rà soát")] = cell
    ds = normalise({"Sản phẩm": [header, row]})
    assert ds.accounting["products"] == RowCount(1, 1, 0)
    assert ds.tables["products"]["surveyed_on"].isna().all()
    issues = ds.issues[ds.issues["column"] == "Ngày rà soát"]
    assert list(issues["reason"]) == ["date_out_of_range"]


def test_the_minimal_fuzz_example():
    header = _headers("products")
    row = ["x" * 50_000] * len(header)
    row[4] = date(2263, 1, 1)
    ds = normalise({"Khóm": [["Khóm"], ["Khóm 1"]], "Sản phẩm": [header, row]})
    counts = ds.accounting["products"]
    assert counts.read == counts.accepted + counts.rejected == 1


def test_date_cells_in_range_are_still_dates():
    assert parse_date(datetime(2023, 3, 15, 18, 0)) == date(2023, 3, 15)
    assert parse_date(date(1990, 1, 1)) == date(1990, 1, 1)
    assert parse_date(date(1989, 12, 31)) == Invalid("date_out_of_range")


@pytest.mark.parametrize("cell", [1.8446744073709552e19, 2**64, 2**63, 10**20, "99999999999999999999", 2**53 + 2])
def test_a_whole_number_too_large_for_int64_is_invalid_not_a_crash(cell):
    """Found by hypothesis: Số hộ = 1.8446744073709552e+19 passed the parser (a whole,
    non-negative number) and the Int64 column raised OverflowError / TypeError."""
    ds = normalise({"Khóm": [["Khóm", "Số hộ"], ["Khóm 1", cell]]})
    assert ds.accounting["areas"] == RowCount(1, 1, 0)
    assert ds.tables["areas"]["households"].isna().all()
    assert list(ds.issues.loc[ds.issues["tab"] == "Khóm", "reason"]) == ["number_too_large"]


def test_integers_up_to_two_to_the_53_are_kept():
    assert parse_integer(2**53) == 2**53 and parse_integer(-(2**53)) == -(2**53)
    assert parse_integer(2**53 + 2) == Invalid("number_too_large")


@pytest.mark.parametrize("kind", sorted(PARSERS))
@pytest.mark.parametrize("cell", [10**400, -(10**400)])
def test_an_int_beyond_any_float_does_not_crash_a_parser(kind, cell):
    """An .xlsx can hold a 400-digit integer (openpyxl reads it as a Python int); float() of it
    raises OverflowError in the date, number, yes/no and stars parsers."""
    assert PARSERS[kind](cell) is not None


def test_an_int_beyond_any_float_in_every_column():
    tabs = {t.title: [_headers(t.key), [10**400] * len(t.columns)] for t in c.TABS if not t.key_value}
    ds = normalise(tabs)
    for key, counts in ds.accounting.items():
        assert counts.read == counts.accepted + counts.rejected, key
    assert parse_number(10**400) == Invalid("number_too_large")
