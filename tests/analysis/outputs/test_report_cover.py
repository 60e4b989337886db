"""analysis/outputs/report_cover.py: the cover sheet of the report, and the sample mark."""
from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from analysis.outputs.report import build_report
from analysis.outputs.report_cover import source_text
from analysis.workbook.dataset import SourceInfo
from tests.analysis.fixture_small import AS_OF, small_dataset
from tests.analysis.outputs.report_fixture import SHEETS_VI, cover_items


def test_cover(book, ds):
    ws = book["Bìa"]
    assert ws["A1"].value == "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP) NĂM 2023"
    items = cover_items(ws)
    assert items["Đơn vị báo cáo"] == ds.info["ward_name"] == "Phường Vĩnh Hòa Đông (dữ liệu mẫu)"
    assert items["Kính gửi"] == ds.info["report_to"] == "Phòng Kinh tế thành phố Châu Đốc"
    assert items["Số kế hoạch"] == "42/KH-UBND"
    assert items["Năm báo cáo"] == 2023
    read_at = ds.source.read_local().replace(tzinfo=None, second=0, microsecond=0)
    assert items["Số liệu đọc lúc"].replace(second=0, microsecond=0) == read_at  # Vietnam time
    assert items["Ngày lập báo cáo"] == datetime(2024, 1, 15)
    assert "Bảng điều khiển OCOP của phường" in items["Nguồn số liệu"]
    value_cells = {row[0].value: row[1] for row in ws.iter_rows(max_col=2) if row[0].value is not None}
    assert value_cells["Năm báo cáo"].number_format == "0"  # 2023, never 2,023
    assert value_cells["Số liệu đọc lúc"].number_format == "DD/MM/YYYY HH:MM"
    assert value_cells["Ngày lập báo cáo"].number_format == "DD/MM/YYYY"
    texts = [cell.value for row in ws.iter_rows() for cell in row]
    assert "DỮ LIỆU MẪU" in texts  # the demo is marked as sample data
    for name in SHEETS_VI[1:]:
        assert name in items  # the contents list


def test_real_data_is_not_marked_as_sample():
    wb = build_report(small_dataset(), 2023, AS_OF)
    texts = [cell.value for ws in wb for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert not any("DỮ LIỆU MẪU" in text for text in texts)
    assert wb["Chỉ tiêu"]["A1"].value.endswith("15/08/2023 16:00")  # read 09:00 UTC = 16:00 in Vietnam


def test_blank_cover_values_read_as_a_dash():
    ds = small_dataset()
    ds = dataclasses.replace(ds, info={**ds.info, "report_to": None, "plan_number": "  "},
                             source=dataclasses.replace(ds.source, read_at=None))
    items = cover_items(build_report(ds, 2023, AS_OF)["Bìa"])
    assert items["Kính gửi"] == items["Số kế hoạch"] == items["Số liệu đọc lúc"] == "—"
    assert items["Ngày lập báo cáo"] == AS_OF


@pytest.mark.parametrize(("source", "vi", "en"), [
    (SourceInfo(kind="gsheet", location="1AbC", title="Sổ OCOP"), "Google Sheet: Sổ OCOP", "Google Sheet: Sổ OCOP"),
    (SourceInfo(kind="gsheet", location="1AbC"), "Google Sheet: 1AbC", "Google Sheet: 1AbC"),
    (SourceInfo(kind="xlsx", location="/du_lieu/ocop.xlsx"), "Tệp Excel: /du_lieu/ocop.xlsx",
     "Excel file: /du_lieu/ocop.xlsx"),
    (SourceInfo(kind="demo"), "Bảng tính mẫu kèm theo (dữ liệu mẫu)", "Bundled sample workbook (sample data)"),
])
def test_the_source_line_names_where_the_figures_were_read(source, vi, en):
    ds = dataclasses.replace(small_dataset(), source=source)
    assert (source_text(ds, "vi"), source_text(ds, "en")) == (vi, en)
