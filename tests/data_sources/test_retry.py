"""data_sources/retry.py with a fake clock: backoff, jitter, budget, what is never retried."""
from __future__ import annotations

import pytest

from data_sources.raw import SourceError
from data_sources.retry import (
    DEFAULT_BUDGET_S,
    MAX_ATTEMPTS,
    TRANSIENT_CODES,
    backoff_ceiling,
    budget_from_env,
    is_transient,
    with_retries,
)


class FakeTime:
    """A clock that only moves when slept on (or when an attempt says it took time)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


class Attempts:
    """Fails with the given errors in order, then returns "data"; each attempt takes `cost` s."""

    def __init__(self, errors: list[SourceError], fake: FakeTime, cost: float = 0.0) -> None:
        self.errors, self.fake, self.cost, self.calls = list(errors), fake, cost, 0

    def __call__(self) -> str:
        self.calls += 1
        self.fake.now += self.cost
        if self.errors:
            raise self.errors.pop(0)
        return "data"


def run(attempt, fake: FakeTime, rng=lambda: 1.0, **kw):
    return with_retries(attempt, sleep=fake.sleep, clock=fake.clock, rng=rng, **kw)


def unavailable(n: int) -> list[SourceError]:
    return [SourceError("gsheet_unavailable", key="k", status=503) for _ in range(n)]


def test_success_first_time_never_sleeps():
    fake = FakeTime()
    attempt = Attempts([], fake)
    assert run(attempt, fake) == "data"
    assert attempt.calls == 1 and fake.sleeps == []


@pytest.mark.parametrize("code", sorted(TRANSIENT_CODES))
def test_transient_errors_are_retried_until_success(code):
    fake = FakeTime()
    attempt = Attempts([SourceError(code, key="k"), SourceError(code, key="k")], fake)
    assert run(attempt, fake) == "data"
    assert attempt.calls == 3 and len(fake.sleeps) == 2


def test_backoff_grows_exponentially_up_to_the_cap():
    fake = FakeTime()
    attempt = Attempts(unavailable(5), fake)
    assert run(attempt, fake, budget_s=1000) == "data"
    assert fake.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]  # rng() = 1: the ceilings themselves
    assert [backoff_ceiling(n) for n in range(8)] == [0.5, 1, 2, 4, 8, 8, 8, 8]
    assert backoff_ceiling(10_000) == 8.0  # no overflow for absurd retry numbers


def test_full_jitter_is_uniform_below_the_ceiling():
    fake = FakeTime()
    draws = iter([0.0, 0.25, 0.5, 0.999])
    attempt = Attempts(unavailable(4), fake)
    assert run(attempt, fake, rng=lambda: next(draws), budget_s=1000) == "data"
    assert fake.sleeps == [0.0, 0.25 * 1.0, 0.5 * 2.0, 0.999 * 4.0]


def test_jitter_with_the_real_random_stays_between_zero_and_the_ceiling():
    fake = FakeTime()
    attempt = Attempts(unavailable(MAX_ATTEMPTS - 1), fake)
    assert with_retries(attempt, sleep=fake.sleep, clock=fake.clock, budget_s=1000) == "data"
    for n, slept in enumerate(fake.sleeps):
        assert 0 <= slept <= backoff_ceiling(n)


def test_budget_includes_the_attempts_and_is_never_slept_past():
    fake = FakeTime()
    attempt = Attempts(unavailable(100), fake, cost=3.0)  # a slow failing server
    with pytest.raises(SourceError) as info:
        run(attempt, fake, budget_s=20)
    assert info.value.code == "gsheet_unavailable"
    # attempts 3 s each: 3 +0.5 +3 +1 +3 +2 +3 = 15.5; the next sleep (4) and another
    # 3 s attempt would end at 22.5 > 20: give up rather than overrun the budget.
    assert fake.sleeps == [0.5, 1.0, 2.0] and attempt.calls == 4
    assert fake.now - 100.0 == pytest.approx(15.5)


def test_a_retry_is_made_only_when_a_like_attempt_still_fits():
    fake = FakeTime()
    attempt = Attempts(unavailable(1), fake, cost=1.0)
    with pytest.raises(SourceError):
        run(attempt, fake, budget_s=2.4)  # 1 s attempt + 0.5 s sleep + 1 s attempt = 2.5 > 2.4
    assert attempt.calls == 1 and fake.sleeps == []
    fake = FakeTime()
    attempt = Attempts(unavailable(1), fake, cost=1.0)
    assert run(attempt, fake, budget_s=2.5) == "data"
    assert attempt.calls == 2 and fake.now - 100.0 == pytest.approx(2.5)


def test_gives_up_when_the_next_sleep_would_pass_the_budget():
    fake = FakeTime()
    attempt = Attempts(unavailable(100), fake)
    with pytest.raises(SourceError):
        run(attempt, fake, budget_s=3.0)
    assert fake.sleeps == [0.5, 1.0]  # the third (2 s) would end at 3.5 > 3
    assert sum(fake.sleeps) <= 3.0


def test_zero_budget_means_one_attempt():
    fake = FakeTime()
    attempt = Attempts(unavailable(1), fake)
    with pytest.raises(SourceError):
        run(attempt, fake, budget_s=0)
    assert attempt.calls == 1 and fake.sleeps == []


def test_attempts_are_bounded_even_when_the_jitter_is_zero():
    fake = FakeTime()
    attempt = Attempts(unavailable(100), fake)
    with pytest.raises(SourceError):
        run(attempt, fake, rng=lambda: 0.0, budget_s=1000)  # an instantly failing source: no storm
    assert attempt.calls == MAX_ATTEMPTS


def test_the_last_error_is_the_one_raised():
    fake = FakeTime()
    errors = [SourceError("gsheet_quota", key="k"), SourceError("gsheet_unavailable", key="k", status=502)]
    attempt = Attempts(errors + unavailable(100), fake)
    with pytest.raises(SourceError) as info:
        run(attempt, fake, budget_s=1.6)  # sleeps 0.5 and 1.0, then 2.0 would not fit
    assert attempt.calls == 3 and info.value.params["status"] == 503


@pytest.mark.parametrize(
    "code",
    ["gsheet_forbidden", "gsheet_not_found", "gsheet_bad_key", "credentials_missing", "credentials_invalid",
     "file_missing", "not_workbook"],
)
def test_permanent_errors_are_raised_at_once(code):
    fake = FakeTime()
    attempt = Attempts([SourceError(code)], fake)
    with pytest.raises(SourceError) as info:
        run(attempt, fake)
    assert info.value.code == code
    assert attempt.calls == 1 and fake.sleeps == []


def test_other_exceptions_are_not_retried():
    fake = FakeTime()
    calls = []

    def attempt():
        calls.append(1)
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):
        run(attempt, fake)
    assert calls == [1] and fake.sleeps == []


def test_is_transient():
    assert is_transient(SourceError("gsheet_quota"))
    assert not is_transient(SourceError("gsheet_forbidden"))
    assert not is_transient(ValueError("gsheet_quota"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, DEFAULT_BUDGET_S), ("", DEFAULT_BUDGET_S), ("3", 3.0), ("0.5", 0.5), ("0", 0.0),
     ("-1", DEFAULT_BUDGET_S), ("abc", DEFAULT_BUDGET_S), ("nan", DEFAULT_BUDGET_S), ("inf", DEFAULT_BUDGET_S)],
)
def test_budget_from_env(value, expected):
    env = {} if value is None else {"OCOP_RETRY_BUDGET": value}
    assert budget_from_env(env) == expected
