"""What an earlier conversation said that a later one changed is recalled on that
conversation's own line, dated, each value marked ("Then: … (replaced)"): a returning
customer's last delivery address and fee were about that order. The facts list keeps
only current values; identifiers keep their own line; a value corrected within the
conversation that gave the current one, and a value the user removed, are never
shown. A Persian or Thai conversation's summary gets the tokens that say as much as
an English one."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.user_memory.digest import MAX_SCRIPT_FACTOR, SUMMARY_TOKENS, summary_budget
from domain.user_memory.merge import forget_fact, merge_fact
from domain.user_memory.recall import fact_line, rank, recall
from domain.user_memory.recall_index import (
    SAID_LABEL,
    indexed,
    said_in_conversations,
    said_then,
)
from schemas.user_memory import UserFact, UserMemoryState
from tests.user_memory.conversations import T0, past_conversation


def memory(
    language: str, said: list[tuple[str, str, str, int]], summaries: tuple[str, str]
) -> UserMemoryState:
    facts: list[UserFact] = []
    for key, value, session, day in said:
        facts = merge_fact(facts, key, value, session, T0 + timedelta(days=day, minutes=9))
    conversations = [
        past_conversation("s2", 7, language, summaries[1]),
        past_conversation("s1", 0, language, summaries[0]),
    ]
    return indexed(UserMemoryState(facts=facts, conversations=conversations))


PERSIAN = memory(
    "fa",
    [
        ("delivery_address", "تهران، پونک، بلوار عدل، پلاک ۲۲", "s1", 0),
        ("shipping_cost", "۴۵۰ هزار تومان", "s1", 0),
        ("order_id", "۷۳۰۹۵۲", "s1", 0),
        ("delivery_address", "نارمک، خیابان گلبرگ، پلاک ۱۹", "s2", 7),
        ("shipping_cost", "۱۸۰ هزار تومان", "s2", 7),
        ("order_id", "۸۸۷۲۱", "s2", 7),
    ],
    ("کاربر یک کاناپه سفارش داده بود.", "گوشی برای تعمیر ارسال شد."),
)
THAI = memory(
    "th",
    [
        ("delivery_address", "128/45 ถนนพหลโยธิน", "s1", 0),
        ("delivery_address", "77/3 ซอยลาดพร้าว 101", "s2", 7),
        ("technician_time", "9.00-12.00 น.", "s2", 7),
    ],
    ("สั่งตู้เย็นส่งที่บ้าน", "แอร์เสีย นัดช่างมาซ่อม"),
)
ENGLISH = memory(
    "en",
    [
        ("delivery_address", "12 Elm Stret", "s1", 0),  # a typo, corrected in s1
        ("delivery_address", "12 Elm Street", "s1", 1),
        ("delivery_address", "40 Harbour Road", "s2", 7),
        ("delivery_address", "40 Harbor Rd", "s2", 6),  # s2 said it otherwise before
    ],
    ("Sara ordered a kettle.", "Sara moved house."),
)


def lines_of(state: UserMemoryState, query: str = "") -> dict[str, str]:
    shown = recall(state, query, 1000, current_session="now")
    fact_lines = [fact_line(fact) for fact in shown.facts]
    assert all(line in shown.text.splitlines() for line in fact_lines)
    conversation_lines = [line for line in shown.text.splitlines() if line.startswith("-")]
    assert len(conversation_lines) == 2
    return {
        "facts": "\n".join(fact_lines),
        "s2": conversation_lines[0],
        "s1": conversation_lines[1],
    }


def test_an_earlier_conversations_values_are_on_its_own_line_in_persian() -> None:
    lines = lines_of(PERSIAN)
    assert (
        "(fa): Then: Delivery address: تهران، پونک، بلوار عدل، پلاک ۲۲ (replaced); " in lines["s1"]
    )
    assert "Shipping cost: ۴۵۰ هزار تومان (replaced)." in lines["s1"]
    # the facts say what is current; the order id keeps its own line, not the conversation's
    assert "پونک" not in lines["facts"] and "۴۵۰" not in lines["facts"]
    assert "(earlier conversations: ۷۳۰۹۵۲)" in lines["facts"]
    assert "۷۳۰۹۵۲" not in lines["s1"]
    # the latest conversation changed nothing after it: no "Then:"
    assert SAID_LABEL not in lines["s2"]


def test_an_earlier_conversation_is_found_by_what_it_said_in_thai() -> None:
    ranked = rank(THAI.conversations, "ถนนพหลโยธิน", THAI.recall_index)
    assert ranked[0].conversation.session_id == "s1"
    assert "Then: Delivery address: 128/45 ถนนพหลโยธิน (replaced)." in lines_of(THAI)["s1"]


def test_a_correction_within_a_conversation_is_not_an_earlier_value_in_english() -> None:
    said = said_in_conversations(ENGLISH.facts)
    # s1 ended with "12 Elm Street": its typo is not recalled; s2 gave the current value
    assert said == {"s1": [("delivery_address", "12 Elm Street")]}
    lines = lines_of(ENGLISH)
    assert "Stret" not in "\n".join(lines.values())
    assert "Harbor Rd" not in "\n".join(lines.values())


def test_a_removed_fact_is_not_recalled_on_any_line() -> None:
    removed = indexed(forget_fact(PERSIAN, "delivery_address", T0 + timedelta(days=9)))
    text = "\n".join(lines_of(removed).values())
    assert "پونک" not in text and "نارمک" not in text
    assert "Shipping cost: ۴۵۰ هزار تومان" in text
    assert rank(removed.conversations, "پونک", removed.recall_index)[0].score < 0.2


def test_a_memory_without_a_stored_index_shows_the_same_lines() -> None:
    bare = PERSIAN.model_copy(update={"recall_index": None})
    assert lines_of(bare) == lines_of(PERSIAN)


def test_a_denser_script_gets_a_longer_summary_up_to_a_cap() -> None:
    english = summary_budget(["My order number is ORD-48213 and my address is 12 Elm Street."])
    persian = summary_budget(["شماره سفارش من ۵۵۱۲۰ است و آدرس من تهران، خیابان ولیعصر است."])
    thai = summary_budget(["หมายเลขคำสั่งซื้อของผมคือ 77001 ที่อยู่ของผมคือ 99 ถนนสุขุมวิท กรุงเทพ"])
    assert english == SUMMARY_TOKENS
    assert SUMMARY_TOKENS < persian < thai <= SUMMARY_TOKENS * MAX_SCRIPT_FACTOR
    assert summary_budget([]) == SUMMARY_TOKENS


def identifier_line(said: list[tuple[str, str, str, int]]) -> str:
    facts: list[UserFact] = []
    for key, value, session, day in said:
        facts = merge_fact(facts, key, value, session, T0 + timedelta(days=day))
    return fact_line(facts[0])


@pytest.mark.parametrize(
    ("key", "earlier", "later", "code"),
    [
        (
            "quote_reference",
            "an enquiry for you, your quote reference is BS-Q-20417",
            "BS-Q-20552",
            "BS-Q-20417",
        ),
        ("ticket_id", "شماره تیکت شما TK-44719 هست", "TK-48291", "TK-44719"),
        ("booking_number", "จองให้แล้วค่ะ เลขใบงานคือ JOB-67-0413", "BK-240718", "JOB-67-0413"),
    ],
    ids=["en", "fa", "th"],
)
def test_an_earlier_conversations_identifier_is_noted_as_its_code_alone(
    key: str, earlier: str, later: str, code: str
) -> None:
    line = identifier_line([(key, earlier, "s1", 0), (key, later, "s2", 7)])
    assert line.endswith(f"(earlier conversations: {code})")


def test_an_earlier_value_holding_the_current_code_is_not_noted() -> None:
    line = identifier_line(
        [
            ("order_id", "your order number is A-50433", "s1", 0),
            ("order_id", "A-50433", "s2", 7),
        ]
    )
    assert "earlier conversations" not in line


@pytest.mark.parametrize(
    ("preference", "phone", "day"),
    [
        ("You can call me on +989121810111", "+989121810111", "Thursday"),
        ("فقط پیامک بدید به ۰۹۱۲۴۵۶۷۸۹۰", "۰۹۱۲۴۵۶۷۸۹۰", "پنجشنبه"),
        ("โทรหาแพรวที่ 089-245-7713", "089-245-7713", "วันพฤหัส"),
    ],
    ids=["en", "fa", "th"],
)
def test_a_value_another_earlier_value_quotes_is_said_once(
    preference: str, phone: str, day: str
) -> None:
    then = said_then(
        [
            ("contact_preference", preference),
            ("customer_phone", phone),
            ("check_out_date", day),
            ("other_date", day),
        ]
    )
    # the phone is at the end of the preference, the day said by the first date: one each
    assert then == (
        f"{SAID_LABEL} Contact preference: {preference} (replaced); "
        f"Check out date: {day} (replaced)."
    )
    # a value only part of another, not its end, is a value of its own
    assert "Deposit: 200" in said_then([("deposit", "200"), ("note", "200 paid by card")])


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ([("adults", "2"), ("children", "2")], ["Adults: 2", "Children: 2"]),
        ([("nights", "3"), ("room", "Room 3")], ["Nights: 3", "Room: Room 3"]),
        ([("adults", "۲"), ("children", "۲")], ["Adults: ۲", "Children: ۲"]),
        ([("nights", "۳"), ("room", "اتاق ۳")], ["Nights: ۳", "Room: اتاق ۳"]),
        ([("nights", "3"), ("room", "ห้อง 3")], ["Nights: 3", "Room: ห้อง 3"]),
    ],
    ids=["en-same", "en-end", "fa-same", "fa-end", "th-end"],
)
def test_a_short_number_of_another_fact_is_said_again(
    said: list[tuple[str, str]], kept: list[str]
) -> None:
    """Two counts alike, or a count another value ends with, are two facts by chance."""
    then = said_then(said)
    for value in kept:
        assert f"{value} (replaced)" in then
