"""analysis/metrics/indicators.py on a small hand-made workbook whose every figure is worked out below."""
from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import pytest

from analysis.metrics.indicators import actuals, indicators, year_choices, years
from analysis.metrics.scope import Filters, filtered_outreach, filtered_products
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise

VC1, VP, VD = "Vĩnh Chánh 1", "Vĩnh Phú", "Vĩnh Đông"

WORKBOOK = {
    "Khóm": [["Khóm", "Số hộ"], [VC1, 120], [VP, 80], [VD, 60]],
    "Chủ thể": [
        ["Mã chủ thể", "Tên chủ thể", "Khóm"],
        ["CT01", "Cơ sở Mắm Bà Ba", VC1],
        ["CT02", "Cơ sở Nước thốt nốt", VP],
        ["CT03", "Tổ hợp tác Bánh", VD],
        ["CT04", "Hộ đan lục bình", "vinh phu"],
        ["CT05", "Cơ sở Trà", VC1],
    ],
    "Sản phẩm": [
        ["Mã sản phẩm", "Tên sản phẩm", "Mã chủ thể", "Nhóm sản phẩm", "Ngày rà soát", "Giai đoạn",
         "Điểm đánh giá", "Số sao", "Ngày công nhận"],
        # row 2: stars blank, score 75 -> 4 stars by band; certified 2023 -> SP_OCOP 2023
        ["SP01", "Mắm thái", "CT01", "Thực phẩm", "10/02/2023", "Đã đánh giá", 75, None, "20/11/2023"],
        # row 3: stars blank, score 45 -> 2 stars; certified 2023 but below 3 stars -> not SP_OCOP
        ["SP02", "Nước thốt nốt", "CT02", "Đồ uống", date(2023, 5, 1), "Đã đánh giá", 45, None,
         datetime(2023, 12, 1)],
        # row 4: written "3 sao" wins over score 40 (band 2); surveyed 2022; certified 2024
        ["SP03", "Bánh bò", "CT03", "Thực phẩm", "15/08/2022", "Đã nộp hồ sơ", 40, "3 sao", "2024-03-10"],
        # row 5: alias group -> Hàng thủ công mỹ nghệ; participating from 2024
        ["SP04", "Giỏ lục bình", "CT04", "Thủ công mỹ nghệ", "20/01/2024", "Đã đăng ký", None, None, None],
        # row 6: dropped out: never participating
        ["SP05", "Trà mãng cầu", "CT05", "Đồ uống", "01/06/2023", "Không tham gia", None, None, None],
        # row 7: a second participating product of CT01 (counted once)
        ["SP06", "Mắm cá linh", "CT01", "Thực phẩm", "02/02/2024", "Hoàn thiện hồ sơ", None, None, None],
        # row 8: a repeat of SP02 (rejected): would add an SP_OCOP and a CT05 producer in 2023 if it counted
        ["sp02", "Nước thốt nốt (lặp)", "CT05", "Đồ uống", "01/01/2023", "Đã đánh giá", 95, 5, "01/12/2023"],
        # row 9: no id (rejected): would add SP_OCOP, SP_TIEM_NANG in 2023
        [None, "Không mã", "CT03", "Thực phẩm", "01/03/2023", "Đã đánh giá", 92, None, "05/12/2023"],
    ],
    "Hồ sơ": [
        ["Mã sản phẩm", "Phiếu đăng ký", "Ngày nộp"],
        ["SP01", "Đã có", "01/08/2023"],
        ["SP02", "x", "15/09/2023"],
        ["SP03", "Đang làm", date(2024, 1, 5)],
        ["SP04", "Chưa có", None],
    ],
    "Tuyên truyền": [
        ["Ngày", "Hình thức", "Nội dung", "Khóm", "Số người tham dự", "Chủ thể được tiếp cận"],
        ["10/01/2023", "Zalo", "OCOP", "Toàn phường", 100, "CT01, CT02"],          # r2
        ["15.03.2023", "Họp dân", "OCOP", "vinh phu", "40", "ct02; CT04"],          # r3
        [date(2023, 4, 20), "Hội nghị", "ATTP", VC1, 30, None],                     # r4
        ["31/02/2023", "Họp dân", "OCOP", VD, 500, "CT03"],                         # r5 rejected
        ["01/06/2023", "Vãng gia", "OCOP", VC1, "khoảng 20", "CT05, CT99"],         # r6
        [date(2024, 2, 1), "Họp dân", "OCOP", VD, 25, "CT03"],                      # r7
        ["01/03/2024", "Hội nghị", "OCOP", VP, 35, "CT04, CT02"],                   # r8
        ["01/05/2024", "Đài", "OCOP", VD, None, None],                              # r9
    ],
    "Tập huấn": [
        ["Ngày", "Tên lớp tập huấn", "Người tham dự"],
        [date(2023, 6, 8), "Nghiệp vụ OCOP 2023", "Nguyễn Văn An"],
        ["08/06/2023", "Nghiệp vụ OCOP 2023", "Lê Thị Hồng"],
        [date(2024, 7, 1), "Nghiệp vụ OCOP 2024", "Nguyễn Văn An"],
        ["sắp tới", "Nghiệp vụ OCOP 2025", "Trần Văn Bình"],                        # rejected
    ],
    "Chỉ tiêu": [
        ["Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"],
        [2023, "SP_OCOP", "Sản phẩm OCOP 3 sao", 2, "sản phẩm"],
        [2023, "SP_TIEM_NANG", None, 3, None],
        [2023, "HO_SO_NOP", None, 0, None],           # zero target: no percent
        [2023, "TT_LUOT_NGUOI", None, "200", "lượt"],
        [2023, "TT_SO_BUOI", None, None, None],       # blank target: row rejected, no target
        [2023, "DT_DOANH_THU", "Doanh thu", 500, "triệu đồng"],  # unknown code
    ],
    "Nhiệm vụ": [["Đơn vị", "Nhiệm vụ"], ["KT-KH", "Rà soát"]],
}


