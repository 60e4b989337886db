"""The frame: page setup, source status, sidebar filters, navigation.

Run with `streamlit run app.py`. Page scripts live in pages/ and stay thin; what they
share (loading and caches, the context, filters, widgets, the write path) is in pages/ui/.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

import streamlit as st

from analysis.i18n import formatting, strings
from analysis.metrics.indicators import year_choices, years
from analysis.metrics.scope import Filters, all_areas
from analysis.policy.access import access_settings
from analysis.workbook import clock, contract
from data_sources import SourceError, resolve_registry, resolve_source
from pages.ui import filters, province_frame
from pages.ui.state import Context, LoadStatus, clear_cache, load_for_viewer, secrets, set_context
from pages.ui.widgets import md, source_error_text

log = logging.getLogger("ocop")

MEETING = st.query_params.get("view") == "meeting"  # the presentation layout for a projector
st.set_page_config(page_title="OCOP", page_icon="⭐", layout="wide",
                   initial_sidebar_state="collapsed" if MEETING else "auto")


def _source_status(lang: str, config, ds) -> None:
    kind = ds.source.kind or config.kind
    st.sidebar.caption(strings.t("sidebar.source", lang))
    st.sidebar.text(strings.t(f"source.{kind}", lang, location=config.location, title=ds.source.title))
    if kind == "gsheet_public":  # read without credentials: the producers' phones are open to anyone with the link
        st.sidebar.warning(strings.t("public.warning", lang), icon=":material/public:")
    read_at = ds.source.read_at
    if read_at is not None:
        read_time = formatting.timestamp(read_at)
        st.sidebar.caption(strings.t("sidebar.read_at", lang, time=read_time))


def _filters(ds, lang: str, notices: list[str]) -> Filters:
    year = filters.choose_one("year", strings.t("sidebar.year", lang), year_choices(ds), notices, lang)
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
        page("pages/entry.py", "nav.entry", ":material/edit_note:"),
        page("pages/report.py", "nav.report", ":material/summarize:"),
        page("pages/data_quality.py", "nav.data", ":material/fact_check:"),
    ]


def _tab_title(page, ds, lang: str) -> None:
    """The browser tab names the page and the unit ("Tổng quan · Phường Vĩnh Hòa Đông"), so a row of
    tabs or a bookmark says which is which; st.Page's title stays the short navigation label."""
    unit = ds.info.get("ward_name") or strings.t("app.title", lang)
    st.set_page_config(page_title=strings.t("page.tab_title", lang, page=page.title, unit=unit))


def _refresh_button(lang: str) -> None:
    if st.sidebar.button(strings.t("sidebar.refresh", lang)):
        clear_cache()
        st.rerun()


def _sign_in(lang: str, access) -> tuple[str, str | None]:
    """The viewer's role and e-mail. With login on, nobody passes without signing in; with login on but
    [auth] incomplete, nobody passes at all: the page stops after naming what is missing (never a value)."""
    if access.misconfigured:
        log.error("login = true but [auth] lacks: %s", ", ".join(access.missing))
        st.title(strings.t("app.title", lang))
        st.error(strings.t("access.auth_incomplete", lang, missing=", ".join(access.missing)), icon=":material/lock:")
        st.stop()
    if not access.login:
        return access.role_for(None), None
    if not st.user.is_logged_in:
        st.title(strings.t("app.title", lang))
        st.info(strings.t("login.required", lang), icon=":material/lock:")
        st.button(strings.t("login.button", lang), on_click=st.login, args=(access.provider,), type="primary")
        st.stop()
    email = st.user.get("email")
    role = access.role_for(email)
    st.sidebar.caption(strings.t("login.signed_in", lang, email=email or "", role=strings.t(f"role.{role}", lang)))
    st.sidebar.button(strings.t("login.logout", lang), on_click=st.logout)
    return role, email


