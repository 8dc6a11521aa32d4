"""Details: every unit that states a value is kept at fold time, with its question when
the answer opens the next fold, whoever said it; past the bound a superseded detail goes
first (``domain.memory.details``)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from domain.memory.chain import EngineChain
from domain.memory.details import kept_details, superseded_indexes
from domain.memory.folding import FoldPolicy, fold
from domain.memory.offline import OfflineEngine
from domain.memory.offline.kept_clauses import CLAUSE_KINDS
from domain.memory.offline.values import Kind
from schemas.limits import MAX_DETAILS
from schemas.memory_model import DETAIL_KINDS, Budgets, Detail, ReplacedValue
from schemas.memory_state import MemoryState
from schemas.messages import Role, StoredMessage
from schemas.transfer import ExportedMemory
from tests.context.factories import detail

NOW = datetime(2026, 12, 5, tzinfo=UTC)


def _fold_all(turns: list[tuple[Role, str]]) -> MemoryState:
    stored = [
        StoredMessage(
            message_id=f"m{i + 1}",
            session_id="s",
            role=role,
            content=text,
            seq=i + 1,
            accepted_at=NOW,
        )
        for i, (role, text) in enumerate(turns)
    ]
    state = MemoryState()
    policy = FoldPolicy()
    for start in range(0, len(stored), policy.fold_every):
        batch = stored[start : start + policy.fold_every]
        state = fold(state, batch, EngineChain(fallback=OfflineEngine()), Budgets(), policy, NOW)
    return state


def _texts(state: MemoryState) -> list[str]:
    return [detail.text for detail in state.details]


#: Five opening turns, so the question (message 5) ends the first fold and its answer
#: (message 6) opens the second.
_OPENING_EN: list[tuple[Role, str]] = [
    ("user", "Hi, my car is booked in for a service."),
    ("assistant", "Sure, I can help."),
    ("user", "Thanks."),
    ("assistant", "Great."),
    ("assistant", "What's the mileage on it?"),
]


def test_english_an_answer_opening_a_fold_is_kept_with_its_question() -> None:
    state = _fold_all([*_OPENING_EN, ("user", "84,312"), ("assistant", "Noted."), ("user", "ok")])
    assert _texts(state) == ["Assistant: What's the mileage on it?\nUser: 84,312"]
    (detail,) = state.details
    assert (detail.first_position, detail.last_position) == (5, 6)
    assert detail.values == ["84,312"]
    assert detail.kinds == ["number"]


def test_english_a_value_the_assistant_says_is_kept() -> None:
    state = _fold_all(
        [*_OPENING_EN, ("user", "84,312"), ("assistant", "The service total is £239.")]
    )
    assert "Assistant: The service total is £239." in _texts(state)
    assert state.details[-1].values == ["£239"]
    # A turn without a value is no detail.
    assert not any("Sure, I can help" in text for text in _texts(state))


@pytest.mark.parametrize(
    ("turns", "expected", "kinds"),
    [
        (
            [
                ("user", "سلام، برای کلاس زبان ثبت نام کردم."),
                ("assistant", "سلام، در خدمتم."),
                ("user", "ممنون."),
                ("assistant", "خواهش می‌کنم."),
                ("assistant", "شماره پرونده‌تون چنده؟"),
                ("user", "۴۸۲۱۳۷"),
                ("assistant", "شهریه ترم ۲,۴۵۰,۰۰۰ تومانه."),
            ],
            [
                "Assistant: شماره پرونده‌تون چنده؟\nUser: ۴۸۲۱۳۷",
                "Assistant: شهریه ترم ۲,۴۵۰,۰۰۰ تومانه.",
            ],
            [["number"], ["amount"]],
        ),
        (
            [
                ("user", "สวัสดีค่ะ จองคอนโดไว้ค่ะ"),
                ("assistant", "สวัสดีครับ ยินดีให้บริการครับ"),
                ("user", "ขอบคุณค่ะ"),
                ("assistant", "ครับ"),
                ("assistant", "ขอเบอร์โทรติดต่อหน่อยครับ"),
                ("user", "081-234-5678 ค่ะ"),
                ("assistant", "เงินประกัน 25,000 บาทครับ"),
            ],
            [
                "Assistant: ขอเบอร์โทรติดต่อหน่อยครับ\nUser: 081-234-5678 ค่ะ",
                "Assistant: เงินประกัน 25,000 บาทครับ",
            ],
            [["phone"], ["amount"]],
        ),
    ],
    ids=["persian", "thai"],
)
def test_an_answer_opening_a_fold_is_kept_with_its_question(
    turns: list[tuple[Role, str]], expected: list[str], kinds: list[list[str]]
) -> None:
    state = _fold_all(turns)
    assert _texts(state) == expected
    assert [detail.kinds for detail in state.details] == kinds
    assert (state.details[0].first_position, state.details[0].last_position) == (5, 6)


def test_a_newer_detail_of_the_same_kinds_and_words_supersedes_the_older_one() -> None:
    for older, newer in (
        (
            detail(9, "Assistant: The service total is £239.", ["£239"], "amount"),
            detail(40, "Assistant: Update: the service total is now £259.", ["£259"], "amount"),
        ),
        (
            detail(9, "Assistant: شهریه ترم ۲,۴۵۰,۰۰۰ تومانه.", ["۲,۴۵۰,۰۰۰ تومان"], "amount"),
            detail(
                40, "Assistant: شهریه ترم جدید ۲,۶۰۰,۰۰۰ تومانه.", ["۲,۶۰۰,۰۰۰ تومان"], "amount"
            ),
        ),
        (
            detail(9, "Assistant: ค่าเช่าเดือนละ 12,500 บาทครับ", ["12,500 บาท"], "amount"),
            detail(40, "Assistant: ค่าเช่าใหม่เดือนละ 11,800 บาทครับ", ["11,800 บาท"], "amount"),
        ),
    ):
        other = detail(20, "Assistant: Your courtesy car is YD68 PWE.", ["YD68"], "identifier")
        assert superseded_indexes([older, other, newer]) == {0}
        # A fold keeps the superseded detail, flagged; only the bound deletes.
        flagged = older.model_copy(update={"superseded": True})
        assert kept_details([older, other], [newer]) == [flagged, other, newer]


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        (
            detail(9, "Assistant: Your appointment with Dr Lee is on 3 June.", ["3 June"], "date"),
            detail(
                40, "Assistant: Your appointment with Dr Patel is on 5 June.", ["5 June"], "date"
            ),
        ),
        (
            detail(9, "Assistant: Room booking for Ms Tanaka costs £180.", ["£180"], "amount"),
            detail(40, "Assistant: Room booking for Mr Osei costs £210.", ["£210"], "amount"),
        ),
        (
            detail(
                9, "User: My son's dentist appointment is at 10:00 on Monday.", ["10:00"], "time"
            ),
            detail(
                40,
                "User: My daughter's dentist appointment is at 14:00 on Monday.",
                ["14:00"],
                "time",
            ),
        ),
        (
            detail(9, "User: The front tyres cost £120 each.", ["£120"], "amount"),
            detail(40, "User: The rear tyres cost £95 each.", ["£95"], "amount"),
        ),
        (
            detail(9, "Assistant: The delivery fee is £5 for the sofa.", ["£5"], "amount"),
            detail(40, "Assistant: The delivery fee is £3 for the table.", ["£3"], "amount"),
        ),
        (
            detail(
                9, "User: My husband's phone number is 07700 900123.", ["07700 900123"], "phone"
            ),
            detail(40, "User: My phone number is 07700 900456.", ["07700 900456"], "phone"),
        ),
        (
            Detail(
                first_position=9,
                last_position=9,
                text="Assistant: Invoice INV-1001 total is £240.",
                values=["INV-1001", "£240"],
                kinds=["identifier", "amount"],
            ),
            Detail(
                first_position=40,
                last_position=40,
                text="Assistant: Invoice INV-1002 total is £180.",
                values=["INV-1002", "£180"],
                kinds=["identifier", "amount"],
            ),
        ),
        (
            Detail(
                first_position=9,
                last_position=9,
                text="Assistant: Room 12 is booked for 2 nights.",
                values=["12", "2 nights"],
                kinds=["number", "count"],
            ),
            Detail(
                first_position=40,
                last_position=40,
                text="Assistant: Room 14 is booked for 3 nights.",
                values=["14", "3 nights"],
                kinds=["number", "count"],
            ),
        ),
        (
            detail(9, "Assistant: Paris flight departs at 09:40.", ["09:40"], "time"),
            detail(40, "Assistant: Rome flight departs at 18:15.", ["18:15"], "time"),
        ),
    ],
    ids=[
        "doctors",
        "guests",
        "son-daughter",
        "front-rear",
        "sofa-table",
        "husband",
        "invoices",
        "rooms",
        "cities",
    ],
)
def test_a_newer_detail_naming_someone_else_supersedes_nothing(
    older: Detail, newer: Detail
) -> None:
    assert superseded_indexes([older, newer]) == set()
    assert kept_details([older], [newer]) == [older, newer]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"first_position": 50, "last_position": 3}, "first_position is after last_position"),
        ({"values": ["£999"], "kinds": ["amount"]}, "values not in its text"),
        ({"kinds": ["bogus"]}, "unknown kinds"),
        ({"kinds": []}, "values and kinds differ"),
        (
            {"replaced": [{"old": "£999", "new": "£259", "how": "changed"}]},
            "replaced values not among its values",
        ),
        ({"replaced": [{"old": "£239", "new": "", "how": "changed"}]}, "at least 1 character"),
        ({"replaced": [{"old": "£239", "new": "£259", "how": "moved"}]}, "changed"),
    ],
)
def test_an_import_takes_only_details_a_fold_would_write(
    change: dict[str, object], problem: str
) -> None:
    good = detail(9, "Assistant: The service total is £239.", ["£239"], "amount")
    good = good.model_copy(
        update={"replaced": [ReplacedValue(old="£239", new="£259", how="changed")]}
    )
    assert ExportedMemory(details=[good]).details == [good]
    with pytest.raises(ValidationError, match=problem):
        ExportedMemory.model_validate({"details": [{**good.model_dump(), **change}]})


def test_an_import_takes_at_most_the_details_a_session_keeps() -> None:
    many = [
        detail(i + 1, f"User: {1000 + i}", [str(1000 + i)], "number") for i in range(MAX_DETAILS)
    ]
    assert len(ExportedMemory(details=many).details) == MAX_DETAILS
    extra = detail(999, "User: 99999", ["99999"], "number")
    with pytest.raises(ValidationError, match="at most"):
        ExportedMemory.model_validate({"details": [d.model_dump() for d in [*many, extra]]})


def test_the_kinds_an_import_takes_are_the_kinds_values_and_kept_clauses_have() -> None:
    assert {kind.value for kind in Kind} | CLAUSE_KINDS == DETAIL_KINDS


def test_past_the_bound_without_a_superseded_detail_the_oldest_goes() -> None:
    first = detail(1, "User: 84,312", ["84,312"], "number")
    second = detail(2, "Assistant: The service total is £239.", ["£239"], "amount")
    third = detail(3, "Assistant: Your courtesy car is YD68 PWE.", ["YD68"], "identifier")
    assert kept_details([first, second], [third], limit=2) == [second, third]


def test_past_the_bound_a_superseded_detail_goes_before_the_oldest() -> None:
    first = detail(1, "Assistant: Your courtesy car is YD68 PWE.", ["YD68"], "identifier")
    older = detail(2, "Assistant: The service total is £239.", ["£239"], "amount")
    newer = detail(3, "Assistant: The service total is now £259.", ["£259"], "amount")
    assert kept_details([first, older], [newer], limit=2) == [first, newer]


def test_a_stored_detail_without_the_flag_is_not_superseded() -> None:
    stored = detail(1, "User: 84,312", ["84,312"], "number").model_dump()
    del stored["superseded"]
    assert Detail.model_validate(stored).superseded is False
    imported = ExportedMemory.model_validate({"details": [{**stored, "superseded": True}]})
    assert imported.details[0].superseded is True


def test_an_older_stored_state_has_no_details() -> None:
    assert MemoryState.model_validate({"version": 3, "folded_count": 10}).details == []


def _opening(greetings: list[str], question: str, answer: str) -> list[tuple[Role, str]]:
    """Four greeting turns, then a question (message 5, ending the first fold) that states
    a value, answered by message 6 (opening the second)."""
    roles: list[Role] = ["user", "assistant", "user", "assistant"]
    return [*zip(roles, greetings, strict=True), ("assistant", question), ("user", answer)]


@pytest.mark.parametrize(
    ("turns", "expected", "values"),
    [
        (
            _opening(
                ["Hi.", "Hello.", "Thanks.", "Sure."],
                "Is the mileage still 79,000?",
                "No, it is 84,312 now.",
            ),
            "Assistant: Is the mileage still 79,000?\nUser: No, it is 84,312 now.",
            ["79,000", "84,312"],
        ),
        (
            _opening(
                ["سلام", "سلام، در خدمتم.", "ممنون.", "خواهش می‌کنم."],
                "شماره پرونده‌تون ۴۸۲۱۳۷ است؟",
                "نه، ۴۸۲۱۹۹ است.",
            ),
            "Assistant: شماره پرونده‌تون ۴۸۲۱۳۷ است؟\nUser: نه، ۴۸۲۱۹۹ است.",
            ["۴۸۲۱۳۷", "۴۸۲۱۹۹"],
        ),
        (
            _opening(
                ["สวัสดีค่ะ", "สวัสดีครับ", "ขอบคุณค่ะ", "ครับ"],
                "เบอร์ 081-234-5678 ใช่ไหมครับ",
                "ไม่ใช่ค่ะ 089-111-2222 ค่ะ",
            ),
            "Assistant: เบอร์ 081-234-5678 ใช่ไหมครับ\nUser: ไม่ใช่ค่ะ 089-111-2222 ค่ะ",
            ["081-234-5678", "089-111-2222"],
        ),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_question_that_ends_a_fold_is_stored_once_with_its_answer(
    turns: list[tuple[Role, str]], expected: str, values: list[str]
) -> None:
    state = _fold_all(turns)
    assert _texts(state) == [expected]
    assert (state.details[0].first_position, state.details[0].last_position) == (5, 6)
    assert state.details[0].values == values


@pytest.mark.parametrize(
    ("filler", "kept"),
    [
        ("No problem, anything else I can help with today?", "It arrives tomorrow at 10:00."),
        ("امروز کار دیگه‌ای هست؟", "فردا ساعت ۱۰ میاد."),
        ("วันนี้มีอะไรให้ช่วยอีกไหมครับ", "พรุ่งนี้เช้าส่งครับ"),
    ],
    ids=["english", "persian", "thai"],
)
def test_today_or_tomorrow_alone_is_no_detail(filler: str, kept: str) -> None:
    state = _fold_all([("user", "ok"), ("assistant", filler), ("user", "ok"), ("assistant", kept)])
    assert _texts(state) == [f"Assistant: {kept}"]


@pytest.mark.parametrize(
    ("said", "value", "kind"),
    [
        (
            "also can you keep the old discs, want to show them",
            "can you keep the old discs",
            "instruction",
        ),
        ("کارت به کارت میکنم موقع تحویل", "کارت به کارت میکنم موقع تحویل", "instruction"),
        ("ไม่ต้องเซ็นรับนะคะ", "ไม่ต้องเซ็นรับนะคะ", "instruction"),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_request_without_a_value_is_kept_with_its_clause(
    said: str, value: str, kind: str
) -> None:
    state = _fold_all([("user", "ok"), ("assistant", "Noted."), ("user", said)])
    assert _texts(state) == [f"User: {said}"]
    assert (state.details[0].values, state.details[0].kinds) == ([value], [kind])
    assert state.details[0].problem() is None


def test_sentences_of_one_message_kept_for_their_clauses_are_one_detail() -> None:
    said = "ตอนไปดูห้องเห็นก๊อกซิงค์ล้างจานรั่ว แล้วแอร์ห้องนอนมีน้ำหยดด้วยค่ะ"
    state = _fold_all([("user", "สวัสดีค่ะ"), ("assistant", "ครับ"), ("user", said)])
    assert _texts(state) == [f"User: {said}"]
    assert state.details[0].kinds == ["problem", "problem"]


def test_small_talk_without_a_value_is_no_detail() -> None:
    turns: list[tuple[Role, str]] = [
        ("user", "thanks so much!"),
        ("assistant", "You're welcome, anything else?"),
        ("user", "ممنون، روز خوبی داشته باشید"),
        ("user", "ขอบคุณมากค่ะ"),
    ]
    assert _fold_all(turns).details == []


def test_a_detail_is_superseded_only_while_its_reason_holds() -> None:
    # Given a collection moved, its older detail flagged superseded at one fold
    old = detail(3, "Assistant: Collection booked for 5pm.", ["5pm"], "time")
    new = detail(5, "Assistant: I've changed your collection to 5:45.", ["5:45"], "time")
    kept = kept_details([], [old, new])
    assert [d.superseded for d in kept] == [True, False]
    # When a later fold says the old time again (back to it after all)
    again = detail(9, "User: Collection at 5pm after all, please.", ["5pm"], "time")
    # Then it is current again: no longer superseded, as if folded in one go
    refolded = kept_details(kept, [again])
    assert [d.superseded for d in refolded] == [False, False, False]
    assert [d.superseded for d in kept_details([], [old, new, again])] == [False, False, False]


def test_an_answer_opening_a_fold_keeps_its_question_past_a_stored_sentence() -> None:
    """The stored detail ending the fold is the message's sentence with a value, not its
    question: joined to it, the answer would lose what it answers."""
    turns: list[tuple[Role, str]] = [
        ("user", "Hi."),
        ("assistant", "Hello."),
        ("user", "Thanks."),
        ("assistant", "Sure."),
        ("assistant", "Refills take 2 business days. Which pharmacy should it go to?"),
        ("user", "walgreens downtown"),
    ]
    texts = _texts(_fold_all(turns))
    assert "Assistant: Which pharmacy should it go to?\nUser: walgreens downtown" in texts
