"""The Thông tin tab: key/value rows (column A the item, column B its value), not a table."""
from __future__ import annotations

from typing import Any

from analysis.workbook import contract as c
from analysis.workbook.cells import PARSERS, Invalid, as_text
from analysis.workbook.dataset import ERROR, NOTICE, WARNING, RowCount
from analysis.workbook.issues import Issues
from analysis.workbook.text import Matcher, fold
from analysis.workbook.values import is_blank

_INFO_HEADERS = ("mục", "muc")


def read_info(title: str | None, rows: list[list[Any]], issues: Issues) -> tuple[dict[str, Any], RowCount]:
    """Thông tin: key/value rows (column A the item, column B its value); defaults if the tab is absent."""
    info: dict[str, Any] = dict(c.DEFAULT_INFO)
    if title is None:
        issues.add(c.TABS_BY_KEY["info"].title, None, None, None, NOTICE, "info_defaults")
        return info, RowCount()
    matcher = Matcher(dict(c.INFO_KEYS))
    read = accepted = 0
    for index, row in enumerate(rows):
        cells = list(row) + [None, None]
        if all(is_blank(v) for v in row):
            continue
        item, value = cells[0], cells[1]
        if not is_blank(item) and fold(str(item)) in _INFO_HEADERS:
            continue  # the template's "Mục | Giá trị" header row, like any tab's header
        read += 1
        if is_blank(item):
            issues.add(title, index + 1, "A", value, ERROR, "key_missing")
            continue
        accepted += 1
        key = matcher.match(str(item))
        if key is None:
            if fold(str(item)) not in ("thông tin", "thong tin"):
                issues.add(title, index + 1, as_text(item), value, NOTICE, "info_unknown")
            continue
        parsed = PARSERS[c.YEAR](value) if key == "plan_year" else as_text(value)
        if isinstance(parsed, Invalid):
            issues.add(title, index + 1, as_text(item), value, WARNING, parsed.reason)
        elif parsed is not None:
            info[key] = parsed
    return info, RowCount(read, accepted, read - accepted)
