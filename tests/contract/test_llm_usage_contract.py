"""The memory's LLM spending, on every adapter (``domain/ports/llm_usage.py``): per session,
per account and UTC day, atomic increments across threads, tenancy, and the session's
figures going with the session. Mongo writes stay few: the emulator is slow.
"""

from __future__ import annotations

import threading
from datetime import date

from domain.ports.store import Store
from schemas.analytics_model import LLMTokens
from tests.contract.test_memory_contract import A, B, event

DAY = date(2026, 12, 4)
NEXT_DAY = date(2026, 12, 5)


def spent(input_tokens: int, output_tokens: int, calls: int = 1) -> LLMTokens:
    return LLMTokens(input_tokens=input_tokens, output_tokens=output_tokens, calls=calls)


def test_usage_adds_up_per_session_and_per_account_day(store: Store) -> None:
    # Given two sessions of account A
    for session in ("s1", "s2"):
        store.sessions.append_message(event(1, session=session, message_id=f"{session}-1"), session)
    # When folds of both record what they spent, on two days
    store.lifecycle.record_llm_usage(A, "s1", DAY, spent(100, 20))
    store.lifecycle.record_llm_usage(A, "s2", DAY, spent(150, 40, calls=2))
    after = store.lifecycle.record_llm_usage(A, "s1", NEXT_DAY, spent(7, 3))
    # Then each record answers the account's figures of its day after it
    assert after == spent(7, 3)
    # And the session's figures cover every day, the account's each day and all of them
    assert store.lifecycle.session_llm_usage(A, "s1") == spent(107, 23, calls=2)
    assert store.lifecycle.session_llm_usage(A, "s2") == spent(150, 40, calls=2)
    assert store.lifecycle.account_llm_usage(A, DAY) == spent(250, 60, calls=3)
    assert store.lifecycle.account_llm_usage(A, NEXT_DAY) == spent(7, 3)
    assert store.lifecycle.account_llm_usage(A) == spent(257, 63, calls=4)
    assert store.lifecycle.account_llm_usage(A, DAY).total == 310


def test_one_accounts_spending_never_counts_for_another(store: Store) -> None:
    # Given account A spending on its session "s1"
    store.sessions.append_message(event(1, session="s1", message_id="a-1"), "a-1")
    store.lifecycle.record_llm_usage(A, "s1", DAY, spent(500, 100))
    # When account B spends on a session of the same id
    store.sessions.append_message(event(1, account=B, session="s1", message_id="b-1"), "b-1")
    after = store.lifecycle.record_llm_usage(B, "s1", DAY, spent(1, 1))
    # Then B's figures are B's alone, and A's are unchanged
    assert after == spent(1, 1)
    assert store.lifecycle.session_llm_usage(B, "s1") == spent(1, 1)
    assert store.lifecycle.account_llm_usage(B) == spent(1, 1)
    assert store.lifecycle.session_llm_usage(A, "s1") == spent(500, 100)
    assert store.lifecycle.account_llm_usage(A, DAY) == spent(500, 100)


def test_concurrent_records_lose_no_increment(store: Store) -> None:
    # Given several workers recording for the same account and day at once
    store.sessions.append_message(event(1, session="s1", message_id="s1-1"), "s1-1")
    threads = [
        threading.Thread(
            target=lambda: store.lifecycle.record_llm_usage(A, "s1", DAY, spent(10, 1))
        )
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then every increment is counted
    assert store.lifecycle.account_llm_usage(A, DAY) == spent(80, 8, calls=8)
    assert store.lifecycle.session_llm_usage(A, "s1") == spent(80, 8, calls=8)


def test_a_deleted_sessions_figures_go_with_it_the_accounts_stay(store: Store) -> None:
    # Given a session that spent tokens
    store.sessions.append_message(event(1, session="s1", message_id="s1-1"), "s1-1")
    store.lifecycle.record_llm_usage(A, "s1", DAY, spent(30, 5))
    # When it is deleted
    store.sessions.delete_session(A, "s1")
    # Then its own figures are gone, and the account's day still counts what was spent
    assert store.lifecycle.session_llm_usage(A, "s1") == LLMTokens()
    assert store.lifecycle.account_llm_usage(A, DAY) == spent(30, 5)
    assert store.lifecycle.account_llm_usage(A, NEXT_DAY) == LLMTokens()
