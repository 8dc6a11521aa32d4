"""What ``memq demo`` prints: pretty in a terminal (rich), plain text when piped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from memq.demo import Remembered
from memq.demo_script import CONVERSATIONS, Conversation


@contextmanager
def progress(console: Console) -> Iterator[Callable[[Conversation, int], None]]:
    """A bar per conversation in a terminal; a line per conversation when piped."""
    if not console.is_terminal:

        def line(conversation: Conversation, number: int) -> None:
            if number == len(conversation.turns):
                console.print(
                    f"played {conversation.language}: {number} messages accepted", soft_wrap=True
                )

        yield line
        return
    bars = Progress(
        TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), console=console
    )
    tasks = {c.session_id: bars.add_task(c.language, total=len(c.turns)) for c in CONVERSATIONS}
    with bars:
        yield lambda conversation, number: bars.update(
            tasks[conversation.session_id], completed=number
        )


def render(console: Console, results: list[Remembered]) -> None:
    for result in results:
        if console.is_terminal:
            console.print(_panel(result))
        else:
            console.print(_plain(result), markup=False, highlight=False, soft_wrap=True)


def fact_line(fact: dict[str, Any]) -> str:
    earlier = [value["value"] for value in fact.get("history", [])]
    text = f"{fact['key'].replace('_', ' ')}: {fact['value']}"
    return text + (f" (earlier: {', '.join(earlier)})" if earlier else "")


def memory_heading(memory: dict[str, Any]) -> str:
    return (
        f"what memq stored: {memory['folded_messages']} messages folded into summaries and "
        f"key facts, the last {memory['unfolded_messages']} kept word for word"
    )


def tier_heading(tier: dict[str, Any]) -> str:
    return (
        f"{tier['tier']} summary, messages {tier['first_position']}-{tier['last_position']} "
        f"({tier['token_estimate']} tokens, {tier['engine']} engine)"
    )


def context_heading(context: dict[str, Any]) -> str:
    return (
        f"the context an LLM gets at a {context['budget']}-token budget "
        f"({context['estimated_tokens']} tokens used)"
    )


def _title(result: Remembered) -> str:
    conversation = result.conversation
    return f"{conversation.language}: session {conversation.session_id}, " + (
        f"{len(conversation.turns)} messages"
    )


def _plain(result: Remembered) -> str:
    memory, context = result.memory, result.context
    lines = [f"== {_title(result)} ==", f"{memory_heading(memory)}:"]
    for tier in memory["tiers"]:
        lines.append(f"  {tier_heading(tier)}:")
        lines += [f"    {line}" for line in tier["text"].splitlines()]
    lines.append("  key facts:")
    lines += [f"    {fact_line(fact)}" for fact in memory["facts"]] or ["    (none)"]
    lines.append(f"{context_heading(context)}:")
    lines += [f"  {line}" for line in context["text"].splitlines()]
    return "\n".join(lines) + "\n"


def _panel(result: Remembered) -> Panel:
    memory, context = result.memory, result.context
    facts = Table(show_header=True, header_style="bold", box=None, padding=(0, 2))
    facts.add_column("key fact")
    facts.add_column("value")
    facts.add_column("earlier", style="dim")
    for fact in memory["facts"]:
        earlier = ", ".join(value["value"] for value in fact.get("history", []))
        facts.add_row(fact["key"].replace("_", " "), fact["value"], earlier)
    parts: list[Any] = [Text(memory_heading(memory), style="bold"), Text("")]
    for tier in memory["tiers"]:
        parts += [Text(tier_heading(tier), style="bold cyan"), Text(tier["text"]), Text("")]
    parts += [facts, Text("")]
    parts.append(Panel(Text(context["text"]), title=context_heading(context), border_style="green"))
    return Panel(Group(*parts), title=_title(result), border_style="blue")
