"""analysis/workbook/cross_check.py: references between tabs and target codes; unknown ones are warnings."""
from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.workbook.cross_check import RAW_PREFIX, drop_raw
from analysis.workbook.dataset import WARNING, RowCount
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import BASE, book, issues_of, only_issue


def test_cross_tab_issues_show_the_value_as_written():
    wb = book(Chỉ_tiêu=BASE["Chỉ tiêu"] + [[2023, "dt doanh thu", 500]],
              Sản_phẩm=BASE["Sản phẩm"] + [["SP03", "Chè", "ct99", None, None]])
    ds = normalise(wb)
    assert only_issue(ds, "Chỉ tiêu", "code_unknown")["value"] == "dt doanh thu"
    assert only_issue(ds, "Sản phẩm", "unknown_producer")["value"] == "ct99"


# --- references between tabs -----------------------------------------------------------------

def test_unknown_producer_in_a_product_is_a_warning_and_cleared():
    products = BASE["Sản phẩm"] + [["SP03", "Chè", "CT99", None, None]]
    ds = normalise(book(Sản_phẩm=products))
    issue = only_issue(ds, "Sản phẩm", "unknown_producer")
    assert (issue["severity"], issue["row"], issue["column"], issue["value"]) == (
        WARNING, 4, "Mã chủ thể", "CT99")
    table = ds.tables["products"].set_index("product_id")
    assert pd.isna(table.loc["SP03", "producer_id"])
    assert table.loc["SP01", "producer_id"] == "CT01"
    assert ds.accounting["products"].rejected == 0


def test_unknown_producer_reached_is_a_warning_and_dropped():
    outreach = [["Ngày", "Chủ thể được tiếp cận"],
                [date(2023, 1, 5), "CT01, CT98; ct02"], [date(2023, 1, 6), "CT97"]]
    ds = normalise(book(Tuyên_truyền=outreach))
    found = issues_of(ds, "Tuyên truyền", "unknown_producer")
    assert list(found["row"]) == [2, 3]
    assert list(found["value"]) == ["CT98", "CT97"]
    assert (found["severity"] == WARNING).all()
    reached = ds.tables["outreach"]["producers_reached"]
    assert reached[0] == ("CT01", "CT02")
    assert reached[1] is None


def test_unknown_product_in_a_dossier_is_a_warning():
    dossiers = BASE["Hồ sơ"] + [["SP77", "x", None]]
    ds = normalise(book(Hồ_sơ=dossiers))
    issue = only_issue(ds, "Hồ sơ", "unknown_product")
    assert (issue["severity"], issue["row"], issue["value"]) == (WARNING, 3, "SP77")


def test_unknown_target_code_is_a_warning_and_the_row_stays():
    targets = BASE["Chỉ tiêu"] + [[2023, "dt doanh thu", 500]]
    ds = normalise(book(Chỉ_tiêu=targets))
    issue = only_issue(ds, "Chỉ tiêu", "code_unknown")
    assert (issue["severity"], issue["row"], issue["column"]) == (WARNING, 4, "Mã chỉ tiêu")
    assert "DT_DOANH_THU" in set(ds.tables["targets"]["code"])
    assert ds.accounting["targets"] == RowCount(3, 3, 0)


def test_the_values_as_written_are_dropped_after_the_check():
    wb = book(Sản_phẩm=BASE["Sản phẩm"] + [["SP03", "Chè", "ct99", None, None]])
    tables = normalise(wb).tables
    assert not [name for table in tables.values() for name in table.columns if str(name).startswith(RAW_PREFIX)]
    tables = {"products": pd.DataFrame({"product_id": ["SP01"], RAW_PREFIX + "producer_id": ["ct01"]})}
    drop_raw(tables)
    assert list(tables["products"].columns) == ["product_id"]
