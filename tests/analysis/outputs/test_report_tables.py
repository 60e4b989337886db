"""analysis/outputs/report_tables.py: the report's tables, in order, with catalogue headers and the demo's figures."""
from __future__ import annotations

from datetime import datetime

import pytest

from analysis.i18n import strings
from analysis.outputs.report_tables import report_tables
from tests.analysis.outputs.report_fixture import DEMO_2023, TABLES_VI, TODAY, demo_dataset


@pytest.fixture(scope="module")
def ds():
    return demo_dataset()


def test_tables_in_order_with_catalogue_headers(ds):
    tables = report_tables(ds, 2023, TODAY)
    assert list(tables) == TABLES_VI
    assert list(tables["Chỉ tiêu"].columns) == ["Mã", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Thực hiện",
                                                "Tỷ lệ đạt", "Tiến độ"]
    assert list(tables["Sản phẩm"].columns) == [
        "Mã sản phẩm", "Tên sản phẩm", "Chủ thể", "Nhóm", "Khóm", "Giai đoạn", "Hồ sơ bắt buộc", "Tất cả hồ sơ",
        "Giấy tờ bắt buộc còn thiếu", "Sao dự kiến (tự đánh giá)", "Sao chính thức", "Ngày công nhận",
        "Hết hạn chứng nhận"]
    assert list(tables["Tuyên truyền"].columns) == [
        "Khóm", "Đài truyền thanh", "Hội nghị", "Họp dân", "Vãng gia", "Mạng xã hội", "Tài liệu - tờ rơi",
        "Lồng ghép sinh hoạt hội", "Tổng số hoạt động", "Lượt người tham dự"]
    assert list(tables["Độ bao phủ"].columns) == ["Nội dung", "Đã tiếp cận", "Tổng số", "Tỷ lệ"]
    assert list(tables["Tập huấn"].columns) == ["Ngày", "Lớp tập huấn", "Đơn vị tổ chức", "Người tham dự",
                                                "Chức vụ", "Đơn vị công tác"]
    assert list(tables["Nhiệm vụ"].columns) == ["Đơn vị", "Nhiệm vụ", "Hạn hoàn thành", "Tình trạng", "Quá hạn"]
    assert list(tables["Chất lượng dữ liệu"].columns) == ["Trang tính", "Dòng đọc được", "Dòng hợp lệ",
                                                          "Dòng bị loại", "Lỗi", "Cảnh báo", "Lưu ý"]


def test_english_tables_have_english_headers(ds):
    vi, en = report_tables(ds, 2023, TODAY), report_tables(ds, 2023, TODAY, "en")
    assert list(en) == ["Indicators", "Products", "Outreach", "Coverage", "Training", "Tasks", "Data quality"]
    assert list(en["Indicators"].columns) == ["Code", "Indicator", "Unit", "Target", "Actual", "Reached", "Pace"]
    assert list(en["Data quality"].columns) == ["Tab", "Rows read", "Accepted", "Rejected", "Errors", "Warnings",
                                                "Notices"]
    for (name_vi, table_vi), table_en in zip(vi.items(), en.values()):
        assert table_vi.shape == table_en.shape, name_vi
    assert en["Indicators"].loc[0, "Indicator"] == "Products rated 3 stars or more"
    assert set(en["Products"]["Stage"]) <= {strings.t(k, "en") for k in (
        "stage.potential", "stage.registered", "stage.preparing", "stage.submitted", "stage.rated", "stage.dropped")}


def test_indicators_of_the_demo_2023(ds):
    table = report_tables(ds, 2023, TODAY)["Chỉ tiêu"]
    got = {row["Mã"]: (row["Chỉ tiêu"], row["Thực hiện"]) for _, row in table.iterrows()}
    assert got == DEMO_2023
    for _, row in table.iterrows():
        assert row["Tỷ lệ đạt"] == pytest.approx(row["Thực hiện"] / row["Chỉ tiêu"])
        assert row["Tiến độ"] == ("Đạt" if row["Thực hiện"] >= row["Chỉ tiêu"] else "Chậm tiến độ")  # 2023 is over


def test_products_are_the_whole_pipeline_with_readiness_and_stars(ds):
    table = report_tables(ds, 2023, TODAY)["Sản phẩm"].set_index("Mã sản phẩm")
    assert len(table) == 12  # every accepted product (SP05's repeat is rejected)
    assert table.loc["SP01", "Sao chính thức"] == "3 sao" and table.loc["SP03", "Sao chính thức"] == "4 sao"
    assert table.loc["SP05", "Sao dự kiến (tự đánh giá)"] == "3 sao"
    assert table.loc["SP01", "Giấy tờ bắt buộc còn thiếu"] == "Đủ"
    assert table.loc["SP07", "Giấy tờ bắt buộc còn thiếu"] == "Phương án kinh doanh"
    assert table.loc["SP10", "Giấy tờ bắt buộc còn thiếu"] == (
        "Phiếu đăng ký, Phương án kinh doanh, Giới thiệu tổ chức, Giấy ĐKKD, Mẫu sản phẩm")
    assert table.loc["SP06", "Hồ sơ bắt buộc"] == pytest.approx(0.8)
    assert table.loc["SP02", "Ngày công nhận"] == datetime(2023, 12, 22)
    assert table.loc["SP02", "Hết hạn chứng nhận"] == datetime(2026, 12, 22)


def test_outreach_totals_and_coverage_match_the_indicators(ds):
    tables = report_tables(ds, 2023, TODAY)
    outreach = tables["Tuyên truyền"]
    assert list(outreach["Khóm"]) == ["Vĩnh Chánh 1", "Vĩnh Chánh 2", "Vĩnh Đông", "Vĩnh Phú", "Toàn phường",
                                      "Tổng cộng"]
    total = outreach.iloc[-1]
    assert total["Tổng số hoạt động"] == 40 and total["Lượt người tham dự"] == 4086
    channels = outreach.columns[1:-2]
    assert (outreach[channels].sum(axis=1) == outreach["Tổng số hoạt động"]).all()
    coverage = tables["Độ bao phủ"].set_index("Nội dung")
    assert tuple(coverage.loc["Khóm được tuyên truyền", ["Đã tiếp cận", "Tổng số"]]) == (4, 4)
    assert tuple(coverage.loc["Chủ thể được tiếp cận", ["Đã tiếp cận", "Tổng số"]]) == (20, 25)
    assert coverage.loc["Chủ thể được tiếp cận", "Tỷ lệ"] == pytest.approx(0.8)


def test_training_tasks_and_data_quality(ds):
    tables = report_tables(ds, 2023, TODAY)
    training = tables["Tập huấn"]
    assert len(training) == 12 and training["Ngày"].is_monotonic_increasing
    tasks = tables["Nhiệm vụ"]
    assert len(tasks) == 13
    assert (tasks["Quá hạn"] == "Quá hạn").sum() == 3
    quality = tables["Chất lượng dữ liệu"].set_index("Trang tính")
    assert tuple(quality.loc["Sản phẩm", ["Dòng đọc được", "Dòng hợp lệ", "Dòng bị loại", "Lỗi"]]) == (13, 12, 1, 1)
    body = quality.drop(index="Tổng cộng")
    assert (body["Dòng đọc được"] == body["Dòng hợp lệ"] + body["Dòng bị loại"]).all()
    assert tuple(quality.loc["Tổng cộng", ["Lỗi", "Cảnh báo", "Lưu ý"]]) == (2, 2, 1)