def _fallback_banner(status: LoadStatus, lang: str) -> None:
    """Served from the last good snapshot: say when it was saved, how old it is, and why."""
    saved = clock.local(status.snapshot_at)
    minutes = max(0, int((datetime.now(saved.tzinfo) - saved).total_seconds() // 60))
    age = (strings.t("fallback.age_minutes", lang, n=minutes) if minutes < 120 else
           strings.t("fallback.age_hours", lang, n=minutes // 60) if minutes < 48 * 60 else
           strings.t("fallback.age_days", lang, n=minutes // 1440))
    reason = source_error_text(status.error_code, status.error_params, lang)
    st.warning(md(strings.t("fallback.banner", lang, time=formatting.timestamp(saved), age=age, reason=reason)),
               icon=":material/cloud_off:")


def _source_error(status: LoadStatus, lang: str) -> None:
    """Nothing to show: why the source could not be read and, if a snapshot was refused, why."""
    why = source_error_text(status.error_code, status.error_params, lang)
    text = f"**{strings.t('source.cannot_read', lang)}**\n\n{md(why)}"
    if status.snapshot_problem_code:
        reason = source_error_text(status.snapshot_problem_code, status.snapshot_problem_params, lang)
        text += "\n\n" + md(strings.t("snapshot.not_used", lang, reason=reason))
    st.error(text)
    if status.error_params.get("email"):  # to paste into "Share" intact (md() breaks the address's auto-link)
        st.code(str(status.error_params["email"]), language=None)


def _navigation(lang: str):
    if MEETING:
        return st.navigation([st.Page("pages/meeting.py", title=strings.t("nav.meeting", lang), default=True)],
                             position="hidden")
    return st.navigation(_pages(lang))


def unit_view(lang: str, navigation, ds, status: LoadStatus, config, role: str, can_enter: bool,
              refresh: Callable[[], None], unit: str | None = None,
              reload: Callable[[str], Any] | None = None) -> None:
    """One unit's dashboard: filters, source status, banners, then the page. `unit`: the unit's code
    when it is a province's unit read from the store (the link keeps it)."""
    notices: list[str] = []
    chosen = _filters(ds, lang, notices)
    lang = filters.choose_one("lang", strings.t("sidebar.language", lang), list(strings.LANGS), notices, lang,
                              format_func=lambda code: strings.t(f"lang.{code}"), widget="radio")
    st.sidebar.caption(strings.t("sidebar.share_hint", lang))
    st.sidebar.divider()
    _source_status(lang, config, ds)
    if st.sidebar.button(strings.t("sidebar.refresh", lang)):
        refresh()
        st.rerun()
    set_context(Context(ds, chosen, lang, config, years(ds), role, can_enter, unit=unit, reload=reload,
                        refresh=refresh if unit is not None else None))
    if status.fallback:
        _fallback_banner(status, lang)
    if ds.source.is_sample:  # the bundled demo workbook
        st.info(strings.t("source.sample_banner", lang), icon=":material/info:")
    for notice in notices:
        st.warning(md(notice), icon=":material/link_off:")
    _tab_title(navigation, ds, lang)
    navigation.run()


def main() -> None:
    lang = filters.language()
    settings = secrets()
    access = access_settings(settings)
    registry = resolve_registry(os.environ, settings)
    unit = province_frame.chosen_unit() if registry is not None else None
    if registry is not None and unit is None:  # the province's own pages
        role, email = _sign_in(lang, access)
        province_frame.run_province(lang, access, registry, role)
        return
    navigation = _navigation(lang)
    st.sidebar.title(strings.t("app.title", lang))
    role, email = _sign_in(lang, access)
    if registry is not None:  # a province's unit, from the store
        province_frame.run_unit(lang, navigation, access, registry, unit, email, unit_view)
        return
    config = resolve_source(os.environ, settings)
    try:
        ds, status = load_for_viewer(config, role)  # viewers never see phones or contact names
    except SourceError as error:
        _source_error(LoadStatus.failed(error), lang)
        _refresh_button(lang)
        st.stop()
    # Only signed-in officers may add rows; without login, only if entry_without_login says anyone may.
    unit_view(lang, navigation, ds, status, config, role, access.can_enter(role), clear_cache)


try:
    main()
except Exception:  # Streamlit's stop/rerun are BaseExceptions and pass through
    # The user gets a plain Vietnamese message; the traceback goes to the server log only.
    log.exception("page failed")
    st.error(strings.t("error.unexpected", filters.language()))
