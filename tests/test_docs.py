"""docs/WORKBOOK.md documents the workbook contract of analysis/workbook/contract.py, both ways.

In the spirit of datasette's tests/test_docs.py: documentation coverage enforced by a test. Every
tab, column, list value, accepted spelling, yes/no word, document status, Thông tin item and
indicator the code declares (the province registry's tab and list too) must be in the document, and
the document may name none the code lacks. Each item is its own parametrised case, so a failure names
it. The document's format is in its last section ("How this page is checked"): `### Tab` and `### List`
headings over their tables, the other tables found by their header row, spellings and words in
backticks. Only repository files are read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from analysis.i18n import strings
from analysis.workbook import cells
from analysis.workbook import contract as c
from analysis.workbook.text import fold_ascii

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "WORKBOOK.md"
DOC_NAME = "docs/WORKBOOK.md"

TICKED = re.compile(r"`([^`]+)`")
TAB_HEADING = re.compile(r"^### Tab `([^`]+)` \(`([^`]+)`\)\s*$")
LIST_HEADING = re.compile(r"^### List `([^`]+)`")
COLUMN_TABLE = ("header", "key", "kind", "required", "allowed values, notes")
LIST_TABLE = ("value", "English", "also accepted")
INFO_TABLE = ("item", "key", "meaning", "default")
YESNO_TABLE = ("meaning", "words")
STATUS_TABLE = ("status", "code", "English", "also accepted")
BANDS_TABLE = ("lowest score", "stars")
INDICATOR_TABLE = ("code", "Vietnamese", "English")  # then how actuals() computes it

# The words the document uses for each cell kind (the template's English kind names).
KIND_WORDS = {
    c.TEXT: "text", c.ID: "id", c.IDS: "list of ids", c.DATE: "date", c.NUMBER: "number",
    c.INTEGER: "whole number", c.YEAR: "year", c.YESNO: "yes/no", c.DOC_STATUS: "document status",
    c.STARS: "stars", c.VOCAB: "list", c.CODE: "indicator code", c.EMAILS: "list of e-mails",
}
AREA_LISTS = ("areas", "areas_or_ward")  # lists whose values are the Khóm tab's names
DOC_STATUSES = (c.DOC_DONE, c.DOC_IN_PROGRESS, c.DOC_MISSING, c.DOC_NA)


# --- parsing the document -------------------------------------------------------------------

@dataclass
class Table:
    heading: str  # the nearest heading above the table, as written (with its #s)
    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)


@cache
def doc_text() -> str:
    return DOC.read_text(encoding="utf-8") if DOC.is_file() else ""


@cache
def tables() -> tuple[Table, ...]:
    """Every markdown table of the document, with the heading it sits under."""
    found: list[Table] = []
    heading, current = "", None
    for line in doc_text().splitlines():
        if line.startswith("#"):
            heading, current = line.strip(), None
        elif line.startswith("|"):
            row = tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
            if current is None:
                current = Table(heading, row)
                found.append(current)
            elif not all(cell and set(cell) <= set("-: ") for cell in row):  # not the |---| line
                current.rows.append(row)
        else:
            current = None
    return tuple(found)


def ticked(cell: str) -> list[str]:
    return TICKED.findall(cell)


def table_with(header: tuple[str, ...]) -> Table:
    """The one table whose header row starts with `header`."""
    matches = [t for t in tables() if t.header[:len(header)] == header]
    assert len(matches) == 1, f"{DOC_NAME} needs exactly one table headed {' | '.join(header)}; found {len(matches)}"
    return matches[0]


@cache
def doc_tabs() -> dict[str, str]:
    """Tab title -> key, from the `### Tab` headings."""
    return {m[1]: m[2] for line in doc_text().splitlines() if (m := TAB_HEADING.match(line))}


@cache
def doc_columns() -> dict[tuple[str, str], dict[str, str]]:
    """(tab title, header) -> the row's cells by column name, from each tab's table."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for table in tables():
        if table.header == COLUMN_TABLE and (m := TAB_HEADING.match(table.heading)):
            for row in table.rows:
                found[(m[1], row[0])] = dict(zip(COLUMN_TABLE, row))
    return found


