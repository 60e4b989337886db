"""References between tabs, checked once every tab is read: unknown ones are warnings."""
from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.dataset import ROW, WARNING
from analysis.workbook.issues import Issues

# Cells the cross-check may quote: their value as written rides along until then.
CROSS_CHECKED = {"targets": ("code",), "products": ("producer_id",), "dossiers": ("product_id",)}
RAW_PREFIX = "_raw_"


def _as_written(frame: pd.DataFrame, i: Any, key: str) -> Any:
    column = RAW_PREFIX + key
    return frame.at[i, column] if column in frame.columns else frame.at[i, key]


def drop_raw(tables: dict[str, pd.DataFrame]) -> None:
    """Drop the values as written (RAW_PREFIX columns) once the cross-check has quoted them."""
    for key, frame in tables.items():
        tables[key] = frame.drop(columns=[name for name in frame.columns if str(name).startswith(RAW_PREFIX)])


def cross_check(tables: dict[str, pd.DataFrame], found: dict[str, str], issues: Issues) -> None:
    """References between tabs, and target codes: unknown ones are warnings."""
    targets = tables["targets"]
    for i in targets.index[~targets["code"].isin(c.INDICATOR_CODES)]:
        issues.add(found["targets"], int(targets.at[i, ROW]), "Mã chỉ tiêu", _as_written(targets, i, "code"),
                   WARNING, "code_unknown")
    producers = set(tables["producers"]["producer_id"].dropna())
    products = set(tables["products"]["product_id"].dropna())
    if producers:
        frame = tables["products"]
        unknown = frame["producer_id"].notna() & ~frame["producer_id"].isin(producers)
        for i in frame.index[unknown]:
            issues.add(found["products"], int(frame.at[i, ROW]), "Mã chủ thể", _as_written(frame, i, "producer_id"),
                       WARNING, "unknown_producer")
        frame.loc[unknown, "producer_id"] = None
        outreach = tables["outreach"]
        reached = outreach["producers_reached"]
        for i, ids in reached[reached.notna()].items():
            if producers.issuperset(ids):
                continue  # the usual row: every producer is known
            missing = [p for p in ids if p not in producers]
            if missing:
                issues.add(found["outreach"], int(outreach.at[i, ROW]), "Chủ thể được tiếp cận", ", ".join(missing),
                           WARNING, "unknown_producer")
                kept = tuple(p for p in ids if p in producers)
                outreach.at[i, "producers_reached"] = kept or None
    if products:
        frame = tables["dossiers"]
        unknown = ~frame["product_id"].isin(products)
        for i in frame.index[unknown]:
            issues.add(found["dossiers"], int(frame.at[i, ROW]), "Mã sản phẩm", _as_written(frame, i, "product_id"),
                       WARNING, "unknown_product")
