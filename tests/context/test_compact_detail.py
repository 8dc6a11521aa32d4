"""The compact form of a detail the context shows: its values and the words that say
what they are, in English, Persian and Thai."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from domain.context import assemble, render_text
from domain.context.compact_detail import compact_detail
from domain.tokens import ELLIPSIS, estimate_tokens
from schemas.memory_model import Budgets, Detail, Fact, FactValue
from tests.context.factories import NOW, detail, fact, memory, messages


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "Assistant: Drop-off is from 7:45. The key box is by the side door, round the back.",
            ["7:45"],
            "Assistant: Drop-off is from 7:45.",
        ),
        (
            "Assistant: ساعت کاری ۸ صبح تا ۱۲ شبه. همکارام همیشه در خدمت شما هستن!",
            ["۸ صبح", "۱۲"],
            "Assistant: ساعت کاری ۸ صبح تا ۱۲ شبه.",
        ),
        (
            "Assistant: ค่าเช่าเดือนละ 12,500 บาท ห้องนี้วิวสวยมากเลยนะ",
            ["12,500 บาท"],
            "Assistant: ค่าเช่าเดือนละ 12,500 บาท",
        ),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_sentence_without_a_value_is_left_out(text: str, values: list[str], shown: str) -> None:
    assert compact_detail(text, values) == shown


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "Assistant: Lovely, thanks Dan. What's the best mobile for you?\nUser: 07700 900418",
            ["07700 900418"],
            "Assistant: What's the best mobile for you?\nUser: 07700 900418",
        ),
        (
            "Assistant: خیلی ممنون. شماره موبایلتون برای هماهنگی؟\nUser: ۰۹۱۲۴۵۶۷۸۹۰",
            ["۰۹۱۲۴۵۶۷۸۹۰"],
            "Assistant: شماره موبایلتون برای هماهنگی؟\nUser: ۰۹۱۲۴۵۶۷۸۹۰",
        ),
        (
            "Assistant: ขอบคุณมากเลยนะครับ รบกวนขอเบอร์โทรด้วยครับ\nUser: 081-234-5678",
            ["081-234-5678"],
            "Assistant: รบกวนขอเบอร์โทรด้วย\nUser: 081-234-5678",
        ),
    ],
    ids=["english", "persian", "thai"],
)
def test_the_question_a_value_answers_is_kept_without_the_sentences_before_it(
    text: str, values: list[str], shown: str
) -> None:
    assert compact_detail(text, values) == shown


@pytest.mark.parametrize(
    ("text", "value", "opening", "kept"),
    [
        (
            "Assistant: Just so you know, since the parts are coming from the other depot, the"
            " total for the front discs and pads is £386.40 inc VAT, and we will call you as"
            " soon as the car is ready to collect in the afternoon.",
            "£386.40",
            "Assistant: Just so you know,",
            "the front discs and pads is £386.40 inc VAT, and",
        ),
        (
            "Assistant: طبق قرارداد و با توجه به شرایط فعلی بازار، ودیعه برای کلاس اقتصادی"
            " ۱۵ میلیون تومان هست که موقع تحویل ماشین گرفته میشه و بعد از برگشت آزاد میشه",
            "۱۵ میلیون تومان",
            "Assistant: طبق قرارداد و با",
            "ودیعه برای کلاس اقتصادی ۱۵ میلیون تومان هست که موقع",
        ),
    ],
    ids=["english", "persian"],
)
def test_a_long_sentence_is_cut_to_its_opening_and_a_window_around_its_value(
    text: str, value: str, opening: str, kept: str
) -> None:
    shown = compact_detail(text, [value])
    assert kept in shown
    assert shown.startswith(text[: len(opening)] + " " + ELLIPSIS)  # what it is about
    assert shown.endswith(ELLIPSIS)
    assert estimate_tokens(shown) < estimate_tokens(text) * 0.75


def test_words_between_two_values_are_kept() -> None:
    # They say how the values relate: cutting them would pair the wrong ones.
    text = (
        "Assistant: Yes, 1st April will be your last payment for Carlton Road at the old"
        " amount, then the first one for Bramley Close comes out on 15th May."
    )
    assert compact_detail(text, ["1st April", "15th May"]) == text


def test_a_short_reply_to_a_question_with_a_value_says_whether_it_was_taken() -> None:
    text = "Assistant: ساعت ۸ خوبه؟\nUser: اوف."
    assert compact_detail(text, ["ساعت ۸"]) == text
    long_reply = (
        "Assistant: Same number, 415-555-0198?\n"
        "User: actually text my wife instead, she handles all of this stuff for us."
    )
    assert compact_detail(long_reply, ["415-555-0198"]) == (
        "Assistant: Same number, 415-555-0198?\nUser: actually text my wife instead," + ELLIPSIS
    )


def test_a_value_not_found_as_it_stands_leaves_the_text_whole() -> None:
    text = "User: ส่งเข้าห้องวันที่ 28 ตอนสองทุ่มครับ ขอบคุณมากนะคะ"
    assert compact_detail(text, ["วันที่ 28 ตอน สองทุ่ม"]) == text


_LONG = (
    "User: Honestly I was a bit surprised when I checked, because the car had about 79,000"
    " miles on it when I first bought it from the dealer, and I have barely driven it since then."
    " We use the other car for the school run most days anyway."
)


def _shown_detail(stored: Detail, facts: Sequence[Fact] = ()) -> tuple[str, str]:
    """The one detail a 1,200-token context shows of ``stored``, and the context's text."""
    state = memory(recent="User: Thanks.", spans=(45, 80, 90), facts=facts)
    state = state.model_copy(update={"details": [stored]})
    ctx = assemble(
        state,
        messages([("user", "Message: fine, thanks. " * 4)] * 10, first_position=91),
        total_messages=100,
        budget=1200,
        budgets=Budgets(),
    )
    (shown,) = [d.text for d in ctx.details]
    return shown, render_text(ctx)


