"""The same content read from an .xlsx and from a Google Sheet gives identical results."""
from __future__ import annotations

import pandas as pd

from analysis.metrics.indicators import indicators
from analysis.metrics.scope import Filters
from analysis.workbook.normalise import normalise_workbook
from data_sources.google_sheets import read_google_sheet

KEY = "1DemoWorkbookKeyForTheFakeSheetsApi000"


def test_demo_from_fake_sheet_equals_demo_from_xlsx(demo_raw, fake_sheets_api):
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP demo", locale="vi_VN")
    from_sheet = read_google_sheet(KEY, fake_sheets_api.service_account_info())
    assert len(fake_sheets_api.sheets_requests()) == 2

    a, b = normalise_workbook(demo_raw), normalise_workbook(from_sheet)
    assert a.accounting == b.accounting
    assert a.info == b.info
    for key, table in a.tables.items():
        pd.testing.assert_frame_equal(table, b.tables[key], check_dtype=True, obj=key)
    pd.testing.assert_frame_equal(a.issues.drop(columns="params"), b.issues.drop(columns="params"))
    for year in (2023, 2024):
        pd.testing.assert_frame_equal(indicators(a, Filters(year)), indicators(b, Filters(year)))


def test_sheet_source_keeps_its_link(demo_raw, fake_sheets_api):
    fake_sheets_api.add_spreadsheet(KEY, demo_raw.tabs, title="OCOP demo")
    ds = normalise_workbook(read_google_sheet(KEY, fake_sheets_api.service_account_info()))
    assert ds.source.kind == "gsheet"
    assert ds.source.url == f"https://docs.google.com/spreadsheets/d/{KEY}/edit"
