"""analysis/workbook/normalise.py: raw workbook (tab title -> rows) -> typed tables, issues, row accounting."""
from __future__ import annotations

import copy
import unicodedata
from datetime import date, datetime

import pandas as pd
import pytest

from analysis.i18n import strings
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, RowCount
from analysis.workbook.normalise import normalise


def nfd(text: str) -> str:
    out = unicodedata.normalize("NFD", text)
    assert out != text
    return out


# A small clean workbook; each test copies it and spoils one thing.
BASE: dict[str, list[list]] = {
    "Thông tin": [["Tên đơn vị", "Phường Thử"], ["Năm kế hoạch", 2023]],
    "Khóm": [["Khóm", "Số hộ"], ["Vĩnh Chánh 1", 100], ["Vĩnh Phú", 200]],
    "Chỉ tiêu": [["Năm", "Mã chỉ tiêu", "Chỉ tiêu"], [2023, "SP_OCOP", 1], [2023, "TT_SO_BUOI", 12]],
    "Chủ thể": [["Mã chủ thể", "Tên chủ thể", "Khóm", "Đăng ký kinh doanh"],
                ["CT01", "Cơ sở A", "Vĩnh Phú", "Có"], ["CT02", "Cơ sở B", "Vĩnh Chánh 1", "Không"]],
    "Sản phẩm": [["Mã sản phẩm", "Tên sản phẩm", "Mã chủ thể", "Điểm đánh giá", "Ngày rà soát"],
                 ["SP01", "Mắm", "CT01", 72, date(2023, 3, 1)],
                 ["SP02", "Bánh", "CT02", "55,5", "15/04/2023"]],
    "Hồ sơ": [["Mã sản phẩm", "Phiếu đăng ký", "Ngày nộp"], ["SP01", "Đã có", "01/08/2023"]],
    "Tuyên truyền": [["Ngày", "Hình thức", "Khóm", "Số người tham dự", "Chủ thể được tiếp cận"],
                     [datetime(2023, 3, 1), "Họp dân", "Vĩnh Phú", 40, "CT01"],
                     ["15/03/2023", "Hội nghị", "Toàn phường", "1.200", "CT01; ct02"]],
    "Tập huấn": [["Ngày", "Tên lớp tập huấn", "Người tham dự"], [date(2023, 6, 8), "Lớp OCOP", "An"]],
    "Nhiệm vụ": [["Đơn vị", "Nhiệm vụ", "Tình trạng"], ["KT-KH", "Rà soát sản phẩm", "Xong"]],
}


def book(**changes) -> dict[str, list[list]]:
    """BASE with tabs replaced (title=rows) or removed (title=None); keys are tab titles."""
    wb = copy.deepcopy(BASE)
    for title, rows in changes.items():
        title = title.replace("_", " ")
        if rows is None:
            del wb[title]
        else:
            wb[title] = rows
    return wb


def slim(title: str, rows: list[list]) -> dict[str, list[list]]:
    """Just the tab under test, with the tabs its cells refer to (Khóm, Chủ thể, Sản phẩm): fast."""
    wb = {t: copy.deepcopy(BASE[t]) for t in ("Khóm", "Chủ thể", "Sản phẩm")}
    wb[title] = rows
    return wb


def issues_of(ds, tab: str | None = None, reason: str | None = None) -> pd.DataFrame:
    issues = ds.issues
    if tab is not None:
        issues = issues[issues["tab"] == tab]
    if reason is not None:
        issues = issues[issues["reason"] == reason]
    return issues


def only_issue(ds, tab: str, reason: str) -> dict:
    found = issues_of(ds, tab, reason)
    assert len(found) == 1, ds.issues.to_string()
    return found.iloc[0].to_dict()


# --- the clean baseline ----------------------------------------------------------------------

