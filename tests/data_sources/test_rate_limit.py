"""The limiter (a sliding 60-second window, fake clock and sleep) and the transport: pacing, counting, 429 backoff.

The transport is exercised at the HTTP level: against the fake Sheets API, and against a tiny local
server for the Retry-After header (the fake's fault injection sends no headers).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from data_sources.rate_limit import (
    DEFAULT_RATE,
    MAX_429_RETRIES,
    LimitedAdapter,
    RateLimiter,
    backoff_delay,
    rate_from_env,
)
from tests.fakes.sheets_api import FAKE_TOKEN, FakeSheetsAPI

KEY = "1RateLimitKey0000000000000000000000000000000"


class FakeTime:
    """A clock that only moves when something sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


# --------------------------------------------------------------------------- RateLimiter


def test_the_241st_request_within_a_minute_waits_until_the_first_leaves_the_window():
    t = FakeTime()
    limiter = RateLimiter(240, clock=t.clock, sleep=t.sleep)
    for _ in range(240):  # one every 0.125 s: the 240th at 29.875 s
        limiter.acquire()
        t.now += 0.125
    assert t.sleeps == []
    limiter.acquire()  # at 30 s: the first (at 0 s) leaves the window at 60 s
    assert t.sleeps == [30.0]
    assert t.now == 60.0
    limiter.acquire()  # the second (at 0.125 s) leaves at 60.125 s
    assert t.sleeps == [30.0, 0.125]


def test_a_burst_fills_the_window_then_waits_a_whole_minute():
    t = FakeTime()
    limiter = RateLimiter(240, clock=t.clock, sleep=t.sleep)
    for _ in range(240):
        limiter.acquire()
    assert t.sleeps == []
    limiter.acquire()
    assert t.sleeps == [60.0]
    for _ in range(239):  # the rest of the first burst left at 60 s too
        limiter.acquire()
    assert t.sleeps == [60.0]


def test_requests_spread_over_more_than_a_minute_never_wait():
    t = FakeTime()
    limiter = RateLimiter(60, clock=t.clock, sleep=t.sleep)
    for _ in range(600):
        limiter.acquire()
        t.now += 1.0
    assert t.sleeps == []


@pytest.mark.parametrize("per_minute", [0, -1])
def test_zero_or_less_is_unlimited(per_minute: int):
    t = FakeTime()
    limiter = RateLimiter(per_minute, clock=t.clock, sleep=t.sleep)
    for _ in range(10_000):
        limiter.acquire()
    assert t.sleeps == []


def test_threads_never_overrun_the_window():
    t = FakeTime()
    limiter = RateLimiter(5, clock=t.clock, sleep=t.sleep)
    done: list[int] = []

    def worker() -> None:
        for _ in range(4):
            limiter.acquire()
        done.append(1)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(done) == 8
    # 32 acquisitions at 5 a minute, whatever the interleaving: 5 at 0 s, 5 at 60 s, ..., 2 at 360 s
    assert t.sleeps == [60.0] * 6
    assert t.now == 360.0


@pytest.mark.parametrize(("value", "expected"), [
    (None, DEFAULT_RATE), ("120", 120), (" 60 ", 60), ("0", 0), ("abc", DEFAULT_RATE), ("-3", DEFAULT_RATE),
    ("1.5", DEFAULT_RATE), ("", DEFAULT_RATE),
])
def test_rate_from_env(value: str | None, expected: int):
    assert rate_from_env({} if value is None else {"OCOP_SYNC_RATE": value}) == expected


def test_backoff_delay_full_jitter_and_retry_after():
    ceilings = [backoff_delay(n, None, rng=lambda: 1.0) for n in range(8)]
    assert ceilings == [1, 2, 4, 8, 16, 32, 64, 64]
    assert backoff_delay(3, None, rng=lambda: 0.25) == 2.0
    assert backoff_delay(0, "7", rng=lambda: 1.0) == 7.0
    assert backoff_delay(0, "500", rng=lambda: 1.0) == 64.0  # never more than the cap
    assert backoff_delay(2, "Wed, 21 Oct 2026 07:28:00 GMT", rng=lambda: 0.5) == 2.0  # a date: own backoff


# --------------------------------------------------------------------------- LimitedAdapter


