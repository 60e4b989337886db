"""Hostile workbooks and what reading them costs: `.venv/bin/python bench/hostile_files.py`.

Builds each file an attacker (or an unlucky officer) could hand the dashboard — written as raw zip
and XML, never with openpyxl, so even the 1,000,000-row sheet takes a second to make — then reads
each one with data_sources.excel.read_xlsx in a child process and prints a table: file size,
outcome (the tabs read, or the SourceError code), wall time and the child's peak memory.
tests/data_sources/test_excel_limits.py uses the same builders and `measure` to hold the targets:
any of these files read or refused within 10 s and 1 GB.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '{sheets}{shared}</Types>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_SHARED_TYPE = ('<Override PartName="/xl/sharedStrings.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        '{kind}" Target="{target}"/>')


def sheet_xml(rows: Iterable[bytes], dimension: str | None = None, prolog: bytes = b"") -> Iterable[bytes]:
    """A worksheet's XML in pieces: `rows` are ready-made `<row>` elements."""
    yield b'<?xml version="1.0" encoding="UTF-8"?>' + prolog + f"<worksheet {_NS}>".encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    yield from rows
    yield b"</sheetData></worksheet>"


def number_rows(count: int, columns: int = 1, start: int = 1) -> Iterable[bytes]:
    """`count` rows of `columns` numbers each (the row number in every cell)."""
    letters = [chr(ord("A") + i) for i in range(columns)]
    for r in range(start, start + count):
        yield (f'<row r="{r}">' + "".join(f'<c r="{col}{r}"><v>{r}</v></c>' for col in letters)
               + "</row>").encode()


def write_xlsx(path: Path, sheets: dict[str, Iterable[bytes]], shared: Iterable[bytes] | None = None,
               extra: dict[str, bytes] | None = None, flip_flag: str | None = None) -> Path:
    """A minimal .xlsx: `sheets` maps tab titles to XML pieces, `shared` the sharedStrings.xml pieces.
    `flip_flag` names a member to mark encrypted in the zip directory (what a password-protected zip shows)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        names = range(1, len(sheets) + 1)
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.format(
            sheets="".join(_SHEET_TYPE.format(n=n) for n in names), shared=_SHARED_TYPE if shared else ""))
        z.writestr("_rels/.rels", _ROOT_RELS)
        tabs = "".join(f'<sheet name="{t}" sheetId="{n}" r:id="rId{n}"/>' for n, t in zip(names, sheets))
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} {_REL_NS}>'
                                      f"<sheets>{tabs}</sheets></workbook>")
        rels = "".join(_REL.format(n=n, kind="worksheet", target=f"worksheets/sheet{n}.xml") for n in names)
        if shared:
            rels += _REL.format(n=len(sheets) + 1, kind="sharedStrings", target="sharedStrings.xml")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                   f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for n, pieces in zip(names, sheets.values()):
            _stream(z, f"xl/worksheets/sheet{n}.xml", pieces)
        if shared:
            _stream(z, "xl/sharedStrings.xml", shared)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    if flip_flag:
        _mark_encrypted(path, flip_flag)
    return path


def _stream(z: zipfile.ZipFile, name: str, pieces: Iterable[bytes]) -> None:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as out:
        buffer = bytearray()
        for piece in pieces:
            buffer += piece
            if len(buffer) > 1 << 20:
                out.write(buffer)
                buffer.clear()
        out.write(buffer)


def _mark_encrypted(path: Path, member: str) -> None:
    """Sets the 'encrypted' bit of `member` in both its local header and the central directory."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[at + flag_at] |= 0x01
            at += 4
    path.write_bytes(bytes(data))


def _corrupt_deflate(path: Path, member: str) -> None:
    """Overwrites bytes in the middle of `member`'s compressed data (the directory stays valid)."""
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle:middle + 64] = bytes(range(0xC0, 0x100))
    path.write_bytes(bytes(data))


def _deflate_len(size: int, byte: bytes = b"x") -> int:
    compressor = zlib.compressobj(9)
    return len(compressor.compress(byte * size) + compressor.flush())


