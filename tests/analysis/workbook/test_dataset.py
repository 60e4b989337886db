"""analysis/workbook/dataset.py: where and when a dataset was read, and its row accounting."""
from __future__ import annotations

import json
import pickle
from datetime import UTC, date, datetime

import pytest

from analysis.workbook.dataset import RowCount, SourceInfo, sheet_link
from analysis.workbook.normalise import normalise, normalise_workbook

READ = datetime(2024, 2, 9, 18, 30, tzinfo=UTC)  # 01:30 on 10/02/2024 in Vietnam
KEY = "1Mt7PAP53WxrZzHTL49wbg_EOQy18omB4PD2aJLMBs2o"
URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit"


class _Raw:  # the fields of data_sources.raw.RawWorkbook that normalise_workbook reads
    def __init__(self, read_at, url=URL):
        self.tabs, self.kind, self.location, self.title, self.url = {}, "gsheet", "KEY", "OCOP", url
        self.read_at = read_at


def test_read_date_and_time_are_in_vietnam():
    source = SourceInfo("gsheet", "KEY", "OCOP", URL, READ)
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
    source = SourceInfo("gsheet", "KEY", "OCOP", URL, READ)
    assert json.loads(json.dumps(source.as_plain())) == {"kind": "gsheet", "location": "KEY", "title": "OCOP",
                                                          "url": URL, "read_at": "2024-02-09T18:30:00+00:00"}
    assert pickle.loads(pickle.dumps(source)) == source
    assert RowCount(5, 3, 2).as_plain() == {"read": 5, "accepted": 3, "rejected": 2}
    assert RowCount() == RowCount(0, 0, 0)


def test_normalise_keeps_the_source_and_takes_a_naive_read_time_as_utc():
    ds = normalise_workbook(_Raw(datetime(2024, 2, 9, 18, 30)))
    assert ds.source == SourceInfo("gsheet", "KEY", "OCOP", URL, READ)
    assert normalise({}).source == SourceInfo()


BAD_LINKS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)//https://docs.google.com/spreadsheets/d/x/edit",
    f"https://docs.google.com.evil.example/spreadsheets/d/{KEY}/edit",
    f"https://evil.example/?https://docs.google.com/spreadsheets/d/{KEY}/edit",
    f"https://user@evil.example/docs.google.com/spreadsheets/d/{KEY}/edit",
    f"http://docs.google.com/spreadsheets/d/{KEY}/edit",
    f"//docs.google.com/spreadsheets/d/{KEY}/edit",
    "https://docs.google.com/spreadsheets/../x",
    f"https://docs.google.com/spreadsheets/d/{KEY}/../../../document/d/x",
    f"https://docs.google.com/spreadsheets/d/{KEY}/edit/../../x",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "https://docs.google.com/spreadsheets/d/short/edit",
    f"{URL}\n",
    f" {URL}",
    f"{URL}?x=<script>",
    "",
    42,
]


@pytest.mark.parametrize("url", BAD_LINKS)
def test_source_info_keeps_only_a_google_sheets_own_link(url):
    assert sheet_link(url) is None
    assert SourceInfo("gsheet", KEY, "OCOP", url, READ).url is None
    assert normalise_workbook(_Raw(READ, url)).source.url is None


@pytest.mark.parametrize("url", [URL, f"{URL}#gid=0", f"https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=123"])
def test_a_sheets_own_link_is_kept(url):
    assert sheet_link(url) == url
    assert SourceInfo("gsheet", KEY, url=url).url == url
    assert normalise_workbook(_Raw(READ, url)).source.url == url
    assert pickle.loads(pickle.dumps(SourceInfo(url=url))).url == url
