"""analysis/outputs/figures.py: every builder, reached through the module the pages import, shares
one look and says nothing in Plotly's own words; checked without rendering."""
from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.outputs import chart_style, figures_counts, figures_indicators, figures_outreach, figures_products
from analysis.outputs import figures as f
from tests.analysis.outputs.figure_inputs import (
    counts_table,
    coverage,
    funnel_table,
    heat_table,
    progress_table,
    reach_table,
    readiness_table,
)

PLOTLY_DEFAULT_WORDS = re.compile(r"variable|value|count|index", re.IGNORECASE)


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


def test_the_pages_find_every_builder_here():
    """The pages import `figures` alone: every builder and shared name is re-exported, as the same object."""
    homes = {"indicator_progress": figures_indicators, "stage_funnel": figures_products,
             "readiness_chart": figures_products, "outreach_heatmap": figures_outreach,
             "cumulative_reach": figures_outreach, "coverage_gauges": figures_outreach,
             "count_bars": figures_counts, "COUNT_DIMENSIONS": figures_counts}
    for name, module in homes.items():
        assert name in f.__all__ and getattr(f, name) is getattr(module, name), name
    for name in set(f.__all__) - set(homes):
        assert getattr(f, name) is getattr(chart_style, name), name