def test_clean_workbook_reads_without_issues():
    ds = normalise(book())
    assert ds.issues.empty, ds.issues.to_string()
    assert {k: v.accepted for k, v in ds.accounting.items()} == {
        "info": 2, "areas": 2, "targets": 2, "producers": 2, "products": 2, "dossiers": 1,
        "outreach": 2, "training": 1, "tasks": 1}
    assert ds.info["ward_name"] == "Phường Thử" and ds.info["plan_year"] == 2023
    out = ds.tables["outreach"]
    assert list(out["attendees"]) == [40, 1200]
    assert list(out["held_on"]) == [pd.Timestamp(2023, 3, 1), pd.Timestamp(2023, 3, 15)]
    assert list(out["area"]) == ["Vĩnh Phú", c.WHOLE_WARD]
    assert list(out["producers_reached"]) == [("CT01",), ("CT01", "CT02")]
    assert list(ds.tables["products"]["score"]) == [72.0, 55.5]
    assert list(ds.tables["producers"]["registered"]) == [True, False]
    assert ds.tables["dossiers"].loc[0, "registration_form"] == c.DOC_DONE
    assert ds.tables["dossiers"].loc[0, "business_plan"] == c.DOC_MISSING  # missing optional column
    assert ds.tables["tasks"].loc[0, "status"] == "Hoàn thành"


def test_output_dtypes():
    ds = normalise(book())
    products, outreach, areas, targets = (ds.tables[k] for k in ("products", "outreach", "areas", "targets"))
    assert str(products["surveyed_on"].dtype) == "datetime64[ns]"
    assert str(products["certified_on"].dtype) == "datetime64[ns]"   # a missing column too
    assert str(outreach["held_on"].dtype) == "datetime64[ns]"
    assert str(products["score"].dtype) == "Float64"
    assert str(targets["target"].dtype) == "Float64"
    assert str(outreach["attendees"].dtype) == "Int64"
    assert str(areas["households"].dtype) == "Int64"
    assert str(targets["year"].dtype) == "Int64"
    assert str(products["stars"].dtype) == "Int64"
    assert list(products[ROW]) == [2, 3]


# --- tab names -------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["KHÓM", "khom", "Khom", nfd("Khóm"), "  Khóm ", "areas"])
def test_tolerant_tab_names(title):
    ds = normalise({title: BASE["Khóm"]})
    assert ds.found_tabs["areas"] == title
    assert list(ds.tables["areas"]["name"]) == ["Vĩnh Chánh 1", "Vĩnh Phú"]
    assert "Khóm" not in set(issues_of(ds, reason="tab_missing")["tab"])
    assert issues_of(ds, reason="tab_unknown").empty


@pytest.mark.parametrize("title", ["SAN PHAM", "sản  phẩm", nfd("Sản phẩm"), "Sản Phẩm"])
def test_tolerant_product_tab_names(title):
    ds = normalise({title: BASE["Sản phẩm"]})
    assert ds.found_tabs["products"] == title
    assert len(ds.tables["products"]) == 2


def test_unknown_tab_is_a_notice():
    wb = book()
    wb["Nháp"] = [["gì cũng được"]]
    ds = normalise(wb)
    issue = only_issue(ds, "Nháp", "tab_unknown")
    assert issue["severity"] == NOTICE


def test_second_tab_with_the_same_name_is_a_notice():
    wb = book()
    wb["KHOM"] = [["Khóm"], ["Khóm Khác"]]
    ds = normalise(wb)
    issue = only_issue(ds, "KHOM", "tab_duplicate")
    assert issue["severity"] == NOTICE and issue["params"] == {"first": "Khóm"}
    assert list(ds.tables["areas"]["name"]) == ["Vĩnh Chánh 1", "Vĩnh Phú"]  # the first tab is read


# --- headers ---------------------------------------------------------------------------------

def test_tolerant_headers_in_any_order():
    products = [
        ["ten san pham", "  ĐIỂM  ĐÁNH GIÁ ", nfd("Mã chủ thể"), "MÃ SẢN PHẨM", "so sao", "Ngày Rà Soát"],
        ["Mắm", "72,5", "ct01", "sp01", "4 sao", "01/03/2023"],
    ]
    ds = normalise(book(Sản_phẩm=products))
    assert issues_of(ds, "Sản phẩm").empty, ds.issues.to_string()
    row = ds.tables["products"].iloc[0]
    assert row["product_id"] == "SP01"
    assert row["name"] == "Mắm"
    assert row["producer_id"] == "CT01"
    assert row["score"] == 72.5
    assert row["stars"] == 4
    assert row["surveyed_on"] == pd.Timestamp(2023, 3, 1)
    assert list(ds.tables["products"].columns[:3]) == ["product_id", "name", "producer_id"]


