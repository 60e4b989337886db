"""One tab read by the contract: its header, the row accounting, every cell parsed and checked."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from analysis.workbook import contract as c
from analysis.workbook.cells import as_text
from analysis.workbook.columns import blank_mask, empty_typed_table, object_frame, parse_column, parser_for, typed
from analysis.workbook.cross_check import CROSS_CHECKED, RAW_PREFIX
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, RowCount
from analysis.workbook.headers import header_matcher, locate_header
from analysis.workbook.issues import Issues
from analysis.workbook.schema import bound_failures
from analysis.workbook.values import is_blank


class TabReader:
    """Reads one tab by the contract: header, row accounting, cell parsing.

    `areas`: the Khóm names read so far (Khóm columns are checked against them); after read(),
    `layout` holds where the header was and which column holds which key."""

    def __init__(self, tab: c.Tab, title: str, rows: list[list[Any]], issues: Issues, areas: list[str]):
        self.tab, self.title, self.rows, self.issues, self.areas = tab, title, rows, issues, areas
        self.factorized: dict[str, tuple[np.ndarray, Any]] = {}  # column key -> (codes, distinct values)

    def read(self) -> tuple[pd.DataFrame, RowCount]:
        header_index, mapping, missing = locate_header(self.rows, self.tab)
        self.layout = {"header_row": None if header_index is None else header_index + 1, "columns": dict(mapping),
                       "width": len(self.rows[header_index]) if header_index is not None else 0}
        first_data = 0 if header_index is None else header_index + 1
        data = object_frame(self.rows[first_data:]) if len(self.rows) > first_data else pd.DataFrame()
        data.index = np.arange(first_data + 1, first_data + 1 + len(data))  # sheet row numbers
        data = data.astype(object)
        factorized: dict[Any, tuple[np.ndarray, Any]] = {}
        blank = blank_mask(data, factorized) if len(data.columns) else np.ones((len(data), 1), dtype=bool)
        kept = ~blank.all(axis=1)
        data = data[kept]  # wholly empty rows are skipped without a word
        self.factorized = {key: (factorized[position][0][kept], factorized[position][1])
                           for position, key in mapping.items() if position in factorized}
        read = len(data)
        if missing:
            reason = "columns_missing" if header_index is not None else "header_missing"
            self.issues.add(self.title, None if header_index is None else header_index + 1, None, None,
                            ERROR, reason, columns=", ".join(self.tab.column(k).header for k in missing))
            return empty_typed_table(self.tab), RowCount(read, 0, read)
        self._note_extra_columns(header_index, mapping, data)
        table = pd.DataFrame(index=data.index)
        for position, key in mapping.items():
            table[key] = data[position] if position in data.columns else None
        for column in self.tab.columns:
            if column.key not in table.columns:
                table[column.key] = None  # a missing optional column is blank
        table = table[[column.key for column in self.tab.columns]]
        accepted = self._parse(table)
        rejected = read - len(accepted)
        return accepted, RowCount(read, len(accepted), rejected)

    def _note_extra_columns(self, header_index: int, mapping: dict[int, str], data: pd.DataFrame) -> None:
        header = self.rows[header_index]
        for position, cell in enumerate(header):
            if position in mapping or is_blank(cell):
                continue
            matcher = header_matcher(self.tab)
            reason = "column_duplicate" if matcher.match(str(cell)) else "column_extra"
            self.issues.add(self.title, header_index + 1, as_text(cell), None, NOTICE, reason)
        unnamed = [p for p in data.columns if (p >= len(header) or is_blank(header[p])) and p not in mapping]
        for position in unnamed:
            if not data[position].map(is_blank).all():
                self.issues.add(self.title, header_index + 1, get_column_letter(position + 1), None, NOTICE,
                                "column_unnamed")

    def _parse(self, table: pd.DataFrame) -> pd.DataFrame:
        raw = table.copy()
        rejected = pd.Series(False, index=table.index)
        for column in self.tab.columns:
            values, invalid_values = parse_column(raw[column.key], parser_for(column, self.areas),
                                                  factorized=self.factorized.get(column.key))
            parsed = pd.Series(values, index=table.index, dtype=object)
            invalid = pd.Series(invalid_values, index=table.index)
            is_key = column.key in self.tab.key_columns
            flagged = (invalid & ~rejected).to_numpy()
            severity = ERROR if is_key else WARNING
            # plain arrays, not .at per row: a country-scale sheet can have thousands of these
            for row, value, result in zip(table.index[flagged], raw[column.key].to_numpy()[flagged], values[flagged]):
                self.issues.add(self.title, int(row), column.header, value, severity, result.reason)
            if is_key:
                blank_key = parsed.isna() & ~invalid & ~rejected
                for row in parsed.index[blank_key]:
                    self.issues.add(self.title, int(row), column.header, None, ERROR, "key_missing")
                rejected |= invalid | parsed.isna()
            elif column.required:
                for row in parsed.index[parsed.isna() & ~invalid & ~rejected]:
                    self.issues.add(self.title, int(row), column.header, None, WARNING, "required_missing")
            table[column.key] = parsed.where(~invalid, None)
        if self.tab.unique:
            rejected |= self._reject_repeats(table, rejected, raw)
        table = table[~rejected]
        table = self._check_bounds(table, raw)
        table[ROW] = table.index.astype(int)
        for key in CROSS_CHECKED.get(self.tab.key, ()):  # kept until the cross-check quotes them
            table[RAW_PREFIX + key] = raw.loc[table.index, key]
        return typed(table.reset_index(drop=True), self.tab)

    def _reject_repeats(self, table: pd.DataFrame, rejected: pd.Series, raw: pd.DataFrame) -> pd.Series:
        keys = [k for k in self.tab.key_columns if k != "target"]  # a target's value is no identity
        readable = table[~rejected]
        repeated = readable.duplicated(subset=keys, keep="first")
        first_rows = readable.reset_index().groupby(keys, sort=False)["index"].first()
        for row in readable.index[repeated]:
            key_value = tuple(readable.loc[row, keys])
            first = first_rows.loc[key_value if len(keys) > 1 else key_value[0]]
            header = self.tab.column(keys[-1]).header
            self.issues.add(self.title, int(row), header, raw.at[row, keys[-1]], ERROR, "key_repeated",
                            first=int(first))
        return pd.Series(repeated, index=readable.index).reindex(table.index, fill_value=False)

    def _check_bounds(self, table: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
        for row, key in bound_failures(table, self.tab):
            column = self.tab.column(key)
            self.issues.add(self.title, int(row), column.header, raw.at[row, key], WARNING, "out_of_range",
                            low=_plain(column.low), high=_plain(column.high))
            table.at[row, key] = None
        return table


def _plain(bound: float | None) -> str:
    return "" if bound is None else f"{bound:g}"
