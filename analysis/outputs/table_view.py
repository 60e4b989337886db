"""Tables as a reader sees them: every cell a display string, for the screen and the downloads of a view.

`table_view(frame, kinds, lang)` takes a frame of real values and the kind of each column and returns
the same rows as text: numbers and percentages the Vietnamese (or English) way (1.234,5 · 72,5%),
dates as dd/mm/yyyy (never a time), "—" for anything empty (never None, nan, NaT or <NA>), stages and
units of indicators in the reader's language, and codes after the names they stand for (or dropped).

The .xlsx report keeps its real numbers and dates (Excel applies the formats there); this module is
only for tables shown on a page and their CSV/Excel downloads "as shown". Pure: no streamlit.
"""
from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from analysis.i18n import formatting, strings
from analysis.outputs.report_tables import ReportTable
from analysis.workbook import contract as c
from analysis.workbook.values import is_missing

DASH = formatting.DASH

# The kinds of column. The first ones match analysis/outputs/report_tables.py's kinds.
TEXT, COUNT, NUMBER, PERCENT, DATE, DATETIME, YEAR = "text", "count", "number", "percent", "date", "datetime", "year"
STARS, STAGE, CODE, UNIT = "stars", "stage", "code", "unit"
KINDS = (TEXT, COUNT, NUMBER, PERCENT, DATE, DATETIME, YEAR, STARS, STAGE, CODE, UNIT)

# Units the contract's and the demo's targets use (Đơn vị tính), by their lower-case text -> catalogue key.
# Any other unit is shown as the sheet has it.
UNIT_KEYS = {
    "sản phẩm": "unit.products", "hồ sơ": "unit.dossiers", "chủ thể": "unit.producers", "buổi": "unit.sessions",
    "lượt": "unit.times", "lượt người": "unit.people", "người": "unit.persons", "khóm": "unit.khom",
    "triệu đồng": "unit.million_dong", "lớp": "unit.courses",
}


def unit_text(value: Any, lang: str = strings.DEFAULT_LANG) -> str:
    """A target's unit in `lang` when the catalogue knows it, else the sheet's own text."""
    if is_missing(value) or not str(value).strip():
        return DASH
    key = UNIT_KEYS.get(" ".join(str(value).split()).lower())
    return strings.t(key, lang) if key else str(value).strip()


def stage_text(value: Any, lang: str = strings.DEFAULT_LANG) -> str:
    """A stage of the OCOP cycle (the contract's Vietnamese word, or already translated) in `lang`."""
    if is_missing(value) or not str(value).strip():
        return DASH
    code = c.STAGE_CODES.get(str(value).strip())
    return strings.t(f"stage.{code}", lang) if code else str(value)


def stars_text(value: Any, lang: str = strings.DEFAULT_LANG) -> str:
    """3 -> `★★★ 3 sao` (`★★★ 3 stars`); text (already written out) is kept."""
    if is_missing(value):
        return DASH
    if isinstance(value, str):
        return value.strip() or DASH
    n = int(value)
    return strings.t("stars.text", lang, stars="★" * n, n=n)


def _day(value: Any) -> str:
    if isinstance(value, str):
        return value.strip() or DASH
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, (datetime, date)):
        return formatting.day(value)
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def cell(value: Any, kind: str, lang: str = strings.DEFAULT_LANG) -> str:
    """One value of a column of `kind` as display text."""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v, kind, lang) for v in value) if value else DASH
    if is_missing(value):
        return DASH
    if kind in (COUNT, NUMBER, PERCENT, YEAR) and not _is_number(value):
        return str(value).strip() or DASH  # a note typed where a number was expected stays as written
    if kind == COUNT:
        return formatting.number(value, 0, lang)
    if kind == NUMBER:
        return formatting.number(value, 2, lang)
    if kind == PERCENT:
        return formatting.percent(value, lang)
    if kind == YEAR:
        return str(int(value))
    if kind in (DATE, DATETIME):
        return _day(value)
    if kind == STARS:
        return stars_text(value, lang)
    if kind == STAGE:
        return stage_text(value, lang)
    if kind == UNIT:
        return unit_text(value, lang)
    if isinstance(value, bool):
        return strings.t("yes" if value else "no", lang)
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return _day(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or DASH


def table_view(frame: pd.DataFrame, kinds: Mapping[str, str] | Sequence[str], lang: str = strings.DEFAULT_LANG,
               drop_codes: bool = False) -> pd.DataFrame:
    """The rows of `frame` as display strings, column by column by kind (a mapping by column name,
    unlisted columns are TEXT; or one kind per column in order). CODE columns move after the others
    (names first), or go with drop_codes=True. The index is reset."""
    if not isinstance(kinds, Mapping):
        if len(kinds) != len(frame.columns):
            raise ValueError(f"{len(kinds)} kinds for {len(frame.columns)} columns")
        kinds = dict(zip(frame.columns, kinds))
    unknown = sorted(set(kinds.values()) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown column kinds: {unknown}")
    names = [n for n in frame.columns if kinds.get(n, TEXT) != CODE]
    codes = [] if drop_codes else [n for n in frame.columns if kinds.get(n, TEXT) == CODE]
    shown = pd.DataFrame(index=range(len(frame)))
    for name in names + codes:
        kind = kinds.get(name, TEXT)
        shown[name] = [cell(v, kind, lang) for v in frame[name].tolist()]
    return shown


def report_view(table: ReportTable, lang: str = strings.DEFAULT_LANG) -> pd.DataFrame:
    """A report table as previewed on the Báo cáo page: its kinds, with the indicator code last,
    the unit translated and stages in `lang`."""
    special = {strings.t("report.col.code", lang): CODE, strings.t("report.col.unit", lang): UNIT,
               strings.t("col.stage", lang): STAGE, strings.t("report.col.product_id", lang): CODE}
    kinds = {name: special.get(name, kind) for name, kind in zip(table.frame.columns, table.kinds)}
    return table_view(table.frame, kinds, lang)


__all__ = ["CODE", "COUNT", "DATE", "DATETIME", "KINDS", "NUMBER", "PERCENT", "STAGE", "STARS", "TEXT", "UNIT",
           "UNIT_KEYS", "YEAR", "cell", "report_view", "stage_text", "stars_text", "table_view", "unit_text"]
