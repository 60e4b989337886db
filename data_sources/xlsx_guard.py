"""What an .xlsx may cost before it is parsed: the zip directory and one streamed pass over its XML.

I/O only. Every refusal is a SourceError naming the tab (when there is one) and the limit, so an
officer knows what to fix; the messages are in the catalogue (analysis/i18n/catalogue_limits.py).
The limits are documented in docs/WORKBOOK.md ("Limits"); tests/data_sources/test_excel_limits.py
holds any hostile file of up to 5 MB to 10 s and 1 GB.

The pass decompresses each member in 1 MB pieces (never whole) and looks, with byte searches and
regular expressions only, for: a DOCTYPE (entity expansion, external entities: refused outright,
a workbook never needs one), a text node longer than any cell may be, and in each worksheet the
highest row and column any cell names (the reader allocates that rectangle), the number of cells,
and formulas saved without their computed value.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO

from data_sources.raw import SourceError

MAX_FILE_BYTES = 100 << 20  # the .xlsx itself
MAX_MEMBERS = 1_000  # files inside the zip (a real workbook has 10 to 50)
MAX_MEMBER_BYTES = 400 << 20  # one member, uncompressed (a 250,000 × 40 sheet is about 350 MB of XML)
MAX_TOTAL_BYTES = 800 << 20  # all members, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MB (real sheets: 5 to 30)
MAX_ROWS = 250_000  # per tab: a province-sized unit has 200,000 rows in its largest tab
MAX_COLUMNS = 100  # per tab: the widest tab of the contract has 13 columns
MAX_CELLS = 8_000_000  # per tab, rows × columns (the rectangle the reader fills)
MAX_CELLS_TOTAL = 12_000_000  # all tabs together, rows × columns
MAX_FILLED_CELLS = 2_000_000  # cell elements, all tabs together: what reading costs in time (~4 µs each here)
MAX_CELL_CHARS = 32_767  # Excel's own limit on one cell's text
_MAX_TEXT_BYTES = MAX_CELL_CHARS * 8  # a cell's text as XML (UTF-8, escapes), with room to spare
_WINDOW = _MAX_TEXT_BYTES // 2  # above the 3 bytes per character of Vietnamese text
_PIECE = 1 << 20
_MAX_CARRY = 4 << 20  # the unfinished row kept between pieces

_CELL_ROW = re.compile(rb' r="[A-Z]{1,4}([0-9]{1,8})"')  # a cell's reference (a row's has no letters)
_WIDE_CELL = re.compile(rb' r="([A-Z]{2,4})[0-9]')  # beyond column Z
_NARROW_CELL = re.compile(rb' r="[A-Z][0-9]')
_ROW_TAG = re.compile(rb"<row[\s>/]")
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\bref="([A-Z]{0,4})([0-9]{0,8}):?([A-Z]{0,4})([0-9]{0,8})"')
_NO_VALUE = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,4}[0-9]{1,8})"[^>]*(?<!/)>\s*'
                       rb"(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")
_ERROR_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,4})([0-9]{1,8})"[^>]*?\bt="e"[^>]*>'
                         rb"(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?\s*<v>([^<]{1,64})</v>")
_SHEET_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"'
                        rb'|<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')
_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"'
                    rb'|<sheet\b[^>]*?\br:id="([^"]+)"[^>]*?\bname="([^"]*)"')
_HIDDEN = re.compile(rb'\bstate="(?:hidden|veryHidden)"')
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a password-protected .xlsx is an OLE file


@dataclass
class SheetScan:
    """What one worksheet's XML holds, as far as cost goes."""

    tab: str
    rows: int = 0  # the highest row any cell or row element names (or counts, without references)
    columns: int = 0  # the highest column any cell names
    cells: int = 0  # cell elements
    unnamed_cells: int = 0  # cell elements without a reference
    counted_rows: int = 0  # row elements, counted once a cell without a reference is seen
    formula_cells: list[str] = field(default_factory=list)  # formulas without a cached value (first few)
    hidden: bool = False  # a hidden tab (the template's dropdown lists): its formulas are not the officers'
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) from 0 -> "#N/A", "#REF!"...


