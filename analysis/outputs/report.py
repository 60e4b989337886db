"""The report upward (Báo cáo): a year's figures as a formatted .xlsx for the office above.

Pure: no Streamlit, no I/O. The report is Vietnamese by default and English with lang="en";
`today` is the day it is made (pace, overdue tasks and expired certificates are judged at it).

- report_tables.py: the seven tables, as frames (`report_tables()` for the page and the CLI);
- report_cover.py: the cover sheet ("Bìa"), first;
- report_layout.py: one sheet per table ("Độ bao phủ" sits under "Tuyên truyền" on its sheet):
  widths, fonts, number formats, row heights and the A4 print setup.
"""
from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook

from analysis.i18n import strings
from analysis.outputs.report_cover import fill_cover
from analysis.outputs.report_layout import fill_sheet, read_at
from analysis.outputs.report_tables import ReportTable, build_tables, report_tables
from analysis.workbook.dataset import Dataset


def build_report(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG) -> Workbook:
    """The report as a workbook: the cover, then one sheet per table (coverage under outreach)."""
    sheets: list[tuple[str, list[ReportTable]]] = []
    for table in build_tables(ds, year, today, lang):
        if sheets and sheets[-1][1][0].sheet == table.sheet:
            sheets[-1][1].append(table)
        else:
            sheets.append((strings.t(f"report.sheet.{table.sheet}", lang), [table]))
    wb = Workbook()
    cover = wb.active
    cover.title = strings.t("report.sheet.cover", lang)
    fill_cover(cover, ds, year, today, lang, sheets)
    for name, group in sheets:
        fill_sheet(wb.create_sheet(name), group, ds, lang)
    wb.active = 0
    wb.properties.title = strings.t("report.cover.title", lang, year=year)
    wb.properties.creator = str(ds.info.get("ward_name") or "OCOP")
    return wb


def report_bytes(ds: Dataset, year: int, today: date, lang: str = strings.DEFAULT_LANG) -> bytes:
    """build_report() saved as .xlsx bytes (for a download button or a file)."""
    buffer = io.BytesIO()
    build_report(ds, year, today, lang).save(buffer)
    return buffer.getvalue()


__all__ = ["ReportTable", "build_report", "read_at", "report_bytes", "report_tables"]
