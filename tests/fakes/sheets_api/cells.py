"""Cells as the API serves them (render options, locales, serial dates) and A1 ranges."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

_SERIAL_EPOCH = datetime(1899, 12, 30)


def to_serial(value: date | datetime | time) -> int | float:
    """Google Sheets serial number: days since 1899-12-30, time as a day fraction."""
    if isinstance(value, datetime):
        delta = value.replace(tzinfo=None) - _SERIAL_EPOCH
        serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    elif isinstance(value, date):
        serial = (value - _SERIAL_EPOCH.date()).days
    else:
        serial = (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    return int(serial) if float(serial).is_integer() else serial


def is_empty(value: Any) -> bool:
    return value is None or value == "" and isinstance(value, str)


def _format_date(value: date | datetime | time, locale: str) -> str:
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if locale.startswith("en_US"):
        text = f"{value.month}/{value.day}/{value.year}"
    elif locale.startswith("vi"):
        text = f"{value.day:02d}/{value.month:02d}/{value.year}"
    else:
        text = value.strftime("%Y-%m-%d")
    if isinstance(value, datetime):
        text += value.strftime(" %H:%M:%S")
    return text


def render_cell(value: Any, value_render: str, datetime_render: str, locale: str) -> Any:
    """One stored cell as the API would serve it.

    UNFORMATTED_VALUE (and FORMULA): numbers as JSON numbers, booleans as JSON
    booleans, dates as serial numbers (unless dateTimeRenderOption=FORMATTED_STRING).
    FORMATTED_VALUE: a minimal imitation of what the sheet shows in its locale.
    """
    if value is None:
        return ""
    if value_render == "FORMATTED_VALUE":
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, (date, time)):
            return _format_date(value, locale)
        if isinstance(value, float) and locale.startswith("vi"):
            return str(value).replace(".", ",")
        return str(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (date, time)):
        if datetime_render == "FORMATTED_STRING":
            return _format_date(value, locale)
        return to_serial(value)
    return str(value)


def trim(lines: list[list[Any]]) -> list[list[Any]]:
    """Drop trailing empty cells of each line, then trailing empty lines (as the API does)."""
    out = []
    for line in lines:
        end = len(line)
        while end and is_empty(line[end - 1]):
            end -= 1
        out.append(line[:end])
    while out and not out[-1]:
        out.pop()
    return out


def col_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def quote_title(title: str) -> str:
    """How the API writes a sheet title in a range: bare if simple, else quoted."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title) and not re.fullmatch(r"[A-Za-z]{1,3}\d+", title):
        return title
    return "'" + title.replace("'", "''") + "'"


def split_range(a1: str) -> tuple[str | None, str | None]:
    """"'It''s'!A1:B2" -> ("It's", "A1:B2"); "Tab" -> ("Tab", None); "A1:B2" -> (None, "A1:B2")
    only when the caller cannot tell it is a title (see FakeSpreadsheet.resolve)."""
    if a1.startswith("'"):
        i, title = 1, []
        while i < len(a1):
            if a1[i] == "'":
                if a1[i + 1 : i + 2] == "'":
                    title.append("'")
                    i += 2
                    continue
                break
            title.append(a1[i])
            i += 1
        else:
            raise ValueError(a1)
        rest = a1[i + 1 :]
        if rest and not rest.startswith("!"):
            raise ValueError(a1)
        return "".join(title), (rest[1:] or None) if rest else None
    if "!" in a1:
        title, _, cells = a1.partition("!")
        return title, cells or None
    return a1, None


_REF_RE = re.compile(r"^([A-Za-z]{0,3})(\d*)$")


def parse_cells(cells: str) -> tuple[int, int, int | None, int | None]:
    """"B2:D" -> (row0=1, col0=1, row_end=None, col_end=4): 0-based start, exclusive end."""
    first, _, second = cells.partition(":")
    m1, m2 = _REF_RE.match(first), _REF_RE.match(second or first)
    if not m1 or not m2 or not (m1.group(1) or m1.group(2)):
        raise ValueError(cells)
    col0 = col_index(m1.group(1)) if m1.group(1) else 0
    row0 = int(m1.group(2)) - 1 if m1.group(2) else 0
    col_end = col_index(m2.group(1)) + 1 if m2.group(1) else None
    row_end = int(m2.group(2)) if m2.group(2) else None
    if row0 < 0:
        raise ValueError(cells)
    return row0, col0, row_end, col_end
