"""The fake's URL table: each endpoint is a method of FakeSheetsAPI registered with @route."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

ROUTES: list[tuple[str, re.Pattern[str], str, str]] = []  # (method, raw-path regex, kind, handler name)

KEY = r"(?P<key>[^/:]+)"
RANGE = r"(?P<range>[^/:]+)"  # gspread quotes ranges with safe="", so ':' arrives as %3A


class FakeRequest(NamedTuple):
    method: str
    path: str  # percent-decoded
    query: dict[str, list[str]]
    body: Any  # parsed JSON, a dict of form fields, text, or None


def route(method: str, pattern: str, kind: str) -> Callable:
    """Register a handler: it gets (request, **path groups) and returns (status, body).

    `kind` names the request in the log (FakeSheetsAPI.count) and in fault injection."""

    def register(fn: Callable) -> Callable:
        ROUTES.append((method, re.compile(pattern), kind, fn.__name__))
        return fn

    return register
