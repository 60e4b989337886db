"""The report's cover sheet ("Bìa"): what the report is, for whom, from which data, and what it holds.

Title, ward, office reported to, plan number, year, when the data was read (Vietnam time), the
report date, the source line, a "DỮ LIỆU MẪU" mark for the bundled sample data, and the list of
sheets with the titles of their tables. Written with report_layout.py's cells and print setup.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from analysis.i18n import formatting, strings
from analysis.outputs.report_layout import (
    BODY_FONT,
    BODY_SIZE,
    BORDER,
    FONT,
    merged_line,
    print_setup,
    put_cell,
    read_at,
    row_height,
    wrapped_lines,
)
from analysis.outputs.report_tables import DATE, DATETIME, TEXT, YEAR, ReportTable
from analysis.workbook.dataset import Dataset
from analysis.workbook.values import is_blank

COVER_WIDTHS = (24.0, 66.0)  # labels, values
LABEL_FONT = Font(name=FONT, bold=True, size=BODY_SIZE)
COVER_TITLE_FONT = Font(name=FONT, bold=True, size=16)
HEADING_FONT = Font(name=FONT, bold=True, size=13)
SAMPLE_FONT = Font(name=FONT, bold=True, size=18, color="C00000")
SAMPLE_NOTE_FONT = Font(name=FONT, bold=True, color="C00000", size=BODY_SIZE)
SAMPLE_FILL = PatternFill("solid", fgColor="FCE4D6")


def source_text(ds: Dataset, lang: str) -> str:
    """Where the figures were read: the sample data, a Google Sheet by its title, or a file."""
    source = ds.source
    if source.is_sample:
        return strings.t("source.demo", lang)
    if source.kind in ("gsheet", "gsheet_public"):
        return strings.t("source.gsheet", lang, title=source.title or source.location)
    return strings.t("source.xlsx", lang, location=source.title or source.location)


def cover_row(ws: Worksheet, row: int, label: str, value: Any, kind: str, font: Font = LABEL_FONT) -> int:
    """A label in A and its value in B (a dash when blank), bordered, wrapped; returns the next row."""
    left = put_cell(ws, row, 1, label)
    left.font, left.border = font, BORDER
    left.alignment = Alignment(vertical="top", wrap_text=True)
    blank = is_blank(value)
    right = put_cell(ws, row, 2, formatting.DASH if blank else value, TEXT if blank else kind)
    right.font, right.border = BODY_FONT, BORDER
    right.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    lines = max(wrapped_lines(label, COVER_WIDTHS[0], bold=True),
                wrapped_lines(right.value, COVER_WIDTHS[1]) if isinstance(right.value, str) else 1)
    ws.row_dimensions[row].height = row_height(lines) + 2
    return row + 1


def fill_cover(ws: Worksheet, ds: Dataset, year: int, today: date, lang: str,
               sheets: list[tuple[str, list[ReportTable]]]) -> None:
    """The cover on `ws`; `sheets` are the report's other sheets, by name, with their tables."""
    for i, width in enumerate(COVER_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.sheet_view.showGridLines = False
    full = sum(COVER_WIDTHS)
    row = merged_line(ws, 1, strings.t("report.cover.title", lang, year=year), 2, full, COVER_TITLE_FONT) + 1
    if ds.source.is_sample:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = put_cell(ws, row, 1, strings.t("report.cover.sample", lang))
        cell.font, cell.fill = SAMPLE_FONT, SAMPLE_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[row].height = 32
        row = merged_line(ws, row + 1, strings.t("source.sample_banner", lang), 2, full, SAMPLE_NOTE_FONT) + 1
    source = strings.t("report.cover.source_line", lang, source=source_text(ds, lang),
                       quality=strings.t("report.sheet.data_quality", lang))
    for key, value, kind in (
        ("report.cover.ward", ds.info.get("ward_name"), TEXT),
        ("report.cover.report_to", ds.info.get("report_to"), TEXT),
        ("report.cover.plan_number", ds.info.get("plan_number"), TEXT),
        ("report.cover.year", year, YEAR),
        ("report.cover.read_at", read_at(ds), DATETIME),
        ("report.cover.made_on", today, DATE),
        ("report.cover.source", source, TEXT),
    ):
        row = cover_row(ws, row, strings.t(key, lang), value, kind)
    heading = put_cell(ws, row + 1, 1, strings.t("report.cover.contents", lang))
    heading.font = HEADING_FONT
    ws.row_dimensions[row + 1].height = row_height(1, 12) + 6
    row += 2
    for name, tables in sheets:
        row = cover_row(ws, row, name, "; ".join(table.title for table in tables), TEXT)
    print_setup(ws, full, lang)


__all__ = ["COVER_WIDTHS", "fill_cover", "source_text"]
