"""One of two options taken, then the other ("interim or full?" → "just the interim" → "go
for the full service"; «نقدی یا کارتخوان» → «نقدی» → «کارتخوان بهتره»; «รับที่สาขาหรือส่งถึงบ้าน»),
with no fact to hold them: the fold remembers the option taken first as replaced, so the
context marks a summary that still quotes it; an option named, asked about or refused
takes nothing."""

from domain.context.replaced import mark_replaced
from tests.memory.folding_support import fold_all


def test_english_the_other_option_taken_later_replaces_the_first() -> None:
    state = fold_all(
        [
            ("user", "hi, need to book my car in for a service"),
            ("assistant", "Sure. What sort of service were you after, interim or full?"),
            ("user", "just the interim i think, the cheap one"),
            ("assistant", "Interim on a Focus is £149, that's oil and filter and a check."),
            ("user", "ok thanks"),
            ("assistant", "When did it last have a full service?"),
            ("user", "years ago tbh"),
            ("assistant", "Then I'd honestly go for the full service this time. It's £239."),
            ("user", "go on then"),
            ("assistant", "Lovely."),
        ]
    )
    assert "interim" in state.replaced_values
    assert "full" not in state.replaced_values
    marked = mark_replaced("Assistant: Interim on a Focus is £149.", [], state.replaced_values)
    assert "Interim (replaced)" in marked


def test_persian_an_option_asked_with_no_question_mark_then_changed_replaces_the_first() -> None:
    state = fold_all(
        [
            ("user", "سلام، سفارش مبل داشتم"),
            ("assistant", "پرداخت موقع تحویل نقدی یا کارتخوان"),
            ("user", "نقدی"),
            ("assistant", "باشه، ثبت شد."),
            ("user", "ممنون"),
            ("assistant", "خواهش میکنم"),
            ("user", "نه ببخشید کارتخوان بهتره"),
            ("assistant", "باشه، عوض شد."),
        ]
    )
    assert "نقدی" in state.replaced_values
    assert "کارتخوان" not in state.replaced_values


def test_thai_an_option_changed_to_replaces_the_one_answered() -> None:
    state = fold_all(
        [
            ("user", "สั่งโซฟาไว้ค่ะ"),
            ("assistant", "รับที่สาขาหรือส่งถึงบ้านคะ"),
            ("user", "รับที่สาขาค่ะ"),
            ("assistant", "ได้ค่ะ"),
            ("user", "ขอบคุณค่ะ"),
            ("user", "ขอเปลี่ยนเป็นส่งถึงบ้านนะคะ"),
            ("assistant", "ได้ค่ะ"),
        ]
    )
    assert "รับที่สาขา" in state.replaced_values
    assert "ส่งถึงบ้าน" not in state.replaced_values


def test_an_option_named_asked_or_refused_takes_nothing() -> None:
    for later in (
        "Interim on a Focus is £149, a full one is £239.",  # both named
        "Is the full service much longer?",  # asked
        "I don't want the full service.",  # refused
    ):
        state = fold_all(
            [
                ("assistant", "What sort of service were you after, interim or full?"),
                ("user", "just the interim please"),
                ("assistant", "Noted."),
                ("user", "thanks"),
                ("assistant", "Anything else?"),
                ("user", later),
                ("assistant", "Sure."),
            ]
        )
        assert state.replaced_values == [], later


def test_an_option_named_before_the_two_are_asked_about_was_no_choice() -> None:
    state = fold_all(
        [
            ("user", "moving from 17 Hazel Court to 7 Orchard Row"),
            ("assistant", "Our fibre reaches Orchard Row, but rather slower than 500Mb."),
            ("user", "fine"),
            ("assistant", "Where should I send the router, Hazel Court or Orchard Row?"),
            ("user", "send it to Hazel Court, we don't have the keys yet"),
            ("assistant", "Good thinking, it goes to Hazel Court."),
        ]
    )
    assert state.replaced_values == []


