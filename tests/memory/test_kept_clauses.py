"""Clauses a detail keeps that state no value: requests, choices, people, places, faults
(``domain.memory.offline.kept_clauses``), value by value in English, Persian and Thai."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _unit(*turns: tuple[str, str]) -> list[Candidate]:
    return [Candidate(text, speaker, (index, 0)) for index, (speaker, text) in enumerate(turns)]


def _kept(*turns: tuple[str, str]) -> list[tuple[str, str]]:
    return [(clause.text, clause.kind) for clause in clauses_kept(_unit(*turns))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # English: a request, an imperative, a way that suits, a wish
        (
            "also can you keep the old discs, want to show my brother",
            ("can you keep the old discs", "instruction"),
        ),
        (
            "yeh fine just plug it back in after pls",
            ("just plug it back in after pls", "instruction"),
        ),
        ("ringing is fine", ("ringing is fine", "instruction")),
        (
            "I'd like the invoice sent to my office",
            ("I'd like the invoice sent to my office", "instruction"),
        ),
        # Persian: a decision, an imperative, «لطفا»
        ("کارت به کارت میکنم موقع تحویل", ("کارت به کارت میکنم موقع تحویل", "instruction")),
        (
            "بیمه بدنه رو هم بزنید، ریسک نمیکنم",
            ("بیمه بدنه رو هم بزنید، ریسک نمیکنم", "instruction"),
        ),
        ("لطفا کیسه‌ها رو جدا بسته‌بندی کنید", ("لطفا کیسه‌ها رو جدا بسته‌بندی کنید", "instruction")),
        # Thai: «ช่วย», «ขอ», «ไม่ต้อง»
        ("ช่วยซ่อมก่อนเข้าอยู่ได้มั้ยคะ", ("ช่วยซ่อมก่อนเข้าอยู่ได้มั้ยคะ", "instruction")),
        ("ขอเปลี่ยนเป็นบัตรเครดิตครับ", ("ขอเปลี่ยนเป็นบัตรเครดิตครับ", "instruction")),
        ("ไม่ต้องเซ็นรับนะคะ", ("ไม่ต้องเซ็นรับนะคะ", "instruction")),
        # an option agreed to
        ("yes let's do the Mintex ones", ("let's do the Mintex ones", "choice")),
        ("باشه همون بیمه کامل", ("همون بیمه کامل", "choice")),
        ("งั้นเอาสีฟ้าครับ", ("งั้นเอาสีฟ้าครับ", "choice")),
        # a person by relation and name
        (
            "my partner Sarah will pick it up, shes on the insurance.",
            ("my partner Sarah will pick it up", "person"),
        ),
        ("آره دخترم آوا، کلاس بچه ها بود", ("دخترم آوا، کلاس بچه ها بود", "person")),
        ("คุณพ่อชื่อสมชาย ใจดีครับ", ("คุณพ่อชื่อสมชาย ใจดีครับ", "person")),
        # where something is
        (
            "oh and the locking wheel nut key is in the glovebox, the lads couldnt find it",
            ("the locking wheel nut key is in the glovebox", "place"),
        ),
    ],
)
def test_a_customer_sentence_keeps_its_clause(sentence: str, expected: tuple[str, str]) -> None:
    assert _kept(("User", sentence)) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Also the rear nearside shock absorber is leaking, it's misting oil down the body.",
            "the rear nearside shock absorber is leaking",
        ),
        ("کمک فنر عقب چپ نشتی داره", "کمک فنر عقب چپ نشتی داره"),
        ("ช่างบอกท่อน้ำทิ้งตัน", "ช่างบอกท่อน้ำทิ้งตัน"),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_fault_either_side_states_is_kept(sentence: str, expected: str) -> None:
    assert _kept(("Assistant", sentence)) == [(expected, "problem")]


@pytest.mark.parametrize(
    ("question", "answer", "kind"),
    [
        ("Where will you be driving to?", "Up to the Lake District", "place"),
        ("یه سوال دیگه، مسیرتون کجاست؟", "میخوایم بریم شمال، رامسر", "place"),
        ("จะย้ายไปอยู่ที่ไหนครับ", "เชียงใหม่", "place"),
        ("And the student's full name?", "Arian Sharifi", "person"),
        ("نام و نام خانوادگی زبان آموز؟", "آرین شریفی", "person"),
        ("ขอชื่อผู้เช่าด้วยครับ", "ภูมิ ใจดี", "person"),
    ],
)
def test_a_short_answer_to_a_where_or_name_question_is_kept(
    question: str, answer: str, kind: str
) -> None:
    assert _kept(("Assistant", question), ("User", answer)) == [(answer, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "thanks so much!",
        "ok great",
        "sounds good",
        "that is fine",
        "can you help?",
        "can you tell me the price?",
        "my mum says hi",
        "خواهش میکنم",
        "صبر کنید",
        "ممنون، روز خوبی داشته باشید",
        "مامانم میگه سلام برسونم",
        "قیمتش چنده؟",
        "ขอบคุณมากค่ะ",
        "โอเคค่ะ",
        "ช่วงนี้ที่ล็อบบี้ของหายบ่อย",
        "ราคาเท่าไหร่คะ ขอทราบหน่อย",
        # a cue inside another word or phrase: «ขอนแก่น» (a city), «همین الان» (right now)
        "อำเภอเมืองขอนแก่น",
        "همین الان پیامکش آمد",
    ],
)
def test_small_talk_and_questions_for_information_keep_nothing(sentence: str) -> None:
    assert _kept(("User", sentence)) == []


def test_only_the_customer_gives_instructions() -> None:
    assert _kept(("Assistant", "Please keep the receipt for your records.")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a feeling said with a fault's words
        "my heart is broken since my dog died",
        "The problem is I'm worn out",
        "راستش حالم خیلی خرابه امروز",
        "قلبم شکسته",
        "ใจพังมากเลยวันนี้",
        "ผมตันมากเลย",
        # musing, a rhetorical question, a light verb, an idiom
        "Let's see what you think",
        "can you believe the weather today, it's so cold",
        "I'll take a look tomorrow",
        "Go with the flow I guess",
        # what the customer does for themselves, a wish, a joke, asking for guidance
        "ممنون میشم اگه راهنمایی کنید",
        "فکر میکنم بهتره اول یه چای بخورم",
        "میرم خونه استراحت میکنم",
        "همین دیگه، چیز دیگه ای نیست",
        "อยากกินข้าวมันไก่จังเลย",
        "ขอให้โชคดีนะครับ",
        "อย่าลืมกินข้าวนะ",
        "555 เดี๋ยวซื้อไส้อั่วไปฝากนะคะ",
        # Thai request words with a word or less besides them
        "ขอคิดดูก่อนนะครับ",
        # a Thai deferral: the customer will think, consult or check first
        "แพงขึ้นเยอะเลยค่ะ 🤔 ขอปรึกษาพ่อเค้าก่อนนะคะ",
        "ได้รับเมลใบยืนยันแล้วค่ะ แต่ขอเช็กอีกทีนะ",
        "ส่วนต่างเยอะอยู่นะครับ ขอคิดแป๊บ",
        # a Thai change announced, its new value not said yet
        "ขอแก้ที่อยู่นิดนึงค่ะ",
        "แล้วก็ขอเลื่อนวันส่งได้ไหมคะ",
        "ไม่ต้องห่วงครับ",
        "ช่วยด้วย",
    ],
)
def test_chat_with_a_request_or_fault_word_keeps_nothing(sentence: str) -> None:
    assert _kept(("User", sentence)) == []


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Where do you live?", "Honestly not sure what you mean"),
        ("Where do you live?", "where do I live?"),
        ("کجا زندگی میکنید؟", "بعدا میگم بهتون"),
        ("اسمتون چیه؟", "نمیدونم چرا این سوال رو میپرسید"),
        ("ชื่ออะไรคะ", "ไม่บอกดีกว่าครับ"),
        ("ส่งที่ไหนคะ", "รอสักครู่นะคะ"),
        ("อยู่ที่ไหนคะ", "เดี๋ยวขอสอบถามหัวหน้าก่อนนะคะ"),
        ("Where is the nearest branch?", "let me check with the team"),
        # only the question's own words back
        ("What name is the booking under?", "the booking name"),
    ],
)
def test_a_reply_that_answers_nothing_is_no_place_or_person(question: str, answer: str) -> None:
    assert _kept(("Assistant", question), ("User", answer)) == []


def test_thai_which_after_a_noun_asks_a_choice_not_a_place() -> None:
    assert _kept(("Assistant", "สนใจรุ่นไหนคะ"), ("User", "รุ่นโปรสีดำครับ")) == [
        ("รุ่นโปรสีดำ", "choice")  # the answer without its particle
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("my dishwasher stopped draining", "my dishwasher stopped draining"),
        ("the washing machine won't drain", "the washing machine won't drain"),
        ("the drum doesn't spin any more", "the drum doesn't spin any more"),
        ("the fridge isn't cooling", "the fridge isn't cooling"),
        ("ماشین لباسشویی آب رو تخلیه نمیکنه", "ماشین لباسشویی آب رو تخلیه نمیکنه"),
        ("یخچال خنک نمیکنه", "یخچال خنک نمیکنه"),
        ("لپ تاپ روشن نمیشه", "لپ تاپ روشن نمیشه"),
        ("เครื่องซักผ้าไม่ระบายน้ำ", "เครื่องซักผ้าไม่ระบายน้ำ"),
        ("เครื่องไม่ปั่นแห้ง", "เครื่องไม่ปั่นแห้ง"),
    ],
)
def test_a_thing_that_does_not_do_its_job_is_a_fault(sentence: str, expected: str) -> None:
    assert _kept(("User", sentence)) == [(expected, "problem")]


@pytest.mark.parametrize(
    "sentence",
    [
        "It doesn't depend on the depot",
        "the move doesn't affect the date",
        "my son isn't coming",
        "The hinge isn't covered by the warranty",
        "สาขาเซ็นทรัลลาดพร้าวครับ",  # «ร้าว» (cracked) inside «พร้าว»
    ],
)
def test_a_thing_not_doing_what_is_no_function_is_no_fault(sentence: str) -> None:
    assert _kept(("User", sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an allergy or a diet: a constraint
        ("I'm allergic to penicillin", "I'm allergic to penicillin"),
        ("we're vegetarian", "we're vegetarian"),
        ("من به پنی\u200cسیلین حساسیت دارم", "من به پنی\u200cسیلین حساسیت دارم"),
        ("گیاهخوار هستیم", "گیاهخوار هستیم"),
        ("ผมแพ้ถั่วครับ", "ผมแพ้ถั่วครับ"),
        # a need, an imperative of "make", a Thai «… ให้ด้วย»
        ("I need it gift wrapped", "I need it gift wrapped"),
        ("Make it the blue one", "Make it the blue one"),
        ("ห่อของขวัญให้ด้วยนะคะ", "ห่อของขวัญให้ด้วยนะคะ"),
        # what not, kept with the clause it qualifies
        ("Please invoice the company, not me", "Please invoice the company, not me"),
    ],
)
def test_a_constraint_or_request_said_plainly_is_kept(sentence: str, expected: str) -> None:
    assert _kept(("User", sentence)) == [(expected, "instruction")]


def test_a_thai_clause_saying_what_instead_is_kept_with_the_one_before() -> None:
    # «ไม่ต้องโทร» (don't call) alone is half the instruction: one detail holds both
    line = TranscriptLine(1, "m1", "user", "ไม่ต้องโทรนะครับ ส่งไลน์มาแทน")
    (detail,) = details_of([line])
    assert detail.values == ["ไม่ต้องโทรนะครับ", "ส่งไลน์มาแทน"]


@pytest.mark.parametrize(
    "sentence",
    ["ขอเลื่อนเป็นหลังปีใหม่ได้ไหมคะ", "ขอย้ายไปสาขาบางนาค่ะ", "ขอเปลี่ยนสีเป็นสีเทาค่ะ"],
)
def test_a_thai_change_that_says_what_to_is_kept(sentence: str) -> None:
    assert _kept(("User", sentence)) == [(sentence, "instruction")]


@pytest.mark.parametrize("sentence", ["ขอเปลี่ยนสีครีมค่ะ", "ขอเปลี่ยนห้องเตียงคู่ค่ะ"])
def test_a_thai_change_naming_its_new_value_without_pen_is_kept(sentence: str) -> None:
    assert _kept(("User", sentence)) == [(sentence, "instruction")]


@pytest.mark.parametrize("sentence", ["ขอแก้ที่อยู่นิดนึงค่ะ", "ขอเลื่อนวันส่งได้ไหมคะ", "ขอเปลี่ยนนิดนึงค่ะ"])
def test_a_thai_change_only_announced_keeps_nothing(sentence: str) -> None:
    assert _kept(("User", sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("ACH transfer it is", "ACH transfer it is"),
        ("ok the blue one it is then", "the blue one it is then"),
        ("งั้นโอนพร้อมเพย์ค่ะ", "งั้นโอนพร้อมเพย์ค่ะ"),
    ],
)
def test_an_option_settled_on_is_a_choice(sentence: str, expected: str) -> None:
    assert _kept(("User", sentence)) == [(expected, "choice")]


@pytest.mark.parametrize(
    "sentence",
    [
        "That's just the way it is.",
        "I'm not sure how old it is.",
        "No matter how big it is",
        "งั้นเอาไว้ก่อนนะคะ",
        "งั้นรับไม่ได้ค่ะ",
    ],
)
def test_a_sentence_ending_in_it_is_or_a_thai_refusal_settles_nothing(sentence: str) -> None:
    assert _kept(("User", sentence)) == []


@pytest.mark.parametrize(
    "sentence", ["با سلام، لطفا بفرستید", "با تشکر، بفرستید", "با اینکه بفرستید"]
)
def test_a_persian_greeting_or_concession_with_ba_asks_for_nothing(sentence: str) -> None:
    assert _kept(("User", sentence)) == []


def test_a_persian_way_of_doing_with_ba_is_kept() -> None:
    assert _kept(("User", "با پیک بفرستید")) == [("با پیک بفرستید", "instruction")]
