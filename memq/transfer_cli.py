"""``memq export`` and ``memq import``: session documents over the HTTP API; ``memq
export-user`` and ``memq import-user``: a user's memory across conversations.

The gateway is MEMQ_URL (default http://MEMQ_HOST:MEMQ_PORT, the address
``memq serve`` listens on); the caller is MEMQ_API_KEY, else the dev key
``memq serve`` keeps in MEMQ_DATA_DIR, or, with ``--account A``, the key
MEMQ_API_KEYS gives account A (an operator's shortcut on a host that holds the
gateway's key list). Settings come from ``runtime.settings`` like the server's.
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

from memq.cli_errors import fail
from memq.keys import read_dev_key
from runtime.settings import Settings
from schemas.transfer import MESSAGE_COUNT_HEADER

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
    fail(f"no key for account {account!r} in MEMQ_API_KEYS: check --account or MEMQ_API_KEYS")


@dataclass(frozen=True)
class _Target:
    base_url: str
    api_key: str = field(repr=False)


def _config(url: str | None, account: str | None) -> _Target:
    settings = Settings()
    base = url or settings.gateway_url
    key = _key_for(account)
    if key is None and settings.api_key is not None:
        key = settings.api_key.get_secret_value()
    key = key or read_dev_key(settings)
    if not key:
        fail(
            "no API key: set MEMQ_API_KEY, or pass --account A with MEMQ_API_KEYS set "
            "(`memq serve` without MEMQ_API_KEYS keeps its dev key in MEMQ_DATA_DIR)"
        )
    return _Target(base.rstrip("/"), key)


def _client(target: _Target) -> httpx.Client:
    headers = {"Authorization": f"Bearer {target.api_key}", "Accept": "application/json"}
    return httpx.Client(base_url=target.base_url, timeout=TIMEOUT, headers=headers)


def _unreachable(target: _Target, exc: httpx.HTTPError) -> typer.Exit:
    typer.echo(
        f"memq: cannot reach the gateway at {target.base_url} ({exc}): start it with "
        "`memq serve`, or point MEMQ_URL (or MEMQ_HOST/MEMQ_PORT) at it",
        err=True,
    )
    return typer.Exit(2)


def _refused(response: httpx.Response) -> typer.Exit:
    """The gateway's own ``detail`` (it says what to do), on one line."""
    try:
        detail = response.json()["error"]["detail"]
    except (ValueError, KeyError, TypeError):
        detail = response.text.strip()
    typer.echo(f"memq: the gateway answered {response.status_code}: {detail}", err=True)
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
    copy: Annotated[
        bool,
        typer.Option(
            "--copy", help="give every message a new id: import back into the same account"
        ),
    ] = False,
    url: Url = None,
) -> None:
    """Import an export document into the caller's account; prints the result (JSON).

    Message ids are unique per account: to import a session back into the account
    it came from, pass --copy."""
    document = _read_document(file, "memq export SESSION")
    params: dict[str, str] = {"session_id": session_id} if session_id else {}
    if copy:
        params["copy"] = "true"
    result = _call(
        _config(url, account), "POST", "/v1/sessions/import", json=document, params=params
    )
    typer.echo(json.dumps(result, ensure_ascii=False))


def _read_document(file: Path, writer: str) -> Any:
    """The JSON document in ``file`` (``-``: stdin); ``writer`` is the command that made it."""
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"no such file: {file} (give the path `{writer} > FILE` wrote)")
    except IsADirectoryError:
        fail(f"{file} is a directory: give an export document (a .json file)")
    except (PermissionError, UnicodeDecodeError) as exc:
        fail(f"cannot read {file}: {exc}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        fail(f"{file} is not JSON ({exc}): give a document `{writer}` wrote")


def export_user_command(
    user_id: Annotated[str, typer.Argument(help="the user whose memory to export")],
    account: Account = None,
    url: Url = None,
) -> None:
    """Write a user's memory (every persona) as a JSON document on stdout:
    `memq export-user u1 > u1.json`."""
    document = _call(_config(url, account), "GET", f"/v1/users/{user_id}/memory/export")
    typer.echo(json.dumps(document, ensure_ascii=False))


def import_user_command(
    file: Annotated[Path, typer.Argument(help="a user memory document; - reads stdin")],
    user_id: Annotated[
        str, typer.Option("--user", help="the user (in the caller's account) to merge it into")
    ],
    account: Account = None,
    url: Url = None,
) -> None:
    """Merge a user memory document into a user's memory; prints the result (JSON).
    Importing the same document again changes nothing."""
    document = _read_document(file, "memq export-user USER")
    result = _call(
        _config(url, account), "POST", f"/v1/users/{user_id}/memory/import", json=document
    )
    typer.echo(json.dumps(result, ensure_ascii=False))
