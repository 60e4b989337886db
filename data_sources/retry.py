"""Retrying transient source failures: exponential backoff, full jitter, one time budget.

Only failures that may pass on their own are retried: Google's quota (429), the
service or the network being unavailable (5xx, timeouts, refused connections) and
a garbled answer. Everything else (403 not shared, 404, bad key, credentials) is
raised at once: asking again cannot fix it, and it would only delay the message
that tells an officer what to do.

Full jitter (sleep a uniform random time between 0 and the exponential ceiling)
spreads the retries of many viewers so they do not hit Google in step.
The budget covers the attempts too, not only the sleeps: if the next sleep, plus
an attempt as long as the last one, would end past the budget, the last error is
raised instead of sleeping (so no sleep ever ends past the budget, and a retry is
only made when it has time to finish).
"""
from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Mapping
from typing import TypeVar

from data_sources.raw import SourceError

T = TypeVar("T")

TRANSIENT_CODES = frozenset({"gsheet_quota", "gsheet_unavailable", "gsheet_bad_response"})
DEFAULT_BUDGET_S = 20.0
BUDGET_ENV = "OCOP_RETRY_BUDGET"  # seconds; tests make it small (0 means a single attempt)
MAX_ATTEMPTS = 6  # 0.5 + 1 + 2 + 4 + 8 s of ceilings: fits in the default budget


def is_transient(error: BaseException) -> bool:
    return isinstance(error, SourceError) and error.code in TRANSIENT_CODES


def budget_from_env(env: Mapping[str, str] | None = None) -> float:
    """OCOP_RETRY_BUDGET in seconds, else 20; a value that is not a number >= 0 is ignored."""
    env = os.environ if env is None else env
    try:
        value = float(env.get(BUDGET_ENV, ""))
    except ValueError:
        return DEFAULT_BUDGET_S
    return value if value >= 0 and value == value and value != float("inf") else DEFAULT_BUDGET_S


def backoff_ceiling(retry: int, base_s: float = 0.5, cap_s: float = 8.0) -> float:
    """The longest sleep before retry number `retry` (0 for the first retry): base·2^retry, capped."""
    return min(cap_s, base_s * (2 ** min(retry, 62)))


def with_retries(
    attempt: Callable[[], T],
    *,
    budget_s: float = DEFAULT_BUDGET_S,
    base_s: float = 0.5,
    cap_s: float = 8.0,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    rng: Callable[[], float] = random.random,
    max_attempts: int = MAX_ATTEMPTS,
) -> T:
    """attempt(), called again after a transient SourceError while the budget allows.

    Before retry n (n = 0, 1, ...) it sleeps rng() · min(cap_s, base_s · 2^n), full
    jitter. It gives up, raising the last error, when that sleep followed by an
    attempt as long as the last one would end after `budget_s` seconds from the
    first call (attempts' own time included), or after `max_attempts` attempts (so
    a source that fails instantly cannot be hammered when the jitter happens to be
    tiny). Permanent errors and anything that is not a SourceError propagate at once.
    """
    started = clock()
    retry = 0
    while True:
        attempt_started = clock()
        try:
            return attempt()
        except SourceError as error:
            if not is_transient(error) or retry + 1 >= max_attempts:
                raise
            now = clock()
            last_attempt = now - attempt_started
            remaining = budget_s - (now - started)
            delay = rng() * backoff_ceiling(retry, base_s, cap_s)
            if remaining <= 0 or delay + last_attempt > remaining:
                raise
            sleep(delay)
            retry += 1


__all__ = ["BUDGET_ENV", "DEFAULT_BUDGET_S", "MAX_ATTEMPTS", "TRANSIENT_CODES", "backoff_ceiling",
           "budget_from_env", "is_transient", "with_retries"]
