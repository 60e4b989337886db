"""The one catalogue of everything a user reads, Vietnamese first, English second.

`t(key, lang, **params)` looks a string up and fills `{params}`; `has(key)` says whether it
exists. The words live as data in catalogue_app.py (the dashboard and the commands),
catalogue_views.py (quick entry, the report page, the meeting slides), catalogue_report.py
(figures and the report), catalogue_template.py (the officers' template), and catalogue_limits,
_access, _privacy and _snapshots (what the dashboard refuses and why), and catalogue_registry,
_province and _store (the province view: its registry of units, its pages, its store and sync). They are merged here,
and a key defined in two parts stops the import.
Every key has both languages (tests/analysis/i18n/test_strings.py checks it).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.i18n.catalogue_access import ACCESS
from analysis.i18n.catalogue_app import APP
from analysis.i18n.catalogue_docx import DOCX
from analysis.i18n.catalogue_limits import LIMITS
from analysis.i18n.catalogue_privacy import PRIVACY
from analysis.i18n.catalogue_province import PROVINCE
from analysis.i18n.catalogue_province_report import PROVINCE_REPORT
from analysis.i18n.catalogue_public import PUBLIC
from analysis.i18n.catalogue_registry import REGISTRY
from analysis.i18n.catalogue_report import REPORT
from analysis.i18n.catalogue_snapshots import SNAPSHOTS
from analysis.i18n.catalogue_store import STORE
from analysis.i18n.catalogue_template import TEMPLATE
from analysis.i18n.catalogue_views import VIEWS

DEFAULT_LANG = "vi"
LANGS = ("vi", "en")

PARTS: dict[str, Mapping[str, tuple[str, str]]] = {
    "app": APP, "views": VIEWS, "report": REPORT, "template": TEMPLATE,
    "limits": LIMITS, "access": ACCESS, "privacy": PRIVACY, "snapshots": SNAPSHOTS,
    "registry": REGISTRY, "province": PROVINCE, "province_report": PROVINCE_REPORT, "store": STORE,
    "public": PUBLIC,
    "docx": DOCX,
}


def merge(parts: Mapping[str, Mapping[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """One dict of every part; ValueError when a key is in two parts (one would silently win)."""
    merged: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for name, part in parts.items():
        twice = sorted(f"{key} ({owner[key]}, {name})" for key in part if key in owner)
        if twice:
            raise ValueError("catalogue keys defined twice: " + ", ".join(twice))
        merged.update(part)
        owner.update(dict.fromkeys(part, name))
    return merged


CATALOGUE: dict[str, tuple[str, str]] = merge(PARTS)


class _Blanks(dict):
    """A missing parameter reads as blank, never a crash in front of a user."""

    def __missing__(self, key: str) -> str:
        return ""


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The string for `key` in `lang`, with `{params}` filled in (any names, even `key`)."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    shown = {k: ("" if v is None else v) for k, v in params.items()}
    return text.format_map(_Blanks(shown))


def has(key: str) -> bool:
    return key in CATALOGUE
