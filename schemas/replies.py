"""Request-reply envelope: what a worker publishes to a gateway's reply queue."""

from typing import Any

from pydantic import BaseModel


class ReplyError(BaseModel):
    status: int
    code: str
    detail: str


class Reply(BaseModel):
    correlation_id: str
    ok: bool
    result: Any = None
    error: ReplyError | None = None
