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


def untitled_figures(lang: str = "vi") -> dict[str, go.Figure]:
    return {
        "progress": f.indicator_progress(progress_table(), lang, title=False),
        "funnel": f.stage_funnel(funnel_table(), lang, title=False),
        "readiness": f.readiness_chart(readiness_table(), lang, title=False),
        "heat": f.outreach_heatmap(heat_table(), lang, title=False),
        **{f"count_{d}": f.count_bars(counts_table(), d, lang, title=False) for d in f.COUNT_DIMENSIONS},
        "reach": f.cumulative_reach(reach_table(), lang, title=False),
        "coverage": f.coverage_gauges(coverage(), lang, title=False),
    }


def test_a_page_with_its_own_heading_gets_the_figure_without_a_title():
    titled = all_figures()
    for name, fig in untitled_figures().items():
        assert not fig.layout.title.text, name
        assert fig.layout.margin.t < titled[name].layout.margin.t, name
        assert fig.layout.font.family == chart_style.FONT_FAMILY, name


def trace_colours(fig: go.Figure) -> set[str]:
    found = set()
    for trace in fig.data:
        for part in ("marker", "line"):
            colour = getattr(getattr(trace, part, None), "color", None)
            if isinstance(colour, str):
                found.add(colour)
            elif colour is not None and not isinstance(colour, str):
                found |= {c for c in colour if isinstance(c, str)}
        if isinstance(trace, go.Indicator):
            found.add(trace.gauge.bar.color)
        if isinstance(trace, go.Heatmap):  # its sequential scale
            found |= {colour for _, colour in trace.colorscale}
    return found


def test_only_the_progress_chart_uses_status_colours():
    """A status colour always means that status: every other series (counts, stages, documents,
    people, coverage) is drawn in series colours; the readiness bars are not the "behind" colour."""
    status = set(chart_style.STATUS_COLOURS.values()) - {chart_style.GREY}
    for name, fig in all_figures().items():
        colours = trace_colours(fig)
        assert colours, name
        if name == "progress":
            assert colours <= set(chart_style.STATUS_COLOURS.values()), colours
        else:
            assert not colours & status, (name, colours)
    readiness = all_figures()["readiness"]
    assert chart_style.PACE_COLOURS["behind"] not in trace_colours(readiness)


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
