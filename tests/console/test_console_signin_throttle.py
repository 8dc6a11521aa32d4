"""Failed console sign-ins are throttled per client address and overall (429 page with
when to retry), over HTTP against embedded ``memq serve`` processes.

Client addresses are told apart by ``X-Forwarded-For``, which uvicorn trusts from
127.0.0.1 (its default ``FORWARDED_ALLOW_IPS``), as it would from a local proxy.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.support.processes import MemqProcess, wait_until_ready
from gateway.console.throttle import SignInThrottle
from tests.console.conftest import KEY_A, Served, serve_env

WRONG = "key-that-does-not-exist-000"


def sign_in(client: httpx.Client, key: str, address: str) -> httpx.Response:
    return client.post(
        "/console/sign-in", data={"api_key": key}, headers={"X-Forwarded-For": address}
    )


def test_an_address_that_keeps_failing_is_refused_with_when_to_retry(served: Served) -> None:
    # The shared server's defaults: 10 failures per address in 300 s.
    guesser, neighbour = "203.0.113.7", "203.0.113.8"
    with httpx.Client(base_url=served.base_url, timeout=30) as client:
        for _ in range(10):
            assert sign_in(client, WRONG, guesser).status_code == 401
        refused = sign_in(client, KEY_A, guesser)  # even the right key, while refused
        assert refused.status_code == 429
        wait = int(refused.headers["retry-after"])
        assert 290 <= wait <= 300
        message = re.search(r'id="retry">(.*?)</p>', refused.text, re.DOTALL)
        assert message is not None and f"try again in\n  {wait} seconds" in message.group(1)
        assert "memq_console" not in refused.headers.get("set-cookie", "")
        # Another address is not held back by this one's failures.
        assert sign_in(client, KEY_A, neighbour).status_code == 303


@pytest.fixture
def strict(tmp_path: Path) -> Iterator[Served]:
    """A server counting failures over 2 s: 2 per address, 3 overall."""
    env = serve_env(tmp_path)
    env.update(
        MEMQ_CONSOLE_SIGNIN_FAILURES="2",
        MEMQ_CONSOLE_SIGNIN_FAILURES_OVERALL="3",
        MEMQ_CONSOLE_SIGNIN_WINDOW="2",
    )
    process = MemqProcess(["serve"], env, tmp_path / "serve.log").start()
    try:
        deployment = Served(f"http://127.0.0.1:{env['MEMQ_PORT']}", process)
        wait_until_ready(deployment.base_url, process)
        yield deployment
    finally:
        process.stop()


def test_failures_spread_over_addresses_stop_every_sign_in_until_the_window_frees(
    strict: Served,
) -> None:
    with httpx.Client(base_url=strict.base_url, timeout=30) as client:
        # A signed-in browser, before the guessing starts
        assert sign_in(client, KEY_A, "198.51.100.1").status_code == 303
        for address in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
            assert sign_in(client, WRONG, address).status_code == 401
        with httpx.Client(base_url=strict.base_url, timeout=30) as other:
            refused = sign_in(other, KEY_A, "198.51.100.2")
        assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 2
        # The browser signed in before keeps working
        assert client.get("/console/sessions").status_code == 200
        time.sleep(2.1)
        with httpx.Client(base_url=strict.base_url, timeout=30) as later:
            assert sign_in(later, KEY_A, "198.51.100.2").status_code == 303


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_is_until_the_oldest_counted_failure_leaves_the_window() -> None:
    clock = Clock()
    throttle = SignInThrottle(per_address=3, overall=100, window=60, clock=clock)
    for step in range(3):
        clock.now = 1000.0 + 10 * step  # failures at 1000, 1010, 1020
        assert throttle.retry_after("a") == 0
        throttle.failed("a")
    assert throttle.retry_after("a") == 40  # 1000 + 60 - 1020
    assert throttle.retry_after("b") == 0
    clock.now = 1060.0  # the first failure left the window
    assert throttle.retry_after("a") == 0
    throttle.failed("a")  # 1010, 1020, 1060: refused until 1070
    assert throttle.retry_after("a") == 10


def test_the_overall_limit_counts_every_address() -> None:
    clock = Clock()
    throttle = SignInThrottle(per_address=10, overall=4, window=30, clock=clock)
    for index in range(4):
        throttle.failed(f"10.0.0.{index}")
    assert throttle.retry_after("10.0.0.99") == 30
    clock.now += 30
    assert throttle.retry_after("10.0.0.99") == 0
