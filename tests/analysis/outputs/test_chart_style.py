"""analysis/outputs/chart_style.py: the palette, the shared layout, wrapped labels, the labels of stages,
khóm and months."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from analysis.outputs.chart_style import (
    FONT_FAMILY,
    GREY,
    LABEL_WIDTH,
    PACE_COLOURS,
    PALETTE,
    SERIES_COLOURS,
    STATUS_CARD_COLOURS,
    STATUS_COLOURS,
    area_label,
    base_layout,
    hover_template,
    is_empty,
    month_label,
    plain,
    stage_label,
    wrap,
)
from analysis.workbook import contract as c


def test_palette_is_okabe_ito_and_pace_colours_are_from_it():
    assert PALETTE == ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
                       "#F0E442", "#000000")
    assert PACE_COLOURS["reached"] == "#009E73"
    assert PACE_COLOURS["on_track"] == "#0072B2"
    assert PACE_COLOURS["behind"] == "#D55E00"
    assert PACE_COLOURS[None] not in PALETTE  # grey: no pace


def test_one_colour_per_status_and_series_never_borrow_one():
    """Each status has one colour (bluish green good, blue on track, orange warning, vermillion late),
    its card pill is st.metric's closest named colour, and no series colour is a status colour."""
    assert STATUS_COLOURS["behind"] == STATUS_COLOURS["expired"] == "#D55E00"
    assert STATUS_COLOURS["reached"] == STATUS_COLOURS["valid"] == "#009E73"
    assert STATUS_COLOURS["expiring"] == "#E69F00" and STATUS_COLOURS[None] == GREY
    assert {k: PACE_COLOURS[k] for k in PACE_COLOURS} == {k: STATUS_COLOURS[k] for k in PACE_COLOURS}
    assert set(STATUS_COLOURS) == set(STATUS_CARD_COLOURS)
    assert STATUS_CARD_COLOURS["behind"] == STATUS_CARD_COLOURS["expired"] == "orange"  # vermillion's family
    assert (STATUS_CARD_COLOURS["reached"], STATUS_CARD_COLOURS["on_track"]) == ("green", "blue")
    allowed = {"red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary"}  # st.metric 1.67
    assert set(STATUS_CARD_COLOURS.values()) <= allowed
    assert not set(SERIES_COLOURS) & set(STATUS_COLOURS.values())
    assert set(SERIES_COLOURS) <= set(PALETTE)


def test_charts_use_the_apps_theme_font():
    """The theme's font in .streamlit/config.toml, else Streamlit's own body font ("Source Sans")."""
    theme = tomllib.loads((Path(__file__).resolve().parents[3] / ".streamlit" / "config.toml").read_text())
    font = theme.get("theme", {}).get("font", "Source Sans").split(",")[0].strip().strip("'\"")
    assert FONT_FAMILY.split(",")[0].strip().strip("'\"") == font
    fig = base_layout(go.Figure(), "x")
    assert fig.layout.font.family == fig.layout.title.font.family == fig.layout.hoverlabel.font.family == FONT_FAMILY


def test_base_layout_without_a_title_draws_none_and_keeps_less_room():
    titled, bare = base_layout(go.Figure(), "Tiêu đề"), base_layout(go.Figure(), None)
    assert not bare.layout.title.text and bare.layout.margin.t < titled.layout.margin.t


def test_base_layout_sets_title_separators_and_template():
    fig = base_layout(go.Figure(), "Tiêu đề", "en")
    assert fig.layout.title.text.replace("<br>", " ") == "Tiêu đề"
    assert fig.layout.separators == ".,"
    assert base_layout(go.Figure(), "x").layout.separators == ",."


def test_long_labels_wrap_onto_lines_of_similar_length():
    assert wrap("Sản phẩm đạt 3 sao trở lên", width=36) == "Sản phẩm đạt 3 sao trở lên"
    wrapped = wrap("SP11 · Tour trải nghiệm làng Chăm Vĩnh Đông", width=36)
    assert wrapped == "SP11 · Tour trải nghiệm<br>làng Chăm Vĩnh Đông"
    lines = wrap("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", width=36).split("<br>")
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 6
    # the default is narrow enough for a phone: every line of a long label stays short
    lines = wrap("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch").split("<br>")
    assert all(len(line) <= LABEL_WIDTH for line in lines)


def test_stage_area_and_month_labels_in_both_languages():
    assert stage_label("Đã nộp hồ sơ") == "Đã nộp hồ sơ" and stage_label("Đã nộp hồ sơ", "en") == "Dossier submitted"
    assert stage_label("Giai đoạn lạ", "en") == "Giai đoạn lạ"  # unknown: as written
    assert stage_label(None) == stage_label(float("nan")) == "—"
    assert area_label("Vĩnh Phú") == area_label("Vĩnh Phú", "en") == "Khóm Vĩnh Phú"
    assert area_label("Khóm 3") == "Khóm 3"  # already named
    assert area_label(c.WHOLE_WARD) == "Toàn phường" and area_label(c.WHOLE_WARD, "en") == "Whole ward"
    assert (month_label(3), month_label(3, "en")) == ("Th3", "Mar")
    assert (month_label(3, long=True), month_label(3, "en", long=True)) == ("Tháng 3", "March")


def test_hover_lines_hide_the_trace_box_and_empty_means_no_rows():
    assert hover_template("<b>a</b>", "b: 1") == "<b>a</b><br>b: 1<extra></extra>"
    assert is_empty(None) and is_empty(pd.DataFrame()) and not is_empty(pd.DataFrame({"a": [1]}))


def test_plain_escapes_plotly_markup_and_wrap_keeps_only_its_own_breaks():
    assert plain('<a href="x">y</a> & <b>') == '&lt;a href="x"&gt;y&lt;/a&gt; &amp; &lt;b&gt;'
    assert plain(None) == "None" and plain(3) == "3"
    wrapped = wrap("<b>Khóm</b> " * 6)
    assert "<b>" not in wrapped and "&lt;b&gt;Khóm&lt;/b&gt;" in wrapped and "<br>" in wrapped
    assert area_label("<i>x</i>") == "Khóm &lt;i&gt;x&lt;/i&gt;"
    assert stage_label("<b>Mới</b>") == "&lt;b&gt;Mới&lt;/b&gt;"