def test_the_context_shows_the_compact_form_and_the_store_keeps_the_whole_text() -> None:
    stored = detail(20, _LONG, ["79,000"], "number")
    shown, _ = _shown_detail(stored)
    assert shown == compact_detail(_LONG, ["79,000"])
    assert "79,000 miles" in shown
    assert "school run" not in shown
    assert stored.text == _LONG


@pytest.mark.parametrize(
    ("key", "current", "earlier", "said", "value"),
    [
        ("vehicle_mileage", "84,312 miles", "79,000 miles", _LONG, "79,000"),
        (
            "vehicle_mileage",
            "۸۴,۳۱۲ کیلومتر",
            "۷۹,۰۰۰ کیلومتر",
            "User: راستش موقع خرید حدود ۷۹,۰۰۰ کیلومتر کار کرده بود. از اون موقع کم رانندگی کردم.",
            "۷۹,۰۰۰ کیلومتر",
        ),
        (
            "monthly_rent",
            "12,500 บาท",
            "11,800 บาท",
            "User: ค่าเช่าเดิม 11,800 บาท ตอนนั้นยังไม่ได้ย้ายเข้ามาเลย",
            "11,800 บาท",
        ),
    ],
    ids=["english", "persian", "thai"],
)
def test_replaced_values_are_marked_in_the_compact_form(
    key: str, current: str, earlier: str, said: str, value: str
) -> None:
    replaced = fact(key, current).model_copy(
        update={"history": [FactValue(value=earlier, source_message_id="m1", updated_at=NOW)]}
    )
    shown, text = _shown_detail(detail(20, said, [value], "number"), [replaced])
    assert f"{value} (replaced by {current})" in shown
    compact = compact_detail(said, [value])
    assert compact != said
    assert shown.replace(f" (replaced by {current})", "") == compact
    assert shown in text


def test_a_thai_clause_before_the_one_with_the_value_is_kept() -> None:
    # Thai marks no sentence: the clause before may say what the value is of.
    text = "Assistant: ลูกค้าจ่ายด้วยบัตรเครดิต มัดจำ 5,000 บาทค่ะ"
    assert compact_detail(text, ["5,000 บาท"]) == "Assistant: ลูกค้าจ่ายด้วยบัตรเครดิต มัดจำ 5,000 บาท"


