"""Meeting view (?view=meeting): slides for a projector, one topic per screen, in the link
(&slide=3), moved by the buttons or ← →, optionally on their own (&advance=20, seconds), and
refreshed every few minutes. Layout and navigation are in pages/ui/slides.py."""
from __future__ import annotations

import streamlit as st

from analysis.i18n import formatting
from analysis.metrics.indicators import indicators
from analysis.metrics.outreach import coverage, heatmap
from analysis.metrics.pace import most_urgent, with_pace
from analysis.metrics.products import product_table, stage_funnel
from analysis.metrics.scope import all_areas, as_of, filtered_outreach
from analysis.metrics.training import attendance_by, tasks_status, training_in_year, units_without_training
from analysis.outputs import figures
from analysis.workbook import contract
from pages.ui import slides
from pages.ui.slides import Slide
from pages.ui.state import Context, context, memo, refreshed_context
from pages.ui.widgets import empty_state, indicator_cards, md

REFRESH_SECONDS = 300
CARDS_PER_SLIDE, CARDS_PER_ROW = 6, 3  # two rows of three: large enough to read from the back
BARS_PER_SLIDE = 5  # progress bars: labels wrap on two lines
PRODUCTS_PER_SLIDE = 5  # readiness bars: two per product
TASKS_PER_SLIDE = 4  # task texts are long and wrap

slides.style()
BASE = context()
ADVANCE = slides.advance_seconds()


def target_slides(ctx: Context) -> list[Slide]:
    """(1) the cards and the most urgent gap, (2) progress: both against the year's targets."""
    year = ctx.filters.year
    title = ctx.t("meeting.slide.cards", year=year)
    table = memo(ctx, "overview.table",
                 lambda: with_pace(indicators(ctx.ds, ctx.filters, ctx.lang), year, as_of(ctx.ds, year)))
    with_target = table[table["target"].notna() & (table["target"] > 0)]
    if with_target.empty:
        return [Slide(title, lambda: empty_state(ctx, "overview.no_targets", year=year))]
    urgent = most_urgent(with_target)
    chunks = slides.parts(with_target, CARDS_PER_SLIDE, even=False)  # whole rows of cards

    def card_slide(chunk, first: bool) -> None:
        if first and urgent:
            st.warning(md(ctx.t("meeting.urgent", label=urgent["label"],
                                percent=formatting.percent(urgent["percent"], ctx.lang))),
                       icon=":material/priority_high:")
        st.caption(ctx.t("meeting.against_target", year=year))
        indicator_cards(ctx, chunk, per_row=CARDS_PER_ROW)  # the overview's cards

    deck = [Slide(slides.titled(ctx, title, i, len(chunks)), lambda c=chunk, f=i == 0: card_slide(c, f))
            for i, chunk in enumerate(chunks)]

    def progress(i: int, chunk) -> None:
        st.caption(ctx.t("meeting.against_target", year=year))
        slides.chart(ctx, ("meeting.progress", i), lambda: figures.indicator_progress(chunk, ctx.lang),
                     "overview.no_targets", year=year)

    bars = slides.parts(with_target, BARS_PER_SLIDE)
    title = ctx.t("meeting.slide.progress", year=year)
    return [*deck, *(Slide(slides.titled(ctx, title, i, len(bars)), lambda i=i, c=chunk: progress(i, c))
                     for i, chunk in enumerate(bars))]


def product_slides(ctx: Context) -> list[Slide]:
    """(3) products: the funnel, then dossier readiness a few products at a time."""
    products = memo(ctx, "products.table", lambda: product_table(ctx.ds, ctx.filters, ctx.ds.source.read_on()))
    funnel = Slide(ctx.t("meeting.slide.funnel"), lambda: slides.chart(
        ctx, "products.funnel", lambda: figures.stage_funnel(stage_funnel(products), ctx.lang), "products.empty"))
    active = products[products["stage"] != contract.DROPPED_OUT]
    if active.empty:
        return [funnel]
    chunks = slides.parts(active.reset_index(drop=True), PRODUCTS_PER_SLIDE)

    def readiness(i: int, chunk) -> None:
        st.caption(ctx.t("products.readiness_explain"))
        slides.chart(ctx, ("meeting.readiness", i), lambda: figures.readiness_chart(chunk, ctx.lang),
                     "products.empty")

    title = ctx.t("meeting.slide.readiness")
    return [funnel, *(Slide(slides.titled(ctx, title, i, len(chunks)), lambda i=i, c=chunk: readiness(i, c))
                      for i, chunk in enumerate(chunks))]


