"""analysis/workbook/normalise.py at its edges (issue 14): what it hands on between the steps.

The Khóm tab's names to the other tabs, the titles found to the cross-checks and the Dataset, each
tab's layout, a workbook without Thông tin, and normalise_workbook's source fields.
"""
from __future__ import annotations

from datetime import UTC, datetime

from analysis.workbook.normalise import normalise, normalise_workbook
from tests.analysis.workbook.raw_books import book, only_issue


def test_the_khom_tab_names_are_the_areas_other_tabs_are_checked_against():
    wb = book()
    wb["Tuyên truyền"][1][2] = "Khóm Lạ"
    ds = normalise(wb)
    assert only_issue(ds, "Tuyên truyền", "vocab")["row"] == 2
    assert len(ds.issues[ds.issues["reason"] == "vocab"]) == 1  # Vĩnh Phú, a khóm of the tab, is no issue
    assert ds.tables["outreach"]["area"].isna().iloc[0]  # a khóm not in the tab counts as blank


def test_without_a_khom_tab_no_area_is_refused():
    ds = normalise(book(Khóm=None))
    assert list(ds.issues["reason"]) == ["tab_missing"]
    assert ds.tables["outreach"]["area"].iloc[0] == "Vĩnh Phú"


def test_an_unknown_tab_is_a_notice():
    wb = book()
    wb["Ghi chú riêng"] = [["a"], ["b"]]
    assert only_issue(normalise(wb), "Ghi chú riêng", "tab_unknown")["severity"] == "notice"


def test_titles_found_name_the_issues_and_the_dataset():
    wb = book()
    wb["san pham"] = wb.pop("Sản phẩm")
    wb["san pham"].append(["SP03", "Chè", "CT99", 60, "01/05/2023"])  # a producer no tab has
    wb.pop("Nhiệm vụ")
    ds = normalise(wb)
    assert ds.issues[ds.issues["column"] == "Mã chủ thể"]["tab"].tolist() == ["san pham"]
    assert ds.found_tabs["products"] == "san pham" and ds.found_tabs["areas"] == "Khóm"
    assert ds.found_tabs["tasks"] is None


def test_layouts_only_of_tabs_with_their_required_headers():
    wb = book()
    wb["Chủ thể"] = [["Tên chủ thể", "Khóm"], ["Cơ sở A", "Vĩnh Phú"]]  # no Mã chủ thể
    ds = normalise(wb)
    assert "producers" not in ds.layouts
    assert ds.layouts["products"]["header_row"] == 1
    assert ds.layouts["products"]["columns"][0] == "product_id"


def test_a_workbook_without_thong_tin_reads_with_the_defaults():
    ds = normalise(book(Thông_tin=None))
    assert list(ds.issues["reason"]) == ["info_defaults"]
    assert ds.info["plan_year"] is None


class _Raw:
    def __init__(self, read_at, title):
        self.tabs, self.kind, self.location, self.url = book(), "xlsx", "/tmp/x.xlsx", None
        self.read_at, self.title = read_at, title


def test_normalise_workbook_keeps_the_source():
    ds = normalise_workbook(_Raw(None, None))
    assert ds.source.read_at is None and ds.source.title == "" and ds.source.kind == "xlsx"
    assert normalise_workbook(_Raw("09/02/2024", "OCOP")).source.read_at is None  # not a datetime: unknown
    aware = datetime(2024, 2, 9, 18, 30, tzinfo=UTC)
    assert normalise_workbook(_Raw(aware, "OCOP")).source.read_at == aware
    assert normalise_workbook(_Raw(datetime(2024, 2, 9, 18, 30), "T")).source.read_at == aware
