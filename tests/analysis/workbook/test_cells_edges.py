"""analysis/workbook/cells.py at every edge (issue 14): both sides of each bound, every cell type a
source delivers, every word of every word list, and the exact reason of every refusal.

Measured by mutation testing (`make mutation`, scripts/mutation.py): a change to a parser that no
test here or in test_cells.py notices is a gap, unless tests/mutation_equivalent.toml says why no
input can notice it.
"""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta

import pytest

from analysis.workbook import cells
from analysis.workbook import contract as c
from analysis.workbook.cells import (
    MAX_EXACT_INTEGER,
    MAX_YEAR,
    MIN_YEAR,
    SERIAL_EPOCH,
    Invalid,
    as_text,
    parse_code,
    parse_date,
    parse_doc_status,
    parse_id,
    parse_ids,
    parse_integer,
    parse_number,
    parse_stars,
    parse_text,
    parse_year,
    parse_yesno,
)

INF, NAN = float("inf"), float("nan")
HUGE = 10**400  # an int no float holds (a crafted .xlsx can store one)


def serial(day: date) -> int:
    return (day - SERIAL_EPOCH).days


def test_the_bounds_are_the_documented_ones():
    assert (MIN_YEAR, MAX_YEAR, MAX_EXACT_INTEGER) == (1990, 2100, 2**53)
    assert SERIAL_EPOCH == date(1899, 12, 30)


# --- every cell type through the text parsers ----------------------------------------------------

@pytest.mark.parametrize("cell, text", [
    (True, "TRUE"), (False, "FALSE"),
    (12, "12"), (-3, "-3"), (0, "0"), (12.0, "12"), (12.5, "12.5"), (1601234567.0, "1601234567"),
    (INF, "inf"),
    (datetime(2023, 3, 15), "15/03/2023"), (datetime(2023, 3, 15, 8, 30), "2023-03-15 08:30:00"),
    (date(2023, 3, 15), "15/03/2023"), (time(8, 30), "08:30:00"),
    ("  Hội  \n phụ nữ ", "Hội phụ nữ"), ("a\u00a0b", "a b"),
    (None, None), (NAN, None), ("", None), ("  \n\t", None), ("\x00\x1f", None),
])
def test_every_cell_type_as_text(cell, text):
    assert as_text(cell) == text
    assert parse_text(cell) == text


@pytest.mark.parametrize("cell, ids", [
    (12, ("12",)), (12.0, ("12",)), (12.5, ("12.5",)), (True, ("TRUE",)), (False, ("FALSE",)),
    (datetime(2023, 3, 15, 8, 30), ("2023-03-15 08:30:00",)), (date(2023, 3, 15), ("15/03/2023",)),
    (None, None), (NAN, None), ("", None), ("\n\r\n", None),
])
def test_every_cell_type_as_a_list(cell, ids):
    assert parse_ids(cell) == ids


@pytest.mark.parametrize("cell, expected", [
    (12, "12"), (12.5, "12.5"), (False, "FALSE"), (datetime(2023, 3, 15, 8, 30), "2023-03-15 08:30:00"),
    ("ct\n01", "CT 01"), (None, None), ("", None),
])
def test_every_cell_type_as_an_id(cell, expected):
    assert parse_id(cell) == expected


@pytest.mark.parametrize("cell, expected", [
    ("tt khom", "TT_KHOM"), (12, "12"), (None, None), (" ", None), ("a  b", "A_B"),
])
def test_codes(cell, expected):
    assert parse_code(cell) == expected


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    # both sides of each year bound, for every form a date can take
    (date(MIN_YEAR, 1, 1), date(1990, 1, 1)), (date(MAX_YEAR, 12, 31), date(2100, 12, 31)),
    (date(MIN_YEAR - 1, 12, 31), Invalid("date_out_of_range")),
    (date(MAX_YEAR + 1, 1, 1), Invalid("date_out_of_range")),
    (datetime(1990, 1, 1, 23, 59), date(1990, 1, 1)), (datetime(2101, 1, 1), Invalid("date_out_of_range")),
    ("01/01/1990", date(1990, 1, 1)), ("31/12/2100", date(2100, 12, 31)),
    ("31/12/1989", Invalid("date_out_of_range")), ("01/01/2101", Invalid("date_out_of_range")),
    ("1990-01-01", date(1990, 1, 1)), ("2101-01-01", Invalid("date_out_of_range")),
    (serial(date(1990, 1, 1)), date(1990, 1, 1)), (serial(date(2100, 12, 31)), date(2100, 12, 31)),
    (serial(date(1989, 12, 31)), Invalid("date_out_of_range")),
    (serial(date(2101, 1, 1)), Invalid("date_out_of_range")),
    (float(serial(date(2100, 12, 31))) + 0.99, date(2100, 12, 31)),
    (str(serial(date(1990, 1, 1))), date(1990, 1, 1)),
    # serials beyond any float, not finite, or beyond any date: each its own reason
    (HUGE, Invalid("date_out_of_range")), (INF, Invalid("date")), (-INF, Invalid("date")),
    (1e12, Invalid("date")), (1e7, Invalid("date")), (-1e7, Invalid("date")),
    (True, Invalid("date")), (False, Invalid("date")), (time(8, 30), Invalid("date")),
])
def test_date_bounds_and_reasons(cell, expected):
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell", [
    "15/03/2023 08:30", "15/03/2023 8:30", "15/03/2023 08:30:15", "15/03/2023T08:30", "15 / 03 / 2023",
    "15 -03- 2023", "2023-03-15 08:30", "2023-03-15T08:30:15.123", "2023-3-15", "45000.5", "45000,25",
])
def test_date_suffixes_and_spacing(cell):
    assert parse_date(cell) == date(2023, 3, 15)


