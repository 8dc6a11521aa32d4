"""``memq demo``: a support conversation in English, Persian and Thai, played through memq.

It starts ``memq serve`` on the embedded default (in-process broker, SQLite in a
temporary directory, a port of its own), posts each conversation over HTTP as
a chat channel would (the real gateway, the real workers), ends the sessions so
their memory is folded, then prints what memq knows of each (summary tiers,
key facts with their earlier values) and the context an LLM would get. It
leaves nothing behind.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from memq.demo_script import CONVERSATIONS, Conversation
from runtime.settings import Settings

#: Small enough that the context shows the summary tiers, not every message word for word.
CONTEXT_BUDGET = 300
VERBATIM = int(Settings.model_fields["memory_verbatim_count"].default)
START_TIMEOUT = 60.0
SETTLE_TIMEOUT = 60.0


OnMessage = Callable[[Conversation, int], None]


class DemoError(Exception):
    """The demo could not run; the message says why."""


@dataclass
class Remembered:
    """What memq answers about one played conversation."""

    conversation: Conversation
    memory: dict[str, Any]
    context: dict[str, Any]


@contextmanager
def embedded_server(log_dir: Path) -> Iterator[httpx.Client]:
    """``memq serve`` with no servers and a key of its own; a client for it."""
    port = _free_port()
    key = "memq-demo-" + secrets.token_urlsafe(12)
    env = {name: value for name, value in os.environ.items() if not name.startswith("MEMQ_")}
    env.pop("ANTHROPIC_API_KEY", None)  # the offline engine: the same answer on every machine
    env |= {
        "MEMQ_DATA_DIR": str(log_dir / "data"),
        "MEMQ_PORT": str(port),
        "MEMQ_API_KEYS": f"{key}:demo",
        "MEMQ_LOG_LEVEL": "WARNING",
    }
    log_path = log_dir / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "memq.cli", "serve"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, process, log_path)
        with httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=15
        ) as client:
            yield client
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)


def run(on_message: OnMessage) -> list[Remembered]:
    """Play every conversation; ``on_message(conversation, n)`` after each accepted post."""
    with (
        tempfile.TemporaryDirectory(prefix="memq-demo-") as tmp,
        embedded_server(Path(tmp)) as client,
    ):
        for conversation in CONVERSATIONS:
            play(client, conversation, on_message)
        return [remembered(client, conversation) for conversation in CONVERSATIONS]


def play(
    client: httpx.Client,
    conversation: Conversation,
    on_message: Callable[[Conversation, int], None],
) -> None:
    for number, (role, content) in enumerate(conversation.turns, start=1):
        body = {
            "message_id": f"{conversation.session_id}-{number}",
            "role": role,
            "content": content,
            "user_id": conversation.user_id,
            "channel": "demo",
        }
        response = client.post(f"/v1/sessions/{conversation.session_id}/messages", json=body)
        if response.status_code != 202:
            raise DemoError(f"memq refused a message: {response.status_code} {response.text}")
        on_message(conversation, number)


def remembered(client: httpx.Client, conversation: Conversation) -> Remembered:
    """Once every message is stored, end the session (its final fold) and read its memory."""
    path = f"/v1/sessions/{conversation.session_id}"
    total = len(conversation.turns)
    _until(lambda: _get(client, path).get("message_count") == total, "messages stored")
    client.post(f"{path}/end").raise_for_status()
    # The final fold leaves only the verbatim window unfolded.
    _until(
        lambda: _get(client, f"{path}/memory").get("unfolded_messages", total) <= VERBATIM,
        "memory folded",
    )
    return Remembered(
        conversation,
        memory=_get(client, f"{path}/memory"),
        context=_get(client, f"{path}/context", format="text", budget=str(CONTEXT_BUDGET)),
    )


def _get(client: httpx.Client, path: str, **params: str) -> dict[str, Any]:
    response = client.get(path, params=params)
    if response.status_code == 404:
        return {}
    response.raise_for_status()
    result: dict[str, Any] = response.json()
    return result


def _until(done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while not done():
        if time.monotonic() > deadline:
            raise DemoError(f"timed out waiting for: {what}")
        time.sleep(0.1)


def _wait_ready(base: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DemoError(f"memq serve exited early:\n{log_path.read_text(errors='replace')}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise DemoError(f"memq serve was not ready within {START_TIMEOUT:g}s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