@pytest.fixture(scope="module")
def ds():
    return normalise(WORKBOOK)


def test_fixture_reads_as_intended(ds):
    # rejected: products rows 8 and 9, outreach row 5, training row 5, targets row 6
    rejected = {k: v.rejected for k, v in ds.accounting.items() if v.rejected}
    assert rejected == {"products": 2, "outreach": 1, "training": 1, "targets": 1}
    assert ds.tables["producers"].set_index("producer_id").loc["CT04", "area"] == VP


# 2023, no filters:
#   SP_OCOP          SP01 (certified 20/11/2023, 4 stars from score 75). SP02 certified 2023 but 2 stars
#                    (score 45); the repeat of SP02 and the row without id are rejected.           -> 1
#   SP_TIEM_NANG     surveyed in 2023: SP01, SP02, SP05 (SP03 was 2022; rejected rows don't count) -> 3
#   HO_SO_NOP        submitted in 2023: SP01, SP02                                                -> 2
#   CHU_THE_THAM_GIA surveyed <= 2023 and participating: SP01 CT01, SP02 CT02, SP03 CT03
#                    (SP05 dropped out)                                                           -> 3
#   TT_SO_BUOI       rows 2, 3, 4, 6 (row 5, 31/02, rejected)                                     -> 4
#   TT_LUOT_NGUOI    100 + 40 + 30 + blank ("khoảng 20")                                          -> 170
#   TT_KHOM          row 2 is Toàn phường: all three khóm                                          -> 3
#   TT_CHU_THE       CT01, CT02, CT04, CT05 (CT99 unknown, dropped)                               -> 4
#   TH_LUOT_CAN_BO   two 2023 rows                                                                -> 2
# 2024, no filters:
#   SP_OCOP          SP03 (certified 10/03/2024, written "3 sao" beats the score band of 40 = 2)   -> 1
#   SP_TIEM_NANG     SP04, SP06                                                                   -> 2
#   HO_SO_NOP        SP03                                                                         -> 1
#   CHU_THE_THAM_GIA CT01 (SP01, SP06), CT02, CT03, CT04                                          -> 4
#   TT_SO_BUOI       rows 7, 8, 9                                                                 -> 3
#   TT_LUOT_NGUOI    25 + 35 + blank                                                              -> 60
#   TT_KHOM          Vĩnh Đông, Vĩnh Phú                                                          -> 2
#   TT_CHU_THE       CT03, CT04, CT02                                                             -> 3
#   TH_LUOT_CAN_BO   one 2024 row (the undated 2025 row is rejected)                              -> 1
EXPECTED = {
    2023: {"SP_OCOP": 1, "SP_TIEM_NANG": 3, "HO_SO_NOP": 2, "CHU_THE_THAM_GIA": 3, "TT_SO_BUOI": 4,
           "TT_LUOT_NGUOI": 170, "TT_KHOM": 3, "TT_CHU_THE": 4, "TH_LUOT_CAN_BO": 2},
    2024: {"SP_OCOP": 1, "SP_TIEM_NANG": 2, "HO_SO_NOP": 1, "CHU_THE_THAM_GIA": 4, "TT_SO_BUOI": 3,
           "TT_LUOT_NGUOI": 60, "TT_KHOM": 2, "TT_CHU_THE": 3, "TH_LUOT_CAN_BO": 1},
    # 2022: SP03 surveyed 2022 -> SP_TIEM_NANG 1, CHU_THE_THAM_GIA 1 (CT03); nothing else
    2022: {"SP_OCOP": 0, "SP_TIEM_NANG": 1, "HO_SO_NOP": 0, "CHU_THE_THAM_GIA": 1, "TT_SO_BUOI": 0,
           "TT_LUOT_NGUOI": 0, "TT_KHOM": 0, "TT_CHU_THE": 0, "TH_LUOT_CAN_BO": 0},
}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_every_indicator_by_hand(ds, year):
    assert actuals(ds, Filters(year)) == EXPECTED[year]