@pytest.mark.parametrize("cell, reason", [
    ("15/03/2023 08", "date"), ("15/03/2023 08:30:15.5", "date"), ("15/03/2023x", "date"),
    ("2023-03-15 8", "date"), ("115/03/2023", "date"), ("15/03/20233", "date"), ("15/03/23", "date"),
    ("450", "date"), ("4500000", "date"), ("45000.", "date"),
    ("4500", "date_out_of_range"),  # four digits are a serial too: 4500 is 1912
    ("00/03/2023", "date_impossible"), ("2023-02-30", "date_impossible"),
])
def test_dates_that_are_not_read(cell, reason):
    assert parse_date(cell) == Invalid(reason)


# --- numbers, integers, years ----------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    (",5", 0.5), (".5", 0.5), ("-,5", -0.5), ("+.5", 0.5), ("1234.567", 1234.567), ("1.2345", 1.2345),
    ("12.34", 12.34), ("+5", 5.0), ("-1.200", -1200.0), ("1.234,56", 1234.56), ("1\u00a0200", 1200.0),
    ("1 234,5", 1234.5), (7, 7.0), (-2.5, -2.5),
])
def test_number_forms(cell, expected):
    assert parse_number(cell) == expected


@pytest.mark.parametrize("cell, reason", [
    (HUGE, "number_too_large"), (-HUGE, "number_too_large"), (INF, "number"), (-INF, "number"),
    (True, "number"), (False, "number"), (date(2023, 1, 1), "number"), (datetime(2023, 1, 1, 8), "number"),
    ("1.234.56", "number"), ("1,234.5", "number"), ("5,", "number"), ("5.", "number"), ("1..2", "number"),
    ("12a", "number"), ("--5", "number"), ("1.2345,6", "number"),
])
def test_number_refusals(cell, reason):
    assert parse_number(cell) == Invalid(reason)


@pytest.mark.parametrize("cell, expected", [
    (MAX_EXACT_INTEGER, 2**53), (-MAX_EXACT_INTEGER, -(2**53)), (float(2**53), 2**53), (str(2**53), 2**53),
    (2**53 + 2, Invalid("number_too_large")), (2**54, Invalid("number_too_large")),
    (-(2**54), Invalid("number_too_large")), (HUGE, Invalid("number_too_large")),
    (2.5, Invalid("integer")), ("0,5", Invalid("integer")), (INF, Invalid("number")), ("", None),
])
def test_integer_bounds(cell, expected):
    result = parse_integer(cell)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize("cell, expected", [
    (MIN_YEAR, 1990), (MAX_YEAR, 2100), ("1990", 1990), ("2100", 2100), (1990.0, 1990), ("2.100", 2100),
    (MIN_YEAR - 1, Invalid("year")), (MAX_YEAR + 1, Invalid("year")), ("1989", Invalid("year")),
    ("2101", Invalid("year")), (HUGE, Invalid("year")), (INF, Invalid("year")), (False, Invalid("year")),
    (date(1800, 1, 1), 1800),  # a date cell gives its year as it is: the date rules judge the date
    (datetime(2023, 5, 1, 8), 2023), ("", None), (NAN, None),
])
def test_year_bounds(cell, expected):
    result = parse_year(cell)
    assert result == expected
    assert type(result) is type(expected)


# --- yes/no: every word, every type -----------------------------------------------------------

