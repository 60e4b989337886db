"""Fixtures of the Google Sheets tests: credentials the local fake accepts, and one attempt per read."""
from __future__ import annotations

import pytest

from tests.fakes.sheets_api import FakeSheetsAPI


@pytest.fixture
def creds(fake_sheets_api: FakeSheetsAPI) -> dict:
    return fake_sheets_api.service_account_info()


@pytest.fixture
def single_attempt(monkeypatch: pytest.MonkeyPatch) -> None:
    """One attempt per read (no retries): for modules that test one request's outcome; retries and
    fallbacks are tests/data_sources/test_resilient.py's."""
    monkeypatch.setenv("OCOP_RETRY_BUDGET", "0")
