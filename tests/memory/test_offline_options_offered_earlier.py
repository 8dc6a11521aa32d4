"""An option switched to by its name alone is taken when the assistant offered it, or a fact
held it, however long ago: the fold keeps the names the assistant offered
(``MemoryState.offered_names``, bounded) and hands them, with the values the facts held
before, to the folds after; a fold reads only its own messages and the few before them. A
name neither offered nor held stays no option ("I switched to Vodafone")."""

from __future__ import annotations

import pytest

from domain.memory.chain import EngineChain
from domain.memory.current import current_memory
from domain.memory.folding import FoldPolicy, fold
from domain.memory.offline import OfflineEngine
from domain.memory.offline.offered_names import MAX_OFFERED_NAMES, names_offered
from schemas.memory_model import Budgets
from schemas.memory_state import MemoryState
from schemas.messages import Role
from tests.memory.folding_support import NOW, fold_all, stored_message

#: Eight messages of talk between the offer and the switch (with the offer and the pick
#: made, the switch comes ten messages after the offer: two folds later).
_EN_TALK: list[tuple[Role, str]] = [
    ("assistant", "Lovely, noted."),
    ("user", "how long does it take to make them?"),
    ("assistant", "Usually about three weeks from the mockup."),
    ("user", "grand"),
    ("assistant", "Anything else I can help with?"),
    ("user", "I showed the other coaches"),
    ("assistant", "Oh yes?"),
    ("user", "they think the girls get very warm in summer"),
]
_FA_TALK: list[tuple[Role, str]] = [
    ("assistant", "چشم، ثبت شد."),
    ("user", "چند روز طول می‌کشه؟"),
    ("assistant", "حدود سه هفته."),
    ("user", "باشه ممنون"),
    ("assistant", "امر دیگه‌ای هست؟"),
    ("user", "با خانمم صحبت کردم"),
    ("assistant", "بله؟"),
    ("user", "میگه با پرده‌ها جور نیست"),
]
_TH_TALK: list[tuple[Role, str]] = [
    ("assistant", "รับทราบค่ะ"),
    ("user", "ใช้เวลากี่วันคะ"),
    ("assistant", "ประมาณสามสัปดาห์ค่ะ"),
    ("user", "โอเคค่ะ"),
    ("assistant", "มีอะไรให้ช่วยอีกไหมคะ"),
    ("user", "คุยกับแฟนแล้วนะคะ"),
    ("assistant", "ค่ะ"),
    ("user", "เขาบอกว่าไม่เข้ากับห้อง"),
]


def _facts(state: MemoryState) -> dict[str, str]:
    return {fact.key: fact.value for fact in state.facts}


def _offer_pick_switch(
    offer: str, pick: str, talk: list[tuple[Role, str]], switch: str
) -> MemoryState:
    """The offer, the pick, ``talk``, then the switch: ten messages after the offer, in
    the third fold (five messages each), the offer out of the two before."""
    return fold_all([("user", "hi"), ("assistant", offer), ("user", pick), *talk, ("user", switch)])


