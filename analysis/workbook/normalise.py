"""Raw workbook -> dataset: one typed DataFrame per tab, every issue, the row accounting.

This is the one code path for every reading rule of docs/WORKBOOK.md; the
.xlsx and Google Sheets sources both end here. The steps live next door: headers.py
(tabs and header rows), tab_reader.py with columns.py (one tab's cells), info.py
(Thông tin), cross_check.py (references between tabs), issues.py (what is found).
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.columns import empty_table, empty_typed_table
from analysis.workbook.cross_check import cross_check, drop_raw
from analysis.workbook.dataset import ERROR, Dataset, RowCount, SourceInfo
from analysis.workbook.headers import HEADER_SEARCH_ROWS, find_tabs, missing_required
from analysis.workbook.info import read_info
from analysis.workbook.issues import Issues
from analysis.workbook.tab_reader import TabReader

# Imported from here by other modules and kept importable from here.
__all__ = ["HEADER_SEARCH_ROWS", "empty_table", "empty_typed_table", "missing_required", "normalise",
           "normalise_workbook"]


def normalise(tabs: dict[str, list[list[Any]]], source: SourceInfo | None = None) -> Dataset:
    """Apply every reading rule; nothing is dropped without being counted."""
    issues = Issues()
    found = find_tabs(list(tabs), issues)
    tables: dict[str, pd.DataFrame] = {}
    accounting: dict[str, RowCount] = {}
    layouts: dict[str, dict[str, Any]] = {}
    info, accounting["info"] = read_info(found.get("info"), tabs.get(found.get("info"), []), issues)
    areas: list[str] = []
    for tab in c.TABS:
        if tab.key_value:
            continue
        title = found.get(tab.key)
        if title is None:
            if tab.required:
                issues.add(tab.title, None, None, None, ERROR, "tab_missing")
            tables[tab.key] = empty_typed_table(tab)
            accounting[tab.key] = RowCount()
            continue
        reader = TabReader(tab, title, tabs[title] or [], issues, areas)
        tables[tab.key], accounting[tab.key] = reader.read()
        if not missing_required(reader.layout, tab):
            layouts[tab.key] = reader.layout
        if tab.key == "areas":
            areas = list(tables["areas"]["name"].dropna())
    cross_check(tables, {t.key: found.get(t.key, t.title) for t in c.TABS}, issues)
    drop_raw(tables)
    return Dataset(tables, issues.frame(), accounting, info,
                   {t.key: found.get(t.key) for t in c.TABS}, source or SourceInfo(), layouts)


def normalise_workbook(raw) -> Dataset:
    """normalise() for a data_sources.raw.RawWorkbook, keeping where it came from."""
    read_at = raw.read_at if isinstance(raw.read_at, datetime) else None
    if read_at is not None and read_at.tzinfo is None:
        read_at = read_at.replace(tzinfo=UTC)
    return normalise(raw.tabs, SourceInfo(raw.kind, raw.location, raw.title or "", raw.url, read_at))