def test_a_thai_clause_a_particle_closes_says_nothing_of_the_next() -> None:
    # «ขอบคุณค่ะ» (thank you) is a sentence of its own, not what the value is of
    text = "User: ขอบคุณค่ะ รหัสไปรษณีย์ใหม่คือ 10500 ค่ะ"
    assert compact_detail(text, ["10500"]) == "User: รหัสไปรษณีย์ใหม่คือ 10500"


@pytest.mark.parametrize(
    ("text", "value", "shown"),
    [
        # «ค่า» ends «คุ้มค่า» (worth it), «จ้า» ends «เจ้า»: no particle to strip
        ("User: ค่าบริการ 500 บาทถือว่าคุ้มค่า", "500 บาท", "User: ค่าบริการ 500 บาทถือว่าคุ้มค่า"),
        (
            "User: ส่งพัสดุวันที่ 12 ธันวาคมให้เจ้า",
            "วันที่ 12 ธันวาคม",
            "User: ส่งพัสดุวันที่ 12 ธันวาคมให้เจ้า",
        ),
        # a particle of its own, or closing the last word, still goes
        ("User: ราคา 12,500 บาท ค่ะ", "12,500 บาท", "User: ราคา 12,500 บาท"),
        ("User: มัดจำ 5,000 บาทนะครับ", "5,000 บาท", "User: มัดจำ 5,000 บาท"),
    ],
)
def test_only_a_thai_particle_is_stripped_not_a_word_ending_like_one(
    text: str, value: str, shown: str
) -> None:
    assert compact_detail(text, [value]) == shown


def test_a_cut_persian_sentence_keeps_the_verb_closing_its_value_clause() -> None:
    text = (
        "User: بیعانه رو دیروز کارت به کارت کردم، ولی باقی مبلغ یعنی ۱۲ میلیون تومان رو "
        "همسرم موقع تحویل ماشین نقدی پرداخت میکنه اگه اشکالی نداره"
    )
    shown = compact_detail(text, ["۱۲ میلیون تومان"])
    assert "۱۲ میلیون تومان رو همسرم موقع تحویل ماشین نقدی پرداخت میکنه" in shown
    assert "اشکالی" not in shown  # the words after the verb are still cut


