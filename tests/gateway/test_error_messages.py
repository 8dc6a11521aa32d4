"""Errors a newcomer meets first say what to do (issue 14, point 6)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from dramatiq.brokers.stub import StubBroker
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings

KEY = "key-errors-0123"
AUTH = {"authorization": f"Bearer {KEY}"}
URL = "/v1/sessions/s1/messages"


@pytest.fixture
def client() -> Iterator[TestClient]:
    broker = StubBroker()
    broker.declare_queue("memq.ingest")
    transport = LocalTransport(broker, InProcessReplies(), "memq")
    settings = Settings(request_timeout=1, max_request_bytes=1000)
    with TestClient(create_app(settings, transport, ApiKeys({KEY: "acct"}))) as test_client:
        yield test_client


def detail(response: httpx.Response) -> str:
    return str(response.json()["error"]["detail"])


def test_a_json_body_without_its_content_type_names_the_header(client: TestClient) -> None:
    response = client.post(URL, content=b'{"role": "user", "content": "hi"}', headers=AUTH)
    assert response.status_code == 422
    assert "Content-Type: application/json" in detail(response)
    assert "no Content-Type was sent" in detail(response)
    form = client.post(URL, data={"role": "user"}, headers=AUTH)
    assert "got 'application/x-www-form-urlencoded'" in detail(form)


def test_malformed_json_says_the_number_is_a_character_offset(client: TestClient) -> None:
    body = b'{"role": "user", "content": "hi" "x"}'
    response = client.post(URL, content=body, headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 422
    assert detail(response) == "body: malformed JSON at character 33 (Expecting ',' delimiter)"


def test_the_413_is_formatted_like_every_other_error(client: TestClient) -> None:
    headers = {**AUTH, "content-type": "application/json"}
    too_large = client.post(URL, content=b"[" + b" " * 2000 + b"]", headers=headers)
    invalid = client.post(URL, content=b"{}", headers=headers)
    assert too_large.status_code == 413 and invalid.status_code == 422
    # The same serialisation (compact JSON, the same content type) as a route's error
    assert too_large.headers["content-type"] == invalid.headers["content-type"]
    assert too_large.content.startswith(b'{"error":{"code":"payload_too_large","detail":"')
    assert invalid.content.startswith(b'{"error":{"code":"invalid_input","detail":"')
    assert too_large.headers["connection"] == "close"
    assert "MEMQ_MAX_REQUEST_BYTES" in detail(too_large)
