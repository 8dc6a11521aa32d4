"""The recall index: the conversations' search terms, stored with every write of a user
memory, rank exactly as terms computed on the spot would; an index that no longer
matches the conversations is not used; a long history is ranked within a bounded
number of candidates, the rest counted in ``dropped``."""

from __future__ import annotations

from domain.search.tokenize import INDEX_VERSION
from domain.user_memory.recall import MAX_CANDIDATES, rank, rank_best, recall
from domain.user_memory.recall_index import indexed, prepared
from schemas.user_memory import ConversationSummary, UserMemoryState
from tests.user_memory.conversations import past_conversation

SUMMARIES = [
    ("en", "Sara asked where order ORD-48213 is; it ships to 12 Elm Street on Friday.", []),
    ("fa", "مریم پرسید سفارش ORD-55120 کی به تهران می‌رسد.", ["ارسال کد رهگیری"]),
    ("th", "สมชายถามเรื่องคำสั่งซื้อ ORD-77001 ที่ส่งไปถนนสุขุมวิท", []),
    ("en", "Sara wants a refund for the blue kettle.", ["refund within 5 days"]),
    ("en", "", []),  # nothing to recall
]


def conversation(n: int, language: str, summary: str, items: list[str]) -> ConversationSummary:
    return past_conversation(f"s{n}", n, language, summary, items)


def memory(count: int) -> UserMemoryState:
    conversations = [conversation(n, *SUMMARIES[n % len(SUMMARIES)]) for n in range(count)]
    conversations.sort(key=lambda c: c.last_activity, reverse=True)
    return UserMemoryState(conversations=conversations)


QUERIES = ["where is my order ORD-55120", "سفارش من به تهران", "ถนนสุขุมวิท", "refund", "zzz", ""]


def test_a_stored_index_ranks_as_terms_computed_on_the_spot() -> None:
    state = memory(40)
    stored = indexed(state)
    assert stored.recall_index is not None
    assert stored.recall_index.version == INDEX_VERSION
    for query in QUERIES:
        on_the_spot = rank(state.conversations, query)
        from_index = rank(stored.conversations, query, stored.recall_index)
        assert [(r.conversation.session_id, round(r.score, 9)) for r in from_index] == [
            (r.conversation.session_id, round(r.score, 9)) for r in on_the_spot
        ]
    # and the stored terms are what ranking reads
    assert prepared(stored.conversations, stored.recall_index).terms is stored.recall_index.terms


def test_each_language_finds_its_conversation_through_the_index() -> None:
    stored = indexed(memory(5))
    index = stored.recall_index
    assert rank(stored.conversations, "سفارش تهران", index)[0].conversation.session_id == "s1"
    assert rank(stored.conversations, "สุขุมวิท", index)[0].conversation.session_id == "s2"
    assert rank(stored.conversations, "kettle refund", index)[0].conversation.session_id == "s3"
    # a conversation with nothing to recall is never ranked
    assert "s4" not in [r.conversation.session_id for r in rank(stored.conversations, "", index)]


def test_an_index_made_for_other_conversations_is_not_used() -> None:
    stored = indexed(memory(5))
    # a conversation replaced without a new index (an older writer): terms come from the text
    changed = stored.conversations[:]
    changed[0] = conversation(9, "en", "Sara asked about the green teapot.", [])
    assert rank(changed, "teapot", stored.recall_index)[0].conversation.session_id == "s9"
    stale = stored.recall_index.model_copy(update={"version": INDEX_VERSION - 1})
    assert prepared(stored.conversations, stale).terms is not stale.terms


def test_a_long_history_is_ranked_within_a_bounded_number_of_candidates() -> None:
    stored = indexed(memory(100))
    ranking = rank_best(stored.conversations, "refund", stored.recall_index, leave_out="s98")
    assert len(ranking.best) == MAX_CANDIDATES
    # every conversation with something to recall, but the current one, is counted
    assert len(ranking.best) + ranking.more == 100 - 20 - 1
    assert all(r.conversation.session_id != "s98" for r in ranking.best)
    # the refund conversations first, newest first
    refunds = [r.conversation.session_id for r in ranking.best[:5]]
    assert refunds == ["s93", "s88", "s83", "s78", "s73"]
    # and what does not fit is named or counted
    recalled = recall(stored, "refund", 120, current_session="s98", ranked=ranking)
    counted = [kind for kind, _ in recalled.dropped if kind.startswith("user_conversations:")]
    shown = len(recalled.conversations)
    named = [k for k, _ in recalled.dropped if k.startswith("user_conversation:")]
    assert counted == [f"user_conversations:{79 - shown - len(named)}"]


def test_the_best_candidates_are_the_first_of_the_whole_ranking() -> None:
    stored = indexed(memory(60))
    for query in QUERIES:
        for current in (None, "s0", "s3", "s4", "s57", "nowhere"):
            whole = rank(stored.conversations, query, stored.recall_index, leave_out=current)
            for limit in (0, 1, 5, MAX_CANDIDATES, 100):
                best = rank_best(
                    stored.conversations, query, stored.recall_index, leave_out=current, limit=limit
                )
                assert best.best == whole[:limit]
                assert len(best.best) + best.more == len(whole)


def test_a_term_every_conversation_holds_scores_as_it_always_did() -> None:
    # "sara" in each: it adds log 2 to every one and leaves their order to recency
    state = UserMemoryState(
        conversations=[
            conversation(n, "en", f"Sara asked about item {n}.", []) for n in range(4, -1, -1)
        ]
    )
    stored = indexed(state)
    ranked = rank(stored.conversations, "sara item 2", stored.recall_index)
    assert [r.conversation.session_id for r in ranked] == ["s2", "s4", "s3", "s1", "s0"]
    assert [round(r.score, 9) for r in ranked] == [
        round(r.score, 9) for r in rank(state.conversations, "sara item 2")
    ]