_LATER = " ฝากไว้ที่นิติบุคคลได้เลยค่ะ ช่วงบ่ายไม่ค่อยอยู่ค่ะ ขอบคุณมากค่ะ"


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "User: My order is 4471.  The box came  open. Thanks anyway.",
            ["4471"],
            "User: My order is 4471.",
        ),
        (
            "User: The box came open.\nMy order is 4471. Thanks anyway.",
            ["4471"],
            "User: My order is 4471.",
        ),
        (
            "User: شماره سفارشم ۴۴۷۱ هست. جعبه  باز رسید. ممنون.",
            ["۴۴۷۱"],
            "User: شماره سفارشم ۴۴۷۱ هست.",
        ),
        (
            "User: ส่งที่ ลุมพินี วิลล์  รามอินทรา ตึก B ห้อง 1508 ค่ะ" + _LATER,
            ["1508"],
            "User: ส่งที่ ลุมพินี วิลล์ รามอินทรา ตึก B ห้อง 1508",
        ),
        (
            "User: ส่งที่ ลุมพินี\nวิลล์ รามอินทรา ตึก B ห้อง 1508 ค่ะ" + _LATER,
            ["1508"],
            "User: ส่งที่ ลุมพินี วิลล์ รามอินทรา ตึก B ห้อง 1508",
        ),
    ],
    ids=[
        "english-spaces",
        "english-line-break",
        "persian-spaces",
        "thai-spaces",
        "thai-line-break",
    ],
)
def test_any_run_of_whitespace_between_sentences_is_read_as_one_space(
    text: str, values: list[str], shown: str
) -> None:
    assert compact_detail(text, values) == shown


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "Assistant: 😊 Friday 6pm works, I'll bring the contract 🙏",
            ["Friday 6pm"],
            "Assistant: Friday 6pm works, I'll bring the contract",
        ),
        (
            "User: آره اون خط دیگه کار نمیکنه 😅 شماره جدیدم اینه: 0990 318 2254",
            ["0990 318 2254"],
            "User: آره اون خط دیگه کار نمیکنه شماره جدیدم اینه: 0990 318 2254",
        ),
        ("User: ส่งวันที่ 12 มิ.ย. ได้เลย 😄", ["12 มิ.ย."], "User: ส่งวันที่ 12 มิ.ย. ได้เลย"),
    ],
    ids=["english", "persian", "thai"],
)
def test_an_emoji_is_left_out_of_the_compact_form(text: str, values: list[str], shown: str) -> None:
    # Two tokens each that say nothing of a value.
    assert compact_detail(text, values) == shown


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "Assistant: Is that OK?\nUser: 10am Friday works",
            ["10am Friday"],
            "User: 10am Friday works",
        ),
        ("Assistant: โอเคไหมคะ\nUser: วันศุกร์ 10 โมง", ["วันศุกร์ 10 โมง"], "User: วันศุกร์ 10 โมง"),
    ],
    ids=["english", "thai"],
)
def test_a_question_that_names_nothing_is_not_kept_before_its_answer(
    text: str, values: list[str], shown: str
) -> None:
    # "Is that OK?" says nothing of what the value answering it is.
    assert compact_detail(text, values) == shown


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "User: Could you start on the 5th instead?\nAssistant: Hi there!",
            ["the 5th"],
            "User: Could you start on the 5th instead?",
        ),
        (
            "User: ۵ آذر ما مسافرتیم، نمیشه یکم دیرتر شروع کنید؟\nAssistant: سلام.",
            ["۵ آذر"],
            "User: ۵ آذر ما مسافرتیم، نمیشه یکم دیرتر شروع کنید؟",
        ),
        (
            "User: เลื่อนเป็นวันที่ 5 ได้ไหม\nAssistant: สวัสดีครับ",
            ["วันที่ 5"],
            "User: เลื่อนเป็นวันที่ 5 ได้ไหม",
        ),
    ],
    ids=["english", "persian", "thai"],
)
def test_a_greeting_after_a_question_with_a_value_is_not_kept_as_its_reply(
    text: str, values: list[str], shown: str
) -> None:
    # A greeting answers nothing: whether the value was taken is not in it.
    assert compact_detail(text, values) == shown
    # a short reply that answers is kept, a "Good." among them
    for reply in ["yes, fine", "Good.", "بله", "ได้"]:
        answered = text.rsplit("\n", 1)[0] + "\nAssistant: " + reply
        assert compact_detail(answered, values) == answered


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Assistant: Shall I book Saturday 10am?\nUser: 👍", ["Saturday 10am"]),
        ("Assistant: Saturday 10am or Sunday 11am?\nUser: Sat ✅ Sun ❌", ["Saturday 10am"]),
        ("Assistant: شنبه ساعت ۱۰ خوبه؟\nUser: 👌", ["شنبه ساعت ۱۰"]),
        ("Assistant: ส่งวันเสาร์ 10 โมงได้ไหม\nUser: ✅", ["วันเสาร์ 10 โมง"]),
    ],
    ids=["english-thumbs-up", "english-ticks", "persian", "thai"],
)
def test_an_emoji_that_answers_is_kept(text: str, values: list[str]) -> None:
    # "👍" to a question with a value is the answer: whether the value was taken.
    assert compact_detail(text, values) == text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Assistant: Got your wife's number. And yours?\nUser: 07700 900481", ["07700 900481"]),
        ("Assistant: How much?\nUser: 45 dollars", ["45 dollars"]),
        ("Assistant: Which one?\nUser: the 12:30 slot", ["12:30"]),
        ("Assistant: چنده؟\nUser: ۴۵۰ هزار", ["۴۵۰ هزار"]),
        ("Assistant: เท่าไหร่คะ\nUser: 450 บาท", ["450 บาท"]),
    ],
    ids=["english-yours", "english-how-much", "english-which", "persian", "thai"],
)
def test_a_question_without_a_content_word_that_asks_something_is_kept(
    text: str, values: list[str]
) -> None:
    # Only a question that asks for a yes names nothing; "And yours?" says whose number.
    assert compact_detail(text, values).startswith("Assistant: ")


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "Assistant: Confirm 2 pizzas for 7pm?\nUser: Hello? yes",
            ["7pm"],
            "Assistant: Confirm 2 pizzas for 7pm?\nUser: yes",
        ),
        (
            "Assistant: Your parcel arrives 14 May, ok?\nUser: Good morning",
            ["14 May"],
            "Assistant: Your parcel arrives 14 May, ok?",
        ),
        (
            "Assistant: پنجشنبه ساعت ۵ بیام؟\nUser: سلام. بله خوبه",
            ["ساعت ۵"],
            "Assistant: پنجشنبه ساعت ۵ بیام؟\nUser: بله خوبه",
        ),
    ],
    ids=["english-hello-yes", "english-good-morning", "persian"],
)
def test_a_reply_after_a_greeting_is_what_answers(text: str, values: list[str], shown: str) -> None:
    assert compact_detail(text, values) == shown


