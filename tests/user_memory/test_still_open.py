"""A past conversation's line shows the open items still to be done, not the small talk.

``domain.user_memory.still_open``: an open item with no value that is a bare
acknowledgement ("👍 Will do.") or a reaction (laughter, a wish, a feeling) is left out
of the user-memory section; a promise, a pending action and any item with a value
stay. English, Persian and Thai, item by item.
"""

from __future__ import annotations

import pytest

from domain.user_memory.recall import recall
from domain.user_memory.recall_index import told
from domain.user_memory.still_open import still_to_do
from schemas.user_memory import UserMemoryState
from tests.user_memory.conversations import past_conversation

#: language: (items left out, items kept: a promise, a pending action, a value with laughter)
CASES = {
    "en": (
        ["👍 Will do.", "lol will do", "You'll love charging it off your own panels in summer."],
        [
            "You'll get a reminder text a few days before the install.",
            "Thanks, I'll send the invoice by email tomorrow.",
            "The engineer will need access to both meters, so the boxes might need moving 😄",
            "haha we'll see you at 10:30 then",
        ],
    ),
    "fa": (
        ["منتظرم", "پسرم تو راه فقط با آهنگ آروم میشه 😂", "امیدوارم خوشتون بیاد"],
        [
            "لینک پرداخت براتون پیامک میشه.",
            "ممنون، فاکتور رو فردا ایمیل می‌کنیم.",
            "ثبت شد ✅ تحویل شنبه بعدازظهر به آدرس پونک.",
            "خخخ پس ساعت ۱۰ میایم",
        ],
    ),
    "th": (
        ["หวังว่าพี่จะชอบนะ 555", "จะรอนะคะ", "ว้าว จะไปครับ"],
        [
            "ถ้ามีอะไรเปลี่ยนแปลงจะแจ้งในแชทนี้นะคะ",
            "แบบฟอร์ม CN22 พนักงานจะเอามาให้เซ็นด้วยนะครับ",
            "จะส่งต่อคำขอบคุณให้ทีมขนส่งนะคะ 🙏",
            "555 งั้นเจอกัน 10 โมงนะคะ",
        ],
    ),
}


@pytest.mark.parametrize("language", list(CASES))
def test_small_talk_leaves_the_open_items_and_what_is_still_to_do_stays(language: str) -> None:
    # Given a past conversation ending with promises and small talk in a future form
    chatter, to_do = CASES[language]
    conversation = past_conversation("s1", 0, language, "", [*chatter, *to_do])
    # When its line is told
    line = told(conversation)
    # Then each promise or pending action is there, whole, and no small talk is
    for item in to_do:
        assert item in line
    for item in chatter:
        assert item not in line


@pytest.mark.parametrize("language", list(CASES))
def test_the_room_small_talk_took_is_not_spent_in_the_section(language: str) -> None:
    # Given a past conversation whose only open items are small talk
    chatter, _ = CASES[language]
    conversation = past_conversation("s1", 0, language, "", chatter)
    state = UserMemoryState(conversations=[conversation])
    # Then the section shows none of it
    shown = recall(state, "", 1_000, current_session="s3").text
    for item in chatter:
        assert item not in shown


@pytest.mark.parametrize(
    "item", ["Send invoice.", "Refund pending", "Awaiting parts", "ส่งบิลค่ะ", "فاکتور میفرستیم"]
)
def test_a_short_to_do_is_still_open(item: str) -> None:
    # Two words may be all a to-do says: only one word besides the reply words is bare.
    assert still_to_do(item)


@pytest.mark.parametrize(
    ("item", "to_do"),
    [
        ("Thank youuu, will do", False),
        ("Yup yup, noted", False),
        ("Thank the team for the refund", True),
    ],
)
def test_every_shared_thanks_and_yes_word_is_a_reply_word(item: str, to_do: bool) -> None:
    # "thank" and "yup" are reply words like "thanks" and "yep"; a thing to do stays open
    assert still_to_do(item) is to_do


@pytest.mark.parametrize(
    ("item", "to_do"),
    [
        ("Thank Sara", True),
        ("thank the driver", True),
        ("Thank u", False),
        ("Thank you!", False),
        ("Thanks", False),
        ("ممنون", False),
        ("ขอบคุณค่ะ", False),
    ],
)
def test_thank_alone_is_the_verb_of_a_to_do(item: str, to_do: bool) -> None:
    # "Thank Sara" is something to do; "thank you" and "thanks" are a reply
    assert still_to_do(item) is to_do
