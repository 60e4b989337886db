"""analysis/outputs/figures.py: the figure objects, checked without rendering them."""
from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.i18n.strings import t
from analysis.outputs import figures as f
from analysis.workbook import contract as c

PLOTLY_DEFAULT_WORDS = re.compile(r"variable|value|count|index", re.IGNORECASE)


# --------------------------------------------------------------------------- inputs
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


def all_figures(lang: str = "vi") -> dict[str, go.Figure]:
    return {
        "progress": f.indicator_progress(progress_table(), lang),
        "funnel": f.stage_funnel(funnel_table(), lang),
        "readiness": f.readiness_chart(readiness_table(), lang),
        "heat": f.outreach_heatmap(heat_table(), lang),
        **{f"count_{d}": f.count_bars(counts_table(), d, lang) for d in f.COUNT_DIMENSIONS},
        "reach": f.cumulative_reach(reach_table(), lang),
        "coverage": f.coverage_gauges(coverage(), lang),
    }


def labels_of(fig: go.Figure) -> list[str]:
    """Every title a reader sees: figure, axes, legend, colour bars, gauges, trace names."""
    layout = fig.layout
    texts = [layout.title.text, layout.legend.title.text]
    for name in dir(layout):
        if re.fullmatch(r"[xy]axis\d*", name):
            texts.append(getattr(layout, name).title.text)
    for trace in fig.data:
        texts.append(getattr(trace, "name", None))
        if isinstance(trace, go.Heatmap):
            texts.append(trace.colorbar.title.text)
        if isinstance(trace, go.Indicator):
            texts.append(trace.title.text)
    texts += [a.text for a in layout.annotations]
    return [text for text in texts if text]


def hover_texts(fig: go.Figure) -> list[str]:
    out = []
    for trace in fig.data:
        out.append(getattr(trace, "hovertemplate", None) or "")
        data = getattr(trace, "customdata", None)
        if data is not None:
            out.append(repr(data))
    return out


# --------------------------------------------------------------------------- shared look
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_figure_shares_the_projector_look(lang):
    for name, fig in all_figures(lang).items():
        assert isinstance(fig, go.Figure), name
        layout = fig.layout
        assert layout.separators == (",." if lang == "vi" else ".,"), name
        assert layout.template.layout.paper_bgcolor == "white", name  # plotly_white
        assert layout.font.size >= 14 and layout.title.font.size >= 14, name
        assert layout.hoverlabel.font.size >= 14, name
        for axis in (layout.xaxis, layout.yaxis):
            assert axis.tickfont.size >= 14 and axis.title.font.size >= 14, name
            assert axis.automargin is True, name
        for trace in fig.data:
            size = getattr(getattr(trace, "textfont", None), "size", None)
            assert size is None or size >= 14, name
        assert layout.margin.t >= 60 and layout.margin.b >= 30, name
        assert layout.xaxis.separatethousands and layout.yaxis.separatethousands, name  # 1.000
        assert list(layout.colorway) == list(f.PALETTE), name
        assert layout.title.text, name


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_plotly_default_words_in_titles_or_hover(lang):
    for name, fig in all_figures(lang).items():
        for text in labels_of(fig):
            assert not PLOTLY_DEFAULT_WORDS.search(text), (name, text)
        for text in hover_texts(fig):
            shown = text.replace("customdata", "")
            assert not PLOTLY_DEFAULT_WORDS.search(shown), (name, text)
            assert "%{x}" not in text and "%{y}" not in text and "%{z}" not in text, name


def test_palette_is_okabe_ito_and_pace_colours_are_from_it():
    assert f.PALETTE == ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
                         "#F0E442", "#000000")
    assert f.PACE_COLOURS["reached"] == "#009E73"
    assert f.PACE_COLOURS["on_track"] == "#0072B2"
    assert f.PACE_COLOURS["behind"] == "#D55E00"
    assert f.PACE_COLOURS[None] not in f.PALETTE  # grey: no pace


def test_base_layout_sets_title_separators_and_template():
    fig = f._base_layout(go.Figure(), "Tiêu đề", "en")
    assert fig.layout.title.text.replace("<br>", " ") == "Tiêu đề"
    assert fig.layout.separators == ".,"
    assert f._base_layout(go.Figure(), "x").layout.separators == ",."


