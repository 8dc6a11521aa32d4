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
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is missing: install Debian's Chromium (`apt-get install -y chromium`; "
            ".ci/run does it). The browser tests never download a browser."
        )


def system_chromium(executable: Path = CHROMIUM) -> Path:
    """``executable`` if it exists; else ``ChromiumMissing`` (an error, never a skip)."""
    if not executable.exists():
        raise ChromiumMissing(executable)
    return executable


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=str(system_chromium()), args=ARGS)