@cache
def doc_lists() -> dict[str, dict[str, tuple[str, ...]]]:
    """List name -> value -> its table row, from the `### List` sections (a list without a
    table, such as the Khóm tab's names, has no fixed values)."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for line in doc_text().splitlines():
        if m := LIST_HEADING.match(line):
            found.setdefault(m[1], {})
    for table in tables():
        if table.header == LIST_TABLE and (m := LIST_HEADING.match(table.heading)):
            found[m[1]] |= {row[0]: row for row in table.rows}
    return found


def accepted(name: str, value: str) -> tuple[str, ...]:
    """The spellings the document says are read as `value` of list `name`."""
    row = doc_lists().get(name, {}).get(value)
    return tuple(ticked(row[2])) if row else ()


def doc_yesno() -> dict[str, set[str]]:
    """yes/no -> its words, folded as the parser folds them."""
    return {row[0]: {fold_ascii(w) for w in ticked(row[1])} for row in table_with(YESNO_TABLE).rows}


def doc_statuses() -> dict[str, tuple[str, ...]]:
    """Document status code -> its table row."""
    return {ticked(row[1])[0]: row for row in table_with(STATUS_TABLE).rows if ticked(row[1])}


def doc_or_empty(function, *args):
    """Parsed items for parametrising; nothing (the test then reports why) when the document lacks them."""
    try:
        return list(function(*args))
    except AssertionError:
        return []


# --- what the code declares -------------------------------------------------------------------

ALL_TABS = (*c.TABS, c.REGISTRY_TAB)  # the province's registry: declared apart from a unit's tabs, documented alike
ALL_VOCABULARIES, ALL_ALIASES = c.VOCABULARIES | c.REGISTRY_VOCABULARIES, c.ALIASES | c.REGISTRY_ALIASES
CODE_COLUMNS = [(tab, column) for tab in ALL_TABS for column in tab.columns]
VOCAB_VALUES = [(name, value) for name, values in ALL_VOCABULARIES.items() for value in values]
VOCAB_ALIASES = [(name, alias, value) for name, aliases in ALL_ALIASES.items() for alias, value in aliases.items()]
DOC_STATUS_LABELS = {status: strings.t(f"doc_status.{status}", "vi") for status in DOC_STATUSES}
DOC_STATUS_WORDS = sorted({(status, word) for status, words in cells._DOC_WORDS.items() for word in words}
                          | {(status, label) for status, label in DOC_STATUS_LABELS.items()})
YESNO_WORDS = [("yes", w) for w in sorted(cells._YES)] + [("no", w) for w in sorted(cells._NO)]


def test_document_exists():
    assert DOC.is_file(), f"{DOC_NAME} is missing"


# --- tabs and columns: code -> document -------------------------------------------------------

@pytest.mark.parametrize("tab", ALL_TABS, ids=lambda tab: tab.key)
def test_tab_is_documented(tab):
    assert tab.title in doc_tabs(), f"tab {tab.title!r} has no '### Tab `{tab.title}` (`{tab.key}`)' in {DOC_NAME}"
    assert doc_tabs()[tab.title] == tab.key, f"tab {tab.title!r} is documented with key {doc_tabs()[tab.title]!r}"
    documented = [header for (title, header) in doc_columns() if title == tab.title]
    declared = [column.header for column in tab.columns]
    if set(documented) == set(declared):
        assert documented == declared, f"tab {tab.title!r}: columns documented in another order than the code's"


@pytest.mark.parametrize(("tab", "column"), CODE_COLUMNS, ids=[f"{t.key}.{col.key}" for t, col in CODE_COLUMNS])
def test_column_is_documented(tab, column):
    row = doc_columns().get((tab.title, column.header))
    assert row is not None, f"column {column.header!r} (`{column.key}`) of tab {tab.title!r} is not in {DOC_NAME}"
    where = f"{DOC_NAME}, tab {tab.title!r}, column {column.header!r}"
    assert ticked(row["key"]) == [column.key], f"{where}: key should be `{column.key}`"
    assert row["kind"] == KIND_WORDS[column.kind], f"{where}: kind should be {KIND_WORDS[column.kind]!r}"
    required = row["required"].split(",")[0].strip()
    assert required == ("yes" if column.required else "no"), f"{where}: required should be {column.required}"
    assert ("row key" in row["required"]) == (column.key in tab.key_columns), f"{where}: row key is wrong"
    notes = row["allowed values, notes"]
    lists = re.findall(r"\blist `([^`]+)`", notes)
    assert lists == ([column.vocab] if column.kind == c.VOCAB else []), f"{where}: should name list `{column.vocab}`"
    assert documented_range(notes) == (column.low, column.high), f"{where}: range should be {column.low}–{column.high}"
    if column.kind == c.DOC_STATUS:
        kind = "required document" if column.key in c.REQUIRED_DOCUMENTS else "supporting document"
        assert kind in notes, f"{where}: should say {kind!r}"
    if tab is c.REGISTRY_TAB and column.key == "code":  # the code goes into a link: its limit is the contract's
        assert f"at most {c.UNIT_CODE_MAX_LENGTH} characters" in notes, f"{where}: should give the longest code"


def documented_range(notes: str) -> tuple[float | None, float | None]:
    if m := re.search(r"\brange (\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)", notes):
        return float(m[1]), float(m[2])
    if m := re.search(r"\brange ≥ (\d+(?:\.\d+)?)", notes):
        return float(m[1]), None
    return None, None


def test_every_kind_has_a_word():
    assert {column.kind for _, column in CODE_COLUMNS} <= set(KIND_WORDS)


# --- tabs and columns: document -> code -------------------------------------------------------

@pytest.mark.parametrize("title", sorted(doc_tabs()), ids=fold_ascii)
def test_documented_tab_exists(title):
    assert title in {tab.title for tab in ALL_TABS}, f"{DOC_NAME} documents a tab {title!r} the code does not have"


@pytest.mark.parametrize(("title", "header"), sorted(doc_columns()), ids=lambda v: fold_ascii(v))
def test_documented_column_exists(title, header):
    declared = {(tab.title, column.header) for tab, column in CODE_COLUMNS}
    assert (title, header) in declared, f"{DOC_NAME} documents a column {header!r} in tab {title!r} the code lacks"


def test_tables_sit_under_their_headings():
    """A tab's or a list's table under any other heading would be read by no test."""
    for table in tables():
        if table.header == COLUMN_TABLE:
            assert TAB_HEADING.match(table.heading), f"{DOC_NAME}: column table under {table.heading!r}"
        if table.header == LIST_TABLE:
            assert LIST_HEADING.match(table.heading), f"{DOC_NAME}: list table under {table.heading!r}"


def test_tab_mentions_exist():
    """In prose, "the `X` tab" names a tab."""
    titles = {tab.title for tab in ALL_TABS} | set(c.IGNORED_TABS)
    unknown = set(re.findall(r"`([^`]+)` tabs?\b", doc_text())) - titles
    assert not unknown, f"{DOC_NAME} mentions tabs the code does not have: {sorted(unknown)}"


def test_column_mentions_exist():
    """In prose, "the column `X`" (or "the `X` column") names a header."""
    found = re.findall(r"\bcolumns? `([^`]+)`|`([^`]+)` columns?\b", doc_text())
    unknown = {name for pair in found for name in pair if name} - {column.header for _, column in CODE_COLUMNS}
    assert not unknown, f"{DOC_NAME} mentions columns the code does not have: {sorted(unknown)}"


@pytest.mark.parametrize("title", c.IGNORED_TABS, ids=fold_ascii)
def test_ignored_tab_is_documented(title):
    assert f"`{title}`" in doc_text(), f"the skipped tab {title!r} is not mentioned in {DOC_NAME}"


# --- lists ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "value"), VOCAB_VALUES, ids=[f"{n}={fold_ascii(v)}" for n, v in VOCAB_VALUES])
def test_list_value_is_documented(name, value):
    assert value in doc_lists().get(name, {}), f"list `{name}`: value {value!r} is not in {DOC_NAME}"


@pytest.mark.parametrize(("name", "alias", "value"), VOCAB_ALIASES,
                         ids=[f"{n}={fold_ascii(a)}" for n, a, _ in VOCAB_ALIASES])
def test_list_alias_is_documented(name, alias, value):
    assert alias in accepted(name, value), f"list `{name}`: {alias!r} (read as {value!r}) is not in {DOC_NAME}"


def test_whole_ward_is_documented():
    documented = list(doc_lists().get("areas_or_ward", {}))
    assert documented == [c.WHOLE_WARD], f"{DOC_NAME}: list `areas_or_ward` should hold {c.WHOLE_WARD!r}"
    assert accepted("areas_or_ward", c.WHOLE_WARD) == c.WHOLE_WARD_ALIASES, f"{c.WHOLE_WARD!r}: spellings differ"


@pytest.mark.parametrize("name", [*ALL_VOCABULARIES, *AREA_LISTS])
def test_list_has_a_section(name):
    assert name in doc_lists(), f"{DOC_NAME} has no '### List `{name}`' section"


DOC_LIST_VALUES = [(name, value) for name, values in doc_lists().items() for value in values]


@pytest.mark.parametrize(("name", "value"), DOC_LIST_VALUES, ids=[f"{n}={fold_ascii(v)}" for n, v in DOC_LIST_VALUES])
def test_documented_list_value_exists(name, value):
    if name == "areas_or_ward":
        return  # test_whole_ward_is_documented
    assert name in ALL_VOCABULARIES, f"{DOC_NAME} documents a list `{name}` the code does not have"
    assert value in ALL_VOCABULARIES[name], f"{DOC_NAME}: list `{name}` has no value {value!r} in the code"
    aliases = ALL_ALIASES.get(name, {})
    wrong = [a for a in accepted(name, value) if aliases.get(a) != value]
    assert not wrong, f"{DOC_NAME}: list `{name}`: the code does not read {wrong} as {value!r}"


@pytest.mark.parametrize(("stage", "code"), c.STAGE_CODES.items(), ids=list(c.STAGE_CODES.values()))
def test_stage_english_name_is_the_dashboards(stage, code):
    row = doc_lists().get("stage", {}).get(stage)
    english = strings.t(f"stage.{code}", "en")
    assert row is not None and row[1] == english, f"stage {stage!r}: {DOC_NAME} should call it {english!r}"


# --- yes/no words and document statuses -------------------------------------------------------

@pytest.mark.parametrize(("meaning", "word"), YESNO_WORDS, ids=[f"{m}={w}" for m, w in YESNO_WORDS])
def test_yesno_word_is_documented(meaning, word):
    assert word in doc_yesno().get(meaning, set()), f"yes/no: {word!r} ({meaning}) is not in {DOC_NAME}"


DOC_YESNO_WORDS = sorted((m, w) for m, words in doc_or_empty(lambda: doc_yesno().items()) for w in words)


@pytest.mark.parametrize(("meaning", "word"), DOC_YESNO_WORDS, ids=[f"{m}={w}" for m, w in DOC_YESNO_WORDS])
def test_documented_yesno_word_exists(meaning, word):
    assert word in {"yes": cells._YES, "no": cells._NO}.get(meaning, set()), \
        f"{DOC_NAME}: the code does not read {word!r} as {meaning!r}"


@pytest.mark.parametrize(("status", "word"), DOC_STATUS_WORDS,
                         ids=[f"{s}={fold_ascii(w)}" for s, w in DOC_STATUS_WORDS])
def test_document_status_word_is_documented(status, word):
    row = doc_statuses().get(status)
    documented = {fold_ascii(w) for w in ticked(row[3]) + [row[0]]} if row else set()
    assert fold_ascii(word) in documented, f"document status `{status}`: {word!r} is not in {DOC_NAME}"


def test_document_statuses_match():
    rows = doc_statuses()
    assert sorted(rows) == sorted(DOC_STATUSES), f"{DOC_NAME}: document status codes differ from the code's"
    for status, row in rows.items():
        label = DOC_STATUS_LABELS[status]
        assert row[0] == label, f"document status `{status}` should read {label!r}"
        assert row[2] == strings.t(f"doc_status.{status}", "en"), f"document status `{status}`: English name differs"
        code_words = {fold_ascii(w) for w in (*cells._DOC_WORDS[status], label)}
        extra = {w for w in ticked(row[3]) if fold_ascii(w) not in code_words}
        assert not extra, f"{DOC_NAME}: the code does not read {sorted(extra)} as `{status}`"


# --- Thông tin, stars, certificates -------------------------------------------------------------

@pytest.mark.parametrize("item", c.INFO_KEYS, ids=fold_ascii)
def test_info_item_is_documented(item):
    rows = {row[0]: row for row in table_with(INFO_TABLE).rows}
    assert item in rows, f"Thông tin item {item!r} is not in {DOC_NAME}"
    key = c.INFO_KEYS[item]
    assert ticked(rows[item][1]) == [key], f"Thông tin item {item!r}: key should be `{key}`"
    default = c.DEFAULT_INFO[key]
    expected = "none" if default is None else (default or "empty")
    assert rows[item][3] == str(expected), f"Thông tin item {item!r}: default should be {expected!r}"


@pytest.mark.parametrize("item", [row[0] for row in doc_or_empty(lambda: table_with(INFO_TABLE).rows)], ids=fold_ascii)
def test_documented_info_item_exists(item):
    assert item in c.INFO_KEYS, f"{DOC_NAME} documents a Thông tin item {item!r} the code does not have"


def test_star_bands_and_certificates():
    bands = tuple((int(row[0]), int(row[1])) for row in table_with(BANDS_TABLE).rows)
    assert bands == c.STAR_BANDS, f"{DOC_NAME}: star bands {bands} differ from the code's {c.STAR_BANDS}"
    assert f"**{c.MIN_CERTIFIED_STARS} stars or more**" in doc_text(), f"{DOC_NAME}: certified stars differ"
    assert f"**{c.CERTIFICATE_MONTHS} months**" in doc_text(), f"{DOC_NAME}: certificate months differ"


# --- indicators --------------------------------------------------------------------------------

def doc_indicators() -> dict[str, tuple[str, ...]]:
    return {ticked(row[0])[0]: row for row in table_with(INDICATOR_TABLE).rows if ticked(row[0])}


@pytest.mark.parametrize("code", c.INDICATOR_CODES)
def test_indicator_is_documented(code):
    row = doc_indicators().get(code)
    assert row is not None, f"indicator `{code}` is not in the indicators table of {DOC_NAME}"
    assert row[1] == strings.t(f"indicator.{code}", "vi"), f"indicator `{code}`: Vietnamese name differs"
    assert row[2] == strings.t(f"indicator.{code}", "en"), f"indicator `{code}`: English name differs"
    assert len(row) > 3 and row[3], f"indicator `{code}`: how it is computed is not written"


@pytest.mark.parametrize("code", sorted(set(re.findall(r"`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`", doc_text()))))
def test_documented_indicator_exists(code):
    assert code in c.INDICATOR_CODES, f"{DOC_NAME} names an indicator `{code}` the code does not have"


def test_indicator_formulas_name_real_columns():
    keys = {column.key for tab in c.TABS for column in tab.columns}  # indicators never read the registry
    named = {name for row in doc_indicators().values() for name in ticked(row[3]) if re.fullmatch(r"[a-z_]+", name)}
    assert named <= keys, f"{DOC_NAME}: indicator formulas name unknown columns {sorted(named - keys)}"


# --- the document stands on its own ----------------------------------------------------------

def test_document_refers_only_to_the_repository():
    text = doc_text()
    for outside in ("shared/", "/work/", "DOMAIN.md", "seed/"):
        assert outside not in text, f"{DOC_NAME} refers to {outside!r}, outside the repository"
    for path in re.findall(r"`([\w./-]+/[\w.-]+\.(?:py|md))`", text):
        assert (ROOT / path).is_file(), f"{DOC_NAME} names {path}, which does not exist"


def test_links_within_the_document_resolve():
    anchors = {re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
               for line in doc_text().splitlines() if line.startswith("#")}
    links = set(re.findall(r"\]\(#([^)]+)\)", doc_text()))
    assert links <= anchors, f"{DOC_NAME}: links to missing sections {sorted(links - anchors)}"