def test_empty_inputs_give_none():
    empty = pd.DataFrame()
    assert f.indicator_progress(progress_table().iloc[0:0]) is None
    assert f.indicator_progress(empty) is None
    assert f.stage_funnel(funnel_table().iloc[0:0]) is None
    assert f.readiness_chart(readiness_table().iloc[0:0]) is None
    assert f.outreach_heatmap(empty) is None
    assert f.outreach_heatmap(heat_table().iloc[0:0]) is None
    for dimension in f.COUNT_DIMENSIONS:
        assert f.count_bars(counts_table().iloc[0:0], dimension) is None
    assert f.cumulative_reach(reach_table().iloc[0:0]) is None
    assert f.coverage_gauges({}) is None
    assert f.coverage_gauges(None) is None


def test_nothing_to_draw_gives_none():
    no_percent = progress_table().assign(percent=[None, math.nan, None, None, None])
    assert f.indicator_progress(no_percent) is None
    assert f.stage_funnel(funnel_table().assign(count=0)) is None
    assert f.outreach_heatmap(heat_table() * 0) is None
    assert f.coverage_gauges({**coverage(), "area_share": None, "producer_share": None}) is None


# --------------------------------------------------------------------------- 1. progress
def test_progress_plots_percent_times_100_for_rows_with_a_percent():
    fig = f.indicator_progress(progress_table())
    assert len(fig.data) == 1
    bar = fig.data[0]
    assert isinstance(bar, go.Bar) and bar.orientation == "h"
    assert list(bar.x) == pytest.approx([100.0, 72.5, 25.0, 120.0])
    assert [y.replace("<br>", " ") for y in bar.y] == [
        "Sản phẩm đạt 3 sao trở lên", "Lượt người được tuyên truyền",
        "Hồ sơ nộp đánh giá, phân hạng", "Chủ thể được tiếp cận"]
    assert fig.layout.yaxis.autorange == "reversed"  # table order reads top-down


def test_progress_colours_and_words_follow_pace():
    bar = f.indicator_progress(progress_table()).data[0]
    assert list(bar.marker.color) == ["#009E73", "#0072B2", "#D55E00", f.GREY]
    assert list(bar.text) == ["100% · Đạt", "72,5% · Đúng tiến độ", "25% · Chậm tiến độ", "120%"]
    en = f.indicator_progress(progress_table(), "en").data[0]
    assert list(en.text) == ["100% · Reached", "72.5% · On track", "25% · Behind", "120%"]


def test_progress_has_a_dashed_100_percent_line_with_its_label():
    fig = f.indicator_progress(progress_table())
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 1
    assert lines[0].x0 == lines[0].x1 == 100 and lines[0].line.dash == "dash"
    assert [a.text for a in fig.layout.annotations] == ["Chỉ tiêu (100%)"]
    assert fig.layout.xaxis.range[1] > 120  # the 120% bar and its text fit
    en = f.indicator_progress(progress_table(), "en")
    assert [a.text for a in en.layout.annotations] == ["Target (100%)"]


def test_progress_labels_and_hover_in_both_languages():
    fig = f.indicator_progress(progress_table())
    assert fig.layout.title.text.replace("<br>", " ") == "Tiến độ thực hiện chỉ tiêu"
    assert fig.layout.xaxis.title.text == "Tỷ lệ đạt so với chỉ tiêu (%)"
    assert fig.layout.yaxis.title.text == "Chỉ tiêu"
    bar = fig.data[0]
    assert list(bar.customdata[1]) == ["Lượt người được tuyên truyền", "1.234", "1.702", "72,5%",
                                       "Đúng tiến độ"]
    assert "Thực hiện / Kế hoạch: %{customdata[1]} / %{customdata[2]}" in bar.hovertemplate
    assert bar.hovertemplate.endswith("<extra></extra>")
    en = f.indicator_progress(progress_table(), "en")
    assert en.layout.title.text.replace("<br>", " ") == "Progress towards the targets"
    assert en.layout.xaxis.title.text == "Share of the target reached (%)"
    assert en.layout.yaxis.title.text == "Indicator"
    assert list(en.data[0].customdata[1])[1:4] == ["1,234", "1,702", "72.5%"]
    assert "Actual / Target" in en.data[0].hovertemplate


