"""What counts as no value: the one definition of "missing" and "blank" for every layer."""
from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

# White space and control characters: what text.clean() removes. A text is blank when it holds
# nothing else; fullmatch() stops at the first other character, so most cells cost one step.
_BLANK_TEXT = re.compile(r"[\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*")


def is_missing(value: Any) -> bool:
    """None, NaN, NaT and pd.NA are missing; a list-like is a value, never missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # pd.isna of a list-like is an array, not a truth value
        return False


def is_blank(value: Any) -> bool:
    """Missing, or text that holds only white space and control characters (an empty cell)."""
    if isinstance(value, str):
        return _BLANK_TEXT.fullmatch(value) is not None  # clean(value) == ""
    return is_missing(value)
