"""analysis/workbook/info.py: the Thông tin tab's key/value rows."""
from __future__ import annotations

from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, NOTICE, WARNING
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import book, only_issue


def test_missing_info_tab_uses_defaults_with_a_notice():
    ds = normalise(book(Thông_tin=None))
    assert only_issue(ds, "Thông tin", "info_defaults")["severity"] == NOTICE
    assert ds.info["ward_name"] == c.DEFAULT_INFO["ward_name"]
    assert (ds.issues["severity"] == ERROR).sum() == 0


def test_bad_info_year_is_a_warning():
    ds = normalise(book(Thông_tin=[["Năm kế hoạch", "năm nay"], ["Số kế hoạch", "36/KH-UBND"]]))
    issue = only_issue(ds, "Thông tin", "year")
    assert (issue["severity"], issue["row"]) == (WARNING, 1)
    assert ds.info["plan_number"] == "36/KH-UBND"
