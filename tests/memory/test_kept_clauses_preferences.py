"""A customer's preference of one way over another is kept as a choice ("… instead", "I'd
rather …", «به جای …», «…ดีกว่า»: ``domain.memory.offline.preferences_stated``), in English,
Persian and Thai; questions, refusals and things turned down are not."""

from __future__ import annotations

import pytest

from domain.memory.details import details_of
from domain.memory.engine import TranscriptLine
from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _kept(sentence: str, speaker: str = "User") -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in clauses_kept([Candidate(sentence, speaker, (0, 0))])]


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        (
            "they want maroon with a white sash across the front instead",
            "they want maroon with a white sash across the front instead",
        ),
        (
            "but Taieri Toyota stepped in, they'll be the front logo instead",
            "they'll be the front logo instead",
        ),
        ("rather do it in person when I come in, tbh", "rather do it in person when I come in"),
        ("بجاش پسرم میاد تحویل بگیره", "بجاش پسرم میاد تحویل بگیره"),
        ("عوضش یه کارت هدیه برای دخترم باشه", "عوضش یه کارت هدیه برای دخترم باشه"),
        ("ส่งที่โรงเรียนเลยดีกว่าค่ะ", "ส่งที่โรงเรียนเลยดีกว่าค่ะ"),
        ("โอนเข้าบัญชีดีกว่าครับ", "โอนเข้าบัญชีดีกว่าครับ"),
        # the customer's own, conditional or by the household: still a preference
        ("اگه موجود نیست بجاش پولمو برگردونید", "اگه موجود نیست بجاش پولمو برگردونید"),
        ("my son will collect it instead", "my son will collect it instead"),
        ("ถ้าไม่มีของ คืนเงินดีกว่าค่ะ", "ถ้าไม่มีของ คืนเงินดีกว่าค่ะ"),
    ],
)
def test_a_preference_over_what_was_settled_is_a_choice(sentence: str, clause: str) -> None:
    assert (clause, "choice") in _kept(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a question: it asks, it settles nothing
        "should we do black instead?",
        "بجاش کی میاد؟",
        "عوضش چی پیشنهاد میدید؟",
        "แบบไหนดีกว่าคะ",
        "สีดำดีกว่าสีขาวไหมคะ",
        # a refusal, a thing turned down
        "I'd rather not say",
        "ไม่เอาดีกว่าค่ะ",
        "ไม่บอกดีกว่าครับ",
        # "rather" as "quite"; a comparison, no choice
        "That's rather a long time",
        "เพื่อนบอก Michelin เกาะถนนดีกว่ามาก",
        # the way turned down named: the detail would show it as if still wanted
        "he'd rather pay on the club visa card than bank transfer",
        "they want black instead of navy",
        "رنگش به جای سفید مشکی باشه",
        "ดีกว่ารอไปเดือนหน้า",
        # chat: what the customer does for themselves
        "honestly I'll just have a coffee instead lol",
    ],
)
def test_a_question_refusal_or_chat_with_a_preference_word_keeps_nothing(sentence: str) -> None:
    assert _kept(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We can deliver it on the Friday instead",
        "به جای حواله، کارت به کارت هم قبول می‌کنیم",
        "ส่งทางไปรษณีย์ดีกว่าค่ะ",
    ],
)
def test_the_agent_states_no_preference_of_the_customer(sentence: str) -> None:
    assert all(kind != "choice" for _, kind in _kept(sentence, "Assistant"))


def test_a_preference_with_no_value_is_kept_in_a_detail() -> None:
    lines = [
        TranscriptLine(1, "m1", "assistant", "Sorry to hear that."),
        TranscriptLine(
            2, "m2", "user", "but Taieri Toyota stepped in, they'll be the front logo instead"
        ),
    ]
    assert any("Taieri Toyota" in detail.text for detail in details_of(lines))


@pytest.mark.parametrize(
    "sentence",
    [
        # what the shop, the courier or someone else did: a complaint, news
        "I ordered the black one but you sent me the navy one instead",
        "the courier left it at the post office instead",
        "they charged me for express delivery instead",
        "My husband wanted to collect it instead but I said no",
        "it was supposed to be delivered today, it's coming tomorrow instead",
        "سفید سفارش دادم ولی بجاش مشکی فرستادید",
        "بجای اینکه پول برگردونید فرستادید یه رنگ دیگه عوضش",
    ],
)
def test_a_report_of_what_was_done_instead_is_no_preference(sentence: str) -> None:
    assert all(kind != "choice" for _, kind in _kept(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # a way only thought of: nothing chosen yet, and often not taken later
        "i was thinking of moving to the Salford Quays gym instead as itll be right by work",
        "maybe we could do the garden instead",
        "شاید بجاش پسرم بیاد تحویل بگیره",
        "อาจจะส่งที่โรงเรียนดีกว่าค่ะ",
        # a bare verb of change: what is chosen is not named
        "เปลี่ยนดีกว่าค่ะ",
        "เอาดีกว่าครับ",
    ],
)
def test_a_way_only_thought_of_is_no_preference(sentence: str) -> None:
    assert all(kind != "choice" for _, kind in _kept(sentence))
