"""analysis/workbook/values.py: the one definition of a missing value and of a blank cell."""
from __future__ import annotations

import math
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from analysis.workbook.values import is_blank, is_missing

MISSING = [None, float("nan"), np.float64("nan"), pd.NA, pd.NaT, np.datetime64("NaT")]
PRESENT = [0, 0.0, False, "", " ", "x", date(2023, 1, 1), datetime(2023, 1, 1), ("CT01",), ["a"], math.inf]


@pytest.mark.parametrize("value", MISSING, ids=repr)
def test_missing_values(value):
    assert is_missing(value) and is_blank(value)


@pytest.mark.parametrize("value", PRESENT, ids=repr)
def test_values_that_are_not_missing(value):
    assert not is_missing(value)  # an empty text is a value; whether it is blank is is_blank's question


@pytest.mark.parametrize("text", ["", " ", "\t\n", "\u00a0", "\x00", " \x1f\x7f "], ids=repr)
def test_blank_text(text):
    assert is_blank(text)


@pytest.mark.parametrize("value", ["x", " 0 ", ".", "-", 0, 0.0, False, ("CT01",), date(2023, 1, 1)], ids=repr)
def test_not_blank(value):
    assert not is_blank(value)


def test_a_text_subclass_is_read_as_text():
    assert is_blank(np.str_("  ")) and not is_blank(np.str_("CT01"))
