"""The OpenAPI document says what the server does: every status a route answers, and
no rule the server enforces that the schema does not state.

tests/api/test_schemathesis.py checks real answers against the document; these
check the document itself, and the few rules a generator rarely reaches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from dramatiq.brokers.stub import StubBroker
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings
from schemas.transfer import ImportDocument

KEY = "key-openapi"


def build_app() -> Any:
    broker = StubBroker()
    for queue in ("memq.ingest", "memq.context"):
        broker.declare_queue(queue)
    transport = LocalTransport(broker, InProcessReplies(), "memq")
    return create_app(Settings(request_timeout=1), transport, ApiKeys({KEY: "acct"}))


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    schema: dict[str, Any] = build_app().openapi()
    return schema


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(build_app()) as test_client:
        yield test_client


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path, operation


def test_every_v1_route_lists_the_answers_every_route_may_give(document: dict[str, Any]) -> None:
    # Auth, the body limits, validation, the rate limit and the broker stand in
    # front of every /v1 route
    everywhere = {"401", "408", "413", "422", "429", "503"}
    missing = {
        f"{method} {path}": sorted(everywhere - set(operation["responses"]))
        for method, path, operation in operations(document)
        if path.startswith("/v1/") and not everywhere <= set(operation["responses"])
    }
    assert missing == {}


def test_routes_that_wait_for_a_worker_list_404_and_504(document: dict[str, Any]) -> None:
    ingest = {"POST /v1/sessions/{session_id}/messages", "POST /v1/messages"}
    for method, path, operation in operations(document):
        if not path.startswith("/v1/") or f"{method} {path}" in ingest:
            continue
        assert "504" in operation["responses"], f"{method} {path}"
        if "{session_id}" in path:
            assert "404" in operation["responses"], f"{method} {path}"


def test_conflicts_are_listed_where_they_happen(document: dict[str, Any]) -> None:
    paths = document["paths"]
    assert "409" in paths["/v1/sessions"]["post"]["responses"]
    assert "409" in paths["/v1/sessions/import"]["post"]["responses"]


def test_every_error_answer_has_memqs_error_body(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        for status, response in operation["responses"].items():
            if int(status) < 400 or path == "/readyz":
                continue
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (method, path, status)
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_a_429_documents_its_retry_after(document: dict[str, Any]) -> None:
    response = document["paths"]["/v1/messages"]["post"]["responses"]["429"]
    assert response["headers"]["Retry-After"]["required"] is True


def test_readiness_documents_its_503(document: dict[str, Any]) -> None:
    assert "503" in document["paths"]["/readyz"]["get"]["responses"]


def test_an_unsupported_method_is_405_with_allow(client: TestClient) -> None:
    response = client.request(
        "TRACE", "/v1/sessions/s1/messages", headers={"authorization": f"Bearer {KEY}"}
    )
    assert response.status_code == 405
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}


def schema_of(document: dict[str, Any], name: str) -> dict[str, Any]:
    """A request body component schema, standalone (its $refs resolvable)."""
    schemas = document["components"]["schemas"]
    schema = schemas.get(name) or schemas[f"{name}-Input"]  # when its output differs
    return {**schema, "components": document["components"]}


def valid(document: dict[str, Any], name: str, instance: Any) -> bool:
    validator = jsonschema.Draft202012Validator(
        schema_of(document, name),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return validator.is_valid(instance)


def test_blank_content_is_refused_by_the_schema_as_by_the_server(
    document: dict[str, Any], client: TestClient
) -> None:
    for content in (" ", "\t\n", "\u00a0\u3000", "\x1c"):
        assert not valid(document, "MessageIn", {"role": "user", "content": content})
        response = client.post(
            "/v1/sessions/s1/messages",
            json={"role": "user", "content": content},
            headers={"authorization": f"Bearer {KEY}"},
        )
        assert response.status_code == 422, content
    assert valid(document, "MessageIn", {"role": "user", "content": " x "})


def test_a_dot_segment_id_is_refused_by_the_schema_as_by_the_server(
    document: dict[str, Any], client: TestClient
) -> None:
    """ "." and ".." collapse as path segments, so the server refuses them as ids; the
    document says so too (a client generating ids from it never sends one)."""
    for user_id in (".", ".."):
        assert not valid(
            document, "MessageIn", {"role": "user", "content": "x", "user_id": user_id}
        )
        response = client.post(
            "/v1/sessions/s1/messages",
            json={"role": "user", "content": "x", "user_id": user_id},
            headers={"authorization": f"Bearer {KEY}"},
        )
        assert response.status_code == 422, user_id
        assert '"." and ".." are not valid ids' in response.json()["error"]["detail"]
    for user_id in ("...", ".a", "..a", "a.b", "u" * 128):
        assert valid(document, "MessageIn", {"role": "user", "content": "x", "user_id": user_id})
    assert not valid(document, "MessageIn", {"role": "user", "content": "x", "user_id": "u" * 129})


def test_a_cursor_the_schema_allows_is_one_the_server_reads(
    document: dict[str, Any], client: TestClient
) -> None:
    parameter = next(
        p for p in document["paths"]["/v1/sessions"]["get"]["parameters"] if p["name"] == "cursor"
    )
    pattern = re.compile(parameter["schema"]["anyOf"][0]["pattern"])
    # A long string of the allowed characters is no cursor: the schema says so
    assert not pattern.search("0" * 512)
    # And a cursor of the documented form is read (no worker here: it is published)
    response = client.get(
        "/v1/sessions",
        params={"cursor": "1714557600000000~s-1"},
        headers={"authorization": f"Bearer {KEY}"},
    )
    assert response.status_code == 504, response.text


def test_an_ended_session_without_its_end_time_is_refused_by_the_schema(
    document: dict[str, Any],
) -> None:
    session = {"session_id": "s1", "created_at": "2026-01-01T00:00:00Z", "status": "ended"}
    assert not valid(document, "ExportedSession", session)
    assert not valid(document, "ExportedSession", {**session, "ended_at": None})
    assert valid(document, "ExportedSession", {**session, "ended_at": "2026-01-02T00:00:00Z"})
    assert valid(document, "ExportedSession", {**session, "status": "active"})


def test_metadata_bounds_are_in_the_schema(document: dict[str, Any]) -> None:
    def accepts(metadata: Any) -> bool:
        return valid(document, "MessageIn", {"role": "user", "content": "x", "metadata": metadata})

    assert accepts({"n": 2**53 - 1, "nested": {"list": [1, "a", None, True, 1.5]}})
    assert not accepts({"n": 2**53})
    assert not accepts({"deep": {"n": -(2**53)}})
    assert not accepts({"$set": 1})
    assert not accepts({"a": {"b\x00": 1}})


def test_a_folded_count_beyond_the_messages_is_taken_as_all_of_them() -> None:
    # The schema cannot relate folded_count to the number of messages: the import
    # takes any count the schema allows, as covering every message
    session = {"session_id": "s1", "created_at": "2026-01-01T00:00:00Z"}
    document = ImportDocument.model_validate(
        {"session": session, "messages": [], "memory": {"folded_count": 2**52}}
    )
    assert document.memory.folded_count == 0
