"""analysis/metrics/indicators.py at its edges (issue 14): a code the catalogue does not know, with a
blank label, in both languages; and the label and unit of a known code when the sheet leaves them out."""
from __future__ import annotations

import copy

import pandas as pd
import pytest

from analysis.metrics.indicators import indicators
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
