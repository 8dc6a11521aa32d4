"""A date that is a weekday alone named the next such day from when it was said: in a later
conversation that day is gone, as "tomorrow"'s is, and its line is not shown. It stays the
key's value, so an earlier conversation's value of that key is not shown as current again.
A recurring day, a weekday in the plural and a weekday with its date are shown."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from domain.user_memory.fact_values import only_a_weekday, users_facts
from domain.user_memory.merge import SessionDigest, merge_digest
from domain.user_memory.recall import _fact_lines, recall
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import T0, past_conversation

#: One date facts whose value is a weekday alone, as the extractor keeps them.
WEEKDAY_ALONE = {
    "en": [("start_date", "Monday"), ("callback_date_2", "on Friday.")],
    "fa": [("refund_date", "جمعه"), ("callback_date", "سه‌شنبه")],
    "th": [("appointment_date", "วันเสาร์"), ("start_date", "ศุกร์ค่ะ")],
}
#: Shown: a recurring thing's day, every week's days, a weekday with its date, a day of the
#: month (a monthly payment's), a weekday that is no date's value.
SHOWN = {
    "en": [
        ("collection_day", "Tuesday"),
        ("class_date", "Saturdays"),
        ("delivery_date", "Tuesday 3 June"),
        ("payment_date", "28th"),
        ("note", "Monday"),
    ],
    "fa": [
        ("collection_day", "شنبه"),
        ("class_date", "شنبه‌ها"),
        ("delivery_date", "پنجشنبه ۲۴ آبان"),
    ],
    "th": [
        ("class_day", "วันเสาร์"),
        ("appointment_date", "วันเสาร์ที่ 14"),
        ("appointment_date_2", "วันที่ 8"),
    ],
}
#: An earlier conversation's date of the key the later one gave a weekday alone.
EARLIER = {"en": "1 March", "fa": "۱ اسفند", "th": "1 มี.ค."}


def _values(text: str) -> list[str]:
    """The values of the fact lines of a user-memory section, in order."""
    facts = text.split("[EARLIER CONVERSATIONS]")[0].splitlines()
    return [line.split(": ", 1)[1] for line in facts if ": " in line]


def _fact(key: str, value: str, session: str = "c1", day: int = 0) -> UserFact:
    return UserFact(key=key, value=value, session_id=session, observed_at=T0 + timedelta(days=day))


def test_a_gone_weekday_is_flagged_apart_from_a_value_another_fact_shows() -> None:
    """``held`` says another fact shows the value; a weekday gone is flagged ``gone``."""
    facts = [
        _fact("start_date", "Monday"),
        _fact("phone", "0712 345678"),
        _fact("phone_2", "0712 345678"),
    ]
    lines = _fact_lines(facts)
    assert [(line.held, line.gone) for line in lines] == [
        (False, True),
        (False, False),
        (True, False),
    ]


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_date_that_is_a_weekday_alone_is_not_shown(language: str) -> None:
    for key, value in WEEKDAY_ALONE[language]:
        assert only_a_weekday(key, value), value
    for key, value in SHOWN[language]:
        assert not only_a_weekday(key, value), value
    facts = [_fact(k, v) for k, v in [*WEEKDAY_ALONE[language], *SHOWN[language]]]
    shown = _values(recall(UserMemoryState(facts=facts), "", 600, current_session="now").text)
    assert shown == [value for _, value in SHOWN[language]]


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_the_earlier_date_a_weekday_alone_replaced_is_not_shown_as_current(
    language: str,
) -> None:
    key, weekday = WEEKDAY_ALONE[language][0]
    earlier = SessionDigest(past_conversation("c1", 1, language, "."), [(key, EARLIER[language])])
    later = SessionDigest(past_conversation("c2", 8, language, "."), [(key, weekday)])
    now = datetime(2026, 12, 1, tzinfo=T0.tzinfo)
    state = merge_digest(merge_digest(UserMemoryState(), earlier, now), later, now)
    # kept as the key's value: the merge hands it over as any other
    assert users_facts([(key, weekday)]).facts == [(key, weekday)]
    [fact] = [f for f in state.facts if f.key == key]
    assert fact.value == weekday
    assert _values(recall(state, "", 600, current_session="now").text) == []
