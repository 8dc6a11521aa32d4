"""CSRF, escaping, tenancy and the audit log of the console's actions."""

from __future__ import annotations

import re

from bench.support.console_seed import post_conversations
from gateway.auth import key_id
from tests.console.conftest import KEY_A, KEY_B, Served, csrf_token

INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def test_an_action_without_the_right_csrf_token_is_refused(served: Served) -> None:
    with served.api() as api:
        post_conversations(
            api, {"s-keep": {"user_id": "u-keep", "channel": "web", "turns": [("user", "hi")]}}
        )
    with served.console() as browser, served.console() as other:
        other_token = csrf_token(other.get("/console/sessions").text)
        for data in (
            {"confirm": "u-keep"},  # no token: a cross-site form
            {"confirm": "u-keep", "csrf_token": "forged"},
            {"confirm": "u-keep", "csrf_token": other_token},  # another sign-in's
        ):
            response = browser.post("/console/users/u-keep/erase", data=data)
            assert response.status_code == 403, data
        assert browser.post("/console/sign-out", data={}).status_code == 403
    with served.api() as api:
        assert api.get("/v1/sessions/s-keep").status_code == 200


def test_erasure_needs_the_typed_confirmation_and_is_audited(served: Served) -> None:
    with served.api() as api:
        post_conversations(
            api, {"s-gone": {"user_id": "u-gone", "channel": "web", "turns": [("user", "bye")]}}
        )
    with served.console() as browser:
        token = csrf_token(browser.get("/console/users/u-gone").text)
        unconfirmed = browser.post(
            "/console/users/u-gone/erase", data={"csrf_token": token, "confirm": "u-gon"}
        )
        assert unconfirmed.status_code == 400 and "nothing was erased" in unconfirmed.text
        erased = browser.post(
            "/console/users/u-gone/erase", data={"csrf_token": token, "confirm": "u-gone"}
        )
        assert erased.status_code == 200 and "1 session(s), 1 message(s)" in erased.text
        assert browser.get("/console/users/u-gone").status_code == 404
    with served.api() as api:
        assert api.get("/v1/sessions/s-gone").status_code == 404
    log = served.process.log()
    assert f"action=erase_user target=u-gone account=acct-a key_id={key_id(KEY_A)}" in log
    assert KEY_A not in log


def test_stored_text_is_shown_as_text(served: Served) -> None:
    with served.console() as browser:
        page = browser.get("/console/sessions/s-xss").text
        listing = browser.get("/console/sessions").text
    for html in (page, listing):
        assert "<script>document" not in html
        assert 'hx-get="/console/sign-out"' not in html
        assert "<b hx-trigger" not in html
        assert INLINE_HANDLER.search(html) is None
        assert all('src="/console/static/' in tag for tag in re.findall(r"<script[^>]*>", html))
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in page
    # The containers of stored text tell htmx (should it ever be added) to leave them alone.
    assert '<ol class="messages" id="messages" hx-disable>' in page


def test_another_accounts_ids_are_not_found(served: Served) -> None:
    with served.console(KEY_A) as browser:
        for path in (
            "/console/sessions/s-b-secret",
            "/console/sessions/s-b-secret/context?budget=500",
            "/console/users/u-bob",
        ):
            response = browser.get(path)
            assert response.status_code == 404, path
            assert "B&#39;s" not in response.text and "B's" not in response.text
        assert "s-b-secret" not in browser.get("/console/sessions").text
        assert "s-b-secret" not in browser.get("/console/sessions?q=B").text
        token = csrf_token(browser.get("/console/sessions").text)
        erase = browser.post(
            "/console/users/u-bob/erase", data={"csrf_token": token, "confirm": "u-bob"}
        )
        assert erase.status_code == 404
    with served.api(KEY_B) as api:
        assert api.get("/v1/sessions/s-b-secret").status_code == 200
    # And B sees B's own, not A's.
    with served.console(KEY_B) as browser:
        assert browser.get("/console/sessions/s-b-secret").status_code == 200
        assert browser.get("/console/sessions/s-en").status_code == 404


def test_a_malformed_id_or_filter_is_a_clear_error(served: Served) -> None:
    with served.console() as browser:
        assert browser.get("/console/sessions/bad%20id").status_code == 404
        bad = browser.get("/console/sessions", params={"user_id": "no spaces please"})
        assert bad.status_code == 400 and "user_id" in bad.text
