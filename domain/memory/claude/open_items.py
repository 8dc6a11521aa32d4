"""The ``record_open_items`` tool: what a Claude engine asks for a conversation's open
items, and how it reads the answer (strings only, whitespace collapsed, cut, no repeats)."""

from __future__ import annotations

from anthropic.types import Message, ToolParam

from domain.memory.claude.prompts import clip

OPEN_ITEMS_TOOL = "record_open_items"
MAX_ITEM_CHARS = 200

OPEN_ITEMS_TASK = """\
Call {tool} once with the open items of this conversation as it stands after <transcript>: \
what is still to happen or still unanswered.
- An open item is a promise or a pending step ("refund to be confirmed by email within 3 \
days", "courier picks up the blender on Monday"), something the customer said they would do, \
or a customer question nobody answered.
- <open_items>, when present, lists the items still open before <transcript>: keep each one \
the transcript does not settle, drop each one it settles.
- Not open items: greetings, thanks, facts already settled, steps reported done.
- Each item at most {max_chars} characters, in the conversation's own language; copy names, \
amounts, dates and identifiers exactly.
- At most {max_items} items, oldest first. An empty list is fine."""


def open_items_tool(max_items: int) -> ToolParam:
    return {
        "name": OPEN_ITEMS_TOOL,
        "description": "Record the conversation's open items (an empty list if none).",
        "input_schema": {
            "type": "object",
            "properties": {
                "items": {
                    "type": "array",
                    "maxItems": max_items,
                    "items": {"type": "string", "maxLength": MAX_ITEM_CHARS},
                }
            },
            "required": ["items"],
            "additionalProperties": False,
        },
    }


def items_from(message: Message, max_items: int) -> list[str] | None:
    """The items of the tool call, or None when the model made none (a failed call)."""
    found: list[str] | None = None
    for block in message.content:
        if block.type == "tool_use" and block.name == OPEN_ITEMS_TOOL:
            raw = block.input.get("items") if isinstance(block.input, dict) else None
            if isinstance(raw, list):
                found = found or []
                for item in raw:
                    text = " ".join(item.split()) if isinstance(item, str) else ""
                    if text and clip(text, MAX_ITEM_CHARS) not in found:
                        found.append(clip(text, MAX_ITEM_CHARS))
    return None if found is None else found[-max_items:]
