"""analysis/outputs/figures_indicators.py: the progress bars, checked without rendering them."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest

from analysis.outputs.chart_style import GREY
from analysis.outputs.figures_indicators import indicator_progress
from analysis.outputs.figures_products import readiness_chart
from tests.analysis.outputs.figure_inputs import HOSTILE, assert_inert, progress_table, readiness_table


def test_progress_plots_percent_times_100_for_rows_with_a_percent():
    fig = indicator_progress(progress_table())
    assert len(fig.data) == 1
    bar = fig.data[0]
    assert isinstance(bar, go.Bar) and bar.orientation == "h"
    assert list(bar.x) == pytest.approx([100.0, 72.5, 25.0, 120.0])
    assert list(bar.y) == [0, 1, 2, 3]
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # reversed: table order reads top-down
    assert names_above_bars(fig) == [
        "Sản phẩm đạt 3 sao trở lên", "Lượt người được tuyên truyền",
        "Hồ sơ nộp đánh giá, phân hạng", "Chủ thể được tiếp cận"]


def names_above_bars(fig) -> list[str]:
    """The indicator names written above the bars (the annotations on the y axis), one line each."""
    return [a.text.rsplit("<br>", 1)[0].replace("<br>", " ") for a in fig.layout.annotations if a.yref == "y"]


def words_above_bars(fig) -> list[str]:
    return [a.text.rsplit("<br>", 1)[1] for a in fig.layout.annotations if a.yref == "y"]


def test_names_and_words_sit_above_each_bar_from_the_left_edge_for_a_phone():
    """No y-axis labels eating a 360 px screen, no words at a bar's end to be clipped: each bar's name
    and percent are written above it, from x=0, left-aligned, with room for their lines."""
    fig = indicator_progress(progress_table())
    bar = fig.data[0]
    assert fig.layout.yaxis.showticklabels is False and bar.textposition == "none"
    above = [a for a in fig.layout.annotations if a.yref == "y"]
    assert len(above) == 4
    for i, note in enumerate(above):
        assert (note.x, note.xanchor, note.yanchor, note.align) == (0, "left", "bottom", "left")
        assert note.y == pytest.approx(i - bar.width / 2)  # on the bar's top edge, the words above it
        assert max(len(line) for line in note.text.replace("<b>", "").replace("</b>", "").split("<br>")) <= 30
    assert words_above_bars(fig) == ["<b>100% · Đạt</b>", "<b>72,5% · Đúng tiến độ</b>",
                                     "<b>25% · Chậm tiến độ</b>", "<b>120%</b>"]


def test_progress_colours_and_words_follow_pace():
    bar = indicator_progress(progress_table()).data[0]
    assert list(bar.marker.color) == ["#009E73", "#0072B2", "#D55E00", GREY]
    assert list(bar.text) == ["100% · Đạt", "72,5% · Đúng tiến độ", "25% · Chậm tiến độ", "120%"]
    en = indicator_progress(progress_table(), "en").data[0]
    assert list(en.text) == ["100% · Reached", "72.5% · On track", "25% · Behind", "120%"]


def test_progress_has_a_100_percent_line_through_the_bars_only_with_its_label():
    fig = indicator_progress(progress_table())
    bar = fig.data[0]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 4  # one piece per bar, so the line never runs through the words above a bar
    for i, line in enumerate(lines):
        assert line.x0 == line.x1 == 100 and line.line.dash == "dot"
        assert line.y0 > i - bar.width / 2 - 0.1 and line.y1 < i + bar.width / 2 + 0.1
    target = [a for a in fig.layout.annotations if a.yref == "paper"]
    assert [a.text for a in target] == ["Chỉ tiêu (100%)"] and target[0].xanchor == "right"
    en = indicator_progress(progress_table(), "en")
    assert [a.text for a in en.layout.annotations if a.yref == "paper"] == ["Target (100%)"]


def test_progress_axis_runs_to_the_data_with_a_little_room():
    """To max(100%, the longest bar) and a little past it, never a fixed 120% with nothing beyond 100%."""
    assert tuple(indicator_progress(progress_table()).layout.xaxis.range) == pytest.approx((0, 120 * 1.06))
    under = progress_table().iloc[:3]  # 100%, 72,5%, 25%
    assert tuple(indicator_progress(under).layout.xaxis.range) == pytest.approx((0, 106))
    far = progress_table().iloc[[0]].assign(percent=2.5)
    assert indicator_progress(far).layout.xaxis.range[1] == pytest.approx(265)


def test_progress_labels_and_hover_in_both_languages():
    fig = indicator_progress(progress_table())
    assert fig.layout.title.text.replace("<br>", " ") == "Tiến độ thực hiện chỉ tiêu"
    assert fig.layout.xaxis.title.text == "Tỷ lệ đạt so với chỉ tiêu (%)"  # target-based, and says so
    bar = fig.data[0]
    assert list(bar.customdata[1]) == ["Lượt người được tuyên truyền", "1.234", "1.702", "72,5%",
                                       "Đúng tiến độ"]
    assert "Thực hiện / Kế hoạch: %{customdata[1]} / %{customdata[2]}" in bar.hovertemplate
    assert bar.hovertemplate.endswith("<extra></extra>")
    en = indicator_progress(progress_table(), "en")
    assert en.layout.title.text.replace("<br>", " ") == "Progress towards the targets"
    assert en.layout.xaxis.title.text == "Share of the target reached (%)"
    assert list(en.data[0].customdata[1])[1:4] == ["1,234", "1,702", "72.5%"]
    assert "Actual / Target" in en.data[0].hovertemplate


def test_progress_wraps_long_labels_and_keeps_them_whole_in_hover():
    table = progress_table().iloc[[0]].assign(
        label="Sản phẩm OCOP đạt từ 3 sao trở lên trong kế hoạch giai đoạn 2021–2025")
    fig = indicator_progress(table)
    bar = fig.data[0]
    assert "<br>" in fig.layout.annotations[0].text.rsplit("<br>", 1)[0]
    assert bar.customdata[0][0] == "Sản phẩm OCOP đạt từ 3 sao trở lên trong kế hoạch giai đoạn 2021–2025"


def test_a_zero_bar_still_shows_its_text():
    table = progress_table().iloc[[2]].assign(actual=0.0, percent=0.0)
    fig = indicator_progress(table)
    bar = fig.data[0]
    assert list(bar.x) == [0.0] and list(bar.text) == ["0% · Chậm tiến độ"]
    assert words_above_bars(fig) == ["<b>0% · Chậm tiến độ</b>"]  # above the bar, whatever its length
    gate = readiness_chart(readiness_table().assign(gate=[0.0, 1.0, None])).data[0]
    assert list(gate.textposition) == ["outside", "auto", "outside"] and gate.text[0] == "0%"


def test_progress_without_a_pace_column_is_grey():
    bar = indicator_progress(progress_table().drop(columns="pace")).data[0]
    assert set(bar.marker.color) == {GREY}


def test_an_indicator_name_from_the_sheet_is_plain_text():
    table = progress_table()
    table.loc[0, "label"] = HOSTILE
    assert_inert(indicator_progress(table))