def test_a_time_of_day_that_answers_is_no_greeting() -> None:
    # "Morning." answers "morning or afternoon?"; only "Good morning" greets
    text = "Assistant: The technician can come on Sat 7 Dec, morning or afternoon?\nUser: Morning."
    assert compact_detail(text, ["Sat 7 Dec"]) == text


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        ("Assistant: Sure?\nUser: 10am Friday", ["10am Friday"], "User: 10am Friday"),
        ("Assistant: Yeah?\nUser: 10am Friday", ["10am Friday"], "User: 10am Friday"),
        ("Assistant: بله؟\nUser: ساعت ۱۰ جمعه", ["ساعت ۱۰ جمعه"], "User: ساعت ۱۰ جمعه"),
        ("Assistant: حتما؟\nUser: ساعت ۱۰ جمعه", ["ساعت ۱۰ جمعه"], "User: ساعت ۱۰ جمعه"),
        ("Assistant: ได้เลยไหมคะ\nUser: วันศุกร์ 10 โมง", ["วันศุกร์ 10 โมง"], "User: วันศุกร์ 10 โมง"),
        (
            "Assistant: Sure about the time?\nUser: 10am Friday",
            ["10am Friday"],
            "Assistant: Sure about the time?\nUser: 10am Friday",
        ),
    ],
)
def test_a_question_of_only_a_yes_or_acknowledgement_word_names_nothing(
    text: str, values: list[str], shown: str
) -> None:
    # every yes and acknowledgement word of the shared lexicon asks only for a yes
    assert compact_detail(text, values) == shown


def test_a_long_thai_statement_shows_no_particle_after_its_value() -> None:
    # the words kept after a value may be only the particle that closes the statement
    text = "Assistant: ค่าส่งของชิ้นใหญ่ไปต่างจังหวัดรวมค่าประกันสินค้าทั้งหมด 1,850 บาท ค่ะ"
    assert compact_detail(text, ["1,850 บาท"]) == (
        "Assistant: ค่าส่งของชิ้นใหญ่ไปต่างจังหวัดรวมค่าประกันสินค้าทั้งหมด 1,850 บาท"
    )