def column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(index: int) -> str:
    """'A' for 0, 'AA' for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def check_file(stream: IO[bytes], size: int) -> None:
    """Before opening the zip: the size, and the OLE signature of a password-protected workbook."""
    if size > MAX_FILE_BYTES:
        raise SourceError("xlsx_file_too_big", size_mb=round(size / (1 << 20)), limit_mb=MAX_FILE_BYTES >> 20)
    head = stream.read(8)
    stream.seek(0)
    if head == _OLE_MAGIC:
        raise SourceError("xlsx_encrypted", member="")


def check_workbook(book: zipfile.ZipFile) -> dict[str, SheetScan]:
    """Refuses a workbook whose reading would cost too much; the scan of every worksheet, by tab title."""
    infos = book.infolist()
    if len(infos) > MAX_MEMBERS:
        raise SourceError("xlsx_too_many_members", members=len(infos), limit=MAX_MEMBERS)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise SourceError("xlsx_encrypted", member=f"({info.filename})")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or (info.file_size > (1 << 20) and ratio > MAX_RATIO):
            raise SourceError("xlsx_member_too_big", member=info.filename, size_mb=round(info.file_size / (1 << 20)),
                              ratio=round(ratio), limit_mb=MAX_MEMBER_BYTES >> 20, limit_ratio=MAX_RATIO)
    if total > MAX_TOTAL_BYTES:
        raise SourceError("xlsx_member_too_big", member="*", size_mb=round(total / (1 << 20)), ratio="",
                          limit_mb=MAX_TOTAL_BYTES >> 20, limit_ratio=MAX_RATIO)
    tabs = _sheet_members(book)
    scans: dict[str, SheetScan] = {}
    for info in infos:
        if info.is_dir():
            continue
        tab = tabs.get(info.filename)
        scan = SheetScan(tab[0], hidden=tab[1]) if tab is not None else None
        _scan_member(book, info, scan)
        if scan is not None:
            scans[scan.tab] = scan
    filled = sum(s.cells for s in scans.values())
    if filled > MAX_FILLED_CELLS:
        raise SourceError("xlsx_too_many_cells", tab="*", cells=filled, limit=MAX_FILLED_CELLS)
    if sum(s.rows * s.columns for s in scans.values()) > MAX_CELLS_TOTAL:
        raise SourceError("xlsx_too_many_cells", tab="*", cells=sum(s.rows * s.columns for s in scans.values()),
                          limit=MAX_CELLS_TOTAL)
    return scans


def _sheet_members(book: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Zip member name -> (tab title, hidden), from xl/workbook.xml and its relationships (small files, read whole)."""
    try:
        workbook = book.read("xl/workbook.xml")
        rels = book.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    if b"<!DOCTYPE" in workbook or b"<!DOCTYPE" in rels:
        raise SourceError("xlsx_unsafe_xml", member="xl/workbook.xml")
    targets = {}
    for m in _SHEET_REL.finditer(rels):
        rel_id, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        text = target.decode("utf-8", "replace")
        targets[rel_id] = text.lstrip("/") if text.startswith("/") else str(PurePosixPath("xl") / text)
    members = {}
    for m in _SHEET.finditer(workbook):
        name, rel_id = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(4), m.group(3))
        if rel_id in targets:
            hidden = bool(_HIDDEN.search(m.group(0) + workbook[m.end():workbook.find(b">", m.end()) + 1]))
            members[targets[rel_id]] = (_unescape(name.decode("utf-8", "replace")), hidden)
    return members


def _unescape(text: str) -> str:
    for escaped, plain in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(escaped, plain)
    return text


def _scan_member(book: zipfile.ZipFile, info: zipfile.ZipInfo, scan: SheetScan | None) -> None:
    """One streamed pass over a member; worksheets are measured, every XML member checked for a DOCTYPE."""
    where = scan.tab if scan else info.filename
    carry = b""
    first = True
    with book.open(info) as member:
        while True:
            piece = member.read(_PIECE)
            buffer = carry + piece
            if not piece:
                _scan_text(buffer, scan, where, first)
                return
            cut = _cut(buffer)
            _scan_text(buffer[:cut], scan, where, first)
            first = False
            carry = buffer[cut:]
            if len(carry) > _MAX_TEXT_BYTES and carry.rfind(b"<") <= 0:
                raise SourceError("cell_too_long", tab=where, cell="", limit=MAX_CELL_CHARS)


