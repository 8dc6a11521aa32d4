"""The Claude memory engine: summaries and key facts through the Anthropic Messages API.

One ``messages.create`` call per operation: ``fold`` and ``merge`` ask for a summary in the
conversation's own language within a token budget (and trim it at a sentence boundary if the
model overshoots); ``extract_facts`` forces a single ``record_facts`` tool and validates what
comes back. Stored messages are untrusted: they travel inside delimited, escaped blocks and the
system prompt says they are data, never instructions. Logs carry ids and counts, never the API
key or message content.

The parts it is built from: ``client`` (the Anthropic client, its one retry layer and error
translation), ``prompts``, ``facts`` (the ``record_facts`` tool), ``trimming`` and ``usage``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import anthropic
from anthropic.types import Message, ToolParam
from pydantic import ValidationError

from domain.memory.claude.client import translate
from domain.memory.claude.facts import FACTS_TOOL, MAX_VALUE_CHARS, FactIn, facts_tool
from domain.memory.claude.open_items import (
    MAX_ITEM_CHARS,
    OPEN_ITEMS_TASK,
    OPEN_ITEMS_TOOL,
    items_from,
    open_items_tool,
)
from domain.memory.claude.prompts import (
    FACTS_TASK,
    FOLD_TASK,
    MERGE_TASK,
    SYSTEM_PROMPT,
    WRAPPER_TAGS,
    attr,
    clip,
    data_block,
    esc,
)
from domain.memory.claude.trimming import trim_to_budget
from domain.memory.claude.usage import LLMUsage
from domain.memory.engine import ExtractedFact, TranscriptLine
from domain.memory.llm_errors import LLMUnavailable, PermanentLLMError
from domain.memory.spend import charge
from domain.tokens import fits

log = logging.getLogger("memq.memory.claude")


class ClaudeEngine:
    """``MemoryEngine`` backed by Claude. Thread-safe: workers share one instance.

    ``temperature`` is omitted from requests when None (the default). The SDK 2.x sends
    ``anthropic-version: 2026-10-21``, under which the API rejects any sampling parameter with
    a 400, so set it only with a client pinned to an older API version and a model that still
    accepts it; it then travels in ``extra_body``.
    """

    def __init__(
        self,
        client: anthropic.Anthropic,
        model: str,
        max_tokens: int,
        temperature: float | None = None,
        *,
        max_facts: int = 20,
        max_lines: int = 50,
        max_message_chars: int = 2_000,
        max_input_chars: int = 24_000,
        max_summary_chars: int = 6_000,
        max_known_facts: int = 50,
    ) -> None:
        if max_tokens <= 0:
            raise ValueError("max_tokens must be positive")
        self._client = client
        self.model = model
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.max_facts = max_facts
        self.max_lines = max_lines
        self.max_message_chars = max_message_chars
        self.max_input_chars = max_input_chars
        self.max_summary_chars = max_summary_chars
        self.max_known_facts = max_known_facts
        self.name = f"claude:{model}"
        self.usage = LLMUsage()

    # ------------------------------------------------------------------ protocol

    def fold(
        self,
        previous: str | None,
        lines: Sequence[TranscriptLine],
        budget_tokens: int,
        context: Sequence[TranscriptLine] = (),
    ) -> str:
        sent = self._bounded(lines, "fold")
        previous = (previous or "").strip()
        if not sent and fits(previous, budget_tokens):
            return previous  # nothing new: no call
        rule = (
            "Keep the facts of <summary> (the summary so far) unless the new messages change them."
            if previous
            else "There is no summary yet: summarize the new messages."
        )
        parts = [FOLD_TASK.format(budget=budget_tokens, previous_rule=rule)]
        if previous:
            parts.append(data_block("summary", clip(previous, self.max_summary_chars)))
        if sent and context:
            parts.append(self._messages("context", context))
        parts.append(self._transcript(sent))
        message = self._create("fold", "\n\n".join(parts), len(sent))
        return self._summary(message, "fold", budget_tokens)

    def merge(self, older: str | None, newer: str, budget_tokens: int) -> str:
        older, newer = (older or "").strip(), newer.strip()
        if not older and fits(newer, budget_tokens):
            return newer  # nothing to merge into: no call
        if not newer and fits(older, budget_tokens):
            return older
        parts = [MERGE_TASK.format(budget=budget_tokens)]
        parts.append(data_block("older_summary", clip(older, self.max_summary_chars)))
        parts.append(data_block("newer_summary", clip(newer, self.max_summary_chars)))
        message = self._create("merge", "\n\n".join(parts), 0)
        return self._summary(message, "merge", budget_tokens)

    def extract_facts(
        self,
        lines: Sequence[TranscriptLine],
        known: Sequence[tuple[str, str]],
        context: Sequence[TranscriptLine] = (),
        named_earlier: Sequence[str] = (),
    ) -> list[ExtractedFact]:
        # ``named_earlier`` serves the offline rules' switch by a name alone; the model reads
        # an option meant from the messages it is sent.
        sent = self._bounded(lines, "extract_facts")
        if not sent:
            return []
        ids = list(dict.fromkeys(line.message_id for line in sent))
        task = FACTS_TASK.format(
            tool=FACTS_TOOL, max_value=MAX_VALUE_CHARS, max_facts=self.max_facts
        )
        known_lines = [
            f'<fact key="{attr(key)}">{esc(clip(value, MAX_VALUE_CHARS))}</fact>'
            for key, value in list(known)[: self.max_known_facts]
        ]
        known_block = "<known_facts>\n" + "\n".join(known_lines) + "\n</known_facts>"
        blocks = [task, known_block]
        if context:
            blocks.append(self._messages("context", context))
        prompt = "\n\n".join([*blocks, self._transcript(sent)])
        message = self._create(
            "extract_facts",
            prompt,
            len(sent),
            tools=[facts_tool(ids, self.max_facts)],
            tool_choice={"type": "tool", "name": FACTS_TOOL},
        )
        return self._facts(message, sent)

    def open_items(
        self, lines: Sequence[TranscriptLine], earlier: Sequence[str], max_items: int
    ) -> list[str]:
        sent = self._bounded(lines, "open_items")
        if not sent and not earlier:
            return []  # nothing to read: no call
        task = OPEN_ITEMS_TASK.format(
            tool=OPEN_ITEMS_TOOL, max_chars=MAX_ITEM_CHARS, max_items=max_items
        )
        blocks = [task]
        if earlier:
            blocks.append(data_block("open_items", "\n".join(earlier)))
        blocks.append(self._transcript(sent))
        message = self._create(
            "open_items",
            "\n\n".join(blocks),
            len(sent),
            tools=[open_items_tool(max_items)],
            tool_choice={"type": "tool", "name": OPEN_ITEMS_TOOL},
        )
        items = items_from(message, max_items)
        if items is None:
            self.usage.add(permanent_errors=1)
            raise PermanentLLMError(
                f"claude open_items: no {OPEN_ITEMS_TOOL} call (stop_reason "
                f"{message.stop_reason}, message {message.id})"
            )
        return items

    # ------------------------------------------------------------------ request

    def _bounded(self, lines: Sequence[TranscriptLine], op: str) -> list[TranscriptLine]:
        if len(lines) <= self.max_lines:
            return list(lines)
        log.warning(
            "claude %s: %d lines over the cap, sending the last %d", op, len(lines), self.max_lines
        )
        return list(lines)[-self.max_lines :]

    def _transcript(self, lines: Sequence[TranscriptLine]) -> str:
        return self._messages("transcript", lines)

    def _messages(self, tag: str, lines: Sequence[TranscriptLine]) -> str:
        per_message = self.max_message_chars
        if lines:
            per_message = min(per_message, max(200, self.max_input_chars // len(lines)))
        rendered = [
            f'<message id="{attr(line.message_id)}" role="{attr(line.role)}" '
            f'n="{line.position}">{esc(clip(line.content, per_message))}</message>'
            for line in lines
        ]
        return f"<{tag}>\n" + "\n".join(rendered) + f"\n</{tag}>"

    def _create(
        self,
        op: str,
        prompt: str,
        n_lines: int,
        *,
        tools: list[ToolParam] | None = None,
        tool_choice: anthropic.types.ToolChoiceToolParam | None = None,
    ) -> Message:
        extra_body = {"temperature": self.temperature} if self.temperature is not None else None
        try:
            if tools is not None and tool_choice is not None:
                message = self._client.messages.create(
                    model=self.model,
                    max_tokens=self.max_tokens,
                    system=SYSTEM_PROMPT,
                    messages=[{"role": "user", "content": prompt}],
                    tools=tools,
                    tool_choice=tool_choice,
                    extra_body=extra_body,
                )
            else:
                message = self._client.messages.create(
                    model=self.model,
                    max_tokens=self.max_tokens,
                    system=SYSTEM_PROMPT,
                    messages=[{"role": "user", "content": prompt}],
                    extra_body=extra_body,
                )
        except anthropic.AnthropicError as err:
            error = translate(err, op)
            if isinstance(error, LLMUnavailable):
                self.usage.add(transient_errors=1)
            else:
                self.usage.add(permanent_errors=1)
            log.warning("claude %s failed (%d lines): %s", op, n_lines, error.detail)
            raise error from err
        usage = message.usage
        self.usage.add(
            calls=1,
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            cache_read_input_tokens=usage.cache_read_input_tokens or 0,
            cache_creation_input_tokens=usage.cache_creation_input_tokens or 0,
        )
        charge(usage.input_tokens, usage.output_tokens)
        log.debug(
            "claude %s: %d lines, %d input / %d output tokens, stop %s, message %s",
            op,
            n_lines,
            usage.input_tokens,
            usage.output_tokens,
            message.stop_reason,
            message.id,
        )
        return message

    # ------------------------------------------------------------------ response

    def _summary(self, message: Message, op: str, budget_tokens: int) -> str:
        text = "".join(block.text for block in message.content if block.type == "text")
        text = WRAPPER_TAGS.sub("", text.strip()).strip()
        if not text:
            self.usage.add(permanent_errors=1)
            raise PermanentLLMError(
                f"claude {op}: no summary text (stop_reason {message.stop_reason}, "
                f"message {message.id})"
            )
        trimmed = trim_to_budget(text, budget_tokens)
        if trimmed != text:
            self.usage.add(trimmed_summaries=1)
            log.info(
                "claude %s: summary over its %d-token budget, trimmed (message %s)",
                op,
                budget_tokens,
                message.id,
            )
        return trimmed

    def _facts(self, message: Message, sent: Sequence[TranscriptLine]) -> list[ExtractedFact]:
        position = {line.message_id: line.position for line in sent}
        raw_items: list[object] = []
        calls = 0
        for block in message.content:
            if block.type == "tool_use" and block.name == FACTS_TOOL:
                calls += 1
                facts = block.input.get("facts")
                if isinstance(facts, list):
                    raw_items.extend(facts)
        if calls == 0:
            log.warning(
                "claude extract_facts: no %s call (stop_reason %s, message %s)",
                FACTS_TOOL,
                message.stop_reason,
                message.id,
            )
        by_key: dict[str, tuple[int, int, ExtractedFact]] = {}
        dropped = 0
        for order, item in enumerate(raw_items):
            try:
                fact = FactIn.model_validate(item)
            except ValidationError:
                dropped += 1
                continue
            if fact.source_message_id not in position:
                dropped += 1
                continue
            rank = (position[fact.source_message_id], order)
            current = by_key.get(fact.key)
            if current is not None:
                dropped += 1
                if (current[0], current[1]) > rank:
                    continue
            by_key[fact.key] = (
                *rank,
                ExtractedFact(fact.key, fact.value, fact.source_message_id),
            )
        kept = [entry[2] for entry in sorted(by_key.values(), key=lambda e: (e[0], e[1]))]
        if len(kept) > self.max_facts:
            dropped += len(kept) - self.max_facts
            kept = kept[-self.max_facts :]
        if dropped:
            self.usage.add(dropped_facts=dropped)
        log.debug(
            "claude extract_facts: %d facts kept, %d dropped (message %s)",
            len(kept),
            dropped,
            message.id,
        )
        return kept
