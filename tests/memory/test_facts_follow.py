"""A key fact follows a value the details say a newer one replaced, when its own rule did not
read the correction: same key, the old value in its history; a fact holding a value that
only looks alike, or one of something else, stays (``domain.memory.facts_follow``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Literal

from domain.memory.chain import EngineChain
from domain.memory.engine import ExtractedFact, TranscriptLine
from domain.memory.facts_follow import followed_facts
from domain.memory.folding import FoldPolicy, fold
from domain.memory.offline import OfflineEngine
from schemas.memory_model import Budgets, Detail, Fact, FactValue, ReplacedValue
from schemas.memory_state import MemoryState
from schemas.messages import Role
from tests.context.factories import detail, messages

NOW = datetime(2026, 12, 5, tzinfo=UTC)

_Said = tuple[Role, str, Sequence[tuple[str, str]]]


class ScriptedFacts(OfflineEngine):
    """The offline engine, but for its fact rule: it reads only the facts each message is
    scripted with, so a correction it is not scripted with goes by it, as one in words a
    rule does not know."""

    def __init__(self, facts: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        self.facts = facts

    def extract_facts(
        self,
        lines: Sequence[TranscriptLine],
        known: Sequence[tuple[str, str]],
        context: Sequence[TranscriptLine] = (),
    ) -> list[ExtractedFact]:
        return [
            ExtractedFact(key=key, value=value, source_message_id=line.message_id)
            for line in lines
            for key, value in self.facts.get(line.content, ())
        ]


def _folds(said: Sequence[_Said], every: int = 5) -> list[MemoryState]:
    """The state after each fold of ``said`` (messages m1, m2, …), ``every`` messages a
    fold."""
    engines = EngineChain(fallback=ScriptedFacts({text: facts for _, text, facts in said}))
    stored = messages([(role, text) for role, text, _ in said])
    states = [MemoryState()]
    policy = FoldPolicy(fold_every=every)
    for start in range(0, len(stored), every):
        batch = stored[start : start + every]
        states.append(fold(states[-1], batch, engines, Budgets(), policy, NOW))
    return states[1:]


def _facts(state: MemoryState) -> dict[str, Fact]:
    return {fact.key: fact for fact in state.facts}


def _history(fact: Fact) -> list[tuple[str, str]]:
    return [(earlier.value, earlier.source_message_id) for earlier in fact.history]


def _fold_of(
    older: tuple[str, str], newer: tuple[str, str], kind: str = "phone"
) -> tuple[list[Detail], list[Detail], list[TranscriptLine]]:
    """A fold of messages m4..m7 in which ``newer`` (text, value; said at m6) replaced the
    value of ``older`` (at m4): the details before it, after it, and its lines."""
    (older_text, old), (newer_text, new) = older, newer
    said = detail(4, older_text, [old], kind)
    saying = detail(6, newer_text, [new], kind)
    how: Literal["changed", "corrected"] = "changed" if "changed" in newer_text else "corrected"
    replaced = said.model_copy(update={"replaced": [ReplacedValue(old=old, new=new, how=how)]})
    texts = {4: older_text, 6: newer_text}
    lines = [TranscriptLine(at, f"m{at}", "user", texts.get(at, "ok")) for at in range(4, 8)]
    return [said, saying], [replaced, saying], lines


# -- over several folds ---------------------------------------------------------------------------


_CHAT: list[_Said] = [
    ("user", "Hi, I need to sort out a booking.", ()),
    ("assistant", "Of course, happy to help.", ()),
    ("user", "Thanks.", ()),
]


# -- a correction the fact rule missed ------------------------------------------------------------


def test_a_corrected_phone_is_followed_with_its_old_value_kept_in_every_language() -> None:
    for phone, correction, corrected in (
        ("07700 900418", "its 07700 900481 not 418, sorry", "07700 900481"),
        ("۰۹۱۲۷۶۵۱۲۰۳", "ببخشید اشتباه گفتم، ۰۹۱۲۷۶۵۱۰۲۳ هست", "۰۹۱۲۷۶۵۱۰۲۳"),
        ("089-551-2033", "ขอโทษค่ะ ต้องเป็น 089-551-2303 ค่ะ", "089-551-2303"),
    ):
        said: list[_Said] = [
            *_CHAT,
            ("assistant", "What's the best number for you?", ()),
            ("user", phone, [("customer_phone", phone)]),
            ("assistant", "Thanks, and is that for texts too?", ()),
            ("user", correction, ()),
        ]
        # The first fold ends on the phone, the second holds its correction.
        first, second = _folds(said)
        assert _facts(first)["customer_phone"].value == phone
        followed = _facts(second)["customer_phone"]
        assert followed.value == corrected
        assert followed.source_message_id == "m7"
        assert _history(followed) == [(phone, "m5")]


def test_a_postcode_put_right_is_replaced_inside_the_address_that_holds_it() -> None:
    said: list[_Said] = [
        *_CHAT,
        ("assistant", "What's the new address?", ()),
        (
            "user",
            "14 Bramley Close, Harrogate HG2 7DN",
            [("address", "14 Bramley Close, Harrogate HG2 7DN")],
        ),
        (
            "assistant",
            "I'm not getting a match on HG2 7DN though, could you check the postcode?",
            (),
        ),
        # The fact rule reads this one as a postcode of its own, not as the address's.
        ("user", "let me look at the letter... ahh its HG2 7DL, sorry.", [("postcode", "HG2 7DL")]),
        ("assistant", "That's matched now.", ()),
        ("user", "great", ()),
        ("assistant", "Anything else?", ()),
    ]
    facts = _facts(_folds(said)[-1])
    assert facts["address"].value == "14 Bramley Close, Harrogate HG2 7DL"
    assert facts["address"].source_message_id == "m7"
    assert _history(facts["address"]) == [("14 Bramley Close, Harrogate HG2 7DN", "m5")]
    assert facts["postcode"].value == "HG2 7DL"
    assert facts["postcode"].history == []


def test_a_thai_house_number_put_right_is_replaced_inside_the_longer_address() -> None:
    address = "88/219 หมู่ 5 หมู่บ้านพฤกษาวิลล์ ต.บางพูด อ.ปากเกร็ด"
    said: list[_Said] = [
        *_CHAT,
        ("assistant", "ขอที่อยู่สำหรับเข้าซ่อมด้วยค่ะ", ()),
        ("user", address, [("service_address", address)]),
        ("assistant", "รับทราบค่ะ", ()),
        ("user", "ขอโทษค่ะ พิมพ์ผิด ที่ถูกคือ 88/291 หมู่ 5 หมู่บ้านพฤกษาวิลล์ ค่ะ", ()),
        ("assistant", "แก้ไขแล้วค่ะ", ()),
    ]
    followed = _facts(_folds(said)[-1])["service_address"]
    assert followed.value == "88/291 หมู่ 5 หมู่บ้านพฤกษาวิลล์ ต.บางพูด อ.ปากเกร็ด"
    assert _history(followed) == [(address, "m5")]


def test_an_amount_put_right_in_the_detail_it_was_said_in_is_followed() -> None:
    said: list[_Said] = [
        *_CHAT,
        ("assistant", "مبلغ ودیعه چقدره؟", ()),
        ("user", "۱۵ میلیون تومان", [("deposit", "۱۵ میلیون تومان")]),
        ("user", "نه ببخشید، ۱۲ میلیون تومان نه ۱۵", ()),
        ("assistant", "باشه، ثبت شد.", ()),
    ]
    (state,) = _folds(said, every=10)
    deposit = _facts(state)["deposit"]
    assert deposit.value == "۱۲ میلیون تومان"
    assert deposit.source_message_id == "m6"
    assert _history(deposit) == [("۱۵ میلیون تومان", "m5")]


# -- what stays ---------------------------------------------------------------------------------


def test_a_fact_that_only_looks_like_the_old_value_stays() -> None:
    said: list[_Said] = [
        *_CHAT,
        ("assistant", "The parts come to £240 and the labour is £24 extra.", [("total", "£240")]),
        ("user", "The courier comes at 10:15pm.", [("courier_time", "10:15pm")]),
        ("assistant", "Collection booked for 5pm.", [("collection_time", "5pm")]),
        ("user", "ok", ()),
        ("assistant", "Sorry, the labour is £42, not £24.", ()),
        ("assistant", "I've changed your collection to 5:45.", ()),
        ("user", "ok", ()),
    ]
    state = _folds(said)[-1]
    assert {(r.old, r.new) for d in state.details for r in d.replaced} >= {
        ("£24", "£42"),
        ("5pm", "5:45"),
    }
    facts = _facts(state)
    assert facts["total"].value == "£240"
    assert facts["courier_time"].value == "10:15pm"
    assert facts["total"].history == facts["courier_time"].history == []


def test_a_date_of_something_else_said_in_another_message_stays() -> None:
    said: list[_Said] = [
        *_CHAT,
        ("user", "Delivery is on the 1st.", [("delivery_date", "the 1st")]),
        ("assistant", "And your payment date is the 1st of each month.", ()),
        ("user", "ok", ()),
        ("user", "Can you move the payment date?", ()),
        ("assistant", "I've moved your payment date to the 15th.", ()),
    ]
    state = _folds(said)[-1]
    assert ("the 1st", "the 15th") in {(r.old, r.new) for d in state.details for r in d.replaced}
    assert _facts(state)["delivery_date"].value == "the 1st"


def test_a_changed_amount_whose_new_value_is_another_facts_stays() -> None:
    earlier, details, lines = _fold_of(
        ("User: the deposit is $500", "$500"),
        ("Assistant: I've changed it to $450.", "$450"),
        kind="amount",
    )
    deposit = Fact(key="deposit", value="$500", source_message_id="m4", updated_at=NOW)
    refund = Fact(key="refund", value="$450", source_message_id="m4", updated_at=NOW)
    assert followed_facts([deposit, refund], earlier, details, lines) == []
    assert followed_facts([deposit], earlier, details, lines) == [
        ExtractedFact(key="deposit", value="$450", source_message_id="m6")
    ]


def test_a_number_put_right_stays_off_another_facts_number_unless_a_typo_of_it() -> None:
    home = Fact(key="home_phone", value="020 7946 0321", source_message_id="m4", updated_at=NOW)
    # "sorry" near a second number: the details read it as a correction of the first.
    older = ("User: home is 020 7946 0321", "020 7946 0321")
    fold = _fold_of(older, ("User: sorry, and my mobile is 07700 900652", "07700 900652"))
    mobile = Fact(key="mobile", value="07700 900652", source_message_id="m6", updated_at=NOW)
    assert followed_facts([home, mobile], *fold) == []
    # A typo put right is the same number under another key: followed.
    fold = _fold_of(older, ("User: its 020 7946 0312, sorry", "020 7946 0312"))
    mobile = mobile.model_copy(update={"value": "020 7946 0312"})
    assert followed_facts([home, mobile], *fold) == [
        ExtractedFact(key="home_phone", value="020 7946 0312", source_message_id="m6")
    ]


def test_a_fact_said_after_the_correction_or_moved_back_by_its_own_rule_stays() -> None:
    fold = _fold_of(
        ("User: 07700 900418", "07700 900418"), ("User: its 07700 900481 not 418", "07700 900481")
    )
    said_after = Fact(key="phone", value="07700 900418", source_message_id="m7", updated_at=NOW)
    moved_back = Fact(
        key="phone",
        value="07700 900418",
        source_message_id="m2",
        updated_at=NOW,
        history=[FactValue(value="07700 900481", source_message_id="m1", updated_at=NOW)],
    )
    for fact in (said_after, moved_back):
        assert followed_facts([fact], *fold) == []
    # A replacement an earlier fold found was followed then: a fact holding its old value
    # since was set after it.
    _, details, lines = fold
    assert followed_facts([said_after], details, details, lines) == []


def test_a_fact_its_own_rule_updated_is_updated_once() -> None:
    said: list[_Said] = [
        *_CHAT,
        ("assistant", "What's the best number for you?", ()),
        ("user", "07700 900418", [("customer_phone", "07700 900418")]),
        ("assistant", "Thanks.", ()),
        ("user", "its 07700 900481 not 418, sorry", [("customer_phone", "07700 900481")]),
        ("assistant", "Noted.", ()),
        ("user", "ok", ()),
    ]
    phone = _facts(_folds(said)[-1])["customer_phone"]
    assert phone.value == "07700 900481"
    assert _history(phone) == [("07700 900418", "m5")]


def test_a_fact_follows_a_chain_of_corrections_once_each_and_no_more() -> None:
    said: list[_Said] = [
        *_CHAT,
        ("assistant", "What's the order number?", ()),
        ("user", "ORD-58342", [("order_id", "ORD-58342")]),
        # second fold
        ("user", "oops, ORD-58432", ()),
        ("assistant", "Found it.", ()),
        ("user", "great", ()),
        ("assistant", "Anything else?", ()),
        ("user", "no", ()),
        # third fold
        ("user", "sorry my mistake, its ORD-58433", ()),
        ("assistant", "No problem, updated.", ()),
        ("user", "thanks", ()),
        ("assistant", "You're welcome.", ()),
        ("user", "bye", ()),
        # fourth fold: nothing new
        ("assistant", "Bye!", ()),
        ("user", "one more thing", ()),
        ("assistant", "Sure?", ()),
        ("user", "nothing, thanks", ()),
        ("assistant", "Have a good day.", ()),
    ]
    states = _folds(said)
    values = [_facts(state)["order_id"].value for state in states]
    assert values == ["ORD-58342", "ORD-58432", "ORD-58433", "ORD-58433"]
    last = _facts(states[-1])["order_id"]
    assert _history(last) == [("ORD-58342", "m5"), ("ORD-58432", "m6")]
    assert last.source_message_id == "m11"
    assert states[-1].facts == states[-2].facts


def test_a_value_held_by_two_facts_is_followed_in_both() -> None:
    said: list[_Said] = [
        *_CHAT,
        ("assistant", "What's the best number for you?", ()),
        (
            "user",
            "07700 900418",
            [("customer_phone", "07700 900418"), ("sms_number", "07700 900418")],
        ),
        ("assistant", "Thanks.", ()),
        ("user", "its 07700 900481 not 418, sorry", ()),
        ("assistant", "Noted.", ()),
        ("user", "ok", ()),
    ]
    facts = _facts(_folds(said)[-1])
    assert facts["customer_phone"].value == facts["sms_number"].value == "07700 900481"
    assert _history(facts["sms_number"]) == [("07700 900418", "m5")]