YES_WORDS = ["co", "x", "✓", "✔", "yes", "y", "1", "true", "dung", "da dang ky", "roi"]
NO_WORDS = ["khong", "0", "no", "n", "false", "chua", "chua dang ky", "sai"]


def test_the_yesno_lists_are_exactly_these():
    assert cells._YES == set(YES_WORDS) and cells._NO == set(NO_WORDS)


@pytest.mark.parametrize("word", YES_WORDS + ["Có", "Đúng", "Đã đăng ký", "Rồi", "Y", "  YES "])
def test_every_yes_word(word):
    assert parse_yesno(word) is True


@pytest.mark.parametrize("word", NO_WORDS + ["Không", "Chưa", "Chưa đăng ký", "Sai", "N", "FALSE"])
def test_every_no_word(word):
    assert parse_yesno(word) is False


@pytest.mark.parametrize("cell, expected", [
    (True, True), (False, False), (1, True), (0, False), (1.0, True), (0.0, False), (-0.0, False),
    (2, True), (-1, True), (0.5, True), (1601234567, True), (1601234567.0, True), (HUGE, True),
    (INF, Invalid("yesno")), (-INF, Invalid("yesno")), (NAN, False), (None, False), ("", False),
    (date(2023, 1, 1), True), ("x x", Invalid("yesno")), ("ok", Invalid("yesno")),
])
def test_yesno_of_every_cell_type(cell, expected):
    assert parse_yesno(cell) == expected
    assert type(parse_yesno(cell)) is type(expected)


# --- document statuses: every word ------------------------------------------------------------

DOC_WORDS = {
    c.DOC_DONE: ["đã có", "có", "x", "✓", "✔", "rồi", "xong", "ok", "đủ", "hoàn thành"],
    c.DOC_IN_PROGRESS: ["đang làm", "đang", "đang chuẩn bị", "đang thực hiện", "đang bổ sung"],
    c.DOC_MISSING: ["chưa có", "chưa", "không", "thiếu"],
    c.DOC_NA: ["không áp dụng", "kad", "n/a", "na", "-", "—", "không cần"],
}


def test_the_document_lists_are_exactly_these():
    assert {status: list(words) for status, words in cells._DOC_WORDS.items()} == DOC_WORDS


@pytest.mark.parametrize("word, status", [(w, s) for s, words in DOC_WORDS.items() for w in words])
def test_every_document_word(word, status):
    assert parse_doc_status(word) == status
    assert parse_doc_status(word.upper()) == status
    assert parse_doc_status(unicodedata.normalize("NFD", word)) == status


@pytest.mark.parametrize("cell, expected", [
    (True, c.DOC_DONE), (False, c.DOC_MISSING), (None, c.DOC_MISSING), (NAN, c.DOC_MISSING),
    (1, Invalid("doc_status")), (0, Invalid("doc_status")), ("đã", Invalid("doc_status")),
])
def test_document_status_of_every_cell_type(cell, expected):
    assert parse_doc_status(cell) == expected


# --- stars ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    (1, 1), (5, 5), (1.0, 1), (5.0, 5), (0, Invalid("stars")), (6, Invalid("stars")), (0.0, Invalid("stars")),
    (5.5, Invalid("stars")), (0.5, Invalid("stars")), (-1, Invalid("stars")), (INF, Invalid("stars")),
    (True, Invalid("stars")), (False, Invalid("stars")), (date(2023, 1, 1), Invalid("stars")),
    ("1", 1), ("5", 5), ("0", Invalid("stars")), ("6", Invalid("stars")),
    ("1 sao", 1), ("5 SAO", 5), ("0 sao", Invalid("stars")), ("6 sao", Invalid("stars")),
    ("4*", 4), ("4 ★", 4), ("2 star", 2), ("3 stars", 3), ("3 Sao", 3), ("3 saos", Invalid("stars")),
    ("⭐⭐", 2), ("***", 3), ("★⭐*", 3), ("★★★★★", 5), ("⭐⭐⭐⭐⭐⭐", Invalid("stars")),
    ("★x", Invalid("stars")), ("", None), (NAN, None),
])
def test_star_bounds_and_forms(cell, expected):
    assert parse_stars(cell) == expected


# --- a day-first date of any kind that a source delivers --------------------------------------

def test_a_timedelta_overflow_is_a_date_refusal_not_a_crash():
    too_far = (date.max - SERIAL_EPOCH).days + 1
    assert parse_date(too_far) == Invalid("date")
    assert parse_date(float(too_far)) == Invalid("date")
    assert parse_date(timedelta.max.days + 1) == Invalid("date")
