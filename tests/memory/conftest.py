"""Fixtures of the memory-engine tests: a fake Anthropic Messages API on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.fake_anthropic import FakeAnthropic


@pytest.fixture
def fake_anthropic() -> Iterator[FakeAnthropic]:
    """A fresh fake Messages API per test; shut down afterwards."""
    fake = FakeAnthropic.start()
    try:
        yield fake
    finally:
        fake.close()
