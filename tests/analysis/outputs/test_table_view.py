"""The one table formatter: every kind, both languages, empties."""
from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from analysis.i18n import strings
from analysis.outputs.report_tables import build_tables
from analysis.outputs.table_view import (
    CODE,
    COUNT,
    DATE,
    DATETIME,
    NUMBER,
    PERCENT,
    STAGE,
    STARS,
    TEXT,
    UNIT,
    UNIT_KEYS,
    YEAR,
    cell,
    report_view,
    table_view,
)
from analysis.workbook import contract as c
from analysis.workbook.normalise import normalise_workbook

EMPTIES = [None, float("nan"), np.nan, pd.NaT, pd.NA, ""]
LEAKS = ("None", "nan", "NaT", "<NA>", "00:00:00")


@pytest.mark.parametrize("kind", [TEXT, COUNT, NUMBER, PERCENT, DATE, DATETIME, YEAR, STARS, STAGE, CODE, UNIT])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_kind_shows_a_dash_for_every_empty(kind, lang):
    assert {cell(v, kind, lang) for v in EMPTIES} == {"—"}


@pytest.mark.parametrize(("kind", "value", "vi", "en"), [
    (COUNT, 2500, "2.500", "2,500"),
    (COUNT, np.int64(12), "12", "12"),
    (COUNT, 3.0, "3", "3"),
    (NUMBER, 2500.0, "2.500", "2,500"),
    (NUMBER, 1234.5, "1.234,5", "1,234.5"),
    (NUMBER, 0.25, "0,25", "0.25"),
    (PERCENT, 0.8333, "83,3%", "83.3%"),
    (PERCENT, 0.725, "72,5%", "72.5%"),
    (PERCENT, 1, "100%", "100%"),
    (YEAR, 2023.0, "2023", "2023"),
    (DATE, pd.Timestamp("2024-04-18 00:00:00"), "18/04/2024", "18/04/2024"),
    (DATE, datetime(2023, 3, 15, 9, 30), "15/03/2023", "15/03/2023"),
    (DATETIME, date(2023, 3, 15), "15/03/2023", "15/03/2023"),
    (STARS, 3, "★★★ 3 sao", "★★★ 3 stars"),
    (STARS, 4.0, "★★★★ 4 sao", "★★★★ 4 stars"),
    (STAGE, "Đã đăng ký", "Đã đăng ký", "Registered"),
    (STAGE, "Không tham gia", "Không tham gia", "Not taking part"),
    (UNIT, "sản phẩm", "sản phẩm", "products"),
    (UNIT, "Lượt  người", "lượt người", "people"),
    (UNIT, "khóm", "khóm", "khóm"),
    (CODE, "SP_OCOP", "SP_OCOP", "SP_OCOP"),
    (TEXT, "Mắm thái", "Mắm thái", "Mắm thái"),
    (TEXT, True, "Có", "Yes"),
    (TEXT, 7.0, "7", "7"),
    (TEXT, ["a", None], "a, —", "a, —"),
])
def test_each_kind_in_both_languages(kind, value, vi, en):
    assert cell(value, kind, "vi") == vi
    assert cell(value, kind, "en") == en


def test_unknown_units_and_stages_keep_the_sheets_text():
    assert cell("con", UNIT, "en") == "con"
    assert cell("Giai đoạn lạ", STAGE, "en") == "Giai đoạn lạ"
    assert cell("Registered", STAGE, "en") == "Registered"  # already translated


def test_every_unit_the_catalogue_knows_is_translated_in_english():
    for text, key in UNIT_KEYS.items():
        assert strings.t(key, "vi") == text
        assert strings.has(key)
    for stage in c.STAGES:
        assert cell(stage, STAGE, "en") != stage


def test_text_in_a_number_column_stays_as_written():
    assert cell("khoảng 5", COUNT, "vi") == "khoảng 5"


def test_table_view_puts_names_before_codes_and_can_drop_them():
    frame = pd.DataFrame({"Mã": ["SP_OCOP", None], "Chỉ tiêu": ["Sản phẩm OCOP", "Khác"],
                          "Kế hoạch": [2500.0, None], "Tỷ lệ": [0.8333, float("nan")],
                          "Ngày": pd.to_datetime(["2024-04-18", None])})
    kinds = {"Mã": CODE, "Kế hoạch": NUMBER, "Tỷ lệ": PERCENT, "Ngày": DATE}
    shown = table_view(frame, kinds, "vi")
    assert list(shown.columns) == ["Chỉ tiêu", "Kế hoạch", "Tỷ lệ", "Ngày", "Mã"]
    assert shown.iloc[0].tolist() == ["Sản phẩm OCOP", "2.500", "83,3%", "18/04/2024", "SP_OCOP"]
    assert shown.iloc[1].tolist() == ["Khác", "—", "—", "—", "—"]
    assert list(table_view(frame, kinds, "en", drop_codes=True).columns) == ["Chỉ tiêu", "Kế hoạch", "Tỷ lệ", "Ngày"]
    assert table_view(frame, kinds, "en").iloc[0, 1] == "2,500"


def test_kinds_in_order_and_their_checks():
    frame = pd.DataFrame({"a": [1], "b": [0.5]})
    assert table_view(frame, [COUNT, PERCENT], "en").iloc[0].tolist() == ["1", "50%"]
    with pytest.raises(ValueError, match="kinds for"):
        table_view(frame, [COUNT], "en")
    with pytest.raises(ValueError, match="unknown"):
        table_view(frame, {"a": "money"}, "en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_report_preview_reads_well(demo_raw, lang):
    ds = normalise_workbook(demo_raw)
    tables = build_tables(ds, 2024, date(2024, 11, 30), lang)
    views = {table.key: report_view(table, lang) for table in tables}
    for key, view in views.items():
        text = view.to_csv(index=False)
        assert not [leak for leak in LEAKS if leak in text], key
        assert not any(isinstance(v, float) for v in view.to_numpy().ravel())
    indicators = views["indicators"]
    code = strings.t("report.col.code", lang)
    assert indicators.columns[0] == strings.t("report.col.indicator", lang)
    assert indicators.columns[-1] == code
    target = indicators.set_index(code).loc["TT_LUOT_NGUOI", strings.t("report.col.target", lang)]
    assert target == ("2.500" if lang == "vi" else "2,500")
    units = set(indicators[strings.t("report.col.unit", lang)])
    if lang == "en":
        assert {"products", "people", "khóm"} <= units
        assert not units & {"sản phẩm", "lượt", "hồ sơ", "chủ thể", "buổi"}
        stages = set(views["products"][strings.t("col.stage", lang)])
        assert stages <= {strings.t(f"stage.{code}", "en") for code in c.STAGE_CODES.values()}
    percent = indicators[strings.t("report.col.percent", lang)]
    assert percent.str.fullmatch(r"—|[\d.,]+%").all()
