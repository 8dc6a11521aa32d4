"""The HTTP requests behind each client method, without I/O.

Both clients (``sync`` and ``aio``) build a ``Call`` here and send it with
their own retry loop, so the two never disagree on paths, parameters or
response models.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict, get_args
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from memq_client.errors import InvalidRequest, MemqClientError
from schemas.batch import BatchAccepted, MessageBatchIn
from schemas.context import ContextFormat, ContextReply
from schemas.ids import ID_PATTERN
from schemas.memory import MemoryView
from schemas.messages import MAX_BATCH_EVENTS, MessageAccepted, MessageIn, MessagePage, Role
from schemas.sessions import Session, SessionCreate, SessionList, SessionPatch

_ID = re.compile(ID_PATTERN)


class BatchMessage(TypedDict):
    """One message of ``publish_many``: ``publish``'s arguments, with the session it belongs to."""

    session_id: str
    role: Role
    content: str
    message_id: NotRequired[str | None]
    user_id: NotRequired[str | None]
    channel: NotRequired[str | None]
    persona: NotRequired[str | None]
    metadata: NotRequired[dict[str, Any] | None]
    sent_at: NotRequired[datetime | None]


@dataclass(frozen=True)
class Call[T]:
    method: Literal["GET", "POST", "PATCH", "DELETE"]
    path: str
    parse: Callable[[httpx.Response], T]
    params: dict[str, Any] | None = None
    body: Any = None


def parse[T](call: Call[T], response: httpx.Response, attempts: int) -> T:
    """The response model of a 2xx answer; ``MemqClientError`` if the body does not fit."""
    try:
        return call.parse(response)
    except (ValidationError, ValueError) as exc:
        raise MemqClientError(
            f"unexpected response body for {call.method} {call.path}: {exc}",
            status=response.status_code,
            code="invalid_response",
            attempts=attempts,
        ) from exc


def new_message_id() -> str:
    """What ``publish`` and ``publish_many`` send for a message without an id: one per call."""
    return uuid.uuid4().hex


def session_path(session_id: str, *rest: str) -> str:
    return id_path("/v1/sessions", "session_id", session_id, *rest)


def id_path(collection: str, name: str, value: str, *rest: str) -> str:
    """``collection/<value>/rest…`` with ``value`` checked as an id (``name`` in errors)."""
    check_id(name, value)
    # "." and ".." are valid ids but would be collapsed as path segments.
    segment = quote(value, safe="")
    if set(value) == {"."}:
        segment = "%2E" * len(value)
    return "/".join([collection, segment, *rest])


def check_id(name: str, value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidRequest(
            f"{name} must be 1-128 characters of letters, digits and . _ : - (got {value!r})",
            status=None,
            code="invalid_input",
            attempts=0,
        )


def _model[M: BaseModel](cls: type[M]) -> Callable[[httpx.Response], M]:
    def parse(response: httpx.Response) -> M:
        return cls.model_validate_json(response.content)

    return parse


def _nothing(response: httpx.Response) -> None:
    return None


def _validated[M: BaseModel](cls: type[M], **fields: Any) -> M:
    try:
        return cls(**fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, error['loc'])) or 'body'}: {error['msg']}"
            for error in exc.errors()
        )
        raise InvalidRequest(problems, status=None, code="invalid_input", attempts=0) from exc


def _query(**params: Any) -> dict[str, Any]:
    return {
        key: ("true" if value else "false") if isinstance(value, bool) else value
        for key, value in params.items()
        if value is not None
    }


def publish(
    session_id: str,
    role: Role,
    content: str,
    *,
    message_id: str,
    user_id: str | None,
    channel: str | None,
    metadata: dict[str, Any] | None,
    sent_at: datetime | None,
    persona: str | None = None,
) -> Call[MessageAccepted]:
    body = _validated(
        MessageIn,
        message_id=message_id,
        role=role,
        content=content,
        sent_at=sent_at,
        user_id=user_id,
        channel=channel,
        persona=persona,
        metadata=metadata,
    )
    return Call(
        "POST",
        session_path(session_id, "messages"),
        _model(MessageAccepted),
        body=body.model_dump(mode="json", exclude_none=True),
    )


