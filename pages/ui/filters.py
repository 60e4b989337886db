"""Sidebar filters bound to the link's query parameters (year, khom, group, lang).

A link copied at a meeting reopens the same view: the link's values start the
widgets, the widgets then write the link. Values that do not exist are shown as
a notice and ignored.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from analysis.i18n import strings
from analysis.workbook.text import Matcher

PARAMS = ("year", "khom", "group", "lang")


def _link_values(param: str) -> list[str]:
    return [v for v in st.query_params.get_all(param) if v.strip()]


def _match(values: list[str], options: Sequence[Any]) -> tuple[list[Any], list[str]]:
    """Link values -> known options (tolerant of case and diacritics), and the unknown ones."""
    matcher = Matcher({str(o): str(o) for o in options})
    by_text = {str(o): o for o in options}
    known, unknown = [], []
    for value in values:
        hit = matcher.match(value)
        (known.append(by_text[hit]) if hit else unknown.append(value))
    return known, unknown


def choose_one(param: str, label: str, options: Sequence[Any], notices: list[str], lang: str,
               format_func: Callable[[Any], str] = str, widget: str = "selectbox") -> Any:
    key = f"filter_{param}"
    if key not in st.session_state or st.session_state[key] not in options:
        known, unknown = _match(_link_values(param)[:1], options)
        notices.extend(strings.t("filters.unknown", lang, param=param, value=v) for v in unknown)
        st.session_state[key] = known[0] if known else options[0]
    if widget == "radio":
        value = st.sidebar.radio(label, options, key=key, format_func=format_func, horizontal=True)
    else:
        value = st.sidebar.selectbox(label, options, key=key, format_func=format_func)
    st.query_params[param] = str(value)
    return value


def choose_many(param: str, label: str, options: Sequence[Any], notices: list[str], lang: str,
                placeholder: str) -> tuple[Any, ...]:
    key = f"filter_{param}"
    if key not in st.session_state:
        known, unknown = _match(_link_values(param), options)
        notices.extend(strings.t("filters.unknown", lang, param=param, value=v) for v in unknown)
        st.session_state[key] = known
    st.session_state[key] = [v for v in st.session_state[key] if v in options]
    values = st.sidebar.multiselect(label, options, key=key, placeholder=placeholder)
    if values:
        st.query_params[param] = [str(v) for v in values]
    elif param in st.query_params:
        del st.query_params[param]
    return tuple(values)


def language() -> str:
    """The link's language (vi by default); read before any widget so labels follow it."""
    key = "filter_lang"
    if key in st.session_state and st.session_state[key] in strings.LANGS:
        return st.session_state[key]
    wanted = st.query_params.get("lang", strings.DEFAULT_LANG)
    return wanted if wanted in strings.LANGS else strings.DEFAULT_LANG
