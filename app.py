"""The frame: page setup, source status, sidebar filters, navigation.

Run with `streamlit run app.py`. Pages live in pages/ and stay thin.
"""
from __future__ import annotations

import logging
import os
from datetime import date, datetime

import streamlit as st

from analysis import contract, formatting, strings
from analysis.indicators import Filters, all_areas, years
from data_sources import SourceError, resolve_source
from pages import common, filters

log = logging.getLogger("ocop")

st.set_page_config(page_title="OCOP", page_icon="⭐", layout="wide")


def _source_status(lang: str, config, ds) -> None:
    kind = ds.source.get("kind", config.kind)
    st.sidebar.caption(strings.t("sidebar.source", lang))
    st.sidebar.text(strings.t(f"source.{kind}", lang, location=config.location, title=ds.source.get("title") or ""))
    read_at = ds.source.get("read_at")
    if read_at:
        local = datetime.fromisoformat(read_at).astimezone()
        st.sidebar.caption(strings.t("sidebar.read_at", lang, time=formatting.timestamp(local)))


def _default_year_first(ds) -> list[int]:
    """Years with data, the newest year that has targets first (the usual view)."""
    available = years(ds) or [int(ds.info.get("plan_year") or date.today().year)]
    with_targets = sorted({int(y) for y in ds.tables["targets"]["year"].dropna()}, reverse=True)
    first = with_targets[0] if with_targets else available[0]
    return [first] + [y for y in available if y != first]


def _filters(ds, lang: str, notices: list[str]) -> Filters:
    year = filters.choose_one("year", strings.t("sidebar.year", lang), _default_year_first(ds), notices, lang)
    areas = filters.choose_many("khom", strings.t("sidebar.khom", lang), all_areas(ds), notices, lang,
                                strings.t("sidebar.all_khom", lang))
    groups = filters.choose_many("group", strings.t("sidebar.group", lang), list(contract.PRODUCT_GROUPS),
                                 notices, lang, strings.t("sidebar.all_groups", lang))
    return Filters(int(year), areas, groups)


def _pages(lang: str) -> list:
    # URL paths come from the file names (overview, products, ...), as Streamlit derives them
    # for a pages/ folder too, so a shared link resolves the same way on a server's first run.
    def page(path: str, key: str, icon: str, **kw):
        return st.Page(path, title=strings.t(key, lang), icon=icon, **kw)

    return [
        page("pages/overview.py", "nav.overview", ":material/dashboard:", default=True),
        page("pages/products.py", "nav.products", ":material/inventory_2:"),
        page("pages/outreach.py", "nav.outreach", ":material/campaign:"),
        page("pages/training.py", "nav.training", ":material/school:"),
        page("pages/data_quality.py", "nav.data", ":material/fact_check:"),
    ]


def main() -> None:
    lang = filters.language()
    navigation = st.navigation(_pages(lang))
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
    notices: list[str] = []
    chosen = _filters(ds, lang, notices)
    lang = filters.choose_one("lang", strings.t("sidebar.language", lang), list(strings.LANGS), notices, lang,
                              format_func=lambda code: strings.t(f"lang.{code}"), widget="radio")
    st.sidebar.caption(strings.t("sidebar.share_hint", lang))
    st.sidebar.divider()
    _source_status(lang, config, ds)
    if st.sidebar.button(strings.t("sidebar.refresh", lang)):
        common.clear_cache()
        st.rerun()
    common.set_context(common.Context(ds, chosen, lang, config, years(ds)))
    if config.kind == "demo":
        st.info(strings.t("source.sample_banner", lang), icon=":material/info:")
    for notice in notices:
        st.warning(common.md(notice), icon=":material/link_off:")
    navigation.run()


try:
    main()
except Exception:  # Streamlit's stop/rerun are BaseExceptions and pass through
    # The user gets a plain Vietnamese message; the traceback goes to the server log only.
    log.exception("page failed")
    st.error(strings.t("error.unexpected", filters.language()))
