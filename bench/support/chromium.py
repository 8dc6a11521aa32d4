"""Debian's Chromium, driven by Playwright for Python: nothing is downloaded at run time
(never ``playwright install``). Used by the console's browser tests and screenshots."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class ChromiumMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`; "
            ".ci/run does it). The browser tests never download a browser."
        )


def launch(playwright: Playwright) -> Browser:
    if not CHROMIUM.exists():
        raise ChromiumMissing
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
