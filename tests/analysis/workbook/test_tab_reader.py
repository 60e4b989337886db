"""analysis/workbook/tab_reader.py: one tab's rows accounted for, its cells parsed and checked."""
from __future__ import annotations

import copy
from datetime import date

import pandas as pd
import pytest

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, ROW, WARNING, RowCount
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import BASE, book, issues_of, only_issue, slim

# --- rows and columns ------------------------------------------------------------------------

def test_wholly_empty_rows_are_skipped_silently():
    outreach = [
        ["Ngày", "Khóm", "Số người tham dự"],
        [date(2023, 1, 5), "Vĩnh Phú", 10],   # row 2
        [],                                   # row 3
        [None, "", "   "],                    # row 4
        [None, None, None, None, None],       # row 5
        [date(2023, 1, 9), "Vĩnh Phú", 20],   # row 6
    ]
    ds = normalise(book(Tuyên_truyền=outreach))
    assert issues_of(ds, "Tuyên truyền").empty, ds.issues.to_string()
    assert ds.accounting["outreach"] == RowCount(2, 2, 0)
    assert list(ds.tables["outreach"][ROW]) == [2, 6]


def test_missing_optional_column_is_blank():
    outreach = [["Ngày", "Khóm"], [date(2023, 1, 5), "Vĩnh Phú"]]
    ds = normalise(book(Tuyên_truyền=outreach))
    assert issues_of(ds, "Tuyên truyền").empty
    table = ds.tables["outreach"]
    assert table["attendees"].isna().all() and str(table["attendees"].dtype) == "Int64"
    assert table["producers_reached"].isna().all()
    assert table.loc[0, "area"] == "Vĩnh Phú"


# --- rejected rows: only unreadable keys and repeated ids ------------------------------------

def _rejects(tab: str, rows: list[list], reason: str, row: int, column: str, value):
    ds = normalise(slim(tab, rows))
    issue = only_issue(ds, tab, reason)
    assert issue["severity"] == ERROR
    assert (issue["row"], issue["column"], issue["value"]) == (row, column, value)
    key = c.TABS[[t.title for t in c.TABS].index(tab)].key
    assert ds.accounting[key].rejected == 1
    assert row not in set(ds.tables[key][ROW])
    return ds


def test_blank_id_rejects_the_row():
    products = BASE["Sản phẩm"] + [["  ", "Không mã", "CT01", 95, "01/05/2023"]]
    ds = _rejects("Sản phẩm", products, "key_missing", 4, "Mã sản phẩm", None)
    assert len(ds.tables["products"]) == 2


@pytest.mark.parametrize("cell, reason", [("31/02/2023", "date_impossible"), ("hôm qua", "date"),
                                          (None, "key_missing")])
def test_unreadable_event_date_rejects_the_row(cell, reason):
    outreach = BASE["Tuyên truyền"] + [[cell, "Họp dân", "Vĩnh Phú", 500, "CT02"]]
    _rejects("Tuyên truyền", outreach, reason, 4, "Ngày", cell)


@pytest.mark.parametrize("row, column, value, reason", [
    (["năm nay", "SP_OCOP", 2], "Năm", "năm nay", "year"),
    ([None, "SP_OCOP", 2], "Năm", None, "key_missing"),
    ([2024, None, 2], "Mã chỉ tiêu", None, "key_missing"),
    ([2024, "SP_OCOP", "nhiều"], "Chỉ tiêu", "nhiều", "number"),
    ([2024, "SP_OCOP", None], "Chỉ tiêu", None, "key_missing"),
])
def test_unreadable_target_year_code_or_value_rejects_the_row(row, column, value, reason):
    _rejects("Chỉ tiêu", BASE["Chỉ tiêu"] + [row], reason, 4, column, value)


def test_repeated_id_rejects_the_later_row_and_names_the_first():
    products = BASE["Sản phẩm"] + [["sp01", "Mắm lặp", "CT02", 99, "01/01/2024"]]
    ds = _rejects("Sản phẩm", products, "key_repeated", 4, "Mã sản phẩm", "sp01")
    issue = only_issue(ds, "Sản phẩm", "key_repeated")
    assert issue["params"] == {"first": 2}
    assert "2" in strings.t("reason.key_repeated", **issue["params"])
    assert "2" in strings.t("reason.key_repeated", "en", **issue["params"])
    kept = ds.tables["products"].set_index("product_id")
    assert kept.loc["SP01", "name"] == "Mắm"  # the first row stays


