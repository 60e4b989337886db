"""The Google side of a province sync: one session for Drive's list of changed spreadsheets and every unit's read.

I/O only. Failures are raised as SourceError(code, **params), mapped as data_sources/google_sheets.py
maps them (source_error), with Drive's own 403 apart: `drive_forbidden` (email=the service account),
the Drive API not enabled in the project or the drive.metadata.readonly scope not granted; a 403
whose reason is a rate limit is `gsheet_quota` like a 429.

Cost of a sync: one token request (GoogleSession.open asks for it, once, before any thread
starts), ⌈N/1000⌉ Drive files.list requests to learn which of N spreadsheets changed, then the
same two Sheets requests per changed spreadsheet as read_google_sheet. Every request goes through
one RateLimiter (data_sources/rate_limit.py); 429 answers are retried there with backoff.

    with GoogleSession.open(info) as google:
        changed = google.changed_since(last_sync)      # {key: "2026-11-30T08:15:02.123Z"}
        for key in changed:
            raw = google.read(key)
"""
from __future__ import annotations

import functools
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import gspread
import requests
from google.auth.transport.requests import AuthorizedSession, Request
from google.oauth2 import service_account

from data_sources.google_sheets import (
    SHEETS_READONLY_SCOPE,
    BadResponse,
    endpoint_override,
    fetch_once,
    make_credentials,
    parse_sheet_key,
    redirect,
    source_error,
)
from data_sources.rate_limit import DEFAULT_RATE, LimitedAdapter, RateLimiter
from data_sources.raw import RawWorkbook, SourceError
from data_sources.retry import budget_from_env, with_retries

DRIVE_METADATA_SCOPE = "https://www.googleapis.com/auth/drive.metadata.readonly"
DRIVE_FILES_URL = "https://www.googleapis.com/drive/v3/files"
SPREADSHEET_MIME = "application/vnd.google-apps.spreadsheet"
# The request of gspread's Client.list_spreadsheet_files, plus the modifiedTime filter.
LIST_FIELDS = "kind,nextPageToken,files(id,name,createdTime,modifiedTime)"
PAGE_SIZE = 1000  # Drive's maximum
DRIVE_KEY = "drive"  # the `key` param of Drive failures (gsheet_quota, gsheet_unavailable, ...)
_RATE_LIMIT_REASONS = frozenset({"userRateLimitExceeded", "rateLimitExceeded"})
_MAX_ECHO = 200


