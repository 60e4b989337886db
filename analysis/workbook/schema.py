"""Range checks on typed tables, declared with pandera from the contract's bounds.

pandera's lazy validation returns its failures as a DataFrame (index, column),
which is exactly what an officer needs: which row, which column.
"""
from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from analysis.workbook import contract as c


@cache
def bounds_schema(tab: c.Tab) -> pa.DataFrameSchema | None:
    """The declared bounds of a tab (any Tab: a unit's tabs, the registry's), as a pandera schema."""
    columns = {}
    for column in tab.columns:
        if column.low is None and column.high is None:
            continue
        check = pa.Check.in_range(
            column.low if column.low is not None else float("-inf"),
            column.high if column.high is not None else float("inf"),
        )
        columns[column.key] = pa.Column(float, checks=check, nullable=True, coerce=True, required=False)
    return pa.DataFrameSchema(columns) if columns else None


def bound_failures(table: pd.DataFrame, tab: c.Tab) -> list[tuple[int, str]]:
    """(row index, column key) of every value outside its bounds."""
    schema = bounds_schema(tab)
    if schema is None or table.empty:
        return []
    subset = table[[k for k in schema.columns if k in table.columns]]
    try:
        schema.validate(subset, lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        cases = cases[cases["index"].notna() & cases["column"].notna()]
        return [(int(i), str(col)) for i, col in zip(cases["index"], cases["column"])]
    return []
