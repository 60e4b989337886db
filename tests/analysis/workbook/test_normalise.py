"""analysis/workbook/normalise.py: raw workbook (tab title -> rows) -> typed tables, issues, row accounting.

The orchestration and the accounting; each step has its own tests: test_headers.py, test_tab_reader.py,
test_columns.py, test_info.py, test_cross_check.py, test_issues.py."""
from __future__ import annotations

import copy

import pandas as pd
import pytest

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, RowCount
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import book, only_issue

# --- the clean baseline ----------------------------------------------------------------------

def test_clean_workbook_reads_without_issues():
    ds = normalise(book())
    assert ds.issues.empty, ds.issues.to_string()
    assert {k: v.accepted for k, v in ds.accounting.items()} == {
        "info": 2, "areas": 2, "targets": 2, "producers": 2, "products": 2, "dossiers": 1,
        "outreach": 2, "training": 1, "tasks": 1}
    assert ds.info["ward_name"] == "Phường Thử" and ds.info["plan_year"] == 2023
    out = ds.tables["outreach"]
    assert list(out["attendees"]) == [40, 1200]
    assert list(out["held_on"]) == [pd.Timestamp(2023, 3, 1), pd.Timestamp(2023, 3, 15)]
    assert list(out["area"]) == ["Vĩnh Phú", c.WHOLE_WARD]
    assert list(out["producers_reached"]) == [("CT01",), ("CT01", "CT02")]
    assert list(ds.tables["products"]["score"]) == [72.0, 55.5]
    assert list(ds.tables["producers"]["registered"]) == [True, False]
    assert ds.tables["dossiers"].loc[0, "registration_form"] == c.DOC_DONE
    assert ds.tables["dossiers"].loc[0, "business_plan"] == c.DOC_MISSING  # missing optional column
    assert ds.tables["tasks"].loc[0, "status"] == "Hoàn thành"


# --- a missing tab or column spoils that tab only --------------------------------------------

@pytest.mark.parametrize("title, key", [("Tuyên truyền", "outreach"), ("Khóm", "areas"),
                                        ("Chỉ tiêu", "targets")])
def test_missing_tab_is_an_error_and_others_work(title, key):
    ds = normalise(book(**{title.replace(" ", "_"): None}))
    issue = only_issue(ds, title, "tab_missing")
    assert issue["severity"] == ERROR
    assert ds.found_tabs[key] is None
    assert ds.tables[key].empty
    assert list(ds.tables[key].columns) == [col.key for col in c.TABS_BY_KEY[key].columns] + [ROW]
    assert ds.accounting[key] == RowCount(0, 0, 0)
    assert len(ds.tables["products"]) == 2 and len(ds.tables["training"]) == 1
    assert (ds.issues["severity"] == ERROR).sum() == 1


def test_missing_required_column_is_an_error_for_that_tab_only():
    products = [["Mã sản phẩm", "Mã chủ thể"], ["SP01", "CT01"], ["SP02", "CT02"]]  # no Tên sản phẩm
    ds = normalise(book(Sản_phẩm=products))
    issue = only_issue(ds, "Sản phẩm", "columns_missing")
    assert issue["severity"] == ERROR and issue["row"] == 1
    assert "Tên sản phẩm" in issue["params"]["columns"]
    assert "Tên sản phẩm" in strings.t("reason.columns_missing", **issue["params"])
    assert ds.tables["products"].empty
    assert ds.accounting["products"] == RowCount(2, 0, 2)
    # every other tab still works
    assert len(ds.tables["producers"]) == 2 and len(ds.tables["outreach"]) == 2
    assert (ds.issues["severity"] == ERROR).sum() == 1


# --- a messy workbook: accounting and the shape of every issue -------------------------------