def test_repeated_target_year_and_code_rejects_the_later_row():
    targets = BASE["Chỉ tiêu"] + [[2023, "sp_ocop", 5], [2024, "SP_OCOP", 5]]
    ds = _rejects("Chỉ tiêu", targets, "key_repeated", 4, "Mã chỉ tiêu", "sp_ocop")
    assert only_issue(ds, "Chỉ tiêu", "key_repeated")["params"] == {"first": 2}
    assert sorted(ds.tables["targets"]["year"].tolist()) == [2023, 2023, 2024]


def test_event_tabs_allow_repeated_dates():
    training = BASE["Tập huấn"] + [[date(2023, 6, 8), "Lớp OCOP", "Bình"]] * 2
    ds = normalise(book(Tập_huấn=training))
    assert ds.accounting["training"] == RowCount(3, 3, 0)


# --- every other bad cell is a warning; the cell becomes blank, the row stays ----------------

@pytest.mark.parametrize("tab, header, cell, reason, key, column", [
    ("Sản phẩm", "Điểm đánh giá", "cao", "number", "products", "score"),
    ("Sản phẩm", "Điểm đánh giá", 150, "out_of_range", "products", "score"),
    ("Sản phẩm", "Số sao", "6 sao", "stars", "products", "stars"),
    ("Sản phẩm", "Ngày rà soát", "31/02/2023", "date_impossible", "products", "surveyed_on"),
    ("Sản phẩm", "Nhóm sản phẩm", "Đồ điện tử", "vocab", "products", "group"),
    ("Sản phẩm", "Mức tiềm năng", "Rất cao", "vocab", "products", "potential"),
    ("Chủ thể", "Đăng ký kinh doanh", "có lẽ", "yesno", "producers", "registered"),
    ("Chủ thể", "Khóm", "Khóm 9", "vocab", "producers", "area"),
    ("Chủ thể", "Loại hình", "Công ty ma", "vocab", "producers", "kind"),
    ("Hồ sơ", "Phiếu đăng ký", "hmm", "doc_status", "dossiers", "registration_form"),
    ("Hồ sơ", "Ngày nộp", "sắp nộp", "date", "dossiers", "submitted_on"),
    ("Tuyên truyền", "Số người tham dự", "khoảng 50", "number", "outreach", "attendees"),
    ("Tuyên truyền", "Số người tham dự", "72,5", "integer", "outreach", "attendees"),
    ("Tuyên truyền", "Số người tham dự", -3, "out_of_range", "outreach", "attendees"),
    ("Tuyên truyền", "Hình thức", "TikTok", "vocab", "outreach", "channel"),
    ("Tập huấn", "Số ngày", "hai", "number", "training", "days"),
    ("Khóm", "Số hộ", "nhiều", "number", "areas", "households"),
    ("Nhiệm vụ", "Hạn hoàn thành", "cuối năm", "date", "tasks", "due_on"),
    ("Nhiệm vụ", "Tình trạng", "Bỏ dở", "vocab", "tasks", "status"),
])
def test_bad_cell_is_a_warning_and_blank(tab, header, cell, reason, key, column):
    rows = copy.deepcopy(BASE[tab])
    if header in rows[0]:
        position = rows[0].index(header)
    else:
        rows[0].append(header)
        position = len(rows[0]) - 1
    last = rows[-1]
    last.extend([None] * (position + 1 - len(last)))
    last[position] = cell
    ds = normalise(slim(tab, rows))
    issue = only_issue(ds, tab, reason)
    assert issue["severity"] == WARNING
    assert (issue["row"], issue["column"]) == (len(rows), header)
    assert issue["value"] == (str(cell) if not isinstance(cell, str) else cell)
    table = ds.tables[key]
    assert ds.accounting[key].rejected == 0
    assert len(table) == len(rows) - 1  # the row stays
    row = table[table[ROW] == len(rows)].iloc[0]
    assert pd.isna(row[column])
    assert (issues_of(ds, tab)["severity"] == ERROR).sum() == 0


def test_required_non_key_cell_blank_is_a_warning():
    products = BASE["Sản phẩm"] + [["SP03", None, "CT01", None, None]]
    ds = normalise(book(Sản_phẩm=products))
    issue = only_issue(ds, "Sản phẩm", "required_missing")
    assert (issue["severity"], issue["row"], issue["column"]) == (WARNING, 4, "Tên sản phẩm")
    assert "SP03" in set(ds.tables["products"]["product_id"])
