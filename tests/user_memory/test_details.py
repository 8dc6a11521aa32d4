"""What earlier conversations' details hand to the user memory, and what it recalls of them.

``domain.user_memory.details`` (what a merge keeps), ``recall_details`` (what a
context shows), and through the real merge job on SQLite: the details of a
conversation's newest messages too, corrections and deletion. English, Persian, Thai.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.memory.chain import EngineChain
from domain.memory.offline.engine import OfflineEngine
from domain.memory.service import MemoryService
from domain.user_memory.corrections import delete_memory, patch_fact
from domain.user_memory.details import (
    MAX_DETAILS_PER_CONVERSATION,
    MAX_USER_DETAILS,
    brief,
    conversation_details,
    merged_details,
    without_values,
)
from domain.user_memory.merge import SessionDigest, forget_fact, merge_digest
from domain.user_memory.recall import recall
from domain.user_memory.recall_details import ranked
from domain.user_memory.service import UserMemoryService
from runtime.settings import Settings
from schemas.memory_model import Detail
from schemas.user_memory import UserDetail, UserFact, UserMemoryState
from store.backends.sqlite import SqliteStore
from tests.user_memory.conversations import T0, Turns, past_conversation, store_conversation

A = "acct-a"

# The meter reading is a value no fact rule keys: only a detail carries it.
METER: dict[str, Turns] = {
    "en": [
        ("user", "Hi, my name is Sara Ahmadi."),
        ("assistant", "Hello Sara, what's the meter reading?"),
        ("user", "The electricity meter shows 45281 today."),
        ("assistant", "What's your email?"),
        ("user", "sara.ahmadi@example.com"),
        (
            "assistant",
            "Thanks, I logged 45281 for sara.ahmadi@example.com as your closing reading.",
        ),
    ],
    "fa": [
        ("user", "سلام، اسم من مریم است."),
        ("assistant", "سلام مریم، عدد کنتور چنده؟"),
        ("user", "کنتور برق ۴۵۲۸۱ رو نشون میده."),
        ("assistant", "ایمیلتون؟"),
        ("user", "maryam.k@example.com"),
        ("assistant", "ممنون، ۴۵۲۸۱ برای maryam.k@example.com ثبت شد."),
    ],
    "th": [
        ("user", "สวัสดีครับ ผมชื่อสมชาย"),
        ("assistant", "เลขมิเตอร์ไฟเท่าไหร่คะ"),
        ("user", "มิเตอร์ไฟฟ้าขึ้น 45281 ครับ"),
        ("assistant", "อีเมลของคุณคะ"),
        ("user", "somchai.t@example.com"),
        ("assistant", "บันทึกเลข 45281 ให้ somchai.t@example.com แล้วค่ะ"),
    ],
}
READING = {"en": "45281", "fa": "۴۵۲۸۱", "th": "45281"}
#: The Thai conversation with another reading: a later conversation's, not a restatement.
OTHER_READING = "12077"
THAI_OTHER: Turns = [(role, text.replace("45281", OTHER_READING)) for role, text in METER["th"]]
EMAIL = {
    "en": "sara.ahmadi@example.com",
    "fa": "maryam.k@example.com",
    "th": "somchai.t@example.com",
}


def detail(position: int, text: str, values: list[str], kinds: list[str], **more: bool) -> Detail:
    return Detail(
        first_position=position,
        last_position=position,
        text=text,
        values=values,
        kinds=kinds,
        **more,
    )


def user_detail(session: str, day: int, position: int, text: str, *values: str) -> UserDetail:
    return UserDetail(
        session_id=session,
        observed_at=T0 + timedelta(days=day),
        position=position,
        text=text,
        values=list(values),
        kinds=["number"] * len(values),
    )


# -- what a conversation hands over ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "value"),
    [
        (
            "User: so after all the back and forth with the agency and the solicitors and "
            "everyone else the landlord's number is 07700 900733 and he is around until six "
            "in the evening most days of the week",
            "07700 900733",
        ),
        (
            "User: خلاصه بعد از کلی رفت و آمد با بنگاه و صاحبخونه و همه‌ی بقیه شماره‌ی "
            "صاحبخونه ۰۹۱۲۷۶۵۴۳۲۱ هست و تا ساعت شش عصر بیشتر روزهای هفته در دسترسه",
            "۰۹۱۲۷۶۵۴۳۲۱",
        ),
        (
            "User: หลังจากคุยกับนายหน้าและเจ้าของห้องมาหลายรอบแล้วเบอร์ของเจ้าของห้องคือ "
            "081-234-5678 เขาอยู่จนถึงหกโมงเย็นเกือบทุกวันในสัปดาห์นั้นเลยนะคะ",
            "081-234-5678",
        ),
    ],
)
def test_a_detail_is_kept_word_for_word_around_its_values_with_its_speaker(
    line: str, value: str
) -> None:
    short = brief(line, [value])
    assert short.startswith("User: ")
    assert value in short
    assert len(short) < len(line)
    assert "…" in short
    # each part kept is the conversation's own words
    for part in short.removeprefix("User: ").split("…"):
        assert part.strip() in line
    # a line short enough is kept whole, a question before its answer too
    qa = "Assistant: What's the mileage?\nUser: 84,312"
    assert brief(qa, ["84,312"]) == "Assistant: What's the mileage? User: 84,312"


def test_a_conversation_hands_over_its_live_details_newest_first() -> None:
    at = T0 + timedelta(days=1)
    details = [
        detail(2, "User: The mileage is 79,000.", ["79,000"], ["number"], superseded=True),
        detail(4, "User: my email is sara@example.com", ["sara@example.com"], ["email"]),
        detail(6, "User: the landlord's number is 07700 900733", ["07700 900733"], ["phone"]),
        detail(8, "User: The mileage is 84,312.", ["84,312"], ["number"]),
        detail(10, "Assistant: Noted, landlord on 07700 900733.", ["07700 900733"], ["phone"]),
    ]
    facts = [("customer_email", "sara@example.com")]
    handed = conversation_details(details, facts, "c1", at)
    # the superseded one, the one a fact states, and the one a newer detail restates go
    assert [d.position for d in handed] == [10, 8]
    assert {d.session_id for d in handed} == {"c1"} and {d.observed_at for d in handed} == {at}
    # and a long conversation hands over its newest details only
    many = [
        detail(n, f"User: reading number {n} is {10_000 + n}", [str(10_000 + n)], ["number"])
        for n in range(1, 2 * MAX_DETAILS_PER_CONVERSATION)
    ]
    newest = conversation_details(many, [], "c1", at)
    assert len(newest) == MAX_DETAILS_PER_CONVERSATION
    assert newest[0].position == 2 * MAX_DETAILS_PER_CONVERSATION - 1


@pytest.mark.parametrize(
    ("text", "value", "kind", "fact", "carried"),
    [
        (
            "Assistant: Arrived at 1:40 in the end, Marek's fitting the brake pads now.",
            "1:40",
            "time",
            ("arrival_time", "1:40"),
            "Marek",
        ),
        (
            "User: یوسف‌آباد، خیابان ۲۳ام، پلاک ۸، همکف ـه خداروشکر پله نداره",
            "یوسف‌آباد، خیابان ۲۳ام، پلاک ۸",
            "address",
            ("home_address", "یوسف‌آباد، خیابان ۲۳ام، پلاک ۸"),
            "همکف",
        ),
        (
            "Assistant: แก้ชื่อผู้รับเป็น Nattaya Miller เบอร์ +44 7911 238 607 แล้วครับ",
            "+44 7911 238 607",
            "phone",
            ("recipient_phone", "+44 7911 238 607"),
            "Nattaya Miller",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_detail_whose_words_say_more_than_the_fact_stating_its_value_is_handed_over(
    text: str, value: str, kind: str, fact: tuple[str, str], carried: str
) -> None:
    # Given a detail whose only value a fact of its conversation states, in words that
    # say what the fact does not (who fits the pads, the ground floor, the new name)
    handed = conversation_details(
        [detail(4, text, [value], [kind])], [fact], "c1", T0 + timedelta(days=1)
    )
    # Then the user memory keeps it: those words are found nowhere else
    (kept,) = handed
    assert carried in kept.text and kept.values == [value]


@pytest.mark.parametrize(
    ("text", "value", "fact"),
    [
        ("User: my email is sara@example.com", "sara@example.com", "customer_email"),
        ("User: ایمیلم sara@example.com هست", "sara@example.com", "customer_email"),
        ("User: อีเมล sara@example.com ค่ะ", "sara@example.com", "customer_email"),
    ],
    ids=["en", "fa", "th"],
)
def test_a_detail_saying_only_what_its_values_fact_says_is_not_handed_over(
    text: str, value: str, fact: str
) -> None:
    # Given a detail that says no more than the fact stating its value ("my email")
    handed = conversation_details(
        [detail(4, text, [value], ["email"])], [(fact, value)], "c1", T0 + timedelta(days=1)
    )
    # Then the fact is enough
    assert handed == []


def test_the_latest_conversations_value_wins_whatever_order_they_are_merged_in() -> None:
    old = [user_detail("c1", 1, 5, "User: The odometer mileage reads 79,000.", "79,000")]
    new = [user_detail("c2", 2, 3, "User: The odometer mileage reads 84,312 now.", "84,312")]
    # the Persian and Thai ones are about something else: kept
    other = [
        user_detail("c1", 1, 7, "User: کنتور برق ۴۵۲۸۱ رو نشون میده.", "۴۵۲۸۱"),
        user_detail("c1", 1, 9, "User: มิเตอร์ไฟฟ้าขึ้น 12077 ครับ", "12077"),
    ]
    in_order = merged_details(merged_details([], old + other, {"c1"}), new, {"c2"})
    reversed_order = merged_details(merged_details([], new, {"c2"}), old + other, {"c1"})
    assert in_order == reversed_order
    assert [d.values for d in in_order] == [["84,312"], ["12077"], ["۴۵۲۸۱"]]
    # merging a conversation again replaces its details, and so changes nothing more
    assert merged_details(in_order, new, {"c2"}) == in_order
    # a detail stating only a value a later conversation changed (a fact's history) goes
    moved = [user_detail("c1", 1, 4, "User: I live at 12 Elm Street", "12 Elm Street")]
    kept = merged_details(in_order, moved, {"c1"}, earlier_values=["12 Elm Street"])
    assert all("Elm" not in d.text for d in kept)


def test_a_user_memory_keeps_its_most_recent_details_only() -> None:
    stored: list[UserDetail] = []
    for day in range(1, 2 * MAX_USER_DETAILS // MAX_DETAILS_PER_CONVERSATION + 2):
        session = f"c{day}"
        new = [
            user_detail(session, day, n, f"User: reading {day}-{n} is {day * 1000 + n}", str(n))
            for n in range(MAX_DETAILS_PER_CONVERSATION)
        ]
        new = [d.model_copy(update={"values": [str(day * 1000 + d.position)]}) for d in new]
        stored = merged_details(stored, new, {session})
    assert len(stored) == MAX_USER_DETAILS
    assert stored[0].session_id == f"c{day}"
    assert stored == sorted(stored, key=lambda d: (d.observed_at, d.position), reverse=True)


def test_a_removed_value_is_scrubbed_from_every_detail_and_a_detail_left_without_one_goes() -> None:
    details = [
        user_detail("c1", 1, 3, "Assistant: I logged 45281 for sara@example.com.", "45281"),
        user_detail("c1", 1, 2, "User: sara@example.com", "sara@example.com"),
        user_detail("c1", 1, 1, "User: ما ساکن تهران، خیابان ولیعصر پلاک ۱۲ هستیم", "پلاک ۱۲"),
    ]
    details[0] = details[0].model_copy(
        update={"values": ["45281", "sara@example.com"], "kinds": ["number", "email"]}
    )
    # when the email and an address holding "پلاک ۱۲" are removed
    kept = without_values(details, ["SARA@example.com", "تهران، خیابان ولیعصر پلاک ۱۲"])
    assert [d.text for d in kept] == ["Assistant: I logged 45281 for [removed]."]
    assert kept[0].values == ["45281"] and kept[0].kinds == ["number"]


# -- what a context shows of them -----------------------------------------------------------------


def memory_with_details() -> UserMemoryState:
    return UserMemoryState(
        facts=[UserFact(key="customer_name", value="Sara Ahmadi", session_id="c1", observed_at=T0)],
        conversations=[past_conversation("c1", 1, "en", "Sara moved out of her flat.")],
        details=[
            user_detail("c1", 1, 9, "User: the landlord's number is 07700 900733", "07700 900733"),
            user_detail("c1", 1, 7, "Assistant: I logged 45281 as your closing reading.", "45281"),
            user_detail("c1", 1, 5, "User: I'm Sara Ahmadi", "Sara Ahmadi"),
            user_detail("now", 2, 3, "User: ۴۵۲۸۲ رو هم بنویسید", "۴۵۲۸۲"),
        ],
    )


def test_what_is_left_of_the_room_shows_the_details_best_matching_the_query() -> None:
    state = memory_with_details()
    recalled = recall(state, "what was my closing meter reading?", 400, current_session="now")
    lines = recalled.text.splitlines()
    at = lines.index("[DETAILS FROM EARLIER CONVERSATIONS]")
    # after the facts and conversations; the one matching the query first
    assert lines[at + 1] == "I logged 45281 as your closing reading."
    assert "the landlord's number is 07700 900733" in lines[at + 2 :]
    # not one whose values the facts show already, nor the current conversation's
    assert "I'm Sara Ahmadi" not in recalled.text
    assert "۴۵۲۸۲" not in recalled.text
    assert len(recalled.details) == 2
    assert recalled.tokens <= 400


def test_details_that_do_not_fit_are_counted_in_dropped() -> None:
    state = memory_with_details()
    without = recall(state.model_copy(update={"details": []}), "", 400, current_session="now")
    room = without.tokens + 12  # the heading and no line
    recalled = recall(state, "", room, current_session="now")
    assert recalled.details == []
    # the earlier conversation's three, unread once nothing fits (the current one's: not)
    assert ("user_details:3", "over the user memory budget") in recalled.dropped
    assert recalled.tokens <= room


# (a detail stating only how long something takes, its value; one stating an amount, its value)
MEASURE_AND_AMOUNT = {
    "en": (
        ("Assistant: the link is valid for 7 days.", "7 days"),
        ("Assistant: the deposit is fixed at £500.", "£500"),
    ),
    "fa": (
        ("Assistant: لینک تا ۷ روز معتبره.", "۷ روز"),
        ("Assistant: ودیعه ۳۰ میلیون تومان هست.", "۳۰ میلیون تومان"),
    ),
    "th": (
        ("Assistant: ลิงก์มีอายุ 30 นาทีค่ะ", "30 นาที"),
        ("Assistant: ค่ามัดจำ 5,000 บาทค่ะ", "5,000 บาท"),
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_detail_stating_only_a_measure_comes_after_the_others(language: str) -> None:
    (measure, duration), (amount, price) = MEASURE_AND_AMOUNT[language]
    newest = user_detail("s1", 0, 9, measure, duration).model_copy(update={"kinds": ["duration"]})
    older = user_detail("s1", 0, 4, amount, price).model_copy(update={"kinds": ["amount"]})
    assert list(ranked([newest, older], "")) == [1, 0]
    # room for one line: the amount's
    state = UserMemoryState(details=[newest, older])
    alone = recall(state.model_copy(update={"details": [older]}), "", 400, current_session="now")
    recalled = recall(state, "", alone.tokens, current_session="now")
    assert recalled.details == [older]


def test_a_detail_stored_without_kinds_keeps_its_turn() -> None:
    newest = user_detail("s1", 0, 9, "Assistant: the link is valid for 7 days.", "7 days")
    older = user_detail("s1", 0, 4, "Assistant: the deposit is fixed at £500.", "£500")
    newest = newest.model_copy(update={"kinds": []})
    assert list(ranked([newest, older], "")) == [0, 1]


# -- through the merge job ------------------------------------------------------------------------


def merge_jobs(store: SqliteStore) -> UserMemoryService:
    engines = EngineChain(fallback=OfflineEngine())
    settings = Settings()
    memory = MemoryService(store.memory, engines, settings)
    return UserMemoryService(
        store.sessions, store.memory, store.user_memory, engines, settings, session_memory=memory
    )


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_merge_hands_over_the_details_of_the_newest_messages_no_fold_has_read(
    store: SqliteStore, language: str
) -> None:
    # Given a short conversation: all of it in the verbatim window, nothing folded
    store_conversation(store, "c1", METER[language])
    assert merge_jobs(store).merge_session(A, "c1", final=True).result == "merged"
    assert store.memory.context_snapshot(A, "c1", recent_limit=10).memory.details == []
    # Then the user memory holds the reading no fact keys, said word for word
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert READING[language] not in [f.value for f in state.facts]
    [handed] = state.details
    assert READING[language] in handed.values and READING[language] in handed.text
    assert handed.session_id == "c1" and handed.text.startswith("Assistant: ")


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_removed_fact_never_comes_back_from_a_detail(store: SqliteStore, language: str) -> None:
    jobs = merge_jobs(store)
    turns = METER[language]
    store_conversation(store, "c1", turns[:4], end=False)
    store_conversation(store, "c1", turns[4:], first=4, start=T0 + timedelta(seconds=4))
    jobs.merge_session(A, "c1", final=True)
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert any(EMAIL[language] in d.text for d in state.details)
    # When the user removes their email
    patch_fact(store.user_memory, A, "u1", "", "customer_email", None)
    # Then no detail states it, the reading stays
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert all(EMAIL[language] not in d.text for d in state.details)
    assert all(EMAIL[language] not in d.values for d in state.details)
    assert any(READING[language] in d.text for d in state.details)
    # and a later batch of the same old conversation restating it does not bring it back
    store_conversation(
        store, "c1", [("user", turns[4][1])], first=6, start=T0 + timedelta(seconds=6), end=True
    )
    store.sessions.end_session(A, "c1", "closed", T0 + timedelta(minutes=9))
    jobs.merge_session(A, "c1", final=True)
    state = store.user_memory.load_user_memory(A, "u1", "")
    assert state.conversations[0].message_count == 7
    assert all(EMAIL[language] not in d.text for d in state.details)


def test_deleting_the_memory_takes_the_details_and_an_old_conversation_stays_out(
    store: SqliteStore,
) -> None:
    jobs = merge_jobs(store)
    store_conversation(store, "c1", METER["en"])
    jobs.merge_session(A, "c1", final=True)
    assert store.user_memory.load_user_memory(A, "u1", "").details
    delete_memory(store.user_memory, A, "u1", None)
    assert store.user_memory.load_user_memory(A, "u1", "").details == []
    assert jobs.merge_session(A, "c1", final=True).result == "up_to_date"
    assert store.user_memory.load_user_memory(A, "u1", "").details == []


def test_a_merge_leaves_a_value_removed_earlier_out_of_the_details_it_hands_over() -> None:
    # (the forgotten value came from another key: a detail states values without one)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    state = forget_fact(
        UserMemoryState(
            facts=[UserFact(key="phone", value="07700 900733", session_id="c0", observed_at=T0)]
        ),
        "phone",
        now,
    )
    digest = SessionDigest(
        past_conversation("c1", 1, "en", "Landlord details."),
        [],
        [user_detail("c1", 1, 3, "User: the landlord is on 07700 900733", "07700 900733")],
    )
    assert merge_digest(state, digest, now).details == []


@pytest.mark.parametrize(
    ("text", "value", "courtesy"),
    [
        (
            "User: Thanks so much, that is really kind of you. My new postcode is LS6 2QB.",
            "LS6 2QB",
            "really kind of you",
        ),
        (
            "User: ممنون، خیلی لطف دارید. کد پستی جدیدم ۱۴۳۵۶۷۸۹۱۲ هست.",
            "۱۴۳۵۶۷۸۹۱۲",
            "خیلی لطف دارید",
        ),
        (
            "User: ขอบคุณมากนะคะ ดีใจมากเลย รหัสไปรษณีย์ใหม่คือ 10500 ค่ะ",
            "10500",
            "ขอบคุณมากนะคะ",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_detail_is_handed_over_in_its_compact_form(text: str, value: str, courtesy: str) -> None:
    # Given a detail whose first sentence states no value
    handed = conversation_details(
        [detail(4, text, [value], ["number"])], [], "c1", T0 + timedelta(days=1)
    )
    # Then the user memory keeps the sentence with the value and the words naming it
    (kept,) = handed
    assert value in kept.text and kept.text.startswith("User: ")
    assert courtesy not in kept.text