def test_header_below_title_rows_and_sheet_row_numbers():
    producers = [
        ["DANH SÁCH CHỦ THỂ SẢN XUẤT"],        # row 1: a title
        [],                                     # row 2: blank
        ["Cập nhật 01/2024", None, "Ghi chú"],  # row 3: a note
        ["Mã chủ thể", "Tên chủ thể", "Khóm"],  # row 4: the header
        ["CT01", "Cơ sở A", "Vĩnh Phú"],        # row 5
        ["CT02", "Cơ sở B", "Khóm Lạ"],         # row 6: unknown khóm
        ["ct01", "Cơ sở A lặp", "Vĩnh Phú"],    # row 7: repeats row 5
    ]
    ds = normalise(book(Chủ_thể=producers))
    table = ds.tables["producers"]
    assert list(table["producer_id"]) == ["CT01", "CT02"]
    assert list(table[ROW]) == [5, 6]
    vocab = only_issue(ds, "Chủ thể", "vocab")
    assert (vocab["row"], vocab["column"], vocab["value"], vocab["severity"]) == (6, "Khóm", "Khóm Lạ", WARNING)
    repeat = only_issue(ds, "Chủ thể", "key_repeated")
    assert (repeat["row"], repeat["value"], repeat["severity"]) == (7, "ct01", ERROR)
    assert repeat["params"] == {"first": 5}
    assert ds.accounting["producers"] == RowCount(3, 2, 1)


def test_header_on_row_10_is_found_but_not_on_row_11():
    header, data = ["Ngày", "Tên lớp tập huấn", "Người tham dự"], [date(2023, 6, 8), "Lớp", "An"]
    ok = normalise(book(Tập_huấn=[["tiêu đề"]] * 9 + [header, data]))
    assert len(ok.tables["training"]) == 1
    assert ok.tables["training"].loc[0, ROW] == 11
    late = normalise(book(Tập_huấn=[["tiêu đề"]] * 10 + [header, data]))
    issue = only_issue(late, "Tập huấn", "header_missing")
    assert issue["severity"] == ERROR
    assert late.tables["training"].empty
    assert late.accounting["training"].accepted == 0
    assert late.accounting["training"].read == late.accounting["training"].rejected


def test_wholly_empty_rows_are_skipped_silently():
    outreach = [
        ["Ngày", "Khóm", "Số người tham dự"],
        [date(2023, 1, 5), "Vĩnh Phú", 10],   # row 2
        [],                                   # row 3
        [None, "", "   "],                    # row 4
        [None, None, None, None, None],       # row 5
        [date(2023, 1, 9), "Vĩnh Phú", 20],   # row 6
    ]
    ds = normalise(book(Tuyên_truyền=outreach))
    assert issues_of(ds, "Tuyên truyền").empty, ds.issues.to_string()
    assert ds.accounting["outreach"] == RowCount(2, 2, 0)
    assert list(ds.tables["outreach"][ROW]) == [2, 6]


def test_extra_column_is_a_notice_and_kept_out():
    training = [["Ngày", "Tên lớp tập huấn", "Người tham dự", "Ghi chú nội bộ"],
                [date(2023, 6, 8), "Lớp", "An", "bí mật"]]
    ds = normalise(book(Tập_huấn=training))
    issue = only_issue(ds, "Tập huấn", "column_extra")
    assert (issue["row"], issue["column"], issue["severity"]) == (1, "Ghi chú nội bộ", NOTICE)
    table = ds.tables["training"]
    assert "Ghi chú nội bộ" not in table.columns
    assert "bí mật" not in table.astype(str).to_numpy().ravel().tolist()
    assert list(table.columns) == [col.key for col in c.TABS_BY_KEY["training"].columns] + [ROW]


def test_repeated_and_unnamed_columns_are_notices():
    training = [["Ngày", "Tên lớp tập huấn", "Người tham dự", "Ngày", None],
                [date(2023, 6, 8), "Lớp", "An", date(2020, 1, 1), "rác"]]
    ds = normalise(book(Tập_huấn=training))
    assert only_issue(ds, "Tập huấn", "column_duplicate")["column"] == "Ngày"
    assert only_issue(ds, "Tập huấn", "column_unnamed")["column"] == "E"
    assert ds.tables["training"].loc[0, "held_on"] == pd.Timestamp(2023, 6, 8)  # the first one is used


def test_missing_optional_column_is_blank():
    outreach = [["Ngày", "Khóm"], [date(2023, 1, 5), "Vĩnh Phú"]]
    ds = normalise(book(Tuyên_truyền=outreach))
    assert issues_of(ds, "Tuyên truyền").empty
    table = ds.tables["outreach"]
    assert table["attendees"].isna().all() and str(table["attendees"].dtype) == "Int64"
    assert table["producers_reached"].isna().all()
    assert table.loc[0, "area"] == "Vĩnh Phú"


