"""The bundled demo workbook read end to end: .xlsx -> raw workbook -> normalise -> indicators.

The figures are those data_sources/demo/README.md promises for the fictional ward.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.metrics.indicators import actuals, indicators
from analysis.metrics.scope import Filters
from analysis.workbook import contract as c
from analysis.workbook.dataset import ERROR, NOTICE, ROW, WARNING, RowCount
from analysis.workbook.normalise import normalise_workbook
from data_sources.excel import read_xlsx

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "data_sources" / "demo" / "ocop_demo.xlsx"


@pytest.fixture(scope="module")
def ds():
    return normalise_workbook(read_xlsx(DEMO, kind="demo"))


EXPECTED = {
    2023: {"SP_OCOP": 1, "SP_TIEM_NANG": 7, "HO_SO_NOP": 2, "CHU_THE_THAM_GIA": 5, "TT_SO_BUOI": 40,
           "TT_LUOT_NGUOI": 4086, "TT_KHOM": 4, "TT_CHU_THE": 20, "TH_LUOT_CAN_BO": 12},
    2024: {"SP_OCOP": 2, "SP_TIEM_NANG": 4, "HO_SO_NOP": 2, "CHU_THE_THAM_GIA": 8, "TT_SO_BUOI": 20,
           "TT_LUOT_NGUOI": 2046, "TT_KHOM": 4, "TT_CHU_THE": 10, "TH_LUOT_CAN_BO": 5},
}


@pytest.mark.parametrize("year", [2023, 2024])
def test_demo_actuals(ds, year):
    assert actuals(ds, Filters(year)) == EXPECTED[year]


def test_demo_indicator_table_2024(ds):
    table = indicators(ds, Filters(2024)).set_index("code")
    assert list(table.index) == list(c.INDICATOR_CODES) + ["DT_DOANH_THU"]
    for code, value in EXPECTED[2024].items():
        assert table.loc[code, "actual"] == value, code
        assert bool(table.loc[code, "computed"])
    assert not bool(table.loc["DT_DOANH_THU", "computed"])
    assert pd.isna(table.loc["DT_DOANH_THU", "actual"]) and pd.isna(table.loc["DT_DOANH_THU", "percent"])
    targeted = table[table["computed"] & table["target"].gt(0)]
    assert len(targeted) == 9
    assert (targeted["percent"] - targeted["actual"] / targeted["target"]).abs().max() < 1e-12


def test_demo_source(ds):
    assert ds.source.kind == "demo"
    assert ds.source.location == str(DEMO)
    assert ds.info["ward_name"].endswith("(dữ liệu mẫu)")
    assert all(title is not None for title in ds.found_tabs.values())


def test_demo_row_accounting(ds):
    assert ds.accounting["products"] == RowCount(13, 12, 1)
    assert ds.accounting["outreach"] == RowCount(61, 60, 1)
    for key, counts in ds.accounting.items():
        assert counts.read == counts.accepted + counts.rejected, key
    rejected = {k for k, v in ds.accounting.items() if v.rejected}
    assert rejected == {"products", "outreach"}


def _issue(ds, tab, row, column, reason):
    issues = ds.issues
    found = issues[(issues["tab"] == tab) & (issues["column"] == column) & (issues["reason"] == reason)]
    if row is not None:
        found = found[found["row"] == row]
    assert len(found) == 1, ds.issues.to_string()
    return found.iloc[0]


def test_demo_messy_cells_produce_the_expected_issues(ds):
    repeat = _issue(ds, "Sản phẩm", 14, "Mã sản phẩm", "key_repeated")
    assert (repeat["severity"], repeat["value"], repeat["params"]) == (ERROR, "SP05", {"first": 6})
    bad_date = _issue(ds, "Tuyên truyền", 6, "Ngày", "date_impossible")
    assert (bad_date["severity"], bad_date["value"]) == (ERROR, "31/02/2023")
    about = _issue(ds, "Tuyên truyền", 24, "Số người tham dự", "number")
    assert (about["severity"], about["value"]) == (WARNING, "khoảng 50")
    extra = _issue(ds, "Tập huấn", None, "Ghi chú nội bộ", "column_extra")
    assert extra["severity"] == NOTICE
    code = _issue(ds, "Chỉ tiêu", None, "Mã chỉ tiêu", "code_unknown")
    assert (code["severity"], code["value"]) == (WARNING, "DT_DOANH_THU")
    assert len(ds.issues) == 5  # nothing else in the demo is wrong


def _outreach_row(ds, row: int) -> pd.Series:
    table = ds.tables["outreach"]
    found = table[table[ROW] == row]
    assert len(found) == 1
    return found.iloc[0]


def test_demo_dotted_date_text(ds):  # A8: `15.03.2023`
    assert _outreach_row(ds, 8)["held_on"] == pd.Timestamp(2023, 3, 15)


def test_demo_day_first_short_date(ds):  # A19: `2/6/2023` is 2 June
    row = _outreach_row(ds, 19)
    assert row["held_on"].date() == date(2023, 6, 2)
    assert row["producers_reached"] == ("CT02", "CT21")  # `CT02; CT21`


def test_demo_khom_without_diacritics(ds):  # E16: `vinh phu`
    assert _outreach_row(ds, 16)["area"] == "Vĩnh Phú"


def test_demo_thousands_dot(ds):  # F25: `1.200`
    assert _outreach_row(ds, 25)["attendees"] == 1200


def test_demo_warned_cell_is_blank_and_row_stays(ds):  # F24: `khoảng 50`
    assert pd.isna(_outreach_row(ds, 24)["attendees"])
    assert 6 not in set(ds.tables["outreach"][ROW])  # A6 `31/02/2023` rejected


def test_demo_other_readings(ds):
    products = ds.tables["products"].set_index("product_id")
    assert products.loc["SP03", "score"] == 72.5  # I4 `72,5`
    assert products.loc["SP05", "name"] == "Nước thốt nốt Hai Lành"  # the first SP05 stays
    assert list(ds.tables["producers"][ROW])[0] == 4  # header on row 3 under a title
    assert ds.found_tabs["dossiers"] == "Hồ sơ" and len(ds.tables["dossiers"]) == 9  # `Ma san pham`
