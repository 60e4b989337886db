"""analysis/workbook/schema.py: range checks declared from the contract's bounds (pandera)."""
from __future__ import annotations

import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.schema import bound_failures, bounds_schema

PRODUCTS = c.TABS_BY_KEY["products"]  # self_score and score 0–100, stars 1–5


def test_a_schema_only_for_tabs_with_bounds():
    assert {"self_score", "score", "stars"} <= set(bounds_schema(c.TABS_BY_KEY["products"]).columns)
    assert bounds_schema(c.TABS_BY_KEY["producers"]) is None  # no bounded column


def test_failures_name_the_row_index_and_the_column():
    table = pd.DataFrame({"score": [0.0, 100.0, -0.5, None, 100.5], "stars": [1, 5, 3, 0, 6]},
                         index=[10, 11, 12, 13, 14])
    assert sorted(bound_failures(table, PRODUCTS)) == [(12, "score"), (13, "stars"), (14, "score"), (14, "stars")]


def test_a_lower_bound_alone():
    targets = c.TABS_BY_KEY["targets"]  # Chỉ tiêu ≥ 0, no upper bound
    assert bound_failures(pd.DataFrame({"target": [0.0, 1e9, -1.0]}), targets) == [(2, "target")]


def test_nothing_to_check():
    assert bound_failures(pd.DataFrame({"score": []}), PRODUCTS) == []
    assert bound_failures(pd.DataFrame({"name": ["x"]}), c.TABS_BY_KEY["producers"]) == []
    assert bound_failures(pd.DataFrame({"name": ["x"]}), PRODUCTS) == []  # bounded columns absent
