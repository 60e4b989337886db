"""analysis/workbook/cells.py: one group of tests per reading rule of docs/WORKBOOK.md."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest

from analysis.workbook import contract as c
from analysis.workbook.cells import (
    Invalid,
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
    stars_from_score,
)

MARCH_15 = date(2023, 3, 15)


# --- dates: day-first, every listed form ------------------------------------------------------

@pytest.mark.parametrize("cell", [
    datetime(2023, 3, 15),            # a real date cell (openpyxl gives datetime)
    datetime(2023, 3, 15, 0, 0, 0),
    MARCH_15,                         # a real date
    45000,                            # spreadsheet serial number, int
    45000.0,                          # ... as float
    45000.75,                         # ... with a time of day
    "45000",                          # ... as numeric text
    "45000,5",                        # ... numeric text with a decimal comma
    "15/03/2023",
    "15/3/2023",
    "15-03-2023",
    "15.03.2023",
    " 15/03/2023 ",
    "2023-03-15",                     # ISO
    "2023-03-15T00:00:00",
])
def test_date_forms_read_as_15_march_2023(cell):
    assert parse_date(cell) == MARCH_15


def test_date_is_day_first():
    assert parse_date("03/04/2023") == date(2023, 4, 3)
    assert parse_date("2/6/2023") == date(2023, 6, 2)
    assert parse_date("12/01/2024") == date(2024, 1, 12)


@pytest.mark.parametrize("cell, reason", [
    ("31/02/2023", "date_impossible"),
    ("29/02/2023", "date_impossible"),
    ("15/13/2023", "date_impossible"),
    ("hôm qua", "date"),
    ("15/03", "date"),
    ("tháng 3/2023", "date"),
    (True, "date"),
    ("01/01/1800", "date_out_of_range"),
    (1, "date_out_of_range"),          # serial 1 is 31/12/1899: a typo, not a date
])
def test_unreadable_dates_are_invalid_with_a_reason(cell, reason):
    assert parse_date(cell) == Invalid(reason)


def test_leap_day_is_a_real_date():
    assert parse_date("29/02/2024") == date(2024, 2, 29)


@pytest.mark.parametrize("cell", [None, "", "   ", float("nan")])
def test_blank_date_is_none(cell):
    assert parse_date(cell) is None


# --- numbers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("1200", 1200.0),
    ("1.200", 1200.0),          # dot before exactly three digits: thousands
    ("1.234.567", 1234567.0),
    ("1.234,5", 1234.5),        # thousands dots and a decimal comma
    ("72,5", 72.5),
    ("72.5", 72.5),
    ("-5", -5.0),
    (" 85 ", 85.0),
    ("1 200", 1200.0),
    (3, 3.0),
    (2.5, 2.5),
    (0, 0.0),
])
def test_numbers(cell, expected):
    result = parse_number(cell)
    assert isinstance(result, float)
    assert result == expected


@pytest.mark.parametrize("cell", ["khoảng 50", "50 người", "nhiều", "12.34.56", True, False,
                                  date(2023, 1, 1), float("inf")])
def test_text_and_bools_are_not_numbers(cell):
    assert parse_number(cell) == Invalid("number")


def test_blank_number_is_none():
    assert parse_number(None) is None
    assert parse_number("  ") is None


# --- integers and years ----------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("1.200", 1200), (1200, 1200), (85.0, 85), ("85", 85), ("1.234.567", 1234567),
])
def test_integers(cell, expected):
    result = parse_integer(cell)
    assert result == expected and isinstance(result, int)


def test_integer_rejects_fractions_and_text():
    assert parse_integer("72,5") == Invalid("integer")
    assert parse_integer(2.5) == Invalid("integer")
    assert parse_integer("khoảng 50") == Invalid("number")
    assert parse_integer(None) is None


@pytest.mark.parametrize("cell", [2023, 2023.0, "2023", " 2023 ", date(2023, 5, 1),
                                  datetime(2023, 5, 1)])
def test_years(cell):
    assert parse_year(cell) == 2023


@pytest.mark.parametrize("cell", ["năm nay", 1800, 3000, "23", 2023.5, True])
def test_bad_years_are_invalid(cell):
    assert parse_year(cell) == Invalid("year")


def test_blank_year_is_none():
    assert parse_year(None) is None


# --- yes/no ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["Có", "có", "CÓ", "co", "x", "X", "✓", "yes", "Yes", "1", "true",
                                  "TRUE", 1, 1.0, True, "52A8012345", "Số 52A8012345",
                                  unicodedata.normalize("NFD", "Có")])
def test_yes(cell):
    assert parse_yesno(cell) is True


@pytest.mark.parametrize("cell", ["Không", "không", "KHONG", "0", "no", "No", 0, 0.0, False,
                                  None, "", "  "])
def test_no(cell):
    assert parse_yesno(cell) is False


@pytest.mark.parametrize("cell", ["có lẽ", "???", "abc"])
def test_unclear_yesno_is_invalid(cell):
    assert parse_yesno(cell) == Invalid("yesno")


def test_registration_number_typed_as_a_number_is_yes():
    # WORKBOOK.md: "a registration number means yes". As text "1601234567" it is yes;
    # the same digits in a numeric cell must mean the same.
    assert parse_yesno("1601234567") is True
    assert parse_yesno(1601234567) is True


# --- dossier document statuses ---------------------------------------------------------------

DOC_ALIASES = {
    c.DOC_DONE: ["Đã có", "có", "x", "✓", "rồi", "xong", "ok", "ĐÃ CÓ", "da co", "Da Co", "OK", "X",
                 unicodedata.normalize("NFD", "Đã có")],
    c.DOC_IN_PROGRESS: ["Đang làm", "đang", "đang chuẩn bị", "ĐANG LÀM", "dang lam", "dang chuan bi"],
    c.DOC_MISSING: ["Chưa có", "chưa", "không", "CHƯA CÓ", "chua co", "khong", None, "", "  "],
    c.DOC_NA: ["Không áp dụng", "KAD", "kad", "N/A", "n/a", "-", "KHÔNG ÁP DỤNG", "khong ap dung"],
}


@pytest.mark.parametrize("cell, status", [(cell, status) for status, cells in DOC_ALIASES.items()
                                          for cell in cells])
def test_doc_status_aliases(cell, status):
    assert parse_doc_status(cell) == status


@pytest.mark.parametrize("cell", ["có lẽ", "50%", "???"])
def test_unknown_doc_status_is_invalid(cell):
    assert parse_doc_status(cell) == Invalid("doc_status")


# --- stars -----------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, stars", [
    (3, 3), (3.0, 3), ("3", 3), ("3 sao", 3), ("3 SAO", 3), ("3sao", 3), ("★★★", 3), ("★ ★ ★", 3),
    ("★", 1), ("★★★★★", 5), ("5 sao", 5), (1, 1),
])
def test_stars(cell, stars):
    assert parse_stars(cell) == stars


@pytest.mark.parametrize("cell", [6, 0, "6", "6 sao", "★★★★★★", 3.5, "ba sao", True])
def test_bad_stars_are_invalid(cell):
    assert parse_stars(cell) == Invalid("stars")


def test_blank_stars_is_none():
    assert parse_stars(None) is None
    assert parse_stars(" ") is None


@pytest.mark.parametrize("score, stars", [
    (0, 1), (29, 1), (30, 2), (49, 2), (49.9, 2), (50, 3), (69, 3), (69.9, 3), (70, 4), (89, 4),
    (89.99, 4), (90, 5), (100, 5),
])
def test_stars_from_score_bands(score, stars):
    assert stars_from_score(score) == stars


def test_stars_from_no_score_is_none():
    assert stars_from_score(None) is None
    assert stars_from_score(float("nan")) is None


# --- lists, ids, codes -----------------------------------------------------------------------

@pytest.mark.parametrize("cell, ids", [
    ("CT01, CT02; CT03", ("CT01", "CT02", "CT03")),
    ("ct01;ct02", ("CT01", "CT02")),
    ("CT01, ct01; CT02 , CT01", ("CT01", "CT02")),   # upper-cased, then de-duplicated, order kept
    ("CT05", ("CT05",)),
    (" CT01 ,, ; CT02 ", ("CT01", "CT02")),
    ("CT01\nCT02", ("CT01", "CT02")),                # one id per line (Alt+Enter): contract 1.1
    ("CT01\r\nCT02", ("CT01", "CT02")),              # ... with a Windows line break
    ("CT01\rCT02", ("CT01", "CT02")),
    ("CT01,\n CT02;\n\nct03", ("CT01", "CT02", "CT03")),
    ("CT 01\tx\nCT02", ("CT 01 X", "CT02")),        # inside an id, white space is cleaned as in text
    ("C\x00T01", ("CT01",)),                         # control characters removed
])
def test_list_cells(cell, ids):
    assert parse_ids(cell) == ids


@pytest.mark.parametrize("cell", [None, "", " ", ",", " ; , "])
def test_empty_list_cell_is_none(cell):
    assert parse_ids(cell) is None


def test_ids_are_upper_cased_and_trimmed():
    assert parse_id(" sp01 ") == "SP01"
    assert parse_id(12.0) == "12"
    assert parse_id(None) is None


def test_codes_are_upper_cased_with_underscores():
    assert parse_code("sp ocop") == "SP_OCOP"
    assert parse_code(" TT_KHOM ") == "TT_KHOM"
    assert parse_code("") is None


# --- text ------------------------------------------------------------------------------------

def test_text_is_nfc_normalised():
    nfd = unicodedata.normalize("NFD", "Khóm Vĩnh Phú")
    assert nfd != "Khóm Vĩnh Phú"
    result = parse_text(nfd)
    assert result == "Khóm Vĩnh Phú"
    assert unicodedata.is_normalized("NFC", result)


def test_text_loses_control_characters_and_extra_spaces():
    assert parse_text("Nguyễn\x00 Văn\x07An\x1f") == "Nguyễn VănAn"
    assert parse_text("  Hội   Phụ\tnữ \n") == "Hội Phụ nữ"
    assert parse_text("\x0b\x0c") is None


def test_text_of_other_cells():
    assert parse_text(None) is None
    assert parse_text(12.0) == "12"
    assert parse_text(datetime(2023, 3, 15)) == "15/03/2023"
    assert parse_text(True) == "TRUE"
