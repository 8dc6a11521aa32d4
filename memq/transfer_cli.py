"""``memq export`` and ``memq import``: session documents over the HTTP API.

The gateway is MEMQ_URL (default http://127.0.0.1:8080); the caller is
MEMQ_API_KEY, or, with ``--account A``, the key MEMQ_API_KEYS gives account A
(an operator's shortcut on a host that holds the gateway's key list).
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer

from schemas.transfer import MESSAGE_COUNT_HEADER

DEFAULT_URL = "http://127.0.0.1:8080"
TIMEOUT = httpx.Timeout(30.0, connect=3.0)

Account = Annotated[
    str | None,
    typer.Option("--account", help="use this account's key from MEMQ_API_KEYS"),
]
Url = Annotated[str | None, typer.Option("--url", help="gateway URL [MEMQ_URL]")]


def _key_for(account: str | None) -> str | None:
    if account is None:
        return None
    spec = os.environ.get("MEMQ_API_KEYS", "")
    for item in filter(None, (part.strip() for part in spec.split(","))):
        key, sep, owner = item.rpartition(":")
        if sep and key and owner == account:
            return key
    raise typer.BadParameter(
        f"no key for account {account!r} in MEMQ_API_KEYS", param_hint="--account"
    )


@dataclass(frozen=True)
class _Target:
    base_url: str
    api_key: str = field(repr=False)


def _config(url: str | None, account: str | None) -> _Target:
    # The same resolution as memq_client (kept here: the CLI does not depend on it).
    base = url or os.environ.get("MEMQ_URL") or DEFAULT_URL
    key = _key_for(account) or os.environ.get("MEMQ_API_KEY")
    if not key:
        raise typer.BadParameter("no API key: set MEMQ_API_KEY or pass --account")
    return _Target(base.rstrip("/"), key)


def _client(target: _Target) -> httpx.Client:
    headers = {"Authorization": f"Bearer {target.api_key}", "Accept": "application/json"}
    return httpx.Client(base_url=target.base_url, timeout=TIMEOUT, headers=headers)


def _unreachable(target: _Target, exc: httpx.HTTPError) -> typer.Exit:
    typer.echo(f"memq: cannot reach {target.base_url}: {exc}", err=True)
    return typer.Exit(2)


def _refused(response: httpx.Response) -> typer.Exit:
    typer.echo(f"memq: {response.status_code} {response.text}", err=True)
    return typer.Exit(1)


def _call(target: _Target, method: str, path: str, **kwargs: Any) -> Any:
    try:
        with _client(target) as client:
            response = client.request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        raise _unreachable(target, exc) from None
    if response.is_error:
        raise _refused(response)
    return response.json()


def export_command(
    session_id: Annotated[str, typer.Argument(help="the session to export")],
    account: Account = None,
    url: Url = None,
) -> None:
    """Write a session's export document (JSON) on stdout, as it streams in, with the
    progress on stderr: `memq export S1 > s1.json`. Any session, whatever its size."""
    target = _config(url, account)
    progress = _Progress(session_id)
    streaming = False
    try:
        with (
            _client(target) as client,
            client.stream("GET", f"/v1/sessions/{session_id}/export") as response,
        ):
            if response.is_error:
                response.read()
                raise _refused(response)
            progress.total = int(response.headers.get(MESSAGE_COUNT_HEADER, "0"))
            streaming = True
            last = ""
            for line in response.iter_lines():
                sys.stdout.write(line + "\n")
                if line.startswith('{"message_id"'):
                    progress.step()
                last = line
    except httpx.HTTPError as exc:
        if not streaming:
            raise _unreachable(target, exc) from None
        last = ""  # cut short mid-stream: reported below
    if not last.endswith("}") or last.startswith('{"message_id"'):
        typer.echo(
            f"memq: the export of {session_id} was cut short after {progress.done} messages: "
            "the output is incomplete; run it again",
            err=True,
        )
        raise typer.Exit(1)
    progress.finish()


class _Progress:
    """Messages exported so far on stderr, at most once a second, and at the end."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        self.total = 0
        self.done = 0
        self._shown = time.monotonic()

    def step(self) -> None:
        self.done += 1
        if time.monotonic() - self._shown >= 1.0:
            self._shown = time.monotonic()
            typer.echo(f"exported {self.done}/{self.total} messages", err=True)

    def finish(self) -> None:
        typer.echo(f"exported {self.done} messages of session {self.session_id}", err=True)


def import_command(
    file: Annotated[Path, typer.Argument(help="an export document; - reads stdin")],
    account: Account = None,
    session_id: Annotated[
        str | None, typer.Option("--session-id", help="ask for this (free) session id")
    ] = None,
    url: Url = None,
) -> None:
    """Import an export document into the caller's account; prints the result (JSON)."""
    text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise typer.BadParameter(f"not JSON: {exc}", param_hint="FILE") from None
    params = {"session_id": session_id} if session_id else {}
    result = _call(
        _config(url, account), "POST", "/v1/sessions/import", json=document, params=params
    )
    typer.echo(json.dumps(result, ensure_ascii=False))
