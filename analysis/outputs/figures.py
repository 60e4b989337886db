"""Plotly figures for the dashboard, built from the analysis tables (no Streamlit here).

Every builder takes a table and `lang` ("vi" first, "en" second) and returns a
`plotly.graph_objects.Figure`, or None when there is nothing to draw (the page then
shows an explanatory empty state instead of an empty chart).

The figures are read by ward leaders on a projector, so they share one look
(`_base_layout`): large fonts, the Okabe–Ito colour-blind-safe palette, a white
template, Vietnamese number separators (1.234,5), every label and hover text from
analysis/i18n/strings.py with numbers pre-formatted by analysis/i18n/formatting.py (hover
text is carried in `customdata`, so Plotly's own words such as "variable" or
"value" never show), and colour never the only cue: bars also carry their words.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import DASH, number, percent
from analysis.i18n.strings import DEFAULT_LANG, t
from analysis.workbook import contract as c
from analysis.workbook.values import is_missing

# Okabe–Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
GREY = "#8C8C8C"
PACE_COLOURS: dict[str | None, str] = {
    "reached": "#009E73",
    "on_track": "#0072B2",
    "behind": "#D55E00",
    None: GREY,
}
HEAT_SCALE = "Blues"  # one hue: more activities, darker cell

FONT_SIZE = 16
TITLE_SIZE = 22
SMALL_SIZE = 15  # the smallest text anywhere (ticks, hover, annotations) stays >= 14
FONT_FAMILY = "Arial, 'Noto Sans', 'Segoe UI', sans-serif"  # full Vietnamese diacritics
BAR_ROW_PX = 46  # height per category of a horizontal bar chart
TITLE_WIDTH = 34  # titles wrap too: charts sit in half-width columns and on phones
LABEL_WIDTH = 24  # longer category labels wrap onto lines of balanced length

COUNT_DIMENSIONS = ("channel", "topic", "unit", "course", "training_unit")


# --------------------------------------------------------------------------- helpers
def _is_empty(frame: Any) -> bool:
    return frame is None or (isinstance(frame, pd.DataFrame) and frame.empty)


def _greedy_lines(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _wrap(text: str, width: int = LABEL_WIDTH) -> str:
    """Break a label longer than `width` onto as few lines as it needs, of similar length (`<br>`)."""
    words = str(text).split()
    text = " ".join(words)
    if len(text) <= width:
        return text
    needed = len(_greedy_lines(words, width))
    for line_width in range(math.ceil(len(text) / needed), width + 1):  # the narrowest that fits
        lines = _greedy_lines(words, line_width)
        if len(lines) <= needed:
            return "<br>".join(lines)
    return "<br>".join(_greedy_lines(words, width))


def _template(*lines: str) -> str:
    """A hovertemplate from lines of text, without Plotly's trace-name box."""
    return "<br>".join(lines) + "<extra></extra>"


def stage_label(stage: Any, lang: str = DEFAULT_LANG) -> str:
    """A stage of the cycle in `lang`; unknown values are shown as written."""
    if is_missing(stage):
        return DASH
    code = c.STAGE_CODES.get(stage)
    return t(f"stage.{code}", lang) if code else str(stage)


def area_label(area: Any, lang: str = DEFAULT_LANG) -> str:
    """`Vĩnh Phú` -> `Khóm Vĩnh Phú`; the whole ward reads `Toàn phường` / `Whole ward`."""
    name = str(area)
    if name == c.WHOLE_WARD:
        return t("fig.whole_ward", lang)
    if name.casefold().startswith("khóm"):
        return name
    return t("fig.area", lang, area=name)


def month_label(month: int, lang: str = DEFAULT_LANG, long: bool = False) -> str:
    """3 -> `Th3` / `Mar` (axis labels), or `Tháng 3` / `March` with long=True (hover)."""
    return t(f"month.{'long' if long else 'short'}.{int(month)}", lang)


