"""Masking producers' personal data (representative's name, phone) for viewers who
are not signed in. Pure: a masked copy of the dataset, the original untouched.

    mask_phone("0912 345 678") == "09•• ••• •78"   first 2 and last 2 digits kept
    mask_name("Nguyễn Văn An") == "N. V. A."        initials only
"""
from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any

from analysis.workbook import contract as c
from analysis.workbook.values import is_blank

# tab key -> the columns holding personal data (contract keys)
PERSONAL_COLUMNS: dict[str, tuple[str, ...]] = {"producers": ("contact_name", "phone")}
MASK = "•"
_KEEP_DIGITS = 2  # at each end of a phone number


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number: 912345678.0
    return unicodedata.normalize("NFC", str(value))


def mask_phone(value: Any) -> Any:
    """Every letter and digit masked but the first 2 and last 2 digits (a number with
    fewer than 6 digits is masked whole); separators kept. Blank stays blank."""
    if is_blank(value):
        return value
    text = _as_text(value)
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    keep = set(digits[:_KEEP_DIGITS] + digits[-_KEEP_DIGITS:]) if len(digits) >= 6 else set()
    return "".join(ch if i in keep or not ch.isalnum() else MASK for i, ch in enumerate(text))


def mask_name(value: Any) -> Any:
    """'Nguyễn Văn An' -> 'N. V. A.': the first letter of each word. Blank stays blank."""
    if is_blank(value):
        return value
    initials = []
    for word in _as_text(value).split():
        letter = next((ch for ch in word if ch.isalnum()), None)
        if letter is not None:
            initials.append(letter.upper() + ".")
    return " ".join(initials) if initials else MASK


_MASKERS = {"contact_name": mask_name, "phone": mask_phone}


def _masker(key: str):
    return _MASKERS.get(key, lambda v: v if is_blank(v) else MASK)


def mask_personal(ds):
    """A copy of `ds` (analysis.workbook.dataset.Dataset) with PERSONAL_COLUMNS masked, in the
    tables and in the issues list (an issue may quote a cell)."""
    tables = dict(ds.tables)  # pandas copy-on-write: unmasked tables are shared, never altered
    for tab_key, columns in PERSONAL_COLUMNS.items():
        if tab_key not in tables:
            continue
        table = tables[tab_key].copy()
        for key in columns:
            if key in table.columns:
                table[key] = table[key].astype(object).map(_masker(key))
        tables[tab_key] = table
    issues = ds.issues.copy()
    if len(issues) and {"tab", "column", "value"} <= set(issues.columns):
        for tab_key, columns in PERSONAL_COLUMNS.items():
            tab = c.TABS_BY_KEY[tab_key]
            titles = {tab.title, ds.found_tabs.get(tab_key)} - {None}
            for key in columns:
                rows = issues["tab"].isin(titles) & (issues["column"] == tab.column(key).header)
                issues.loc[rows, "value"] = issues.loc[rows, "value"].astype(object).map(_masker(key))
    return dataclasses.replace(ds, tables=tables, issues=issues)


__all__ = ["MASK", "PERSONAL_COLUMNS", "mask_name", "mask_personal", "mask_phone"]
