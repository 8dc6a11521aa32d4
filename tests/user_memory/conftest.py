"""Fixtures of the user-memory tests: a SQLite store, conversations in three languages,
and a fake Anthropic Messages API on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.backends.sqlite import SqliteStore
from tests.support.fake_anthropic import FakeAnthropic


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    opened = SqliteStore(tmp_path / "memq.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def fake_anthropic() -> Iterator[FakeAnthropic]:
    fake = FakeAnthropic.start()
    try:
        yield fake
    finally:
        fake.close()
