"""What the console's pages show, read over HTTP from an embedded ``memq serve``."""

from __future__ import annotations

import html
import re

import pytest

from bench.support.console_seed import flush_analytics
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
    # The stored facts are the last summary's: the page says the preview reads the rest
    with served.api() as api:
        unfolded = api.get("/v1/sessions/s-en/memory").json()["unfolded_messages"]
    if unfolded:
        assert f"from the {unfolded} message(s) not summarized yet" in page
    else:
        assert 'id="facts-note"' not in page


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


def test_a_user_page_shows_each_personas_memory(served: Served) -> None:
    # Account B's: a user who talked to persona "meher" and, in another session, to no persona.
    with served.api(KEY_B) as api:
        spoken = {
            "s-pp-meher": ("meher", "Salam Meher, I am planning a trip to Shiraz in spring."),
            "s-pp-general": (None, "Hello, my order ORD-77120 is late again."),
        }
        for session_id, (persona, content) in spoken.items():
            body = {"role": "user", "content": content, "user_id": "u-pp", "channel": "web"}
            if persona:
                body["persona"] = persona
            assert api.post(f"/v1/sessions/{session_id}/messages", json=body).status_code == 202
            wait_for(
                lambda sid=session_id: api.get(f"/v1/sessions/{sid}/messages").status_code == 200,
                timeout=30,
                interval=0.2,
            )
            assert api.post(f"/v1/sessions/{session_id}/end", json={}).status_code == 200

        def merged(persona: str, session_id: str) -> bool:
            memory = api.get("/v1/users/u-pp/memory", params={"persona": persona}).json()
            return session_id in [c["session_id"] for c in memory.get("conversations", [])]

        wait_for(lambda: merged("meher", "s-pp-meher"), timeout=30, interval=0.3)
        wait_for(lambda: merged("", "s-pp-general"), timeout=30, interval=0.3)
    with served.console(KEY_B) as browser:
        general = browser.get("/console/users/u-pp").text
        meher = browser.get("/console/users/u-pp", params={"persona": "meher"}).text
        refused = browser.get("/console/users/u-pp", params={"persona": "<b>x</b>"})
    with served.console() as other_account:
        assert other_account.get("/console/users/u-pp?persona=meher").status_code == 404

    def memory_of(page_html: str) -> str:
        return page_html.split('id="user-memory"')[1].split("</section>")[0]

    nav = general.split('id="personas"')[1].split("</nav>")[0]
    assert '<b aria-current="page">general</b>' in nav
    assert 'href="/console/users/u-pp?persona=meher">meher</a>' in nav
    assert "s-pp-general" in memory_of(general) and "s-pp-meher" not in memory_of(general)
    assert "User memory with persona meher" in meher
    assert "s-pp-meher" in memory_of(meher) and "s-pp-general" not in memory_of(meher)
    assert '<b aria-current="page">meher</b>' in meher
    # Both sessions are listed whichever memory is shown, each with its persona
    assert 'href="/console/sessions/s-pp-general"' in meher
    assert refused.status_code == 400 and "<b>x</b>" not in refused.text


def flush_every_session(served: Served) -> None:
    with served.api() as api:
        flush_analytics(api)


def test_analytics_draws_the_account_per_day_as_svg(served: Served) -> None:
    flush_every_session(served)
    with served.api() as api:
        daily = api.get("/v1/analytics/daily", params={"days": 7}).json()
    with served.console() as browser:
        page = browser.get("/console/analytics?days=7").text
    assert page.count("<svg ") == 3 and '<rect x="' in page
    today = daily["per_day"][-1]
    assert daily["days"] == 7 and len(daily["per_day"]) == 7
    # Every message of account A (s-en's ten and the others') is in today's bar, as the API says.
    messages = page.split('id="chart-messages"')[1].split("</figure>")[0]
    assert f"<title>{today['day']}: {today['messages']}</title>" in messages
    assert today["messages"] == daily["messages"] >= 10
    # The answers' metadata: sources cited, low confidence (threshold 0.5), response times.
    kb = page.split('id="kb"')[1].split("</table>")[0]
    assert "kb-delivery" in kb and '<td class="num">2</td>' in kb
    low = page.split('id="low-confidence"')[1].split("</table>")[0]
    assert low.index("0.30") < low.index("0.41")  # the latest first
    assert "My name is Ann Lee, by the way." in low
    # 700, 840, 950, 1210, 1630 ms: the median is in (750, 1000], p90 in (1500, 2000]
    times = page.split('id="response-times"')[1].split("</dl>")[0]
    assert "<dt>p50</dt><dd>≤ 1000 ms</dd>" in times and "<dt>p90</dt><dd>≤ 2000 ms</dd>" in times
    assert (daily["response_times"]["p50_ms"], daily["response_times"]["answers"]) == (1000, 5)
    # The account's counts, and what its memory cost, read as figures (no raw dict)
    with served.api() as api:
        stats = api.get("/v1/stats").json()
    counts = page.split('id="stats"')[1].split("</dl>")[0]
    assert f"<dt>sessions</dt><dd>{stats['sessions']}</dd>" in counts and "llm" not in counts
    llm = page.split('id="llm-usage"')[1].split("</dl>")[0]
    assert f"LLM tokens today ({stats['llm_usage']['day']})" in llm and "unbounded" in llm
    assert "{" not in llm and "input_tokens" not in llm
    # Nothing of account B's (its session s-b-secret) is counted or linked
    assert "s-b-secret" not in page


def test_the_api_refuses_a_window_out_of_range(served: Served) -> None:
    with served.api() as api:
        for days in (0, 367):
            response = api.get("/v1/analytics/daily", params={"days": days})
            assert response.status_code == 422, response.text
    with served.console() as browser:
        refused = browser.get("/console/analytics?days=0")
    assert refused.status_code == 400 and "days" in refused.text


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
