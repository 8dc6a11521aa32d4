"""Context assembly: a session's memory and newest messages, within a token budget.

    model      what an assembled context holds (``AssembledContext``)
    assemble   choose what fits the budget: the longest prefix of one order of priority
    render     the three wire formats: text (seed 000's layout), JSON, Anthropic Messages

Pure domain code: no store, no broker, no LLM.
"""

from domain.context.assemble import MIN_BUDGET, PRIORITY, assemble
from domain.context.model import (
    TIER_LABELS,
    AssembledContext,
    ContextFact,
    ContextFormat,
    ContextMessage,
    ContextTier,
    DroppedItem,
    Freshness,
)
from domain.context.render import (
    render,
    render_anthropic,
    render_json,
    render_openai,
    render_text,
    token_estimates,
)

__all__ = [
    "MIN_BUDGET",
    "PRIORITY",
    "TIER_LABELS",
    "AssembledContext",
    "ContextFact",
    "ContextFormat",
    "ContextMessage",
    "ContextTier",
    "DroppedItem",
    "Freshness",
    "assemble",
    "render",
    "render_anthropic",
    "render_json",
    "render_openai",
    "render_text",
    "token_estimates",
]
