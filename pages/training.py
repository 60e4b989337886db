"""Tập huấn & nhiệm vụ: who was trained, which units were not, and each party's tasks."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.i18n import formatting
from analysis.metrics.training import attendance_by, tasks_status, training_in_year, units_without_training
from analysis.outputs import figures
from analysis.outputs.table_view import DATE, table_view
from pages.ui.state import context
from pages.ui.tables import downloads, table
from pages.ui.widgets import chart, empty_state, md

ctx = context()
year = ctx.filters.year
st.title(ctx.t("training.heading", year=year))
rows = training_in_year(ctx.ds, year)
untrained = units_without_training(ctx.ds, year)
if untrained:
    st.warning(md(ctx.t("training.untrained", names=", ".join(untrained))), icon=":material/school:")

if rows.empty:
    empty_state(ctx, "training.empty", year=year)
else:
    st.metric(ctx.t("training.attendances"), formatting.number(len(rows), 0, ctx.lang), border=True)
    left, right = st.columns(2)
    for column, dimension, where in (("unit", "training_unit", left), ("course", "course", right)):
        with where:
            chart(ctx, f"training.{column}",  # the loop variables bound now (B023)
                  lambda c=column, d=dimension: figures.count_bars(attendance_by(rows, c), d, ctx.lang),
                  "training.empty", year=year)
    st.subheader(ctx.t("training.attendances"))
    attended = table_view(pd.DataFrame({  # who, when, which course; then the rest
        ctx.t("report.col.attendee"): rows["attendee"], ctx.t("report.col.date"): rows["held_on"],
        ctx.t("report.col.course"): rows["course"], ctx.t("report.col.work_unit"): rows["unit"],
        ctx.t("report.col.role"): rows["role"], ctx.t("report.col.organiser"): rows["organiser"],
    }).sort_values(ctx.t("report.col.date"), kind="stable"), {ctx.t("report.col.date"): DATE}, ctx.lang)
    table(ctx, attended, "tap-huan")
    downloads(ctx, attended, f"tap-huan-{year}")

st.subheader(ctx.t("tasks.heading"))
tasks = tasks_status(ctx.ds, year, ctx.ds.source.read_on())  # overdue as of the data's date
if tasks.empty:
    empty_state(ctx, "tasks.empty", year=year)
else:
    overdue = int(tasks["overdue"].sum())
    if overdue:
        st.error(ctx.t("tasks.overdue_count", n=overdue), icon=":material/alarm:")
    shown = table_view(pd.DataFrame({  # the order of importance: what, by when, late?, status, who
        ctx.t("col.task"): tasks["task"], ctx.t("col.due"): tasks["due_on"],
        ctx.t("col.overdue"): [ctx.t("tasks.overdue") if v else "" for v in tasks["overdue"]],
        ctx.t("col.status"): tasks["status"], ctx.t("col.unit"): tasks["unit"],
    }), {ctx.t("col.due"): DATE}, ctx.lang)
    table(ctx, shown, "nhiem-vu", widths={ctx.t("col.task"): "large"})
    downloads(ctx, shown, f"nhiem-vu-{year}")
