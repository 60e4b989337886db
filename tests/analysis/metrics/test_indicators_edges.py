"""analysis/metrics/indicators.py at its edges (issue 14): a code the catalogue does not know, with a
blank label, in both languages; and the label and unit of a known code when the sheet leaves them out."""
from __future__ import annotations

import copy

import pandas as pd
import pytest

from analysis.metrics.indicators import indicators, year_choices, years
from analysis.metrics.scope import Filters
from analysis.workbook.normalise import normalise
from tests.analysis.workbook.raw_books import BASE


def _table(rows: list[list], lang: str = "vi"):
    wb = copy.deepcopy(BASE)
    wb["Chỉ tiêu"] = [["Năm", "Mã chỉ tiêu", "Tên chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"], *rows]
    return indicators(normalise(wb), Filters(2023), lang).set_index("code")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_unknown_code_with_a_blank_label_is_labelled_by_its_code(lang):
    table = _table([[2023, "XX_MOI", None, 7, None], [2023, "XX_TEN", "Việc mới", 3, "việc"]], lang)
    unknown = table.loc["XX_MOI"]
    assert unknown["label"] == "XX_MOI" and unknown["target"] == 7.0 and pd.isna(unknown["unit"])
    assert not bool(unknown["computed"]) and pd.isna(unknown["actual"]) and pd.isna(unknown["percent"])
    named = table.loc["XX_TEN"]
    assert named["label"] == "Việc mới" and named["unit"] == "việc"  # no catalogue entry: the sheet's, in English too


def test_a_known_code_with_a_blank_label_and_unit():
    vi = _table([[2023, "SP_OCOP", None, 2, None]]).loc["SP_OCOP"]
    assert vi["label"] == "Sản phẩm đạt 3 sao trở lên"  # the catalogue's
    assert pd.isna(vi["unit"]) and vi["target"] == 2.0 and vi["actual"] == 0 and vi["percent"] == 0.0
    en = _table([[2023, "SP_OCOP", "Tên riêng", 2, "sp"]], "en").loc["SP_OCOP"]
    assert en["label"] == "Products rated 3 stars or more" and en["unit"] == "sp"


def _book_with(targets: list[list], outreach_dates: list) -> dict:
    wb = copy.deepcopy(BASE)
    wb["Chỉ tiêu"] = [["Năm", "Mã chỉ tiêu", "Chỉ tiêu"], *targets]
    rows = wb["Tuyên truyền"]
    wb["Tuyên truyền"] = [rows[0], *[[day, *rows[1][1:]] for day in outreach_dates]]
    wb["Tập huấn"] = wb["Tập huấn"][:1]
    wb["Sản phẩm"] = [r[:4] for r in wb["Sản phẩm"]]  # no dates that would add a year
    wb["Hồ sơ"] = wb["Hồ sơ"][:1]
    return wb


def test_a_year_with_targets_only_is_offered_and_the_newest_with_targets_comes_first():
    ds = normalise(_book_with([[2021, "SP_OCOP", 1], [2022, "SP_OCOP", 2]], ["15/03/2024"]))
    assert years(ds) == [2024, 2022, 2021]
    assert year_choices(ds) == [2022, 2024, 2021]
