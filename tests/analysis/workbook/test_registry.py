"""analysis/workbook/registry.py: the province's tab Đơn vị, read by the rules of every other tab."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.cells import PARSERS
from analysis.workbook.dataset import ERROR, ISSUE_COLUMNS, NOTICE, ROW, WARNING, RowCount
from analysis.workbook.registry import UNIT_COLUMNS, parse_officers, read_registry
from analysis.workbook.text import fold

HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại", "Nguồn dữ liệu", "Cán bộ phụ trách"]
SHEET = "https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEfG/edit"


def registry(*rows, title="Đơn vị", header=HEADER, above=()):
    return read_registry({title: [*above, header, *rows]})


def issues(reg, reason=None):
    frame = reg.issues
    return frame if reason is None else frame[frame["reason"] == reason]


def only(reg, reason):
    found = issues(reg, reason)
    assert len(found) == 1, reg.issues.to_string()
    return found.iloc[0]


def balanced(reg):
    count = reg.accounting
    assert count.read == count.accepted + count.rejected
    assert count.accepted == len(reg.units)
    return count


# --- the declaration -----------------------------------------------------------------------------

def test_the_registry_is_declared_apart_from_a_units_tabs():
    assert c.REGISTRY_TAB not in c.TABS and c.REGISTRY_TAB.key not in c.TABS_BY_KEY
    assert fold(c.REGISTRY_TAB.title) not in {fold(t.title) for t in c.TABS}
    assert c.REGISTRY_TAB.key_columns == ("code",) and c.REGISTRY_TAB.unique
    assert [col.header for col in c.REGISTRY_TAB.required_columns] == ["Mã đơn vị", "Tên đơn vị", "Nguồn dữ liệu"]
    assert c.UNIT_KINDS == ("Xã", "Phường", "Đặc khu")
    assert not set(c.REGISTRY_VOCABULARIES) & set(c.VOCABULARIES)  # a unit's template gets no dropdown for it


def test_the_declaration_is_well_formed():
    tab = c.REGISTRY_TAB
    keys = [col.key for col in tab.columns]
    assert len(set(keys)) == len(keys) and len({fold(col.header) for col in tab.columns}) == len(keys)
    for col in tab.columns:
        assert col.kind in PARSERS or col.kind in (c.VOCAB, c.EMAILS), col.key
        if col.kind == c.VOCAB:
            assert col.vocab in c.REGISTRY_VOCABULARIES
        # read with TabReader's range check switched off: a declared range would be ignored
        assert col.low is None and col.high is None, col.key
    for name, aliases in c.REGISTRY_ALIASES.items():
        assert set(aliases.values()) <= set(c.REGISTRY_VOCABULARIES[name])


def test_every_reason_has_both_languages():
    for reason in ("registry_tab_missing", "unit_code_invalid", "email_invalid"):
        vi, en = strings.CATALOGUE[f"reason.{reason}"]
        assert vi and en
    assert "40" in strings.t("reason.unit_code_invalid", "en", max=c.UNIT_CODE_MAX_LENGTH)


# --- a clean registry ----------------------------------------------------------------------------

def test_a_clean_registry():
    reg = registry(["30316", "Phường Vĩnh Hòa Đông", "Phường", SHEET, "an@chaudoc.gov.vn"],
                   ["30319", "Xã Vĩnh Tế", "Xã", "data/vinh_te.xlsx", None])
    assert reg.issues.empty, reg.issues.to_string()
    assert list(reg.units.columns) == UNIT_COLUMNS == ["code", "name", "kind", "source", "officers", ROW]
    assert reg.units.to_dict("records") == [
        {"code": "30316", "name": "Phường Vĩnh Hòa Đông", "kind": "Phường", "source": SHEET,
         "officers": ("an@chaudoc.gov.vn",), ROW: 2},
        {"code": "30319", "name": "Xã Vĩnh Tế", "kind": "Xã", "source": "data/vinh_te.xlsx", "officers": (), ROW: 3},
    ]
    assert reg.accounting == RowCount(2, 2, 0)
    assert list(reg.issues.columns) == ISSUE_COLUMNS
    assert all(reg.units[key].dtype == object for key in ("code", "name", "kind", "source", "officers"))


# --- tolerant tab title and header ---------------------------------------------------------------

@pytest.mark.parametrize("title", ["DON VI", "Đơn vị ", "đơn  VỊ", "units"])
def test_the_tab_title_is_found_tolerantly(title):
    reg = read_registry({"Hướng dẫn": [["x"]], title: [HEADER, ["1", "A", "Xã", "k"]]})
    assert list(reg.units["code"]) == ["1"] and reg.issues.empty, reg.issues.to_string()


def test_messy_headers_under_title_rows():
    header = ["  ma don vi", "TÊN ĐƠN VỊ", "loai", "nguon du lieu", "CÁN BỘ PHỤ TRÁCH ", "Ghi chú", None]
    above = [["DANH SÁCH ĐƠN VỊ TỈNH AN GIANG"], [], ["Cập nhật 01/07/2025"]]
    reg = registry(["30316", "Phường A", "phuong", "k", "a@b.vn"], ["30317", "B", "xa", "k", None, None, "lạc"],
                   title="DON VI", header=header, above=above)
    assert list(reg.units["code"]) == ["30316", "30317"]
    assert list(reg.units[ROW]) == [5, 6]  # the sheet's own row numbers
    assert list(reg.units["kind"]) == ["Phường", "Xã"]
    extra = only(reg, "column_extra")
    assert (extra["tab"], extra["row"], extra["column"], extra["severity"]) == ("DON VI", 4, "Ghi chú", NOTICE)
    unnamed = only(reg, "column_unnamed")
    assert (unnamed["column"], unnamed["severity"]) == ("G", NOTICE)
    assert reg.accounting == RowCount(2, 2, 0)


def test_a_missing_required_column_rejects_every_row():
    reg = registry(["1", "A", "Xã"], ["2", "B", "Phường"], header=["Mã đơn vị", "Tên đơn vị", "Loại"])
    issue = only(reg, "columns_missing")
    assert issue["severity"] == ERROR and issue["params"] == {"columns": "Nguồn dữ liệu"}
    assert reg.units.empty and list(reg.units.columns) == UNIT_COLUMNS
    assert reg.accounting == RowCount(2, 0, 2)


def test_no_header_row_at_all():
    reg = read_registry({"Đơn vị": [["gì đó"], ["1", "A"]]})
    assert only(reg, "header_missing")["severity"] == ERROR
    assert reg.units.empty and balanced(reg).rejected == 2


# --- codes ---------------------------------------------------------------------------------------

def test_numeric_codes_read_as_their_digits():
    reg = registry([30316.0, "A", "Xã", "k"], [30317, "B", "Xã", "k"], ["ab-01", "C", "Xã", "k"])
    assert list(reg.units["code"]) == ["30316", "30317", "AB-01"]  # never 30316.0; ids are upper-cased
    assert reg.issues.empty


def test_repeated_codes_are_rejected_the_later_row():
    reg = registry(["30316", "A", "Xã", "k"], [30316.0, "A bis", "Xã", "k"], ["x1", "C", "Xã", "k"],
                   ["X1", "D", "Xã", "k"])
    assert list(reg.units["name"]) == ["A", "C"]
    repeated = issues(reg, "key_repeated")
    assert list(repeated["row"]) == [3, 5] and [p["first"] for p in repeated["params"]] == [2, 4]
    assert set(repeated["severity"]) == {ERROR} and set(repeated["column"]) == {"Mã đơn vị"}
    assert reg.accounting == RowCount(4, 2, 2)


@pytest.mark.parametrize("code", ["30 316", "a/b", "x?unit=1", "<b>1</b>", "=HYPERLINK(\"x\")", "..", ".hidden",
                                  "-1", "phường1", "1" * 41, "15/03/2023"])
def test_a_code_unsafe_in_a_url_rejects_the_row(code):
    reg = registry(["1", "Kept", "Xã", "k"], [code, "Bad", "Thị trấn", None, "nope"])
    issue = only(reg, "unit_code_invalid")
    assert (issue["row"], issue["column"], issue["value"], issue["severity"]) == (3, "Mã đơn vị", code, ERROR)
    assert issue["params"] == {"max": 40}
    # a rejected row carries only its error: no warning about its kind, source or e-mails
    assert list(reg.issues["reason"]) == ["unit_code_invalid"], reg.issues.to_string()
    assert list(reg.units["code"]) == ["1"] and reg.accounting == RowCount(2, 1, 1)


def test_the_longest_safe_code_is_kept():
    code = "A" + "b_.-9" * 7 + "xyzw"
    assert len(code) == 40
    assert list(registry([code, "A", "Xã", "k"]).units["code"]) == [code.upper()]


def test_a_date_cell_is_no_code():
    from datetime import date
    reg = registry([date(2025, 7, 1), "A", "Xã", "k"])
    assert only(reg, "unit_code_invalid")["value"] == "01/07/2025" and reg.units.empty


def test_blank_rows_and_blank_codes():
    reg = registry(["1", "A", "Xã", "k"], [], [None, "", "  "], [None, "No code", "Xã", "k"], ["2", "B", "Xã", "k"])
    assert list(reg.units[ROW]) == [2, 6]
    missing = only(reg, "key_missing")
    assert (missing["row"], missing["severity"]) == (5, ERROR)
    assert reg.accounting == RowCount(3, 2, 1)  # wholly blank rows are not read at all


# --- name, kind, source --------------------------------------------------------------------------

def test_unknown_kinds_are_a_warning_and_the_row_stays():
    reg = registry(["1", "A", "Thị trấn", "k"], ["2", "B", "QUẬN", "k"], ["3", "C", "dac khu", "k"],
                   ["4", "D", "Đặc khu hành chính", "k"], ["5", "E", None, "k"])
    assert list(reg.units["kind"]) == [None, None, "Đặc khu", "Đặc khu", None]
    vocab = issues(reg, "vocab")
    assert list(vocab["row"]) == [2, 3] and list(vocab["value"]) == ["Thị trấn", "QUẬN"]
    assert set(vocab["severity"]) == {WARNING} and set(vocab["column"]) == {"Loại"}
    assert reg.accounting == RowCount(5, 5, 0)


def test_a_blank_name_or_source_is_a_warning_and_the_row_stays():
    reg = registry(["1", None, "Xã", "k"], ["2", "B", "Xã", None])
    missing = issues(reg, "required_missing")
    assert list(zip(missing["row"], missing["column"])) == [(2, "Tên đơn vị"), (3, "Nguồn dữ liệu")]
    assert set(missing["severity"]) == {WARNING}
    assert reg.units["name"].tolist() == [None, "B"] and reg.units["source"].tolist() == ["k", None]
    assert reg.accounting == RowCount(2, 2, 0)


def test_hostile_names_and_sources_are_kept_as_plain_text():
    name = "**Xã** <script>alert(1)</script> =IMPORTRANGE(\"x\")"
    reg = registry(["1", name, "Xã", "  javascript:alert(1)\n"])
    assert reg.units.loc[0, "name"] == name and reg.units.loc[0, "source"] == "javascript:alert(1)"


# --- officers' e-mails ---------------------------------------------------------------------------

def test_several_emails_with_mixed_separators_and_a_bad_one():
    cell = ("An@ChauDoc.gov.vn; binh@chaudoc.gov.vn,\nmailto:CUONG@x.vn  khong-phai-email\tdung@y.com.vn;;"
            "an@chaudoc.gov.vn")
    reg = registry(["1", "A", "Xã", "k", cell])
    assert reg.units.loc[0, "officers"] == ("an@chaudoc.gov.vn", "binh@chaudoc.gov.vn", "cuong@x.vn", "dung@y.com.vn")
    issue = only(reg, "email_invalid")
    assert (issue["row"], issue["column"], issue["value"], issue["severity"]) == (
        2, "Cán bộ phụ trách", "khong-phai-email", WARNING)
    assert reg.accounting == RowCount(1, 1, 0)


@pytest.mark.parametrize(("cell", "kept", "dropped"), [
    ("Nguyễn Văn An <an@x.vn>", ("an@x.vn",), ()),  # a display name is not kept
    ('"An" <an@x.vn>, Bình <binh@x.vn>', ("an@x.vn", "binh@x.vn"), ()),
    ("an@x", (), ("an@x",)),
    ("an@@x.vn", (), ("an@@x.vn",)),
    ("an.@x.vn", (), ("an.@x.vn",)),
    ("mailto:an@x.vn?subject=hi", (), ("mailto:an@x.vn?subject=hi",)),
    ("[an](javascript:alert(1))", (), ("[an](javascript:alert(1))",)),
    ("аn@x.vn", (), ("аn@x.vn",)),  # a Cyrillic а looks like a Latin a
    ("an@x.vn <b>", ("an@x.vn",), ("b",)),
    ("", (), ()),
])
def test_officers_are_plain_addresses(cell, kept, dropped):
    assert parse_officers(cell) == (kept, dropped)


def test_a_cell_of_only_bad_entries_leaves_no_officer():
    reg = registry(["1", "A", "Xã", "k", "chưa có, TRUE"])
    assert reg.units.loc[0, "officers"] == ()
    assert only(reg, "email_invalid")["value"] == "chưa, có, TRUE"


# --- the tab missing, repeated, empty ------------------------------------------------------------

def test_a_workbook_without_the_tab():
    reg = read_registry({"Khóm": [["Khóm"], ["A"]], "Sheet1": []})
    assert reg.units.empty and list(reg.units.columns) == UNIT_COLUMNS
    assert reg.units[ROW].dtype.kind == "i" and reg.units["officers"].dtype == object
    issue = only(reg, "registry_tab_missing")
    assert (issue["tab"], issue["severity"]) == ("Đơn vị", ERROR) and pd.isna(issue["row"])
    assert len(reg.issues) == 1 and reg.accounting == RowCount()


def test_a_second_registry_tab_is_a_notice_and_the_first_is_read():
    reg = read_registry({"Đơn vị": [HEADER, ["1", "A", "Xã", "k"]], "DON VI": [HEADER, ["2", "B", "Xã", "k"]]})
    assert list(reg.units["code"]) == ["1"]
    issue = only(reg, "tab_duplicate")
    assert (issue["tab"], issue["severity"], issue["params"]) == ("DON VI", NOTICE, {"first": "Đơn vị"})


@pytest.mark.parametrize("rows", [[], None, [HEADER], [HEADER, [], [None, None]]])
def test_an_empty_tab(rows):
    reg = read_registry({"Đơn vị": rows})
    assert reg.units.empty and list(reg.units.columns) == UNIT_COLUMNS
    assert balanced(reg).read == 0


def test_accounting_balances_on_a_mixed_registry():
    reg = registry(["1", "A", "Xã", "k", "a@b.vn, x"], ["1", "dup", "Xã", "k"], ["bad code", "C", "Xã", "k"],
                   [None, "no code"], [], ["2", None, "Huyện", None, "nope"], ["3", "D", "Phường", "k"])
    count = balanced(reg)
    assert count == RowCount(6, 3, 3)
    rejected_rows = set(issues(reg)[issues(reg)["severity"] == ERROR]["row"])
    assert rejected_rows == {3, 4, 5} and not rejected_rows & set(reg.units[ROW])
