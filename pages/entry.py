"""Nhập nhanh: add an outreach activity or a training attendance to the shared sheet,
checked by the same rules as reading, appended without touching anyone's rows."""
from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st

from analysis.i18n import strings
from analysis.metrics.scope import all_areas
from analysis.policy.access import access_settings
from analysis.policy.entry import check_entry, choices, sheet_row
from analysis.workbook import clock, contract
from pages.ui.state import context, secrets
from pages.ui.widgets import md, source_error_message
from pages.ui.writing import NOT_ARRIVED, SAVED, send_entry, tab_title

ctx = context()
PICK = ctx.t("entry.pick")  # the placeholder of every list
st.title(ctx.t("entry.heading"))
# Without a shared Google Sheet, or without the right to write, the forms show as a locked preview:
# what quick entry asks for, and what is needed to use it. Nothing can be sent from it.
PUBLIC = ctx.ds.source.kind == "gsheet_public"  # read without credentials: nothing could write to it
LOCKED = ctx.config.kind != "gsheet" or PUBLIC or not ctx.can_enter
if ctx.config.kind != "gsheet":
    st.info(ctx.t("entry.needs_sheet"), icon=":material/info:")
elif PUBLIC:
    st.info(ctx.t("entry.needs_credentials"), icon=":material/lock:")
elif not ctx.can_enter:  # writing needs a signed-in officer, or [ocop.access] entry_without_login = true
    off = not access_settings(secrets()).login
    st.warning(ctx.t("entry.off_without_login" if off else "entry.officers_only"), icon=":material/lock:")
if LOCKED:
    st.caption(ctx.t("entry.preview"))
if flash := st.session_state.pop("entry_flash", None):
    st.success(flash, icon=":material/check_circle:")


def _nonce(tab_key: str) -> str:
    """A fresh form after each successful append; the same form (and what was typed) after a failure."""
    return st.session_state.setdefault(f"entry_nonce_{tab_key}", uuid.uuid4().hex)


# What a form row must say to be worth a line in the sheet (beyond the contract's own keys).
FORM_REQUIRED = {"outreach": ("channel", "area")}


def _submit(tab_key: str, values: dict[str, Any]) -> None:
    missing = [key for key in FORM_REQUIRED.get(tab_key, ()) if not values.get(key)]
    if missing:
        headers = [contract.TABS_BY_KEY[tab_key].column(k).header for k in missing]
        st.error(ctx.t("entry.choose", fields=", ".join(headers)))
        return
    issues = check_entry(ctx.ds, tab_key, values)
    if not issues.empty:
        for issue in issues.itertuples():
            st.error(md(f"{issue.column}: {strings.t('reason.' + issue.reason, ctx.lang, **issue.params)}"))
        return
    row = sheet_row(ctx.ds, tab_key, values)
    sent = st.session_state.setdefault("entry_sent", set())
    lost = st.session_state.setdefault("entry_lost", set())  # sent, but the answer was lost
    token = (_nonce(tab_key), tuple(map(str, row)))
    if token in sent:  # a double click re-submits the same form: never add the row twice
        return
    # The same submission again after a lost answer: the sheet is read first, and nothing is sent if it arrived.
    result = send_entry(ctx, tab_key, row, check_first=token in lost)
    tab = md(tab_title(ctx, tab_key))  # the tab's title as the officers typed it: sheet text, shown inert
    if not result.written:
        if result.error is not None:
            st.error(md(source_error_message(result.error, ctx.lang)), icon=":material/error:")
        if result.uncertain:
            lost.add(token)
            st.warning(ctx.t("entry.not_arrived" if result.outcome == NOT_ARRIVED else "entry.unknown", tab=tab),
                       icon=":material/sync_problem:")
        st.caption(ctx.t("entry.kept"))
        return
    sent.add(token)
    lost.discard(token)
    st.session_state[f"entry_nonce_{tab_key}"] = uuid.uuid4().hex
    st.session_state["entry_flash"] = ctx.t("entry.saved" if result.outcome == SAVED else "entry.arrived", tab=tab)
    ctx.read_again()  # the next run reads the sheet again and shows the new row (a province: after its sync)
    st.rerun()


