"""A later conversation's date said only from then ("tomorrow", «فردا», «พรุ่งนี้») replaces
an earlier conversation's date of that key: it is handed over as the key's value and is
recalled with the day it names until that day is over (``named_days``), then not, so the
earlier date is shown neither as a fact nor as current. Dropped at the merge, it left the
earlier date current. A summary sentence saying a gone day (this one, or a weekday alone)
stays on its conversation's line: no fact line says it. A date with its digits and a
relative word under a key that is no date's are shown as before. English, Persian, Thai."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from domain.user_memory.details import conversation_details
from domain.user_memory.fact_values import shown_facts, users_facts
from domain.user_memory.merge import SessionDigest, merge_digest
from domain.user_memory.recall import recall
from domain.user_memory.recall_index import pretty_key
from schemas.memory_model import Detail
from schemas.user_memory import UserMemoryState
from tests.user_memory.conversations import T0, past_conversation

NOW = datetime(2026, 12, 1, tzinfo=T0.tzinfo)

#: (key, the first conversation's date, the second's said only from then).
REPLACED_BY_A_RELATIVE_DAY = {
    "en": ("appointment_date", "12 March", "tomorrow morning"),
    "fa": ("appointment_date", "۲۲ اسفند", "فردا صبح"),
    "th": ("appointment_date", "12 มี.ค.", "พรุ่งนี้เช้า"),
}
#: (key, the second conversation's value): a date with its digits, a relative word in a
#: value that is no date. Both are shown, and the first replaces the earlier date.
SHOWN = {
    "en": [("appointment_date", "tomorrow, 14 March"), ("event_name", "Tonight Show tickets")],
    "fa": [("appointment_date", "فردا ۲۴ اسفند"), ("event_name", "کنسرت امشب")],
    "th": [("appointment_date", "พรุ่งนี้ 14 มี.ค."), ("event_name", "คอนเสิร์ตคืนนี้")],
}
#: A summary sentence saying the second conversation's relative day, and little else.
SAID_IN_THE_SUMMARY = {
    "en": "Assistant: When suits you?\nUser: tomorrow morning please.",
    "fa": "Assistant: کی براتون مناسبه؟\nUser: فردا صبح لطفا.",
    "th": "Assistant: สะดวกวันไหนคะ\nUser: พรุ่งนี้เช้าครับ",
}


#: A date that is a weekday alone (``fact_values.only_a_weekday``), stored and not shown, and
#: the summary sentence that said it.
WEEKDAY_IN_THE_SUMMARY = {
    "en": (("start_date", "Monday"), "Assistant: When can you start?\nUser: Monday please."),
    "fa": (("refund_date", "جمعه"), "Assistant: کی واریز میشه؟\nUser: جمعه لطفا."),
    "th": (("appointment_date", "วันเสาร์"), "Assistant: สะดวกวันไหนคะ\nUser: วันเสาร์ครับ"),
}


def _merged(language: str, later: list[tuple[str, str]], summary: str = ".") -> UserMemoryState:
    key, earlier, _ = REPLACED_BY_A_RELATIVE_DAY[language]
    first = SessionDigest(
        past_conversation("c1", 1, language, "."), users_facts([(key, earlier)]).facts
    )
    second = SessionDigest(past_conversation("c2", 8, language, summary), users_facts(later).facts)
    return merge_digest(merge_digest(UserMemoryState(), first, NOW), second, NOW)


def _fact_values(text: str) -> list[str]:
    facts = text.split("[EARLIER CONVERSATIONS]")[0].splitlines()
    return [line.split(": ", 1)[1] for line in facts if ": " in line]


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_an_earlier_date_is_not_current_after_a_later_day_said_from_then(language: str) -> None:
    key, earlier, relative = REPLACED_BY_A_RELATIVE_DAY[language]
    state = _merged(language, [(key, relative)])
    [fact] = [f for f in state.facts if f.key == key]
    assert fact.value == relative
    assert [h.value for h in fact.history] == [earlier]
    # neither the gone day nor the date it replaced is shown as the user's
    assert _fact_values(recall(state, "", 600, current_session="now", now=NOW).text) == []


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_day_said_from_then_is_shown_with_its_day_until_that_day_is_over(language: str) -> None:
    key, _, relative = REPLACED_BY_A_RELATIVE_DAY[language]
    state = _merged(language, [(key, relative)])
    said = T0 + timedelta(days=8)  # the second conversation's day, Monday 9 Nov
    dated = f"{relative} (Tue 10 Nov)"
    later_that_day = said.replace(hour=23, minute=50)
    shown = recall(state, "", 600, current_session="now", now=later_that_day).text
    # still true that day: shown with the day it names, the earlier date not as current
    assert f"Said on {said.date().isoformat()}:\n{pretty_key(key)}: {dated}" in shown
    assert _fact_values(shown) == [dated]
    # the day it names, it still holds: never the bare "tomorrow" on that later day
    named = recall(state, "", 600, current_session="now", now=said + timedelta(days=1))
    assert _fact_values(named.text) == [dated]
    # the day after, it is gone (and the earlier date is still not current)
    after = recall(state, "", 600, current_session="now", now=said + timedelta(days=2))
    assert _fact_values(after.text) == []


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_summary_sentence_saying_a_gone_day_stays_on_its_line(language: str) -> None:
    key, _, relative = REPLACED_BY_A_RELATIVE_DAY[language]
    state = _merged(language, [(key, relative)], SAID_IN_THE_SUMMARY[language])
    # the fact line is not shown: the conversation's own line is what says it
    assert relative in recall(state, "", 600, current_session="now", now=NOW).text


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_date_with_its_digits_and_a_relative_word_in_no_date_are_shown(language: str) -> None:
    _, earlier, _ = REPLACED_BY_A_RELATIVE_DAY[language]
    later = SHOWN[language]
    state = _merged(language, later)
    shown = _fact_values(recall(state, "", 600, current_session="now", now=NOW).text)
    assert sorted(shown) == sorted(value for _, value in later)
    assert earlier not in shown


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_summary_sentence_saying_a_gone_weekday_stays_on_its_line(language: str) -> None:
    fact, summary = WEEKDAY_IN_THE_SUMMARY[language]
    digest = SessionDigest(past_conversation("c1", 1, language, summary), [fact])
    state = merge_digest(UserMemoryState(), digest, NOW)
    shown = recall(state, "", 600, current_session="now", now=NOW).text
    # its fact line is not shown, so the sentence is not one that only repeats it
    assert _fact_values(shown) == []
    assert fact[1] in shown


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_saying_a_gone_day_is_handed_over_beside_its_fact(language: str) -> None:
    key, _, relative = REPLACED_BY_A_RELATIVE_DAY[language]
    text = SAID_IN_THE_SUMMARY[language]
    detail = Detail(first_position=3, last_position=4, text=text, values=[relative])
    facts = users_facts([(key, relative), ("customer_phone", "0812345670")]).facts
    # the fact is not shown in a later conversation: the detail is what says the day there
    assert shown_facts(facts) == [("customer_phone", "0812345670")]
    [kept] = conversation_details([detail], shown_facts(facts), "c2", NOW)
    assert relative in kept.text


#: (a gone date, a time fact whose value it holds: "morning" in "tomorrow morning"; a date
#: with its digits, a time fact whose value it holds). The first time is shown, the gone
#: date alone is not; the date with its digits holds its time back as before. (Persian
#: «صبح» is held by no date: the Persian case only checks nothing else changed.)
HELD_BY_A_GONE_DAY = {
    "en": ("tomorrow morning", "morning", "14 March morning", "morning"),
    "fa": ("فردا صبح", "صبح", "۲۴ اسفند ساعت ۱۰", "ساعت ۱۰"),
    "th": ("พรุ่งนี้เช้า", "เช้า", "14 มี.ค. เช้า", "เช้า"),
}


def _one_conversation(language: str, facts: list[tuple[str, str]]) -> UserMemoryState:
    digest = SessionDigest(past_conversation("c1", 1, language, "."), users_facts(facts).facts)
    return merge_digest(UserMemoryState(), digest, NOW)


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_fact_a_gone_date_holds_is_shown(language: str) -> None:
    gone, time, date, date_time = HELD_BY_A_GONE_DAY[language]
    state = _one_conversation(language, [("appointment_date", gone), ("appointment_time", time)])
    assert _fact_values(recall(state, "", 600, current_session="now", now=NOW).text) == [time]
    # near miss: a date shown holds its time back as before
    state = _one_conversation(
        language, [("appointment_date", date), ("appointment_time", date_time)]
    )
    assert _fact_values(recall(state, "", 600, current_session="now", now=NOW).text) == [date]
