"""analysis/workbook/headers.py: tab titles and header rows, matched tolerantly (read through normalise())."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, RowCount
from analysis.workbook.headers import HEADER_SEARCH_ROWS, find_tabs, locate_header, missing_required
from analysis.workbook.issues import Issues
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import BASE, book, issues_of, nfd, only_issue

# --- tab names -------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["KHÓM", "khom", "Khom", nfd("Khóm"), "  Khóm ", "areas"])
def test_tolerant_tab_names(title):
    ds = normalise({title: BASE["Khóm"]})
    assert ds.found_tabs["areas"] == title
    assert list(ds.tables["areas"]["name"]) == ["Vĩnh Chánh 1", "Vĩnh Phú"]
    assert "Khóm" not in set(issues_of(ds, reason="tab_missing")["tab"])
    assert issues_of(ds, reason="tab_unknown").empty


@pytest.mark.parametrize("title", ["SAN PHAM", "sản  phẩm", nfd("Sản phẩm"), "Sản Phẩm"])
def test_tolerant_product_tab_names(title):
    ds = normalise({title: BASE["Sản phẩm"]})
    assert ds.found_tabs["products"] == title
    assert len(ds.tables["products"]) == 2


def test_unknown_tab_is_a_notice():
    wb = book()
    wb["Nháp"] = [["gì cũng được"]]
    ds = normalise(wb)
    issue = only_issue(ds, "Nháp", "tab_unknown")
    assert issue["severity"] == NOTICE


def test_second_tab_with_the_same_name_is_a_notice():
    wb = book()
    wb["KHOM"] = [["Khóm"], ["Khóm Khác"]]
    ds = normalise(wb)
    issue = only_issue(ds, "KHOM", "tab_duplicate")
    assert issue["severity"] == NOTICE and issue["params"] == {"first": "Khóm"}
    assert list(ds.tables["areas"]["name"]) == ["Vĩnh Chánh 1", "Vĩnh Phú"]  # the first tab is read


# --- headers ---------------------------------------------------------------------------------

def test_tolerant_headers_in_any_order():
    products = [
        ["ten san pham", "  ĐIỂM  ĐÁNH GIÁ ", nfd("Mã chủ thể"), "MÃ SẢN PHẨM", "so sao", "Ngày Rà Soát"],
        ["Mắm", "72,5", "ct01", "sp01", "4 sao", "01/03/2023"],
    ]
    ds = normalise(book(Sản_phẩm=products))
    assert issues_of(ds, "Sản phẩm").empty, ds.issues.to_string()
    row = ds.tables["products"].iloc[0]
    assert row["product_id"] == "SP01"
    assert row["name"] == "Mắm"
    assert row["producer_id"] == "CT01"
    assert row["score"] == 72.5
    assert row["stars"] == 4
    assert row["surveyed_on"] == pd.Timestamp(2023, 3, 1)
    assert list(ds.tables["products"].columns[:3]) == ["product_id", "name", "producer_id"]


def test_header_below_title_rows_and_sheet_row_numbers():
    producers = [
        ["DANH SÁCH CHỦ THỂ SẢN XUẤT"],        # row 1: a title
        [],                                     # row 2: blank
        ["Cập nhật 01/2024", None, "Ghi chú"],  # row 3: a note
        ["Mã chủ thể", "Tên chủ thể", "Khóm"],  # row 4: the header
        ["CT01", "Cơ sở A", "Vĩnh Phú"],        # row 5
        ["CT02", "Cơ sở B", "Khóm Lạ"],         # row 6: unknown khóm
        ["ct01", "Cơ sở A lặp", "Vĩnh Phú"],    # row 7: repeats row 5
    ]
    ds = normalise(book(Chủ_thể=producers))
    table = ds.tables["producers"]
    assert list(table["producer_id"]) == ["CT01", "CT02"]
    assert list(table[ROW]) == [5, 6]
    vocab = only_issue(ds, "Chủ thể", "vocab")
    assert (vocab["row"], vocab["column"], vocab["value"], vocab["severity"]) == (6, "Khóm", "Khóm Lạ", WARNING)
    repeat = only_issue(ds, "Chủ thể", "key_repeated")
    assert (repeat["row"], repeat["value"], repeat["severity"]) == (7, "ct01", ERROR)
    assert repeat["params"] == {"first": 5}
    assert ds.accounting["producers"] == RowCount(3, 2, 1)


def test_header_on_row_10_is_found_but_not_on_row_11():
    header, data = ["Ngày", "Tên lớp tập huấn", "Người tham dự"], [date(2023, 6, 8), "Lớp", "An"]
    ok = normalise(book(Tập_huấn=[["tiêu đề"]] * 9 + [header, data]))
    assert len(ok.tables["training"]) == 1
    assert ok.tables["training"].loc[0, ROW] == 11
    late = normalise(book(Tập_huấn=[["tiêu đề"]] * 10 + [header, data]))
    issue = only_issue(late, "Tập huấn", "header_missing")
    assert issue["severity"] == ERROR
    assert late.tables["training"].empty
    assert late.accounting["training"].accepted == 0
    assert late.accounting["training"].read == late.accounting["training"].rejected


def test_extra_column_is_a_notice_and_kept_out():
    training = [["Ngày", "Tên lớp tập huấn", "Người tham dự", "Ghi chú nội bộ"],
                [date(2023, 6, 8), "Lớp", "An", "bí mật"]]
    ds = normalise(book(Tập_huấn=training))
    issue = only_issue(ds, "Tập huấn", "column_extra")
    assert (issue["row"], issue["column"], issue["severity"]) == (1, "Ghi chú nội bộ", NOTICE)
    table = ds.tables["training"]
    assert "Ghi chú nội bộ" not in table.columns
    assert "bí mật" not in table.astype(str).to_numpy().ravel().tolist()
    assert list(table.columns) == [col.key for col in c.TABS_BY_KEY["training"].columns] + [ROW]


def test_repeated_and_unnamed_columns_are_notices():
    training = [["Ngày", "Tên lớp tập huấn", "Người tham dự", "Ngày", None],
                [date(2023, 6, 8), "Lớp", "An", date(2020, 1, 1), "rác"]]
    ds = normalise(book(Tập_huấn=training))
    assert only_issue(ds, "Tập huấn", "column_duplicate")["column"] == "Ngày"
    assert only_issue(ds, "Tập huấn", "column_unnamed")["column"] == "E"
    assert ds.tables["training"].loc[0, "held_on"] == pd.Timestamp(2023, 6, 8)  # the first one is used


# --- the functions themselves ----------------------------------------------------------------

def test_find_tabs_skips_the_templates_own_tabs_and_notes_the_rest():
    issues = Issues()
    found = find_tabs(["Hướng dẫn", "_Danh mục", "KHOM", "Nháp"], issues)
    assert found == {"areas": "KHOM"}
    assert [(r["tab"], r["reason"]) for r in issues.records] == [("Nháp", "tab_unknown")]


def test_locate_header_gives_the_best_candidate_when_no_row_is_complete():
    tab = c.TABS_BY_KEY["products"]
    rows = [["tiêu đề"], ["Mã sản phẩm", "Cột lạ"], ["Mã sản phẩm", "Tên sản phẩm"]]
    assert locate_header(rows, tab) == (2, {0: "product_id", 1: "name"}, [])
    assert locate_header(rows[:2], tab) == (1, {0: "product_id"}, ["name"])
    targets = c.TABS_BY_KEY["targets"]
    assert locate_header([["Chỉ tiêu", "Năm"]], targets) == (0, {0: "target", 1: "year"}, ["code"])
    assert locate_header([["x"]] * HEADER_SEARCH_ROWS, tab) == (None, {}, ["product_id", "name"])


def test_missing_required_reads_a_layout():
    tab = c.TABS_BY_KEY["products"]
    assert missing_required({"columns": {0: "product_id", 3: "name"}}, tab) == []
    assert missing_required({"columns": {0: "product_id"}}, tab) == ["name"]
