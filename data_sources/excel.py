"""Reads an .xlsx workbook with openpyxl into the raw form: tab title -> rows of cells."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import BinaryIO

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from data_sources.raw import RawWorkbook, Rows, SourceError


def _trim(rows: Rows) -> Rows:
    """Drop trailing empty cells and rows, as Google's API does, so both sources agree."""
    trimmed: Rows = []
    for row in rows:
        cells = list(row)
        while cells and (cells[-1] is None or cells[-1] == ""):
            cells.pop()
        trimmed.append(cells)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


def read_xlsx(path: str | Path | BinaryIO, kind: str = "xlsx", label: str | None = None) -> RawWorkbook:
    """Every worksheet's cell values (cached results for formulas), untouched otherwise."""
    location = label or (str(path) if isinstance(path, (str, Path)) else "upload.xlsx")
    if isinstance(path, (str, Path)) and not Path(path).is_file():
        raise SourceError("file_missing", path=location)
    try:
        source = path if isinstance(path, (str, Path)) else io.BytesIO(path.read())
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
        try:
            tabs = {ws.title: _trim(ws.iter_rows(values_only=True)) for ws in book.worksheets}
        finally:
            book.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise SourceError("not_workbook", path=location) from error
    title = Path(location).stem
    return RawWorkbook(tabs=tabs, kind=kind, location=location, title=title)
