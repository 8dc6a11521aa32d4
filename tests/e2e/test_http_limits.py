"""HTTP limits over real sockets: each answers the status its HTTP meaning says (rule e).

A body over MEMQ_MAX_REQUEST_BYTES is 413 however it is sent; a client that
sends its headers or its body too slowly gets 408 and its connection is
closed, so slow clients cannot hold connections open. One embedded
``memq serve`` serves every test of the module.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from bench.support.processes import MemqProcess, free_port, wait_until_ready

pytestmark = pytest.mark.e2e

KEY = "key-http-limits"
MAX_BODY = 4096
CLIENT_TIMEOUT = 1


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("http-limits")
    port = free_port()
    env = {
        "MEMQ_DATA_DIR": str(tmp / "data"),
        "MEMQ_API_KEYS": f"{KEY}:acct",
        "MEMQ_MAX_REQUEST_BYTES": str(MAX_BODY),
        "MEMQ_CLIENT_TIMEOUT": str(CLIENT_TIMEOUT),
        "MEMQ_AMQP_URL": "",
        "MEMQ_MONGODB_URL": "",
    }
    process = MemqProcess(["serve", "--port", str(port)], env, tmp / "serve.log").start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, process)
        yield url
    finally:
        process.stop()


def connect(base_url: str) -> socket.socket:
    host, port = base_url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


HEAD = (
    "POST /v1/sessions/s1/messages HTTP/1.1\r\nHost: memq\r\n"
    f"Authorization: Bearer {KEY}\r\nContent-Type: application/json\r\n"
)


def test_a_chunked_body_over_the_limit_is_413(base_url: str) -> None:
    # Given a body over MEMQ_MAX_REQUEST_BYTES sent without a Content-Length
    content = "x" * (MAX_BODY + 100)

    def chunks() -> Iterator[bytes]:
        body = json.dumps({"role": "user", "content": content}).encode()
        for start in range(0, len(body), 1000):
            yield body[start : start + 1000]

    response = httpx.post(
        f"{base_url}/v1/sessions/s1/messages",
        content=chunks(),
        headers={"Authorization": f"Bearer {KEY}", "content-type": "application/json"},
    )
    # Then it is 413, as with a declared length, and says which limit
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "payload_too_large"
    assert "MEMQ_MAX_REQUEST_BYTES" in response.json()["error"]["detail"]
    # And a chunked body within the limit is taken
    small = httpx.post(
        f"{base_url}/v1/sessions/s1/messages",
        content=iter([b'{"role": "user", ', b'"content": "hi"}']),
        headers={"Authorization": f"Bearer {KEY}", "content-type": "application/json"},
    )
    assert small.status_code == 202, small.text


SLOW_CLIENTS = {
    "half of its headers, then nothing": HEAD.encode(),
    "nothing at all": b"",
    "10 of 100 announced body bytes": f"{HEAD}Content-Length: 100\r\n\r\n".encode() + b'{"role": "',
}


@pytest.mark.parametrize("sent", SLOW_CLIENTS.values(), ids=SLOW_CLIENTS.keys())
def test_a_client_slow_to_send_its_request_gets_408_and_is_disconnected(
    base_url: str, sent: bytes
) -> None:
    with connect(base_url) as sock:
        # Given a client that sends part of a request, then waits
        sock.sendall(sent)
        started = time.monotonic()
        # Then the server answers 408 naming the limit, and closes, in about the timeout
        answer = read_all(sock)
        assert answer.startswith(b"HTTP/1.1 408"), answer
        assert b"MEMQ_CLIENT_TIMEOUT" in answer
        assert time.monotonic() - started < CLIENT_TIMEOUT + 3


def test_a_trickle_of_bytes_does_not_keep_a_connection_open(base_url: str) -> None:
    with connect(base_url) as sock:
        # Given a client that sends one byte of its headers every 0.2 s
        sock.settimeout(0.2)
        started = time.monotonic()
        ended = False
        for byte in HEAD.encode():
            try:
                sock.sendall(bytes([byte]))
                sock.recv(65536)  # the 408, or b"" once closed
            except TimeoutError:
                continue  # nothing yet: send the next byte
            except OSError:
                pass  # reset by the server
            ended = True
            break
        # Then the server ends it in about the timeout, however steady the trickle
        assert ended
        assert time.monotonic() - started < CLIENT_TIMEOUT + 3


def test_many_slow_connections_are_all_closed(base_url: str) -> None:
    sockets = [connect(base_url) for _ in range(200)]
    try:
        for sock in sockets:
            sock.sendall(HEAD.encode())
        time.sleep(CLIENT_TIMEOUT + 2)
        # Then every one of them was answered and closed
        for sock in sockets:
            sock.settimeout(2)
            assert read_all(sock).startswith(b"HTTP/1.1 408")
    finally:
        for sock in sockets:
            sock.close()
    # And the server still serves
    response = httpx.get(f"{base_url}/healthz")
    assert response.status_code == 200


def test_a_normal_keep_alive_client_is_not_cut(base_url: str) -> None:
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {KEY}"}) as client:
        for _ in range(3):
            assert client.get("/v1/sessions").status_code == 200
            time.sleep(CLIENT_TIMEOUT / 2)
