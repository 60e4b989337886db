"""The bundled demo workbook: rebuilt identically by its script, and holding the sample it promises.

These checks read the .xlsx with openpyxl only, so they do not depend on the readers.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from data_sources.demo import build_demo

DEMO = Path(build_demo.__file__).with_name("ocop_demo.xlsx")
TABS = ["Thông tin", "Khóm", "Chỉ tiêu", "Chủ thể", "Sản phẩm", "Hồ sơ", "Tuyên truyền",
        "Tập huấn", "Nhiệm vụ"]
STAGES = {"Tiềm năng", "Đã đăng ký", "Hoàn thiện hồ sơ", "Đã nộp hồ sơ", "Đã đánh giá",
          "Không tham gia"}


@pytest.fixture(scope="module")
def wb():
    return load_workbook(DEMO)


def _values(ws) -> list[tuple]:
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def _table(ws, first_header: str) -> list[dict]:
    """Rows under the header row (the first of the first 10 whose column A is `first_header`)."""
    rows = _values(ws)
    start = next(i for i, row in enumerate(rows[:10]) if row[0] == first_header)
    header = rows[start]
    return [dict(zip(header, row)) for row in rows[start + 1:] if any(v is not None for v in row)]


def _day_first(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", value.strip())
        if m:
            try:
                return date(int(m[3]), int(m[2]), int(m[1]))
            except ValueError:
                return None
    return None


def test_script_rebuilds_the_committed_file(tmp_path, wb):
    rebuilt = load_workbook(build_demo.build(tmp_path / "rebuilt.xlsx"))
    assert rebuilt.sheetnames == wb.sheetnames
    for title in wb.sheetnames:
        assert _values(rebuilt[title]) == _values(wb[title]), title


def test_rebuild_is_byte_identical(tmp_path):
    first = build_demo.build(tmp_path / "a.xlsx").read_bytes()
    second = build_demo.build(tmp_path / "b.xlsx").read_bytes()
    assert first == second


def test_tabs_in_order(wb):
    assert wb.sheetnames == TABS


def test_marked_as_sample(wb):
    info = {row[0]: row[1] for row in _values(wb["Thông tin"])}
    assert info["Tên đơn vị"].endswith("(dữ liệu mẫu)")
    assert info["Năm kế hoạch"] == 2023
    assert "không phải số liệu thật" in info["Ghi chú"]


def test_dates_are_real_date_cells_formatted_day_first(wb):
    ws = wb["Sản phẩm"]
    cell = ws["E2"]
    assert isinstance(cell.value, datetime)
    assert cell.number_format == "dd/mm/yyyy"


def test_producers_header_in_row_3_under_a_title(wb):
    rows = _values(wb["Chủ thể"])
    assert rows[0][0] and "DỮ LIỆU MẪU" in rows[0][0]
    assert all(v is None for v in rows[1])
    assert rows[2][0] == "Mã chủ thể"
    producers = _table(wb["Chủ thể"], "Mã chủ thể")
    assert len({p["Mã chủ thể"] for p in producers}) >= 20
    khom = {row[0] for row in _values(wb["Khóm"])[1:]}
    assert len(khom) == 4 and "Vĩnh Phú" in khom
    assert {p["Khóm"] for p in producers} == khom


def test_products_cover_every_stage_and_one_3_star_in_2023(wb):
    products = _table(wb["Sản phẩm"], "Mã sản phẩm")
    ids = [p["Mã sản phẩm"] for p in products]
    assert len(set(ids)) >= 10
    assert len(ids) == len(set(ids)) + 1  # one stray repeated id, on purpose
    assert {p["Giai đoạn"] for p in products} == STAGES
    first = {}
    for p in products:
        first.setdefault(p["Mã sản phẩm"], p)
    certified_2023 = [p for p in first.values()
                      if _day_first(p["Ngày công nhận"]) and _day_first(p["Ngày công nhận"]).year == 2023]
    assert len(certified_2023) == 1
    (p,) = certified_2023
    assert str(p["Số sao"]).startswith("3") and 50 <= p["Điểm đánh giá"] <= 69


def test_outreach_counts(wb):
    outreach = _table(wb["Tuyên truyền"], "Ngày")
    dated = [_day_first(o["Ngày"]) for o in outreach]
    in_2023 = [d for d in dated if d and d.year == 2023]
    in_2024 = [d for d in dated if d and d.year == 2024]
    assert len(in_2023) >= 35
    assert {d.month for d in in_2023} == set(range(1, 13))
    assert len(in_2024) >= 15
    assert dated.count(None) == 1  # the unreadable 31/02/2023


def test_header_rows(wb):
    # The one header typed without diacritics is on the Hồ sơ tab.
    assert _values(wb["Hồ sơ"])[0][0] == "Ma san pham"
    assert _values(wb["Tập huấn"])[0][:4] == ("Ngày", "Tên lớp tập huấn", "Đơn vị tổ chức", "Người tham dự")
    assert _values(wb["Nhiệm vụ"])[0][:2] == ("Đơn vị", "Nhiệm vụ")
    assert _values(wb["Chỉ tiêu"])[0][:4] == ("Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu")
