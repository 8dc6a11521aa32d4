"""Requests straight to the broker are held to the HTTP API's rules at the worker.

A producer in any language (docs/amqp.md) may publish any body. A malformed
request is answered 422 ``invalid_input`` naming the field, and acked: no
internal error, no traceback in the worker log, nothing dead-lettered. The
bodies are plain JSON built here, never by memq's own code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.conftest import ACCOUNT_A, KEY_A, Stack
from tests.support.amqp_requests import AmqpRequester

pytestmark = pytest.mark.e2e

SESSION = "fuzz-s1"
DOCUMENT = {
    "format": "memq.session",
    "version": 1,
    "session": {"session_id": "imported-1", "created_at": "2026-05-01T10:00:00Z"},
    "messages": [
        {
            "message_id": "imported-m1",
            "role": "user",
            "content": "hello",
            "seq": 1,
            "accepted_at": "2026-05-01T10:00:00Z",
        }
    ],
}
S = {"account_id": ACCOUNT_A, "session_id": SESSION}

#: A well-formed request of every actor on the context queue (what the fuzz mutates).
VALID: dict[str, dict[str, Any]] = {
    "assemble_context": {**S, "budget": 400, "format": "text"},
    "create_session": {"account_id": ACCOUNT_A, "spec": {"user_id": "u1", "title": "t"}},
    "get_session": S,
    "list_sessions": {"account_id": ACCOUNT_A, "user_id": "u1", "limit": 5, "cursor": None},
    "update_session": {**S, "patch": {"title": "renamed"}},
    "end_session": {**S, "reason": "done"},
    "delete_session": {"account_id": ACCOUNT_A, "session_id": "never-created"},
    "list_messages": {**S, "limit": 10, "before": None},
    "get_memory": S,
    "ping_store": {},
    "get_session_analytics": S,
    "get_user_activity": {"account_id": ACCOUNT_A, "user_id": "u1"},
    "get_kb_usage": {"account_id": ACCOUNT_A, "top": 5},
    "get_stats": {"account_id": ACCOUNT_A},
    "get_account_analytics": {"account_id": ACCOUNT_A, "days": 7, "top": 5, "low_confidence": 5},
    "cleanup_sessions": {"account_id": ACCOUNT_A, "days": 36_500},
    "search_messages": {**S, "query": "hello", "user_id": None, "limit": 5},
    "export_session": S,
    "export_messages": {**S, "after": None},
    "import_session": {"account_id": ACCOUNT_A, "document": DOCUMENT, "session_id": None},
    "get_user_memory": {"account_id": ACCOUNT_A, "user_id": "u1", "persona": ""},
    "search_user_memory": {"account_id": ACCOUNT_A, "user_id": "u1", "query": "order"},
    "patch_user_fact": {
        "account_id": ACCOUNT_A,
        "user_id": "u1",
        "persona": "meher",
        "key": "delivery_address",
        "patch": {"value": "12 Elm Street"},
    },
    "delete_user_memory": {"account_id": ACCOUNT_A, "user_id": "u-gone", "persona": None},
    "erase_user": {"account_id": ACCOUNT_A, "user_id": "u-gone"},
}


@pytest.fixture
def requester(stack: Stack) -> Iterator[AmqpRequester]:
    with stack.client(KEY_A) as client:
        for n in range(3):
            body = {"message_id": f"m{n}", "role": "user", "content": f"hello number {n}"}
            assert client.post(f"/v1/sessions/{SESSION}/messages", json=body).status_code == 202
    stack.wait_for_count(SESSION, 3)
    client_ = AmqpRequester(stack.env["MEMQ_AMQP_URL"], stack.env["MEMQ_QUEUE_PREFIX"])
    try:
        yield client_
    finally:
        client_.close()


def worker_log_is_clean(stack: Stack) -> None:
    log = "\n".join(worker.log() for worker in stack.workers)
    assert "Traceback" not in log, log[-4000:]
    assert " ERROR " not in log, log[-4000:]


def refused(reply: dict[str, Any], field: str) -> None:
    assert reply["ok"] is False, reply
    assert reply["error"]["status"] == 422, reply
    assert reply["error"]["code"] == "invalid_input", reply
    assert field in reply["error"]["detail"], reply


def test_the_malformed_context_requests_of_the_issue_are_answered_422(
    stack: Stack, requester: AmqpRequester
) -> None:
    good = VALID["assemble_context"]
    # Given a well-formed request, answered
    assert requester.ask("assemble_context", good)["ok"] is True
    # When a field is wrong, missing or extra, Then 422 names it
    refused(requester.ask("assemble_context", {**good, "format": "klingon"}), "format")
    refused(requester.ask("assemble_context", {**good, "budget": "a hundred"}), "budget")
    refused(requester.ask("assemble_context", {**good, "budget": 10}), "budget")
    refused(requester.ask("assemble_context", {**good, "colour": "red"}), "colour")
    missing = {key: value for key, value in good.items() if key != "session_id"}
    refused(requester.ask("assemble_context", missing), "session_id")
    refused(requester.ask("assemble_context", {**good, "account_id": "../x"}), "account_id")
    # And a body no actor can be called with is answered too
    refused(requester.ask("assemble_context", ["not", "an", "object"]), "kwargs")
    refused(requester.ask("assemble_context", good, args=[1]), "args")
    refused(requester.ask("no_such_actor", good), "actor_name")
    refused(
        requester.ask("assemble_context", good, options={"memq_deadline_ms": "soon"}),
        "memq_deadline_ms",
    )
    # As are the other reads
    refused(requester.ask("list_messages", {**VALID["list_messages"], "limit": 0}), "limit")
    refused(requester.ask("search_messages", {**VALID["search_messages"], "query": ""}), "query")
    refused(requester.ask("export_messages", {**S, "after": [1]}), "after")
    # And the user memory's
    patch = VALID["patch_user_fact"]
    refused(
        requester.ask("get_user_memory", {**VALID["get_user_memory"], "persona": "a b"}), "persona"
    )
    refused(requester.ask("patch_user_fact", {**patch, "key": "no/slash"}), "key")
    refused(requester.ask("patch_user_fact", {**patch, "patch": {"value": ""}}), "value")
    refused(requester.ask("patch_user_fact", {**patch, "patch": {"valeu": "x"}}), "valeu")
    refused(requester.ask("patch_user_fact", {**patch, "patch": {}}), "value")
    refused(
        requester.ask("search_user_memory", {**VALID["search_user_memory"], "query": ""}), "query"
    )
    refused(requester.ask("erase_user", {"account_id": ACCOUNT_A}), "user_id")
    # Then nothing was dead-lettered and the worker logged no error
    assert requester.dead_letters() == 0
    worker_log_is_clean(stack)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def malformed_requests(draw: st.DrawFn) -> tuple[str, Any, dict[str, Any]]:
    """(actor, kwargs, extra body fields): a valid request with one thing broken, or junk."""
    actor = draw(st.sampled_from(sorted(VALID)))
    kwargs: Any = dict(VALID[actor])
    extra: dict[str, Any] = {}
    how = draw(st.sampled_from(["drop", "replace", "add", "nested", "junk", "args"]))
    if how == "drop" and kwargs:
        kwargs.pop(draw(st.sampled_from(sorted(kwargs))))
    elif how == "replace" and kwargs:
        kwargs[draw(st.sampled_from(sorted(kwargs)))] = draw(json_values)
    elif how == "add":
        kwargs[draw(st.text(min_size=1, max_size=10))] = draw(json_values)
    elif how == "nested":
        # Inside the nested documents: a create's spec, a patch, an import's document.
        for key in ("spec", "patch", "document"):
            if isinstance(kwargs.get(key), dict):
                inner = dict(kwargs[key])
                inner[draw(st.sampled_from([*sorted(inner), "x"]))] = draw(json_values)
                kwargs[key] = inner
    elif how == "junk":
        kwargs = draw(json_values)
    else:
        extra["args"] = draw(st.lists(json_values, min_size=1, max_size=2))
    return actor, kwargs, extra


def test_fuzzed_requests_over_amqp_get_no_internal_error(
    stack: Stack, requester: AmqpRequester
) -> None:
    answers: dict[str, int] = {}

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(malformed_requests())
    def each(request: tuple[str, Any, dict[str, Any]]) -> None:
        actor, kwargs, extra = request
        reply = requester.ask(actor, kwargs, **extra)
        if not reply["ok"]:
            error = reply["error"]
            assert error["code"] != "internal_error", (actor, json.dumps(kwargs)[:300], reply)
            assert 400 <= error["status"] < 500, (actor, reply)
            answers[error["code"]] = answers.get(error["code"], 0) + 1
        else:
            answers["ok"] = answers.get("ok", 0) + 1

    each()
    # Then most were refused as invalid, none dead-lettered, and the log holds no error
    assert answers.get("invalid_input", 0) > 50, answers
    assert requester.dead_letters() == 0
    worker_log_is_clean(stack)