def test_actuals_cover_every_indicator_code(ds):
    assert set(actuals(ds, Filters(2023))) == set(c.INDICATOR_CODES)


def test_stars_blank_come_from_the_score_band(ds):
    products = filtered_products(ds, Filters(2023)).set_index("product_id")
    assert products.loc["SP01", "stars_effective"] == 4   # score 75
    assert products.loc["SP02", "stars_effective"] == 2   # score 45
    assert products.loc["SP03", "stars_effective"] == 3   # written 3 sao, score 40
    assert pd.isna(products.loc["SP04", "stars_effective"])  # neither


def test_indicator_table_2023(ds):
    table = indicators(ds, Filters(2023)).set_index("code")
    # every known code first, in contract order, then the unknown one
    assert list(table.index) == list(c.INDICATOR_CODES) + ["DT_DOANH_THU"]
    # SP_OCOP: 1 of 2 -> 50%; label and unit from the Chỉ tiêu tab
    assert table.loc["SP_OCOP", ["target", "actual", "percent"]].tolist() == [2.0, 1, 0.5]
    assert table.loc["SP_OCOP", "label"] == "Sản phẩm OCOP 3 sao"
    assert table.loc["SP_OCOP", "unit"] == "sản phẩm"
    # SP_TIEM_NANG: 3 of 3; no label in the tab -> the catalogue's
    assert table.loc["SP_TIEM_NANG", "percent"] == 1.0
    assert table.loc["SP_TIEM_NANG", "label"] == "Sản phẩm tiềm năng được rà soát"
    # TT_LUOT_NGUOI: 170 of "200" -> 85%
    assert table.loc["TT_LUOT_NGUOI", "percent"] == pytest.approx(0.85)
    # HO_SO_NOP: target 0 -> no percent
    assert table.loc["HO_SO_NOP", "target"] == 0.0
    assert table.loc["HO_SO_NOP", "actual"] == 2
    assert _none(table.loc["HO_SO_NOP", "percent"])
    # TT_SO_BUOI: its target row was rejected (blank target) -> no target, no percent, still computed
    assert _none(table.loc["TT_SO_BUOI", "target"]) and _none(table.loc["TT_SO_BUOI", "percent"])
    assert table.loc["TT_SO_BUOI", "actual"] == 4 and bool(table.loc["TT_SO_BUOI", "computed"])
    # a code with no target row at all
    assert _none(table.loc["TT_KHOM", "target"]) and table.loc["TT_KHOM", "actual"] == 3
    # unknown code: listed, target kept, not computed
    unknown = table.loc["DT_DOANH_THU"]
    assert not bool(unknown["computed"])
    assert unknown["target"] == 500.0 and unknown["label"] == "Doanh thu"
    assert _none(unknown["actual"]) and _none(unknown["percent"])
    assert table.drop(index="DT_DOANH_THU")["computed"].all()


