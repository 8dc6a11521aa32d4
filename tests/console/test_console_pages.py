"""What the console's pages show, read over HTTP from an embedded ``memq serve``."""

from __future__ import annotations

import html
import re

import pytest

from bench.support.processes import wait_for
from tests.console.conftest import KEY_B, Served

SESSION_LINK = re.compile(r'<tr class="session-row">\s*<td><a href="/console/sessions/([^"]+)">')


def listed(page_html: str) -> list[str]:
    return SESSION_LINK.findall(page_html)


def pre(page_html: str, element_id: str) -> str:
    found = re.search(rf'<pre id="{element_id}"[^>]*>(.*?)</pre>', page_html, re.DOTALL)
    assert found is not None, element_id
    return html.unescape(found.group(1))


def test_the_list_filters_by_user_channel_persona_status_and_text(served: Served) -> None:
    with served.console() as browser:
        everything = listed(browser.get("/console/sessions").text)
        assert set(everything) >= {"s-en", "s-fa", "s-th", "s-xss"}
        with served.api() as api:
            newest_first = [s["session_id"] for s in api.get("/v1/sessions").json()["sessions"]]
        assert everything == newest_first[: len(everything)]
        assert listed(browser.get("/console/sessions?user_id=u-sara").text) == ["s-fa"]
        assert listed(browser.get("/console/sessions?channel=voice").text) == ["s-th"]
        by_persona = browser.get("/console/sessions?persona=meher").text
        assert listed(by_persona) == ["s-th"] and "<td>meher</td>" in by_persona
        assert listed(browser.get("/console/sessions?persona=nobody").text) == []
        assert "s-en" in listed(browser.get("/console/sessions?status=active").text)
        assert "s-en" not in listed(browser.get("/console/sessions?status=ended").text)
        found = browser.get("/console/sessions", params={"q": "ORD-48213"}).text
        assert 'href="/console/sessions/s-en"' in found and "s-fa" not in found


def test_the_list_pages_with_the_api_cursor(served: Served) -> None:
    # Account B's: account A's pages stay small for the analytics test.
    with served.api(KEY_B) as api:
        post = {"role": "user", "content": "paging", "user_id": "u-pager", "channel": "sms"}
        for index in range(27):
            response = api.post(f"/v1/sessions/s-page-{index:02d}/messages", json=post)
            assert response.status_code == 202
    with served.console(KEY_B) as browser:

        def pager_sessions() -> list[str]:
            first = browser.get("/console/sessions?user_id=u-pager")
            found = listed(first.text)
            more = re.search(r'id="next-page" href="([^"]+)"', first.text)
            if more:
                found += listed(browser.get(html.unescape(more.group(1))).text)
            return found

        wait_for(lambda: len(pager_sessions()) == 27, timeout=30, interval=0.3)
        assert sorted(pager_sessions()) == [f"s-page-{index:02d}" for index in range(27)]


def test_a_session_shows_its_messages_memory_and_facts(served: Served) -> None:
    with served.console() as browser:
        page = browser.get("/console/sessions/s-en").text
    assert "Hi, my order ORD-48213 has not arrived yet." in page
    assert 'class="content" dir="auto"' in page
    assert 'id="memory"' in page and "Engine: offline" in page
    assert 'id="facts"' in page


@pytest.mark.parametrize("budget", [100, 2000])
@pytest.mark.parametrize("fmt", ["text", "anthropic"])
def test_the_context_preview_is_the_api_answer(served: Served, budget: int, fmt: str) -> None:
    with served.api() as api:
        answer = api.get("/v1/sessions/s-en/context", params={"budget": budget, "format": fmt})
    assert answer.status_code == 200
    with served.console() as browser:
        fragment = browser.get(
            "/console/sessions/s-en/context", params={"budget": budget, "format": fmt}
        ).text
        full = browser.get("/console/sessions/s-en", params={"budget": budget, "format": fmt}).text
    for page in (fragment, full):
        assert pre(page, "context-body") == answer.text  # byte for byte
        if fmt == "text":
            assert pre(page, "context-text") == answer.json()["text"]
        assert f"<b>{answer.json()['estimated_tokens']}</b> of {budget} tokens" in page
    if answer.json()["dropped"]:
        assert '<ul id="dropped">' in fragment
    else:
        assert "Nothing: everything fits." in fragment


def test_the_sections_add_up_to_what_the_text_shows(served: Served) -> None:
    with served.api() as api:
        parts = api.get("/v1/sessions/s-en/context", params={"format": "json"}).json()
    sections = parts["context"]["section_tokens"]
    assert sections and all(tokens > 0 for tokens in sections.values())
    with served.console() as browser:
        fragment = browser.get("/console/sessions/s-en/context").text
    for name, tokens in sections.items():
        assert f'<tr><td>{name}</td><td class="num">{tokens}</td></tr>' in fragment


def test_a_user_page_shows_sessions_and_memory(served: Served) -> None:
    with served.console() as browser:
        page = browser.get("/console/users/u-ann").text
    assert 'href="/console/sessions/s-en"' in page
    assert 'id="user-memory"' in page and 'id="erase-form"' in page


def test_analytics_draws_svg_charts(served: Served) -> None:
    with served.console() as browser:
        page = browser.get("/console/analytics").text
    assert page.count("<svg ") == 3 and '<rect x="' in page
    # The answers' metadata: sources cited, low confidence (threshold 0.5), response times.
    kb = page.split('id="kb"')[1].split("</table>")[0]
    assert "kb-delivery" in kb and '<td class="num">2</td>' in kb
    low = page.split('id="low-confidence"')[1].split("</table>")[0]
    assert low.index("0.30") < low.index("0.41")
    assert "My name is Ann Lee, by the way." in low
    assert "Average response time per session (ms)" in page
    latency = page.split('id="chart-latency"')[1].split("</figure>")[0]
    assert "<title>s-en: 1066</title>" in latency  # (840 + 1210 + 1630 + 700 + 950) / 5


def test_operations_on_the_embedded_default_says_what_does_not_apply(served: Served) -> None:
    with served.console() as browser:
        page = browser.get("/console/operations").text
    assert 'id="readiness"' in page and '<dd class="ok">ok</dd>' in page
    assert "acct" not in page.split('id="queues"')[1].split("</table>")[0]
    assert "memq.ingest" in page and "consumer counts do not apply" in page
    assert "Not on this deployment" in page


@pytest.mark.parametrize(
    ("path", "status"),
    [("/console/sessions/no-such-session", 404), ("/console/sessions?status=closed", 400)],
)
def test_an_error_page_keeps_the_navigation_and_sign_out(
    served: Served, path: str, status: int
) -> None:
    with served.console() as browser:
        shown = browser.get(path)
        assert shown.status_code == status
        assert 'href="/console/operations"' in shown.text
        # Its sign-out form carries this sign-in's token, so it signs out.
        token = re.search(r'name="csrf_token" value="([^"]+)"', shown.text)
        assert token is not None, "no sign-out form on the error page"
        signed_out = browser.post("/console/sign-out", data={"csrf_token": token.group(1)})
        assert signed_out.status_code == 303
        assert browser.get("/console/sessions").status_code == 303
