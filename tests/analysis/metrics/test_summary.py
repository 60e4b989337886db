"""analysis/metrics/summary.py: the JSON-ready summary the CLI prints, and the issues written out."""
from __future__ import annotations

import json

import pytest

from analysis.metrics.summary import issues_table, summary
from analysis.workbook.dataset import ERROR, NOTICE, WARNING
from tests.analysis.fixture_small import READ_AT, small_dataset


@pytest.fixture(scope="module")
def ds():
    return small_dataset()


def test_summary_is_plain_json(ds):
    out = summary(ds, 2023)
    assert json.loads(json.dumps(out)) == out  # no NaN, numpy or pandas values left
    assert out["year"] == 2023
    assert out["source"]["read_at"] == READ_AT


def test_summary_indicators_and_rows(ds):
    out = summary(ds, 2023)
    by_code = {row["code"]: row for row in out["indicators"]}
    assert by_code["SP_TIEM_NANG"]["target"] == 6 and by_code["TT_SO_BUOI"]["target"] == 24
    assert by_code["CHU_THE_THAM_GIA"]["target"] is None and by_code["CHU_THE_THAM_GIA"]["percent"] is None
    assert out["rows"]["outreach"] == {"read": 12, "accepted": 12, "rejected": 0}
    for counts in out["rows"].values():
        assert counts["read"] == counts["accepted"] + counts["rejected"]


def test_summary_in_english(ds):
    labels = {row["code"]: row["label"] for row in summary(ds, 2023, "en")["indicators"]}
    assert labels["SP_OCOP"] == "Products rated 3 stars or more"
    assert labels["TT_SO_BUOI"] == "Outreach activities"


def test_issues_errors_first_with_their_reasons_written_out(ds):
    table = issues_table(ds)
    order = {ERROR: 0, WARNING: 1, NOTICE: 2}
    ranks = [order[s] for s in table["severity"]]
    assert ranks == sorted(ranks)
    assert table["reason_text"].map(lambda text: isinstance(text, str) and len(text) > 5).all()
    unknown = table[table["reason"] == "unknown_producer"]
    assert not unknown.empty and unknown["reason_text"].str.contains("Chủ thể").all()
    english = issues_table(ds, "en")
    assert list(english["reason"]) == list(table["reason"]) and (english["reason_text"] != table["reason_text"]).any()
