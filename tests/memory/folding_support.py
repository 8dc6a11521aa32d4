"""A conversation folded as the memory actor folds it, for tests of what the folds keep."""

from datetime import UTC, datetime

from domain.memory.chain import EngineChain
from domain.memory.folding import FoldPolicy, fold
from domain.memory.offline import OfflineEngine
from schemas.memory_model import Budgets
from schemas.memory_state import MemoryState
from schemas.messages import Role, StoredMessage

NOW = datetime(2026, 12, 5, tzinfo=UTC)


def stored_message(index: int, role: Role, content: str) -> StoredMessage:
    return StoredMessage(
        message_id=f"m{index}",
        session_id="s",
        role=role,
        content=content,
        seq=index,
        accepted_at=NOW,
    )


def fold_all(messages: list[tuple[Role, str]]) -> MemoryState:
    """``messages`` folded by the offline engine, ``FoldPolicy.fold_every`` at a time."""
    state = MemoryState()
    stored = [stored_message(i + 1, role, text) for i, (role, text) in enumerate(messages)]
    policy = FoldPolicy()
    engines = EngineChain(fallback=OfflineEngine())
    for start in range(0, len(stored), policy.fold_every):
        batch = stored[start : start + policy.fold_every]
        state = fold(state, batch, engines, Budgets(), policy, NOW)
    return state
