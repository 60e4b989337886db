"""What every page shares: the loaded dataset, the filters, the language, and small
rendering helpers. The frame (app.py) fills the context once per run; pages read it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import streamlit as st

from analysis import strings
from analysis.indicators import Filters
from analysis.normalise import Dataset, normalise_workbook
from data_sources import SourceConfig, SourceError, cache_ttl, read_source

CONTEXT_KEY = "_ocop_context"


def secrets() -> dict[str, Any]:
    """st.secrets as a plain dict; an absent secrets.toml is simply no secrets."""
    try:
        return {k: (dict(v) if hasattr(v, "items") else v) for k, v in st.secrets.items()}
    except Exception:  # Streamlit raises its own error type when no secrets file exists
        return {}


@st.cache_data(ttl=cache_ttl(os.environ, secrets()), show_spinner=False, max_entries=8)
def load_dataset(kind: str, location: str) -> Dataset:
    """One read and one normalisation shared by every viewer until the TTL runs out."""
    raw = read_source(SourceConfig(kind, location), os.environ, secrets())
    return normalise_workbook(raw)


def clear_cache() -> None:
    load_dataset.clear()


@dataclass
class Context:
    ds: Dataset
    filters: Filters
    lang: str
    config: SourceConfig
    years: list[int]

    def t(self, key: str, /, **params: Any) -> str:
        return strings.t(key, self.lang, **params)


def set_context(ctx: Context) -> None:
    st.session_state[CONTEXT_KEY] = ctx


def context() -> Context:
    return st.session_state[CONTEXT_KEY]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: Any) -> str:
    """Sheet text made inert inside Markdown: no links, HTML or formatting from a cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def source_error_message(error: SourceError, lang: str) -> str:
    return strings.t(f"source_error.{error.code}", lang, **error.params)