def test_english_the_reply_speaking_of_the_other_option_after_its_answer_takes_nothing() -> None:
    state = fold_all(
        [
            ("user", "I'd like to order the catering for Friday."),
            ("assistant", "Do you want delivery or pickup?"),
            ("user", "Pickup. Delivery is too expensive for us."),
            ("assistant", "Alright, noted."),
            ("user", "I really don't want to pay for delivery twice."),
            ("assistant", "Understood."),
        ]
    )
    assert "pickup" not in state.replaced_values
    assert "Pickup" not in state.replaced_values


def test_persian_the_reply_speaking_of_the_other_option_after_its_answer_takes_nothing() -> None:
    state = fold_all(
        [
            ("user", "سلام، سفارش کیک تولد داشتم برای جمعه."),
            ("assistant", "پرداخت نقدی یا کارتخوان؟"),
            ("user", "نقدی. کارتخوان همراهم نیست."),
            ("assistant", "باشه، ثبت شد."),
        ]
    )
    assert "نقدی" not in state.replaced_values


def test_thai_the_reply_speaking_of_the_other_option_after_its_answer_takes_nothing() -> None:
    state = fold_all(
        [
            ("user", "จะสั่งเค้กวันเสาร์ค่ะ"),
            ("assistant", "รับที่สาขาหรือส่งถึงบ้านคะ"),
            ("user", "รับที่สาขาค่ะ ส่งถึงบ้านแพงเกินไปค่ะ"),
            ("assistant", "ได้ค่ะ รับทราบค่ะ"),
        ]
    )
    assert "รับที่สาขา" not in state.replaced_values


def test_a_later_sentence_with_a_word_of_choice_still_takes_the_other_option() -> None:
    state = fold_all(
        [
            ("user", "I'd like to order the catering for Friday."),
            ("assistant", "Do you want delivery or pickup?"),
            ("user", "Pickup. Actually no, let's go for delivery instead."),
            ("assistant", "Alright, noted."),
        ]
    )
    assert "pickup" in state.replaced_values or "Pickup" in state.replaced_values


def _second_taken_before_an_emoji_and_a_question(change: str) -> set[str]:
    return fold_all(
        [
            ("user", "پرداخت چطوریه؟"),
            ("assistant", "یکجا یا دو قسط، هرجور راحتید"),
            ("user", "یکجا میدم که خیالم راحت باشه"),
            ("assistant", "باشه."),
            ("user", change),
            ("assistant", "باشه."),
        ]
    ).replaced_values


def test_persian_an_option_taken_before_an_emoji_and_a_question_replaces_the_first() -> None:
    """«… دو قسط کنیم بهتره 😅 تخفیف که نمی‌پره؟»: the question after the emoji asks of the
    discount; the sentence before it takes the two instalments."""
    replaced = _second_taken_before_an_emoji_and_a_question(
        "همسرم میگه دو قسط کنیم بهتره، آخر ماه قسط ماشین داریم 😅 تخفیف که نمی‌پره؟"
    )
    assert "یکجا" in replaced
    assert "دو قسط" not in replaced


def test_english_an_option_taken_before_an_emoji_and_a_question_replaces_the_first() -> None:
    state = fold_all(
        [
            ("assistant", "Would you like collection or delivery?"),
            ("user", "collection please"),
            ("assistant", "Grand."),
            ("user", "actually let's do delivery, my car is gone 😩 will it still come Friday?"),
            ("assistant", "It will."),
        ]
    )
    assert "collection" in state.replaced_values


def test_an_option_named_in_the_question_after_the_emoji_takes_nothing() -> None:
    """«… 😅 دو قسط هم میشه؟» asks whether the other option could be had: no choice yet."""
    replaced = _second_taken_before_an_emoji_and_a_question(
        "آخر ماه قسط ماشین داریم 😅 دو قسط هم میشه؟"
    )
    assert "یکجا" not in replaced


def test_thai_an_option_taken_before_an_emoji_and_a_question_replaces_the_first() -> None:
    state = fold_all(
        [
            ("assistant", "รับที่สาขาหรือส่งถึงบ้านคะ"),
            ("user", "รับที่สาขาค่ะ"),
            ("assistant", "ได้ค่ะ"),
            ("user", "เปลี่ยนเป็นส่งถึงบ้านดีกว่า 😅 วันเสาร์ได้ไหมคะ?"),
            ("assistant", "ได้ค่ะ"),
        ]
    )
    assert "รับที่สาขา" in state.replaced_values
