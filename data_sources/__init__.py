"""Picks the data source (OCOP_DATA, then secrets, then the demo) and reads it raw.

I/O only: no reading rule is applied here (see analysis/workbook/normalise.py).
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data_sources.raw import RawWorkbook, SourceError
from data_sources.sheet_key import looks_like_sheet

DEMO_PATH = Path(__file__).parent / "demo" / "ocop_demo.xlsx"
DEFAULT_TTL_SECONDS = 300


@dataclass(frozen=True)
class SourceConfig:
    kind: str  # "demo", "xlsx" or "gsheet"
    location: str  # a path, or a Google Sheets URL or key


def _looks_like_sheet(value: str) -> bool:
    """A link, or a bare key's shape (data_sources/sheet_key.py) that is not also a file or folder here:
    anything else is a path, and excel.py says clearly when it is not a workbook."""
    return looks_like_sheet(value) and not ("docs.google.com" not in value and Path(value).exists())


def resolve_source(env: Mapping[str, str] | None = None, secrets: Mapping[str, Any] | None = None) -> SourceConfig:
    """OCOP_DATA overrides [ocop] data in secrets; with neither, the demo workbook."""
    env = os.environ if env is None else env
    ocop = (secrets or {}).get("ocop", {}) or {}
    value = (env.get("OCOP_DATA") or ocop.get("data") or "").strip()
    if not value:
        return SourceConfig("demo", str(DEMO_PATH))
    return SourceConfig("gsheet" if _looks_like_sheet(value) else "xlsx", value)


def resolve_registry(env: Mapping[str, str] | None = None,
                     secrets: Mapping[str, Any] | None = None) -> SourceConfig | None:
    """Province mode: OCOP_REGISTRY, then [ocop] registry in secrets; None (one unit) without either.
    The value "demo" is the demo province (built by the command line: kind "demo")."""
    env = os.environ if env is None else env
    ocop = (secrets or {}).get("ocop", {}) or {}
    value = str(env.get("OCOP_REGISTRY") or ocop.get("registry") or "").strip()
    if not value:
        return None
    if value.lower() == "demo":
        return SourceConfig("demo", "demo")
    return SourceConfig("gsheet" if _looks_like_sheet(value) else "xlsx", value)


def unit_source(value: str, folder: Path | None) -> SourceConfig:
    """A registry's Nguồn dữ liệu: a Google Sheet, else an .xlsx path, relative to the registry's folder
    (an .xlsx registry) or to the working folder (a Google Sheet registry)."""
    value = value.strip()
    if looks_like_sheet(value) and ("docs.google.com" in value or not (folder or Path()).joinpath(value).exists()):
        return SourceConfig("gsheet", value)
    path = Path(value)
    return SourceConfig("xlsx", str(path if path.is_absolute() or folder is None else folder / path))


def cache_ttl(env: Mapping[str, str] | None = None, secrets: Mapping[str, Any] | None = None) -> int:
    """Seconds a read is shared by every viewer: OCOP_CACHE_TTL, [ocop] cache_ttl, or 5 minutes."""
    env = os.environ if env is None else env
    value = env.get("OCOP_CACHE_TTL") or ((secrets or {}).get("ocop", {}) or {}).get("cache_ttl")
    try:
        return max(0, int(value)) if value not in (None, "") else DEFAULT_TTL_SECONDS
    except (TypeError, ValueError):
        return DEFAULT_TTL_SECONDS


def credentials_info(env: Mapping[str, str] | None = None,
                     secrets: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    """[gcp_service_account] in secrets (the Streamlit convention), else GOOGLE_APPLICATION_CREDENTIALS."""
    env = os.environ if env is None else env
    table = (secrets or {}).get("gcp_service_account")
    if table:
        return dict(table)
    path = env.get("GOOGLE_APPLICATION_CREDENTIALS")
    if not path:
        return None
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SourceError("credentials_invalid", detail="GOOGLE_APPLICATION_CREDENTIALS") from error


def read_source(config: SourceConfig, env: Mapping[str, str] | None = None,
                secrets: Mapping[str, Any] | None = None) -> RawWorkbook:
    """The raw workbook of a source; SourceError when it cannot be read at all. A Google Sheet without
    service-account credentials is read from its public export (kind "gsheet_public")."""
    if config.kind == "gsheet":
        info = credentials_info(env, secrets)
        if info is None:  # no service account: the sheet's public .xlsx export, or why it is not public
            from data_sources.public_sheet import read_public_sheet

            return read_public_sheet(config.location)
        from data_sources.google_sheets import read_google_sheet  # gspread only when needed

        return read_google_sheet(config.location, info)
    from data_sources.excel import read_xlsx

    return read_xlsx(config.location, kind=config.kind)


__all__ = ["DEMO_PATH", "RawWorkbook", "SourceConfig", "SourceError", "cache_ttl", "credentials_info",
           "read_source", "resolve_registry", "resolve_source", "unit_source"]
