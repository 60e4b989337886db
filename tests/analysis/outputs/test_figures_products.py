"""analysis/outputs/figures_products.py: the stage funnel and the dossier readiness bars."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest

from analysis.i18n.strings import t
from analysis.outputs.figures_products import readiness_chart, stage_funnel
from analysis.workbook import contract as c
from tests.analysis.outputs.figure_inputs import HOSTILE, assert_inert, funnel_table, readiness_table


def test_funnel_shows_stages_and_formatted_counts():
    fig = stage_funnel(funnel_table())
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
    fig = stage_funnel(funnel_table(), "en")
    assert list(fig.data[0].y) == ["Potential", "Registered", "Preparing the dossier",
                                   "Dossier submitted", "Rated"]
    assert fig.data[0].text[0] == "1,234"
    assert fig.layout.title.text.replace("<br>", " ") == "Products by stage of the OCOP cycle"
    assert fig.layout.yaxis.title.text == "Stage"


def test_readiness_has_gate_and_depth_bars_per_product():
    fig = readiness_chart(readiness_table())
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
    fig = readiness_chart(readiness_table())
    notes = [(a.text, a.y) for a in fig.layout.annotations]
    assert notes == [("Chưa có dữ liệu hồ sơ", "SP03 · Khăn thổ cẩm")]
    en = readiness_chart(readiness_table(), "en")
    assert [a.text for a in en.layout.annotations] == ["No dossier data"]


def test_readiness_hover_names_missing_documents_by_their_headers():
    dossiers = c.TABS_BY_KEY["dossiers"]
    fig = readiness_chart(readiness_table())
    custom = fig.data[0].customdata
    assert custom[0][3] == (f"{dossiers.column('business_licence').header}, "
                            f"{dossiers.column('samples').header}")
    assert custom[1][3] == "Đủ hồ sơ bắt buộc"
    assert custom[1][2] == "72,5%" and custom[0][4] == "Hoàn thiện hồ sơ"
    assert "Còn thiếu (bắt buộc): %{customdata[3]}" in fig.data[0].hovertemplate
    en = readiness_chart(readiness_table(), "en")
    assert en.data[0].customdata[0][3] == "Business registration certificate, Product samples"
    assert en.data[1].customdata[1][2] == "72.5%"
    assert [tr.name for tr in en.data] == ["Required documents", "All documents"]
    assert en.layout.xaxis.title.text == "Documents in hand (%)"


def test_every_document_has_a_name_matching_the_contract_header():
    dossiers = c.TABS_BY_KEY["dossiers"]
    for key in c.DOCUMENTS:
        assert t(f"doc.{key}", "vi") == dossiers.column(key).header
        assert t(f"doc.{key}", "en") and t(f"doc.{key}", "en") != t(f"doc.{key}", "vi")


def test_product_names_and_unknown_stages_from_the_sheet_are_plain_text():
    table = readiness_table()
    table.loc[0, "name"] = HOSTILE
    assert_inert(readiness_chart(table))
    funnel = funnel_table()
    funnel.loc[0, "stage"] = HOSTILE  # an unknown stage is shown as written
    assert_inert(stage_funnel(funnel))
