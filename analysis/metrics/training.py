"""Training (tập huấn) of officers and the plan's tasks (nhiệm vụ) per responsible unit."""
from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.dataset import ROW, Dataset
from analysis.workbook.text import fold_ascii

DONE = c.TASK_STATUSES[-1]  # Hoàn thành
TASK_COLUMNS = ["unit", "task", "due_on", "status", "overdue", ROW]


def _key(unit) -> str | None:
    """Case- and diacritic-insensitive form of a unit name."""
    return fold_ascii(unit) if isinstance(unit, str) and unit.strip() else None


def attendance_by(training: pd.DataFrame, column: str) -> pd.DataFrame:
    """Attendances per unit or course, most first; blank values are left out.

    Spellings that differ only in case or diacritics are one value (the first spelling is shown)."""
    rows = training[training[column].map(_key).notna()]
    key = rows[column].map(_key)
    table = pd.DataFrame({"value": rows[column].groupby(key, sort=False).first(),
                          "attendances": key.value_counts()})
    table = table.sort_values(["attendances", "value"], ascending=[False, True], kind="stable")
    return table.astype({"attendances": int}).reset_index(drop=True)


def training_in_year(ds: Dataset, year: int) -> pd.DataFrame:
    """Training rows held in `year`."""
    training = ds.tables["training"]
    return training[training["held_on"].dt.year == year]


def plan_units(ds: Dataset) -> list[str]:
    """The plan's responsible units: distinct units of the Nhiệm vụ tab, first-seen order."""
    seen: dict[str, str] = {}
    for unit in ds.tables["tasks"]["unit"]:
        if (key := _key(unit)) is not None:
            seen.setdefault(key, unit)
    return list(seen.values())


def units_without_training(ds: Dataset, year: int) -> list[str]:
    """Plan units with no training attendance in `year`."""
    trained = {_key(u) for u in training_in_year(ds, year)["unit"]}
    return [u for u in plan_units(ds) if _key(u) not in trained]


def tasks_status(ds: Dataset, year: int, today: date) -> pd.DataFrame:
    """Tasks due in `year` (or with no due date), overdue flagged, by unit in plan order then due date."""
    tasks = ds.tables["tasks"]
    tasks = tasks[(tasks["due_on"].dt.year == year) | tasks["due_on"].isna()].copy()
    tasks["overdue"] = (tasks["due_on"] < pd.Timestamp(today)) & (tasks["status"] != DONE)
    order = {_key(u): i for i, u in enumerate(plan_units(ds))}
    tasks["_order"] = tasks["unit"].map(lambda u: order.get(_key(u), len(order)))
    tasks = tasks.sort_values(["_order", "due_on", ROW], na_position="last", kind="stable")
    return tasks[TASK_COLUMNS].astype({"overdue": bool}).reset_index(drop=True)
