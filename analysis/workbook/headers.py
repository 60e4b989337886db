"""Where the contract's tabs and columns are: tab titles and header rows, matched tolerantly."""
from __future__ import annotations

from typing import Any

from analysis.workbook import contract as c
from analysis.workbook.dataset import NOTICE
from analysis.workbook.issues import Issues
from analysis.workbook.text import Matcher
from analysis.workbook.values import is_blank

HEADER_SEARCH_ROWS = 10


def find_tabs(raw_titles: list[str], issues: Issues) -> dict[str, str]:
    """Contract tab key -> raw title, matched tolerantly; unmatched tabs are a notice."""
    matcher = Matcher({t.title: t.key for t in c.TABS} | {t.key: t.key for t in c.TABS})
    ignored = Matcher({t: t for t in c.IGNORED_TABS})  # the template's instructions and lists
    found: dict[str, str] = {}
    for title in raw_titles:
        key = matcher.match(str(title))
        if key is None and ignored.match(str(title)) is not None:
            continue
        if key is None:
            issues.add(str(title), None, None, None, NOTICE, "tab_unknown")
        elif key in found:
            issues.add(str(title), None, None, None, NOTICE, "tab_duplicate", first=found[key])
        else:
            found[key] = title
    return found


def header_matcher(tab: c.Tab) -> Matcher:
    return Matcher({col.header: col.key for col in tab.columns} | {col.key: col.key for col in tab.columns})


def locate_header(rows: list[list[Any]], tab: c.Tab) -> tuple[int | None, dict[int, str], list[str]]:
    """The first of the first 10 rows that holds every required header.

    Returns (index of the header row or of the best candidate, column index -> key,
    missing required keys)."""
    matcher = header_matcher(tab)
    required = {col.key for col in tab.required_columns}
    best: tuple[int | None, dict[int, str], set[str]] = (None, {}, required)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        for position, cell in enumerate(row):
            if not is_blank(cell) and (key := matcher.match(str(cell))) and key not in mapping.values():
                mapping[position] = key
        missing = required - set(mapping.values())
        if not missing:
            return index, mapping, []
        if mapping and len(missing) < len(best[2]):
            best = (index, mapping, missing)
    index, mapping, missing = best
    order = [col.key for col in tab.columns]
    return index, mapping, sorted(missing, key=order.index)


def missing_required(layout: dict[str, Any], tab: c.Tab) -> list[str]:
    """Required keys a tab's header lacks (a tab without them takes no new rows)."""
    return [col.key for col in tab.required_columns if col.key not in layout["columns"].values()]
