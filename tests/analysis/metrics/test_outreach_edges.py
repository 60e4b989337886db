"""analysis/metrics/outreach.py at its edges (issue 14): ties in counts_by, the heatmap's and the running
total's types and names."""
from __future__ import annotations

import pandas as pd

from analysis.metrics.outreach import counts_by, cumulative_reach, heatmap
from analysis.workbook import contract as c


def _outreach(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame({"held_on": pd.to_datetime([r[0] for r in rows]), "area": [r[1] for r in rows],
                         "channel": [r[2] for r in rows], "attendees": [r[3] for r in rows]})


def test_counts_by_ties_go_alphabetically():
    table = counts_by(_outreach([("2023-03-01", "A", "Loa", 10), ("2023-04-01", "A", "Họp dân", 10),
                                 ("2023-05-01", "A", "Zalo", None)]), "channel")
    assert list(table["value"]) == ["Họp dân", "Loa", "Zalo"] and list(table["attendees"]) == [10, 10, 0]


def test_heatmap_is_integers_named_area_by_month():
    grid = heatmap(_outreach([("2023-03-01", "Vĩnh Phú", "Loa", 1), ("2023-03-09", c.WHOLE_WARD, "Loa", 1)]),
                   ["Vĩnh Phú", "Vĩnh Đông"])
    assert (grid.index.name, grid.columns.name) == ("area", "month")
    assert list(grid.index) == ["Vĩnh Phú", "Vĩnh Đông", c.WHOLE_WARD]
    assert all(dtype.kind == "i" for dtype in grid.dtypes) and int(grid.loc["Vĩnh Phú", 3]) == 1
    assert int(grid.loc["Vĩnh Đông"].sum()) == 0


def test_cumulative_reach_is_integers():
    table = cumulative_reach(_outreach([("2023-02-01", "A", "Loa", 5.0), ("2023-04-01", "A", "Loa", None)]))
    assert table["attendees"].dtype.kind == "i" and table["cumulative"].dtype.kind == "i"
    assert list(table["cumulative"])[:4] == [0, 5, 5, 5]
