"""Signing in to the console: the cookie, the key never echoed, sign-out, read-only keys."""

from __future__ import annotations

from gateway.auth import key_id
from tests.console.conftest import KEY_A, KEY_READONLY, Served, csrf_token


def test_pages_need_a_sign_in(served: Served) -> None:
    with served.console(key=None) as browser:
        for path in ("/console", "/console/sessions", "/console/sessions/s-en", "/console/users/u"):
            response = browser.get(path, follow_redirects=True)
            assert response.url.path == "/console/sign-in", path
            assert "API key" in response.text


def test_an_unknown_key_signs_nobody_in(served: Served) -> None:
    with served.console(key=None) as browser:
        response = browser.post("/console/sign-in", data={"api_key": "not-a-key"})
        assert response.status_code == 401
        assert "Unknown key" in response.text
        assert "memq_console" not in response.headers.get("set-cookie", "")
        assert browser.get("/console/sessions").status_code == 303


def test_a_sign_in_posted_by_another_site_is_refused(served: Served) -> None:
    with served.console(key=None) as browser:
        forged = browser.post(
            "/console/sign-in", data={"api_key": KEY_A}, headers={"Origin": "http://evil.example"}
        )
        assert forged.status_code == 403 and "memq_console" not in forged.headers.get(
            "set-cookie", ""
        )
        own = browser.post(
            "/console/sign-in", data={"api_key": KEY_A}, headers={"Origin": served.base_url}
        )
        assert own.status_code == 303


def test_the_cookie_is_http_only_strict_and_holds_no_key(served: Served) -> None:
    with served.console(key=None) as browser:
        response = browser.post("/console/sign-in", data={"api_key": KEY_A})
        assert response.status_code == 303
        cookie = response.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie
        assert KEY_A not in cookie
        page = browser.get("/console/sessions")
        assert page.status_code == 200
        assert KEY_A not in page.text
        assert key_id(KEY_A) in page.text  # the short id says which key is in use
        # The cookie is no API credential.
        assert browser.get("/v1/sessions").status_code == 401


def test_sign_out_ends_the_sign_in(served: Served) -> None:
    with served.console() as browser:
        token = csrf_token(browser.get("/console/sessions").text)
        cookie = browser.cookies.get("memq_console")
        assert browser.post("/console/sign-out", data={"csrf_token": token}).status_code == 303
    # The old cookie, replayed, no longer opens anything.
    with served.console(key=None) as stale:
        stale.cookies.set("memq_console", cookie or "", path="/console")
        assert stale.get("/console/sessions").status_code == 303


def test_every_console_page_has_a_csp_without_inline_script(served: Served) -> None:
    with served.console() as browser:
        for path in ("/console/sign-in", "/console/sessions", "/console/sessions/s-en"):
            csp = browser.get(path).headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp
            assert "style-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_a_read_only_key_sees_everything_and_may_do_nothing(served: Served) -> None:
    with served.console(KEY_READONLY) as browser:
        user_page = browser.get("/console/users/u-ann")
        assert user_page.status_code == 200 and "read-only" in user_page.text
        token = csrf_token(user_page.text)
        erase = browser.post(
            "/console/users/u-ann/erase", data={"csrf_token": token, "confirm": "u-ann"}
        )
        assert erase.status_code == 403 and "read-only" in erase.text
        requeue = browser.post(
            "/console/operations/dead-letters/some-id/requeue", data={"csrf_token": token}
        )
        assert requeue.status_code == 403
    with served.api() as api:
        assert api.get("/v1/sessions/s-en").status_code == 200  # nothing was erased
    # A read-only console key is no API key.
    with served.api(KEY_READONLY) as api:
        assert api.get("/v1/sessions").status_code == 401