# --------------------------------------------------------------------------- the files


def dimension_bomb(d: Path) -> Path:
    """18 KB-style: declares A1:XFD1048576 and holds one cell at the very last row and column."""
    last = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return write_xlsx(d / "dimension_bomb.xlsx", {"Khóm": sheet_xml([b'<row r="1"><c r="A1"><v>1</v></c></row>',
                                                                    last], "A1:XFD1048576")})


def shared_string_bomb(d: Path, size: int = 1_000_000_000) -> Path:
    """One shared string of `size` characters (1 GB of 'x' deflates to about 1 MB)."""
    def shared() -> Iterable[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="1" uniqueCount="1"><si><t>'.encode()
        chunk = b"x" * (1 << 24)
        for _ in range(size // len(chunk)):
            yield chunk
        yield b"x" * (size % len(chunk)) + b"</t></si></sst>"
    rows = [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>']
    return write_xlsx(d / "shared_string_bomb.xlsx", {"Khóm": sheet_xml(rows, "A1")}, shared=shared())


def long_cell(d: Path, size: int = 40_000) -> Path:
    """One inline string longer than Excel allows in a cell (32,767 characters)."""
    rows = [f'<row r="1"><c r="A1" t="inlineStr"><is><t>{"x" * size}</t></is></c></row>'.encode()]
    return write_xlsx(d / "long_cell.xlsx", {"Khóm": sheet_xml(rows, "A1")})


def entity_expansion(d: Path) -> Path:
    """'Billion laughs': ten levels of entities, each ten of the one below."""
    levels = ['<!ENTITY lol0 "lollollollol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    prolog = f'<!DOCTYPE worksheet [{"".join(levels)}]>'.encode()
    rows = [b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>']
    return write_xlsx(d / "entity_expansion.xlsx", {"Khóm": sheet_xml(rows, "A1", prolog)})


def external_entity(d: Path) -> Path:
    """XXE: an entity that names a file on the server."""
    prolog = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    rows = [b'<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>']
    return write_xlsx(d / "external_entity.xlsx", {"Khóm": sheet_xml(rows, "A1", prolog)})


def deep_nesting(d: Path, depth: int = 1_000_000) -> Path:
    """A million nested elements inside one cell."""
    rows = [b'<row r="1"><c r="A1"><v>1</v>' + b"<x>" * depth + b"</x>" * depth + b"</c></row>"]
    return write_xlsx(d / "deep_nesting.xlsx", {"Khóm": sheet_xml(rows, "A1")})


def many_members(d: Path, count: int = 20_000) -> Path:
    """A valid workbook carrying 20,000 extra zip members."""
    extra = {f"customXml/item{i}.xml": b"<a/>" for i in range(count)}
    return write_xlsx(d / "many_members.xlsx", {"Khóm": sheet_xml(number_rows(3))}, extra=extra)


def million_rows(d: Path) -> Path:
    """1,000,000 rows of one number each, written as XML directly."""
    return write_xlsx(d / "million_rows.xlsx", {"Tuyên truyền": sheet_xml(number_rows(1_000_000))})


def rows_200k(d: Path, columns: int = 8) -> Path:
    """A province-sized tab: 200,000 rows of eight numbers; must be read, not refused."""
    return write_xlsx(d / "rows_200k.xlsx", {"Tuyên truyền": sheet_xml(number_rows(200_000, columns))})


def malformed_xml(d: Path) -> Path:
    rows = [b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</c></row>']
    return write_xlsx(d / "malformed_xml.xlsx", {"Khóm": sheet_xml(rows, "A1:A2")})


def corrupt_deflate(d: Path) -> Path:
    path = write_xlsx(d / "corrupt_deflate.xlsx", {"Khóm": sheet_xml(number_rows(5000, 4))})
    _corrupt_deflate(path, "xl/worksheets/sheet1.xml")
    return path


def encrypted_member(d: Path) -> Path:
    return write_xlsx(d / "encrypted_member.xlsx", {"Khóm": sheet_xml(number_rows(3))},
                      flip_flag="xl/worksheets/sheet1.xml")


def formula_without_value(d: Path) -> Path:
    """A formula saved by a tool that does not compute (no cached <v>) in cell B2."""
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Khóm</t></is></c></row>'.encode(),
            b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f></c></row>']
    return write_xlsx(d / "formula_without_value.xlsx", {"Khóm": sheet_xml(rows, "A1:B2")})


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "dimension bomb": dimension_bomb, "shared-string bomb": shared_string_bomb, "cell too long": long_cell,
    "entity expansion": entity_expansion, "external entity (XXE)": external_entity,
    "deep nesting": deep_nesting, "many zip members": many_members, "1,000,000-row sheet": million_rows,
    "malformed XML": malformed_xml, "corrupt deflate": corrupt_deflate, "encrypted member": encrypted_member,
    "formula without cached value": formula_without_value, "200,000-row tab (must read)": rows_200k,
}

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from data_sources.excel import read_xlsx
from data_sources.raw import SourceError
started = time.monotonic()
try:
    raw = read_xlsx(sys.argv[1])
    outcome = "read: " + ", ".join(f"{{t}} {{len(r)}} rows" for t, r in raw.tabs.items())
except SourceError as problem:
    error = problem
    outcome = "SourceError " + error.code + " " + json.dumps(error.params, ensure_ascii=False)[:80]
seconds = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
peak_mb = round(usage.ru_maxrss / 1024)
cpu = usage.ru_utime + usage.ru_stime
code = error.code if "error" in dir() else None
print(json.dumps({{"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb, "cpu": cpu, "code": code}}))
"""


def measure(path: Path, timeout: float = 120.0, memory_mb: int | None = None) -> dict:
    """Reads `path` in a fresh child process: outcome, seconds (wall, the read alone and the whole child),
    peak resident memory in MB (ru_maxrss of the child, interpreter and imports included).
    A traceback or a crash is reported as the outcome, never raised. `memory_mb` caps the child's
    address space (RLIMIT_AS), so a MemoryError can be provoked on purpose."""
    code = _CHILD.format(root=str(ROOT))
    if memory_mb:
        code = (f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({memory_mb << 20}, {memory_mb << 20}))\n"
                + code)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": f"killed after {timeout:.0f} s", "seconds": timeout, "wall": timeout, "peak_mb": None,
                "cpu": None, "code": None}
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # the child reports its own ru_maxrss; after a crash, RUSAGE_CHILDREN's (the largest child so far,
    # so only an upper bound when it did not grow)
    result = {"wall": wall, "peak_mb": round(peak / 1024), "peak_is_upper_bound": peak <= before}
    try:
        result.update(json.loads(done.stdout.strip().splitlines()[-1]), peak_is_upper_bound=False)
    except (IndexError, ValueError):
        last = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        result.update(outcome=f"crash, exit {done.returncode}: {last[:90]}", seconds=wall, cpu=None, code=None)
    return result


def main() -> int:
    import tempfile

    sys.path.insert(0, str(ROOT))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        cases = [(name, make(d), None) for name, make in HOSTILE.items()]
        cases.append(("MemoryError (address space 200 MB)", rows_200k(d), 200))
        for name, path, cap in cases:
            result = measure(path, memory_mb=cap)
            rows.append((name, path.stat().st_size, result))
    print(f"| {'file':30} | {'size':>10} | {'wall s':>6} | {'cpu s':>5} | {'peak MB':>7} | outcome")
    print(f"| {'-' * 30} | {'-' * 10} | {'-' * 6} | {'-' * 5} | {'-' * 7} | -------")
    for name, size, r in rows:
        size_text = f"{size / 1024:,.0f} KB" if size < 1 << 20 else f"{size / (1 << 20):,.1f} MB"
        peak = "?" if r["peak_mb"] is None else f"{r['peak_mb']}{'≤' if r.get('peak_is_upper_bound') else ''}"
        cpu = "?" if r["cpu"] is None else f"{r['cpu']:.1f}"
        print(f"| {name:30} | {size_text:>10} | {r['wall']:6.1f} | {cpu:>5} | {peak:>7} | {r['outcome']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
