"""Plotly figures for the dashboard, built from the analysis tables (no Streamlit here).

The pages call `figures.<builder>`; this module gathers the builders from where they live:

- chart_style.py: the shared look (palette, fonts, wrapping, hover lines) and the labels of
  stages, khóm and months;
- figures_indicators.py: `indicator_progress`;
- figures_products.py: `stage_funnel`, `readiness_chart`;
- figures_outreach.py: `outreach_heatmap`, `cumulative_reach`, `coverage_gauges`;
- figures_counts.py: `count_bars` (outreach and training counts).

Every builder takes a table and `lang` ("vi" first, "en" second) and returns a
`plotly.graph_objects.Figure`, or None when there is nothing to draw (the page then shows an
explanatory empty state instead of an empty chart). Colour is never the only cue: bars also
carry their words.
"""
from __future__ import annotations

from analysis.outputs.chart_style import (
    BAR_ROW_PX,
    FONT_FAMILY,
    FONT_SIZE,
    GREY,
    HEAT_SCALE,
    LABEL_WIDTH,
    PACE_COLOURS,
    PALETTE,
    SMALL_SIZE,
    TITLE_SIZE,
    TITLE_WIDTH,
    area_label,
    month_label,
    stage_label,
)
from analysis.outputs.figures_counts import COUNT_DIMENSIONS, count_bars
from analysis.outputs.figures_indicators import indicator_progress
from analysis.outputs.figures_outreach import coverage_gauges, cumulative_reach, outreach_heatmap
from analysis.outputs.figures_products import readiness_chart, stage_funnel

__all__ = [
    # the builders
    "count_bars", "coverage_gauges", "cumulative_reach", "indicator_progress", "outreach_heatmap",
    "readiness_chart", "stage_funnel",
    # their inputs and labels
    "COUNT_DIMENSIONS", "area_label", "month_label", "stage_label",
    # the shared look
    "BAR_ROW_PX", "FONT_FAMILY", "FONT_SIZE", "GREY", "HEAT_SCALE", "LABEL_WIDTH", "PACE_COLOURS", "PALETTE",
    "SMALL_SIZE", "TITLE_SIZE", "TITLE_WIDTH",
]
