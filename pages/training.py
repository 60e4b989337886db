"""Tập huấn & nhiệm vụ: who was trained, which units were not, and each party's tasks."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.i18n import formatting
from analysis.metrics.training import attendance_by, tasks_status, training_in_year, units_without_training
from analysis.outputs import figures
from pages.ui.state import context
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

st.subheader(ctx.t("tasks.heading"))
tasks = tasks_status(ctx.ds, year, ctx.ds.source.read_on())  # overdue as of the data's date
if tasks.empty:
    empty_state(ctx, "tasks.empty", year=year)
else:
    overdue = int(tasks["overdue"].sum())
    if overdue:
        st.error(ctx.t("tasks.overdue_count", n=overdue), icon=":material/alarm:")
    st.dataframe(pd.DataFrame({
        ctx.t("col.unit"): tasks["unit"], ctx.t("col.task"): tasks["task"],
        ctx.t("col.due"): [formatting.day(v) for v in tasks["due_on"]],
        ctx.t("col.status"): tasks["status"].fillna("—"),
        ctx.t("col.overdue"): [ctx.t("tasks.overdue") if v else "" for v in tasks["overdue"]],
    }), hide_index=True)