def _base_layout(fig: go.Figure, title: str, lang: str = DEFAULT_LANG, *,
                 height: int | None = None, legend: bool = False) -> go.Figure:
    """The shared look: title, fonts, separators, palette, margins, white template."""
    title = _wrap(title, TITLE_WIDTH)  # a long title takes two lines rather than running off a phone
    top = (120 if legend else 80) + (24 if "<br>" in title else 0)
    fig.update_layout(
        template="plotly_white",
        title=dict(text=title, font=dict(size=TITLE_SIZE), x=0.01, xanchor="left",
                   xref="container", y=1, yref="container", yanchor="top",
                   pad=dict(t=40 if "<br>" in title else 16)),  # plotly sets a 2-line title by its 1st line
        font=dict(size=FONT_SIZE, family=FONT_FAMILY, color="#222222"),
        separators=".," if lang == "en" else ",.",
        colorway=list(PALETTE),
        margin=dict(l=20, r=40, t=top, b=60, autoexpand=True),
        hoverlabel=dict(font=dict(size=SMALL_SIZE, family=FONT_FAMILY)),
        showlegend=legend,
        legend=dict(title=dict(text=""), orientation="h", x=0, xanchor="left", y=1.02,
                    yanchor="bottom", font=dict(size=FONT_SIZE)),
    )
    if height is not None:
        fig.update_layout(height=height)
    axes = dict(automargin=True, separatethousands=True, title_font=dict(size=FONT_SIZE),
                tickfont=dict(size=SMALL_SIZE))
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    return fig


def _whole_ticks(top: float) -> dict:
    """Axis settings so small counts tick at whole numbers (no `0,5` activities)."""
    if top > 10:
        return dict(tickformat=",d")
    return dict(tickformat=",d", dtick=1 if top <= 5 else 2, tick0=0)  # 2 apart: readable on a phone


def _bar_height(rows: int, per_row: int = BAR_ROW_PX, extra: int = 200) -> int:
    return max(360, extra + per_row * rows)


