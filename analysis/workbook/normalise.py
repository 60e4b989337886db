"""Raw workbook -> dataset: one typed DataFrame per tab, every issue, the row accounting.

This is the one code path for every reading rule of shared/WORKBOOK.md; the
.xlsx and Google Sheets sources both end here. Cells are parsed once per
distinct value (most columns repeat a few values), which keeps country-scale
workbooks fast without vectorising each parser.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from analysis.workbook import contract as c
from analysis.workbook.cells import PARSERS, Invalid, as_text, parse_text
from analysis.workbook.dataset import ERROR, ISSUE_COLUMNS, NOTICE, ROW, WARNING, Dataset, RowCount, SourceInfo
from analysis.workbook.schema import bound_failures
from analysis.workbook.text import Matcher, fold
from analysis.workbook.values import is_blank

HEADER_SEARCH_ROWS = 10


class _Issues:
    """Collects issues as plain records; one DataFrame is made at the end."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []

    def add(self, tab: str, row: int | None, column: str | None, value: Any, severity: str,
            reason: str, **params: Any) -> None:
        shown = as_text(value) if value is not None else None
        if shown is not None and len(shown) > 200:  # a 50,000-character cell stays readable
            shown = shown[:200] + "…"
        self.records.append({"tab": tab, "row": row, "column": column, "value": shown,
                             "severity": severity, "reason": reason, "params": params})

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.records, columns=ISSUE_COLUMNS).astype({"row": "Int64"})


def empty_table(tab: c.Tab) -> pd.DataFrame:
    return pd.DataFrame({col.key: pd.Series(dtype=object) for col in tab.columns} | {ROW: pd.Series(dtype=int)})


def _find_tabs(raw_titles: list[str], issues: _Issues) -> dict[str, str]:
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


def _header_matcher(tab: c.Tab) -> Matcher:
    return Matcher({col.header: col.key for col in tab.columns} | {col.key: col.key for col in tab.columns})


def _locate_header(rows: list[list[Any]], tab: c.Tab) -> tuple[int | None, dict[int, str], list[str]]:
    """The first of the first 10 rows that holds every required header.

    Returns (index of the header row or of the best candidate, column index -> key,
    missing required keys)."""
    matcher = _header_matcher(tab)
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


# infer_dtype() kinds that pandas' inference keeps as the cells were: text, and text mixed with other kinds
_KEPT_AS_GIVEN = frozenset({"string", "mixed", "mixed-integer"})


def _object_frame(rows: list[list[Any]]) -> pd.DataFrame:
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


def _blank_mask(frame: pd.DataFrame, factorized: dict[Any, tuple[np.ndarray, Any]] | None = None) -> np.ndarray:
    """True where a cell is blank (None, NaN or white space).

    `factorized`, when given, receives each column's pd.factorize() (codes, distinct values):
    the parsing that follows reuses them instead of hashing every cell a second time."""
    mask = np.ones(frame.shape, dtype=bool)
    for i, name in enumerate(frame.columns):
        found = pd.factorize(frame[name], use_na_sentinel=True)
        if factorized is not None:
            factorized[name] = found
        mask[:, i] = _map_unique(frame[name], is_blank, blank_result=True, factorized=found).astype(bool)
    return mask


def _map_unique(series: pd.Series, parse: Callable[[Any], Any], blank_result: Any = None,
                factorized: tuple[np.ndarray, Any] | None = None) -> np.ndarray:
    """parse() applied once per distinct value, spread back over the column."""
    return _parse_column(series, parse, blank_result, factorized)[0]


