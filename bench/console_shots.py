"""Screenshots of the console's main pages for docs/console.md, in Debian's Chromium.

    python -m bench.console_shots [--out docs/console]

Starts an embedded ``memq serve`` of its own (in-process broker, SQLite in a
temporary directory), posts the console's seed conversations through the API,
and photographs each page at 1280 px wide and two of them on a phone.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import httpx
from playwright.sync_api import Browser, sync_playwright

from bench.support.chromium import launch
from bench.support.console_seed import flush_analytics, post_conversations, wait_until_folded
from bench.support.processes import MemqProcess, free_port, wait_until_ready
from bench.support.progress import log

KEY, ACCOUNT = "console-shots-key-0123", "acme"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
#: (file name, path, viewport)
SHOTS = [
    ("sign-in", "/console/sign-in", DESKTOP),
    ("sessions", "/console/sessions", DESKTOP),
    ("session", "/console/sessions/s-en?budget=150", DESKTOP),
    ("user", "/console/users/u-ann", DESKTOP),
    ("analytics", "/console/analytics", DESKTOP),
    ("operations", "/console/operations", DESKTOP),
    ("phone-sessions", "/console/sessions", PHONE),
    ("phone-session-fa", "/console/sessions/s-fa", PHONE),
]


def photograph(browser: Browser, base_url: str, out: Path) -> None:
    for name, path, viewport in SHOTS:
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        page = context.new_page()
        if name != "sign-in":
            page.goto(f"{base_url}/console/sign-in")
            page.fill("#api_key", KEY)
            page.click("button[type=submit]")
            page.wait_for_url("**/console/sessions")
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=out / f"{name}.png", full_page=True)
        log(f"  {out / name}.png")
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/console"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEMQ_")}
        env.update(
            MEMQ_DATA_DIR=str(Path(tmp) / "data"),
            MEMQ_PORT=str(port),
            MEMQ_API_KEYS=f"{KEY}:{ACCOUNT}",
            MEMQ_LOG_LEVEL="WARNING",
        )
        server = MemqProcess(["serve"], env, Path(tmp) / "serve.log").start()
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_until_ready(base_url, server)
            with httpx.Client(
                base_url=base_url, headers={"Authorization": f"Bearer {KEY}"}, timeout=30
            ) as api:
                post_conversations(api)
                wait_until_folded(api, "s-en")
                flush_analytics(api)
                api.post("/v1/sessions/s-th/end").raise_for_status()
            with sync_playwright() as playwright:
                browser = launch(playwright)
                try:
                    photograph(browser, base_url, args.out)
                finally:
                    browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
