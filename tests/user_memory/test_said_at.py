"""A day said only from then ("tomorrow", «فردا», «พรุ่งนี้») counts from the message that
said it, not from the day its conversation went quiet: a conversation that said "tomorrow"
on Sunday and ran on to Tuesday named Monday, not Wednesday. The fold keeps when each
fact's message was accepted (``MemoryState.fact_said_at``), the digest hands it over
(``UserFact.said_at``), and ``recall`` counts from it (``named_days``). Counted from the
conversation's last activity, "tomorrow" was shown as a day still to come after it had
passed. Near misses: said on the conversation's last day it is counted as before; a fact
with no time of its own (stored before, set through the API) counts from its
conversation. English, Persian, Thai."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.user_memory.recall import recall
from schemas.user_memory import UserFact, UserMemoryState
from store.backends.sqlite import SqliteStore
from tests.user_memory.conversations import T0, store_conversation
from tests.user_memory.test_user_memory_service import A, service

#: A visit booked for "tomorrow", and the words the user said it in.
BOOKED = {
    "en": [
        ("user", "Hi, I need to book a repair visit."),
        ("assistant", "Sure, what day suits you?"),
        ("user", "Tomorrow please."),
        ("assistant", "Done: the technician comes tomorrow."),
    ],
    "fa": [
        ("user", "سلام، می‌خوام یه بازدید تعمیر رزرو کنم."),
        ("assistant", "حتما، چه روزی براتون مناسبه؟"),
        ("user", "فردا لطفا."),
        ("assistant", "انجام شد: تکنسین فردا میاد."),
    ],
    "th": [
        ("user", "สวัสดีค่ะ อยากจองช่างมาซ่อมค่ะ"),
        ("assistant", "ได้ค่ะ สะดวกวันไหนคะ"),
        ("user", "พรุ่งนี้ค่ะ"),
        ("assistant", "เรียบร้อยค่ะ ช่างจะไปพรุ่งนี้ค่ะ"),
    ],
}
TOMORROW = {"en": "tomorrow", "fa": "فردا", "th": "พรุ่งนี้"}
#: A turn that says no date, to run the conversation on two days later.
THANKS = {
    "en": [("user", "Also, thanks for the help."), ("assistant", "You're welcome.")],
    "fa": [("user", "ممنون از کمکتون."), ("assistant", "خواهش می‌کنم.")],
    "th": [("user", "ขอบคุณนะคะ"), ("assistant", "ยินดีค่ะ")],
}


def _appointment_lines(state: UserMemoryState, read: datetime) -> list[str]:
    text = recall(state, "", 400, current_session="now", now=read).text
    return [line for line in text.splitlines() if line.startswith("Appointment date")]


# one more turn keeps the booking among the digest's newest messages; forty push it into
# what the fold keeps only
@pytest.mark.parametrize("turns_after", [1, 40])
@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_tomorrow_counts_from_the_message_that_said_it(
    store: SqliteStore, language: str, turns_after: int
) -> None:
    # Given "tomorrow" said on 1 Nov, in a conversation that went on to 3 Nov
    store_conversation(store, "s1", BOOKED[language], end=False)  # type: ignore[arg-type]
    later = T0 + timedelta(days=2)
    more = THANKS[language] * turns_after
    store_conversation(store, "s1", more, start=later, first=len(BOOKED[language]))  # type: ignore[arg-type]
    # When it is merged into the user's memory
    service(store).merge_session(A, "s1", final=True)
    state = store.user_memory.load_user_memory(A, "u1", "")
    fact = next(f for f in state.facts if f.key == "appointment_date")
    # Then the fact keeps the time its message (the user's or the confirmation) was accepted
    assert fact.value == TOMORROW[language]
    assert fact.said_at is not None
    assert T0 <= fact.said_at < T0 + timedelta(seconds=len(BOOKED[language]))
    assert fact.observed_at.date() == later.date()
    # and on 3 Nov that "tomorrow" (2 Nov) is over: not shown as a day to come (4 Nov)
    assert _appointment_lines(state, later + timedelta(hours=3)) == []


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_tomorrow_said_on_the_last_day_counts_from_that_day(
    store: SqliteStore, language: str
) -> None:
    # Near miss: said the day the conversation ended, counted from that day as before
    store_conversation(store, "s1", BOOKED[language])  # type: ignore[arg-type]
    service(store).merge_session(A, "s1", final=True)
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert _appointment_lines(state, T0 + timedelta(hours=3)) == [
        f"Appointment date: {TOMORROW[language]} (Mon 2 Nov)"
    ]


MONDAY = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
WEDNESDAY = MONDAY + timedelta(days=2)
#: "The day after tomorrow", said on Monday: Wednesday.
AFTER_TOMORROW = {"en": "day after tomorrow", "fa": "پس\u200cفردا", "th": "มะรืนนี้"}


def _fact(value: str, said_at: datetime | None) -> UserMemoryState:
    fact = UserFact(
        key="appointment_date",
        value=value,
        session_id="s1",
        observed_at=WEDNESDAY,
        said_at=said_at,
    )
    return UserMemoryState(facts=[fact])


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_day_said_from_then_is_named_from_the_day_it_was_said(language: str) -> None:
    # Said on Monday, in a conversation last active on Wednesday: Wednesday, not Friday
    value = AFTER_TOMORROW[language]
    assert _appointment_lines(_fact(value, MONDAY), WEDNESDAY) == [
        f"Appointment date: {value} (Wed 9 Dec)"
    ]
    # and "tomorrow" said on Monday is over by Wednesday
    assert _appointment_lines(_fact(TOMORROW[language], MONDAY), WEDNESDAY) == []


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_fact_with_no_time_of_its_own_counts_from_its_conversation(language: str) -> None:
    # Near miss: stored before the time was kept, or set through the API
    assert _appointment_lines(_fact(TOMORROW[language], None), WEDNESDAY) == [
        f"Appointment date: {TOMORROW[language]} (Thu 10 Dec)"
    ]
