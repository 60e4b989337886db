"""A tab's cells as columns: blank detection, parsing each distinct value once, pandas dtypes.

Most columns repeat a few values, so each parser runs once per distinct value and the
result is spread back over the column: this keeps country-scale workbooks fast without
vectorising each parser.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from analysis.workbook import contract as c
from analysis.workbook.cells import PARSERS, Invalid, as_text, parse_text
from analysis.workbook.dataset import ROW
from analysis.workbook.text import Matcher
from analysis.workbook.values import is_blank

# infer_dtype() kinds that pandas' inference keeps as the cells were: text, and text mixed with other kinds
_KEPT_AS_GIVEN = frozenset({"string", "mixed", "mixed-integer"})


def object_frame(rows: list[list[Any]]) -> pd.DataFrame:
    """The cells as pd.DataFrame(rows).astype(object) gives them, without the round trip of every
    text column through pandas' string dtype and back (which made new str objects, one per cell).

    Text columns, and columns mixing text with other kinds, are kept as given; any other column
    (numbers, dates, booleans, blanks) is inferred as before, on its own. The one difference is
    invisible downstream: a blank cell of a text column may be None where it was NaN, and every
    reader here treats both as blank (is_blank, factorize)."""
    frame = pd.DataFrame(rows, dtype=object)
    for position in frame.columns:
        if pd.api.types.infer_dtype(frame[position], skipna=True) not in _KEPT_AS_GIVEN:
            frame[position] = pd.DataFrame([[value] for value in frame[position]])[0].astype(object)
    return frame


def blank_mask(frame: pd.DataFrame, factorized: dict[Any, tuple[np.ndarray, Any]] | None = None) -> np.ndarray:
    """True where a cell is blank (None, NaN or white space).

    `factorized`, when given, receives each column's pd.factorize() (codes, distinct values):
    the parsing that follows reuses them instead of hashing every cell a second time."""
    mask = np.ones(frame.shape, dtype=bool)
    for i, name in enumerate(frame.columns):
        found = pd.factorize(frame[name], use_na_sentinel=True)
        if factorized is not None:
            factorized[name] = found
        mask[:, i] = map_unique(frame[name], is_blank, blank_result=True, factorized=found).astype(bool)
    return mask


def map_unique(series: pd.Series, parse: Callable[[Any], Any], blank_result: Any = None,
               factorized: tuple[np.ndarray, Any] | None = None) -> np.ndarray:
    """parse() applied once per distinct value, spread back over the column."""
    return parse_column(series, parse, blank_result, factorized)[0]


def parse_column(series: pd.Series, parse: Callable[[Any], Any], blank_result: Any = None,
                 factorized: tuple[np.ndarray, Any] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(parsed values, invalid mask), parsing each distinct value once.

    `factorized`: the series' (codes, distinct values) if already known; the distinct values may
    include some the series no longer holds (values of dropped blank rows): they are parsed, unused."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True) if factorized is None else factorized
    if _mixes_bools_and_numbers(series, uniques):
        return _parse_bools_apart(series, parse, blank_result)
    results = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        results[i] = parse(value)
    results[-1] = blank_result if blank_result is not None else parse(None)
    invalid = np.fromiter((isinstance(r, Invalid) for r in results), dtype=bool, count=len(results))
    return results[codes], invalid[codes]  # code -1 (missing) picks the last slot


def _mixes_bools_and_numbers(series: pd.Series, uniques: Any) -> bool:
    """factorize() takes True for 1 and False for 0 (they hash alike); a column that may
    hold both a checkbox and a 0/1 number must be split before parsing."""
    if pd.api.types.infer_dtype(uniques, skipna=False) == "string":
        return False  # text only (most columns): no number, no checkbox
    if not any(type(u) in (bool, int, float) and u in (0, 1) for u in uniques):
        return False
    kinds = {type(v) is bool for v in series.array if type(v) in (bool, int, float)}
    return len(kinds) == 2


def _parse_bools_apart(series: pd.Series, parse: Callable[[Any], Any],
                       blank_result: Any) -> tuple[np.ndarray, np.ndarray]:
    is_bool = np.fromiter((type(v) is bool for v in series.array), dtype=bool, count=len(series))
    values, invalid = np.empty(len(series), dtype=object), np.zeros(len(series), dtype=bool)
    for part in (is_bool, ~is_bool):
        values[part], invalid[part] = parse_column(series[part], parse, blank_result)
    return values, invalid


def _vocab_parser(column: c.Column, areas: list[str]) -> Callable[[Any], Any] | None:
    if column.vocab in ("areas", "areas_or_ward"):
        if not areas:  # no usable Khóm tab: its own error says so; keep what was typed
            return None
        spellings = {a: a for a in areas}
        if column.vocab == "areas_or_ward":
            spellings |= {w: c.WHOLE_WARD for w in (c.WHOLE_WARD, *c.WHOLE_WARD_ALIASES)}
    else:
        canonical = c.VOCABULARIES[column.vocab]
        spellings = {v: v for v in canonical} | c.ALIASES.get(column.vocab, {})
    matcher = Matcher(spellings)

    def parse(value: Any) -> Any:
        text = as_text(value)
        if text is None:
            return None
        return matcher.match(text) or Invalid("vocab")

    return parse


def parser_for(column: c.Column, areas: list[str]) -> Callable[[Any], Any]:
    """The cell parser of a column; `areas`: the Khóm names read so far (for Khóm columns)."""
    if column.kind == c.VOCAB:
        return _vocab_parser(column, areas) or parse_text
    return PARSERS[column.kind]


_DTYPES = {c.DATE: "datetime64[ns]", c.NUMBER: "Float64", c.INTEGER: "Int64", c.YEAR: "Int64",
           c.STARS: "Int64"}


def typed(table: pd.DataFrame, tab: c.Tab) -> pd.DataFrame:
    """Parsed object columns -> pandas dtypes, so analyses can use vectorised ops."""
    for column in tab.columns:
        dtype = _DTYPES.get(column.kind)
        if dtype == "datetime64[ns]":
            table[column.key] = pd.to_datetime(table[column.key], errors="coerce").astype(dtype)
        elif dtype:
            table[column.key] = pd.array(table[column.key].tolist(), dtype=dtype)
    return table


def empty_table(tab: c.Tab) -> pd.DataFrame:
    return pd.DataFrame({col.key: pd.Series(dtype=object) for col in tab.columns} | {ROW: pd.Series(dtype=int)})


def empty_typed_table(tab: c.Tab) -> pd.DataFrame:
    return typed(empty_table(tab), tab)