def publish_many(messages: Sequence[Mapping[str, Any]]) -> Call[list[MessageAccepted]]:
    """``POST /v1/messages``; ids are generated here, once per call, so retries resend them."""
    _check_batch_size(len(messages))
    body = _validated(MessageBatchIn, messages=[_with_message_id(m) for m in messages])
    return Call(
        "POST",
        "/v1/messages",
        _accepted_in_order,
        body=body.model_dump(mode="json", exclude_none=True),
    )


def _check_batch_size(count: int) -> None:
    if count == 0:
        problem = "publish_many needs at least one message"
    elif count > MAX_BATCH_EVENTS:
        problem = (
            f"publish_many takes at most {MAX_BATCH_EVENTS} messages (got {count}); "
            "split them into several calls"
        )
    else:
        return
    raise InvalidRequest(problem, status=None, code="invalid_input", attempts=0)


def _with_message_id(message: Mapping[str, Any]) -> Any:
    if not isinstance(message, Mapping):
        return message  # not a message at all: validation names its index
    return {**message, "message_id": message.get("message_id") or new_message_id()}


def _accepted_in_order(response: httpx.Response) -> list[MessageAccepted]:
    return BatchAccepted.model_validate_json(response.content).accepted


def context(
    session_id: str, budget: int | None, format: ContextFormat, query: str | None = None
) -> Call[ContextReply]:
    if format not in get_args(ContextFormat):
        raise InvalidRequest(
            f"format must be text, json, anthropic or openai (got {format!r})",
            status=None,
            code="invalid_input",
            attempts=0,
        )
    return Call(
        "GET",
        session_path(session_id, "context"),
        _model(ContextReply),
        params=_query(budget=budget, format=format, query=query),
    )


def create_session(
    session_id: str,
    user_id: str,
    channel: str | None,
    title: str | None,
    metadata: dict[str, Any] | None,
    persona: str | None = None,
) -> Call[Session]:
    body = _validated(
        SessionCreate,
        session_id=session_id,
        user_id=user_id,
        channel=channel,
        persona=persona,
        title=title,
        metadata=metadata,
    )
    return Call(
        "POST",
        "/v1/sessions",
        _model(Session),
        body=body.model_dump(mode="json", exclude_none=True),
    )


def get_session(session_id: str) -> Call[Session]:
    return Call("GET", session_path(session_id), _model(Session))


def list_sessions(
    user_id: str | None,
    channel: str | None,
    active: bool | None,
    limit: int,
    cursor: str | None,
    persona: str | None = None,
) -> Call[SessionList]:
    if user_id is not None:
        check_id("user_id", user_id)
    if persona is not None:
        _validated(SessionPatch, persona=persona)  # the same name rule, before sending
    return Call(
        "GET",
        "/v1/sessions",
        _model(SessionList),
        params=_query(
            user_id=user_id,
            channel=channel,
            persona=persona,
            active=active,
            limit=limit,
            cursor=cursor,
        ),
    )


def update_session(session_id: str, fields: dict[str, Any]) -> Call[Session]:
    body = _validated(SessionPatch, **fields)
    return Call(
        "PATCH",
        session_path(session_id),
        _model(Session),
        body=body.model_dump(mode="json", exclude_unset=True),
    )


def end_session(session_id: str, reason: str | None) -> Call[Session]:
    return Call(
        "POST",
        session_path(session_id, "end"),
        _model(Session),
        body=None if reason is None else {"reason": reason},
    )


def delete_session(session_id: str) -> Call[None]:
    return Call("DELETE", session_path(session_id), _nothing)


def messages(session_id: str, limit: int, before: int | None) -> Call[MessagePage]:
    return Call(
        "GET",
        session_path(session_id, "messages"),
        _model(MessagePage),
        params=_query(limit=limit, before=before),
    )


def memory(session_id: str) -> Call[MemoryView]:
    return Call("GET", session_path(session_id, "memory"), _model(MemoryView))
