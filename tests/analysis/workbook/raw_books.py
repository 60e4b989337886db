"""Raw workbooks (tab title -> rows) for the reading tests of analysis/workbook/, and how to look at their issues."""
from __future__ import annotations

import copy
import unicodedata
from datetime import date, datetime

import pandas as pd


def nfd(text: str) -> str:
    out = unicodedata.normalize("NFD", text)
    assert out != text
    return out


# A small clean workbook; each test copies it and spoils one thing.
BASE: dict[str, list[list]] = {
    "Thông tin": [["Tên đơn vị", "Phường Thử"], ["Năm kế hoạch", 2023]],
    "Khóm": [["Khóm", "Số hộ"], ["Vĩnh Chánh 1", 100], ["Vĩnh Phú", 200]],
    "Chỉ tiêu": [["Năm", "Mã chỉ tiêu", "Chỉ tiêu"], [2023, "SP_OCOP", 1], [2023, "TT_SO_BUOI", 12]],
    "Chủ thể": [["Mã chủ thể", "Tên chủ thể", "Khóm", "Đăng ký kinh doanh"],
                ["CT01", "Cơ sở A", "Vĩnh Phú", "Có"], ["CT02", "Cơ sở B", "Vĩnh Chánh 1", "Không"]],
    "Sản phẩm": [["Mã sản phẩm", "Tên sản phẩm", "Mã chủ thể", "Điểm đánh giá", "Ngày rà soát"],
                 ["SP01", "Mắm", "CT01", 72, date(2023, 3, 1)],
                 ["SP02", "Bánh", "CT02", "55,5", "15/04/2023"]],
    "Hồ sơ": [["Mã sản phẩm", "Phiếu đăng ký", "Ngày nộp"], ["SP01", "Đã có", "01/08/2023"]],
    "Tuyên truyền": [["Ngày", "Hình thức", "Khóm", "Số người tham dự", "Chủ thể được tiếp cận"],
                     [datetime(2023, 3, 1), "Họp dân", "Vĩnh Phú", 40, "CT01"],
                     ["15/03/2023", "Hội nghị", "Toàn phường", "1.200", "CT01; ct02"]],
    "Tập huấn": [["Ngày", "Tên lớp tập huấn", "Người tham dự"], [date(2023, 6, 8), "Lớp OCOP", "An"]],
    "Nhiệm vụ": [["Đơn vị", "Nhiệm vụ", "Tình trạng"], ["KT-KH", "Rà soát sản phẩm", "Xong"]],
}


def book(**changes) -> dict[str, list[list]]:
    """BASE with tabs replaced (title=rows) or removed (title=None); keys are tab titles."""
    wb = copy.deepcopy(BASE)
    for title, rows in changes.items():
        title = title.replace("_", " ")
        if rows is None:
            del wb[title]
        else:
            wb[title] = rows
    return wb


def slim(title: str, rows: list[list]) -> dict[str, list[list]]:
    """Just the tab under test, with the tabs its cells refer to (Khóm, Chủ thể, Sản phẩm): fast."""
    wb = {t: copy.deepcopy(BASE[t]) for t in ("Khóm", "Chủ thể", "Sản phẩm")}
    wb[title] = rows
    return wb


def issues_of(ds, tab: str | None = None, reason: str | None = None) -> pd.DataFrame:
    issues = ds.issues
    if tab is not None:
        issues = issues[issues["tab"] == tab]
    if reason is not None:
        issues = issues[issues["reason"] == reason]
    return issues


def only_issue(ds, tab: str, reason: str) -> dict:
    found = issues_of(ds, tab, reason)
    assert len(found) == 1, ds.issues.to_string()
    return found.iloc[0].to_dict()
