"""Words that open a reply are no part of a value, in English, Persian and Thai, value by
value: "yes same company" names no one, «آقای صالحی اسباب‌کشی کردن» names «صالحی» with
half a verb, «آره مدل آتنا طوسی» is the model «مدل آتنا طوسی» (its colour with it), and a
noted code's lead-in starts after "and".
"""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.holder_names import names_on_record
from domain.memory.offline.kept_clauses import clauses_kept
from domain.memory.offline.named_fa import things_named
from domain.memory.offline.person_names import people_named
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("Same company name on the invoice, Brightwave Analytics Ltd?", "yes same company"),
        ("Who should we put the booking under, same name as before?", "the same as before"),
        ("اسم گیرنده رو بفرمایید؟", "همون قبلی"),
        ("ขอชื่อผู้รับด้วยค่ะ", "เหมือนเดิมค่ะ"),
    ],
)
def test_a_reply_pointing_back_is_no_new_name(question: str, reply: str) -> None:
    facts = facts_of(("assistant", question), ("user", reply))
    assert "customer_name" not in facts and "recipient_name" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "مدیر ساختمونمون عوض شده، آقای صالحی اسباب‌کشی کردن رفتن",
        "خانم احمدی عذر میخوام، من اشتباه تایپ کردم.",
        "مدیرمون آقای صالحی ـه، شمارش 0912 441 3307",
    ],
)
def test_half_a_persian_verb_after_a_family_name_is_no_name(text: str) -> None:
    assert people_named(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("آقای علی کریمی زنگ زد", "علی کریمی"),
        ("خانم سارا احمدی گفتن فردا میان", "سارا احمدی"),
    ],
)
def test_a_full_name_before_a_verb_is_still_a_name(text: str, name: str) -> None:
    assert [person.name for person in people_named(text)] == [name]


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("آره مدل آتنا طوسی رو دیدم، مات‌تره", "مدل آتنا طوسی"),
        ("ما معمولا سرامیک مدل راک طوسی پیشنهاد میدیم", "سرامیک مدل راک طوسی"),
    ],
)
def test_a_reply_word_before_a_model_is_no_part_of_it(text: str, thing: str) -> None:
    assert [named.text for named in things_named(text)] == [thing]


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("and finance have given me the PO, it's PO-558213", "finance have given me the PO"),
        ("و اینم شماره‌ای که دادن WS-77120 هست", "اینم شماره‌ای که دادن WS-77120"),
    ],
)
def test_a_noted_code_s_lead_in_starts_after_the_reply_word(message: str, value: str) -> None:
    facts = facts_of(("user", message))
    noted = [v for k, v in facts.items() if k.startswith("reference")]
    assert noted and noted[0].startswith(value.split(",")[0])
    assert not noted[0].startswith(("and ", "و "))


@pytest.mark.parametrize(
    "text",
    [
        "แล้วใบกำกับภาษีจะให้ออกในนามอะไรครับ",
        "ในนามบุคคลค่ะ ชื่อตัวเองเลย",
        "فاکتور به نام چی صادر بشه؟",
        "به نام کی ثبت کنم؟",
    ],
)
def test_a_question_word_on_record_is_no_holder_name(text: str) -> None:
    assert names_on_record(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ในนามบุคคลธรรมดา คุณสมชาย ใจดีครับ", "สมชาย ใจดี"),
        ("به نام علی رضایی ثبت شده", "علی رضایی"),
        ("It's under the name of Dana Whitfield", "Dana Whitfield"),
    ],
)
def test_a_name_on_record_is_still_read(text: str, name: str) -> None:
    assert [found.name for found in names_on_record(text)] == [name]


@pytest.mark.parametrize(
    ("question", "reply", "key", "name"),
    [
        (
            "What name should I put the booking under?",
            "hey, Dana Whitfield",
            "customer_name",
            "Dana Whitfield",
        ),
        (
            "What name should I put the booking under?",
            "Alright, Dana Whitfield",
            "customer_name",
            "Dana Whitfield",
        ),
        ("اسم گیرنده رو بفرمایید؟", "اوکی، مریم کاظمی", "recipient_name", "مریم کاظمی"),
        ("اسم گیرنده رو بفرمایید؟", "سلام، مریم کاظمی", "recipient_name", "مریم کاظمی"),
    ],
)
def test_a_greeting_or_acknowledgement_opening_a_reply_is_no_part_of_the_name(
    question: str, reply: str, key: str, name: str
) -> None:
    assert facts_of(("assistant", question), ("user", reply))[key] == name


