"""Fixtures of the memory tests: a fresh SQLite store, and a fake Anthropic Messages API on a
loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.backends.sqlite import SqliteStore
from tests.support.fake_anthropic import FakeAnthropic


@pytest.fixture
def fake_anthropic() -> Iterator[FakeAnthropic]:
    """A fresh fake Messages API per test; shut down afterwards."""
    fake = FakeAnthropic.start()
    try:
        yield fake
    finally:
        fake.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    """A store of its own per test, in a file that goes with the test's directory."""
    opened = SqliteStore(tmp_path / "memq.sqlite3")
    try:
        yield opened
    finally:
        opened.close()
