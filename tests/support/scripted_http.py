"""A loopback HTTP server that answers from a script, for testing clients' retries.

Each request takes the next step of the script (then ``default``): answer
with a status, headers and JSON body (after an optional delay), drop the
connection without answering, or forward to an upstream (a real gateway) and
then either relay its answer or replace it, as if the answer were lost.
Every request is recorded, so tests can assert exact attempt counts.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Drop:
    """Close the connection without a response."""


@dataclass(frozen=True)
class Forward:
    """Send the request upstream; relay the answer, or replace it with ``instead``."""

    instead: Answer | None = None


Step = Answer | Drop | Forward


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class ScriptedServer:
    def __init__(
        self, script: Sequence[Step], default: Step, upstream: str | None = None, port: int = 0
    ) -> None:
        self._script = list(script)
        self._default = default
        self._upstream = upstream
        self._lock = threading.Lock()
        self.requests: list[Seen] = []
        #: the status answered to each request (None: dropped)
        self.statuses: list[int | None] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self, seen: Seen) -> Step:
        with self._lock:
            self.requests.append(seen)
            return self._script.pop(0) if self._script else self._default

    def _answered(self, status: int | None) -> None:
        with self._lock:
            self.statuses.append(status)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, dict(self.headers.items()), body)
                step = server._next(seen)
                if isinstance(step, Drop):
                    server._answered(None)
                    self.close_connection = True
                    return
                if isinstance(step, Forward):
                    relayed = server._forward(seen)
                    if step.instead is None:
                        self._send(relayed)
                        return
                    step = step.instead
                time.sleep(step.delay)
                self._send(step)

            def _send(self, answer: Answer) -> None:
                server._answered(answer.status)
                payload = b"" if answer.body is None else json.dumps(answer.body).encode()
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    if payload:
                        self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout under test)

            do_GET = do_POST = do_PATCH = do_DELETE = _handle

        return Handler

    def _forward(self, seen: Seen) -> Answer:
        if self._upstream is None:
            raise RuntimeError("Forward needs an upstream")
        headers = {
            k: v for k, v in seen.headers.items() if k.lower() not in {"host", "content-length"}
        }
        response = httpx.request(
            seen.method, self._upstream + seen.path, headers=headers, content=seen.body, timeout=30
        )
        keep = {"retry-after"}
        return Answer(
            status=response.status_code,
            body=response.json() if response.content else None,
            headers={k: v for k, v in response.headers.items() if k.lower() in keep},
        )


@contextmanager
def scripted_server(
    script: Sequence[Step],
    default: Step | None = None,
    upstream: str | None = None,
    port: int = 0,
) -> Iterator[ScriptedServer]:
    server = ScriptedServer(script, default or Answer(500, {"error": {}}), upstream, port).start()
    try:
        yield server
    finally:
        server.stop()
