"""Structured logs: every record carries the account and session it is about.

The gateway (``gateway.deps.account``) and the workers (``actors.logcontext``)
bind ``account_id`` / ``session_id`` in context variables; ``ContextFilter``
copies them onto each record. Records never carry message content or secrets:

- memq's own loggers log ids only (DESIGN.md);
- Dramatiq logs ``Message`` objects whose ``str()`` is the actor call with its
  arguments, i.e. the message content: ``ContextFilter`` replaces them with
  ``actor_name[message_id]``; it also blanks the arguments of Dramatiq's
  "Received args=... kwargs=..." DEBUG line and the body inside a
  ``DecodeError`` traceback;
- the HTTP and LLM clients, which log request bodies at DEBUG, are held at
  WARNING by ``runtime.log_setup.configure``.

``MEMQ_LOG_FORMAT=json`` writes one JSON object per line (``JsonFormatter``).
"""

from __future__ import annotations

import contextvars
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.errors import DecodeError

ACCOUNT_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "memq_log_account_id", default=None
)
SESSION_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "memq_log_session_id", default=None
)

_DRAMATIQ_RECEIVED = "Received args=%r kwargs=%r."

TEXT_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s%(memq_ids)s: %(message)s"


def bind(account_id: str | None, session_id: str | None = None) -> list[contextvars.Token[Any]]:
    """Set the ids for what follows in this context; ``unbind`` the tokens when done."""
    return [ACCOUNT_ID.set(account_id), SESSION_ID.set(session_id)]


def unbind(tokens: list[contextvars.Token[Any]]) -> None:
    for var, token in zip((ACCOUNT_ID, SESSION_ID), tokens, strict=True):
        var.reset(token)


@contextmanager
def bound(account_id: str | None, session_id: str | None = None) -> Iterator[None]:
    tokens = bind(account_id, session_id)
    try:
        yield
    finally:
        unbind(tokens)


def describe_message(message: dramatiq.Message[Any] | MessageProxy) -> str:
    """A content-free name for a Dramatiq message: ``actor_name[message_id]``."""
    return f"{message.actor_name}[{message.message_id}]"


def _scrub(value: Any) -> Any:
    if isinstance(value, dramatiq.Message | MessageProxy):
        return describe_message(value)
    return value


class ContextFilter(logging.Filter):
    """Adds ``account_id``, ``session_id`` and ``memq_ids`` to every record and
    replaces Dramatiq message objects in its arguments by content-free names.

    Attach it to handlers (a logger's filters do not see records propagated
    from its children).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        account = getattr(record, "account_id", None) or ACCOUNT_ID.get()
        session = getattr(record, "session_id", None) or SESSION_ID.get()
        record.account_id = account
        record.session_id = session
        parts = []
        if account:
            parts.append(f"account={account}")
        if session:
            parts.append(f"session={session}")
        record.memq_ids = f" [{' '.join(parts)}]" if parts else ""
        if record.msg == _DRAMATIQ_RECEIVED and isinstance(record.args, tuple):
            # dramatiq.Actor logs every call's arguments at DEBUG
            args, kwargs = (*record.args, (), {})[:2]
            record.msg = "Received %s positional argument(s) and keyword argument(s) %s."
            record.args = (
                len(args) if isinstance(args, tuple | list) else "?",
                ", ".join(sorted(map(str, kwargs))) if isinstance(kwargs, dict) else "?",
            )
        elif isinstance(record.args, tuple):
            record.args = tuple(_scrub(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _scrub(arg) for key, arg in record.args.items()}
        if record.exc_info and isinstance(record.exc_info[1], DecodeError):
            # Its str() holds the undecodable body.
            record.exc_info = None
            record.exc_text = None
            record.msg = f"{record.getMessage()} (DecodeError; body not logged)"
            record.args = ()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, pid, message, ids, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,
            "message": record.getMessage(),
        }
        for key in ("account_id", "session_id"):
            value = getattr(record, key, None)
            if value:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def install(fmt: str) -> None:
    """Put the filter (and the JSON formatter when ``fmt == "json"``) on the root handlers."""
    formatter: logging.Formatter = (
        JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT)
    )
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, ContextFilter) for f in handler.filters):
            handler.addFilter(ContextFilter())
        handler.setFormatter(formatter)
