"""analysis/metrics/products.py at its edges (issue 14): an unreadable document cell, a table with no
self-assessed score, a workbook with no product."""
from __future__ import annotations

from datetime import date

from analysis.metrics.products import READINESS_COLUMNS, checklist, product_table, readiness
from analysis.metrics.scope import Filters
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise

PRODUCTS = [["Mã sản phẩm", "Tên sản phẩm"], ["SP09", "Thử"]]


def test_an_unreadable_document_cell_counts_as_missing():
    ds = normalise({"Sản phẩm": PRODUCTS, "Hồ sơ": [["Mã sản phẩm", "Phiếu đăng ký"], ["SP09", "có lẽ"]]})
    assert checklist(ds, "SP09").set_index("document").loc["registration_form", "status"] == c.DOC_MISSING
    assert "registration_form" in readiness(ds).iloc[0].missing_required


def test_projected_stars_stay_integers_when_no_product_has_a_score():
    table = product_table(normalise({"Sản phẩm": PRODUCTS}), Filters(2023), date(2023, 6, 1))
    assert str(table["projected_stars"].dtype) == "Int64" and table["projected_stars"].isna().all()


def test_readiness_of_no_product_keeps_its_columns():
    assert list(readiness(normalise({"Sản phẩm": PRODUCTS[:1]})).columns) == READINESS_COLUMNS
