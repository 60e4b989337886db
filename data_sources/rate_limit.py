"""Client-side pacing of Google requests: a sliding-window limiter and the transport that applies it.

A province sync sends thousands of requests with one service account; Google's quotas are
per minute (Sheets: read requests per minute per project and per user). Pacing them here
keeps a sync under the quota instead of learning it from 429 answers. When a 429 comes
anyway (another program sharing the project, a lower quota), LimitedAdapter backs off and
sends the request again, so one busy minute does not fail a unit's read.

I/O only: no messages here; nothing is raised that the caller's error mapping does not
already know (the last 429 is returned as it is, and gspread turns it into an APIError).
"""
from __future__ import annotations

import os
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

import requests
from requests.adapters import HTTPAdapter

DEFAULT_RATE = 240  # requests per minute
RATE_ENV = "OCOP_SYNC_RATE"
WINDOW_S = 60.0
MAX_429_RETRIES = 6  # ceilings 1 + 2 + 4 + 8 + 16 + 32 s: about a minute, when a quota refills
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 64.0


def rate_from_env(env: Mapping[str, str] | None = None) -> int:
    """OCOP_SYNC_RATE in requests per minute (0: unlimited), else 240; a value that is not a
    whole number >= 0 is ignored."""
    env = os.environ if env is None else env
    try:
        value = int(env.get(RATE_ENV, "").strip())
    except ValueError:
        return DEFAULT_RATE
    return value if value >= 0 else DEFAULT_RATE


class RateLimiter:
    """At most `per_minute` acquisitions in any 60-second window (sliding, not per calendar minute).

    acquire() blocks, by calling `sleep`, until one more fits. Thread-safe: the waiting happens
    under the lock, so threads are served one at a time and the window is never overrun.
    `per_minute <= 0` means unlimited (acquire never sleeps).
    """

    def __init__(self, per_minute: int = DEFAULT_RATE, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque()  # times of the acquisitions still inside the window
        self._lock = threading.Lock()

    def acquire(self) -> None:
        if self.per_minute <= 0:
            return
        with self._lock:
            while True:
                now = self._clock()
                while self._sent and self._sent[0] <= now - WINDOW_S:
                    self._sent.popleft()
                if len(self._sent) < self.per_minute:
                    self._sent.append(now)
                    return
                # the oldest request leaves the window at oldest + 60 s
                self._sleep(self._sent[0] + WINDOW_S - now)


def backoff_delay(retry: int, retry_after: str | None, *, rng: Callable[[], float] = random.random,
                  base_s: float = BACKOFF_BASE_S, cap_s: float = BACKOFF_CAP_S) -> float:
    """Seconds to wait before retry number `retry` (0 for the first) after a 429: Retry-After when the
    answer gives it in seconds, else rng() · min(cap, base · 2^retry) (full jitter); never more than cap."""
    if retry_after is not None:
        try:
            seconds = float(retry_after.strip())
        except ValueError:  # an HTTP date: rare from Google; fall back on our own backoff
            seconds = -1.0
        if seconds >= 0 and seconds == seconds:
            return min(cap_s, seconds)
    return rng() * min(cap_s, base_s * (2 ** min(retry, 62)))


class LimitedAdapter(HTTPAdapter):
    """A requests transport that waits for the limiter before every send, counts what it sends, and
    sends again after a 429 (backoff_delay, at most `max_retries_429` times; then the 429 is returned).

    Every send counts, 429 retries included (Google counts them too): `token_requests` are those to
    `token_uri` (the OAuth token endpoint), `requests` all the others.
    """

    def __init__(self, limiter: RateLimiter, *, token_uri: str | None = None,
                 sleep: Callable[[float], None] = time.sleep, rng: Callable[[], float] = random.random,
                 max_retries_429: int = MAX_429_RETRIES, timeout: float | None = None) -> None:
        super().__init__()
        self.limiter = limiter
        self._token_uri = token_uri
        self._sleep = sleep
        self._rng = rng
        self._max_retries_429 = max_retries_429
        self._timeout = timeout
        self._count_lock = threading.Lock()
        self.requests = 0
        self.token_requests = 0

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("timeout") is None and self._timeout is not None:
            kwargs["timeout"] = self._timeout
        retry = 0
        while True:
            self.limiter.acquire()
            self._count(request.url or "")
            response = super().send(request, **kwargs)
            if response.status_code != 429 or retry >= self._max_retries_429:
                return response
            delay = backoff_delay(retry, response.headers.get("Retry-After"), rng=self._rng)
            response.close()  # give the connection back before waiting
            self._sleep(delay)
            retry += 1

    def _count(self, url: str) -> None:
        is_token = self._token_uri is not None and url.split("?", 1)[0] == self._token_uri
        with self._count_lock:
            if is_token:
                self.token_requests += 1
            else:
                self.requests += 1


__all__ = ["BACKOFF_BASE_S", "BACKOFF_CAP_S", "DEFAULT_RATE", "MAX_429_RETRIES", "RATE_ENV", "WINDOW_S",
           "LimitedAdapter", "RateLimiter", "backoff_delay", "rate_from_env"]
