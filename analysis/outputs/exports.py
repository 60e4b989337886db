"""Downloads (CSV and .xlsx) that cannot carry a formula into the officer's spreadsheet.

Sheet cells are typed by anyone with edit access. A cell such as
`=HYPERLINK("http://x","Bấm vào đây")` is harmless text in the dashboard, but
exported as is it becomes a live formula in whoever opens the download (CSV or
formula injection). Following OWASP's guidance, every text cell that begins with
`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which
spreadsheet programs read as "this is text". Numbers are not text and stay numbers
(a negative number is not a formula).

Pure: bytes in memory, no I/O. The pages offer them with st.download_button.
"""
from __future__ import annotations

import csv
import io
import math
import re
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
import pandas as pd

from analysis.workbook.clock import local
from analysis.workbook.values import is_missing

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CHARS = 32_767  # Excel's limit per cell; a longer cell makes Excel "repair" the file
# not allowed in XML 1.0 (openpyxl and python-docx refuse them); lone surrogates cannot be encoded at all
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


def neutralise(value: Any) -> Any:
    """`'=1+1` for the text `=1+1`; every other value (numbers included) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _text_like(series: pd.Series) -> bool:
    dtype = series.dtype
    return (pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype)
            or pd.api.types.is_string_dtype(dtype))


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` with every text cell, and every text column name, neutralised."""
    out = df.copy()
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if not _text_like(column):
            continue
        values = column.astype(object).map(neutralise)
        if pd.api.types.is_string_dtype(column.dtype) and not pd.api.types.is_object_dtype(column.dtype):
            values = values.astype(column.dtype)  # keep pandas' str dtype
        out.isetitem(position, values)
    out.columns = [neutralise(name) for name in out.columns]
    return out


_SPLIT_THEN_TRIGGER = re.compile(r'([,;\t\r\n])(?=[=+\-@\t\r"])')


def csv_field(value: Any) -> Any:
    """A CSV field that starts no formula whichever character the reader splits on: neutralised, and
    a `'` after every `,` `;` tab or line break that a trigger (or a quote) follows, since a reader
    splitting on that character would start a cell there (`Bánh;=cmd…` -> `Bánh;'=cmd…`).
    Numbers (not booleans) stay numbers; missing values are empty."""
    if is_missing(value):
        return ""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return neutralise(_SPLIT_THEN_TRIGGER.sub(r"\1'", str(value)))


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-16LE with a byte-order mark, TAB between fields, every text field quoted, CRLF line ends.

    Why: Excel in a comma-decimal locale (Vietnamese settings) splits a UTF-8 CSV on `;`, so a
    comma-separated file opens as one column; and a UTF-8 BOM plus a `sep=` hint loses the BOM
    (diacritics garbled). A UTF-16LE file with its BOM is opened by Excel as Unicode text split on
    tabs, in every locale, diacritics intact; LibreOffice detects the encoding from the BOM.
    Quoting keeps a `;`, `,`, tab or line break inside a field; csv_field keeps a reader that splits
    on any of them anyway from starting a formula. Numbers are written bare, so they stay numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow([csv_field(name) for name in df.columns])
    for row in df.itertuples(index=False, name=None):
        writer.writerow([csv_field(value) for value in row])
    return b"\xff\xfe" + buffer.getvalue().encode("utf-16-le")


# --------------------------------------------------------------------------- xlsx


def excel_cell(value: Any) -> Any:
    """`value` as an openpyxl cell can hold it, safe to open: missing values (None, NaN, NaT, pd.NA)
    become an empty cell; numpy scalars become Python ones; an infinity becomes text (Excel has
    none); a timestamp with a time zone becomes Vietnam time without one (Excel has no zones);
    numbers, booleans, dates and times stay typed; a list-like becomes `a, b`; other values become
    text stripped of the control characters XML forbids, cut to Excel's 32,767 characters, and
    neutralised (`'=1+1`). Every .xlsx written here (these downloads, the report) goes through it."""
    if is_missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isinf(value):
        return str(value)  # Excel has no infinity
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = local(value).replace(tzinfo=None)  # Excel has no time zones: Vietnam time
    if isinstance(value, (bool, int, float, datetime, date, time, timedelta)):
        return value
    if isinstance(value, (tuple, list, set, frozenset)):
        value = ", ".join(str(v) for v in value)
    text = xml_text(value)
    if len(text) > XLSX_MAX_CHARS:
        text = text[: XLSX_MAX_CHARS - 1] + "…"
    return neutralise(text)


def xml_text(value: Any) -> str:
    """`value` as text an XML document can hold: the control characters XML 1.0 forbids removed (the
    Word report puts sheet text into runs through it; excel_cell does the same for cells)."""
    return _XLSX_ILLEGAL.sub("", str(value))


def _sheet_title(name: Any, taken: set[str]) -> str:
    base = _SHEET_ILLEGAL.sub("_", str(name)).strip("'").strip() or "Sheet"
    title, n = base[:31], 1
    while title.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One worksheet per frame (names made valid for Excel), bold header row, frozen
    under it; every text cell neutralised and stored as text, never as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    for name, df in (sheets or {}).items():
        sheet = book.create_sheet(_sheet_title(name, taken))
        sheet.append([excel_cell(c) for c in df.columns])
        for cell in sheet[1]:
            cell.font = bold
        for row in df.itertuples(index=False, name=None):
            sheet.append([excel_cell(v) for v in row])
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # belt and braces: text is never read as a formula
        sheet.freeze_panes = "A2"
    if not book.worksheets:
        book.create_sheet("Sheet")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


__all__ = ["FORMULA_TRIGGERS", "csv_field", "excel_cell", "neutralise", "safe_frame", "to_csv_bytes", "to_xlsx_bytes",
           "xml_text"]
