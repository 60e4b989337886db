"""The frame: page setup, source status, sidebar filters, navigation.

Run with `streamlit run app.py`. Pages live in pages/ and stay thin.
"""
from __future__ import annotations

import logging
import os

import streamlit as st

from analysis import formatting, strings
from analysis.indicators import Filters, years
from data_sources import SourceError, resolve_source
from pages import common

log = logging.getLogger("ocop")

st.set_page_config(page_title="OCOP", page_icon="⭐", layout="wide")


def _language() -> str:
    lang = st.query_params.get("lang", strings.DEFAULT_LANG)
    return lang if lang in strings.LANGS else strings.DEFAULT_LANG


def _source_status(ctx_lang: str, config, ds) -> None:
    kind = ds.source.get("kind", config.kind)
    label = strings.t(f"source.{kind}", ctx_lang, location=config.location, title=ds.source.get("title") or "")
    st.sidebar.caption(strings.t("sidebar.source", ctx_lang))
    st.sidebar.text(label)
    read_at = ds.source.get("read_at")
    if read_at:
        from datetime import datetime

        local = datetime.fromisoformat(read_at).astimezone()
        st.sidebar.caption(strings.t("sidebar.read_at", ctx_lang, time=formatting.timestamp(local)))


def _year(lang: str, available: list[int]) -> int:
    """The link's year starts the selector; the selector then writes the link."""
    key = "filter_year"
    if key not in st.session_state or st.session_state[key] not in available:
        wanted = st.query_params.get("year", "")
        st.session_state[key] = int(wanted) if wanted.isdigit() and int(wanted) in available else available[0]
    year = st.sidebar.selectbox(strings.t("sidebar.year", lang), available, key=key)
    st.query_params["year"] = str(year)
    return year


def main() -> None:
    lang = _language()
    st.sidebar.title(strings.t("app.title", lang))
    config = resolve_source(os.environ, common.secrets())
    try:
        ds = common.load_dataset(config.kind, config.location)
    except SourceError as error:
        st.error(f"**{strings.t('source.cannot_read', lang)}**\n\n{common.md(common.source_error_message(error, lang))}")
        if st.sidebar.button(strings.t("sidebar.refresh", lang)):
            common.clear_cache()
            st.rerun()
        st.stop()
    _source_status(lang, config, ds)
    if st.sidebar.button(strings.t("sidebar.refresh", lang)):
        common.clear_cache()
        st.rerun()
    available = years(ds) or [int(ds.info.get("plan_year") or 2023)]
    year = _year(lang, available)
    common.set_context(common.Context(ds, Filters(year), lang, config, available))
    if config.kind == "demo":
        st.info(strings.t("source.sample_banner", lang), icon="ℹ️")
    pages = [
        st.Page("pages/overview.py", title=strings.t("nav.overview", lang), icon="📊", url_path="tong-quan",
                default=True),
        st.Page("pages/data_quality.py", title=strings.t("nav.data", lang), icon="🧾", url_path="du-lieu"),
    ]
    st.navigation(pages).run()


try:
    main()
except Exception:  # Streamlit's stop/rerun are BaseExceptions and pass through
    # The user gets a plain Vietnamese message; the traceback goes to the server log only.
    log.exception("page failed")
    st.error(strings.t("error.unexpected", _language()))
