"""analysis/workbook/text.py: folding and tolerant matching of names."""
from __future__ import annotations

import unicodedata

import pytest

from analysis.workbook.text import Matcher, clean, fold, fold_ascii


def nfd(text: str) -> str:
    out = unicodedata.normalize("NFD", text)
    assert out != text  # the test really feeds decomposed text
    return out


def test_clean():
    assert clean("  Khóm \t  Vĩnh\n Phú ") == "Khóm Vĩnh Phú"
    assert clean(nfd("Khóm")) == "Khóm"
    assert clean("A\x00B\x1bC\x7f") == "ABC"


@pytest.mark.parametrize("typed", ["Khóm", "KHÓM", "khóm", "  Khóm  ", nfd("Khóm"), nfd("KHÓM ")])
def test_fold_ignores_case_spaces_and_normal_form(typed):
    assert fold(typed) == "khóm"


def test_fold_keeps_diacritics():
    assert fold("Khom") != fold("Khóm")
    assert fold("Mã sản  phẩm") == "mã sản phẩm"


@pytest.mark.parametrize("typed, expected", [
    ("Khóm", "khom"), ("KHÓM", "khom"), (nfd("Khóm"), "khom"), ("Mã sản phẩm", "ma san pham"),
    ("Đường thốt nốt", "duong thot not"), ("ĐÃ CÓ", "da co"), ("Ưu tiên", "uu tien"),
    ("Tuyên truyền", "tuyen truyen"),
])
def test_fold_ascii_drops_diacritics_and_d_stroke(typed, expected):
    assert fold_ascii(typed) == expected


TABS = {"Khóm": "areas", "Sản phẩm": "products", "Mã sản phẩm": "product_id", "Tuyên truyền": "outreach"}


@pytest.mark.parametrize("typed, expected", [
    ("Khóm", "areas"), ("KHÓM", "areas"), (" khóm ", "areas"), (nfd("Khóm"), "areas"),
    ("Khom", "areas"), ("KHOM", "areas"),
    ("Ma san pham", "product_id"), ("MA  SAN PHAM", "product_id"), ("mã sản phẩm", "product_id"),
    ("san pham", "products"), ("tuyen truyen", "outreach"),
])
def test_matcher_finds_canonical(typed, expected):
    assert Matcher(TABS).match(typed) == expected


@pytest.mark.parametrize("typed", ["Khóm 2", "Sản", "Mã", "", "Khám"])
def test_matcher_unknown_is_none(typed):
    assert Matcher(TABS).match(typed) is None


def test_ambiguous_ascii_spelling_does_not_match():
    # "Mã" and "Má" both fold to ASCII "ma": typed without diacritics it could be either.
    matcher = Matcher({"Mã": "code", "Má": "mother"})
    assert matcher.match("Ma") is None
    assert matcher.match("MA") is None
    # Written with their diacritics they are still found, in any case and normal form.
    assert matcher.match("Mã") == "code"
    assert matcher.match("MÁ") == "mother"
    assert matcher.match(nfd("Má")) == "mother"


def test_ascii_spellings_of_one_canonical_value_are_not_ambiguous():
    matcher = Matcher({"Zalo": "Mạng xã hội", "Mạng xã hội": "Mạng xã hội", "Mang xa hoi": "Mạng xã hội"})
    assert matcher.match("mang xa hoi") == "Mạng xã hội"
    assert matcher.match("ZALO") == "Mạng xã hội"


def test_exact_spelling_wins_over_ascii():
    # "Khom" typed exactly as a canonical spelling is that one, even though "Khóm" folds alike.
    matcher = Matcher({"Khom": "plain", "Khóm": "accented"})
    assert matcher.match("khom") == "plain"
    assert matcher.match("KHÓM") == "accented"
    assert matcher.match("Khòm") is None  # ambiguous in ASCII, not exact
