"""The four formats of an assembled context, and what each one costs in tokens.

text        seed 000's layout, one string to put in a prompt
json        the same content as structured data
anthropic   ``{"system": str, "messages": [...]}`` for ``anthropic.messages.create``
openai      ``[{"role": "system", ...}, turns...]`` for ``openai.chat.completions.create``

Each format reports its own ``estimated_tokens`` (``domain.tokens.estimate_tokens``):

- text: the estimate of the rendered string;
- json: the estimate of the text rendering of the same context, i.e. of the
  text content the JSON carries laid out as seed 000 does (the JSON syntax and
  field names are not counted: they are not meant to reach the LLM as such);
- anthropic: the estimate of ``system`` plus that of every message's content;
- openai: the same contents as anthropic (the memory moves into a system
  message), so the same estimate.

``assemble`` holds its budget against all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from domain.context.model import (
    AssembledContext,
    ContextDetail,
    ContextFact,
    ContextFormat,
    ContextMessage,
    ContextTier,
)
from domain.tokens import estimate_tokens

#: One label per role in every section and format, the summaries' own included.
SPEAKERS = {"user": "User", "assistant": "Assistant", "system": "System"}


def pretty_key(key: str) -> str:
    """``order_id`` → ``Order id``: separators become spaces, the first letter upper case."""
    words = " ".join(key.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def fact_line(fact: ContextFact) -> str:
    return f"• {pretty_key(fact.key)}: {_one_line(fact.value)}"


def message_line(message: ContextMessage) -> str:
    return f"{SPEAKERS[message.role]}: {message.content}"


def tier_section(tier: ContextTier) -> str:
    return f"[{tier.label} - Messages {tier.first_position}-{tier.last_position}]\n{tier.text}"


def facts_section(facts: Sequence[ContextFact]) -> str:
    return "\n".join(["[KEY FACTS]", *(fact_line(fact) for fact in facts)])


#: The heading of the details section, in every format.
DETAILS_HEADING = "[DETAILS FROM EARLIER MESSAGES]"


def details_section(details: Sequence[ContextDetail]) -> str:
    return "\n".join([DETAILS_HEADING, *(detail.text for detail in details)])


def current_heading(count: int) -> str:
    return f"[CURRENT MESSAGES - Last {count}]"


def _memory_sections(ctx: AssembledContext) -> list[str]:
    """Summaries, key facts and details: everything but the messages shown word for word."""
    sections = [tier_section(tier) for tier in ctx.tiers]
    if ctx.facts:
        sections.append(facts_section(ctx.facts))
    if ctx.details:
        sections.append(details_section(ctx.details))
    return sections


def render_text(ctx: AssembledContext) -> str:
    """Seed 000's layout; empty sections are left out, a blank line between the others.

    ::

        [EARLY CONVERSATION - Messages 1-45]
        …
        [KEY FACTS]
        • Order id: 12345

        [DETAILS FROM EARLIER MESSAGES]
        Assistant: What's the mileage?
        User: 84,312

        [CURRENT MESSAGES - Last 5]
        User: …
        Assistant: …
    """
    sections = _memory_sections(ctx)
    if ctx.verbatim:
        lines = [message_line(message) for message in ctx.verbatim]
        sections.append("\n".join([current_heading(len(ctx.verbatim)), *lines]))
    return "\n\n".join(sections)


def text_tokens(ctx: AssembledContext) -> int:
    return estimate_tokens(render_text(ctx))


def _range(messages: Sequence[ContextMessage]) -> dict[str, int] | None:
    if not messages:
        return None
    return {"first_position": messages[0].position, "last_position": messages[-1].position}


def section_tokens(ctx: AssembledContext) -> dict[str, int]:
    """What each section present costs, laid out as text (the console's preview shows it)."""
    costs = {tier.tier.value: estimate_tokens(tier_section(tier)) for tier in ctx.tiers}
    if ctx.facts:
        costs["facts"] = estimate_tokens(facts_section(ctx.facts))
    if ctx.details:
        costs["details"] = estimate_tokens(details_section(ctx.details))
    if ctx.verbatim:
        lines = [message_line(message) for message in ctx.verbatim]
        costs["verbatim"] = estimate_tokens("\n".join([current_heading(len(ctx.verbatim)), *lines]))
    return costs


def render_json(ctx: AssembledContext) -> dict[str, Any]:
    """The context as JSON-ready data (datetimes as ISO strings).

    ``covered`` gives the message range of every section present (null when
    absent; the details' from their oldest to their newest); ``section_tokens``
    the estimate of each section present.
    ``estimated_tokens`` is the estimate of the same content laid out as text
    (``render_text``): JSON syntax is not counted.
    """
    messages_fields = {"message_id", "role", "content", "position", "seq", "truncated"}
    covered: dict[str, dict[str, int] | None] = {
        name: None for name in ("old", "mid", "recent", "details", "verbatim")
    }
    for tier in ctx.tiers:
        covered[tier.tier.value] = {
            "first_position": tier.first_position,
            "last_position": tier.last_position,
        }
    if ctx.details:
        covered["details"] = {
            "first_position": min(d.first_position for d in ctx.details),
            "last_position": max(d.last_position for d in ctx.details),
        }
    covered["verbatim"] = _range(ctx.verbatim)
    return {
        "tiers": [
            tier.model_dump(
                mode="json",
                include={"tier", "label", "text", "first_position", "last_position", "engine"},
            )
            for tier in ctx.tiers
        ],
        "facts": [fact.model_dump(mode="json") for fact in ctx.facts],
        "details": [detail.model_dump(mode="json") for detail in ctx.details],
        "verbatim": [m.model_dump(mode="json", include=messages_fields) for m in ctx.verbatim],
        "covered": covered,
        "estimated_tokens": text_tokens(ctx),
        "section_tokens": section_tokens(ctx),
        "dropped": [item.model_dump(mode="json") for item in ctx.dropped],
        "freshness": ctx.freshness.model_dump(mode="json"),
    }


def _turns(messages: Iterable[ContextMessage]) -> list[dict[str, str]]:
    """User/assistant messages as alternating turns; same-role neighbours merged."""
    turns: list[dict[str, str]] = []
    for message in messages:
        content = message.content.strip()
        if not content:
            continue
        if turns and turns[-1]["role"] == message.role:
            turns[-1]["content"] += "\n\n" + content
        else:
            turns.append({"role": message.role, "content": content})
    return turns


def render_anthropic(ctx: AssembledContext) -> dict[str, Any]:
    """``{"system": str, "messages": [...]}``, to pass as
    ``client.messages.create(model=..., max_tokens=..., system=..., messages=...)``.

    ``system`` carries the memory: tier summaries, key facts and details under the same
    headings as the text format, then any verbatim messages that cannot be turns:
    those before the first user message (the API's first turn must be ``user``)
    under ``[CURRENT MESSAGES - Last N]`` (N counting every verbatim message, the
    turns that follow included), and every system-role message under
    ``[SYSTEM MESSAGES]``. Put your own instructions
    before it (``your_prompt + "\\n\\n" + system``); when it is ``""`` you may
    omit ``system``.

    ``messages`` are the remaining verbatim messages as Messages API turns:
    the first is ``user``, roles alternate (same-role neighbours are merged
    with a blank line), contents are stripped and never empty.

    ``messages`` may be ``[]`` (no messages yet, or none that can be a turn),
    and may end with an ``assistant`` turn. The API needs a final ``user``
    turn to answer: append the user's new message unless it is already the
    last turn here (the channel published it before asking for context). A
    final ``assistant`` turn left in place would be taken as a prefill.
    """
    sections = _memory_sections(ctx)
    verbatim = [message for message in ctx.verbatim if message.content.strip()]
    first_user = next(
        (i for i, message in enumerate(verbatim) if message.role == "user"), len(verbatim)
    )
    leading, rest = verbatim[:first_user], verbatim[first_user:]
    if leading:
        lines = (message_line(message) for message in leading)
        sections.append("\n".join([current_heading(len(ctx.verbatim)), *lines]))
    system_messages = [message for message in rest if message.role == "system"]
    if system_messages:
        lines = (message_line(message) for message in system_messages)
        sections.append("\n".join(["[SYSTEM MESSAGES]", *lines]))
    turns = _turns(message for message in rest if message.role != "system")
    return {"system": "\n\n".join(sections), "messages": turns}


def render_openai(ctx: AssembledContext) -> list[dict[str, str]]:
    """Chat Completions ``messages``: the memory as one ``system`` message, first (left
    out when there is no memory), then the turns of ``render_anthropic``.

    Pass them as ``client.chat.completions.create(model=..., messages=...)``,
    with the user's new message appended unless it is already the last turn.
    Your own instructions go in a system message before them (or in front of
    the first one's content): they are kept, and the memory follows.
    """
    payload = render_anthropic(ctx)
    system = [{"role": "system", "content": payload["system"]}] if payload["system"] else []
    return [*system, *payload["messages"]]


def anthropic_tokens(payload: dict[str, Any]) -> int:
    contents = (turn["content"] for turn in payload["messages"])
    return estimate_tokens(payload["system"]) + sum(estimate_tokens(c) for c in contents)


def token_estimates(ctx: AssembledContext) -> dict[ContextFormat, int]:
    """Every format's ``estimated_tokens`` for ``ctx``."""
    text = text_tokens(ctx)
    chat = anthropic_tokens(render_anthropic(ctx))
    return {"text": text, "json": text, "anthropic": chat, "openai": chat}


def render(ctx: AssembledContext, fmt: ContextFormat) -> str | dict[str, Any] | list[Any]:
    """``ctx`` in ``fmt``; its token count is ``ctx.estimated_tokens[fmt]``."""
    if fmt == "text":
        return render_text(ctx)
    if fmt == "json":
        return render_json(ctx)
    if fmt == "openai":
        return render_openai(ctx)
    return render_anthropic(ctx)