# --------------------------------------------------------------------------- 1. indicators
def indicator_progress(table: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Percent of target reached per indicator, as horizontal bars against a 100% line.

    `table`: code, label, target, actual, percent (ratio or None/NaN), pace ("reached",
    "on_track", "behind" or None). Only rows with a percent are drawn, in table order
    from the top. Each bar is coloured by pace (PACE_COLOURS) and also says it in words
    ("72,5% · Chậm tiến độ"). Returns None when the table is empty or no row has a percent.
    """
    if _is_empty(table):
        return None
    rows = table[[not is_missing(p) for p in table["percent"]]]
    if rows.empty:
        return None
    has_pace = "pace" in rows.columns
    x, y, text, colours, custom = [], [], [], [], []
    for row in rows.itertuples(index=False):
        pace = getattr(row, "pace", None) if has_pace else None
        pace = pace if isinstance(pace, str) and pace in PACE_COLOURS else None
        label = str(row.label) if not is_missing(row.label) else str(row.code)
        shown = percent(row.percent, lang)
        x.append(float(row.percent) * 100)
        y.append(_wrap(label))
        text.append(f"{shown} · {t(f'pace.{pace}', lang)}" if pace else shown)
        colours.append(PACE_COLOURS[pace])
        custom.append([label, number(row.actual, 1, lang), number(row.target, 1, lang), shown,
                       t(f"pace.{pace}", lang) if pace else DASH])
    fig = go.Figure(go.Bar(
        x=x, y=y, orientation="h", text=text, cliponaxis=False,
        textposition=["outside" if v < 1 else "auto" for v in x],  # a 0% bar still shows its text
        textfont=dict(size=FONT_SIZE), insidetextanchor="end", marker=dict(color=colours),
        customdata=custom,
        hovertemplate=_template(
            "<b>%{customdata[0]}</b>",
            f"{t('col.actual', lang)} / {t('col.target', lang)}: %{{customdata[1]}} / %{{customdata[2]}}",
            f"{t('col.percent', lang)}: %{{customdata[3]}} · %{{customdata[4]}}",
        ),
    ))
    fig.add_vline(x=100, line=dict(color="#000000", width=2, dash="dash"),
                  annotation=dict(text=t("fig.progress.target_line", lang), font=dict(size=SMALL_SIZE),
                                  xanchor="left", yanchor="bottom"),
                  annotation_position="top right")
    _base_layout(fig, t("fig.progress.title", lang), lang, height=_bar_height(len(x)))
    # Room on the right for the text beyond the longest bar and the 100% line.
    fig.update_xaxes(title_text=t("fig.progress.axis", lang), ticksuffix="%",
                     range=[0, max(100.0, max(x)) * 1.3], rangemode="tozero")
    fig.update_yaxes(title_text=t("col.indicator", lang), autorange="reversed")
    return fig


# --------------------------------------------------------------------------- 2. funnel
def stage_funnel(funnel: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Products per stage of the OCOP cycle as a funnel (stages in the order given).

    `funnel`: stage, count. Returns None when the table is empty or every count is 0.
    """
    if _is_empty(funnel):
        return None
    counts = [0 if is_missing(n) else int(n) for n in funnel["count"]]
    if sum(counts) == 0:
        return None
    stages = [stage_label(s, lang) for s in funnel["stage"]]
    first = next((n for n in counts if n), 0)
    custom = [[stage, number(n, 0, lang), percent(n / first if first else None, lang)]
              for stage, n in zip(stages, counts)]
    fig = go.Figure(go.Funnel(
        y=stages, x=counts, text=[number(n, 0, lang) for n in counts], textinfo="text",
        textposition="auto", textfont=dict(size=FONT_SIZE), marker=dict(color=PALETTE[0]),
        connector=dict(fillcolor="#DCE9F5", line=dict(color="#B0C4DE", width=1)),
        customdata=custom,
        hovertemplate=_template(
            "<b>%{customdata[0]}</b>",
            f"{t('fig.funnel.products', lang)}: %{{customdata[1]}}",
            f"{t('fig.funnel.share', lang)}: %{{customdata[2]}}",
        ),
    ))
    _base_layout(fig, t("fig.funnel.title", lang), lang, height=_bar_height(len(stages), 64, 180))
    fig.update_yaxes(title_text=t("fig.stage", lang))
    return fig


# --------------------------------------------------------------------------- 3. readiness
def _document_name(key: str, lang: str) -> str:
    return t(f"doc.{key}", lang)


def readiness_chart(table: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Dossier completeness per product: required documents (gate) and all documents (depth).

    `table`: product_id, name, gate, depth (ratios 0..1 or None), missing_required (tuple of
    contract.DOCUMENTS keys), stage. Grouped horizontal bars in percent, x from 0 to 100%;
    the hover names the missing required documents. Returns None when the table is empty.
    """
    if _is_empty(table):
        return None
    labels, custom = [], []
    gate, depth = [], []
    for row in table.itertuples(index=False):
        name = "" if is_missing(row.name) else str(row.name)
        label = f"{row.product_id} · {name}" if name else str(row.product_id)
        missing = getattr(row, "missing_required", ()) or ()
        if isinstance(missing, str):
            missing = (missing,)
        missing_text = (", ".join(_document_name(k, lang) for k in missing) if len(missing)
                        else t("fig.readiness.complete", lang))
        labels.append(_wrap(label))
        gate.append(None if is_missing(row.gate) else float(row.gate) * 100)
        depth.append(None if is_missing(row.depth) else float(row.depth) * 100)
        custom.append([label, percent(row.gate, lang), percent(row.depth, lang), missing_text,
                       stage_label(getattr(row, "stage", None), lang)])
    hover_lines = (
        "<b>%{customdata[0]}</b>",
        f"{t('fig.stage', lang)}: %{{customdata[4]}}",
        f"{t('fig.readiness.gate', lang)}: %{{customdata[1]}}",
        f"{t('fig.readiness.depth', lang)}: %{{customdata[2]}}",
        f"{t('fig.readiness.missing', lang)}: %{{customdata[3]}}",
    )
    fig = go.Figure()
    for name, values, colour in ((t("fig.readiness.gate", lang), gate, PALETTE[0]),
                                 (t("fig.readiness.depth", lang), depth, PALETTE[1])):
        fig.add_trace(go.Bar(
            name=name, x=values, y=labels, orientation="h", marker=dict(color=colour),
            text=[DASH if v is None else percent(v / 100, lang) for v in values],
            textposition=["outside" if v is None or v < 1 else "auto" for v in values],
            cliponaxis=False, textfont=dict(size=SMALL_SIZE),
            customdata=custom, hovertemplate=_template(*hover_lines),
        ))
    for label, g, d in zip(labels, gate, depth):
        if g is None and d is None:  # nothing to measure: say so rather than show a blank row
            fig.add_annotation(x=0, y=label, xref="x", yref="y", text=t("fig.readiness.no_data", lang),
                               showarrow=False, xanchor="left", font=dict(size=SMALL_SIZE, color="#444444"))
    _base_layout(fig, t("fig.readiness.title", lang), lang, legend=True,
                 height=_bar_height(len(labels), 2 * BAR_ROW_PX - 20, 240))
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    fig.update_xaxes(title_text=t("fig.readiness.axis", lang), range=[0, 100], ticksuffix="%")
    fig.update_yaxes(title_text=t("fig.readiness.product", lang), autorange="reversed")
    return fig


# --------------------------------------------------------------------------- 4. heat map
def outreach_heatmap(heat: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Outreach activities per khóm (rows, the last may be "Toàn phường") and month (1..12).

    Months missing from `heat` read as 0; counts are printed in the cells. Returns None
    when the table is empty or holds no activity at all.
    """
    if _is_empty(heat):
        return None
    months = list(range(1, 13))
    frame = heat.reindex(columns=months).fillna(0)
    if float(frame.to_numpy(dtype=float).sum()) == 0:
        return None
    z = [[int(v) for v in row] for row in frame.to_numpy(dtype=float)]
    areas = [area_label(a, lang) for a in frame.index]
    text = [[number(v, 0, lang) if v else "" for v in row] for row in z]  # an empty cell: no activity; less to read
    custom = [[t("fig.heat.hover_one" if v == 1 else "fig.heat.hover", lang, area=area,
                 month=month_label(m, lang, long=True), activities=number(v, 0, lang))
               for m, v in zip(months, row)] for area, row in zip(areas, z)]
    fig = go.Figure(go.Heatmap(
        z=z, x=[month_label(m, lang) for m in months], y=areas, text=text,
        texttemplate="%{text}", textfont=dict(size=FONT_SIZE), customdata=custom,
        hovertemplate=_template("%{customdata}"), colorscale=HEAT_SCALE, zmin=0,
        xgap=2, ygap=2,
        colorbar=dict(title=dict(text=t("fig.heat.colorbar", lang), font=dict(size=SMALL_SIZE)),
                      tickfont=dict(size=SMALL_SIZE), separatethousands=True,
                      **_whole_ticks(max(max(row) for row in z))),
    ))
    _base_layout(fig, t("fig.heat.title", lang), lang, height=_bar_height(len(areas), 56, 220))
    fig.update_xaxes(title_text=t("fig.month", lang), side="bottom", showgrid=False)
    fig.update_yaxes(title_text=t("fig.heat.areas", lang), autorange="reversed", showgrid=False)
    return fig


# --------------------------------------------------------------------------- 5. counts
def count_bars(counts: pd.DataFrame, dimension: str, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Activities (or training attendances) per channel, topic, unit, course or training unit.

    `counts`: value, activities (or attendances, for "course" and "training_unit"),
    attendees (optional). `dimension` is one of COUNT_DIMENSIONS; it sets the title.
    Bars are drawn in table order from the top. Returns None when the table is empty.
    """
    if dimension not in COUNT_DIMENSIONS:
        raise ValueError(f"dimension must be one of {COUNT_DIMENSIONS}, not {dimension!r}")
    if _is_empty(counts):
        return None
    measure = "attendances" if "attendances" in counts.columns else "activities"
    training = measure == "attendances" or dimension in ("course", "training_unit")
    quantity = t("fig.count.attendances" if training else "fig.count.activities", lang)
    has_attendees = "attendees" in counts.columns
    values = [0 if is_missing(n) else int(n) for n in counts[measure]]
    labels = [DASH if is_missing(v) else str(v) for v in counts["value"]]
    custom = [[label, number(n, 0, lang)] + ([number(a, 0, lang)] if has_attendees else [])
              for label, n, a in zip(labels, values,
                                     counts["attendees"] if has_attendees else [None] * len(values))]
    lines = ["<b>%{customdata[0]}</b>", f"{quantity}: %{{customdata[1]}}"]
    if has_attendees:
        lines.append(f"{t('fig.count.attendees', lang)}: %{{customdata[2]}}")
    fig = go.Figure(go.Bar(
        x=values, y=[_wrap(label) for label in labels], orientation="h",
        text=[number(n, 0, lang) for n in values], textposition="outside", cliponaxis=False,
        textfont=dict(size=FONT_SIZE), marker=dict(color=PALETTE[0]), customdata=custom,
        hovertemplate=_template(*lines),
    ))
    _base_layout(fig, t(f"fig.count.title.{dimension}", lang), lang, height=_bar_height(len(values)))
    fig.update_xaxes(title_text=quantity, range=[0, max(max(values), 1) * 1.15], rangemode="tozero",
                     **_whole_ticks(max(values)))
    fig.update_yaxes(title_text=t(f"fig.count.axis.{dimension}", lang), autorange="reversed")
    return fig


# --------------------------------------------------------------------------- 6. reach
def cumulative_reach(reach: pd.DataFrame, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """People reached by outreach per month (bars) and cumulated over the year (line).

    `reach`: month (1..12), attendees, cumulative. Both share one y axis so the line reads
    as the running total of the bars. Returns None when the table is empty.
    """
    if _is_empty(reach):
        return None
    frame = reach.sort_values("month")
    months = [int(m) for m in frame["month"]]
    monthly = [0 if is_missing(n) else int(n) for n in frame["attendees"]]
    total = [0 if is_missing(n) else int(n) for n in frame["cumulative"]]
    x = [month_label(m, lang) for m in months]
    custom = [[month_label(m, lang, long=True), number(a, 0, lang), number(s, 0, lang)]
              for m, a, s in zip(months, monthly, total)]
    hover = _template(
        "<b>%{customdata[0]}</b>",
        f"{t('fig.reach.monthly', lang)}: %{{customdata[1]}}",
        f"{t('fig.reach.cumulative', lang)}: %{{customdata[2]}}",
    )
    fig = go.Figure()
    fig.add_trace(go.Bar(
        name=t("fig.reach.monthly", lang), x=x, y=monthly, marker=dict(color=PALETTE[5]),
        text=[number(n, 0, lang) for n in monthly], textposition="inside", insidetextanchor="start",
        textfont=dict(size=SMALL_SIZE), customdata=custom, hovertemplate=hover,
    ))
    last = [""] * (len(total) - 1) + [number(total[-1], 0, lang)]
    fig.add_trace(go.Scatter(
        name=t("fig.reach.cumulative", lang), x=x, y=total, mode="lines+markers+text",
        line=dict(color=PALETTE[3], width=4), marker=dict(size=10, color=PALETTE[3]),
        text=last, textposition="top center", textfont=dict(size=FONT_SIZE, color=PALETTE[3]),
        cliponaxis=False, customdata=custom, hovertemplate=hover,
    ))
    _base_layout(fig, t("fig.reach.title", lang), lang, legend=True, height=480)
    # A bar too short for its number hides it (it stays in the hover) rather than shrinking it.
    fig.update_layout(uniformtext=dict(minsize=SMALL_SIZE, mode="hide"))
    fig.update_xaxes(title_text=t("fig.month", lang), type="category", categoryorder="array",
                     categoryarray=x)
    top = max(max(total), max(monthly), 1)
    fig.update_yaxes(title_text=t("fig.reach.axis", lang), rangemode="tozero", range=[0, top * 1.15],
                     **_whole_ticks(top))
    return fig


# --------------------------------------------------------------------------- 7. coverage
def coverage_gauges(coverage: Mapping[str, Any] | None, lang: str = DEFAULT_LANG) -> go.Figure | None:
    """Two gauges side by side: share of khóm and share of producers reached by outreach.

    `coverage`: area_share, producer_share (ratios or None), areas_reached, areas_total,
    producers_reached, producers_total. A share of None draws an empty gauge marked
    "Không tính được". Returns None when `coverage` is empty or both shares are None.
    """
    if not coverage:
        return None
    shares = (coverage.get("area_share"), coverage.get("producer_share"))
    if all(is_missing(s) for s in shares):
        return None
    specs = (
        ("fig.coverage.areas", shares[0], coverage.get("areas_reached"), coverage.get("areas_total")),
        ("fig.coverage.producers", shares[1], coverage.get("producers_reached"),
         coverage.get("producers_total")),
    )
    fig = go.Figure()
    for i, (key, share, reached, total) in enumerate(specs):
        title = t(key, lang, reached=number(reached, 0, lang), total=number(total, 0, lang))
        missing = is_missing(share)
        if missing:
            title += f"<br><span style='font-size:{SMALL_SIZE}px'>{t('indicator.not_computed', lang)}</span>"
        fig.add_trace(go.Indicator(
            mode="gauge" if missing else "gauge+number",
            value=None if missing else float(share) * 100,
            number=dict(suffix="%", valueformat=".1~f", font=dict(size=44)),
            title=dict(text=title, font=dict(size=FONT_SIZE + 2)),
            domain=dict(x=[0.0, 0.46] if i == 0 else [0.54, 1.0], y=[0.0, 0.9]),
            gauge=dict(
                axis=dict(range=[0, 100], ticksuffix="%", tickfont=dict(size=SMALL_SIZE),
                          separatethousands=True),
                bar=dict(color=PALETTE[0], thickness=0.6),
                bgcolor="#F2F2F2", borderwidth=1, bordercolor="#BBBBBB",
            ),
        ))
    _base_layout(fig, t("fig.coverage.title", lang), lang, height=380)
    fig.update_layout(margin=dict(l=40, r=40, t=110, b=30))
    return fig
