"""The console in a real browser (Debian's headless Chromium through Playwright)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Page

from bench.support.console_seed import PERSIAN, THAI
from tests.console.browser import signed_in_page
from tests.console.conftest import Served


@pytest.fixture
def page(chromium: Browser, served: Served) -> Iterator[Page]:
    signed_in = signed_in_page(chromium, served.base_url)
    try:
        yield signed_in
    finally:
        signed_in.context.close()


def test_sign_in_list_and_filter(page: Page, served: Served) -> None:
    rows = page.locator("#sessions tbody tr.session-row")
    assert rows.count() >= 4
    page.fill("input[name=user_id]", "u-somchai")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/console/sessions?user_id=u-somchai*")
    assert page.locator("#sessions tbody tr.session-row").all_inner_texts()[0].startswith("s-th")
    assert rows.count() == 1
    page.fill("input[name=user_id]", "")
    page.fill("input[name=q]", "Baker")
    page.click("#filters button[type=submit]")
    assert page.locator("#hits a[href='/console/sessions/s-en']").count() >= 1


def move_budget(page: Page, budget: int) -> None:
    """Move the slider as a user does (input events), then wait for the preview."""
    page.locator("#budget").evaluate(
        "(el, value) => { el.value = value; el.dispatchEvent(new Event('input')); }", budget
    )
    page.wait_for_selector(f"#context-preview .preview[data-budget='{budget}']")


@pytest.mark.parametrize("fmt", ["text", "openai"])
def test_the_context_preview_follows_the_slider_and_matches_the_api(
    page: Page, served: Served, fmt: str
) -> None:
    page.goto(f"{served.base_url}/console/sessions/s-en")
    page.select_option("#format", fmt)
    page.wait_for_selector(f"#context-preview .preview[data-format='{fmt}']")
    with served.api() as api:
        for budget in (120, 1500):
            move_budget(page, budget)
            answer = api.get("/v1/sessions/s-en/context", params={"budget": budget, "format": fmt})
            shown = page.locator("#context-body").text_content()
            assert shown == answer.text  # byte for byte
            if fmt == "text":
                assert page.locator("#context-text").text_content() == answer.json()["text"]
            assert page.locator("#budget-value").inner_text() == str(budget)
    assert f"budget=1500&format={fmt}" in page.url  # the page's address follows the preview


def test_persian_reads_right_to_left_and_thai_stays_whole(page: Page, served: Served) -> None:
    page.goto(f"{served.base_url}/console/sessions/s-fa")
    persian = page.locator("#messages .content").first
    assert persian.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert persian.evaluate("el => el.matches(':dir(rtl)')")
    assert persian.inner_text() == PERSIAN
    page.goto(f"{served.base_url}/console/sessions/s-th")
    thai = page.locator("#messages .content").first
    assert thai.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert thai.inner_text() == THAI  # every cluster, tone marks and vowels in place
    assert "\ufffd" not in page.content()


def test_a_stored_script_or_htmx_attribute_stays_text(page: Page, served: Served) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{served.base_url}/console/sessions/s-xss")
    page.wait_for_load_state("networkidle")
    assert page.title() != "pwned" and dialogs == []
    content = page.locator("#messages .content").first.inner_text()
    assert content.startswith('<script>document.title="pwned"</script>')
    assert 'hx-get="/console/sign-out"' in content
    assert page.locator("#messages script, #messages img, #messages b").count() == 0
    assert not any(url.endswith(("/x", "/sign-out")) for url in requests)
    # Still signed in: nothing in the message signed us out.
    page.goto(f"{served.base_url}/console/sessions")
    assert page.url.endswith("/console/sessions")


class Attacker(BaseHTTPRequestHandler):
    """Another site's page that posts the console's erase form as soon as it loads."""

    target = ""

    def do_GET(self) -> None:
        body = (
            f'<form id="f" method="post" action="{self.target}">'
            '<input name="confirm" value="u-ann"><input name="csrf_token" value="guess">'
            "</form><script>document.getElementById('f').submit()</script>"
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_cross_site_form_cannot_act(page: Page, served: Served) -> None:
    Attacker.target = f"{served.base_url}/console/users/u-ann/erase"
    server = ThreadingHTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # localhost is another site than 127.0.0.1: the SameSite=Strict cookie stays home.
        page.goto(f"http://localhost:{server.server_address[1]}/")
        page.wait_for_load_state("networkidle")
        assert page.url.endswith("/console/sign-in")  # the post arrived without a sign-in
        assert "erased" not in page.content()
    finally:
        server.shutdown()
    # And a forged token from the signed-in page itself is refused too.
    page.goto(f"{served.base_url}/console/users/u-ann")
    page.locator("#erase-form input[name=csrf_token]").evaluate("el => el.value = 'forged'")
    page.fill("#erase-form input[name=confirm]", "u-ann")
    with page.expect_response(lambda r: r.url.endswith("/erase")) as response:
        page.click("#erase-form button[type=submit]")
    assert response.value.status == 403
    with served.api() as api:
        assert api.get("/v1/sessions/s-en").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/console/sessions", "/console/sessions/s-en", "/console/sessions/s-fa", "/console/analytics"],
)
def test_pages_fit_a_phone(chromium: Browser, served: Served, path: str) -> None:
    page = signed_in_page(chromium, served.base_url)
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(served.base_url + path)
        # Nothing wider than the screen: no sideways scrolling to read a page.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.locator("nav a").first.is_visible()
    finally:
        page.context.close()


LONGEST_SESSION, LONGEST_USER = "s" * 128, "u" * 128  # the longest ids memq accepts


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    "path", [f"/console/sessions/{LONGEST_SESSION}", f"/console/users/{LONGEST_USER}"]
)
def test_the_longest_ids_fit_the_page(
    chromium: Browser, served: Served, path: str, width: int
) -> None:
    with served.api() as api:
        api.post(
            f"/v1/sessions/{LONGEST_SESSION}/messages",
            json={"role": "user", "content": "x" * 300, "user_id": LONGEST_USER},
        ).raise_for_status()
    page = signed_in_page(chromium, served.base_url)
    try:
        page.set_viewport_size({"width": width, "height": 844})
        assert page.goto(served.base_url + path).status == 200  # type: ignore[union-attr]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        page.context.close()


def test_every_page_loads_without_a_failed_request_or_a_csp_violation(
    page: Page, served: Served
) -> None:
    # Given a browser that notes every request answered 4xx/5xx and every console error
    failed: list[str] = []
    errors: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # When an operator opens each main page (its icon, styles and script included)
    for path in ("sessions", "sessions/s-en", "users/u-ann", "analytics", "operations"):
        page.goto(f"{served.base_url}/console/{path}", wait_until="networkidle")
    # Then nothing was refused, missing or blocked by the page's own CSP
    assert failed == [] and errors == []
    # And the icon each page names is served (a browser asks for it on its own)
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert icon is not None
    answer = page.request.get(f"{served.base_url}{icon}")
    assert answer.status == 200 and answer.headers["content-type"].startswith("image/svg+xml")
