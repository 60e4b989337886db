"""Property-based tests of analysis.workbook.normalise.normalise on random raw workbooks.

Whatever a sheet holds (any cell type, NFD text, control characters, 50,000-character
cells, formulas as text, headers shuffled, dropped, repeated or misspelt, ragged and
blank rows, title rows above the header, tab names in any case or without
diacritics), normalise() must not raise and must account for every row:
read == accepted + rejected, accepted == rows in the table, and every issue's
reason is a catalogued `reason.<key>`.

Failing examples found here are kept as plain tests in test_normalise_regressions.py.
"""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.i18n.strings import CATALOGUE
from analysis.workbook import contract as c
from analysis.workbook.dataset import ROW
from analysis.workbook.normalise import normalise

# ---------------------------------------------------------------------------- cells

FORMULAS = ["=SUM(A1:A3)", '=HYPERLINK("http://x","Bấm vào")', "=1+1", "+1+1", "-2+3", "@SUM(1)",
            "=IMPORTRANGE(\"k\",\"A1\")", "#REF!", "#N/A", "#DIV/0!"]
# Values that real columns accept, in the forms officers type, so examples get past parsing too.
PLAUSIBLE = [
    "CT01", "ct02", "SP01", " SP02 ", "Khóm 1", "Khóm 2", "KHOM 1", "Toàn phường", "15/03/2023", "2023-03-15",
    "31/02/2023", "1.200", "72,5", "khoảng 50", "3 sao", "★★★", "Có", "không", "x", "Đã có", "Đang làm", "KAD",
    "SP_OCOP", "TT_LUOT_NGUOI", "2023", "2024", "CT01, CT02; CT09", "HTX", "Zalo", "Hoàn thành", "Nguyễn Văn An",
    "0912 345 678", 2023, 2024, 45000, 45000.75, 82.5, 3, 4, 0, -1, 1e300,
    *(v for vocab in c.VOCABULARIES.values() for v in vocab),
]


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


texts = st.one_of(
    st.text(max_size=20),  # any code points, control characters included
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12).map(_nfd),
    st.text(alphabet="\x00\x01\x07\x0b\x0c\x1b\x7f\t\n\r \u00a0\u200b\ufeff", max_size=6),
    st.sampled_from([p for p in PLAUSIBLE if isinstance(p, str)]).map(_nfd),
)
# About one cell in 60 is a 50,000-character string: present in most examples with
# many cells, without every example being huge.
huge = st.sampled_from(["x", "Đ", "=", "1", " ", "\x00", "ệ"]).map(lambda ch: ch * 50_000)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=-5, max_value=60_000),
    st.sampled_from([2**53 + 1, 2**63, 2**64, 10**20, 10**400, -(10**400)]),  # beyond Int64 / any float
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(),
    st.times(),
)
cells = st.integers(0, 59).flatmap(
    lambda n: huge if n == 0 else st.one_of(
        scalars, texts, st.sampled_from(FORMULAS), st.sampled_from(PLAUSIBLE), st.just(""),
    )
)
rows = st.lists(cells, max_size=12)  # ragged: any length, [] included


# ---------------------------------------------------------------------------- headers and titles


def _strip_diacritics(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
                   if not unicodedata.combining(ch))


def spellings(name: str) -> st.SearchStrategy[str]:
    """The ways an officer may type a tab title or a header."""
    return st.sampled_from([
        name, name.upper(), name.lower(), _nfd(name), _strip_diacritics(name), f"  {name} ",
        name.replace(" ", "  "), name + "\u200b", name + " (cũ)",
    ])


junk_headers = st.one_of(texts, st.sampled_from(["Cột 1", "STT", "Unnamed: 3", "Mã", "Tên", "Ghi chú 2"]),
                         st.integers(-3, 3), st.none())


@st.composite
def header_row(draw, tab: c.Tab) -> list:
    """The contract's headers (or keys), shuffled, some dropped, some repeated, junk among them."""
    columns = list(tab.columns)
    kept = draw(st.lists(st.sampled_from(columns), unique_by=lambda col: col.key, max_size=len(columns))
                if draw(st.booleans()) else st.permutations(columns))
    header: list = []
    for column in kept:
        header.append(draw(spellings(column.header)) if draw(st.integers(0, 5)) else column.key)
        if draw(st.integers(0, 9)) == 0:  # a repeated column
            header.append(draw(spellings(column.header)))
    for _ in range(draw(st.integers(0, 2))):
        header.insert(draw(st.integers(0, len(header))), draw(junk_headers))
    return header


