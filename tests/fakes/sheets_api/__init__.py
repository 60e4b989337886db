"""A local fake of the Google Sheets API v4, at the HTTP level.

It answers the same URLs as https://sheets.googleapis.com with bodies shaped like
the real responses recorded in tests/fakes/recorded/ (tests/fakes/test_recorded_shapes.py
holds it to them), so the real gspread client and google-auth run unmodified against it.
Point the code at it with the environment variable OCOP_SHEETS_API_ENDPOINT=<fake.endpoint>
and service-account credentials whose token_uri is <fake.token_uri>.

    with FakeSheetsAPI() as api:
        api.add_spreadsheet("k" * 44, {"Tab 1": [["a", 1], [date(2023, 3, 15)]]})
        api.fail_next(status=503)          # the next Sheets request answers 503
        ...
        assert api.count("batchGet") == 1

Served (see the @route handlers): POST /token, GET /v4/spreadsheets/{key},
GET .../values:batchGet, GET .../values/{range}, POST .../values/{range}:append,
POST /v4/spreadsheets/{key}:batchUpdate (addSheet, updateSheetProperties, repeatCell,
setDataValidation, updateCells; anything else recorded and answered {}),
POST .../values:batchUpdate, and Drive's GET /drive/v3/files (drive.py: the spreadsheets the service
account can see, with their modifiedTime; touch(), set_time() and advance_time() move the fake's clock), and
docs.google.com's anonymous GET /docs/spreadsheets/d/{key}/export (export.py: the .xlsx of a spreadsheet added
with public=True, else a 302 to the sign-in page). Writing needs an editor: a spreadsheet added with
read_only=True (shared as Viewer) answers every write with 403, like Google.
The fake stores formulas as their text and computes nothing.

Where things are: server.py (HTTP plumbing, routing, token and metadata), spreadsheets.py
(the state), values.py, batch_update.py, drive.py and export.py (the other endpoints), faults.py (fault
injection), cells.py (rendering cells, A1 ranges), errors.py (Google's error bodies).
Add an endpoint by writing a method decorated with @route(method, regex, kind) (routes.py)
in one of FakeSheetsAPI's classes.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.sheets_api.cells import col_letter, parse_cells, quote_title, render_cell, split_range, to_serial
from tests.fakes.sheets_api.errors import google_error_body
from tests.fakes.sheets_api.routes import FakeRequest
from tests.fakes.sheets_api.server import ENDPOINT_ENV, FAKE_TOKEN, JWT_GRANT_TYPE, FakeSheetsAPI
from tests.fakes.sheets_api.spreadsheets import FakeSpreadsheet, FakeTab

__all__ = ["ENDPOINT_ENV", "FAKE_TOKEN", "JWT_GRANT_TYPE", "FakeRequest", "FakeSheetsAPI", "FakeSpreadsheet",
           "FakeTab", "col_letter", "fake_sheets_api", "google_error_body", "parse_cells", "quote_title",
           "render_cell", "split_range", "to_serial"]


@pytest.fixture
def fake_sheets_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSheetsAPI]:
    """A running fake, with OCOP_SHEETS_API_ENDPOINT pointing at it for the test.

    tests/conftest.py imports it for every test module (`from tests.fakes.sheets_api import fake_sheets_api`):
    take `fake_sheets_api` as an argument; credentials: `fake_sheets_api.service_account_info()`.
    """
    with FakeSheetsAPI() as api:
        monkeypatch.setenv(ENDPOINT_ENV, api.endpoint)
        yield api