def test_progress_wraps_long_labels_and_keeps_them_whole_in_hover():
    table = progress_table().iloc[[0]].assign(
        label="Sản phẩm OCOP đạt từ 3 sao trở lên trong kế hoạch giai đoạn 2021–2025")
    bar = f.indicator_progress(table).data[0]
    assert "<br>" in bar.y[0]
    assert bar.customdata[0][0] == "Sản phẩm OCOP đạt từ 3 sao trở lên trong kế hoạch giai đoạn 2021–2025"


def test_long_labels_wrap_onto_lines_of_similar_length():
    assert f._wrap("Sản phẩm đạt 3 sao trở lên", width=36) == "Sản phẩm đạt 3 sao trở lên"
    wrapped = f._wrap("SP11 · Tour trải nghiệm làng Chăm Vĩnh Đông", width=36)
    assert wrapped == "SP11 · Tour trải nghiệm<br>làng Chăm Vĩnh Đông"
    lines = f._wrap("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch", width=36).split("<br>")
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 6
    # the default is narrow enough for a phone: every line of a long label stays short
    lines = f._wrap("Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch").split("<br>")
    assert all(len(line) <= f.LABEL_WIDTH for line in lines)


def test_a_zero_bar_still_shows_its_text():
    table = progress_table().iloc[[2]].assign(actual=0.0, percent=0.0)
    bar = f.indicator_progress(table).data[0]
    assert list(bar.x) == [0.0] and list(bar.text) == ["0% · Chậm tiến độ"]
    assert list(bar.textposition) == ["outside"]
    gate = f.readiness_chart(readiness_table().assign(gate=[0.0, 1.0, None])).data[0]
    assert list(gate.textposition) == ["outside", "auto", "outside"] and gate.text[0] == "0%"


def test_progress_without_a_pace_column_is_grey():
    bar = f.indicator_progress(progress_table().drop(columns="pace")).data[0]
    assert set(bar.marker.color) == {f.GREY}


# --------------------------------------------------------------------------- 2. funnel
def test_funnel_shows_stages_and_formatted_counts():
    fig = f.stage_funnel(funnel_table())
    assert len(fig.data) == 1 and isinstance(fig.data[0], go.Funnel)
    trace = fig.data[0]
    assert list(trace.y) == list(c.STAGES[:5])
    assert list(trace.x) == [1234, 9, 5, 3, 1]
    assert list(trace.text) == ["1.234", "9", "5", "3", "1"] and trace.textinfo == "text"
    assert trace.customdata[0][1] == "1.234"
    assert fig.layout.title.text.replace("<br>", " ") == "Sản phẩm theo giai đoạn của chu trình OCOP"
    assert fig.layout.yaxis.title.text == "Giai đoạn"
    assert "Số sản phẩm: %{customdata[1]}" in trace.hovertemplate


def test_funnel_in_english_translates_the_stages():
    fig = f.stage_funnel(funnel_table(), "en")
    assert list(fig.data[0].y) == ["Potential", "Registered", "Preparing the dossier",
                                   "Dossier submitted", "Rated"]
    assert fig.data[0].text[0] == "1,234"
    assert fig.layout.title.text.replace("<br>", " ") == "Products by stage of the OCOP cycle"
    assert fig.layout.yaxis.title.text == "Stage"


# --------------------------------------------------------------------------- 3. readiness
def test_readiness_has_gate_and_depth_bars_per_product():
    fig = f.readiness_chart(readiness_table())
    assert [type(tr) for tr in fig.data] == [go.Bar, go.Bar]
    gate, depth = fig.data
    assert gate.name == "Hồ sơ bắt buộc" and depth.name == "Tất cả hồ sơ"
    assert fig.layout.barmode == "group" and gate.orientation == depth.orientation == "h"
    assert list(gate.y) == ["SP01 · Mắm cá linh", "SP02 · Đường thốt nốt", "SP03 · Khăn thổ cẩm"]
    assert gate.x[0] == pytest.approx(60.0) and depth.x[1] == pytest.approx(72.5)
    assert gate.x[2] is None and depth.x[2] is None
    assert list(depth.text) == ["50%", "72,5%", "—"]
    assert tuple(fig.layout.xaxis.range) == (0, 100)
    assert fig.layout.xaxis.title.text == "Tỷ lệ giấy tờ đã có (%)"
    assert fig.layout.yaxis.title.text == "Sản phẩm"
    assert fig.layout.title.text.replace("<br>", " ") == "Mức độ hoàn thiện hồ sơ theo sản phẩm"
    assert fig.layout.showlegend is True


