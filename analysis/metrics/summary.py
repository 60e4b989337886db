"""The summary the CLI prints, built from a dataset: the same path as the dashboard."""
from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.i18n import strings
from analysis.metrics.indicators import indicators
from analysis.metrics.scope import Filters
from analysis.workbook.dataset import Dataset
from analysis.workbook.values import is_missing


def _plain(value: Any) -> Any:
    """JSON-friendly: NaN/NA -> None, numpy numbers -> Python numbers."""
    if is_missing(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def issue_reason(issue: Any, lang: str = strings.DEFAULT_LANG) -> str:
    params = issue["params"] if isinstance(issue["params"], dict) else {}
    return strings.t(f"reason.{issue['reason']}", lang, **params)


def issues_table(ds: Dataset, lang: str = strings.DEFAULT_LANG) -> pd.DataFrame:
    """Issues with their reasons written out, errors first, then by tab and row."""
    issues = ds.issues.copy()
    issues["reason_text"] = [issue_reason(row, lang) for _, row in issues.iterrows()]
    order = {"error": 0, "warning": 1, "notice": 2}
    issues["_order"] = issues["severity"].map(order)
    return issues.sort_values(["_order", "tab", "row"], na_position="first", kind="stable").drop(columns="_order")


def summary(ds: Dataset, year: int, lang: str = strings.DEFAULT_LANG) -> dict[str, Any]:
    table = indicators(ds, Filters(year), lang)
    return {
        "source": ds.source.as_plain(),
        "year": year,
        "info": {k: _plain(v) for k, v in ds.info.items()},
        "indicators": [
            {k: _plain(row[k]) for k in ("code", "label", "target", "actual", "percent")}
            for _, row in table.iterrows()
        ],
        "rows": {key: count.as_plain() for key, count in ds.accounting.items()},
        "issues": [
            {"tab": r["tab"], "row": _plain(r["row"]), "column": _plain(r["column"]), "value": _plain(r["value"]),
             "reason": r["reason_text"], "severity": r["severity"]}
            for _, r in issues_table(ds, lang).iterrows()
        ],
    }
