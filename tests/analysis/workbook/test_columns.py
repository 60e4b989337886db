"""analysis/workbook/columns.py: cells parsed once per distinct value, vocabularies, pandas dtypes."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analysis.workbook import contract as c
from analysis.workbook.cells import Invalid
from analysis.workbook.columns import blank_mask, empty_typed_table, parse_column
from analysis.workbook.dataset import ROW
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import book, issues_of, nfd, only_issue, slim

# --- dtypes ----------------------------------------------------------------------------------

def test_output_dtypes():
    ds = normalise(book())
    products, outreach, areas, targets = (ds.tables[k] for k in ("products", "outreach", "areas", "targets"))
    assert str(products["surveyed_on"].dtype) == "datetime64[ns]"
    assert str(products["certified_on"].dtype) == "datetime64[ns]"   # a missing column too
    assert str(outreach["held_on"].dtype) == "datetime64[ns]"
    assert str(products["score"].dtype) == "Float64"
    assert str(targets["target"].dtype) == "Float64"
    assert str(outreach["attendees"].dtype) == "Int64"
    assert str(areas["households"].dtype) == "Int64"
    assert str(targets["year"].dtype) == "Int64"
    assert str(products["stars"].dtype) == "Int64"
    assert list(products[ROW]) == [2, 3]


# --- vocabulary ------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("vinh phu", "Vĩnh Phú"), ("VĨNH PHÚ", "Vĩnh Phú"), (nfd("Vĩnh Phú"), "Vĩnh Phú"),
    ("vinh chanh 1", "Vĩnh Chánh 1"), ("Toàn phường", c.WHOLE_WARD), ("toan phuong", c.WHOLE_WARD),
    ("Cả phường", c.WHOLE_WARD), ("tất cả các khóm", c.WHOLE_WARD),
])
def test_outreach_khom_matching(typed, expected):
    outreach = [["Ngày", "Khóm"], [date(2023, 1, 5), typed]]
    ds = normalise(slim("Tuyên truyền", outreach))
    assert issues_of(ds, "Tuyên truyền").empty
    assert ds.tables["outreach"].loc[0, "area"] == expected


def test_producer_khom_is_only_a_khom():
    producers = [["Mã chủ thể", "Tên chủ thể", "Khóm"], ["CT01", "A", "vinh phu"], ["CT02", "B", "Toàn phường"]]
    ds = normalise(book(Chủ_thể=producers))
    assert list(ds.tables["producers"]["area"].fillna("-")) == ["Vĩnh Phú", "-"]
    assert only_issue(ds, "Chủ thể", "vocab")["value"] == "Toàn phường"


@pytest.mark.parametrize("header, typed, expected", [
    ("Hình thức", "Zalo", "Mạng xã hội"), ("Hình thức", "facebook", "Mạng xã hội"),
    ("Hình thức", "hop dan", "Họp dân"), ("Hình thức", "Loa", "Đài truyền thanh"),
    ("Hình thức", "tờ rơi", "Tài liệu - tờ rơi"), ("Nội dung", "ATTP", "An toàn thực phẩm"),
    ("Nội dung", "ocop", "OCOP"), ("Nội dung", "moi truong", "Môi trường"),
])
def test_outreach_vocabulary_and_aliases(header, typed, expected):
    outreach = [["Ngày", header], [date(2023, 1, 5), typed]]
    ds = normalise(slim("Tuyên truyền", outreach))
    assert issues_of(ds, "Tuyên truyền").empty, ds.issues.to_string()
    key = {"Hình thức": "channel", "Nội dung": "topic"}[header]
    assert ds.tables["outreach"].loc[0, key] == expected


def test_product_vocabulary_and_aliases():
    products = [["Mã sản phẩm", "Tên sản phẩm", "Nhóm sản phẩm", "Giai đoạn", "Mức tiềm năng"],
                ["SP01", "A", "Du lịch", "da nop ho so", "trung binh"],
                ["SP02", "B", "thu cong my nghe", "ĐÃ ĐĂNG KÝ", "Cao"]]
    ds = normalise(book(Sản_phẩm=products))
    assert issues_of(ds, "Sản phẩm").empty, ds.issues.to_string()
    table = ds.tables["products"]
    assert list(table["group"]) == [c.TOURISM_GROUP, c.HANDICRAFT_GROUP]
    assert list(table["stage"]) == ["Đã nộp hồ sơ", "Đã đăng ký"]
    assert list(table["potential"]) == ["Trung bình", "Cao"]


# --- a known defect --------------------------------------------------------------------------

def test_true_and_1_in_one_column_are_read_separately():
    outreach = [["Ngày", "Số người tham dự"], [date(2023, 1, 1), True], [date(2023, 1, 2), 1]]
    ds = normalise(book(Tuyên_truyền=outreach))
    # A TRUE cell is not a number (a warning, blank); the 1 below it is one attendee.
    assert list(ds.tables["outreach"]["attendees"].astype(object).fillna(-1)) == [-1, 1]
    issue = only_issue(ds, "Tuyên truyền", "number")
    assert (issue["row"], issue["value"]) == (2, "TRUE")


# --- the functions themselves ----------------------------------------------------------------

def test_parse_column_parses_each_distinct_value_once():
    seen = []

    def parse(value):
        seen.append(value)
        return Invalid("number") if value == "x" else value

    values, invalid = parse_column(pd.Series(["a", "x", "a", None, "a", "x"], dtype=object), parse)
    assert seen == ["a", "x", None]  # each distinct value once, then once for the blanks
    assert list(values[[0, 2, 3, 4]]) == ["a", "a", None, "a"]
    assert list(invalid) == [False, True, False, False, False, True]


def test_blank_mask_and_its_factorized_columns():
    frame = pd.DataFrame([["a", None], ["  ", 3], [np.nan, ""]], dtype=object)
    factorized = {}
    assert blank_mask(frame, factorized).tolist() == [[False, True], [True, False], [True, True]]
    assert set(factorized) == {0, 1}
    codes, uniques = factorized[0]
    assert list(uniques[codes[:2]]) == ["a", "  "] and codes[2] == -1


def test_an_empty_typed_table_has_every_column_and_dtype():
    table = empty_typed_table(c.TABS_BY_KEY["products"])
    assert list(table.columns) == [col.key for col in c.TABS_BY_KEY["products"].columns] + [ROW]
    assert str(table["score"].dtype) == "Float64" and str(table["surveyed_on"].dtype) == "datetime64[ns]"