def test_readiness_says_so_when_a_product_has_nothing_to_measure():
    fig = f.readiness_chart(readiness_table())
    notes = [(a.text, a.y) for a in fig.layout.annotations]
    assert notes == [("Chưa có dữ liệu hồ sơ", "SP03 · Khăn thổ cẩm")]
    en = f.readiness_chart(readiness_table(), "en")
    assert [a.text for a in en.layout.annotations] == ["No dossier data"]


def test_readiness_hover_names_missing_documents_by_their_headers():
    dossiers = c.TABS_BY_KEY["dossiers"]
    fig = f.readiness_chart(readiness_table())
    custom = fig.data[0].customdata
    assert custom[0][3] == (f"{dossiers.column('business_licence').header}, "
                            f"{dossiers.column('samples').header}")
    assert custom[1][3] == "Đủ hồ sơ bắt buộc"
    assert custom[1][2] == "72,5%" and custom[0][4] == "Hoàn thiện hồ sơ"
    assert "Còn thiếu (bắt buộc): %{customdata[3]}" in fig.data[0].hovertemplate
    en = f.readiness_chart(readiness_table(), "en")
    assert en.data[0].customdata[0][3] == "Business registration certificate, Product samples"
    assert en.data[1].customdata[1][2] == "72.5%"
    assert [tr.name for tr in en.data] == ["Required documents", "All documents"]
    assert en.layout.xaxis.title.text == "Documents in hand (%)"


def test_every_document_has_a_name_matching_the_contract_header():
    dossiers = c.TABS_BY_KEY["dossiers"]
    for key in c.DOCUMENTS:
        assert t(f"doc.{key}", "vi") == dossiers.column(key).header
        assert t(f"doc.{key}", "en") and t(f"doc.{key}", "en") != t(f"doc.{key}", "vi")


# --------------------------------------------------------------------------- 4. heat map
def test_heatmap_z_matches_input_with_month_labels():
    fig = f.outreach_heatmap(heat_table())
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
    heat = f.outreach_heatmap(heat_table()).data[0]
    assert heat.customdata[0][2] == "Khóm Vĩnh Phú · Tháng 3: 2 hoạt động"
    assert heat.customdata[1][6] == "Khóm Vĩnh Đông · Tháng 7: 1.234 hoạt động"
    assert heat.customdata[2][2] == "Toàn phường · Tháng 3: 1 hoạt động"
    assert heat.hovertemplate == "%{customdata}<extra></extra>"
    en = f.outreach_heatmap(heat_table(), "en").data[0]
    assert list(en.x) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                          "Nov", "Dec"]
    assert en.customdata[0][2] == "Khóm Vĩnh Phú · March: 2 activities"
    assert en.customdata[2][2] == "Whole ward · March: 1 activity"
    assert en.colorbar.title.text == "Activities"


