"""analysis/outputs/figures_province.py: the province's key indicators over time, checked without rendering."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.outputs.chart_style import PACE_COLOURS
from analysis.outputs.figures_province import province_trend, trend_points


def trend(days: int = 3) -> pd.DataFrame:
    rows = []
    for i in range(days):
        day = date(2026, 3, 1 + 7 * i)
        rows += [{"day": day, "code": "SP_OCOP", "actual": 2.0 + i, "target": 10.0},
                 {"day": day, "code": "TT_SO_BUOI", "actual": 100.0 * (i + 1), "target": 400.0},
                 {"day": day, "code": "HO_SO_NOP", "actual": 1.0, "target": None}]
    return pd.DataFrame(rows)


def test_one_line_per_indicator_with_a_target_as_percent_of_it():
    fig = province_trend(trend())
    assert [t.name for t in fig.data] == ["Sản phẩm đạt 3 sao trở lên", "Số buổi tuyên truyền"]
    assert list(fig.data[0].y) == pytest.approx([20.0, 30.0, 40.0])
    assert list(fig.data[1].y) == pytest.approx([25.0, 50.0, 75.0])
    assert all(t.mode == "lines+markers" for t in fig.data)


def test_colour_is_never_the_only_signal_nor_a_pace_colour():
    fig = province_trend(trend())
    assert len({t.line.dash for t in fig.data}) == len(fig.data)
    assert len({t.marker.symbol for t in fig.data}) == len(fig.data)
    assert not {t.line.color for t in fig.data} & {PACE_COLOURS["reached"], PACE_COLOURS["on_track"],
                                                   PACE_COLOURS["behind"]}


def test_days_are_written_the_vietnamese_way_and_hover_says_actual_of_target():
    fig = province_trend(trend())
    assert list(fig.layout.xaxis.ticktext) == ["01/03/2026", "08/03/2026", "15/03/2026"]
    assert fig.data[1].customdata[0][1:] == ["01/03/2026", "100", "400", "25%"]
    assert "<extra></extra>" in fig.data[0].hovertemplate
    assert fig.layout.separators == ",."


def test_a_single_day_still_draws_points_with_room_around_them():
    fig = province_trend(trend(1))
    assert all(len(t.x) == 1 for t in fig.data)
    low, high = fig.layout.xaxis.range
    assert pd.Timestamp(low) < pd.Timestamp("2026-03-01") < pd.Timestamp(high)


def test_nothing_to_draw_is_none():
    assert province_trend(pd.DataFrame(columns=["day", "code", "actual", "target"])) is None
    assert province_trend(trend()[lambda f: f["code"] == "HO_SO_NOP"]) is None
    assert trend_points(None).empty


def test_english_and_an_unknown_code_as_plain_text():
    frame = trend(2)
    frame.loc[frame["code"] == "SP_OCOP", "code"] = "<b>X</b>"
    fig = province_trend(frame, "en")
    assert fig.data[0].name == "&lt;b&gt;X&lt;/b&gt;"
    assert fig.layout.separators == ".,"
