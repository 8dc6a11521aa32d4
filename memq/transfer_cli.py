"""``memq export`` and ``memq import``: session documents over the HTTP API.

The gateway is MEMQ_URL (default http://127.0.0.1:8080); the caller is
MEMQ_API_KEY, or, with ``--account A``, the key MEMQ_API_KEYS gives account A
(an operator's shortcut on a host that holds the gateway's key list).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer

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


def _call(target: _Target, method: str, path: str, **kwargs: Any) -> Any:
    headers = {"Authorization": f"Bearer {target.api_key}", "Accept": "application/json"}
    try:
        with httpx.Client(timeout=TIMEOUT, headers=headers) as client:
            response = client.request(method, target.base_url + path, **kwargs)
    except httpx.HTTPError as exc:
        typer.echo(f"memq: cannot reach {target.base_url}: {exc}", err=True)
        raise typer.Exit(2) from None
    if response.is_error:
        typer.echo(f"memq: {response.status_code} {response.text}", err=True)
        raise typer.Exit(1)
    return response.json()


def export_command(
    session_id: Annotated[str, typer.Argument(help="the session to export")],
    account: Account = None,
    url: Url = None,
) -> None:
    """Print a session's export document (JSON) on stdout: `memq export S1 > s1.json`."""
    document = _call(_config(url, account), "GET", f"/v1/sessions/{session_id}/export")
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


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
