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
    assert [y.replace("<br>", " ") for y in bar.y] == [
        "Sản phẩm đạt 3 sao trở lên", "Lượt người được tuyên truyền",
        "Hồ sơ nộp đánh giá, phân hạng", "Chủ thể được tiếp cận"]
    assert fig.layout.yaxis.autorange == "reversed"  # table order reads top-down


def test_progress_colours_and_words_follow_pace():
    bar = indicator_progress(progress_table()).data[0]
    assert list(bar.marker.color) == ["#009E73", "#0072B2", "#D55E00", GREY]
    assert list(bar.text) == ["100% · Đạt", "72,5% · Đúng tiến độ", "25% · Chậm tiến độ", "120%"]
    en = indicator_progress(progress_table(), "en").data[0]
    assert list(en.text) == ["100% · Reached", "72.5% · On track", "25% · Behind", "120%"]


def test_progress_has_a_dashed_100_percent_line_with_its_label():
    fig = indicator_progress(progress_table())
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 1
    assert lines[0].x0 == lines[0].x1 == 100 and lines[0].line.dash == "dash"
    assert [a.text for a in fig.layout.annotations] == ["Chỉ tiêu (100%)"]
    assert fig.layout.xaxis.range[1] > 120  # the 120% bar and its text fit
    en = indicator_progress(progress_table(), "en")
    assert [a.text for a in en.layout.annotations] == ["Target (100%)"]


def test_progress_labels_and_hover_in_both_languages():
    fig = indicator_progress(progress_table())
    assert fig.layout.title.text.replace("<br>", " ") == "Tiến độ thực hiện chỉ tiêu"
    assert fig.layout.xaxis.title.text == "Tỷ lệ đạt so với chỉ tiêu (%)"
    assert fig.layout.yaxis.title.text == "Chỉ tiêu"
    bar = fig.data[0]
    assert list(bar.customdata[1]) == ["Lượt người được tuyên truyền", "1.234", "1.702", "72,5%",
                                       "Đúng tiến độ"]
    assert "Thực hiện / Kế hoạch: %{customdata[1]} / %{customdata[2]}" in bar.hovertemplate
    assert bar.hovertemplate.endswith("<extra></extra>")
    en = indicator_progress(progress_table(), "en")
    assert en.layout.title.text.replace("<br>", " ") == "Progress towards the targets"
    assert en.layout.xaxis.title.text == "Share of the target reached (%)"
    assert en.layout.yaxis.title.text == "Indicator"
    assert list(en.data[0].customdata[1])[1:4] == ["1,234", "1,702", "72.5%"]
    assert "Actual / Target" in en.data[0].hovertemplate


def test_progress_wraps_long_labels_and_keeps_them_whole_in_hover():
    table = progress_table().iloc[[0]].assign(
        label="Sản phẩm OCOP đạt từ 3 sao trở lên trong kế hoạch giai đoạn 2021–2025")
    bar = indicator_progress(table).data[0]
    assert "<br>" in bar.y[0]
    assert bar.customdata[0][0] == "Sản phẩm OCOP đạt từ 3 sao trở lên trong kế hoạch giai đoạn 2021–2025"


def test_a_zero_bar_still_shows_its_text():
    table = progress_table().iloc[[2]].assign(actual=0.0, percent=0.0)
    bar = indicator_progress(table).data[0]
    assert list(bar.x) == [0.0] and list(bar.text) == ["0% · Chậm tiến độ"]
    assert list(bar.textposition) == ["outside"]
    gate = readiness_chart(readiness_table().assign(gate=[0.0, 1.0, None])).data[0]
    assert list(gate.textposition) == ["outside", "auto", "outside"] and gate.text[0] == "0%"


def test_progress_without_a_pace_column_is_grey():
    bar = indicator_progress(progress_table().drop(columns="pace")).data[0]
    assert set(bar.marker.color) == {GREY}


def test_an_indicator_name_from_the_sheet_is_plain_text():
    table = progress_table()
    table.loc[0, "label"] = HOSTILE
    assert_inert(indicator_progress(table))
