"""Vietnamese phone numbers found inside any text, masked as the phone column is.

A phone number is a run of digits, each pair separated by at most one space, dot, dash or
no-break space (a closing parenthesis may come before it), that reads as:

- national: `0` then 9 digits (mobile 09x/08x/07x/05x/03x, or a pre-2017 landline), or `02` then
  9 digits (a landline: `(0296) 3 852 123`, `0296.3852123`, `024 3825 1234`);
- international: `+84`, `(+84)` or `84` then the national number without its `0` (a `(0)` or `0`
  after `+84` is allowed): `+84 901 234 101`, `84901234101`, `+84 296 3852123`.

Not phones: a 10-digit number starting 1–9 (a business registration number, ĐKKD 1601234567),
numbers glued to a longer number by `.`, `,`, `/` or `-` (dates 15/03/2023, money 1.250.000,
ids CT-0901234101-2), years, scores, and a number whose leading 0 was dropped (912345678 in
free text: only the phone column masks those). A number glued to letters (`ĐT0901234101`) is
still a phone.

    mask_phones_in("Trần Văn Hùng 0901 234 101") == "Trần Văn Hùng 09•• ••• •01"
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

MASK = "•"
KEEP_DIGITS = 2  # at each end of a phone number
_SEP = r"(?:\)?[ .\-\u00a0]?)"  # between two digits: at most one separator, maybe after a ")"
_D = rf"{_SEP}\d"

PHONE = re.compile(
    rf"""
    (?<![\d])(?<!\d[.,/\-])                      # not the tail of a longer number, date or amount
    (?:
        (?P<country>\(?\+84\)?{_SEP}(?:\(0\){_SEP}|0{_SEP})?|(?<!\+)84)
        (?P<subscriber>2(?:{_D}){{9}}|[35789](?:{_D}){{8}})     # the number without its leading 0
      |
        (?P<national>\(?0(?:2(?:{_D}){{9}}|[1-9](?:{_D}){{8}}))   # 0 then 9 digits, or 02 then 9 digits
    )
    (?!\d)(?![.,/\-]\d)                          # nor the head of one
    """,
    re.VERBOSE | re.ASCII,  # digits are 0-9, as in the RE2 first look
)
# A cheap first look, in RE2 syntax too (vectorised by pyarrow): 9 digits in a row, separators allowed.
_MAYBE_PATTERN = r"\d(?:[ .()+\-" + "\u00a0" + r"]{0,2}\d){8}"
_MAYBE = re.compile(_MAYBE_PATTERN, re.ASCII)


def mask_digits(text: str) -> str:
    """Every letter and digit masked but the first 2 and last 2 digits (fewer than 6 digits: masked
    whole); separators kept. '0912 345 678' -> '09•• ••• •78'."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    keep = set(digits[:KEEP_DIGITS] + digits[-KEEP_DIGITS:]) if len(digits) >= 6 else set()
    return "".join(ch if i in keep or not ch.isalnum() else MASK for i, ch in enumerate(text))


def _mask_match(match: re.Match) -> str:
    return mask_digits(match.group())


def mask_phones_in(value: Any) -> Any:
    """`value` with every phone number in it masked; anything but text is returned as it is."""
    if not isinstance(value, str) or not _MAYBE.search(value):
        return value
    return PHONE.sub(_mask_match, value)


def find_phones(text: str) -> list[str]:
    """The phone numbers in `text`, as written."""
    return [m.group() for m in PHONE.finditer(text)]


def _maybe_phones(series: pd.Series) -> np.ndarray:
    """Which values may hold a phone: one vectorised regex pass (pyarrow's RE2) over the column;
    value by value in Python when the column is not all text or pyarrow is missing."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover - pyarrow comes with pandas 3
        pa = None
    if pa is not None:
        try:
            found = pc.match_substring_regex(pa.array(series, type=pa.string(), from_pandas=True), _MAYBE_PATTERN)
            return found.fill_null(False).to_numpy(zero_copy_only=False)
        except (TypeError, ValueError, pa.ArrowException):
            pass
    return np.fromiter((isinstance(v, str) and _MAYBE.search(v) is not None for v in series),
                       dtype=bool, count=len(series))


def mask_phones_in_series(series: pd.Series) -> pd.Series:
    """`series` with the phones in its text values masked. One vectorised pass finds the few values
    with 9 digits in a row; only those are looked at in Python, each distinct one once.
    Returns the same object when nothing changed (no copy at country scale for clean columns)."""
    if series.empty or not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
        return series
    maybe = _maybe_phones(series)
    if not maybe.any():
        return series
    candidates = series[maybe]
    masked = candidates.map({v: mask_phones_in(v) for v in set(candidates)})
    changed = (masked != candidates).to_numpy(dtype=bool)
    if not changed.any():
        return series
    out = series.copy()
    out.iloc[np.flatnonzero(maybe)[changed]] = masked[changed].to_numpy()
    return out


__all__ = ["KEEP_DIGITS", "MASK", "PHONE", "find_phones", "mask_digits", "mask_phones_in", "mask_phones_in_series"]