def test_percent_is_actual_over_target(ds):
    table = indicators(ds, Filters(2023))
    with_target = table[table["computed"] & table["target"].gt(0)]
    assert len(with_target) == 3
    for row in with_target.itertuples():
        assert row.percent == pytest.approx(row.actual / row.target)


def test_indicator_labels_in_english(ds):
    table = indicators(ds, Filters(2023), lang="en").set_index("code")
    assert table.loc["SP_TIEM_NANG", "label"] == "Potential products reviewed"
    assert table.loc["SP_OCOP", "label"] == "Products rated 3 stars or more"  # English: the catalogue, not the sheet
    assert indicators(ds, Filters(2023)).set_index("code").loc["SP_OCOP", "label"] == "Sản phẩm OCOP 3 sao"


def test_no_targets_for_a_year(ds):
    table = indicators(ds, Filters(2024))
    assert list(table["code"]) == list(c.INDICATOR_CODES)
    assert table["target"].isna().all() and table["percent"].isna().all()
    assert dict(zip(table["code"], table["actual"])) == EXPECTED[2024]


# Filters(areas=("Vĩnh Phú",)): products through their producer's khóm (CT02 SP02, CT04 SP04), dossiers of
# those products, outreach rows in Vĩnh Phú or Toàn phường; training is not narrowed.
#   2023: SP_OCOP 0 (SP02 has 2 stars); SP_TIEM_NANG 1 (SP02); HO_SO_NOP 1 (SP02); CHU_THE 1 (CT02);
#         outreach rows 2 (Toàn phường) and 3 (vinh phu): 2 rows, 140 people, 1 khóm, CT01 CT02 CT04 -> 3
#   2024: SP_TIEM_NANG 1 (SP04); CHU_THE 2 (CT02, CT04); HO_SO_NOP 0; outreach row 8: 1, 35, 1 khóm,
#         CT04 CT02 -> 2
def test_area_filter(ds):
    f = Filters(2023, areas=(VP,))
    assert actuals(ds, f) == {"SP_OCOP": 0, "SP_TIEM_NANG": 1, "HO_SO_NOP": 1, "CHU_THE_THAM_GIA": 1,
                              "TT_SO_BUOI": 2, "TT_LUOT_NGUOI": 140, "TT_KHOM": 1, "TT_CHU_THE": 3,
                              "TH_LUOT_CAN_BO": 2}
    assert sorted(filtered_products(ds, f)["product_id"]) == ["SP02", "SP04"]
    assert list(filtered_outreach(ds, f)["area"]) == [c.WHOLE_WARD, VP]
    assert actuals(ds, Filters(2024, areas=(VP,))) == {
        "SP_OCOP": 0, "SP_TIEM_NANG": 1, "HO_SO_NOP": 0, "CHU_THE_THAM_GIA": 2, "TT_SO_BUOI": 1,
        "TT_LUOT_NGUOI": 35, "TT_KHOM": 1, "TT_CHU_THE": 2, "TH_LUOT_CAN_BO": 1}


# Filters(areas=(Vĩnh Chánh 1, Vĩnh Đông)), 2023: products of CT01, CT03, CT05 = SP01, SP03, SP05, SP06.
#   SP_OCOP 1 (SP01); SP_TIEM_NANG 2 (SP01, SP05); HO_SO_NOP 1 (SP01); CHU_THE 2 (CT01, CT03);
#   outreach rows 2 (Toàn phường), 4 (VC1), 6 (VC1): 3 rows, 130 people, khóm reached {VC1, VD} -> 2,
#   producers CT01 CT02 CT05 -> 3
def test_two_area_filter(ds):
    assert actuals(ds, Filters(2023, areas=(VC1, VD))) == {
        "SP_OCOP": 1, "SP_TIEM_NANG": 2, "HO_SO_NOP": 1, "CHU_THE_THAM_GIA": 2, "TT_SO_BUOI": 3,
        "TT_LUOT_NGUOI": 130, "TT_KHOM": 2, "TT_CHU_THE": 3, "TH_LUOT_CAN_BO": 2}


