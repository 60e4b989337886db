"""analysis/metrics/products.py on tests/analysis/fixture_small.py; every figure is worked out by hand."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.metrics.products import (
    PRODUCT_TABLE_COLUMNS,
    READINESS_COLUMNS,
    certificates_due,
    checklist,
    dropped_out,
    expires_on,
    expiry_status,
    product_table,
    projected_stars,
    readiness,
    stage_funnel,
)
from analysis.metrics.scope import Filters
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise
from tests.analysis.fixture_small import AS_OF, HANDICRAFT, VC1, VD, VP, small_dataset

ALL_REQUIRED = ("registration_form", "business_plan", "organisation_profile", "business_licence", "samples")


@pytest.fixture(scope="module")
def ds():
    return small_dataset()


# --- readiness ----------------------------------------------------------------------

def test_readiness_has_one_row_per_product_in_sheet_order(ds):
    ready = readiness(ds)
    assert list(ready.columns) == READINESS_COLUMNS
    assert list(ready["product_id"]) == ["SP01", "SP02", "SP03", "SP04", "SP05", "SP06"]


def _row(ds, pid):
    ready = readiness(ds)
    return ready[ready["product_id"] == pid].iloc[0]


def test_readiness_complete_required_set(ds):
    # SP01: all 5 required done -> gate 1.0; 11 of 12 documents done (environment record missing)
    row = _row(ds, "SP01")
    assert (row.required_total, row.required_done, row.gate) == (5, 5, 1.0)
    assert (row.applicable_total, row.applicable_done) == (12, 11)
    assert row.depth == pytest.approx(11 / 12)
    assert row.missing_required == ()
    assert row.has_dossier


def test_readiness_in_progress_counts_as_not_done(ds):
    # SP02: business licence "Đang làm" -> 4 of 5 required -> gate 0.8.
    # Depth: product story "-" is na -> 11 applicable; done = 4 required + food-safety, label,
    # environment ("ok") = 7 (quality in progress, lab "chưa", traceability blank) -> 7/11
    row = _row(ds, "SP02")
    assert (row.required_total, row.required_done, row.gate) == (5, 4, 0.8)
    assert (row.applicable_total, row.applicable_done) == (11, 7)
    assert row.depth == pytest.approx(7 / 11)
    assert row.missing_required == ("business_licence",)


def test_readiness_na_leaves_the_denominator(ds):
    # SP03 (tourism): samples na -> required of 4; registration, plan, licence done -> 3/4 = 0.75.
    # samples, food-safety, quality, lab na -> 8 applicable; done: 3 required + story = 4 -> 0.5
    row = _row(ds, "SP03")
    assert (row.required_total, row.required_done, row.gate) == (4, 3, 0.75)
    assert (row.applicable_total, row.applicable_done, row.depth) == (8, 4, 0.5)
    assert row.missing_required == ("organisation_profile",)  # samples (na) is not missing


def test_readiness_handicraft_with_food_safety_not_applicable(ds):
    # SP04: required registration + samples done -> 2/5 = 0.4; plan in progress, profile missing,
    # licence blank (= missing). Food-safety cert and lab test na -> 10 applicable;
    # done: registration, samples, story -> 3/10 = 0.3
    row = _row(ds, "SP04")
    assert (row.required_total, row.required_done, row.gate) == (5, 2, 0.4)
    assert (row.applicable_total, row.applicable_done, row.depth) == (10, 3, 0.3)
    assert row.missing_required == ("business_plan", "organisation_profile", "business_licence")


def test_readiness_without_dossier_row(ds):
    # SP06 has no Hồ sơ row: every document counts as missing
    row = _row(ds, "SP06")
    assert not row.has_dossier
    assert (row.required_total, row.required_done, row.gate) == (5, 0, 0.0)
    assert (row.applicable_total, row.applicable_done, row.depth) == (12, 0, 0.0)
    assert row.missing_required == ALL_REQUIRED


def test_readiness_gate_is_none_when_every_required_document_is_na():
    # a product whose five required documents are all "Không áp dụng": no gate to pass;
    # label done of the 7 supporting -> depth 1/7
    header = ["Mã sản phẩm", "Phiếu đăng ký", "Phương án kinh doanh", "Giới thiệu tổ chức", "Giấy ĐKKD",
              "Mẫu sản phẩm", "Nhãn sản phẩm"]
    ds = normalise({"Sản phẩm": [["Mã sản phẩm", "Tên sản phẩm"], ["SP09", "Thử"]],
                    "Hồ sơ": [header, ["SP09", "KAD", "KAD", "KAD", "KAD", "KAD", "Đã có"]]})
    row = readiness(ds).iloc[0]
    assert row.required_total == 0 and pd.isna(row.gate)
    assert (row.applicable_total, row.applicable_done) == (7, 1)
    assert row.missing_required == ()


# --- checklist --------------------------------------------------------------------------

def test_checklist_lists_all_documents_in_contract_order(ds):
    table = checklist(ds, "sp04")  # ids compare as the sheet reads them (upper case)
    assert list(table.columns) == ["document", "required", "status"]
    assert list(table["document"]) == list(c.DOCUMENTS)
    assert list(table["required"]) == [True] * 5 + [False] * 7
    assert list(table["status"]) == ["done", "in_progress", "missing", "missing", "done",
                                     "na", "missing", "na", "in_progress", "missing", "done", "missing"]


def test_checklist_without_dossier_is_all_missing(ds):
    assert set(checklist(ds, "SP06")["status"]) == {"missing"}
    assert len(checklist(ds, "SP99")) == 12


# --- stars and certificates ---------------------------------------------------------------

@pytest.mark.parametrize("score, stars", [
    (0, 1), (29.9, 1), (30, 2), (49.5, 2), (49.99, 2), (50, 3), (69, 3), (69.9, 3), (70, 4),
    (89.9, 4), (90, 5), (100, 5), (None, None), (float("nan"), None), (pd.NA, None),
])
def test_projected_stars_at_band_edges(score, stars):
    assert projected_stars(score) == stars


def test_expires_on_adds_36_months():
    assert expires_on(pd.Timestamp("2021-01-10")) == pd.Timestamp("2024-01-10")
    assert expires_on(date(2023, 12, 1)) == pd.Timestamp("2026-12-01")
    assert expires_on(pd.Timestamp("2020-02-29")) == pd.Timestamp("2023-02-28")  # no 29 Feb 2023
    assert pd.isna(expires_on(pd.NaT)) and pd.isna(expires_on(None))


def test_expiry_status_around_six_months():
    expires = pd.Timestamp("2024-01-10")
    assert expiry_status(expires, date(2023, 7, 9)) == "valid"       # 6 months and a day ahead
    assert expiry_status(expires, date(2023, 7, 10)) == "expiring"   # exactly 6 months ahead
    assert expiry_status(expires, date(2024, 1, 10)) == "expiring"   # last valid day
    assert expiry_status(expires, date(2024, 1, 11)) == "expired"
    assert expiry_status(expires, date(2023, 10, 9), warn_months=3) == "valid"
    assert expiry_status(expires, date(2023, 10, 10), warn_months=3) == "expiring"
    assert expiry_status(pd.NaT, date(2023, 7, 9)) is None


# --- the product table ------------------------------------------------------------------

def test_product_table_order_and_joins(ds):
    table = product_table(ds, Filters(2023), AS_OF)
    assert list(table.columns) == PRODUCT_TABLE_COLUMNS
    # stage order: SP06 Tiềm năng, SP04 Hoàn thiện hồ sơ, SP03 Đã nộp hồ sơ, SP01 and SP02 Đã đánh giá
    # (by id), SP05 Không tham gia last
    assert list(table["product_id"]) == ["SP06", "SP04", "SP03", "SP01", "SP02", "SP05"]
    sp01 = table.set_index("product_id").loc["SP01"]
    assert (sp01.producer_name, sp01.area, sp01.group) == ("Cơ sở Mắm Bà Ba", VC1, "Thực phẩm")
    assert (sp01.officer, sp01.gate) == ("Nguyễn Văn An", 1.0)
    assert sp01.depth == pytest.approx(11 / 12)


def test_product_table_stars_and_projection(ds):
    table = product_table(ds, Filters(2023), AS_OF)  # SP06, SP04, SP03, SP01, SP02, SP05
    # stars: SP01 from score 68 -> 3; SP02 written "4 sao" (score 71 would also be 4); SP05 score 55 -> 3
    assert [None if pd.isna(v) else int(v) for v in table["stars"]] == [None, None, None, 3, 4, 3]
    # self scores 90 -> 5, 49.5 -> 2, 50 -> 3, 72 -> 4, 70 -> 4, blank -> none
    assert [None if pd.isna(v) else int(v) for v in table["projected_stars"]] == [5, 2, 3, 4, 4, None]


def test_product_table_expiry_mid_2023(ds):
    table = product_table(ds, Filters(2023), AS_OF).set_index("product_id")
    # SP01 certified 10/01/2021 -> expires 10/01/2024, within 6 months of 15/08/2023 -> expiring
    # SP02 certified 01/12/2023 -> 01/12/2026 -> valid; SP05 15/03/2020 -> 15/03/2023 -> expired
    assert table.at["SP01", "expires_on"] == pd.Timestamp("2024-01-10")
    assert table.at["SP02", "expires_on"] == pd.Timestamp("2026-12-01")
    status = {k: (None if pd.isna(v) else v) for k, v in table["expiry_status"].items()}
    assert status == {"SP06": None, "SP04": None, "SP03": None, "SP01": "expiring", "SP02": "valid",
                      "SP05": "expired"}


def test_product_table_expired_in_2024(ds):
    # on 01/02/2024 SP01's certificate (to 10/01/2024) has expired
    table = product_table(ds, Filters(2024), date(2024, 2, 1)).set_index("product_id")
    assert table.at["SP01", "expiry_status"] == "expired"


def test_product_table_filters_by_area_and_group_not_year(ds):
    # Vĩnh Phú producers: CT02 (SP02), CT04 (SP04)
    assert list(product_table(ds, Filters(2023, areas=(VP,)), AS_OF)["product_id"]) == ["SP04", "SP02"]
    assert list(product_table(ds, Filters(2023, groups=("Đồ uống",)), AS_OF)["product_id"]) == ["SP06", "SP02"]
    assert list(product_table(ds, Filters(2023, areas=(VD,), groups=(HANDICRAFT,)), AS_OF)["product_id"]) == []
    assert len(product_table(ds, Filters(2019), AS_OF)) == 6  # the whole pipeline whatever the year


def test_certificates_due_soonest_first(ds):
    # mid-2023: SP05 expired 15/03/2023, SP01 expires 10/01/2024 -> SP05 then SP01 (table order is reversed)
    due = certificates_due(product_table(ds, Filters(2023), AS_OF))
    assert list(due["product_id"]) == ["SP05", "SP01"]
    assert list(due["expiry_status"]) == ["expired", "expiring"]
    assert list(due.columns) == PRODUCT_TABLE_COLUMNS
    # early 2023: SP05 (to 15/03/2023) is expiring, SP01 (to 10/01/2024) not yet within 6 months
    assert list(certificates_due(product_table(ds, Filters(2023), date(2023, 1, 2)))["product_id"]) == ["SP05"]


# --- funnel ----------------------------------------------------------------------------

def test_stage_funnel_counts_products_at_or_beyond_each_stage(ds):
    table = product_table(ds, Filters(2023), AS_OF)
    funnel = stage_funnel(table)
    assert list(funnel.columns) == ["stage", "count"]
    # SP06 Tiềm năng, SP04 Hoàn thiện, SP03 Đã nộp, SP01+SP02 Đã đánh giá; SP05 dropped out
    # Tiềm năng: 5; Đã đăng ký: 4 (no product exactly there); Hoàn thiện: 4; Đã nộp: 3; Đã đánh giá: 2
    assert list(funnel["stage"]) == list(c.STAGES[:5])
    assert list(funnel["count"]) == [5, 4, 4, 3, 2]
    assert dropped_out(table) == 1


def test_stage_funnel_ignores_blank_stages():
    products = pd.DataFrame({"stage": ["Đã đăng ký", None, "Không tham gia", "Tiềm năng", "Đã đăng ký"]})
    # two at Đã đăng ký, one at Tiềm năng -> 3, 2, 0, 0, 0
    assert list(stage_funnel(products)["count"]) == [3, 2, 0, 0, 0]
    assert dropped_out(products) == 1
    assert list(stage_funnel(products.iloc[0:0])["count"]) == [0] * 5
