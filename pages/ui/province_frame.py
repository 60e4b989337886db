"""Province mode's frame: the province pages, or one unit's dashboard read from the store (?unit=CODE).

app.py calls it when a registry is configured (OCOP_REGISTRY or [ocop] registry). The province pages
read ProvinceContext (pages/ui/province_state.py); a unit's dashboard is today's pages on the unit's
dataset rebuilt from the store, with a link back to the province that keeps the year and language.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from analysis.i18n import formatting, strings
from analysis.metrics.province import unit_reason, unit_reason_code
from analysis.workbook import clock
from data_sources import SourceConfig, SourceError, unit_source
from data_sources.store import store_path
from pages.ui import filters
from pages.ui.province_state import (
    UNIT_PARAM,
    ProvinceContext,
    keep_fresh,
    province_data,
    set_province_context,
    unit_dataset,
)
from pages.ui.state import LoadStatus, secrets
from pages.ui.widgets import md, source_error_text

UNIT_KEY = "_ocop_unit"


def chosen_unit() -> str | None:
    """The unit this session looks at: from the link (?unit=CODE) on its first run, kept while the viewer
    moves between the unit's pages (the frame writes it back into the link on every run)."""
    if UNIT_KEY not in st.session_state:
        value = (st.query_params.get(UNIT_PARAM) or "").strip().upper()  # the registry's codes are upper case
        st.session_state[UNIT_KEY] = value or None
    code = st.session_state[UNIT_KEY]
    if code:
        st.query_params[UNIT_PARAM] = code
    return code


def store_for(registry: SourceConfig) -> Path:
    if registry.kind == "demo":
        from analysis.cli.demo_province import demo_store_path

        return demo_store_path(os.environ, secrets())
    return store_path(os.environ, secrets())


def unit_link(code: str, year: int | None = None, lang: str | None = None) -> str:
    """A unit's dashboard, relative to the app's root (the pages live at the root): ./?unit=CODE&year=…"""
    params = {UNIT_PARAM: code, **({"year": year} if year else {}), **({"lang": lang} if lang else {})}
    return "./?" + urlencode(params)


def province_link(year: int | None = None, lang: str | None = None) -> str:
    params = {**({"year": year} if year else {}), **({"lang": lang} if lang else {})}
    return "./" + ("?" + urlencode(params) if params else "")


def _province_pages(lang: str) -> list:
    def page(path: str, key: str, icon: str, **kw):
        return st.Page(path, title=strings.t(key, lang), icon=icon, **kw)

    return [page("pages/province.py", "nav.province", ":material/map:", default=True),
            page("pages/province_quality.py", "nav.province_quality", ":material/fact_check:"),
            page("pages/province_report.py", "nav.province_report", ":material/summarize:")]


def _first_sync(lang: str, runner) -> None:
    """No store yet: say a first sync is under way (or why it did not run), and look again shortly."""
    st.title(strings.t("province.title", lang))
    if runner.error is not None and not runner.running:
        st.error(md(source_error_text(runner.error.code, runner.error.params, lang)))
    else:
        st.info(strings.t("province.first_sync", lang), icon=":material/sync:")

        @st.fragment(run_every=3)
        def wait() -> None:
            if not runner.running:
                st.rerun(scope="app")

        wait()
    st.stop()


def _sync_status(ctx: ProvinceContext) -> None:
    syncs = ctx.data.syncs
    if len(syncs):
        finished = syncs.iloc[0]["finished_at"]
        st.sidebar.caption(ctx.t("province.synced_at", time=formatting.timestamp(
            clock.local(pd.Timestamp(finished).to_pydatetime()))))
    if ctx.runner.running:
        st.sidebar.caption(ctx.t("province.sync_running"))
    elif ctx.runner.error is not None:
        st.sidebar.warning(md(source_error_text(ctx.runner.error.code, ctx.runner.error.params, ctx.lang)))


def run_province(lang: str, access, registry: SourceConfig, role: str) -> None:
    """The province pages: Toàn tỉnh, data quality across units, the province report."""
    navigation = st.navigation(_province_pages(lang))
    st.sidebar.title(strings.t("province.title", lang))
    store = store_for(registry)
    runner = keep_fresh(registry, store)
    try:
        data = province_data(store)
    except SourceError as error:
        if error.code != "store_missing":
            st.error(md(source_error_text(error.code, error.params, lang)))
            st.stop()
        _first_sync(lang, runner)
        return
    notices: list[str] = []
    year = filters.choose_one("year", strings.t("sidebar.year", lang), data.years() or [clock.today().year],
                              notices, lang)
    lang = filters.choose_one("lang", strings.t("sidebar.language", lang), list(strings.LANGS), notices, lang,
                              format_func=lambda code: strings.t(f"lang.{code}"), widget="radio")
    ctx = ProvinceContext(data, int(year), lang, role, store, runner)
    st.sidebar.divider()
    _sync_status(ctx)
    if st.sidebar.button(strings.t("province.refresh", lang)):
        keep_fresh(registry, store, force=True)
        st.rerun()
    for notice in notices:
        st.warning(md(notice), icon=":material/link_off:")
    set_province_context(ctx)
    st.set_page_config(page_title=strings.t("page.tab_title", lang, page=navigation.title,
                                            unit=strings.t("province.title", lang)))
    navigation.run()


def _back_link(lang: str) -> None:
    year = st.query_params.get("year")
    st.sidebar.markdown(f"[{strings.t('province.back', lang)}]({province_link(year, lang)})")


def run_unit(lang: str, navigation, access, registry: SourceConfig, code: str, email: str | None,
             unit_view: Callable) -> None:
    """One unit's dashboard from the store: its role (a province officer, or one of the unit's officers,
    sees personal data and may enter rows), its stale banner, a way back to the province."""
    store = store_for(registry)
    keep_fresh(registry, store)
    _back_link(lang)
    try:
        data = province_data(store)
    except SourceError as error:
        if error.code == "store_missing":
            _first_sync(lang, keep_fresh(registry, store))
        st.error(md(source_error_text(error.code, error.params, lang)))
        st.stop()
    row = data.unit(code)
    if row is None:
        st.error(strings.t("province.unknown_unit", lang, code=md(code)))
        st.stop()
    role = access.role_in_unit(email, tuple(row["officers"] or ()))
    ds = unit_dataset(store, code, role)
    reason = unit_reason(row["reason_code"], row["reason_params"], lang) or ""
    if ds is None:  # never read: say why, nothing else to show
        st.title(md(row["name"]))
        st.error(md(strings.t("province.unit_unreadable", lang, reason=reason)))
        st.stop()
    code_why = unit_reason_code(row["reason_code"]) if isinstance(row["reason_code"], str) else None
    status = LoadStatus(fallback=row["status"] == "stale", error_code=code_why,
                        error_params=dict(row["reason_params"] or {}),
                        snapshot_at=row["read_at"].to_pydatetime() if row["status"] == "stale" else None)
    folder = Path(registry.location).resolve().parent if registry.kind != "gsheet" else None
    if registry.kind == "demo":
        from analysis.cli.demo_province import demo_registry

        folder = Path(demo_registry(store).location).parent
    config = unit_source(row["source"], folder) if isinstance(row["source"], str) else SourceConfig("xlsx", "")
    unit_view(lang, navigation, ds, status, config, role, access.can_enter(role),
              refresh=lambda: keep_fresh(registry, store, force=True), unit=code,
              reload=lambda r: unit_dataset(store, code, r) or ds)