@pytest.mark.parametrize(
    ("offer", "pick", "talk", "switch", "key", "taken"),
    [
        (
            "We do two club ranges, the Classic at €32 and the Pro at €41.",
            "ok we'll go with the Classic",
            _EN_TALK,
            "ugh ok. go on so, switch to the Pro",
            "product",
            "Pro",
        ),
        (
            "این مبل رو در دو رنگ مشکی و طوسی داریم.",
            "طوسی رو می‌خوام",
            _FA_TALK,
            "نه، برگردیم به مشکی",
            "colour",
            "مشکی",
        ),
        (
            "มีสีดำกับสีขาวค่ะ",
            "เอาสีขาวค่ะ",
            _TH_TALK,
            "กลับไปสีดำค่ะ",
            "colour",
            "สีดำ",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_an_option_offered_ten_messages_before_is_switched_to(
    offer: str,
    pick: str,
    talk: list[tuple[Role, str]],
    switch: str,
    key: str,
    taken: str,
) -> None:
    state = _offer_pick_switch(offer, pick, talk, switch)
    assert _facts(state)[key] == taken


@pytest.mark.parametrize(
    ("offer", "pick", "talk", "switch", "key", "held"),
    [
        (
            "We do two club ranges, the Classic at €32 and the Pro at €41.",
            "ok we'll go with the Classic",
            _EN_TALK,
            "I switched to Vodafone.",
            "product",
            "Classic",
        ),
        (
            "این مبل رو در دو رنگ مشکی و طوسی داریم.",
            "طوسی رو می‌خوام",
            _FA_TALK,
            "نه، برگردیم به قرمز",
            "colour",
            "طوسی",
        ),
        (
            "มีสีดำกับสีขาวค่ะ",
            "เอาสีขาวค่ะ",
            _TH_TALK,
            "กลับไปสีแดงค่ะ",
            "colour",
            "สีขาว",
        ),
    ],
    ids=["en", "fa", "th"],
)
def test_a_name_never_offered_nor_held_stays_no_option(
    offer: str,
    pick: str,
    talk: list[tuple[Role, str]],
    switch: str,
    key: str,
    held: str,
) -> None:
    state = _offer_pick_switch(offer, pick, talk, switch)
    assert _facts(state)[key] == held


def test_a_name_only_the_customer_said_is_no_option_offered() -> None:
    state = _offer_pick_switch(
        "We do two club ranges, the Classic at €32 and the Pro at €41.",
        "ok we'll go with the Classic, my brother's club wore the Titan",
        _EN_TALK,
        "ugh ok. go on so, switch to the Titan",
    )
    assert _facts(state)["product"] == "Classic"


def test_a_value_held_before_is_gone_back_to_long_after() -> None:
    # The assistant never names the Classic: only the fact's history holds it.
    state = fold_all(
        [
            ("user", "hi, we'll go with the Classic then"),
            ("assistant", "Lovely. We also do the Pro at €41, lighter fabric."),
            ("user", "ok switch to the Pro"),
            *_EN_TALK,
            ("user", "yep back to the Classic please, the budget is the budget"),
        ]
    )
    product = next(fact for fact in state.facts if fact.key == "product")
    assert product.value == "Classic"
    assert [old.value for old in product.history] == ["Classic", "Pro"]


def test_the_newest_messages_read_at_context_time_reach_the_offer() -> None:
    folded = [
        ("user", "hi"),
        ("assistant", "We do two club ranges, the Classic at €32 and the Pro at €41."),
        ("user", "ok we'll go with the Classic"),
        *_EN_TALK[:7],
    ]
    state = fold_all(folded)
    newest = [
        stored_message(index, role, text)
        for index, (role, text) in enumerate(
            [*_EN_TALK[7:], ("assistant", "Ah."), ("user", "ugh ok. go on so, switch to the Pro")],
            start=len(folded) + 1,
        )
    ]
    facts = current_memory(state, newest, len(folded) + 1).facts
    assert {fact.key: fact.value for fact in facts}["product"] == "Pro"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "We do two club ranges — the Classic at €32 and the Pro at €41.",
            ["Classic", "Pro"],
        ),
        (
            "Commercial Essentials – 8 visits a year, or Fibre 150.",
            ["Commercial Essentials", "Fibre 150"],
        ),
        ("Our socks are navy with a gold band, the 2025 range.", ["navy", "gold"]),
        # a sentence's first word is capitalised whatever it is; a count is no part of a name
        ("Lovely. Usually three weeks. We have 24 Classic jerseys.", ["Classic"]),
        (
            "Two ranges:\nClassic: €32\nPro – €41\nCommercial Plus would suit",
            ["Classic", "Pro", "Commercial Plus"],
        ),
        ("این مبل رو در دو رنگ مشکی و طوسی داریم، طرح طلایی هم هست.", ["مشکی", "طوسی", "طلایی"]),
        ("มีสีดำกับสีขาวค่ะ สีดำขายดีกว่า", ["สีดำ", "สีขาว"]),
    ],
)
def test_the_names_an_assistant_offers(text: str, names: list[str]) -> None:
    assert names_offered(text) == names


def test_the_offered_names_are_bounded_and_a_name_offered_again_is_kept_newest() -> None:
    ranges = ", ".join(f"Range {n}" for n in range(MAX_OFFERED_NAMES + 10))
    state = fold_all(
        [
            ("user", "hi"),
            ("assistant", "We have the Classic and the Pro."),
            ("user", "ok"),
            ("assistant", f"We also have {ranges}."),
            ("assistant", "The Classic is the cheapest."),
        ]
    )
    assert len(state.offered_names) == MAX_OFFERED_NAMES
    assert state.offered_names[-1] == "Classic"
    assert "Pro" not in state.offered_names


def test_a_state_stored_before_offered_names_loads_and_folds_on() -> None:
    stored = fold_all([("user", "hi"), ("assistant", "We have the Classic and the Pro.")])
    old = stored.model_dump(mode="json")
    del old["offered_names"]
    state = MemoryState.model_validate(old)
    assert state.offered_names == []
    batch = [stored_message(3, "assistant", "The Pro is lighter.")]
    folded = fold(state, batch, EngineChain(fallback=OfflineEngine()), Budgets(), FoldPolicy(), NOW)
    assert folded.offered_names == ["Pro"]