def test_missing_required_column_is_an_error_for_that_tab_only():
    products = [["Mã sản phẩm", "Mã chủ thể"], ["SP01", "CT01"], ["SP02", "CT02"]]  # no Tên sản phẩm
    ds = normalise(book(Sản_phẩm=products))
    issue = only_issue(ds, "Sản phẩm", "columns_missing")
    assert issue["severity"] == ERROR and issue["row"] == 1
    assert "Tên sản phẩm" in issue["params"]["columns"]
    assert "Tên sản phẩm" in strings.t("reason.columns_missing", **issue["params"])
    assert ds.tables["products"].empty
    assert ds.accounting["products"] == RowCount(2, 0, 2)
    # every other tab still works
    assert len(ds.tables["producers"]) == 2 and len(ds.tables["outreach"]) == 2
    assert (ds.issues["severity"] == ERROR).sum() == 1


@pytest.mark.parametrize("title, key", [("Tuyên truyền", "outreach"), ("Khóm", "areas"),
                                        ("Chỉ tiêu", "targets")])
def test_missing_tab_is_an_error_and_others_work(title, key):
    ds = normalise(book(**{title.replace(" ", "_"): None}))
    issue = only_issue(ds, title, "tab_missing")
    assert issue["severity"] == ERROR
    assert ds.found_tabs[key] is None
    assert ds.tables[key].empty
    assert list(ds.tables[key].columns) == [col.key for col in c.TABS_BY_KEY[key].columns] + [ROW]
    assert ds.accounting[key] == RowCount(0, 0, 0)
    assert len(ds.tables["products"]) == 2 and len(ds.tables["training"]) == 1
    assert (ds.issues["severity"] == ERROR).sum() == 1


def test_missing_info_tab_uses_defaults_with_a_notice():
    ds = normalise(book(Thông_tin=None))
    assert only_issue(ds, "Thông tin", "info_defaults")["severity"] == NOTICE
    assert ds.info["ward_name"] == c.DEFAULT_INFO["ward_name"]
    assert (ds.issues["severity"] == ERROR).sum() == 0


# --- rejected rows: only unreadable keys and repeated ids ------------------------------------

def _rejects(tab: str, rows: list[list], reason: str, row: int, column: str, value):
    ds = normalise(slim(tab, rows))
    issue = only_issue(ds, tab, reason)
    assert issue["severity"] == ERROR
    assert (issue["row"], issue["column"], issue["value"]) == (row, column, value)
    key = c.TABS[[t.title for t in c.TABS].index(tab)].key
    assert ds.accounting[key].rejected == 1
    assert row not in set(ds.tables[key][ROW])
    return ds


def test_blank_id_rejects_the_row():
    products = BASE["Sản phẩm"] + [["  ", "Không mã", "CT01", 95, "01/05/2023"]]
    ds = _rejects("Sản phẩm", products, "key_missing", 4, "Mã sản phẩm", None)
    assert len(ds.tables["products"]) == 2


@pytest.mark.parametrize("cell, reason", [("31/02/2023", "date_impossible"), ("hôm qua", "date"),
                                          (None, "key_missing")])
def test_unreadable_event_date_rejects_the_row(cell, reason):
    outreach = BASE["Tuyên truyền"] + [[cell, "Họp dân", "Vĩnh Phú", 500, "CT02"]]
    _rejects("Tuyên truyền", outreach, reason, 4, "Ngày", cell)


@pytest.mark.parametrize("row, column, value, reason", [
    (["năm nay", "SP_OCOP", 2], "Năm", "năm nay", "year"),
    ([None, "SP_OCOP", 2], "Năm", None, "key_missing"),
    ([2024, None, 2], "Mã chỉ tiêu", None, "key_missing"),
    ([2024, "SP_OCOP", "nhiều"], "Chỉ tiêu", "nhiều", "number"),
    ([2024, "SP_OCOP", None], "Chỉ tiêu", None, "key_missing"),
])
def test_unreadable_target_year_code_or_value_rejects_the_row(row, column, value, reason):
    _rejects("Chỉ tiêu", BASE["Chỉ tiêu"] + [row], reason, 4, column, value)