def test_heatmap_fills_missing_months_with_zero():
    partial = pd.DataFrame({3: [2], 5: [1]}, index=["Vĩnh Phú"])
    heat = f.outreach_heatmap(partial).data[0]
    assert list(heat.z[0]) == [0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert len(heat.x) == 12


# --------------------------------------------------------------------------- 5. counts
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
    assert f.count_bars(counts_table(), dimension).layout.title.text == vi
    assert f.count_bars(counts_table(), dimension, "en").layout.title.text == en


def test_count_bars_plot_activities_with_attendees_in_hover():
    fig = f.count_bars(counts_table(), "channel")
    assert len(fig.data) == 1
    bar = fig.data[0]
    assert bar.orientation == "h" and list(bar.x) == [12, 5, 1]
    assert list(bar.y) == ["Họp dân", "Đài truyền thanh", "Mạng xã hội"]
    assert list(bar.customdata[0]) == ["Họp dân", "12", "1.234"]
    assert "Số người tham dự: %{customdata[2]}" in bar.hovertemplate
    assert fig.layout.xaxis.title.text == "Số hoạt động"
    assert fig.layout.yaxis.title.text == "Hình thức"
    en = f.count_bars(counts_table(), "channel", "en")
    assert en.data[0].customdata[0][2] == "1,234"
    assert en.layout.xaxis.title.text == "Activities" and en.layout.yaxis.title.text == "Channel"


def test_count_bars_accept_attendances_and_no_attendees():
    table = pd.DataFrame({"value": ["Lớp OCOP cơ bản", "Lớp ATTP"], "attendances": [1234, 3]})
    fig = f.count_bars(table, "course")
    bar = fig.data[0]
    assert list(bar.x) == [1234, 3] and list(bar.text) == ["1.234", "3"]
    assert fig.layout.xaxis.title.text == "Lượt tập huấn"
    assert fig.layout.yaxis.title.text == "Lớp tập huấn"
    assert "customdata[2]" not in bar.hovertemplate
    assert "Lượt tập huấn: %{customdata[1]}" in bar.hovertemplate


def test_small_counts_tick_at_whole_numbers():
    small = f.count_bars(counts_table().assign(activities=[4, 1, 1]), "channel")
    assert small.layout.xaxis.dtick == 1 and small.layout.xaxis.tickformat == ",d"
    big = f.count_bars(counts_table().assign(activities=[400, 1, 1]), "channel")
    assert big.layout.xaxis.dtick is None
    heat = f.outreach_heatmap(heat_table().clip(upper=2)).data[0]
    assert heat.colorbar.dtick == 1


def test_count_bars_reject_an_unknown_dimension():
    with pytest.raises(ValueError):
        f.count_bars(counts_table(), "khom")


# --------------------------------------------------------------------------- 6. reach
def test_cumulative_reach_has_monthly_bars_and_a_cumulative_line():
    fig = f.cumulative_reach(reach_table())
    assert [type(tr) for tr in fig.data] == [go.Bar, go.Scatter]
    bars, line = fig.data
    assert list(bars.y) == [120, 0, 1114] and list(line.y) == [120, 120, 1234]
    assert list(bars.x) == ["Th1", "Th2", "Th3"]
    assert bars.name == "Trong tháng" and line.name == "Cộng dồn"
    assert list(line.text) == ["", "", "1.234"]  # the total, at the end of the line
    assert list(bars.customdata[2]) == ["Tháng 3", "1.114", "1.234"]
    assert fig.layout.title.text.replace("<br>", " ") == "Lượt người được tuyên truyền cộng dồn"
    assert fig.layout.xaxis.title.text == "Tháng" and fig.layout.yaxis.title.text == "Lượt người"
    en = f.cumulative_reach(reach_table(), "en")
    assert en.layout.title.text.replace("<br>", " ") == "People reached, cumulative"
    assert list(en.data[0].x) == ["Jan", "Feb", "Mar"]
    assert list(en.data[0].customdata[2]) == ["March", "1,114", "1,234"]


def test_cumulative_reach_orders_months():
    fig = f.cumulative_reach(reach_table().iloc[::-1])
    assert list(fig.data[0].x) == ["Th1", "Th2", "Th3"]


# --------------------------------------------------------------------------- 7. coverage
def test_coverage_gauges_side_by_side_in_percent():
    fig = f.coverage_gauges(coverage())
    assert [type(tr) for tr in fig.data] == [go.Indicator, go.Indicator]
    areas, producers = fig.data
    assert areas.value == pytest.approx(75.0) and producers.value == pytest.approx(48.0)
    assert areas.title.text == "Khóm được tiếp cận: 3/4"
    assert producers.title.text == "Chủ thể được tiếp cận: 12/25"
    assert areas.number.suffix == "%"
    assert areas.domain.x[1] <= producers.domain.x[0]  # side by side, not overlapping
    assert tuple(areas.gauge.axis.range) == (0, 100)
    assert fig.layout.separators == ",."  # so 72.5 shows as 72,5
    en = f.coverage_gauges({**coverage(), "producers_total": 1250}, "en")
    assert en.data[0].title.text == "Khóm reached: 3/4"
    assert en.data[1].title.text == "Producers reached: 12/1,250"
    assert f.coverage_gauges({**coverage(), "producers_total": 1250}).data[1].title.text.endswith("12/1.250")


def test_coverage_with_one_share_missing_marks_it_not_computed():
    fig = f.coverage_gauges({**coverage(), "producer_share": None, "producers_total": 0})
    producers = fig.data[1]
    assert producers.value is None and producers.mode == "gauge"
    assert "Không tính được" in producers.title.text
    assert fig.data[0].mode == "gauge+number"
