"""analysis/outputs/figures_counts.py: activities and attendances as bars."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.outputs.figures_counts import count_bars
from analysis.outputs.figures_outreach import outreach_heatmap
from tests.analysis.outputs.figure_inputs import HOSTILE, assert_inert, counts_table, heat_table

TITLES = {
    "channel": ("Hoạt động theo hình thức", "Activities by channel"),
    "topic": ("Hoạt động theo nội dung", "Activities by topic"),
    "unit": ("Hoạt động theo đơn vị thực hiện", "Activities by unit"),
    "course": ("Lượt tập huấn theo lớp", "Attendances by course"),
    "training_unit": ("Lượt tập huấn theo đơn vị", "Attendances by unit"),
}


@pytest.mark.parametrize("dimension", list(TITLES))
def test_count_bars_title_per_dimension(dimension):
    vi, en = TITLES[dimension]
    assert count_bars(counts_table(), dimension).layout.title.text == vi
    assert count_bars(counts_table(), dimension, "en").layout.title.text == en


def test_count_bars_plot_activities_with_attendees_in_hover():
    fig = count_bars(counts_table(), "channel")
    assert len(fig.data) == 1
    bar = fig.data[0]
    assert bar.orientation == "h" and list(bar.x) == [12, 5, 1]
    assert list(bar.y) == ["Họp dân", "Đài truyền thanh", "Mạng xã hội"]
    assert list(bar.customdata[0]) == ["Họp dân", "12", "1.234"]
    assert "Số người tham dự: %{customdata[2]}" in bar.hovertemplate
    assert fig.layout.xaxis.title.text == "Số hoạt động"
    assert fig.layout.yaxis.title.text == "Hình thức"
    en = count_bars(counts_table(), "channel", "en")
    assert en.data[0].customdata[0][2] == "1,234"
    assert en.layout.xaxis.title.text == "Activities" and en.layout.yaxis.title.text == "Channel"


def test_count_bars_accept_attendances_and_no_attendees():
    table = pd.DataFrame({"value": ["Lớp OCOP cơ bản", "Lớp ATTP"], "attendances": [1234, 3]})
    fig = count_bars(table, "course")
    bar = fig.data[0]
    assert list(bar.x) == [1234, 3] and list(bar.text) == ["1.234", "3"]
    assert fig.layout.xaxis.title.text == "Lượt tập huấn"
    assert fig.layout.yaxis.title.text == "Lớp tập huấn"
    assert "customdata[2]" not in bar.hovertemplate
    assert "Lượt tập huấn: %{customdata[1]}" in bar.hovertemplate


def test_small_counts_tick_at_whole_numbers():
    small = count_bars(counts_table().assign(activities=[4, 1, 1]), "channel")
    assert small.layout.xaxis.dtick == 1 and small.layout.xaxis.tickformat == ",d"
    big = count_bars(counts_table().assign(activities=[400, 1, 1]), "channel")
    assert big.layout.xaxis.dtick is None
    heat = outreach_heatmap(heat_table().clip(upper=2)).data[0]
    assert heat.colorbar.dtick == 1


def test_count_bars_reject_an_unknown_dimension():
    with pytest.raises(ValueError):
        count_bars(counts_table(), "khom")


def test_sheet_text_in_labels_and_hover_is_plain_text():
    fig = count_bars(pd.DataFrame({"value": [HOSTILE], "activities": [3], "attendees": [10]}), "unit")
    assert_inert(fig)