@pytest.mark.parametrize(
    ("message", "value"),
    [
        (
            "alright, finance have given me the PO, it's PO-558213",
            "finance have given me the PO, it's PO-558213",
        ),
        ("اوکی اینم شماره‌ای که دادن WS-77120 هست", "اینم شماره‌ای که دادن WS-77120"),
        ("چشم اینم شماره‌ای که دادن WS-77120 هست", "اینم شماره‌ای که دادن WS-77120"),
        # "fine" also says what a code is of: a penalty's reference
        ("Fine ref PCN-88123 came in the post", "Fine ref PCN-88123"),
    ],
)
def test_an_acknowledgement_opening_a_noted_code_is_no_part_of_its_lead_in(
    message: str, value: str
) -> None:
    facts = facts_of(("user", message))
    assert [v for k, v in facts.items() if k.startswith("reference")] == [value]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("alright let's go with the blue one", "let's go with the blue one"),
        ("اوکی همون مدل آبی رو میخوام", "همون مدل آبی رو میخوام"),
        ("حتما همون مدل آبی رو میخوام", "همون مدل آبی رو میخوام"),
    ],
)
def test_an_acknowledgement_opening_a_choice_is_no_part_of_it(text: str, clause: str) -> None:
    assert [c.text for c in clauses_kept([Candidate(text, "User", (0, 0))])] == [clause]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("چشم‌بند طبی رو میخوام", "چشم‌بند طبی رو میخوام"),
        ("چشم بند طبی رو میخوام", "چشم بند طبی رو میخوام"),
        ("fine mesh sieve is the one I want", "fine mesh sieve is the one I want"),
        ("fine grain paper please", "fine grain paper please"),
        # the reply word, before punctuation or a word naming nothing: not kept
        ("چشم، لطفا جلوی در بذارید", "لطفا جلوی در بذارید"),
        ("fine, just leave it at the door", "leave it at the door"),
    ],
    ids=["fa-joined", "fa-spaced", "en-mesh", "en-grain", "fa-reply", "en-reply"],
)
def test_a_reply_word_that_is_also_a_noun_stays_when_it_names_a_thing(
    text: str, clause: str
) -> None:
    assert [c.text for c in clauses_kept([Candidate(text, "User", (0, 0))])] == [clause]


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("چشم پزشکی کد نوبت AP-55218 رو داد", "چشم پزشکی کد نوبت AP-55218"),
        ("چشم، کد نوبت AP-55218 هست", "کد نوبت AP-55218"),
    ],
    ids=["fa-eye-clinic", "fa-reply"],
)
def test_an_eye_opening_a_noted_code_is_part_of_its_lead_in(message: str, value: str) -> None:
    facts = facts_of(("user", message))
    assert [v for k, v in facts.items() if k.startswith("reference")] == [value]


@pytest.mark.parametrize(
    ("question", "reply", "name"),
    [
        ("ขอชื่อผู้รับค่ะ", "ใช่ค่ะ สมชาย ใจดี", "สมชาย ใจดี"),
        ("ขอชื่อผู้รับค่ะ", "ได้เลยครับ สมชาย ใจดี", "สมชาย ใจดี"),
        ("ขอชื่อผู้รับค่ะ", "โอเคค่ะ สมชาย ใจดี", "สมชาย ใจดี"),
        ("ขอชื่อผู้รับค่ะ", "ค่ะ สมชาย ใจดี", "สมชาย ใจดี"),
        ("What's the recipient's name?", "Yes, Sarah Collins", "Sarah Collins"),
        ("اسم گیرنده رو بفرمایید؟", "بله، مریم کاظمی", "مریم کاظمی"),
    ],
    ids=["th-yes", "th-sure", "th-ok", "th-particle", "en-yes", "fa-yes"],
)
def test_a_yes_opening_a_reply_is_no_part_of_the_name(question: str, reply: str, name: str) -> None:
    assert facts_of(("assistant", question), ("user", reply)) == {"recipient_name": name}


def test_a_thai_name_followed_by_a_particle_is_kept_whole() -> None:
    # no yes opens it: the name is all of it
    facts = facts_of(("assistant", "ขอชื่อผู้รับค่ะ"), ("user", "สมชาย ใจดี ค่ะ"))
    assert list(facts.values()) == ["สมชาย ใจดี"]
