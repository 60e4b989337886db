"""The issues a reading finds, collected as plain records; one DataFrame is made at the end."""
from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.workbook.cells import as_text
from analysis.workbook.dataset import ISSUE_COLUMNS

SHOWN_CHARACTERS = 200  # a 50,000-character cell stays readable in its issue


class Issues:
    """Collects issues as plain records (a DataFrame per issue would be slow at country scale)."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(self, tab: str, row: int | None, column: str | None, value: Any, severity: str,
            reason: str, **params: Any) -> None:
        shown = as_text(value) if value is not None else None
        if shown is not None and len(shown) > SHOWN_CHARACTERS:
            shown = shown[:SHOWN_CHARACTERS] + "…"
        self.records.append({"tab": tab, "row": row, "column": column, "value": shown,
                             "severity": severity, "reason": reason, "params": params})

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.records, columns=ISSUE_COLUMNS).astype({"row": "Int64"})