@st.composite
def tab_rows(draw, tab: c.Tab) -> list[list]:
    if tab.key_value:  # Thông tin: item | value rows
        items = st.one_of(spellings("Tên đơn vị"), spellings("Năm kế hoạch"), st.sampled_from(list(c.INFO_KEYS)),
                          texts, st.none())
        body = draw(st.lists(st.one_of(st.tuples(items, cells).map(list), rows), max_size=8))
        return ([["Mục", "Giá trị"]] if draw(st.booleans()) else []) + body
    above = draw(st.lists(st.one_of(rows, st.just([]), st.tuples(texts).map(list)), max_size=11))
    header = [] if draw(st.integers(0, 15)) == 0 else [draw(header_row(tab))]
    body = draw(st.lists(st.one_of(rows, st.just([]), st.just([None, "", "  "])), max_size=15))
    return above + header + body


TITLE_JUNK = ["Sheet1", "Trang tính 2", "Hướng dẫn", "_Danh mục", "HUONG DAN", "Báo cáo"]


@st.composite
def workbooks(draw) -> dict[str, list[list]]:
    tabs: dict[str, list[list]] = {}
    for tab in draw(st.lists(st.sampled_from(c.TABS), unique_by=lambda t: t.key)):
        for _ in range(draw(st.sampled_from([1, 1, 1, 2]))):  # sometimes the same tab twice
            title = draw(st.one_of(spellings(tab.title), st.just(tab.key), st.just(tab.key.upper())))
            tabs[title] = draw(tab_rows(tab))
    for _ in range(draw(st.integers(0, 2))):
        tabs[draw(st.one_of(st.sampled_from(TITLE_JUNK), st.text(max_size=8)))] = draw(st.lists(rows, max_size=4))
    return tabs


# ---------------------------------------------------------------------------- properties


def check_invariants(tabs: dict[str, list[list]]) -> None:
    ds = normalise(tabs)
    assert set(ds.accounting) == {t.key for t in c.TABS}
    for key, counts in ds.accounting.items():
        assert counts.read == counts.accepted + counts.rejected, (key, counts)
        assert min(counts.as_plain().values()) >= 0, (key, counts)
        if key in ds.tables:
            assert counts.accepted == len(ds.tables[key]), (key, counts)
    for tab in c.TABS:
        if tab.key_value:
            continue
        table = ds.tables[tab.key]
        assert list(table.columns) == [col.key for col in tab.columns] + [ROW], tab.key
        assert table[ROW].notna().all()
    for reason in ds.issues["reason"]:
        assert f"reason.{reason}" in CATALOGUE, reason


# deadline=None: a 50,000-character cell or pandera's first call can take a while.
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


@FUZZ
@given(workbooks())
def test_any_workbook_is_read_and_accounted_for(tabs):
    check_invariants(tabs)


@settings(FUZZ, max_examples=80)
@given(tab=st.sampled_from([t for t in c.TABS if not t.key_value]), data=st.data())
def test_one_tab_with_its_full_header_and_random_rows(tab, data):
    """Every contract header present once, so rows reach the cell parsers."""
    header = [col.header for col in tab.columns]
    body = data.draw(st.lists(st.lists(cells, min_size=len(header), max_size=len(header) + 2), max_size=20))
    areas = [["Khóm"], ["Khóm 1"], ["Khóm 2"]]
    tabs = {tab.title: [header, *body]}
    check_invariants({"Khóm": areas, **tabs} if tab.key != "areas" else tabs)


@settings(FUZZ, max_examples=80)
@given(cell=cells, kind=st.sampled_from(sorted({col.kind for t in c.TABS for col in t.columns})))
def test_every_cell_kind_survives_any_cell(cell, kind):
    tab = next(t for t in c.TABS if not t.key_value and any(col.kind == kind for col in t.columns))
    header = [col.header for col in tab.columns]
    row = [cell if col.kind == kind else (col.header if col.required else None) for col in tab.columns]
    check_invariants({tab.title: [header, row, [cell] * len(header)], "Khóm": [["Khóm"], ["Khóm 1"]]})


def test_values_of_every_python_type_in_one_workbook():
    weird = [None, True, False, 0, -1, 2**80, 1.5, float("nan"), float("inf"), -float("inf"), "",
             "\x00", "x" * 50_000, date(1, 1, 1), datetime(9999, 12, 31, 23, 59), time(12, 0), "=SUM(A1:A3)"]
    tabs = {t.title: [[col.header for col in t.columns], weird, weird[::-1]] for t in c.TABS if not t.key_value}
    tabs["Thông tin"] = [[w, w] for w in weird]
    check_invariants(tabs)