def _cut(buffer: bytes) -> int:
    """Where to split so no row (or, failing that, no tag) is cut in two: before the last '<row'."""
    for mark in (b"<row", b"<c ", b"<"):
        at = buffer.rfind(mark)
        if at > 0 and (len(buffer) - at <= _MAX_CARRY or mark == b"<"):
            return at
    return len(buffer) if len(buffer) <= _MAX_TEXT_BYTES else 0


def _scan_text(text: bytes, scan: SheetScan | None, where: str, first: bool) -> None:
    if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
        raise SourceError("xlsx_unsafe_xml", member=where)
    _check_text_runs(text, where)
    if scan is None:
        return
    if first and (m := _DIMENSION.search(text, 0, 4096)):
        _check_dimension(scan.tab, m)
    rows = _CELL_ROW.findall(text)
    cells = text.count(b"<c ") + text.count(b"<c>") + text.count(b"<c/>")
    scan.cells += cells
    scan.unnamed_cells += cells - len(rows)
    if rows:  # set() first: a piece holds thousands of cells but few distinct rows and columns
        scan.rows = max(scan.rows, max(map(int, set(rows))))
        wide = set(_WIDE_CELL.findall(text))
        narrow = 26 if _NARROW_CELL.search(text) else 0  # a bound is enough under MAX_COLUMNS
        scan.columns = max(scan.columns, narrow, *(column_number(c) for c in wide))
    if cells > len(rows):  # cells without references: the reader counts them, so count rows and cells too
        scan.counted_rows += len(_ROW_TAG.findall(text))
        scan.rows = max(scan.rows, scan.counted_rows)
        scan.columns = max(scan.columns, max(p.count(b"<c") for p in text.split(b"<row")))
    if scan.rows > MAX_ROWS:
        raise SourceError("too_many_rows", tab=scan.tab, rows=scan.rows, limit=MAX_ROWS)
    if scan.columns > MAX_COLUMNS:
        raise SourceError("too_many_columns", tab=scan.tab, columns=scan.columns, limit=MAX_COLUMNS)
    if scan.rows * scan.columns > MAX_CELLS:
        raise SourceError("xlsx_too_many_cells", tab=scan.tab, cells=scan.rows * scan.columns, limit=MAX_CELLS)
    if b't="e"' in text:  # error values: calamine gives them as blanks, openpyxl as their text
        for col, row, value in _ERROR_CELL.findall(text):
            scan.errors[(int(row) - 1, column_number(col) - 1)] = value.decode("utf-8", "replace")
    if b"<f" in text and len(scan.formula_cells) < 5:
        scan.formula_cells += [m.group(1).decode() for m in _NO_VALUE.finditer(text)][:5]


def _check_dimension(tab: str, m: re.Match[bytes]) -> None:
    """The range the sheet says it uses (`<dimension ref="A1:XFD1048576"/>`), refused before reading it."""
    last_col, last_row = (m.group(3), m.group(4)) if m.group(3) or m.group(4) else (m.group(1), m.group(2))
    rows = int(last_row or 0)
    columns = column_number(last_col or b"")
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        declared = m.group(0).split(b'ref="')[1].rstrip(b'"').decode()
        raise SourceError("xlsx_dimension_too_big", tab=tab, declared=declared, rows=MAX_ROWS, columns=MAX_COLUMNS)


def _check_text_runs(text: bytes, where: str) -> None:
    """No text between two tags may be longer than a cell's text can be. Cheap: a run of 2 × _WINDOW bytes
    without a '<' holds a whole aligned window without one, and `in` on a window runs at memchr speed."""
    for start in range(0, len(text) - _WINDOW + 1, _WINDOW):
        if b"<" not in text[start:start + _WINDOW]:
            raise SourceError("cell_too_long", tab=where, cell="", limit=MAX_CELL_CHARS)
