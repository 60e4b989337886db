"""Contract 1.1: a list cell with one id per line (Alt+Enter) is two ids, through both sources.

The .xlsx is written with openpyxl and read by data_sources.excel.read_xlsx; the Google Sheet is
served by the local fake (tests/fakes/sheets_api.py) and read with the real gspread client.
"""
from __future__ import annotations

import copy

import pytest
from openpyxl import Workbook

from analysis.workbook.normalise import normalise_workbook
from data_sources.excel import read_xlsx
from data_sources.google_sheets import read_google_sheet
from tests.analysis.workbook.raw_books import BASE
from tests.fakes.sheets_api import FakeSheetsAPI  # the fixture comes from tests/conftest.py

KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
BREAKS = ["CT01\nCT02", "CT01\r\nCT02"]


def _book(cell: str) -> dict[str, list[list]]:
    """The reading tests' clean workbook, its last outreach row reaching `cell`."""
    wb = copy.deepcopy(BASE)
    wb["Tuyên truyền"][-1][-1] = cell
    return wb


def _reached(dataset) -> tuple[str, ...]:
    outreach = dataset.tables["outreach"]
    assert dataset.issues[dataset.issues["tab"] == "Tuyên truyền"].empty, dataset.issues.to_string()
    return outreach["producers_reached"].iloc[-1]


@pytest.mark.parametrize("cell", BREAKS)
def test_xlsx_list_cell_with_one_id_per_line(tmp_path, cell: str) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in _book(cell).items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "ocop.xlsx"
    workbook.save(path)
    raw = read_xlsx(path)
    assert "\n" in raw.tabs["Tuyên truyền"][-1][-1]  # the line break is kept in the cell
    assert tuple(_reached(normalise_workbook(raw))) == ("CT01", "CT02")


@pytest.mark.usefixtures("single_attempt")
@pytest.mark.parametrize("cell", BREAKS)
def test_google_sheet_list_cell_with_one_id_per_line(fake_sheets_api: FakeSheetsAPI, creds: dict,
                                                      cell: str) -> None:
    fake_sheets_api.add_spreadsheet(KEY, _book(cell), title="OCOP")
    raw = read_google_sheet(KEY, creds)
    assert raw.tabs["Tuyên truyền"][-1][-1] == cell  # the API gives the text as typed
    assert tuple(_reached(normalise_workbook(raw))) == ("CT01", "CT02")
