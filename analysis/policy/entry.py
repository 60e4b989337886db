"""Quick entry: one new row for an event tab, checked by the same reading rules and laid
out under the sheet's own headers. Pure: the page sends the row with data_sources.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, WARNING, Dataset
from analysis.workbook.normalise import normalise

ENTRY_TABS = ("outreach", "training")  # event tabs: new rows are appended, never edited


def sheet_cell(value: Any) -> Any:
    """A value as the officers would type it: dates day-first, lists comma-separated."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _contract_row(tab: c.Tab, values: Mapping[str, Any]) -> list[Any]:
    return [sheet_cell(values.get(column.key)) for column in tab.columns]


def check_entry(ds: Dataset, tab_key: str, values: Mapping[str, Any]) -> pd.DataFrame:
    """The errors and warnings the reading rules would give this row (empty: the row is clean).

    The row is read exactly as if it were in the sheet, beside the ward's khóm and producers,
    so the form can never add a row the dashboard would later reject or warn about.
    """
    tab = c.TABS_BY_KEY[tab_key]
    areas, producers = c.TABS_BY_KEY["areas"], c.TABS_BY_KEY["producers"]
    workbook = {
        tab.title: [[col.header for col in tab.columns], _contract_row(tab, values)],
        areas.title: [["Khóm"]] + [[name] for name in ds.tables["areas"]["name"].dropna()],
        producers.title: [["Mã chủ thể", "Tên chủ thể"]]
        + [[pid, name] for pid, name in zip(ds.tables["producers"]["producer_id"], ds.tables["producers"]["name"])],
    }
    issues = normalise(workbook).issues
    mine = issues[(issues["tab"] == tab.title) & issues["severity"].isin((ERROR, WARNING))]
    return mine.reset_index(drop=True)


def sheet_row(ds: Dataset, tab_key: str, values: Mapping[str, Any]) -> list[Any]:
    """The row in the order of the sheet's own header (free column order, extra columns blank)."""
    layout = ds.layouts.get(tab_key)
    tab = c.TABS_BY_KEY[tab_key]
    if not layout:
        return _contract_row(tab, values)
    width = max(layout["width"], max(layout["columns"], default=-1) + 1)
    row: list[Any] = [""] * width
    for position, key in layout["columns"].items():
        row[position] = sheet_cell(values.get(key))
    while row and row[-1] == "":
        row.pop()
    return row


def _as_read_back(value: Any) -> Any:
    """A cell as the sheet gives it back when read unformatted after a RAW append: text as typed,
    dates as the dd/mm/yyyy text they were sent as, numbers as numbers (40 and 40.0 alike), blanks as ""."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # a numpy scalar
        value = value.item()
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float, Decimal)):
        number = float(value)
        return "" if not math.isfinite(number) else number
    return str(value)


def _comparable(row: Sequence[Any]) -> tuple:
    cells = [_as_read_back(sheet_cell(v)) for v in row]
    while cells and cells[-1] == "":  # the API leaves out trailing blanks
        cells.pop()
    return tuple((type(c) is bool, c) for c in cells)  # True is not 1


def row_in_tail(row: Sequence[Any], tail: Sequence[Sequence[Any]]) -> bool:
    """Is `row` (as sent by an append) one of the rows `tail` (the tab's last rows, read unformatted)?

    Cell by cell as the sheet stores a RAW append: text must match exactly, numbers by value,
    trailing blanks ignored. An identical row already there counts as arrived: an identical line
    typed twice is the duplicate this check exists to prevent.
    """
    wanted = _comparable(row)
    return bool(wanted) and any(_comparable(line) == wanted for line in tail)


def choices(ds: Dataset, tab_key: str, column: str) -> list[str]:
    """Values already used in a column, first-seen order: the form's suggestions."""
    series = ds.tables[tab_key][column].dropna()
    return list(dict.fromkeys(str(v) for v in series))