def _form(tab_key: str, fields: Callable[[str], dict[str, Any]]) -> None:
    nonce = _nonce(tab_key)
    with st.form(f"entry-{tab_key}-{nonce}", clear_on_submit=False):
        values = fields(nonce)
        submitted = st.form_submit_button(ctx.t("entry.submit"), type="primary", disabled=LOCKED)
    if submitted and not LOCKED:
        _submit(tab_key, values)


def _outreach_fields(nonce: str) -> dict[str, Any]:
    producers = ctx.ds.tables["producers"]
    names = dict(zip(producers["producer_id"], producers["name"]))
    left, right = st.columns(2)
    return {
        "held_on": left.date_input(ctx.t("entry.date"), clock.today(), format="DD/MM/YYYY",
                                   key=f"o-date-{nonce}", disabled=LOCKED),
        "channel": right.selectbox(ctx.t("col.channel"), contract.CHANNELS, index=None, placeholder=PICK,
                                   key=f"o-channel-{nonce}", disabled=LOCKED),
        "topic": left.selectbox(ctx.t("col.topic"), contract.TOPICS, index=None, placeholder=PICK,
                                key=f"o-topic-{nonce}", disabled=LOCKED),
        "unit": right.selectbox(ctx.t("col.unit"), choices(ctx.ds, "outreach", "unit"), index=None, placeholder=PICK,
                                accept_new_options=True, key=f"o-unit-{nonce}", disabled=LOCKED),
        "area": left.selectbox(ctx.t("col.khom"), [*all_areas(ctx.ds), contract.WHOLE_WARD], index=None,
                               placeholder=PICK, key=f"o-area-{nonce}", disabled=LOCKED),
        "attendees": right.number_input(ctx.t("entry.attendees"), min_value=0, step=1, value=None,
                                        key=f"o-attendees-{nonce}", disabled=LOCKED),
        "producers_reached": st.multiselect(ctx.t("entry.producers"), list(names), placeholder=PICK,
                                            format_func=lambda p: f"{p} · {names.get(p, '')}",
                                            key=f"o-producers-{nonce}", disabled=LOCKED),
        "note": st.text_input(ctx.t("entry.note"), key=f"o-note-{nonce}", disabled=LOCKED),
    }


def _training_fields(nonce: str) -> dict[str, Any]:
    left, right = st.columns(2)
    return {
        "held_on": left.date_input(ctx.t("entry.date"), clock.today(), format="DD/MM/YYYY",
                                   key=f"t-date-{nonce}", disabled=LOCKED),
        "course": right.selectbox(ctx.t("entry.course"), choices(ctx.ds, "training", "course"), index=None,
                                  placeholder=PICK, accept_new_options=True, key=f"t-course-{nonce}",
                                  disabled=LOCKED),
        "organiser": left.selectbox(ctx.t("entry.organiser"), choices(ctx.ds, "training", "organiser"), index=None,
                                    placeholder=PICK, accept_new_options=True, key=f"t-organiser-{nonce}",
                                    disabled=LOCKED),
        "attendee": right.text_input(ctx.t("entry.attendee"), key=f"t-attendee-{nonce}", disabled=LOCKED),
        "role": left.text_input(ctx.t("entry.role"), key=f"t-role-{nonce}", disabled=LOCKED),
        "unit": right.selectbox(ctx.t("col.unit"), choices(ctx.ds, "training", "unit"), index=None, placeholder=PICK,
                                accept_new_options=True, key=f"t-unit-{nonce}", disabled=LOCKED),
        "days": left.number_input(ctx.t("entry.days"), min_value=0.0, step=0.5, value=1.0, key=f"t-days-{nonce}",
                                  disabled=LOCKED),
        "note": st.text_input(ctx.t("entry.note"), key=f"t-note-{nonce}", disabled=LOCKED),
    }


outreach_tab, training_tab = st.tabs([ctx.t("nav.outreach"), ctx.t("entry.training_tab")])
with outreach_tab:
    _form("outreach", _outreach_fields)
with training_tab:
    _form("training", _training_fields)
