"""Browser steps the console's browser tests share."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from tests.console.conftest import KEY_A


def signed_in_page(browser: Browser, base_url: str, key: str = KEY_A) -> Page:
    """A fresh browser context, signed in through the sign-in form."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base_url}/console")
    page.fill("#api_key", key)
    page.click("button[type=submit]")
    page.wait_for_url("**/console/sessions")
    return page