def _session(adapter: LimitedAdapter) -> requests.Session:
    session = requests.Session()
    session.mount("http://", adapter)
    session.headers["Authorization"] = f"Bearer {FAKE_TOKEN}"
    return session


def test_429_twice_then_ok_backs_off_with_growing_ceilings(fake_sheets_api: FakeSheetsAPI):
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.fail_next(429, times=2, kind="metadata")
    t = FakeTime()
    adapter = LimitedAdapter(RateLimiter(0), sleep=t.sleep, rng=lambda: 1.0)
    response = _session(adapter).get(f"{fake_sheets_api.endpoint}/v4/spreadsheets/{KEY}", timeout=5)
    assert response.status_code == 200
    assert response.json()["spreadsheetId"] == KEY
    assert t.sleeps == [1.0, 2.0]  # rng 1.0: each sleep is its ceiling, 1 s then 2 s
    assert fake_sheets_api.count("metadata") == 3
    assert adapter.requests == 3 and adapter.token_requests == 0  # the retries count


def test_after_six_retries_the_429_is_returned(fake_sheets_api: FakeSheetsAPI):
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.fail_next(429, times=20, kind="metadata")
    t = FakeTime()
    adapter = LimitedAdapter(RateLimiter(0), sleep=t.sleep, rng=lambda: 0.5)
    response = _session(adapter).get(f"{fake_sheets_api.endpoint}/v4/spreadsheets/{KEY}", timeout=5)
    assert response.status_code == 429
    assert response.json()["error"]["status"] == "RESOURCE_EXHAUSTED"
    assert t.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0]
    assert fake_sheets_api.count("metadata") == adapter.requests == 1 + MAX_429_RETRIES


def test_other_failures_are_not_retried_here(fake_sheets_api: FakeSheetsAPI):
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.fail_next(503, kind="metadata")
    t = FakeTime()
    adapter = LimitedAdapter(RateLimiter(0), sleep=t.sleep)
    response = _session(adapter).get(f"{fake_sheets_api.endpoint}/v4/spreadsheets/{KEY}", timeout=5)
    assert response.status_code == 503 and t.sleeps == [] and adapter.requests == 1


def test_every_send_waits_for_the_limiter_retries_included(fake_sheets_api: FakeSheetsAPI):
    fake_sheets_api.add_spreadsheet(KEY, {"A": [["x"]]})
    fake_sheets_api.fail_next(429, times=2, kind="metadata")
    t = FakeTime()
    adapter = LimitedAdapter(RateLimiter(2, clock=t.clock, sleep=t.sleep), sleep=t.sleep, rng=lambda: 0.0)
    response = _session(adapter).get(f"{fake_sheets_api.endpoint}/v4/spreadsheets/{KEY}", timeout=5)
    assert response.status_code == 200
    # two sends at 0 s fill the window of 2; the third waits for the minute (the backoffs were 0 s)
    assert t.sleeps == [0.0, 0.0, 60.0]


def test_token_requests_are_counted_apart(fake_sheets_api: FakeSheetsAPI):
    adapter = LimitedAdapter(RateLimiter(0), token_uri=fake_sheets_api.token_uri)
    session = _session(adapter)
    session.post(fake_sheets_api.token_uri, data={"grant_type": "x"}, timeout=5)
    session.get(f"{fake_sheets_api.endpoint}/v4/spreadsheets/{KEY}", timeout=5)
    assert (adapter.token_requests, adapter.requests) == (1, 1)


# --------------------------------------------------------------------------- Retry-After


@pytest.fixture
def retry_after_server() -> Iterator[tuple[str, list[str]]]:
    """Answers 429 with Retry-After: 7 twice, then 200; logs each request's path."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            limited = len(seen) <= 2
            body = b'{"error": {"code": 429}}' if limited else b'{"ok": true}'
            self.send_response(429 if limited else 200)
            if limited:
                self.send_header("Retry-After", "7")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def test_retry_after_is_honoured(retry_after_server: tuple[str, list[str]]):
    url, seen = retry_after_server
    t = FakeTime()
    adapter = LimitedAdapter(RateLimiter(0), sleep=t.sleep, rng=lambda: 0.0)
    response = _session(adapter).get(url + "/v4/x", timeout=5)
    assert response.json() == {"ok": True}
    assert t.sleeps == [7.0, 7.0]  # not the jitter (rng 0 would have meant no wait at all)
    assert seen == ["/v4/x"] * 3