def outreach_slide(ctx: Context) -> Slide:
    """(4) outreach: where it happened (heat map) and how much of the ward it reached (gauges)."""
    year = ctx.filters.year
    reach = memo(ctx, "outreach.coverage_numbers", lambda: coverage(ctx.ds, ctx.filters))

    def relabel(fig) -> None:  # against ALL khóm / producers, worded apart from the target cards
        slides.stacked_gauges(fig, [
            ctx.t(key, reached=formatting.number(reach[f"{what}_reached"], 0, ctx.lang),
                  total=formatting.number(reach[f"{what}_total"], 0, ctx.lang))
            for key, what in (("meeting.coverage_areas", "areas"), ("meeting.coverage_producers", "producers"))])

    def draw() -> None:
        st.caption(ctx.t("meeting.against_all"))
        left, right = st.columns(2)
        with left:
            rows = memo(ctx, "outreach.rows", lambda: filtered_outreach(ctx.ds, ctx.filters))
            areas = list(ctx.filters.areas) or all_areas(ctx.ds)
            slides.chart(ctx, "outreach.heat", lambda: figures.outreach_heatmap(heatmap(rows, areas), ctx.lang),
                         "outreach.empty", year=year)
        with right:
            slides.chart(ctx, "outreach.coverage", lambda: figures.coverage_gauges(reach, ctx.lang),
                         "outreach.empty", restyle=relabel, year=year)

    return Slide(ctx.t("meeting.slide.outreach", year=year), draw)


def training_slide(ctx: Context) -> Slide:
    """(5) training: attendances by unit and by course, and the planned units nobody came from."""
    year = ctx.filters.year

    def draw() -> None:
        rows = training_in_year(ctx.ds, year)
        if untrained := units_without_training(ctx.ds, year):
            st.warning(md(ctx.t("training.untrained", names=", ".join(untrained))), icon=":material/school:")
        if rows.empty:
            empty_state(ctx, "training.empty", year=year)
            return
        left, right = st.columns(2)
        for where, column, dimension in ((left, "unit", "training_unit"), (right, "course", "course")):
            with where:
                slides.chart(ctx, f"training.{column}",
                             lambda c=column, d=dimension: figures.count_bars(attendance_by(rows, c), d, ctx.lang),
                             "training.empty", year=year)

    return Slide(ctx.t("meeting.slide.training", year=year), draw)


def task_slides(ctx: Context) -> list[Slide]:
    """(6) tasks, overdue first, a few per slide."""
    year = ctx.filters.year
    title = ctx.t("meeting.slide.tasks", year=year)
    tasks = tasks_status(ctx.ds, year, ctx.ds.source.read_on())  # overdue as of the data's date
    if tasks.empty:
        return [Slide(title, lambda: empty_state(ctx, "tasks.empty", year=year))]
    tasks = tasks.sort_values("overdue", ascending=False, kind="stable")  # then in plan order and due date
    overdue = int(tasks["overdue"].sum())
    chunks = slides.parts(tasks, TASKS_PER_SLIDE)

    def draw(chunk) -> None:
        if overdue:
            st.error(ctx.t("tasks.overdue_count", n=overdue), icon=":material/alarm:")
        st.caption(ctx.t("meeting.tasks_order"))
        slides.task_rows(ctx, chunk)

    return [Slide(slides.titled(ctx, title, i, len(chunks)), lambda c=chunk: draw(c)) for i, chunk in enumerate(chunks)]


def deck(ctx: Context) -> list[Slide]:
    return [*target_slides(ctx), *product_slides(ctx), outreach_slide(ctx), training_slide(ctx), *task_slides(ctx)]


def status_line(ctx: Context) -> str:
    """Ward, as of when, the filters, and how the view moves on by itself (sheet text made inert)."""
    year = ctx.filters.year
    parts = [md(ctx.t("meeting.heading", ward=ctx.ds.info.get("ward_name") or "", year=year)),
             ctx.t("overview.freshness", day=formatting.day(as_of(ctx.ds, year)))]
    if ctx.filters.areas:
        parts.append(md(ctx.t("filters.showing_khom", names=", ".join(ctx.filters.areas))))
    if ctx.filters.groups:
        parts.append(md(ctx.t("filters.showing_group", names=", ".join(ctx.filters.groups))))
    parts.append(ctx.t("meeting.refresh", minutes=REFRESH_SECONDS // 60))
    if ADVANCE:
        parts.append(ctx.t("meeting.advance", seconds=ADVANCE))
    return " · ".join(parts)


@st.fragment(run_every=min(REFRESH_SECONDS, ADVANCE or REFRESH_SECONDS))
def meeting() -> None:
    """Re-run on its own every few minutes (or every `advance` seconds); the shared cache decides when
    Google is asked again."""
    ctx = refreshed_context(BASE)
    shown = deck(ctx)
    index = slides.current(len(shown), ADVANCE)
    slides.header(ctx, shown[index].title, index, len(shown), status_line(ctx))
    with st.container(key="slide_body"):
        shown[index].draw()


meeting()
