"""Builds the engines a worker process uses, from settings, at start-up."""

from __future__ import annotations

from domain.config import LLMSettings
from domain.memory.chain import EngineChain
from domain.memory.offline.engine import OfflineEngine


def build_engines(settings: LLMSettings) -> EngineChain:
    """Claude first when ANTHROPIC_API_KEY is set, the offline engine always behind it."""
    primary = None
    if settings.anthropic_api_key is not None:
        # Here, not at the top: the anthropic SDK takes longer to import than the rest of a
        # worker, and a worker without a key (the offline engine only) never needs it.
        from domain.memory.claude.client import make_client
        from domain.memory.claude.engine import ClaudeEngine

        client = make_client(
            settings.anthropic_api_key,
            base_url=settings.anthropic_base_url,
            timeout_s=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
        )
        primary = ClaudeEngine(
            client, settings.llm_model, settings.llm_max_tokens, settings.llm_temperature
        )
    return EngineChain(fallback=OfflineEngine(), primary=primary)
