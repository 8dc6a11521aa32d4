"""A detail that says a day only from then ("can the engineer come tomorrow at 9?",
«فردا ساعت ۹ میاید؟», «พรุ่งนี้ 9 โมงได้ไหมคะ») is dated in the user memory by the day its
message was said, not by the day its conversation went quiet: asked on 1 Nov in a
conversation that ran on to 3 Nov, it was shown "(said on 2026-11-03)", which names 4 Nov
for a visit asked for 2 Nov. The fold keeps when a detail's last message was accepted
(``Detail.said_at``), the digest stamps the newest messages' details too, and the user
memory's detail carries it (``UserDetail.said_at``). Near misses: said on the
conversation's last day it is dated that day as before; a detail with no time of its own
(stored before the time was kept) is dated by its conversation. English, Persian, Thai."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.user_memory.recall_details import detail_line
from schemas.user_memory import UserDetail
from store.backends.sqlite import SqliteStore
from tests.user_memory.conversations import T0, store_conversation
from tests.user_memory.test_said_at import THANKS
from tests.user_memory.test_user_memory_service import A, service

#: A visit asked for "tomorrow at 9", and the words that name the day.
ASKED = {
    "en": [
        ("user", "Hi, my boiler is leaking again."),
        ("assistant", "Sorry to hear that. When would suit you?"),
        ("user", "Can the engineer come tomorrow at 9?"),
        ("assistant", "I'll check with the team and confirm."),
    ],
    "fa": [
        ("user", "سلام، پکیجم دوباره چکه می‌کنه."),
        ("assistant", "متاسفم. چه زمانی براتون مناسبه؟"),
        ("user", "فردا ساعت ۹ میاید؟"),
        ("assistant", "با تیم هماهنگ می‌کنم و خبر میدم."),
    ],
    "th": [
        ("user", "สวัสดีค่ะ เครื่องทำน้ำอุ่นรั่วอีกแล้วค่ะ"),
        ("assistant", "ขออภัยค่ะ สะดวกวันไหนคะ"),
        ("user", "พรุ่งนี้ 9 โมงได้ไหมคะ"),
        ("assistant", "เดี๋ยวเช็คกับทีมแล้วแจ้งกลับนะคะ"),
    ],
}
TOMORROW = {"en": "tomorrow", "fa": "فردا", "th": "พรุ่งนี้"}


def _dated_lines(store: SqliteStore, language: str) -> list[str]:
    state = store.user_memory.load_user_memory(A, "u1", "")
    lines = [detail_line(detail) for detail in state.details]
    return [line for line in lines if TOMORROW[language] in line]


# one more turn keeps the question among the digest's newest messages; forty fold it
@pytest.mark.parametrize("turns_after", [1, 40])
@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_is_dated_by_the_day_its_message_was_said(
    store: SqliteStore, language: str, turns_after: int
) -> None:
    # Given "tomorrow at 9" asked on 1 Nov, in a conversation that went on to 3 Nov
    store_conversation(store, "s1", ASKED[language], end=False)  # type: ignore[arg-type]
    later = T0 + timedelta(days=2)
    more = THANKS[language] * turns_after
    store_conversation(store, "s1", more, start=later, first=len(ASKED[language]))  # type: ignore[arg-type]
    # When it is merged into the user's memory
    service(store).merge_session(A, "s1", final=True)
    # Then its detail is dated 1 Nov, the day "tomorrow" was said
    lines = _dated_lines(store, language)
    assert lines, "the question naming the day is kept as a detail"
    assert all(line.endswith("(said on 2026-11-01)") for line in lines), lines


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_said_on_the_last_day_is_dated_that_day(store: SqliteStore, language: str) -> None:
    # Near miss: the conversation ended the day it was said
    store_conversation(store, "s1", ASKED[language])  # type: ignore[arg-type]
    service(store).merge_session(A, "s1", final=True)
    lines = _dated_lines(store, language)
    assert lines
    assert all(line.endswith("(said on 2026-11-01)") for line in lines), lines


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_with_no_time_of_its_own_is_dated_by_its_conversation(language: str) -> None:
    # Near miss: stored before the time was kept
    text = ASKED[language][2][1]
    detail = UserDetail(
        session_id="s1", observed_at=T0 + timedelta(days=2), position=3, text=text, values=["9"]
    )
    assert detail_line(detail) == f"{text} (said on 2026-11-03)"
