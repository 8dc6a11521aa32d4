"""An embedded ``memq serve`` with two accounts and a read-only console key, and a
browser-like client of its console."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, sync_playwright

from bench.support.chromium import launch
from bench.support.console_seed import post_conversations, wait_until_folded
from bench.support.processes import MemqProcess, free_port, wait_until_ready

KEY_A, ACCOUNT_A = "key-console-alpha-0123", "acct-a"
KEY_B, ACCOUNT_B = "key-console-bravo-4567", "acct-b"
KEY_READONLY = "key-console-readonly-89ab"

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Served:
    base_url: str
    process: MemqProcess

    def api(self, key: str = KEY_A) -> httpx.Client:
        return httpx.Client(
            base_url=self.base_url, headers={"Authorization": f"Bearer {key}"}, timeout=30
        )

    @contextmanager
    def console(self, key: str | None = KEY_A) -> Iterator[httpx.Client]:
        """A browser-like client, signed in with ``key`` (None: not signed in)."""
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            if key is not None:
                response = client.post("/console/sign-in", data={"api_key": key})
                assert response.status_code == 303, response.text
            yield client


def csrf_token(page_html: str) -> str:
    found = CSRF.search(page_html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


def serve_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMQ_")}
    env.update(
        MEMQ_DATA_DIR=str(tmp_path / "data"),
        MEMQ_PORT=str(free_port()),
        MEMQ_API_KEYS=f"{KEY_A}:{ACCOUNT_A},{KEY_B}:{ACCOUNT_B}",
        MEMQ_CONSOLE_READONLY_KEYS=f"{KEY_READONLY}:{ACCOUNT_A}",
        MEMQ_LOG_LEVEL="INFO",
    )
    return env


@pytest.fixture(scope="package")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One embedded server for the package, with the seeded conversations of account A
    and one session of account B."""
    tmp_path = tmp_path_factory.mktemp("console")
    env = serve_env(tmp_path)
    process = MemqProcess(["serve"], env, tmp_path / "serve.log").start()
    try:
        deployment = Served(f"http://127.0.0.1:{env['MEMQ_PORT']}", process)
        wait_until_ready(deployment.base_url, process)
        with deployment.api(KEY_A) as api:
            post_conversations(api)
            wait_until_folded(api, "s-en")  # ten messages: five summarized
        with deployment.api(KEY_B) as api:
            post_conversations(
                api,
                {"s-b-secret": {"user_id": "u-bob", "channel": "web", "turns": [("user", "B's")]}},
            )
        yield deployment
    finally:
        process.stop()


@pytest.fixture(scope="package")
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium; when it is missing the browser tests fail, never skip."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()
