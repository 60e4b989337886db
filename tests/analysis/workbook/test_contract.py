"""analysis/workbook/contract.py: the declaration is consistent with itself (docs/WORKBOOK.md is checked
against it by tests/test_docs.py)."""
from __future__ import annotations

import pytest

from analysis.workbook import contract as c
from analysis.workbook.cells import PARSERS
from analysis.workbook.text import fold


@pytest.mark.parametrize("tab", c.TABS, ids=lambda t: t.key)
def test_every_tab_is_well_formed(tab):
    keys = [col.key for col in tab.columns]
    assert len(keys) == len(set(keys)), "column keys repeat"
    assert len({fold(col.header) for col in tab.columns}) == len(keys), "two headers read as one"
    assert set(tab.key_columns) <= set(keys)
    for col in tab.columns:
        assert col.kind in PARSERS or col.kind == c.VOCAB, col.key  # every kind has its parser
        if col.kind == c.VOCAB:
            assert col.vocab in c.VOCABULARIES or col.vocab in ("areas", "areas_or_ward"), col.key
        if col.low is not None and col.high is not None:
            assert col.low <= col.high


def test_tabs_by_key_and_titles_are_unique():
    assert list(c.TABS_BY_KEY) == [t.key for t in c.TABS]
    assert len({fold(t.title) for t in c.TABS}) == len(c.TABS)
    assert not {fold(t) for t in c.IGNORED_TABS} & {fold(t.title) for t in c.TABS}


def test_stages():
    assert c.CYCLE_STAGES + (c.DROPPED_OUT,) == c.STAGES
    assert set(c.PARTICIPATING_STAGES) < set(c.CYCLE_STAGES)
    assert list(c.STAGE_CODES) == list(c.STAGES) and len(set(c.STAGE_CODES.values())) == len(c.STAGES)


def test_aliases_point_at_canonical_values():
    for vocab, aliases in c.ALIASES.items():
        assert set(aliases.values()) <= set(c.VOCABULARIES[vocab]), vocab


def test_star_bands_run_down_to_zero():
    lows = [low for low, _ in c.STAR_BANDS]
    assert lows == sorted(lows, reverse=True) and lows[-1] == 0
    assert [stars for _, stars in c.STAR_BANDS] == [5, 4, 3, 2, 1]


def test_documents_and_indicators():
    assert set(c.REQUIRED_DOCUMENTS).isdisjoint(c.SUPPORTING_DOCUMENTS)
    assert c.DOCUMENTS == c.REQUIRED_DOCUMENTS + c.SUPPORTING_DOCUMENTS
    dossier_keys = {col.key for col in c.TABS_BY_KEY["dossiers"].columns}
    assert set(c.DOCUMENTS) <= dossier_keys
    assert len(set(c.INDICATOR_CODES)) == len(c.INDICATOR_CODES)


def test_column_builders_and_lookups():
    assert c._c("k", "Tiêu đề") == c.Column("k", "Tiêu đề", c.TEXT, False, None, None, None)
    assert c._c("k", "H", c.DATE, True, low=1, high=2, vocab="stage") == c.Column("k", "H", c.DATE, True, "stage", 1, 2)
    assert c._doc("form", "Phiếu") == c.Column("form", "Phiếu", c.DOC_STATUS, False)
    producers = c.TABS_BY_KEY["producers"]
    assert producers.column("name").key == "name" and producers.column("producer_id") is producers.columns[0]
    with pytest.raises(StopIteration):
        producers.column("no such key")
    assert producers.required_columns == tuple(col for col in producers.columns if col.required)
    assert {col.key for col in producers.required_columns} == {"producer_id", "name"}
    assert c.Tab("t", "T", (c.Column("a", "A"), c.Column("b", "B", required=True))).required_columns == (
        c.Column("b", "B", required=True),)
