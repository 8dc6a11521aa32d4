"""/docs and /redoc load nothing from another host (issue 14, point 10)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from dramatiq.brokers.stub import StubBroker
from fastapi.testclient import TestClient

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings


@pytest.fixture
def client() -> Iterator[TestClient]:
    transport = LocalTransport(StubBroker(), InProcessReplies(), "memq")
    with TestClient(create_app(Settings(), transport, ApiKeys({"k-docs-01": "a"}))) as test:
        yield test


@pytest.mark.parametrize(("page", "script"), [("/docs", "SwaggerUIBundle"), ("/redoc", "Redoc")])
def test_the_api_pages_are_served_by_memq_itself(
    client: TestClient, page: str, script: str
) -> None:
    html = client.get(page)
    assert html.status_code == 200 and "/openapi.json" in html.text
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html.text)
    assert urls, html.text
    assert not [url for url in urls if "//" in url], "a page must not load from another host"
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 1000, url
    scripts = "".join(client.get(url).text for url in urls if url.endswith(".js"))
    assert script in scripts
