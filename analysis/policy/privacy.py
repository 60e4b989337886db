"""Masking personal data for viewers who are not officers. Pure: a masked copy of the dataset,
the original untouched. What is masked, everywhere a viewer can see it (tables, issue values and
params, the Thông tin values):

- the representative's name and phone (Chủ thể: Người đại diện, Điện thoại):
      mask_name("Nguyễn Văn An") == "N. V. A."        initials only
      mask_phone("0912 345 678") == "09•• ••• •78"   first 2 and last 2 digits kept
- a phone number inside any text column of any tab (notes, addresses, a phone typed among the
  producer ids of Tuyên truyền...), in the form analysis/policy/phones.py documents:
      "Trần Văn Hùng 0901 234 101" -> "Trần Văn Hùng 09•• ••• •01"; "ĐKKD 1601234567" stays;
- a person's name in a household producer's name (Tên chủ thể): the prefix is kept, the name
  becomes initials like a contact name:
  1. "Hộ [kinh doanh|sản xuất|gia đình] <ông|bà|anh|chị|cô|chú|bác|dì|em> <name>" (or "HKD …"):
     always ("Hộ ông Trương Văn Đức" -> "Hộ ông T. V. Đ.");
  2. "Hộ <name>", "Hộ kinh doanh <name>", "Hộ sản xuất <name>", "Hộ gia đình <name>", "HKD <name>"
     when <name> reads as a person's name (2 to 5 words, each capitalised, letters only) or is
     the representative's name ("HKD Nguyễn Thị Lan" -> "HKD N. T. L."; "Hộ kinh doanh bánh pía" stays);
  3. "Cơ sở [sản xuất] <name>" (or "CS …") the same way, only when the kind (Loại hình) is a
     household (Hộ kinh doanh, Hộ sản xuất) or blank ("Cơ sở Nguyễn Thị Lan" -> "Cơ sở N. T. L.");
  4. for a household (or blank kind), the representative's full name (2 words or more) anywhere
     in it ("Cơ sở tung lò mò Ha Li Mah", representative Ha Li Mah -> "Cơ sở tung lò mò H. L. M.").
  Trade names with a nickname ("Cơ sở mắm Bà Sáu", "Cơ sở nem Bảy Tốt") and the names of
  cooperatives, cooperative groups and companies ("HTX Thốt nốt Vĩnh Phú", "Công ty TNHH …") stay.
Ids (Mã …, the producer ids of Tuyên truyền) and codes are never changed: they are keys.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

import pandas as pd

from analysis.policy.phones import MASK, mask_digits, mask_phones_in, mask_phones_in_series
from analysis.workbook import contract as c
from analysis.workbook.values import is_blank

# tab key -> the columns holding personal data (contract keys)
PERSONAL_COLUMNS: dict[str, tuple[str, ...]] = {"producers": ("contact_name", "phone")}
HOUSEHOLD_KINDS = tuple(k for k in c.PRODUCER_KINDS if k.startswith("Hộ"))  # Hộ kinh doanh, Hộ sản xuất
# Columns whose phones are masked: free text, and vocabularies (a khóm name is typed by the ward).
TEXT_KINDS = (c.TEXT, c.VOCAB)

_HONORIFIC = r"(?:ông|bà|anh|chị|cô|chú|bác|dì|em)"
_HOUSEHOLD = re.compile(
    rf"^(?P<prefix>(?:hộ(?:\s+(?:kinh\s+doanh|sản\s+xuất|gia\s+đình))?|hkd)(?:\s+(?P<title>{_HONORIFIC}))?)"
    r"\s+(?P<name>\S.*)$", re.IGNORECASE)
_WORKSHOP = re.compile(r"^(?P<prefix>(?:cơ\s+sở(?:\s+sản\s+xuất)?|cs))\s+(?P<name>\S.*)$", re.IGNORECASE)


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number: 912345678.0
    return unicodedata.normalize("NFC", str(value))


def mask_phone(value: Any) -> Any:
    """Every letter and digit masked but the first 2 and last 2 digits (a number with
    fewer than 6 digits is masked whole); separators kept. Blank stays blank."""
    return value if is_blank(value) else mask_digits(_as_text(value))


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


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _is_person(name: str, contact: str | None) -> bool:
    words = name.split()
    if contact and _fold(name) == _fold(contact):
        return True
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w.isalpha() for w in words)


def mask_producer_name(name: Any, kind: Any = None, contact: Any = None) -> Any:
    """A producer's name with the person's name in it masked (the rules in the module docstring)."""
    if not isinstance(name, str) or is_blank(name):
        return name
    text = " ".join(unicodedata.normalize("NFC", name).split())
    contact = None if is_blank(contact) else " ".join(_as_text(contact).split())
    household = is_blank(kind) or kind in HOUSEHOLD_KINDS
    found = _HOUSEHOLD.match(text)
    if found and (found["title"] or _is_person(found["name"], contact)):
        return f"{found['prefix']} {mask_name(found['name'])}"
    found = _WORKSHOP.match(text)
    if household and found and _is_person(found["name"], contact):
        return f"{found['prefix']} {mask_name(found['name'])}"
    if household and contact and len(contact.split()) >= 2:
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, contact.split())) + r"(?!\w)", re.IGNORECASE)
        text, n = pattern.subn(lambda m: mask_name(m.group()), text)
        if n:
            return text
    return name


_MASKERS = {"contact_name": mask_name, "phone": mask_phone}


def _masker(key: str):
    return _MASKERS.get(key, lambda v: v if is_blank(v) else MASK)


def _mask_producers(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    if {"name", "kind", "contact_name"} <= set(table.columns):
        names = [mask_producer_name(n, k, p) for n, k, p in zip(table["name"], table["kind"], table["contact_name"])]
        table["name"] = pd.Series(names, index=table.index, dtype=table["name"].dtype)
    for key in PERSONAL_COLUMNS["producers"]:
        if key in table.columns:
            table[key] = table[key].astype(object).map(_masker(key))
    return table


def _mask_text_columns(tab_key: str, table: pd.DataFrame) -> pd.DataFrame:
    tab = c.TABS_BY_KEY.get(tab_key)
    if tab is None:
        return table
    out = table
    for column in tab.columns:
        if column.kind in TEXT_KINDS and column.key in table.columns:
            masked = mask_phones_in_series(table[column.key])
            if masked is not table[column.key]:
                out = out.copy() if out is table else out
                out[column.key] = masked
    return out


def _mask_params(params: Any) -> Any:
    if not isinstance(params, dict):
        return params
    return {k: mask_phones_in(v) for k, v in params.items()}


def _mask_issues(ds) -> pd.DataFrame:
    issues = ds.issues.copy()
    if not len(issues) or not {"tab", "column", "value"} <= set(issues.columns):
        return issues
    producers_tab = c.TABS_BY_KEY["producers"]
    titles = {producers_tab.title, ds.found_tabs.get("producers")} - {None}
    in_producers = issues["tab"].isin(titles)
    for key in PERSONAL_COLUMNS["producers"]:
        rows = in_producers & (issues["column"] == producers_tab.column(key).header)
        issues.loc[rows, "value"] = issues.loc[rows, "value"].astype(object).map(_masker(key))
    rows = in_producers & (issues["column"] == producers_tab.column("name").header)
    if rows.any():  # a producer name quoted: masked like the table's row (kind and contact known)
        table = ds.tables.get("producers", pd.DataFrame())
        by_row = {r: (k, p) for r, k, p in zip(table.get("_row", []), table.get("kind", []),
                                                 table.get("contact_name", []))}
        issues.loc[rows, "value"] = [mask_producer_name(v, *by_row.get(r, ("", None)))
                                     for v, r in zip(issues.loc[rows, "value"], issues.loc[rows, "row"])]
    for column in ("tab", "column", "value"):
        issues[column] = mask_phones_in_series(issues[column])
    if "params" in issues.columns:
        issues["params"] = [_mask_params(p) for p in issues["params"]]
    return issues


def mask_personal(ds):
    """A copy of `ds` (analysis.workbook.dataset.Dataset) with personal data masked (see the module
    docstring) in the tables, the issues and the Thông tin values."""
    tables = dict(ds.tables)  # pandas copy-on-write: unmasked tables are shared, never altered
    if "producers" in tables:
        tables["producers"] = _mask_producers(tables["producers"])
    for tab_key, table in tables.items():
        tables[tab_key] = _mask_text_columns(tab_key, table)
    info = {k: mask_phones_in(v) for k, v in ds.info.items()}
    return dataclasses.replace(ds, tables=tables, issues=_mask_issues(ds), info=info)


def holds_personal(ds, parts: tuple[str, ...] = ("tables", "issues", "info")) -> bool:
    """Whether these parts of `ds` hold anything mask_personal would mask: what the CLI warns the
    operator about (the summary JSON carries the issues and Thông tin, the report the tables)."""
    masked = mask_personal(ds)
    if "info" in parts and masked.info != ds.info:
        return True
    if "issues" in parts and not masked.issues.equals(ds.issues):
        return True
    return "tables" in parts and any(not masked.tables[k].equals(t) for k, t in ds.tables.items())


__all__ = ["HOUSEHOLD_KINDS", "MASK", "PERSONAL_COLUMNS", "holds_personal", "mask_name", "mask_personal",
           "mask_phone", "mask_producer_name"]
