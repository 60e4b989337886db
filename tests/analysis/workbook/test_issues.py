"""analysis/workbook/issues.py: how a cell's value is shown in its issue."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from analysis.workbook.dataset import ISSUE_COLUMNS, WARNING
from analysis.workbook.issues import Issues
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import BASE, book, only_issue, slim


def test_issue_value_of_a_date_cell_is_shown_day_first():
    # A real date cell typed into Số người tham dự: the issue shows it as an officer sees it.
    outreach = BASE["Tuyên truyền"] + [[datetime(2023, 4, 2), "Họp dân", "Vĩnh Phú", datetime(2023, 4, 2), None]]
    ds = normalise(book(Tuyên_truyền=outreach))
    issue = only_issue(ds, "Tuyên truyền", "number")
    assert issue["value"] == "02/04/2023"


def test_a_huge_cell_is_shortened_in_its_issue():
    outreach = [["Ngày", "Số người tham dự"], [date(2023, 1, 5), "rất đông " * 100]]
    ds = normalise(slim("Tuyên truyền", outreach))
    value = only_issue(ds, "Tuyên truyền", "number")["value"]
    assert len(value) == 201 and value.endswith("…") and value.startswith("rất đông rất đông")


def test_issues_make_one_frame_with_the_issue_columns():
    issues = Issues()
    assert list(issues.frame().columns) == list(ISSUE_COLUMNS) and str(issues.frame()["row"].dtype) == "Int64"
    issues.add("Sản phẩm", 4, "Điểm đánh giá", 72.5, WARNING, "out_of_range", low="0", high="100")
    issues.add("Sản phẩm", None, None, None, WARNING, "tab_unknown")
    frame = issues.frame()
    assert list(frame["row"].astype(object).fillna(-1)) == [4, -1]
    assert frame.loc[0, "value"] == "72.5" and pd.isna(frame.loc[1, "value"])
    assert frame.loc[0, "params"] == {"low": "0", "high": "100"}