def _parse_column(series: pd.Series, parse: Callable[[Any], Any], blank_result: Any = None,
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
        values[part], invalid[part] = _parse_column(series[part], parse, blank_result)
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


def _parser_for(column: c.Column, areas: list[str]) -> Callable[[Any], Any]:
    if column.kind == c.VOCAB:
        return _vocab_parser(column, areas) or parse_text
    return PARSERS[column.kind]


class _TabReader:
    """Reads one tab by the contract: header, row accounting, cell parsing."""

    def __init__(self, tab: c.Tab, title: str, rows: list[list[Any]], issues: _Issues, areas: list[str]):
        self.tab, self.title, self.rows, self.issues, self.areas = tab, title, rows, issues, areas
        self.factorized: dict[str, tuple[np.ndarray, Any]] = {}  # column key -> (codes, distinct values)

    def read(self) -> tuple[pd.DataFrame, RowCount]:
        header_index, mapping, missing = _locate_header(self.rows, self.tab)
        self.layout = {"header_row": None if header_index is None else header_index + 1, "columns": dict(mapping),
                       "width": len(self.rows[header_index]) if header_index is not None else 0}
        first_data = 0 if header_index is None else header_index + 1
        data = _object_frame(self.rows[first_data:]) if len(self.rows) > first_data else pd.DataFrame()
        data.index = np.arange(first_data + 1, first_data + 1 + len(data))  # sheet row numbers
        data = data.astype(object)
        factorized: dict[Any, tuple[np.ndarray, Any]] = {}
        blank = _blank_mask(data, factorized) if len(data.columns) else np.ones((len(data), 1), dtype=bool)
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
            matcher = _header_matcher(self.tab)
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
            values, invalid_values = _parse_column(raw[column.key], _parser_for(column, self.areas),
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
        return _typed(table.reset_index(drop=True), self.tab)

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


_DTYPES = {c.DATE: "datetime64[ns]", c.NUMBER: "Float64", c.INTEGER: "Int64", c.YEAR: "Int64",
           c.STARS: "Int64"}


def _typed(table: pd.DataFrame, tab: c.Tab) -> pd.DataFrame:
    """Parsed object columns -> pandas dtypes, so analyses can use vectorised ops."""
    for column in tab.columns:
        dtype = _DTYPES.get(column.kind)
        if dtype == "datetime64[ns]":
            table[column.key] = pd.to_datetime(table[column.key], errors="coerce").astype(dtype)
        elif dtype:
            table[column.key] = pd.array(table[column.key].tolist(), dtype=dtype)
    return table


def empty_typed_table(tab: c.Tab) -> pd.DataFrame:
    return _typed(empty_table(tab), tab)


def _plain(bound: float | None) -> str:
    return "" if bound is None else f"{bound:g}"


_INFO_HEADERS = ("mục", "muc")


def missing_required(layout: dict[str, Any], tab: c.Tab) -> list[str]:
    """Required keys a tab's header lacks (a tab without them takes no new rows)."""
    return [col.key for col in tab.required_columns if col.key not in layout["columns"].values()]


def _read_info(title: str | None, rows: list[list[Any]], issues: _Issues) -> tuple[dict[str, Any], RowCount]:
    """Thông tin: key/value rows (column A the item, column B its value)."""
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


# Cells the cross-check may quote: their value as written rides along until then.
CROSS_CHECKED = {"targets": ("code",), "products": ("producer_id",), "dossiers": ("product_id",)}
RAW_PREFIX = "_raw_"


def _as_written(frame: pd.DataFrame, i: Any, key: str) -> Any:
    column = RAW_PREFIX + key
    return frame.at[i, column] if column in frame.columns else frame.at[i, key]


def _drop_raw(tables: dict[str, pd.DataFrame]) -> None:
    for key, frame in tables.items():
        tables[key] = frame.drop(columns=[name for name in frame.columns if str(name).startswith(RAW_PREFIX)])


def _cross_check(tables: dict[str, pd.DataFrame], found: dict[str, str], issues: _Issues) -> None:
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


def normalise(tabs: dict[str, list[list[Any]]], source: SourceInfo | None = None) -> Dataset:
    """Apply every reading rule; nothing is dropped without being counted."""
    issues = _Issues()
    found = _find_tabs(list(tabs), issues)
    tables: dict[str, pd.DataFrame] = {}
    accounting: dict[str, RowCount] = {}
    layouts: dict[str, dict[str, Any]] = {}
    info, accounting["info"] = _read_info(found.get("info"), tabs.get(found.get("info"), []), issues)
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
        reader = _TabReader(tab, title, tabs[title] or [], issues, areas)
        tables[tab.key], accounting[tab.key] = reader.read()
        if not missing_required(reader.layout, tab):
            layouts[tab.key] = reader.layout
        if tab.key == "areas":
            areas = list(tables["areas"]["name"].dropna())
    _cross_check(tables, {t.key: found.get(t.key, t.title) for t in c.TABS}, issues)
    _drop_raw(tables)
    return Dataset(tables, issues.frame(), accounting, info,
                   {t.key: found.get(t.key) for t in c.TABS}, source or SourceInfo(), layouts)


def normalise_workbook(raw) -> Dataset:
    """normalise() for a data_sources.raw.RawWorkbook, keeping where it came from."""
    read_at = raw.read_at if isinstance(raw.read_at, datetime) else None
    if read_at is not None and read_at.tzinfo is None:
        read_at = read_at.replace(tzinfo=UTC)
    return normalise(raw.tabs, SourceInfo(raw.kind, raw.location, raw.title or "", raw.url, read_at))
