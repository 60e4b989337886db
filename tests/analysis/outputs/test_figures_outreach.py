"""analysis/outputs/figures_outreach.py: the heat map, the cumulative reach and the coverage gauges."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.outputs.figures_outreach import coverage_gauges, cumulative_reach, outreach_heatmap
from tests.analysis.outputs.figure_inputs import HOSTILE, assert_inert, coverage, heat_table, reach_table


def test_heatmap_has_months_down_and_khom_across_with_counts():
    fig = outreach_heatmap(heat_table())
    assert len(fig.data) == 1 and isinstance(fig.data[0], go.Heatmap)
    heat = fig.data[0]
    assert [list(row) for row in heat.z] == heat_table().T.to_numpy().tolist()  # rows: months; columns: khóm
    assert list(heat.y) == [f"Th{m}" for m in range(1, 13)]
    assert list(heat.x) == ["Vĩnh<br>Phú", "Vĩnh<br>Đông", "Toàn<br>phường"]
    assert heat.texttemplate == "%{text}" and heat.text[6][1] == "1.234"
    assert heat.colorscale[0][1] != heat.colorscale[-1][1]  # a sequential scale
    assert heat.zmin == 0
    assert heat.colorbar.title.text == "Số hoạt động"
    assert fig.layout.title.text.replace("<br>", " ") == "Hoạt động tuyên truyền theo khóm và tháng"
    assert fig.layout.xaxis.title.text == "Khóm" and fig.layout.yaxis.title.text == "Tháng"


def test_heatmap_is_laid_out_for_a_phone():
    """Twelve months down, a few khóm across: each column keeps its width on a 360 px screen, every
    month has its label, khóm names break a word a line, and the colour bar lies under the grid,
    as wide as the grid at most."""
    fig = outreach_heatmap(heat_table())
    heat = fig.data[0]
    assert list(fig.layout.yaxis.tickvals) == list(heat.y) and len(heat.y) == 12  # every month labelled
    assert list(fig.layout.xaxis.tickvals) == list(heat.x)
    assert all(len(line) <= 7 for label in heat.x for line in label.split("<br>"))
    bar = heat.colorbar
    assert bar.orientation == "h" and bar.lenmode == "fraction" and bar.len <= 1 and bar.x == 0
    assert bar.y < 0 and bar.yanchor == "top"  # under the grid
    assert fig.layout.height >= 12 * 32  # rows of 32 px or more
    wide = pd.DataFrame({m: [1] * 8 for m in range(1, 13)}, index=[f"Khóm {i}" for i in range(8)])
    assert len(outreach_heatmap(wide).data[0].x) == 8


def test_heatmap_hover_reads_as_a_sentence():
    heat = outreach_heatmap(heat_table()).data[0]
    assert heat.customdata[2][0] == "Khóm Vĩnh Phú · Tháng 3: 2 hoạt động"
    assert heat.customdata[6][1] == "Khóm Vĩnh Đông · Tháng 7: 1.234 hoạt động"
    assert heat.customdata[2][2] == "Toàn phường · Tháng 3: 1 hoạt động"
    assert heat.hovertemplate == "%{customdata}<extra></extra>"
    en = outreach_heatmap(heat_table(), "en").data[0]
    assert list(en.y) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                          "Nov", "Dec"]
    assert en.x[2] == "Whole<br>ward"
    assert en.customdata[2][0] == "Khóm Vĩnh Phú · March: 2 activities"
    assert en.customdata[2][2] == "Whole ward · March: 1 activity"
    assert en.colorbar.title.text == "Activities"


def test_heatmap_fills_missing_months_with_zero():
    partial = pd.DataFrame({3: [2], 5: [1]}, index=["Vĩnh Phú"])
    heat = outreach_heatmap(partial).data[0]
    assert [row[0] for row in heat.z] == [0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert len(heat.y) == 12


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
    assert areas.title.text.replace("<br>", " ") == "Khóm được tiếp cận trên tổng số khóm: 3/4"
    assert producers.title.text.replace("<br>", " ") == "Chủ thể được tiếp cận trên tổng số chủ thể: 12/25"
    assert areas.number.suffix == "%"
    assert areas.domain.x[1] <= producers.domain.x[0]  # side by side, not overlapping
    assert tuple(areas.gauge.axis.range) == (0, 100)
    assert fig.layout.separators == ",."  # so 72.5 shows as 72,5
    en = coverage_gauges({**coverage(), "producers_total": 1250}, "en")
    assert en.data[0].title.text.replace("<br>", " ") == "Khóm reached of all khóm: 3/4"
    assert en.data[1].title.text.replace("<br>", " ") == "Producers reached of all producers: 12/1,250"
    assert coverage_gauges({**coverage(), "producers_total": 1250}).data[1].title.text.endswith("12/1.250")


def test_coverage_with_one_share_missing_marks_it_not_computed():
    fig = coverage_gauges({**coverage(), "producer_share": None, "producers_total": 0})
    producers = fig.data[1]
    assert producers.value is None and producers.mode == "gauge"
    assert "Không tính được" in producers.title.text
    assert fig.data[0].mode == "gauge+number"


def test_coverage_says_it_is_of_all_khom_and_producers_not_of_a_target():
    """One answer per figure: the gauges measure coverage (of everyone on the lists) and say so; the
    progress chart measures the targets and says that. Neither borrows the other's words."""
    from analysis.outputs.figures_indicators import indicator_progress
    from tests.analysis.outputs.figure_inputs import progress_table

    for lang, of_all, target in (("vi", "trên tổng số", "chỉ tiêu"), ("en", "of all", "target")):
        gauges = [g.title.text.replace("<br>", " ") for g in coverage_gauges(coverage(), lang).data]
        assert all(of_all in g and target not in g.lower() for g in gauges), gauges
        axis = indicator_progress(progress_table(), lang).layout.xaxis.title.text
        assert target in axis.lower() and of_all not in axis, axis


def test_khom_names_from_the_sheet_are_plain_text_in_rows_and_hover():
    heat = heat_table().rename(index={"Vĩnh Phú": HOSTILE})
    assert_inert(outreach_heatmap(heat))
