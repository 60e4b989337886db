"""A Google Sheet shared as "Anyone with the link: Viewer", read without credentials.

I/O only. One request: GET https://docs.google.com/spreadsheets/d/<key>/export?format=xlsx; the bytes
go through the .xlsx path (data_sources/excel.py: the same guard and limits as a file). The download is
streamed and refused as soon as it passes the .xlsx size limit.

Redirects are followed by hand, never by requests: Google serves exports from googleusercontent.com
(followed, over https only), and sends a sheet that is not public to its sign-in page (accounts.google.com:
`gsheet_not_public`, never requested). A 200 that is not an .xlsx (the sign-in page as HTML), 401, 403 and
404 are `gsheet_not_public` too; 5xx, 429 and network failures are retried (data_sources/retry.py).
"""
from __future__ import annotations

import io
import re
import time
from urllib.parse import unquote, urljoin, urlsplit

import requests

from data_sources import xlsx_guard
from data_sources.excel import read_xlsx
from data_sources.google_sheets import (
    DOCS_SHEETS_BASE,
    EndpointOverrideAdapter,
    attempt_timeout,
    endpoint_override,
    parse_sheet_key,
    sheet_url,
)
from data_sources.raw import RawWorkbook, SourceError
from data_sources.retry import budget_from_env, with_retries

KIND = "gsheet_public"  # RawWorkbook.kind of a sheet read this way (the pages warn: anyone with the link reads it)
MAX_REDIRECTS = 3
_CHUNK = 1 << 16
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx: the guard names it
_MAX_TITLE = 200
_MAX_ECHO = 200
_FILENAME_STAR = re.compile(r"filename\*\s*=\s*UTF-8''([^;\s]+)", re.IGNORECASE)
_FILENAME = re.compile(r'filename\s*=\s*"([^"]*)"', re.IGNORECASE)


def export_url(key: str) -> str:
    return f"{DOCS_SHEETS_BASE}d/{key}/export?format=xlsx"


def read_public_sheet(url_or_key: str, *, timeout: float = 20.0, retry_budget: float | None = None,
                      max_bytes: int = xlsx_guard.MAX_FILE_BYTES) -> RawWorkbook:
    """Every tab of a public spreadsheet, from its .xlsx export (kind "gsheet_public").

    `timeout`: seconds per attempt, the whole download included; `retry_budget`: as read_google_sheet's
    (OCOP_RETRY_BUDGET or 20; 0 is one attempt); `max_bytes`: the largest download accepted.
    """
    key = parse_sheet_key(url_or_key)
    if key is None:
        raise SourceError("gsheet_bad_key", value=str(url_or_key)[:_MAX_ECHO])
    budget = budget_from_env() if retry_budget is None else retry_budget
    started = time.monotonic()
    with _session(timeout) as session:

        def attempt() -> tuple[bytes, str]:
            seconds = attempt_timeout(timeout, budget, time.monotonic() - started)
            try:
                return _download(session, key, seconds, max_bytes)
            except requests.exceptions.RequestException:
                raise SourceError("gsheet_unavailable", key=key, status=None) from None

        data, title = with_retries(attempt, budget_s=budget)
    raw = read_xlsx(io.BytesIO(data), kind=KIND, label=key)
    raw.title, raw.url = title or key, sheet_url(key)
    return raw


def _session(timeout: float) -> requests.Session:
    session = requests.Session()
    endpoint = endpoint_override()
    if endpoint:
        session.mount(DOCS_SHEETS_BASE, EndpointOverrideAdapter(endpoint, timeout))
    return session


def _download(session: requests.Session, key: str, seconds: float, max_bytes: int) -> tuple[bytes, str]:
    """(the export's bytes, the spreadsheet's title from Content-Disposition) after at most MAX_REDIRECTS
    redirects to googleusercontent.com; SourceError otherwise."""
    deadline = time.monotonic() + seconds
    url = export_url(key)
    for _ in range(MAX_REDIRECTS + 1):
        response = session.get(url, stream=True, allow_redirects=False, timeout=seconds)
        with response:
            if response.is_redirect:
                url = _next_hop(url, response.headers.get("Location", ""), key)
                continue
            _check_status(response.status_code, key)
            return _body(response, key, deadline, max_bytes), _title(response.headers.get("Content-Disposition"))
    raise SourceError("gsheet_not_public", key=key)  # a loop of redirects never ends in the workbook


def _next_hop(current: str, location: str, key: str) -> str:
    """Where a redirect may lead: Google's download host over https, or the same host; the sign-in page
    or anywhere else means the workbook is not served to anyone with the link."""
    target = urljoin(current, location)
    parts, here = urlsplit(target), urlsplit(current)
    host = (parts.hostname or "").lower()
    if parts.scheme == "https" and (host == "googleusercontent.com" or host.endswith(".googleusercontent.com")):
        return target
    if (parts.scheme, parts.netloc) == (here.scheme, here.netloc) and host != "accounts.google.com":
        return target
    raise SourceError("gsheet_not_public", key=key)


def _check_status(status: int, key: str) -> None:
    if status in (401, 403, 404):  # anonymous: Google cannot say more than "not for you"
        raise SourceError("gsheet_not_public", key=key)
    if status == 429:
        raise SourceError("gsheet_quota", key=key)
    if status >= 500:
        raise SourceError("gsheet_unavailable", key=key, status=status)
    if status != 200:
        raise SourceError("gsheet_bad_response", key=key, status=status)


def _body(response: requests.Response, key: str, deadline: float, max_bytes: int) -> bytes:
    """The download, refused early when it says (Content-Length) or turns out to be bigger than `max_bytes`,
    or when it is HTML (Google's sign-in page) rather than an .xlsx."""
    if "html" in response.headers.get("Content-Type", "").lower():
        raise SourceError("gsheet_not_public", key=key)
    limit_mb = max(1, round(max_bytes / (1 << 20)))
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError("xlsx_file_too_big", size_mb=max(1, round(int(declared) / (1 << 20))), limit_mb=limit_mb)
    data = bytearray()
    for chunk in response.iter_content(_CHUNK):
        data += chunk
        if len(data) > max_bytes:
            raise SourceError("xlsx_file_too_big", size_mb=f">{limit_mb}", limit_mb=limit_mb)
        if time.monotonic() > deadline:  # a server that drips bytes: requests' timeout is per read only
            raise SourceError("gsheet_unavailable", key=key, status=None)
    if not bytes(data[:8]).startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise SourceError("gsheet_not_public", key=key)  # a 200 that is not a workbook: a sign-in page
    return bytes(data)


def _title(disposition: str | None) -> str:
    """The spreadsheet's title: Google names the download "<title>.xlsx" (RFC 5987 filename* first)."""
    if not disposition:
        return ""
    m = _FILENAME_STAR.search(disposition)
    name = unquote(m.group(1)) if m else (m2.group(1) if (m2 := _FILENAME.search(disposition)) else "")
    name = name.removesuffix(".xlsx").strip()
    return name[:_MAX_TITLE] if name.isprintable() else ""


__all__ = ["KIND", "MAX_REDIRECTS", "export_url", "read_public_sheet"]
