"""The products charts: the pipeline by stage of the OCOP cycle, and each dossier's completeness."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.i18n.formatting import DASH, number, percent
from analysis.i18n.strings import DEFAULT_LANG, t
from analysis.outputs.chart_style import (
    BAR_ROW_PX,
    FONT_SIZE,
    SERIES_COLOURS,
    SMALL_SIZE,
    bar_height,
    base_layout,
    hover_template,
    is_empty,
    plain,
    stage_label,
    wrap,
)
from analysis.workbook.values import is_missing


def stage_funnel(funnel: pd.DataFrame, lang: str = DEFAULT_LANG, *, title: bool = True) -> go.Figure | None:
    """Products per stage of the OCOP cycle as a funnel (stages in the order given).

    `funnel`: stage, count. title=False: no title (the page's heading names the chart).
    Returns None when the table is empty or every count is 0.
    """
    if is_empty(funnel):
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
        textposition="auto", textfont=dict(size=FONT_SIZE), marker=dict(color=SERIES_COLOURS[0]),
        connector=dict(fillcolor="#E3F1FA", line=dict(color="#B7DCF3", width=1)),
        customdata=custom,
        hovertemplate=hover_template(
            "<b>%{customdata[0]}</b>",
            f"{t('fig.funnel.products', lang)}: %{{customdata[1]}}",
            f"{t('fig.funnel.share', lang)}: %{{customdata[2]}}",
        ),
    ))
    base_layout(fig, t("fig.funnel.title", lang) if title else None, lang, height=bar_height(len(stages), 64, 180))
    fig.update_yaxes(title_text=t("fig.stage", lang))
    return fig


def _document_name(key: str, lang: str) -> str:
    return t(f"doc.{key}", lang)


def readiness_chart(table: pd.DataFrame, lang: str = DEFAULT_LANG, *, title: bool = True) -> go.Figure | None:
    """Dossier completeness per product: required documents (gate) and all documents (depth).

    `table`: product_id, name, gate, depth (ratios 0..1 or None), missing_required (tuple of
    contract.DOCUMENTS keys), stage. Grouped horizontal bars in percent, x from 0 to 100%;
    the hover names the missing required documents. Series colours, never a status colour.
    title=False: no title (the page's heading names the chart). Returns None when the table is empty.
    """
    if is_empty(table):
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
        labels.append(wrap(label))
        gate.append(None if is_missing(row.gate) else float(row.gate) * 100)
        depth.append(None if is_missing(row.depth) else float(row.depth) * 100)
        custom.append([plain(label), percent(row.gate, lang), percent(row.depth, lang), missing_text,
                       stage_label(getattr(row, "stage", None), lang)])
    hover_lines = (
        "<b>%{customdata[0]}</b>",
        f"{t('fig.stage', lang)}: %{{customdata[4]}}",
        f"{t('fig.readiness.gate', lang)}: %{{customdata[1]}}",
        f"{t('fig.readiness.depth', lang)}: %{{customdata[2]}}",
        f"{t('fig.readiness.missing', lang)}: %{{customdata[3]}}",
    )
    fig = go.Figure()
    for name, values, colour in ((t("fig.readiness.gate", lang), gate, SERIES_COLOURS[0]),
                                 (t("fig.readiness.depth", lang), depth, SERIES_COLOURS[1])):
        fig.add_trace(go.Bar(
            name=name, x=values, y=labels, orientation="h", marker=dict(color=colour),
            text=[DASH if v is None else percent(v / 100, lang) for v in values],
            textposition=["outside" if v is None or v < 1 else "auto" for v in values],
            cliponaxis=False, textfont=dict(size=SMALL_SIZE),
            customdata=custom, hovertemplate=hover_template(*hover_lines),
        ))
    for label, g, d in zip(labels, gate, depth):
        if g is None and d is None:  # nothing to measure: say so rather than show a blank row
            fig.add_annotation(x=0, y=label, xref="x", yref="y", text=t("fig.readiness.no_data", lang),
                               showarrow=False, xanchor="left", font=dict(size=SMALL_SIZE, color="#444444"))
    base_layout(fig, t("fig.readiness.title", lang) if title else None, lang, legend=True,
                 height=bar_height(len(labels), 2 * BAR_ROW_PX - 20, 240))
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    fig.update_xaxes(title_text=t("fig.readiness.axis", lang), range=[0, 100], ticksuffix="%")
    fig.update_yaxes(title_text=t("fig.readiness.product", lang), autorange="reversed")
    return fig


__all__ = ["readiness_chart", "stage_funnel"]
