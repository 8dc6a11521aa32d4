"""From a context in ``anthropic`` format to the ``messages`` of a Claude call."""

from __future__ import annotations

from schemas.context import ContextReply


def claude_messages(
    ctx: ContextReply, user_content: str, *, message_id: str | None = None
) -> list[dict[str, str]]:
    """``ctx.messages`` ending with the user's new turn, for ``messages.create(messages=...)``.

    The channel publishes the user's message and then asks for the context;
    an ingest worker may or may not have stored it yet. If the context already
    ends with it (``ctx.freshness["last_message_id"] == message_id``, or the
    last user turn ends with ``user_content``) the turns are returned as they
    are; otherwise the message is appended, merged into a last ``user`` turn
    so that roles keep alternating as the Messages API requires.
    """
    if ctx.format != "anthropic" or ctx.messages is None:
        raise ValueError("claude_messages needs a context in anthropic format")
    turns = [dict(turn) for turn in ctx.messages]
    content = user_content.strip()
    last_is_user = bool(turns) and turns[-1]["role"] == "user"
    if last_is_user and (
        (message_id is not None and ctx.freshness.get("last_message_id") == message_id)
        or turns[-1]["content"].endswith(content)
    ):
        return turns
    if last_is_user:
        turns[-1]["content"] += "\n\n" + content
    else:
        turns.append({"role": "user", "content": content})
    return turns
