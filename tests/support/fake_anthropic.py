"""A loopback HTTP server that speaks enough of the Anthropic Messages API for tests.

Tests drive the real ``anthropic`` client against it (``base_url=fake.base_url``), so the
SDK's own request building, retries, retry-after handling and timeouts run for real; nothing
of memq is patched.

    fake.enqueue(text_reply("..."))                        # 200, one text block
    fake.enqueue(tool_reply("record_facts", {...}))        # 200, one tool_use block
    fake.enqueue(error_reply(429, "rate_limit_error", retry_after="0.01"))
    fake.enqueue(overloaded_reply(), times=3)              # 529 three times
    fake.enqueue(text_reply("late").after(2.0))            # answer after 2 s
    ... call the code under test ...
    assert len(fake.requests) == 2
    fake.requests[0].json["model"], fake.requests[0].headers["anthropic-version"]

Replies are served in order, one per request (retries included). A request that finds the
queue empty gets a 400 with ``x-should-retry: false`` and is counted in ``fake.unscripted``,
so a test that under-scripts fails loudly instead of hanging in retries; a server started
with a ``responder`` (``FakeAnthropic.start(responder=...)``, benchmarks: a slow LLM) asks
it for the reply to such a request instead. ``record=False`` keeps no request bodies.

Like the real API, the server rejects (without consuming a scripted reply) a request with no
credentials (401), no ``anthropic-version`` header, no JSON body or no
model / max_tokens / messages (400), and, under ``anthropic-version: 2026-10-21``, any
sampling parameter (temperature, top_p, top_k: 400).
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

_SAMPLING_PARAMS = ("temperature", "top_p", "top_k")
_STATUS_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}


@dataclass(frozen=True)
class Reply:
    """One scripted answer: a status, a JSON body, extra headers and an optional delay."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0

    def after(self, delay_s: float) -> Reply:
        """The same reply, sent ``delay_s`` seconds after the request arrives."""
        return replace(self, delay_s=delay_s)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    json: Any


_ids = itertools.count(1)


def _message(
    content: list[dict[str, Any]],
    stop_reason: str,
    model: str | None,
    input_tokens: int,
    output_tokens: int,
) -> dict[str, Any]:
    return {
        "id": f"msg_fake_{next(_ids):06d}",
        "type": "message",
        "role": "assistant",
        "model": model or "claude-fake",
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": {"input_tokens": input_tokens, "output_tokens": output_tokens},
    }


def text_reply(
    text: str,
    *,
    stop_reason: str = "end_turn",
    input_tokens: int = 100,
    output_tokens: int = 20,
    model: str | None = None,
) -> Reply:
    """200 with a single text block. ``model`` defaults to echoing the request's model."""
    block = {"type": "text", "text": text}
    return Reply(200, _message([block], stop_reason, model, input_tokens, output_tokens))


def tool_reply(
    name: str,
    tool_input: dict[str, Any],
    *,
    input_tokens: int = 150,
    output_tokens: int = 40,
    model: str | None = None,
) -> Reply:
    """200 with a single tool_use block (stop_reason ``tool_use``)."""
    block = {
        "type": "tool_use",
        "id": f"toolu_fake_{next(_ids):06d}",
        "name": name,
        "input": tool_input,
    }
    return Reply(200, _message([block], "tool_use", model, input_tokens, output_tokens))