def rfc3339(when: datetime) -> str:
    """'2026-11-30T08:15:02.123Z': UTC, milliseconds (cut, not rounded: a filter on it can only
    include more); a naive datetime is taken as UTC."""
    when = (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


class _Transport(LimitedAdapter):
    """LimitedAdapter that also sends Google's URLs to OCOP_SHEETS_API_ENDPOINT when it is set."""

    def __init__(self, limiter: RateLimiter, endpoint: str | None, **kwargs: Any) -> None:
        super().__init__(limiter, **kwargs)
        self._endpoint = endpoint

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self._endpoint:
            redirect(request, kwargs, self._endpoint)
        return super().send(request, **kwargs)


class GoogleSession:
    """One service-account credentials object, one AuthorizedSession and one gspread client for a
    whole sync, every request (token included) sent through one LimitedAdapter. Thread-safe for
    read() and changed_since(); make it with GoogleSession.open(), close it (or use `with`)."""

    def __init__(self, client: gspread.Client, credentials: service_account.Credentials,
                 transport: LimitedAdapter, *, retry_budget: float, sleep: Callable[[float], None],
                 clock: Callable[[], float]) -> None:
        self._client = client
        self._transport = transport
        self._retry_budget = retry_budget
        self._sleep = sleep
        self._clock = clock
        self.email: str = credentials.service_account_email

    @classmethod
    def open(cls, credentials_info: Mapping[str, Any] | None, *, per_minute: int = DEFAULT_RATE,
             timeout: float = 8.0, sleep: Callable[[float], None] = time.sleep,
             clock: Callable[[], float] = time.monotonic) -> GoogleSession:
        """A session with its access token: SourceError credentials_missing / credentials_invalid as
        read_google_sheet raises them, or the token endpoint's failure (gsheet_unavailable, key "drive").

        `per_minute`: requests per minute at most (data_sources/rate_limit.py; <= 0: unlimited);
        `timeout`: seconds per HTTP request; `sleep`, `clock`: for the limiter, the 429 backoff and
        the retries (tests pass fakes). Retries: OCOP_RETRY_BUDGET seconds per call (data_sources/retry.py).
        """
        credentials = make_credentials(credentials_info, (SHEETS_READONLY_SCOPE, DRIVE_METADATA_SCOPE))
        token_uri = str(dict(credentials_info or {})["token_uri"])  # make_credentials checked it is there
        limiter = RateLimiter(per_minute, clock=clock, sleep=sleep)
        transport = _Transport(limiter, endpoint_override(), token_uri=token_uri, sleep=sleep, timeout=timeout)
        # The token request goes through its own plain session (AuthorizedSession would recurse into
        # itself), mounted on the same transport so it is limited and counted too.
        token_session = requests.Session()
        token_session.mount("https://", transport)
        token_session.mount("http://", transport)
        session = AuthorizedSession(credentials, auth_request=Request(token_session))
        session.mount("https://", transport)
        session.mount("http://", transport)
        client = gspread.Client(auth=credentials, session=session)
        client.set_timeout(timeout)
        google = cls(client, credentials, transport, retry_budget=budget_from_env(), sleep=sleep, clock=clock)
        refresh = functools.partial(Request(token_session), timeout=timeout)

        def get_token() -> None:
            try:
                credentials.refresh(refresh)
            except Exception as exc:  # mapped below; anything unrecognised is re-raised
                error = source_error(exc, DRIVE_KEY, google.email)
                if error is None:
                    raise
                raise error from (None if error.code.startswith("credentials") else exc)

        # Now, once: threads reading at the same time would each ask for one otherwise.
        google._with_retries(get_token)
        return google

    # ----------------------------------------------------------- counts
    @property
    def requests(self) -> int:
        """Sheets and Drive requests sent so far, 429 retries included, token requests not."""
        return self._transport.requests

    @property
    def token_requests(self) -> int:
        return self._transport.token_requests

    # ----------------------------------------------------------- Drive
    def changed_since(self, since: datetime | None) -> dict[str, str]:
        """Spreadsheet key -> Drive modifiedTime (the RFC 3339 text as Drive sent it) of every spreadsheet
        the service account can see that was modified after `since` (every one when None; a naive
        datetime is UTC). One files.list request per 1,000 spreadsheets."""
        query = f'mimeType="{SPREADSHEET_MIME}"'
        if since is not None:
            query += f" and modifiedTime > '{rfc3339(since)}'"
        return self._with_retries(lambda: self._list_once(query))

    def _list_once(self, query: str) -> dict[str, str]:
        params: dict[str, Any] = {"q": query, "pageSize": PAGE_SIZE, "supportsAllDrives": True,
                                  "includeItemsFromAllDrives": True, "fields": LIST_FIELDS}
        found: dict[str, str] = {}
        tokens: set[str] = set()
        try:
            while True:
                body = self._client.http_client.request("get", DRIVE_FILES_URL, params=params).json()
                files = body.get("files", []) if isinstance(body, dict) else None
                if not isinstance(files, list):
                    raise BadResponse("files")
                for item in files:
                    key = item.get("id") if isinstance(item, dict) else None
                    modified = item.get("modifiedTime") if isinstance(item, dict) else None
                    if not isinstance(key, str) or not isinstance(modified, str):
                        raise BadResponse("files[]")
                    found[key] = modified
                token = body.get("nextPageToken")
                if not token:
                    return found
                if not isinstance(token, str) or token in tokens:  # a loop would never end
                    raise BadResponse("nextPageToken")
                tokens.add(token)
                params["pageToken"] = token
        except Exception as exc:  # mapped below; anything unrecognised is re-raised
            error = drive_error(exc, self.email)
            if error is None:
                raise
            raise error from (None if error.code.startswith("credentials") else exc)

    # ----------------------------------------------------------- Sheets
    def read(self, key: str) -> RawWorkbook:
        """Every tab of one spreadsheet, as read_google_sheet reads it (two Sheets requests, same caps
        and errors, retried within OCOP_RETRY_BUDGET), through this session's token and limiter."""
        parsed = parse_sheet_key(key)
        if parsed is None:
            raise SourceError("gsheet_bad_key", value=str(key)[:_MAX_ECHO])
        return self._with_retries(lambda: fetch_once(self._client, parsed, self.email))

    # ----------------------------------------------------------- plumbing
    def _with_retries(self, attempt: Callable[[], Any]) -> Any:
        return with_retries(attempt, budget_s=self._retry_budget, sleep=self._sleep, clock=self._clock)

    def close(self) -> None:
        self._client.http_client.session.close()

    def __enter__(self) -> GoogleSession:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def drive_error(exc: BaseException, email: str) -> SourceError | None:
    """source_error for a Drive request: a 403 is `drive_forbidden` (API not enabled, scope not granted),
    or `gsheet_quota` when its reason is a rate limit (Drive answers those with 403 as well as 429)."""
    api = exc if isinstance(exc, gspread.exceptions.APIError) else exc.__cause__
    if isinstance(api, gspread.exceptions.APIError) and api.response.status_code == 403:
        error = api.error if isinstance(api.error, Mapping) else {}
        reasons = {e.get("reason") for e in error.get("errors") or [] if isinstance(e, dict)}
        if reasons & _RATE_LIMIT_REASONS or error.get("status") == "RESOURCE_EXHAUSTED":
            return SourceError("gsheet_quota", key=DRIVE_KEY)
        return SourceError("drive_forbidden", email=email)
    return source_error(exc, DRIVE_KEY, email)


__all__ = ["DRIVE_FILES_URL", "DRIVE_KEY", "DRIVE_METADATA_SCOPE", "LIST_FIELDS", "PAGE_SIZE", "SPREADSHEET_MIME",
           "GoogleSession", "drive_error", "rfc3339"]