MESSY = book(
    Sản_phẩm=[["Danh sách sản phẩm"],
              ["Mã sản phẩm", "Tên sản phẩm", "Mã chủ thể", "Điểm đánh giá", "Ngày rà soát", "Cột lạ"],
              ["SP01", "Mắm", "CT01", "bảy mươi", "01/03/2023", "x"],
              [None, "Không mã", "CT02", 80, "02/03/2023"],
              [],
              ["SP01", "Mắm lặp", "CT02", 80, "02/03/2023"],
              ["SP02", "Bánh", "CT99", 60, "ngày mai"]],
    Tuyên_truyền=[["Ngày", "Khóm", "Số người tham dự", "Chủ thể được tiếp cận", "Hình thức"],
                  ["31/02/2023", "Vĩnh Phú", 10, None, "Loa"],
                  ["01/03/2023", "khom la", "khoảng 50", "CT01, CT77", "Zalo"],
                  [None, None, None, None, None],
                  ["02/03/2023", "toan phuong", 5, None, "không rõ"]],
    Chỉ_tiêu=[["Năm", "Mã chỉ tiêu", "Chỉ tiêu"], [2023, "SP_OCOP", 1], [2023, "XYZ", 3],
              ["hai nghìn", "SP_OCOP", 1]],
)


@pytest.fixture(scope="module")
def messy():
    return normalise(copy.deepcopy(MESSY))


def test_rows_read_equal_accepted_plus_rejected(messy):
    for key, counts in messy.accounting.items():
        assert counts.read == counts.accepted + counts.rejected, key
        if key != "info":
            assert counts.accepted == len(messy.tables[key]), key
    assert messy.accounting["products"] == RowCount(4, 2, 2)
    assert messy.accounting["outreach"] == RowCount(3, 2, 1)
    assert messy.accounting["targets"] == RowCount(3, 2, 1)
    # one error issue per rejected row
    errors = messy.issues[messy.issues["severity"] == ERROR]
    for key, title in (("products", "Sản phẩm"), ("outreach", "Tuyên truyền"), ("targets", "Chỉ tiêu")):
        assert (errors["tab"] == title).sum() == messy.accounting[key].rejected, title


def test_every_issue_names_tab_row_column_value_severity_and_a_known_reason(messy):
    assert set(messy.issues.columns) >= {"tab", "row", "column", "value", "severity", "reason", "params"}
    for issue in messy.issues.to_dict("records"):
        assert issue["tab"] in MESSY or issue["tab"] in {t.title for t in c.TABS}
        assert issue["severity"] in (ERROR, WARNING, NOTICE)
        assert strings.has(f"reason.{issue['reason']}"), issue
        text = strings.t(f"reason.{issue['reason']}", **issue["params"])
        assert text and "{" not in text
    cell_issues = messy.issues[messy.issues["row"].notna()]
    assert len(cell_issues) >= 10
    assert cell_issues["column"].notna().all()


def test_messy_issues_are_exactly_these(messy):
    got = {(i["tab"], i["row"], i["column"], None if pd.isna(i["value"]) else i["value"], i["severity"],
            i["reason"]) for i in messy.issues.to_dict("records")}
    assert got == {
        ("Sản phẩm", 2, "Cột lạ", None, NOTICE, "column_extra"),
        ("Sản phẩm", 3, "Điểm đánh giá", "bảy mươi", WARNING, "number"),
        ("Sản phẩm", 4, "Mã sản phẩm", None, ERROR, "key_missing"),
        ("Sản phẩm", 6, "Mã sản phẩm", "SP01", ERROR, "key_repeated"),
        ("Sản phẩm", 7, "Ngày rà soát", "ngày mai", WARNING, "date"),
        ("Sản phẩm", 7, "Mã chủ thể", "CT99", WARNING, "unknown_producer"),
        ("Tuyên truyền", 2, "Ngày", "31/02/2023", ERROR, "date_impossible"),
        ("Tuyên truyền", 3, "Khóm", "khom la", WARNING, "vocab"),
        ("Tuyên truyền", 3, "Số người tham dự", "khoảng 50", WARNING, "number"),
        ("Tuyên truyền", 3, "Chủ thể được tiếp cận", "CT77", WARNING, "unknown_producer"),
        ("Tuyên truyền", 5, "Hình thức", "không rõ", WARNING, "vocab"),
        ("Chỉ tiêu", 3, "Mã chỉ tiêu", "XYZ", WARNING, "code_unknown"),
        ("Chỉ tiêu", 4, "Năm", "hai nghìn", ERROR, "year"),
    }