def test_repeated_id_rejects_the_later_row_and_names_the_first():
    products = BASE["Sản phẩm"] + [["sp01", "Mắm lặp", "CT02", 99, "01/01/2024"]]
    ds = _rejects("Sản phẩm", products, "key_repeated", 4, "Mã sản phẩm", "sp01")
    issue = only_issue(ds, "Sản phẩm", "key_repeated")
    assert issue["params"] == {"first": 2}
    assert "2" in strings.t("reason.key_repeated", **issue["params"])
    assert "2" in strings.t("reason.key_repeated", "en", **issue["params"])
    kept = ds.tables["products"].set_index("product_id")
    assert kept.loc["SP01", "name"] == "Mắm"  # the first row stays


def test_repeated_target_year_and_code_rejects_the_later_row():
    targets = BASE["Chỉ tiêu"] + [[2023, "sp_ocop", 5], [2024, "SP_OCOP", 5]]
    ds = _rejects("Chỉ tiêu", targets, "key_repeated", 4, "Mã chỉ tiêu", "sp_ocop")
    assert only_issue(ds, "Chỉ tiêu", "key_repeated")["params"] == {"first": 2}
    assert sorted(ds.tables["targets"]["year"].tolist()) == [2023, 2023, 2024]


def test_event_tabs_allow_repeated_dates():
    training = BASE["Tập huấn"] + [[date(2023, 6, 8), "Lớp OCOP", "Bình"]] * 2
    ds = normalise(book(Tập_huấn=training))
    assert ds.accounting["training"] == RowCount(3, 3, 0)


# --- every other bad cell is a warning; the cell becomes blank, the row stays -----------------

@pytest.mark.parametrize("tab, header, cell, reason, key, column", [
    ("Sản phẩm", "Điểm đánh giá", "cao", "number", "products", "score"),
    ("Sản phẩm", "Điểm đánh giá", 150, "out_of_range", "products", "score"),
    ("Sản phẩm", "Số sao", "6 sao", "stars", "products", "stars"),
    ("Sản phẩm", "Ngày rà soát", "31/02/2023", "date_impossible", "products", "surveyed_on"),
    ("Sản phẩm", "Nhóm sản phẩm", "Đồ điện tử", "vocab", "products", "group"),
    ("Sản phẩm", "Mức tiềm năng", "Rất cao", "vocab", "products", "potential"),
    ("Chủ thể", "Đăng ký kinh doanh", "có lẽ", "yesno", "producers", "registered"),
    ("Chủ thể", "Khóm", "Khóm 9", "vocab", "producers", "area"),
    ("Chủ thể", "Loại hình", "Công ty ma", "vocab", "producers", "kind"),
    ("Hồ sơ", "Phiếu đăng ký", "hmm", "doc_status", "dossiers", "registration_form"),
    ("Hồ sơ", "Ngày nộp", "sắp nộp", "date", "dossiers", "submitted_on"),
    ("Tuyên truyền", "Số người tham dự", "khoảng 50", "number", "outreach", "attendees"),
    ("Tuyên truyền", "Số người tham dự", "72,5", "integer", "outreach", "attendees"),
    ("Tuyên truyền", "Số người tham dự", -3, "out_of_range", "outreach", "attendees"),
    ("Tuyên truyền", "Hình thức", "TikTok", "vocab", "outreach", "channel"),
    ("Tập huấn", "Số ngày", "hai", "number", "training", "days"),
    ("Khóm", "Số hộ", "nhiều", "number", "areas", "households"),
    ("Nhiệm vụ", "Hạn hoàn thành", "cuối năm", "date", "tasks", "due_on"),
    ("Nhiệm vụ", "Tình trạng", "Bỏ dở", "vocab", "tasks", "status"),
])
def test_bad_cell_is_a_warning_and_blank(tab, header, cell, reason, key, column):
    rows = copy.deepcopy(BASE[tab])
    if header in rows[0]:
        position = rows[0].index(header)
    else:
        rows[0].append(header)
        position = len(rows[0]) - 1
    last = rows[-1]
    last.extend([None] * (position + 1 - len(last)))
    last[position] = cell
    ds = normalise(slim(tab, rows))
    issue = only_issue(ds, tab, reason)
    assert issue["severity"] == WARNING
    assert (issue["row"], issue["column"]) == (len(rows), header)
    assert issue["value"] == (str(cell) if not isinstance(cell, str) else cell)
    table = ds.tables[key]
    assert ds.accounting[key].rejected == 0
    assert len(table) == len(rows) - 1  # the row stays
    row = table[table[ROW] == len(rows)].iloc[0]
    assert pd.isna(row[column])
    assert (issues_of(ds, tab)["severity"] == ERROR).sum() == 0


