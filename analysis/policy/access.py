"""Who may see what: login settings from secrets, and a viewer's role.

Login is optional ([ocop.access] login = true, plus Streamlit's own [auth] table for
the OIDC provider). An officer may see personal data and use editing features; a
viewer, or anyone when login is off, sees personal data masked.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

OFFICER, VIEWER = "officer", "viewer"


@dataclass(frozen=True)
class AccessSettings:
    login: bool = False
    officers: tuple[str, ...] = ()  # e-mails, compared case-insensitively
    officer_domain: str = ""  # e.g. "vinhhoadong.gov.vn": everyone of that domain

    def role_for(self, email: str | None) -> str:
        if not self.login or not email:
            return VIEWER
        email = email.strip().lower()
        if email in self.officers:
            return OFFICER
        if self.officer_domain and email.endswith("@" + self.officer_domain):
            return OFFICER
        return VIEWER


def access_settings(secrets: Mapping[str, Any]) -> AccessSettings:
    """[ocop.access] in secrets; login is on only when it says so and [auth] exists."""
    table = ((secrets.get("ocop") or {}).get("access") or {})
    login = bool(table.get("login")) and bool(secrets.get("auth"))
    officers = tuple(str(e).strip().lower() for e in table.get("officers", ()) if str(e).strip())
    domain = str(table.get("officer_domain", "")).strip().lower().lstrip("@")
    return AccessSettings(login, officers, domain)
