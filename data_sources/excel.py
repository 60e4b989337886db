"""Reads an .xlsx workbook into the raw form: tab title -> rows of cells.

Cost is bounded before anything is parsed (data_sources/xlsx_guard.py: the zip directory, then one
streamed pass over the XML); any file that cannot be read ends in a SourceError, never a traceback.
The cells are read by python-calamine (Rust; about 10× faster than openpyxl, which took 35 s on a
200,000-row tab here), then given the types openpyxl gives, which the rest of the code and the
tests were written against: whole numbers as int, dates as datetime, an empty cell as None.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

from python_calamine import CalamineWorkbook, SheetTypeEnum

from data_sources import xlsx_guard
from data_sources.raw import RawWorkbook, Rows, SourceError

_EXACT = 2 ** 53  # floats that are whole and smaller than this are the ints openpyxl would give


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


def _cells(row: list[Any]) -> list[Any]:
    """openpyxl's types for calamine's values: whole floats as int, dates as datetime, '' as None.
    One comprehension, no call per cell: it runs for every cell of the workbook."""
    return [((int(v) if v.is_integer() and -_EXACT < v < _EXACT else v) if (c := v.__class__) is float
             else (v or None) if c is str else datetime(v.year, v.month, v.day) if c is date else v) for v in row]


def _tab_rows(tab: str, rows: list[list[Any]], errors: dict[tuple[int, int], str]) -> Rows:
    converted: Rows = []
    for r, row in enumerate(rows):
        cells = _cells(row)
        if max([len(v) for v in cells if v.__class__ is str], default=0) > xlsx_guard.MAX_CELL_CHARS:
            c = next(i for i, v in enumerate(cells) if v.__class__ is str and len(v) > xlsx_guard.MAX_CELL_CHARS)
            raise SourceError("cell_too_long", tab=tab, cell=f"{xlsx_guard.column_letters(c)}{r + 1}",
                              limit=xlsx_guard.MAX_CELL_CHARS)
        converted.append(cells)
    for (r, c), text in errors.items():  # "#N/A", "#REF!": the text openpyxl gave (calamine gives a blank)
        if r < len(converted) and c < len(converted[r]):
            converted[r][c] = text
    return _trim(converted)


def _open(path: str | Path | BinaryIO, location: str) -> IO[bytes]:
    if isinstance(path, (str, Path)):
        file = Path(path)
        if file.is_dir():
            raise SourceError("not_a_file", path=location)
        if not file.is_file():
            raise SourceError("file_missing", path=location)
        if file.suffix.lower() not in (".xlsx", ".xlsm"):
            raise SourceError("not_xlsx_name", path=location, suffix=file.suffix)
        size = file.stat().st_size
        if size > xlsx_guard.MAX_FILE_BYTES:
            xlsx_guard.check_file(io.BytesIO(), size)
        return io.BytesIO(file.read_bytes())
    data = path.read(xlsx_guard.MAX_FILE_BYTES + 1)
    return io.BytesIO(data)


def read_xlsx(path: str | Path | BinaryIO, kind: str = "xlsx", label: str | None = None) -> RawWorkbook:
    """Every worksheet's cell values (cached results for formulas), untouched otherwise."""
    location = label or (str(path) if isinstance(path, (str, Path)) else "upload.xlsx")
    try:
        stream = _open(path, location)
        xlsx_guard.check_file(stream, len(stream.getbuffer()))  # type: ignore[attr-defined]
        with zipfile.ZipFile(stream) as archive:
            scans = xlsx_guard.check_workbook(archive)
        for scan in scans.values():
            if scan.formula_cells and not scan.hidden:  # a hidden tab's are helper lists (the template's)
                raise SourceError("xlsx_formula_no_value", tab=scan.tab, cell=scan.formula_cells[0],
                                  cells=", ".join(scan.formula_cells))
        stream.seek(0)
        book = CalamineWorkbook.from_filelike(stream)
        tabs: dict[str, Rows] = {}
        for sheet in book.sheets_metadata:
            if sheet.typ != SheetTypeEnum.WorkSheet:
                continue
            rows = book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
            scan = scans.get(sheet.name)
            tabs[sheet.name] = _tab_rows(sheet.name, rows, scan.errors if scan else {})
            del rows
    except SourceError:
        raise
    except MemoryError:
        raise SourceError("xlsx_out_of_memory", path=location) from None
    except Exception as error:  # zipfile's, zlib's and calamine's (XmlError, ZipError, CalamineError...) alike
        raise SourceError("not_workbook", path=location) from error
    title = Path(location).stem
    return RawWorkbook(tabs=tabs, kind=kind, location=location, title=title)
