"""Build the bundled demo workbook `data_sources/demo/ocop_demo.xlsx` from the rows in demo_rows.py.

Run from the repository root:

    python -m data_sources.demo.build_demo            # rewrites ocop_demo.xlsx
    python -m data_sources.demo.build_demo out.xlsx   # writes elsewhere

The output is byte-for-byte deterministic: fixed document properties and fixed
timestamps inside the zip.
"""
from __future__ import annotations

import io
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from data_sources.demo.demo_rows import INFO, PRODUCERS_TITLE, TABS, WARD

OUTPUT = Path(__file__).with_name("ocop_demo.xlsx")
FIXED_TIMESTAMP = datetime(2025, 1, 6, 8, 0, 0)
DATE_FORMAT = "dd/mm/yyyy"

BOLD = Font(bold=True)


def _width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        return 10
    return len(str(value))


def _write_cell(ws, row: int, col: int, value: object) -> None:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, (date, datetime)):
        cell.number_format = DATE_FORMAT


def write_table(ws, header: list[str], rows: list[list[object]], header_row: int) -> None:
    for col, name in enumerate(header, start=1):
        ws.cell(row=header_row, column=col, value=name).font = BOLD
    for offset, values in enumerate(rows, start=1):
        assert len(values) == len(header), (ws.title, values)
        for col, value in enumerate(values, start=1):
            _write_cell(ws, header_row + offset, col, value)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    for col, name in enumerate(header, start=1):
        longest = max([_width(name)] + [_width(r[col - 1]) for r in rows])
        ws.column_dimensions[get_column_letter(col)].width = min(max(longest + 2, 8), 60)


def build_workbook() -> Workbook:
    wb = Workbook()
    info = wb.active
    info.title = "Thông tin"
    for row, (key, value) in enumerate(INFO, start=1):
        info.cell(row=row, column=1, value=key).font = BOLD
        info.cell(row=row, column=2, value=value)
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 52

    for title, header, rows, header_row in TABS:
        ws = wb.create_sheet(title)
        if title == "Chủ thể":
            ws.cell(row=1, column=1, value=PRODUCERS_TITLE).font = Font(bold=True, size=13)
        write_table(ws, header, rows, header_row)

    wb.properties.creator = "OCOP dashboard (dữ liệu mẫu)"
    wb.properties.title = f"OCOP - {WARD} (dữ liệu mẫu)"
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    wb.properties.lastModifiedBy = None
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise without openpyxl's save(), which stamps `modified` with now(),
    then rewrite the zip with fixed entry timestamps so the bytes never change."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return fixed.getvalue()


def build(path: Path | str = OUTPUT) -> Path:
    """Write the demo workbook to `path` and return it."""
    path = Path(path)
    path.write_bytes(workbook_bytes(build_workbook()))
    return path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = build(argv[0] if argv else OUTPUT)
    print(f"Wrote {path}")
    for title, _header, rows, _row in TABS:
        print(f"  {title}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
