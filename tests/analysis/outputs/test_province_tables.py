"""analysis/outputs/province_tables.py: the province pages' tables, from small frames shaped like the store's."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.outputs import province_tables as pt
from analysis.outputs.chart_style import PACE_COLOURS

UTC = "UTC"


def units() -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["B", "A", "C"], "name": ["Xã Bê", "<b>x</b> [l](http://evil)", "Xã Xê"], "position": [1, 0, 2],
        "status": ["ok", "stale", "unreadable"],
        "reason_code": [None, "not_workbook", "file_missing"],
        "reason_params": [{}, {"path": "b.xlsx"}, {"path": "c.xlsx"}],
        "failing_since": pd.to_datetime([None, "2026-03-14T20:00:00Z", "2026-03-01T01:00:00Z"], utc=True),
        "read_at": pd.to_datetime(["2026-03-15T01:00:00Z", "2026-03-10T01:00:00Z", None], utc=True),
    })


def long() -> pd.DataFrame:
    return pd.DataFrame({
        "unit_code": ["A", "A", "B", "B"], "code": ["SP_OCOP", "TT_SO_BUOI", "SP_OCOP", "TT_SO_BUOI"],
        "target": [2.0, 10.0, 4.0, None], "actual": [3.0, 1.0, 1.0, 5.0],
        "percent": [1.5, 0.1, 0.25, None], "pace": ["reached", "behind", "on_track", None],
    })


def link(code: str) -> str:
    return f"./?unit={code}"


def test_the_matrix_has_every_unit_in_registry_order_with_percent_and_mark():
    table = pt.matrix_table(long(), units(), link)
    assert list(table.values["Đơn vị"]) == ["./?unit=A", "./?unit=B", "./?unit=C"]
    assert list(table.text["Đơn vị"]) == ["<b>x</b> [l](http://evil)", "Xã Bê", "Xã Xê"]  # as written
    assert list(table.text["Tình trạng"]) == ["⚠ Dữ liệu cũ", "✓ Đã đọc", "✕ Không đọc được"]
    assert list(table.text["SP 3 sao+"]) == ["150% ✓", "25% →", "—"]
    assert list(table.text["Buổi TT"]) == ["10% ▼", "—", "—"]  # a figure without a target has no pace
    assert list(table.values["SP 3 sao+"]) == [150.0, 25.0, pt.NO_VALUE]  # sorts by number
    assert table.colours["SP 3 sao+"].iloc[0] == pt.PACE_BACKGROUNDS["reached"]
    assert table.colours["Buổi TT"].iloc[1] == ""


def test_the_styler_shows_the_text_over_the_values_and_tints_by_pace():
    table = pt.matrix_table(long(), units(), link)
    html = table.styler().to_html()
    assert "150% ✓" in html and "10% ▼" in html and pt.PACE_BACKGROUNDS["behind"] in html
    assert ">150.0<" not in html


def test_tints_keep_the_hue_and_stay_light():
    tint = pt.tint(PACE_COLOURS["reached"])
    assert tint.startswith("#") and len(tint) == 7
    assert all(int(tint[i:i + 2], 16) > 190 for i in (1, 3, 5))
    assert pt.tint("#000000", 1.0) == "#000000" and pt.tint("#000000", 0.0) == "#FFFFFF"


def test_the_ranking_sorts_by_share_and_shows_counts():
    ranked = pd.DataFrame({"rank": [1, 2], "unit_code": ["A", "B"], "with_target": [2, 0], "on_track": [1, 0],
                           "behind": [1, 0], "mean_percent": [0.55, None], "share_on_track": [0.5, None],
                           "name": ["Xã A", "Xã B"], "status": ["ok", "stale"]})
    table = pt.ranking_table(ranked, link, "en")
    assert list(table.text.columns) == ["Rank", "Unit", "Targets on track", "Mean reached", "Status"]
    assert list(table.text["Targets on track"]) == ["1 / 2", "—"]
    assert list(table.text["Mean reached"]) == ["55%", "—"]
    assert list(table.values["Mean reached"]) == [pytest.approx(55.0), pt.NO_VALUE]


def test_behind_and_not_current_as_parts_of_sentences():
    behind = pd.DataFrame({"unit_code": ["A"], "name": ["Xã A"], "behind": [2], "codes": [("TT_KHOM", "SP_OCOP")]})
    assert pt.behind_list(behind) == [{"code": "A", "name": "Xã A", "behind": 2,
                                       "indicators": ["Số khóm được tuyên truyền", "Sản phẩm đạt 3 sao trở lên"]}]
    rows = units()[units()["status"] != "ok"]
    late = pt.not_current_list(rows, lambda code, params: f"{code}:{params['path']}")
    assert [u["reason"] for u in late] == ["not_workbook:b.xlsx", "file_missing:c.xlsx"]
    assert late[0]["since"] == "15/03/2026"  # 20:00 UTC is the next morning in Vietnam
    assert late[0]["last_read"] == "08:00 10/03/2026"
    assert late[1]["last_read"] == "—"


def test_issues_by_unit_counts_errors_and_warnings_per_tab():
    counts = pd.DataFrame({"unit_code": ["A", "A", "A", "B", ""], "tab": ["Sản phẩm", "Sản phẩm", "Khóm", "Khóm", "x"],
                           "severity": ["error", "warning", "notice", "error", "error"], "issues": [2, 1, 5, 1, 9]})
    table = pt.issues_by_unit(counts, units(), link)
    assert list(table.values.columns) == ["Đơn vị", "Tình trạng", "Lỗi", "Cảnh báo", "Khóm", "Sản phẩm"]
    assert list(table.values["Lỗi"]) == [2, 1, 0] and list(table.values["Cảnh báo"]) == [1, 0, 0]
    assert list(table.values["Khóm"]) == [0, 1, 0]  # notices are advice, not counted
    assert list(table.text["Sản phẩm"]) == ["3", "0", "0"]
    assert table.colours["Lỗi"].iloc[2] == ""


def registry_issues() -> pd.DataFrame:
    return pd.DataFrame({"tab": ["Đơn vị"] * 3, "row": pd.array([3, 2, None], dtype="Int64"),
                         "column": ["Cán bộ phụ trách", "Mã đơn vị", None], "value": ["a@sai", "x y", None],
                         "severity": ["warning", "error", "notice"],
                         "reason": ["email_invalid", "unit_code_invalid", "registry_tab_missing"],
                         "params": [{}, {"max": 40}, {}]})


def test_registry_issues_hide_emails_from_viewers():
    shown = pt.registry_issues_view(registry_issues())
    assert list(shown["Mức độ"])[:2] == ["Lỗi", "Cảnh báo"]  # errors first
    assert list(shown["Giá trị đã ghi"]) == ["x y", "—", "—"]
    assert list(shown["Dòng"]) == ["2", "3", "—"]
    officer = pt.registry_issues_view(registry_issues(), personal=True)
    assert "a@sai" in set(officer["Giá trị đã ghi"])
    assert pt.registry_issues_view(registry_issues().iloc[0:0]).empty


def test_hide_emails():
    assert pt.hide_emails("gửi a.b@x.vn, c@d") == "gửi •••@•••, •••@•••"
    assert pt.hide_emails("không có") == "không có"


def test_marks_and_legend():
    assert pt.pace_cell(0.725, "behind") == "72,5% ▼"
    assert pt.pace_cell(0.725, None, "en") == "72.5%"
    assert pt.pace_cell(None, "behind") == "—"
    assert pt.pace_legend("en") == "✓ Reached · → On track · ▼ Behind"
    assert pt.indicator_header("XYZ") == "XYZ"
