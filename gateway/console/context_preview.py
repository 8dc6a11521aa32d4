"""The context preview: exactly what ``GET /v1/sessions/{id}/context`` answers, and why."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from gateway.console.deps import ask
from schemas.context import ContextReply
from schemas.limits import MAX_BUDGET, MIN_BUDGET
from schemas.requests.reads import AssembleContext

FORMATS = ("text", "json", "anthropic", "openai")


def api_body(reply: Any) -> str:
    """The context route's JSON body, byte for byte: its response model without nulls,
    serialized as FastAPI's JSONResponse does."""
    data = ContextReply.model_validate(reply).model_dump(mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


async def preview(
    request: Request, account_id: str, session_id: str, budget: int | None, fmt: str
) -> dict[str, Any]:
    """The chosen format's reply and body, and the JSON format's sections for the breakdown."""
    if fmt not in FORMATS:
        fmt = "text"
    if budget is not None:
        budget = min(max(budget, MIN_BUDGET), MAX_BUDGET)
    asked = AssembleContext(
        account_id=account_id,
        session_id=session_id,
        budget=budget,
        format=fmt,  # type: ignore[arg-type]  # one of FORMATS
    )
    reply = await ask(request, asked, context=True)
    parts = reply
    if fmt != "json":
        parts = await ask(request, asked.model_copy(update={"format": "json"}), context=True)
    context = parts.get("context") or {}
    return {
        "format": fmt,
        "budget": reply["budget"],
        "reply": reply,
        "body": api_body(reply),
        "sections": context.get("section_tokens", {}),
        "dropped": reply.get("dropped", []),
        "user_memory": reply.get("user_memory"),
        "min_budget": MIN_BUDGET,
        "max_budget": min(MAX_BUDGET, 8000),
    }
