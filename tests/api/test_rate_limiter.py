"""The token bucket behind the gateway's per-account rate limit."""

from __future__ import annotations

import pytest

from gateway.ratelimit import Limit, RateLimiter
from runtime.settings import Settings
from schemas.errors import InvalidInput, RateLimited


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_is_allowed_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(Limit(rate=2, burst=3), clock=clock)
    # Given an idle account: its whole burst passes
    assert [limiter.retry_after("a") for _ in range(3)] == [None, None, None]
    # Then the 4th waits for the next token: half a second at 2/s
    assert limiter.retry_after("a") == pytest.approx(0.5)
    # And after that half second one more passes, not two
    clock.now += 0.5
    assert limiter.retry_after("a") is None
    assert limiter.retry_after("a") is not None
    # And a long pause refills to the burst, never beyond it
    clock.now += 3600
    assert [limiter.retry_after("a") for _ in range(4)][:3] == [None, None, None]


def test_accounts_have_their_own_buckets() -> None:
    limiter = RateLimiter(Limit(rate=1, burst=1), clock=Clock())
    assert limiter.retry_after("a") is None
    assert limiter.retry_after("a") is not None
    assert limiter.retry_after("b") is None


def test_admit_without_waiting_raises_429_with_whole_seconds_and_counts() -> None:
    limited: list[int] = []
    limiter = RateLimiter(
        Limit(rate=0.25, burst=1), clock=Clock(), on_limited=lambda: limited.append(1)
    )
    assert limiter.admit("a") == 0.0
    with pytest.raises(RateLimited) as caught:
        limiter.admit("a")
    assert caught.value.status == 429 and caught.value.retry_after == 4
    assert "retry after 4s" in caught.value.detail
    assert limited == [1]


def test_requests_over_the_rate_wait_their_turn_up_to_max_wait() -> None:
    clock = Clock()
    limiter = RateLimiter(Limit(rate=2, burst=1), clock=clock, max_wait=1.0)
    # Given an idle account: the first request goes at once, the next ones are
    # given their turns half a second apart, reserved in order
    assert [limiter.admit("a") for _ in range(3)] == [0.0, 0.5, 1.0]
    # When the next turn is further away than max_wait, it is refused: 429,
    # retry once the queue is short enough again
    with pytest.raises(RateLimited) as caught:
        limiter.admit("a")
    assert caught.value.retry_after == 1
    # And once the reserved turns have passed, the account is admitted again at once
    clock.now += 1.5
    assert limiter.admit("a") == 0.0
    # And a batch's cost waits for all its tokens
    assert limiter.admit("b", cost=3) == pytest.approx(1.0)


def test_rate_zero_means_no_limit_and_overrides_apply() -> None:
    settings = Settings(
        rate_limit_per_second=1,
        rate_limit_burst=1,
        account_overrides={"big": {"rate_limit_per_second": 0}, "small": {"rate_limit_burst": 2}},
    )
    limiter = RateLimiter.from_settings(settings)
    assert all(limiter.retry_after("big") is None for _ in range(1000))
    assert limiter.limit_for("small") == Limit(rate=1, burst=2)
    assert limiter.limit_for("other") == Limit(rate=1, burst=1)


def test_a_cost_no_wait_can_ever_cover_is_invalid_not_429() -> None:
    # Given 20/s, a burst of 40 and 1 s of waiting: at most 60 tokens at once
    limiter = RateLimiter(Limit(rate=20, burst=40), clock=Clock(), max_wait=1.0)
    # Then a batch of 99 is refused as invalid, saying what would pass
    with pytest.raises(InvalidInput, match="send at most 60 per request"):
        limiter.admit("a", cost=99)
    # And counts what the request took already (a batch's first token, at the gate)
    with pytest.raises(InvalidInput, match="61 messages at once"):
        limiter.admit("a", cost=60, taken=1)
    # And takes no token: a batch of 60 still passes at once
    assert limiter.admit("a", cost=60) == pytest.approx(1.0)
