"""Assertions shared by the context tests."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from domain.context import (
    AssembledContext,
    render_anthropic,
    render_json,
    render_openai,
    render_text,
)
from domain.context.render import anthropic_tokens
from domain.tokens import estimate_tokens


def all_formats(ctx: AssembledContext) -> dict[str, int]:
    """Each format's token count, recomputed from its own rendering."""
    return {
        "text": estimate_tokens(render_text(ctx)),
        "json": render_json(ctx)["estimated_tokens"],
        "anthropic": anthropic_tokens(render_anthropic(ctx)),
        "openai": sum(estimate_tokens(m["content"]) for m in render_openai(ctx)),
    }


def assert_valid_anthropic(payload: dict[str, Any]) -> None:
    """First turn user, roles alternate, only user/assistant, contents stripped and non-empty."""
    turns = payload["messages"]
    assert isinstance(payload["system"], str)
    if turns:
        assert turns[0]["role"] == "user"
    for before, after in pairwise(turns):
        assert before["role"] != after["role"]
    for turn in turns:
        assert set(turn) == {"role", "content"}
        assert turn["role"] in ("user", "assistant")
        assert turn["content"].strip() == turn["content"] != ""
