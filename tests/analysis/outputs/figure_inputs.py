"""The tables the figure tests draw (tests/analysis/outputs/test_figures*.py, test_chart_style.py):
small, with Vietnamese labels, numbers above 1.000 and a missing value or two."""
from __future__ import annotations

import pandas as pd

from analysis.workbook import contract as c


def progress_table() -> pd.DataFrame:
    return pd.DataFrame([
        {"code": "SP_OCOP", "label": "Sản phẩm đạt 3 sao trở lên", "target": 2.0, "actual": 2.0,
         "percent": 1.0, "pace": "reached"},
        {"code": "TT_LUOT_NGUOI", "label": "Lượt người được tuyên truyền", "target": 1702.0,
         "actual": 1234.0, "percent": 0.725, "pace": "on_track"},
        {"code": "HO_SO_NOP", "label": "Hồ sơ nộp đánh giá, phân hạng", "target": 4.0, "actual": 1.0,
         "percent": 0.25, "pace": "behind"},
        {"code": "TT_KHOM", "label": "Số khóm được tuyên truyền", "target": None, "actual": 3.0,
         "percent": None, "pace": None},
        {"code": "TT_CHU_THE", "label": "Chủ thể được tiếp cận", "target": 10.0, "actual": 12.0,
         "percent": 1.2, "pace": None},
    ])


def funnel_table() -> pd.DataFrame:
    return pd.DataFrame({"stage": list(c.STAGES[:5]), "count": [1234, 9, 5, 3, 1]})


def readiness_table() -> pd.DataFrame:
    return pd.DataFrame([
        {"product_id": "SP01", "name": "Mắm cá linh", "gate": 0.6, "depth": 0.5,
         "missing_required": ("business_licence", "samples"), "stage": "Hoàn thiện hồ sơ"},
        {"product_id": "SP02", "name": "Đường thốt nốt", "gate": 1.0, "depth": 0.725,
         "missing_required": (), "stage": "Đã nộp hồ sơ"},
        {"product_id": "SP03", "name": "Khăn thổ cẩm", "gate": None, "depth": None,
         "missing_required": (), "stage": "Tiềm năng"},
    ])


def heat_table() -> pd.DataFrame:
    data = {m: [0, 0, 0] for m in range(1, 13)}
    data[3] = [2, 0, 1]
    data[7] = [1, 1234, 0]
    return pd.DataFrame(data, index=["Vĩnh Phú", "Vĩnh Đông", c.WHOLE_WARD])


def counts_table() -> pd.DataFrame:
    return pd.DataFrame({"value": ["Họp dân", "Đài truyền thanh", "Mạng xã hội"],
                         "activities": [12, 5, 1], "attendees": [1234, 0, 40]})


def reach_table() -> pd.DataFrame:
    return pd.DataFrame({"month": [1, 2, 3], "attendees": [120, 0, 1114],
                         "cumulative": [120, 120, 1234]})


def coverage() -> dict:
    return {"area_share": 0.75, "producer_share": 0.48, "areas_reached": 3, "areas_total": 4,
            "producers_reached": 12, "producers_total": 25}


# Sheet text that Plotly would render as a link, bold and an image (its HTML subset) if passed through.
HOSTILE = '<a href="https://evil.example">Bấm</a> <b>đậm</b> <img src=https://evil.example/i.png> & co'


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return [s for v in (value.tolist() if hasattr(value, "tolist") else value) for s in _strings(v)]
    return []


def assert_inert(fig) -> None:
    """No tag from HOSTILE survives anywhere in the figure (labels, hover, text, titles); it reads as text."""
    dumped = "\n".join(_strings(fig.to_plotly_json()))
    for tag in ("<a ", "</a>", "<b>đậm", "<img"):
        assert tag not in dumped, tag
    assert 'Bấm&lt;/a&gt;' in dumped and "&amp; co" in dumped
