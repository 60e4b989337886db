"""The demo report shared by the report tests (tests/analysis/outputs/test_report*.py): where it
comes from, the day it is made, what its sheets and tables are called, and how to read them back."""
from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from analysis.workbook.dataset import Dataset
from analysis.workbook.normalise import normalise_workbook
from data_sources.excel import read_xlsx

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "data_sources" / "demo" / "ocop_demo.xlsx"
TODAY = date(2024, 1, 15)  # the day the report is made: 2023 is over, three tasks are overdue
SHEETS_VI = ["Bìa", "Chỉ tiêu", "Sản phẩm", "Tuyên truyền", "Tập huấn", "Nhiệm vụ", "Chất lượng dữ liệu"]
SHEETS_EN = ["Cover", "Indicators", "Products", "Outreach", "Training", "Tasks", "Data quality"]
TABLES_VI = ["Chỉ tiêu", "Sản phẩm", "Tuyên truyền", "Độ bao phủ", "Tập huấn", "Nhiệm vụ", "Chất lượng dữ liệu"]
HEADER_ROW = 4  # context line, blank, title line, header

# code -> (target, actual) of the demo workbook for 2023
DEMO_2023 = {
    "SP_OCOP": (1, 1), "SP_TIEM_NANG": (8, 7), "HO_SO_NOP": (2, 2), "CHU_THE_THAM_GIA": (6, 5),
    "TT_SO_BUOI": (36, 40), "TT_LUOT_NGUOI": (3000, 4086), "TT_KHOM": (4, 4), "TT_CHU_THE": (25, 20),
    "TH_LUOT_CAN_BO": (15, 12),
}


@cache
def demo_dataset() -> Dataset:
    """The demo workbook, read and normalised once per test process (nothing changes it)."""
    return normalise_workbook(read_xlsx(DEMO, kind="demo"))


def header(ws) -> list:
    return [cell.value for cell in ws[HEADER_ROW] if cell.value is not None]


def rows(ws) -> list[dict]:
    """The first table of a sheet as dicts, header -> cell, up to its first empty row."""
    names = header(ws)
    found = []
    for line in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=len(names)):
        if all(cell.value is None for cell in line):
            break
        found.append(dict(zip(names, line)))
    return found


def cover_items(ws) -> dict:
    return {row[0].value: row[1].value for row in ws.iter_rows(max_col=2) if row[0].value is not None}