def test_required_non_key_cell_blank_is_a_warning():
    products = BASE["Sản phẩm"] + [["SP03", None, "CT01", None, None]]
    ds = normalise(book(Sản_phẩm=products))
    issue = only_issue(ds, "Sản phẩm", "required_missing")
    assert (issue["severity"], issue["row"], issue["column"]) == (WARNING, 4, "Tên sản phẩm")
    assert "SP03" in set(ds.tables["products"]["product_id"])


def test_bad_info_year_is_a_warning():
    ds = normalise(book(Thông_tin=[["Năm kế hoạch", "năm nay"], ["Số kế hoạch", "36/KH-UBND"]]))
    issue = only_issue(ds, "Thông tin", "year")
    assert (issue["severity"], issue["row"]) == (WARNING, 1)
    assert ds.info["plan_number"] == "36/KH-UBND"


# --- a messy workbook: accounting and the shape of every issue -------------------------------

MESSY = book(
    Sản_phẩm=[["Danh sách sản phẩm"],
              ["Mã sản phẩm", "Tên sản phẩm", "Mã chủ thể", "Điểm đánh giá", "Ngày rà soát", "Cột lạ"],
              ["SP01", "Mắm", "CT01", "bảy mươi", "01/03/2023", "x"],
              [None, "Không mã", "CT02", 80, "02/03/2023"],
              [],
              ["SP01", "Mắm lặp", "CT02", 80, "02/03/2023"],
              ["SP02", "Bánh", "CT99", 60, "ngày mai"]],
    Tuyên_truyền=[["Ngày", "Khóm", "Số người tham dự", "Chủ thể được tiếp cận", "Hình thức"],
                  ["31/02/2023", "Vĩnh Phú", 10, None, "Loa"],
                  ["01/03/2023", "khom la", "khoảng 50", "CT01, CT77", "Zalo"],
                  [None, None, None, None, None],
                  ["02/03/2023", "toan phuong", 5, None, "không rõ"]],
    Chỉ_tiêu=[["Năm", "Mã chỉ tiêu", "Chỉ tiêu"], [2023, "SP_OCOP", 1], [2023, "XYZ", 3],
              ["hai nghìn", "SP_OCOP", 1]],
)


@pytest.fixture(scope="module")
def messy():
    return normalise(copy.deepcopy(MESSY))


def test_rows_read_equal_accepted_plus_rejected(messy):
    for key, counts in messy.accounting.items():
        assert counts.read == counts.accepted + counts.rejected, key
        if key != "info":
            assert counts.accepted == len(messy.tables[key]), key
    assert messy.accounting["products"] == RowCount(4, 2, 2)
    assert messy.accounting["outreach"] == RowCount(3, 2, 1)
    assert messy.accounting["targets"] == RowCount(3, 2, 1)
    # one error issue per rejected row
    errors = messy.issues[messy.issues["severity"] == ERROR]
    for key, title in (("products", "Sản phẩm"), ("outreach", "Tuyên truyền"), ("targets", "Chỉ tiêu")):
        assert (errors["tab"] == title).sum() == messy.accounting[key].rejected, title


def test_every_issue_names_tab_row_column_value_severity_and_a_known_reason(messy):
    assert set(messy.issues.columns) >= {"tab", "row", "column", "value", "severity", "reason", "params"}
    for issue in messy.issues.to_dict("records"):
        assert issue["tab"] in MESSY or issue["tab"] in {t.title for t in c.TABS}
        assert issue["severity"] in (ERROR, WARNING, NOTICE)
        assert strings.has(f"reason.{issue['reason']}"), issue
        text = strings.t(f"reason.{issue['reason']}", **issue["params"])
        assert text and "{" not in text
    cell_issues = messy.issues[messy.issues["row"].notna()]
    assert len(cell_issues) >= 10
    assert cell_issues["column"].notna().all()


