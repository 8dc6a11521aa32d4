"""Without Debian's Chromium the browser tests fail with what to install: never a skip,
never a download."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bench.support.chromium import ChromiumMissing, launch


def test_a_missing_chromium_is_an_error_saying_what_to_install(tmp_path: Path) -> None:
    with sync_playwright() as playwright, pytest.raises(ChromiumMissing) as missing:
        launch(playwright, tmp_path / "no-chromium")
    assert "apt-get install -y chromium" in str(missing.value)
