"""A slow LLM: the tests' loopback Messages API server answering every request itself,
after a latency, with a share of 429s and 529s, and counting what it served."""

from __future__ import annotations

import json
import random
import threading
from dataclasses import dataclass, field
from typing import Any

from tests.support.fake_anthropic import (
    FakeAnthropic,
    Reply,
    overloaded_reply,
    rate_limited_reply,
    text_reply,
    tool_reply,
)

#: Tokens the server bills per summary and per facts answer.
SUMMARY_TOKENS, FACTS_TOKENS = 60, 40


@dataclass
class Served:
    """What the server answered, for the report."""

    calls: int = 0
    rate_limited: int = 0
    overloaded: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts: int) -> None:
        with self._lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


def start_slow_llm(
    latency_s: float, rate_limited: float, overloaded: float, seed: int = 7
) -> tuple[FakeAnthropic, Served]:
    """The server and its counters: every answer after ``latency_s``; that share of 429s
    (retry-after 0) and 529s, which the SDK retries like the real API's."""
    served = Served()
    draw = random.Random(seed)
    lock = threading.Lock()

    def respond(body: dict[str, Any]) -> Reply:
        with lock:
            roll = draw.random()
        if roll < rate_limited:
            served.add(rate_limited=1)
            return rate_limited_reply("0").after(latency_s / 10)
        if roll < rate_limited + overloaded:
            served.add(overloaded=1)
            return overloaded_reply().after(latency_s)
        # Billed like the real API: about 4 characters a token of what was sent.
        input_tokens = max(1, len(json.dumps(body.get("messages"), ensure_ascii=False)) // 4)
        if body.get("tools"):
            served.add(calls=1, input_tokens=input_tokens, output_tokens=FACTS_TOKENS)
            return tool_reply(
                "record_facts",
                {"facts": []},
                input_tokens=input_tokens,
                output_tokens=FACTS_TOKENS,
            ).after(latency_s)
        served.add(calls=1, input_tokens=input_tokens, output_tokens=SUMMARY_TOKENS)
        return text_reply(
            "The customer and the agent went over the order, its delivery and the refund.",
            input_tokens=input_tokens,
            output_tokens=SUMMARY_TOKENS,
        ).after(latency_s)

    server = FakeAnthropic.start(responder=respond, record=False)
    # A memory pool stopped between rounds drops its keep-alive connections: not news.
    server._server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    return server, served