def test_messy_issues_are_exactly_these(messy):
    got = {(i["tab"], i["row"], i["column"], None if pd.isna(i["value"]) else i["value"], i["severity"],
            i["reason"]) for i in messy.issues.to_dict("records")}
    assert got == {
        ("Sản phẩm", 2, "Cột lạ", None, NOTICE, "column_extra"),
        ("Sản phẩm", 3, "Điểm đánh giá", "bảy mươi", WARNING, "number"),
        ("Sản phẩm", 4, "Mã sản phẩm", None, ERROR, "key_missing"),
        ("Sản phẩm", 6, "Mã sản phẩm", "SP01", ERROR, "key_repeated"),
        ("Sản phẩm", 7, "Ngày rà soát", "ngày mai", WARNING, "date"),
        ("Sản phẩm", 7, "Mã chủ thể", "CT99", WARNING, "unknown_producer"),
        ("Tuyên truyền", 2, "Ngày", "31/02/2023", ERROR, "date_impossible"),
        ("Tuyên truyền", 3, "Khóm", "khom la", WARNING, "vocab"),
        ("Tuyên truyền", 3, "Số người tham dự", "khoảng 50", WARNING, "number"),
        ("Tuyên truyền", 3, "Chủ thể được tiếp cận", "CT77", WARNING, "unknown_producer"),
        ("Tuyên truyền", 5, "Hình thức", "không rõ", WARNING, "vocab"),
        ("Chỉ tiêu", 3, "Mã chỉ tiêu", "XYZ", WARNING, "code_unknown"),
        ("Chỉ tiêu", 4, "Năm", "hai nghìn", ERROR, "year"),
    }


def test_issue_value_of_a_date_cell_is_shown_day_first():
    # A real date cell typed into Số người tham dự: the issue shows it as an officer sees it.
    outreach = BASE["Tuyên truyền"] + [[datetime(2023, 4, 2), "Họp dân", "Vĩnh Phú", datetime(2023, 4, 2), None]]
    ds = normalise(book(Tuyên_truyền=outreach))
    issue = only_issue(ds, "Tuyên truyền", "number")
    assert issue["value"] == "02/04/2023"


def test_a_huge_cell_is_shortened_in_its_issue():
    outreach = [["Ngày", "Số người tham dự"], [date(2023, 1, 5), "rất đông " * 100]]
    ds = normalise(slim("Tuyên truyền", outreach))
    value = only_issue(ds, "Tuyên truyền", "number")["value"]
    assert len(value) == 201 and value.endswith("…") and value.startswith("rất đông rất đông")


def test_cross_tab_issues_show_the_value_as_written():
    wb = book(Chỉ_tiêu=BASE["Chỉ tiêu"] + [[2023, "dt doanh thu", 500]],
              Sản_phẩm=BASE["Sản phẩm"] + [["SP03", "Chè", "ct99", None, None]])
    ds = normalise(wb)
    assert only_issue(ds, "Chỉ tiêu", "code_unknown")["value"] == "dt doanh thu"
    assert only_issue(ds, "Sản phẩm", "unknown_producer")["value"] == "ct99"


# --- vocabulary ------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("vinh phu", "Vĩnh Phú"), ("VĨNH PHÚ", "Vĩnh Phú"), (nfd("Vĩnh Phú"), "Vĩnh Phú"),
    ("vinh chanh 1", "Vĩnh Chánh 1"), ("Toàn phường", c.WHOLE_WARD), ("toan phuong", c.WHOLE_WARD),
    ("Cả phường", c.WHOLE_WARD), ("tất cả các khóm", c.WHOLE_WARD),
])
def test_outreach_khom_matching(typed, expected):
    outreach = [["Ngày", "Khóm"], [date(2023, 1, 5), typed]]
    ds = normalise(slim("Tuyên truyền", outreach))
    assert issues_of(ds, "Tuyên truyền").empty
    assert ds.tables["outreach"].loc[0, "area"] == expected


def test_producer_khom_is_only_a_khom():
    producers = [["Mã chủ thể", "Tên chủ thể", "Khóm"], ["CT01", "A", "vinh phu"], ["CT02", "B", "Toàn phường"]]
    ds = normalise(book(Chủ_thể=producers))
    assert list(ds.tables["producers"]["area"].fillna("-")) == ["Vĩnh Phú", "-"]
    assert only_issue(ds, "Chủ thể", "vocab")["value"] == "Toàn phường"


