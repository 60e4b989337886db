"""data_sources/raw.py: the raw workbook every source returns, and the one error type of sources."""
from __future__ import annotations

from datetime import timedelta

from data_sources.raw import RawWorkbook, SourceError


def test_a_raw_workbook_is_stamped_with_an_aware_read_time():
    raw = RawWorkbook({"Khóm": [["Khóm"], ["Vĩnh Phú"]]}, "xlsx", "/tmp/x.xlsx")
    assert raw.read_at.utcoffset() == timedelta(0)
    assert raw.title == "" and raw.url is None


def test_source_error_carries_a_code_and_params_for_the_message():
    email = "sa@example.iam.gserviceaccount.com"
    error = SourceError("gsheet_forbidden", key="KEY", email=email)
    assert (error.code, error.params) == ("gsheet_forbidden", {"key": "KEY", "email": email})
    assert str(error).startswith("gsheet_forbidden")
