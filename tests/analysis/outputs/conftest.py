"""The demo dataset and its 2023 report, shared by the report tests (read once per module)."""
from __future__ import annotations

import io

import openpyxl
import pytest

from analysis.outputs.report import report_bytes
from tests.analysis.outputs.report_fixture import TODAY, demo_dataset


@pytest.fixture(scope="module")
def ds():
    return demo_dataset()


@pytest.fixture(scope="module")
def book(ds) -> openpyxl.Workbook:
    """The demo report for 2023, saved and read back as a recipient's spreadsheet program would."""
    return openpyxl.load_workbook(io.BytesIO(report_bytes(ds, 2023, TODAY)))
