"""analysis/outputs/figures_outreach.py: the heat map, the cumulative reach and the coverage gauges."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.outputs.figures_outreach import coverage_gauges, cumulative_reach, outreach_heatmap
from tests.analysis.outputs.figure_inputs import HOSTILE, assert_inert, coverage, heat_table, reach_table


def test_heatmap_z_matches_input_with_month_labels():
    fig = outreach_heatmap(heat_table())
    assert len(fig.data) == 1 and isinstance(fig.data[0], go.Heatmap)
    heat = fig.data[0]
    assert [list(row) for row in heat.z] == heat_table().to_numpy().tolist()
    assert list(heat.x) == [f"Th{m}" for m in range(1, 13)]
    assert list(heat.y) == ["Khóm Vĩnh Phú", "Khóm Vĩnh Đông", "Toàn phường"]
    assert heat.texttemplate == "%{text}" and heat.text[1][6] == "1.234"
    assert heat.colorscale[0][1] != heat.colorscale[-1][1]  # a sequential scale
    assert heat.zmin == 0
    assert heat.colorbar.title.text == "Số hoạt động"
    assert fig.layout.title.text.replace("<br>", " ") == "Hoạt động tuyên truyền theo khóm và tháng"
    assert fig.layout.xaxis.title.text == "Tháng" and fig.layout.yaxis.title.text == "Khóm"


def test_heatmap_hover_reads_as_a_sentence():
    heat = outreach_heatmap(heat_table()).data[0]
    assert heat.customdata[0][2] == "Khóm Vĩnh Phú · Tháng 3: 2 hoạt động"
    assert heat.customdata[1][6] == "Khóm Vĩnh Đông · Tháng 7: 1.234 hoạt động"
    assert heat.customdata[2][2] == "Toàn phường · Tháng 3: 1 hoạt động"
    assert heat.hovertemplate == "%{customdata}<extra></extra>"
    en = outreach_heatmap(heat_table(), "en").data[0]
    assert list(en.x) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                          "Nov", "Dec"]
    assert en.customdata[0][2] == "Khóm Vĩnh Phú · March: 2 activities"
    assert en.customdata[2][2] == "Whole ward · March: 1 activity"
    assert en.colorbar.title.text == "Activities"


def test_heatmap_fills_missing_months_with_zero():
    partial = pd.DataFrame({3: [2], 5: [1]}, index=["Vĩnh Phú"])
    heat = outreach_heatmap(partial).data[0]
    assert list(heat.z[0]) == [0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert len(heat.x) == 12


def test_cumulative_reach_has_monthly_bars_and_a_cumulative_line():
    fig = cumulative_reach(reach_table())
    assert [type(tr) for tr in fig.data] == [go.Bar, go.Scatter]
    bars, line = fig.data
    assert list(bars.y) == [120, 0, 1114] and list(line.y) == [120, 120, 1234]
    assert list(bars.x) == ["Th1", "Th2", "Th3"]
    assert bars.name == "Trong tháng" and line.name == "Cộng dồn"
    assert list(line.text) == ["", "", "1.234"]  # the total, at the end of the line
    assert list(bars.customdata[2]) == ["Tháng 3", "1.114", "1.234"]
    assert fig.layout.title.text.replace("<br>", " ") == "Lượt người được tuyên truyền cộng dồn"
    assert fig.layout.xaxis.title.text == "Tháng" and fig.layout.yaxis.title.text == "Lượt người"
    en = cumulative_reach(reach_table(), "en")
    assert en.layout.title.text.replace("<br>", " ") == "People reached, cumulative"
    assert list(en.data[0].x) == ["Jan", "Feb", "Mar"]
    assert list(en.data[0].customdata[2]) == ["March", "1,114", "1,234"]


def test_cumulative_reach_orders_months():
    fig = cumulative_reach(reach_table().iloc[::-1])
    assert list(fig.data[0].x) == ["Th1", "Th2", "Th3"]


def test_coverage_gauges_side_by_side_in_percent():
    fig = coverage_gauges(coverage())
    assert [type(tr) for tr in fig.data] == [go.Indicator, go.Indicator]
    areas, producers = fig.data
    assert areas.value == pytest.approx(75.0) and producers.value == pytest.approx(48.0)
    assert areas.title.text == "Khóm được tiếp cận: 3/4"
    assert producers.title.text == "Chủ thể được tiếp cận: 12/25"
    assert areas.number.suffix == "%"
    assert areas.domain.x[1] <= producers.domain.x[0]  # side by side, not overlapping
    assert tuple(areas.gauge.axis.range) == (0, 100)
    assert fig.layout.separators == ",."  # so 72.5 shows as 72,5
    en = coverage_gauges({**coverage(), "producers_total": 1250}, "en")
    assert en.data[0].title.text == "Khóm reached: 3/4"
    assert en.data[1].title.text == "Producers reached: 12/1,250"
    assert coverage_gauges({**coverage(), "producers_total": 1250}).data[1].title.text.endswith("12/1.250")


def test_coverage_with_one_share_missing_marks_it_not_computed():
    fig = coverage_gauges({**coverage(), "producer_share": None, "producers_total": 0})
    producers = fig.data[1]
    assert producers.value is None and producers.mode == "gauge"
    assert "Không tính được" in producers.title.text
    assert fig.data[0].mode == "gauge+number"


def test_khom_names_from_the_sheet_are_plain_text_in_rows_and_hover():
    heat = heat_table().rename(index={"Vĩnh Phú": HOSTILE})
    assert_inert(outreach_heatmap(heat))
