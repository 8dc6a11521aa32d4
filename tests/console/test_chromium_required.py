"""Without Debian's Chromium the browser tests fail with what to install: never a skip,
never a download."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.support.chromium import ChromiumMissing, system_chromium


def test_a_missing_chromium_is_an_error_saying_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(ChromiumMissing) as missing:
        system_chromium(tmp_path / "no-chromium")
    assert "apt-get install -y chromium" in str(missing.value)
    assert system_chromium().exists()  # the browser tests' own, present on this machine