@pytest.mark.parametrize("header, typed, expected", [
    ("Hình thức", "Zalo", "Mạng xã hội"), ("Hình thức", "facebook", "Mạng xã hội"),
    ("Hình thức", "hop dan", "Họp dân"), ("Hình thức", "Loa", "Đài truyền thanh"),
    ("Hình thức", "tờ rơi", "Tài liệu - tờ rơi"), ("Nội dung", "ATTP", "An toàn thực phẩm"),
    ("Nội dung", "ocop", "OCOP"), ("Nội dung", "moi truong", "Môi trường"),
])
def test_outreach_vocabulary_and_aliases(header, typed, expected):
    outreach = [["Ngày", header], [date(2023, 1, 5), typed]]
    ds = normalise(slim("Tuyên truyền", outreach))
    assert issues_of(ds, "Tuyên truyền").empty, ds.issues.to_string()
    key = {"Hình thức": "channel", "Nội dung": "topic"}[header]
    assert ds.tables["outreach"].loc[0, key] == expected


def test_product_vocabulary_and_aliases():
    products = [["Mã sản phẩm", "Tên sản phẩm", "Nhóm sản phẩm", "Giai đoạn", "Mức tiềm năng"],
                ["SP01", "A", "Du lịch", "da nop ho so", "trung binh"],
                ["SP02", "B", "thu cong my nghe", "ĐÃ ĐĂNG KÝ", "Cao"]]
    ds = normalise(book(Sản_phẩm=products))
    assert issues_of(ds, "Sản phẩm").empty, ds.issues.to_string()
    table = ds.tables["products"]
    assert list(table["group"]) == [c.TOURISM_GROUP, c.HANDICRAFT_GROUP]
    assert list(table["stage"]) == ["Đã nộp hồ sơ", "Đã đăng ký"]
    assert list(table["potential"]) == ["Trung bình", "Cao"]


# --- references between tabs -----------------------------------------------------------------

def test_unknown_producer_in_a_product_is_a_warning_and_cleared():
    products = BASE["Sản phẩm"] + [["SP03", "Chè", "CT99", None, None]]
    ds = normalise(book(Sản_phẩm=products))
    issue = only_issue(ds, "Sản phẩm", "unknown_producer")
    assert (issue["severity"], issue["row"], issue["column"], issue["value"]) == (
        WARNING, 4, "Mã chủ thể", "CT99")
    table = ds.tables["products"].set_index("product_id")
    assert pd.isna(table.loc["SP03", "producer_id"])
    assert table.loc["SP01", "producer_id"] == "CT01"
    assert ds.accounting["products"].rejected == 0


def test_unknown_producer_reached_is_a_warning_and_dropped():
    outreach = [["Ngày", "Chủ thể được tiếp cận"],
                [date(2023, 1, 5), "CT01, CT98; ct02"], [date(2023, 1, 6), "CT97"]]
    ds = normalise(book(Tuyên_truyền=outreach))
    found = issues_of(ds, "Tuyên truyền", "unknown_producer")
    assert list(found["row"]) == [2, 3]
    assert list(found["value"]) == ["CT98", "CT97"]
    assert (found["severity"] == WARNING).all()
    reached = ds.tables["outreach"]["producers_reached"]
    assert reached[0] == ("CT01", "CT02")
    assert reached[1] is None


def test_unknown_product_in_a_dossier_is_a_warning():
    dossiers = BASE["Hồ sơ"] + [["SP77", "x", None]]
    ds = normalise(book(Hồ_sơ=dossiers))
    issue = only_issue(ds, "Hồ sơ", "unknown_product")
    assert (issue["severity"], issue["row"], issue["value"]) == (WARNING, 3, "SP77")


def test_unknown_target_code_is_a_warning_and_the_row_stays():
    targets = BASE["Chỉ tiêu"] + [[2023, "dt doanh thu", 500]]
    ds = normalise(book(Chỉ_tiêu=targets))
    issue = only_issue(ds, "Chỉ tiêu", "code_unknown")
    assert (issue["severity"], issue["row"], issue["column"]) == (WARNING, 4, "Mã chỉ tiêu")
    assert "DT_DOANH_THU" in set(ds.tables["targets"]["code"])
    assert ds.accounting["targets"] == RowCount(3, 3, 0)


# --- a known defect --------------------------------------------------------------------------

def test_true_and_1_in_one_column_are_read_separately():
    outreach = [["Ngày", "Số người tham dự"], [date(2023, 1, 1), True], [date(2023, 1, 2), 1]]
    ds = normalise(book(Tuyên_truyền=outreach))
    # A TRUE cell is not a number (a warning, blank); the 1 below it is one attendee.
    assert list(ds.tables["outreach"]["attendees"].astype(object).fillna(-1)) == [-1, 1]
    issue = only_issue(ds, "Tuyên truyền", "number")
    assert (issue["row"], issue["value"]) == (2, "TRUE")