# -- what carries nothing in Thai (``thai_trims``) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        # «ไหม», «อะไร» ask: the particle after them says nothing more
        (
            "Assistant: ที่พักชื่ออะไรคะ\nUser: บ้านไม้ริมปาย รีสอร์ท",
            ["บ้านไม้ริมปาย รีสอร์ท"],
            "Assistant: ที่พักชื่ออะไร\nUser: บ้านไม้ริมปาย รีสอร์ท",
        ),
        (
            "User: ขอเป็นวันเสาร์ได้มั้ยคะ\nAssistant: 5555 ได้ค่ะ",
            ["วันเสาร์"],
            "User: ขอเป็นวันเสาร์ได้มั้ย\nAssistant: ได้",
        ),
        # «คะ» is what makes it a question: kept
        (
            "User: ส่งวันเสาร์ได้คะ\nAssistant: ได้ค่ะ",
            ["วันเสาร์"],
            "User: ส่งวันเสาร์ได้คะ\nAssistant: ได้",
        ),
        # a particle alone is the yes
        (
            "Assistant: ส่งวันเสาร์ได้ไหม\nUser: ค่ะ",
            ["วันเสาร์"],
            "Assistant: ส่งวันเสาร์ได้ไหม\nUser: ค่ะ",
        ),
    ],
    ids=["question-word", "laughing-yes", "particle-asks", "particle-is-the-yes"],
)
def test_a_thai_question_and_its_reply_lose_the_particle_that_says_nothing(
    text: str, values: list[str], shown: str
) -> None:
    assert compact_detail(text, values) == shown


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        (
            "Assistant: สวัสดีค่ะคุณต้นกล้า รบกวนขอหมายเลขเรื่องด้วยนะคะ\nUser: CS-240917-88",
            ["CS-240917-88"],
            "Assistant: รบกวนขอหมายเลขเรื่องด้วย\nUser: CS-240917-88",
        ),
        # an emoji between two clauses hid the space that parts them
        (
            "Assistant: ร้านบ้านสบายโฮมยินดีให้บริการค่ะ 😊 รบกวนขอทราบชื่อผู้สั่งซื้อด้วยนะคะ\nUser: TH2024118838",
            ["TH2024118838"],
            "Assistant: รบกวนขอทราบชื่อผู้สั่งซื้อด้วย\nUser: TH2024118838",
        ),
        (
            "User: ไปห้างทุกเสาร์อยู่แล้ว 555",
            ["เสาร์"],
            "User: ไปห้างทุกเสาร์อยู่แล้ว",
        ),
    ],
    ids=["greeting-and-name", "emoji-between-clauses", "laughter"],
)
def test_thai_courtesy_and_laughter_are_left_out(text: str, values: list[str], shown: str) -> None:
    assert compact_detail(text, values) == shown


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # «คุณหมอ» (the doctor) runs on into what is said: no name to leave out
        ("User: สวัสดีครับคุณหมอนัดวันที่ 5 ได้ไหม", ["5"]),
        # «คุณภาพ» is quality, no one addressed
        ("User: ขอบคุณค่ะคุณภาพดีมาก ราคา 500 บาท", ["500 บาท"]),
        # a run of fives a word labels is a number: a room, a card's last digits
        ("Assistant: เบอร์ห้อง 555 เช็คอิน 14.00 น.", ["14.00 น."]),
        ("Assistant: ลงท้าย 5555 ยอด 1,200 บาท", ["1,200 บาท"]),
        # between two words that say something it is no laughter either
        ("User: ขอที่นั่งแถว 555 ได้ไหม", ["ได้ไหม"]),
    ],
    ids=["title-running-on", "quality", "room-number", "card-digits", "mid-sentence"],
)
def test_thai_words_like_a_courtesy_or_laughter_stay(text: str, values: list[str]) -> None:
    assert compact_detail(text, values) == text


def test_a_thai_title_alone_is_left_out_with_the_greeting() -> None:
    text = "Assistant: สวัสดีครับคุณหมอ รบกวนขอเลขนัดด้วยครับ\nUser: AP-5521"
    assert compact_detail(text, ["AP-5521"]) == "Assistant: รบกวนขอเลขนัดด้วย\nUser: AP-5521"


def test_thai_laughter_after_a_particle_is_left_out() -> None:
    text = "Assistant: ได้ค่ะ 555 ส่งวันเสาร์นะคะ"
    assert compact_detail(text, ["วันเสาร์"]) == "Assistant: ได้ค่ะ ส่งวันเสาร์"


def test_an_apology_before_a_value_says_the_one_before_was_wrong() -> None:
    text = "User: ขอโทษครับ SD-CNX-47018"
    assert compact_detail(text, ["SD-CNX-47018"]) == "User: ขอโทษครับ SD-CNX-47018"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a customer's clause is read with the particle closing it
        ("User: งั้น ทำประกันด้วยค่ะ 84 บาทไม่เยอะ", ["84 บาท"]),
        # «บังคับ» (compulsory) ends like «คับ»
        ("Assistant: ค่าประกัน 645 บาทเป็นภาคบังคับ", ["645 บาท"]),
    ],
    ids=["clause-inside", "word-ending-like-a-particle"],
)
def test_a_thai_particle_inside_a_sentence_or_a_word_stays(text: str, values: list[str]) -> None:
    assert compact_detail(text, values) == text
