"""The province's registry of units: its tab `Đơn vị`, read by the same rules as a unit's tabs.

docs/WORKBOOK.md, "Registry of units (province mode)". TabReader finds the header, skips blank rows,
notes extra columns, rejects blank and repeated codes and keeps the row accounting; what is the
registry's own is checked here, on the rows it accepted: the code's shape (it goes into a URL), the
unit's kind (a list) and the officers' e-mails. Every cell is taken as hostile: nothing is kept that
does not match a strict shape, except names and sources, which stay plain text (never rendered as markup).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.cells import PARSERS
from analysis.workbook.columns import empty_typed_table
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, RowCount
from analysis.workbook.issues import Issues
from analysis.workbook.tab_reader import TabReader
from analysis.workbook.text import Matcher

TAB = c.REGISTRY_TAB
UNIT_COLUMNS = [column.key for column in TAB.columns] + [ROW]
# Kinds TabReader has no parser for (the registry's list, the e-mails) are read as text, then parsed here.
_READ_AS = replace(TAB, columns=tuple(col if col.kind in PARSERS else replace(col, kind=c.TEXT, vocab=None)
                                      for col in TAB.columns))
# Safe in ?unit=CODE and as a file name: ASCII letters, digits, . _ -; a letter or digit first (never "..").
UNIT_CODE = re.compile(rf"[A-Z0-9][A-Z0-9._-]{{0,{c.UNIT_CODE_MAX_LENGTH - 1}}}")
# A plain address: no display name, no mailto:, no quoted or non-ASCII local part.
EMAIL = re.compile(r"[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
                   r"[a-z](?:[a-z0-9-]{0,61}[a-z0-9])")
MAX_EMAIL_LENGTH = 254
_SEPARATORS = re.compile(r"[,;\s]+")
_NAMED = re.compile(r"([^<>,;]*)<([^<>]*)>")  # Nguyễn Văn A <a@b.vn>: the display name is not kept
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)


@dataclass(frozen=True, eq=False)  # eq=False: DataFrames have no truth value to compare by
class Registry:
    units: pd.DataFrame  # code, name, kind, source, officers (a tuple, maybe empty), _row (the registry's row)
    issues: pd.DataFrame  # ISSUE_COLUMNS of analysis/workbook/dataset.py; tab = the title as found
    accounting: RowCount


def read_registry(tabs: dict[str, list[list[Any]]]) -> Registry:
    """The units of a registry workbook (tab title -> rows of cells): rows read = accepted + rejected."""
    issues = Issues()
    title = _find_tab(tabs, issues)
    if title is None:
        issues.add(TAB.title, None, None, None, ERROR, "registry_tab_missing")
        return Registry(empty_units(), issues.frame(), RowCount())
    rows = tabs[title] or []
    reader = TabReader(_READ_AS, str(title), rows, issues, [])
    table, count = reader.read()
    if table.empty:
        return Registry(empty_units(), issues.frame(), count)
    cells = _RawCells(rows, reader.layout)
    table = _reject_bad_codes(table, cells, issues, str(title))
    rejected = count.accepted - len(table)
    # object columns, as TabReader makes them (a list of str would become pandas' string dtype)
    table["kind"] = pd.Series(_kinds(table, cells, issues, str(title)), index=table.index, dtype=object)
    table["officers"] = pd.Series(_officers(table, cells, issues, str(title)), index=table.index, dtype=object)
    units = table[UNIT_COLUMNS].reset_index(drop=True)
    return Registry(units, issues.frame(), RowCount(count.read, len(units), count.rejected + rejected))


def empty_units() -> pd.DataFrame:
    return empty_typed_table(_READ_AS)[UNIT_COLUMNS]


def parse_officers(text: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the plain addresses, lower-cased and each once; the entries that are not addresses)."""
    if not text:
        return (), ()
    kept: dict[str, None] = {}
    dropped: list[str] = []
    display: set[str] = set()  # words of display names: left out without a word, unless addresses

    def unwrap(match: re.Match[str]) -> str:
        display.update(_SEPARATORS.split(match[1]))
        return f" {match[1]} {match[2]} "

    for entry in _SEPARATORS.split(_NAMED.sub(unwrap, text)):
        address = _MAILTO.sub("", entry).lower()
        if entry.isascii() and len(address) <= MAX_EMAIL_LENGTH and EMAIL.fullmatch(address):
            kept[address] = None
        elif entry and entry not in display:
            dropped.append(entry)
    return tuple(kept), tuple(dropped)


class _RawCells:
    """The cells as written, for the issues raised after TabReader (its table holds parsed values)."""

    def __init__(self, rows: list[list[Any]], layout: dict[str, Any]) -> None:
        self.rows = rows
        self.positions = {key: position for position, key in layout["columns"].items()}

    def get(self, row: int, key: str) -> Any:
        position = self.positions.get(key)
        cells = self.rows[row - 1] if 0 < row <= len(self.rows) else []
        return cells[position] if position is not None and position < len(cells) else None


def _find_tab(tabs: dict[str, list[list[Any]]], issues: Issues) -> str | None:
    """The first tab titled Đơn vị (tolerantly); a second one is a notice; any other tab is not ours."""
    matcher = Matcher({TAB.title: TAB.key, TAB.key: TAB.key})
    found = None
    for title in tabs:
        if matcher.match(str(title)) is None:
            continue
        if found is None:
            found = title
        else:
            issues.add(str(title), None, None, None, NOTICE, "tab_duplicate", first=found)
    return found


def _reject_bad_codes(table: pd.DataFrame, cells: _RawCells, issues: Issues, title: str) -> pd.DataFrame:
    bad = ~table["code"].map(lambda code: bool(UNIT_CODE.fullmatch(code))).astype(bool)
    rows = {int(row) for row in table.loc[bad, ROW]}
    if not rows:
        return table
    # a rejected row carries only its error, as when TabReader rejects one
    issues.records[:] = [r for r in issues.records
                         if not (r["tab"] == title and r["row"] in rows and r["severity"] == WARNING)]
    header = TAB.column("code").header
    for row in sorted(rows):
        issues.add(title, row, header, cells.get(row, "code"), ERROR, "unit_code_invalid",
                   max=c.UNIT_CODE_MAX_LENGTH)
    return table[~bad]


def _kinds(table: pd.DataFrame, cells: _RawCells, issues: Issues, title: str) -> list[str | None]:
    column = TAB.column("kind")
    spellings = {v: v for v in c.REGISTRY_VOCABULARIES[column.vocab]} | c.REGISTRY_ALIASES.get(column.vocab, {})
    matcher = Matcher(spellings)
    kinds: list[str | None] = []
    for text, row in zip(table["kind"], table[ROW]):
        kind = matcher.match(text) if isinstance(text, str) else None
        if isinstance(text, str) and kind is None:
            issues.add(title, int(row), column.header, cells.get(int(row), "kind"), WARNING, "vocab")
        kinds.append(kind)
    return kinds


def _officers(table: pd.DataFrame, cells: _RawCells, issues: Issues, title: str) -> list[tuple[str, ...]]:
    header = TAB.column("officers").header
    found: list[tuple[str, ...]] = []
    for text, row in zip(table["officers"], table[ROW]):
        kept, dropped = parse_officers(text if isinstance(text, str) else None)
        if dropped:
            issues.add(title, int(row), header, ", ".join(dropped), WARNING, "email_invalid")
        found.append(kept)
    return found