# Filters(groups=("Thực phẩm",)): SP01, SP03, SP06 and their dossiers; outreach and training unchanged.
#   2023: SP_OCOP 1 (SP01); SP_TIEM_NANG 1 (SP01); HO_SO_NOP 1 (SP01); CHU_THE 2 (CT01, CT03)
#   2024: SP_OCOP 1 (SP03); SP_TIEM_NANG 1 (SP06); HO_SO_NOP 1 (SP03); CHU_THE 2 (CT01, CT03)
def test_group_filter(ds):
    food = (c.PRODUCT_GROUPS[0],)
    assert actuals(ds, Filters(2023, groups=food)) == EXPECTED[2023] | {
        "SP_OCOP": 1, "SP_TIEM_NANG": 1, "HO_SO_NOP": 1, "CHU_THE_THAM_GIA": 2}
    assert actuals(ds, Filters(2024, groups=food)) == EXPECTED[2024] | {
        "SP_OCOP": 1, "SP_TIEM_NANG": 1, "HO_SO_NOP": 1, "CHU_THE_THAM_GIA": 2}
    # the alias "Thủ công mỹ nghệ" was read as the handicraft group: SP04 (CT04), 2024
    craft = actuals(ds, Filters(2024, groups=(c.HANDICRAFT_GROUP,)))
    assert (craft["SP_TIEM_NANG"], craft["CHU_THE_THAM_GIA"], craft["SP_OCOP"], craft["HO_SO_NOP"]) == (1, 1, 0, 0)


def test_group_and_area_filters_combine(ds):
    # Đồ uống in Vĩnh Chánh 1: only SP05 (CT05, dropped out, surveyed 2023)
    got = actuals(ds, Filters(2023, areas=(VC1,), groups=("Đồ uống",)))
    assert (got["SP_TIEM_NANG"], got["CHU_THE_THAM_GIA"], got["SP_OCOP"], got["HO_SO_NOP"]) == (1, 0, 0, 0)


def test_years_newest_first(ds):
    # targets 2023; certified 2023-2024; outreach/training 2023-2024.
    # 2022 has only SP03's survey date: no year of its own. The rejected training row
    # ("sắp tới", meant for 2025) adds nothing.
    assert years(ds) == [2024, 2023]


def test_a_survey_date_adds_no_year_and_history_before_the_records_adds_none():
    products = [["Mã sản phẩm", "Tên sản phẩm", "Ngày rà soát", "Giai đoạn"],
                ["SP01", "Mắm", "01/03/2020", "Tiềm năng"]]
    assert years(normalise({"Sản phẩm": products})) == []
    training = [["Ngày", "Tên lớp tập huấn", "Người tham dự"], ["05/05/2021", "OCOP", "A"]]
    dossiers = [["Mã sản phẩm", "Ngày nộp"], ["SP01", "10/10/2019"]]
    assert years(normalise({"Sản phẩm": products, "Hồ sơ": dossiers})) == [2019]
    # With activity from 2021, a dossier of 2019 is history (no year); one of 2022 is that year's data.
    ds = normalise({"Sản phẩm": products, "Tập huấn": training, "Hồ sơ": dossiers})
    assert years(ds) == [2021]
    dossiers[1] = ["SP01", "01/02/2022"]  # one dossier row per product
    assert years(normalise({"Sản phẩm": products, "Tập huấn": training, "Hồ sơ": dossiers})) == [2022, 2021]


def test_empty_workbook_gives_zeros():
    ds = normalise({})
    assert actuals(ds, Filters(2023)) == dict.fromkeys(c.INDICATOR_CODES, 0)
    assert years(ds) == []


def _none(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def test_year_choices_put_the_newest_year_with_targets_first(ds):
    # targets only for 2023; data in 2023–2024 (2022 only a survey date)
    assert year_choices(ds) == [2023, 2024]


def test_year_choices_without_any_year_fall_back_to_the_plan_year():
    empty = normalise({"Thông tin": [["Mục", "Giá trị"], ["Năm kế hoạch", 2031]]})
    assert year_choices(empty) == [2031]
