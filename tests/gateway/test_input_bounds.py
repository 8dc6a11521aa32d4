"""What the workers would refuse for good, the gateway refuses before its 202 (a persona
that is not a name too, wherever it is given).

Rule (a) of docs/operations.md: one validation model on both sides, with
bounds on every integer and date-time. No worker consumes the in-process
broker here: a request that passes is published (202), one that does not
must publish nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from dramatiq.brokers.stub import StubBroker
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings
from schemas.bounds import MAX_METADATA_DEPTH

KEY = "key-bounds"
HEADERS = {"authorization": f"Bearer {KEY}"}


@pytest.fixture
def broker() -> StubBroker:
    broker = StubBroker()
    broker.declare_queue("memq.ingest")
    broker.declare_queue("memq.context")
    return broker


@pytest.fixture
def client(broker: StubBroker) -> Iterator[TestClient]:
    transport = LocalTransport(broker, InProcessReplies(), "memq")
    app = create_app(Settings(request_timeout=1), transport, ApiKeys({KEY: "acct"}))
    with TestClient(app) as test_client:
        yield test_client


def published(broker: StubBroker) -> int:
    return broker.queues["memq.ingest"].qsize()


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


BAD_FIELDS = {
    "sent_at overflows on conversion to UTC": {"sent_at": "9999-12-31T23:59:59-14:00"},
    "sent_at underflows on conversion to UTC": {"sent_at": "0001-01-01T00:00:00+05:00"},
    "sent_at before 1970": {"sent_at": "1969-07-20T20:17:00Z"},
    "sent_at after 2999": {"sent_at": "3000-01-01T00:00:00Z"},
    "metadata integer over 64 bits": {"metadata": {"n": 2**64}},
    "metadata integer JavaScript cannot read exactly": {"metadata": {"n": 2**53}},
    "metadata number beyond the integers": {"metadata": {"x": 1e300}},
    "metadata key starting with $": {"metadata": {"$where": "x"}},
    "metadata key with NUL": {"metadata": {"a\x00b": 1}},
    "metadata nested too deep": {"metadata": nested(MAX_METADATA_DEPTH + 1)},
}


@pytest.mark.parametrize("fields", BAD_FIELDS.values(), ids=BAD_FIELDS.keys())
def test_a_value_no_store_can_keep_is_refused_before_the_202(
    client: TestClient, broker: StubBroker, fields: dict[str, Any]
) -> None:
    # When a channel posts a message with a value out of bounds
    body = {"role": "user", "content": "hello", **fields}
    response = client.post("/v1/sessions/s1/messages", json=body, headers=HEADERS)
    # Then it is refused with a reason naming the field, and nothing is published
    assert response.status_code == 422, response.text
    (field,) = fields
    assert response.json()["error"]["detail"].startswith(f"{field}")
    assert published(broker) == 0


@pytest.mark.parametrize("number", ["NaN", "Infinity", "1e400"])
def test_a_metadata_number_json_cannot_carry_is_refused(
    client: TestClient, broker: StubBroker, number: str
) -> None:
    # Python's JSON reader takes NaN and Infinity; both stores would keep null instead
    body = '{"role": "user", "content": "hi", "metadata": {"score": ' + number + "}}"
    response = client.post(
        "/v1/sessions/s1/messages",
        content=body,
        headers={**HEADERS, "content-type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert "2^53" in response.json()["error"]["detail"]
    assert published(broker) == 0


def test_a_batch_with_one_value_out_of_bounds_names_it_and_publishes_nothing(
    client: TestClient, broker: StubBroker
) -> None:
    good = {"session_id": "s1", "role": "user", "content": "fine"}
    bad = {**good, "sent_at": "9999-12-31T23:59:59-14:00"}
    response = client.post("/v1/messages", json={"messages": [good, bad]}, headers=HEADERS)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["detail"].startswith("messages.1.sent_at")
    assert published(broker) == 0


def test_values_at_the_bounds_are_accepted(client: TestClient, broker: StubBroker) -> None:
    body = {
        "role": "user",
        "content": "hello",
        "sent_at": "1970-01-01T00:00:00+05:00",
        "metadata": {"n": 2**53 - 1, "m": -(2**53 - 1), "deep": nested(MAX_METADATA_DEPTH - 1)},
    }
    response = client.post("/v1/sessions/s1/messages", json=body, headers=HEADERS)
    assert response.status_code == 202, response.text
    body["sent_at"] = "2999-12-31T23:59:59-14:00"
    response = client.post("/v1/sessions/s1/messages", json=body, headers=HEADERS)
    assert response.status_code == 202, response.text
    assert published(broker) == 2


@pytest.mark.parametrize("before", [2**53, 2**63, 10**30])
def test_a_message_page_before_any_storable_seq_is_refused(client: TestClient, before: int) -> None:
    response = client.get(f"/v1/sessions/s1/messages?before={before}", headers=HEADERS)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["detail"].startswith("query.before")


def test_session_metadata_has_the_same_bounds(client: TestClient) -> None:
    for path, method, body in (
        ("/v1/sessions", "POST", {"user_id": "u1", "metadata": {"n": 2**64}}),
        ("/v1/sessions/s1", "PATCH", {"metadata": {"$set": 1}}),
    ):
        response = client.request(method, path, json=body, headers=HEADERS)
        assert response.status_code == 422, (path, response.text)
        assert response.json()["error"]["detail"].startswith("metadata")


def _import_document(**summary: Any) -> dict[str, Any]:
    tier = {
        "tier": "recent",
        "text": "User wants a desk.",
        "first_position": 1,
        "last_position": 1,
        "first_seq": 1,
        "last_seq": 1,
        "token_estimate": 5,
        "engine": "offline",
        "updated_at": "2026-01-01T00:00:00Z",
    }
    return {
        "format": "memq.session",
        "version": 1,
        "session": {"session_id": "s1", "created_at": "2026-01-01T00:00:00Z"},
        "messages": [
            {
                "message_id": "m1",
                "role": "user",
                "content": "I want a desk",
                "seq": 1,
                "accepted_at": "2026-01-01T00:00:00Z",
            }
        ],
        "memory": {"folded_count": 1, "recent": tier | summary},
    }


@pytest.mark.parametrize(
    "summary",
    [
        {"last_position": 2**63},
        {"first_seq": 2**64},
        {"token_estimate": 10**30},
        {"updated_at": "3000-01-01T00:00:00Z"},
    ],
)
def test_an_imported_memory_has_the_same_bounds(
    client: TestClient, summary: dict[str, Any]
) -> None:
    # MongoDB cannot store an integer past 2^63: refused at the door, not a 500 later.
    response = client.post("/v1/sessions/import", json=_import_document(**summary), headers=HEADERS)
    assert response.status_code == 422, response.text
    assert "memory.recent" in response.json()["error"]["detail"]


# -- persona: a name, wherever it is given ----------------------------------------

BAD_PERSONAS = {
    "empty": "",
    "a space": "meher bot",
    "a slash": "meher/x",
    "too long": "m" * 65,
    "not a string": 7,
}


def refused(response_json: dict[str, object]) -> str:
    error = response_json["error"]
    assert isinstance(error, dict)
    detail = error["detail"]
    assert isinstance(detail, str)
    return detail


@pytest.mark.parametrize("persona", BAD_PERSONAS.values(), ids=BAD_PERSONAS.keys())
def test_a_bad_persona_on_a_message_is_refused_before_the_202(
    client: TestClient, broker: StubBroker, persona: object
) -> None:
    body = {"role": "user", "content": "hello", "user_id": "u1", "persona": persona}
    response = client.post("/v1/sessions/s1/messages", json=body, headers=HEADERS)
    assert response.status_code == 422, response.text
    assert refused(response.json()).startswith("persona")
    assert broker.queues["memq.ingest"].qsize() == 0


@pytest.mark.parametrize("persona", BAD_PERSONAS.values(), ids=BAD_PERSONAS.keys())
def test_a_bad_persona_on_a_session_is_refused(
    client: TestClient, broker: StubBroker, persona: object
) -> None:
    create = {"session_id": "s1", "user_id": "u1", "persona": persona}
    for response in (
        client.post("/v1/sessions", json=create, headers=HEADERS),
        client.patch("/v1/sessions/s1", json={"persona": persona}, headers=HEADERS),
    ):
        assert response.status_code == 422, response.text
        assert "persona" in refused(response.json())
    assert broker.queues["memq.context"].qsize() == 0


@pytest.mark.parametrize("persona", ["", "meher bot", "m" * 65])
def test_a_bad_persona_filter_is_refused(client: TestClient, persona: str) -> None:
    response = client.get("/v1/sessions", params={"persona": persona}, headers=HEADERS)
    assert response.status_code == 422, response.text
    assert "persona" in refused(response.json())
