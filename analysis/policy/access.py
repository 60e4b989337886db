"""Who may see what and who may write: login settings from secrets, and a viewer's role.

Login is optional ([ocop.access] login = true, plus Streamlit's own [auth] table for
the OIDC provider). An officer may see personal data and use the entry forms; a
viewer, or anyone when login is off, sees personal data masked.

Fails closed: `login = true` with an incomplete [auth] never quietly means "login off".
The settings then list what is missing (key names only, never a value) and the app
stops every page after saying so; nobody is an officer. Writing needs a signed-in
officer; with login off the entry forms are off unless `entry_without_login = true`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

OFFICER, VIEWER = "officer", "viewer"
# What Streamlit's st.login needs (streamlit/auth_util.py validate_auth_credentials): two shared
# keys in [auth], and three for the provider, at the top of [auth] or in [auth.<provider>].
SHARED_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
CALLBACK = "/oauth2callback"


@dataclass(frozen=True)
class AccessSettings:
    login: bool = False
    officers: tuple[str, ...] = ()  # e-mails, compared case-insensitively
    officer_domain: str = ""  # e.g. "vinhhoadong.gov.vn": everyone of that domain
    entry_without_login: bool = False  # login off: may anyone with the link add rows? (off by default)
    provider: str | None = None  # st.login's provider: None for [auth]'s own keys, else [auth.<provider>]
    missing: tuple[str, ...] = ()  # login on but [auth] incomplete: what is missing (names, never values)

    @property
    def misconfigured(self) -> bool:
        return bool(self.missing)

    def role_for(self, email: str | None) -> str:
        if not self.login or self.missing or not email:
            return VIEWER
        email = email.strip().lower()
        if email in self.officers:
            return OFFICER
        if self.officer_domain and email.endswith("@" + self.officer_domain):
            return OFFICER
        return VIEWER

    def role_in_unit(self, email: str | None, unit_officers: tuple[str, ...] | list[str]) -> str:
        """Province mode: a province officer ([ocop.access]) is an officer in every unit; a unit's own
        officers (the registry's Cán bộ phụ trách) in that unit only; everyone else a viewer."""
        role = self.role_for(email)
        if role == OFFICER or not self.login or self.missing or not email:
            return role
        return OFFICER if email.strip().lower() in {str(o).strip().lower() for o in unit_officers} else VIEWER

    def can_enter(self, role: str) -> bool:
        """May this viewer add rows to the shared sheet? A signed-in officer; without login only
        when entry_without_login says so; never while the login settings are incomplete."""
        if self.missing:
            return False
        if self.login:
            return role == OFFICER
        return self.entry_without_login


def _switch(value: Any) -> bool:
    """A TOML true, or text meaning it ("true", "yes", "1"): a typo never silently means off for login."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "on")
    return value is True or (isinstance(value, int) and value == 1)


def _filled(table: Mapping[str, Any], key: str) -> bool:
    value = table.get(key)
    return value is not None and str(value).strip() != ""


def _auth_missing(auth: Any, provider: str | None) -> tuple[str | None, tuple[str, ...]]:
    """(the provider to sign in with, what [auth] lacks for it)."""
    if not isinstance(auth, Mapping) or not auth:
        return provider, ("[auth]",)
    missing = [key for key in SHARED_KEYS if not _filled(auth, key)]
    if _filled(auth, "redirect_uri") and not str(auth["redirect_uri"]).rstrip().endswith(CALLBACK):
        missing.append(f"redirect_uri …{CALLBACK}")
    nested = sorted(k for k, v in auth.items() if isinstance(v, Mapping))
    if provider is None and not any(_filled(auth, k) for k in PROVIDER_KEYS) and len(nested) == 1:
        provider = nested[0]  # one [auth.<name>] table and nothing at the top: that provider
    if provider is None:
        missing += [key for key in PROVIDER_KEYS if not _filled(auth, key)]
    else:
        section = auth.get(provider)
        if not isinstance(section, Mapping):
            missing.append(f"[auth.{provider}]")
        else:
            missing += [f"[auth.{provider}] {key}" for key in PROVIDER_KEYS if not _filled(section, key)]
    return provider, tuple(missing)


def access_settings(secrets: Mapping[str, Any]) -> AccessSettings:
    """[ocop.access] in secrets, and whether [auth] has what login needs when login is on."""
    table = ((secrets.get("ocop") or {}).get("access") or {})
    login = _switch(table.get("login"))
    officers = tuple(str(e).strip().lower() for e in table.get("officers", ()) if str(e).strip())
    domain = str(table.get("officer_domain", "")).strip().lower().lstrip("@")
    provider = str(table.get("provider", "")).strip() or None
    missing: tuple[str, ...] = ()
    if login:
        provider, missing = _auth_missing(secrets.get("auth"), provider)
    return AccessSettings(login, officers, domain, _switch(table.get("entry_without_login")), provider, missing)
