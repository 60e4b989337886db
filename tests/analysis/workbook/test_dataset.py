"""analysis/workbook/dataset.py: where and when a dataset was read, and its row accounting."""
from __future__ import annotations

import json
import pickle
from datetime import UTC, date, datetime

from analysis.workbook.dataset import RowCount, SourceInfo
from analysis.workbook.normalise import normalise, normalise_workbook

READ = datetime(2024, 2, 9, 18, 30, tzinfo=UTC)  # 01:30 on 10/02/2024 in Vietnam


class _Raw:  # the fields of data_sources.raw.RawWorkbook that normalise_workbook reads
    def __init__(self, read_at):
        self.tabs, self.kind, self.location, self.title, self.url = {}, "gsheet", "KEY", "OCOP", "https://x"
        self.read_at = read_at


def test_read_date_and_time_are_in_vietnam():
    source = SourceInfo("gsheet", "KEY", "OCOP", "https://x", READ)
    assert source.read_on() == date(2024, 2, 10)
    assert source.read_local().strftime("%H:%M %d/%m/%Y") == "01:30 10/02/2024"


def test_unknown_read_time():
    source = SourceInfo()
    assert source.read_local() is None
    assert source.read_on() is not None  # today, in Vietnam
    assert source.as_plain()["read_at"] is None


def test_sample_data_is_the_demo_kind():
    assert SourceInfo(kind="demo").is_sample
    assert not SourceInfo(kind="xlsx").is_sample and not SourceInfo().is_sample


def test_version_tells_two_reads_apart():
    first = SourceInfo("gsheet", "KEY", read_at=READ)
    assert first.version() == SourceInfo("gsheet", "KEY", title="other", read_at=READ).version()
    assert first.version() != SourceInfo("gsheet", "KEY", read_at=READ.replace(minute=31)).version()
    assert hash(first.version())  # the key of Streamlit's caches


def test_plain_forms_are_json_and_pickle_round_trip():
    source = SourceInfo("gsheet", "KEY", "OCOP", "https://x", READ)
    assert json.loads(json.dumps(source.as_plain())) == {"kind": "gsheet", "location": "KEY", "title": "OCOP",
                                                          "url": "https://x", "read_at": "2024-02-09T18:30:00+00:00"}
    assert pickle.loads(pickle.dumps(source)) == source
    assert RowCount(5, 3, 2).as_plain() == {"read": 5, "accepted": 3, "rejected": 2}
    assert RowCount() == RowCount(0, 0, 0)


def test_normalise_keeps_the_source_and_takes_a_naive_read_time_as_utc():
    ds = normalise_workbook(_Raw(datetime(2024, 2, 9, 18, 30)))
    assert ds.source == SourceInfo("gsheet", "KEY", "OCOP", "https://x", READ)
    assert normalise({}).source == SourceInfo()