def error_reply(
    status: int,
    error_type: str | None = None,
    message: str = "scripted error",
    *,
    retry_after: str | None = None,
    error_code: str | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """An error in Anthropic's format: ``{"type": "error", "error": {"type", "message"}}``.

    ``error_code`` adds ``error.details.error_code`` (e.g. "enforced_spend_limit_reached").
    A 429 carries ``retry-after`` ("0" unless given); pass ``retry_after`` for other statuses.
    """
    error: dict[str, Any] = {
        "type": error_type or _STATUS_TYPES.get(status, "api_error"),
        "message": message,
    }
    if error_code is not None:
        error["details"] = {"error_code": error_code}
    all_headers = dict(headers or {})
    if retry_after is None and status == 429:
        retry_after = "0"
    if retry_after is not None:
        all_headers["retry-after"] = retry_after
    body = {"type": "error", "error": error, "request_id": f"req_fake_{next(_ids):06d}"}
    return Reply(status, body, all_headers)


def rate_limited_reply(retry_after: str = "0.01") -> Reply:
    return error_reply(
        429,
        "rate_limit_error",
        "Number of requests has exceeded your rate limit",
        retry_after=retry_after,
    )


def overloaded_reply(retry_after: str | None = None) -> Reply:
    return error_reply(529, "overloaded_error", "Overloaded", retry_after=retry_after)


class FakeAnthropic:
    """The server; ``start()`` it, point a client at ``base_url``, ``close()`` it."""

    def __init__(
        self, responder: Callable[[dict[str, Any]], Reply] | None = None, record: bool = True
    ) -> None:
        self.responder = responder
        self.record = record
        self._lock = threading.Lock()
        self._queue: deque[Reply] = deque()
        self._closing = threading.Event()
        self.requests: list[RecordedRequest] = []
        self.unscripted = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-anthropic",
            daemon=True,
        )

    @classmethod
    def start(
        cls, responder: Callable[[dict[str, Any]], Reply] | None = None, record: bool = True
    ) -> Self:
        fake = cls(responder, record)
        fake._thread.start()
        return fake

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def enqueue(self, *replies: Reply, times: int = 1) -> None:
        with self._lock:
            for _ in range(times):
                self._queue.extend(replies)

    @property
    def pending(self) -> int:
        """Scripted replies not served yet."""
        with self._lock:
            return len(self._queue)

    def close(self) -> None:
        self._closing.set()  # wake handlers sleeping in a delayed reply
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- called from handler threads

    def _record(self, request: RecordedRequest) -> None:
        if self.record:
            with self._lock:
                self.requests.append(request)

    def _next(self, body: dict[str, Any]) -> Reply | None:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
            if self.responder is None:
                self.unscripted += 1
                return None
        return self.responder(body)

    def _sleep(self, seconds: float) -> bool:
        """Wait; False if the server is closing."""
        return not self._closing.wait(seconds)


def _validate(headers: dict[str, str], body: Any) -> Reply | None:
    """The real API's checks that matter to tests; a Reply if the request is refused."""
    auth = headers.get("authorization", "")
    if not headers.get("x-api-key") and not auth.lower().startswith("bearer "):
        return error_reply(401, "authentication_error", "x-api-key header is required")
    version = headers.get("anthropic-version")
    if not version:
        return error_reply(400, "invalid_request_error", "anthropic-version header is required")
    if not isinstance(body, dict):
        return error_reply(400, "invalid_request_error", "request body must be a JSON object")
    for name, kind in (("model", str), ("max_tokens", int), ("messages", list)):
        if not isinstance(body.get(name), kind):
            return error_reply(400, "invalid_request_error", f"{name}: Field required")
    if version >= "2026-10-21":
        for name in _SAMPLING_PARAMS:
            if name in body:
                return error_reply(
                    400, "invalid_request_error", f"{name}: Extra inputs are not permitted"
                )
    return None


def _make_handler(fake: FakeAnthropic) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "fake-anthropic"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body: Any = json.loads(raw) if raw else None
            except ValueError:
                body = None
            headers = {name.lower(): value for name, value in self.headers.items()}
            fake._record(RecordedRequest("POST", self.path, headers, body))
            if self.path.split("?")[0] != "/v1/messages":
                self._send(error_reply(404, "not_found_error", f"no route {self.path}"))
                return
            refused = _validate(headers, body)
            if refused is not None:
                self._send(refused)
                return
            reply = fake._next(body)
            if reply is None:
                self._send(
                    error_reply(
                        400,
                        "invalid_request_error",
                        "fake_anthropic: no scripted reply left",
                        headers={"x-should-retry": "false"},
                    )
                )
                return
            if reply.delay_s and not fake._sleep(reply.delay_s):
                return
            if reply.body.get("type") == "message" and reply.body.get("model") == "claude-fake":
                reply = replace(reply, body={**reply.body, "model": body["model"]})
            self._send(reply)

        def do_GET(self) -> None:
            fake._record(RecordedRequest("GET", self.path, dict(self.headers.items()), None))
            self._send(error_reply(404, "not_found_error", f"no route {self.path}"))

        def _send(self, reply: Reply) -> None:
            payload = json.dumps(reply.body, ensure_ascii=False).encode()
            try:
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.send_header("request-id", f"req_fake_{next(_ids):06d}")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (e.g. its timeout fired first)

    return Handler
