"""Summaries that quote a replaced value say so, and a cut never separates the two."""

from __future__ import annotations

from domain.context.replaced import ReplacedMarks, fit_marked, mark_replaced
from domain.tokens import ELLIPSIS, estimate_tokens
from schemas.memory_model import FactValue, ReplacedValue
from tests.context.factories import NOW, fact


def moved(key: str, old: str, new: str) -> object:
    return fact(key, new).model_copy(
        update={"history": [FactValue(value=old, source_message_id="m1", updated_at=NOW)]}
    )


def test_an_old_value_is_marked_with_the_current_one_in_every_language() -> None:
    facts = [
        moved("delivery_address", "12 Elm Street", "7 Zand Boulevard"),
        moved("order_id", "۷۳۰۵۹۲", "۷۳۰۹۵۲"),
        moved("delivery_date", "วันอังคารที่ 19 พ.ย.", "วันพุธที่ 20 พ.ย."),
    ]
    summary = "\n".join(
        [
            "Assistant: It ships to 12 Elm Street.",
            "User: بله، ۷۳۰۵۹۲",
            "Assistant: ส่งวันอังคารที่ 19 พ.ย. ค่ะ",
        ]
    )
    text = mark_replaced(summary, facts)  # type: ignore[arg-type]
    assert "12 Elm Street (replaced by 7 Zand Boulevard)" in text
    assert "۷۳۰۵۹۲ (replaced by ۷۳۰۹۵۲)" in text
    assert "วันอังคารที่ 19 พ.ย. (replaced by วันพุธที่ 20 พ.ย.)" in text


def test_marking_twice_marks_once() -> None:
    facts = [moved("delivery_address", "12 Elm Street", "7 Zand Boulevard")]
    once = mark_replaced("to 12 Elm Street", facts)  # type: ignore[arg-type]
    assert mark_replaced(once, facts) == once  # type: ignore[arg-type]


def test_a_value_quoted_in_part_is_marked_at_its_distinctive_word() -> None:
    # Given a Thai address whose house number was corrected, quoted cut at its spaces
    facts = [moved("delivery_address", "88/219 หมู่ 5 หมู่บ้านพฤกษาวิลล์", "88/291 หมู่ 5 หมู่บ้านพฤกษาวิลล์")]
    text = mark_replaced("User: 88/219 หมู่ 5 ครับ", facts)  # type: ignore[arg-type]
    # after the last word of it quoted: never inside the value
    assert "88/219 หมู่ 5 (replaced by 88/291 หมู่ 5 หมู่บ้านพฤกษาวิลล์) ครับ" in text


def test_a_value_named_old_in_the_conversation_is_marked_without_a_fact() -> None:
    text = mark_replaced("Assistant: The hinge is $189.00.", [], ["$189.00"])
    assert text == "Assistant: The hinge is $189.00 (replaced)."


def test_a_cut_never_leaves_an_old_value_without_its_mark() -> None:
    facts = [moved("warranty_period", "1 year", "2 years")]
    marked = mark_replaced(
        "Assistant: The price is $49. It comes with a 1 year warranty.",
        facts,  # type: ignore[arg-type]
    )
    for budget in range(4, estimate_tokens(marked) + 1):
        fitted = fit_marked(marked, budget)
        assert estimate_tokens(fitted) <= budget
        if "1 year" in fitted:
            assert "1 year (replaced by 2 years)" in fitted
        assert fitted == marked or fitted.endswith(ELLIPSIS) or fitted == ""


def test_a_current_value_inside_a_mark_is_not_marked_again() -> None:
    # Given two facts whose histories chain: the first fact's current value is the
    # second fact's old value, in English, Persian and Thai
    cases = [
        ("$65.00", "$140.00", "$100.00"),
        ("۶۵ هزار تومان", "۱۴۰ هزار تومان", "۱۰۰ هزار تومان"),
        ("65 บาท", "140 บาท", "100 บาท"),
    ]
    for first, second, third in cases:
        facts = [moved("refund_amount", first, second), moved("order_total", second, third)]
        text = mark_replaced(f"Assistant: refund of {first} today", facts)  # type: ignore[arg-type]
        assert text == f"Assistant: refund of {first} (replaced by {second}) today"


def test_a_short_bare_number_of_an_old_value_is_not_taken_for_it() -> None:
    # Given old time slots, replaced, and summaries quoting a range of days and a dose
    facts = [
        moved("repair_time", "10 to 12", "2 to 4 pm"),
        moved("pickup_time", "ساعت ۲۰ تا ۲۲", "ساعت ۱۸:۳۰"),
        moved("visit_time", "10 ถึง 12 โมง", "14 ถึง 16 โมง"),
    ]
    summary = "\n".join(
        [
            "Assistant: Repairs take 7 to 10 working days.",
            "Assistant: سه قلم دارو: متفورمین ۵۰۰، آتورواستاتین ۲۰ تا آخر ماه.",
            "Assistant: ซ่อม 7 ถึง 10 วันทำการค่ะ",
        ]
    )
    # When the summary is marked, Then no number is said to be replaced by a time slot
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]
    # And an old value quoted whole is still marked
    quoted = mark_replaced("Assistant: ช่วง 10 ถึง 12 โมง ค่ะ", facts)  # type: ignore[arg-type]
    assert "10 ถึง 12 โมง (replaced by 14 ถึง 16 โมง)" in quoted


def test_a_thai_value_is_marked_before_the_particle_written_on_to_it() -> None:
    facts = [moved("refund_amount", "65 บาท", "140 บาท")]
    text = mark_replaced("Assistant: คืนเงินค่าชาไทยให้ 65 บาทค่ะ", facts)  # type: ignore[arg-type]
    assert "65 บาท (replaced by 140 บาท)ค่ะ" in text


def test_an_old_value_is_never_marked_inside_a_longer_number() -> None:
    facts = [
        moved("refund_amount", "65 บาท", "140 บาท"),
        moved("order_total", "$84", "$96"),
        moved("refund_amount", "۱۵۰ هزار تومان", "۴۱۲ هزار تومان"),
    ]
    summary = "Assistant: ค่าอาหาร 165 บาทค่ะ\nAssistant: The total was $184.\nUser: ۲۱۵۰ هزار تومان"
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]


def test_a_bare_number_of_a_history_is_marked_in_every_language() -> None:
    facts = [
        moved("refund_amount", "130", "140 บาท"),
        moved("order_total", "184", "$96"),
        moved("refund_amount", "۴۱۲", "۱۵۰ هزار تومان"),
    ]
    summary = "User: ต้องเป็น 130 ดิ\nUser: it should be 184, then\nUser: نه ۴۱۲ شد"
    text = mark_replaced(summary, facts)  # type: ignore[arg-type]
    assert "130 (replaced by 140 บาท) ดิ" in text
    assert "184 (replaced by $96)" in text
    assert "۴۱۲ (replaced by ۱۵۰ هزار تومان)" in text
    # a shorter number stands for too many things ("20" of a dose, of a time)
    assert mark_replaced("User: 20 mg", [moved("dose", "20", "40")]) == "User: 20 mg"  # type: ignore[list-item]


def test_the_same_sum_in_fuller_words_is_not_marked_as_replaced() -> None:
    facts = [
        moved("charge", "ค่าธรรมเนียมบริการ 60 บาท", "ค่าธรรมเนียม 60 บาท"),
        moved("shipping_cost", "هزینه ارسال ۱۸۰ هزار تومان", "ارسال ۱۸۰ هزار تومان"),
        moved("fee", "service fee 60 dollars", "fee 60 dollars"),
    ]
    summary = (
        "Assistant: ค่าธรรมเนียมบริการ 60 บาทต่อใบ\n"
        "Assistant: هزینه ارسال ۱۸۰ هزار تومان میشه\n"
        "Assistant: the service fee 60 dollars stays"
    )
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]


def test_a_date_moved_to_another_month_is_still_marked() -> None:
    facts = [moved("delivery_date", "19 November", "19 December")]
    text = mark_replaced("Assistant: It arrives on 19 November.", facts)  # type: ignore[arg-type]
    assert "19 November (replaced by 19 December)" in text


def test_an_old_value_that_another_fact_holds_now_is_not_marked() -> None:
    # Given a refund whose first figure was the price of one unit, which another fact
    # still holds as current, in English, Persian and Thai
    cases = [
        ("$240", "$228", "Assistant: Each seat is $240, fully refundable."),
        ("۲۴۰ هزار تومان", "۲۲۸ هزار تومان", "Assistant: هر بلیت ۲۴۰ هزار تومان بود."),
        ("2,400 บาท", "2,280 บาท", "Assistant: ที่นั่งละ 2,400 บาท ค่ะ"),
    ]
    for price, refund, summary in cases:
        facts = [moved("refund_amount", price, refund), fact("unit_price", price)]
        # When the summary quoting the price is marked, Then the price is not said replaced
        assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]
        # And without the price fact the quote is still marked as the refund's old value
        alone = mark_replaced(summary, facts[:1])  # type: ignore[arg-type]
        assert f"{price} (replaced by {refund})" in alone


def test_an_old_value_another_fact_holds_is_marked_where_the_sentence_is_about_its_fact() -> None:
    # Given a fitting moved away from the day the payment is still due
    # (English only: a sentence names a subject by a word of its key, see fact_subjects)
    facts = [
        moved("fitting_date", "Monday 3 June", "Friday 7 June"),
        fact("payment_date", "Monday 3 June"),
    ]
    summary = (
        "Assistant: Your fitting is on Monday 3 June.\n"
        "Assistant: The payment is due on Monday 3 June."
    )
    # When the summary is marked
    fitting, payment = mark_replaced(summary, facts).splitlines()  # type: ignore[arg-type]
    # Then the sentence about the fitting says its day was replaced, by the new one
    assert fitting == "Assistant: Your fitting is on Monday 3 June (replaced by Friday 7 June)."
    # And the sentence about the payment, whose day it still is, is left as it was
    assert payment == "Assistant: The payment is due on Monday 3 June."


def test_an_old_value_another_fact_holds_beside_the_current_one_is_not_marked() -> None:
    # Given an arrival time that a flight's history holds as replaced by the departure
    facts = [moved("flight_time", "9:05am", "9:40pm"), fact("arrival_time", "9:05am")]
    summary = "Assistant: The flight departs at 9:40pm and lands at 9:05am."
    # When the summary is marked, Then both times stand as they are: two things, not one changed
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]


def test_an_old_value_another_fact_holds_is_not_marked_in_another_clause_about_its_fact() -> None:
    # Given a delivery moved away from the day the card is still charged
    # (English only: a sentence names a subject by a word of its key, see fact_subjects)
    facts = [
        moved("delivery_date", "Friday 7 June", "Monday 10 June"),
        fact("payment_date", "Friday 7 June"),
    ]
    summary = (
        "Assistant: Pay on delivery; your card is charged Friday 7 June.\n"
        "Assistant: The deposit is taken on Friday 7 June, before delivery.\n"
        "User: I get paid Friday 7 June so delivery after that please.\n"
        "Assistant: Your delivery is on Friday 7 June."
    )
    # When the summary is marked
    charge, deposit, pay_day, delivery = mark_replaced(summary, facts).splitlines()  # type: ignore[arg-type]
    # Then the sentences where the day is another clause's (the charge, the deposit, the
    # customer's pay day) stand as they are
    assert charge == "Assistant: Pay on delivery; your card is charged Friday 7 June."
    assert deposit == "Assistant: The deposit is taken on Friday 7 June, before delivery."
    assert pay_day == "User: I get paid Friday 7 June so delivery after that please."
    # And the delivery's own old day is marked
    assert delivery == "Assistant: Your delivery is on Friday 7 June (replaced by Monday 10 June)."


def test_a_change_a_fact_and_a_detail_both_hold_is_marked_once_after_the_value() -> None:
    # Given the same change recorded by a fact's history and by a newer detail
    cases = [
        ("delivery_address", "14 Park Lane, Bristol", "7 Zand Boulevard, Bristol", "send it to "),
        ("booking_date", "Thursday 14 March", "Friday 15 March", "We can do "),
        ("address", "99/1 ถนนสุขุมวิท", "12 ถนนสีลม", "ที่อยู่ผม "),
        ("address", "تهران، خیابان ولیعصر، پلاک ۱۲", "تهران، خیابان انقلاب، پلاک ۴۵", "آدرس "),
    ]
    for key, old, new, lead in cases:
        for how in ("changed", "corrected"):
            marks = ReplacedMarks(
                [moved(key, old, new)],  # type: ignore[list-item]
                (),
                [ReplacedValue(old=old, new=new, how=how)],  # type: ignore[arg-type]
            )
            # Then a text quoting the old value has one mark, after the whole value
            text = marks.mark(f"User: {lead}{old} ok")
            assert text == f"User: {lead}{old} (replaced by {new}) ok"


def test_a_value_quoted_in_part_is_marked_after_its_last_quoted_word() -> None:
    facts = [moved("booking_date", "Thursday 14 March 2025", "Friday 15 March 2025")]
    text = mark_replaced("We can do Thursday 14 March at 9am.", facts)  # type: ignore[arg-type]
    assert text == "We can do Thursday 14 March (replaced by Friday 15 March 2025) at 9am."


def test_a_cut_inside_a_marked_value_drops_its_phrase_in_every_language() -> None:
    for lead, old in (
        ("Delivery: ", "Flat 3 Orchard Row Bath BA2 3QN United Kingdom"),
        ("آدرس: ", "تهران خیابان ولیعصر کوچه بهار پلاک ۱۲ واحد ۳"),
        ("User: ", "88/219 หมู่ 5 หมู่บ้านพฤกษาวิลล์ ตำบลบางรักพัฒนา อำเภอบางบัวทอง"),
    ):
        text = f"First point here. {lead}{old} (replaced by somewhere new)"
        for budget in range(estimate_tokens("First point here.") + 1, estimate_tokens(text)):
            fitted = fit_marked(text, budget)
            # never a piece of the old value without its mark after it
            assert "(replaced" in fitted or old.split()[0] not in fitted, (budget, fitted)


def test_a_common_word_of_an_old_value_is_marked_only_beside_its_other_words() -> None:
    # Given old values whose first distinctive word is a common one ("after", «شمالی»,
    # «เดิม»), the other words of the value must stand beside it as words of their own:
    # not inside a longer word or number ("at" of "late", «۴۷» of «۱۴۷»)
    cases = [
        (
            "Nov 23 at after 11pm",
            "Nov 23 at 11am",
            "Assistant: It may feel early after a late night.",
        ),
        ("پلاک ۴۷ بلوک شمالی", "پلاک ۱۲ بلوک جنوبی", "Assistant: در شمالی ساختمان ۱۴۷ بسته است."),
    ]
    for old, new, text in cases:
        facts = [moved("delivery_address", old, new)]
        assert mark_replaced(text, facts) == text  # type: ignore[arg-type]


def test_the_words_of_another_values_mark_are_not_beside_an_old_value() -> None:
    # Given a text another fact's old value is marked in, in every language: the words of
    # that mark are not the text's own, and do not make a common word ("after", «شمالی»)
    # or another number the address's old value
    cases = [
        (
            "Nov 23 at after 11pm",
            "Nov 23 at 11am",
            "10am",
            "Nov 23 at 11am",
            "10am may feel early, after the party.",
        ),
        (
            "پلاک ۴۷ بلوک شمالی",
            "پلاک ۱۲ بلوک جنوبی",
            "ساعت ۹ صبح",
            "جلوی بلوک ۳",
            "ساعت ۹ صبح از در شمالی",
        ),
        ("ห้อง 1507 ตึกเดิม", "ห้อง 1812 ตึกใหม่", "ลานจอดรถ", "หน้าตึกเดิม", "ลานจอดรถ ตอนนี้รหัส 1507"),
    ]
    for old, new, other_old, other_new, text in cases:
        # the other fact first: its mark is in the text when the address is looked for
        facts = [moved("meeting_point", other_old, other_new), moved("delivery_address", old, new)]
        marked = mark_replaced(f"Assistant: {text}", facts)  # type: ignore[arg-type]
        expected = text.replace(other_old, f"{other_old} (replaced by {other_new})", 1)
        assert marked == f"Assistant: {expected}"


def test_a_short_time_of_day_is_marked_replaced() -> None:
    facts = [moved("delivery_time", "9am", "11am")]
    text = mark_replaced("Assistant: 9am may feel early.", facts)  # type: ignore[arg-type]
    assert text == "Assistant: 9am (replaced by 11am) may feel early."


def test_a_short_time_of_day_is_not_marked_where_the_text_is_about_something_else() -> None:
    # Given an appointment moved from 9am to 11am, in every language a "9am" whose clause
    # names no appointment is some other thing's time: left as it is
    facts = [moved("appointment_time", "9am", "11am")]
    texts = [
        "User: I start work at 9am, so the later slot is better.",
        "User: The courier comes between 9am and 1pm on Saturday, so leave it with the neighbour.",
        "User: I start work at 9am, so the later appointment is better.",
        "Assistant: Your appointment is confirmed. The shop opens at 9am.",
        "User: ساعت کاری من از 9am شروع می‌شود، پس نوبت دیرتر بهتر است.",
        "User: ตอนเช้าร้านเปิด 9am ค่ะ",
    ]
    for text in texts:
        assert mark_replaced(text, facts) == text  # type: ignore[arg-type]
    # its subject named in its clause, or the time opening its sentence (an answer to
    # what was asked before it): the appointment's old time
    for text in ["User: Was my appointment at 9am?", "Assistant: Noted. 9am, as you said."]:
        marked = mark_replaced(text, facts)  # type: ignore[arg-type]
        assert marked == text.replace("9am", "9am (replaced by 11am)")


def test_a_detail_says_an_old_short_time_of_day_only_beside_its_subject() -> None:
    # Given an appointment moved from "Tuesday 9am", a detail's value "9am" is that old
    # time only where the detail names the appointment
    marks = ReplacedMarks([moved("appointment_time", "Tuesday 9am", "Wednesday 11am")])  # type: ignore[list-item]
    for text in [
        "User: I start work at 9am.",
        "User: ساعت کاری من 9am شروع می‌شود.",
        "User: ร้านเปิด 9am ค่ะ",
    ]:
        assert marks.mark_detail(text, ["9am"]) == text
    marked = marks.mark_detail("User: the appointment at 9am suits me", ["9am"])
    assert marked == "User: the appointment at 9am (replaced by Wednesday 11am) suits me"


def test_a_persian_word_written_on_to_a_number_is_a_word_beside_an_old_value() -> None:
    # Given Persian old values quoted in part, with a word written on to the number after
    # it («پلاک۱۲»), or joined by a ZWNJ: the word and the number are words of their own
    cases = [
        (
            "خیابان آزادی، کوچه‌ی سوم، پلاک ۱۲",
            "خیابان انقلاب، پلاک ۷",
            "User: بفرستید به آزادی، پلاک۱۲ لطفا",
            "User: بفرستید به آزادی، (replaced by خیابان انقلاب، پلاک ۷) پلاک۱۲ لطفا",
        ),
        (
            "پلاک ۱۲۳ کوچه‌ی سوم",
            "پلاک ۷ کوچه‌ی دوم",
            "User: همان پلاک۱۲۳ لطفا",
            "User: همان پلاک۱۲۳ (replaced by پلاک ۷ کوچه‌ی دوم) لطفا",
        ),
        (
            "خیابان آزادی، کوچه‌ی سوم، پلاک ۱۲",
            "خیابان انقلاب، پلاک ۷",
            "User: بفرستید به آزادی، پلاک‌۱۲ لطفا",
            "User: بفرستید به آزادی، (replaced by خیابان انقلاب، پلاک ۷) پلاک‌۱۲ لطفا",
        ),
    ]
    for old, new, text, expected in cases:
        facts = [moved("delivery_address", old, new)]
        assert mark_replaced(text, facts) == expected  # type: ignore[arg-type]
    # a number is still never a piece of a longer one («۱۲» of «۱۴۱۲»), nor a word a
    # piece of a longer word, in any language
    facts = [moved("delivery_address", "خیابان آزادی، پلاک ۱۲", "خیابان انقلاب، پلاک ۷")]
    text = "User: آزادی، کد ۱۴۱۲ لطفا"
    assert mark_replaced(text, facts) == text  # type: ignore[arg-type]
    facts = [moved("delivery_address", "Flat 3, 22 Carlton Road", "9 Mill Lane")]
    text = "User: Carlton was flat3 of 1122 Roadworks"
    assert mark_replaced(text, facts) == text  # type: ignore[arg-type]


def test_a_detail_that_quotes_the_current_value_beside_a_part_of_the_old_is_not_marked() -> None:
    # Given a phone number corrected, a detail that states the current number and the
    # wrong part of the old one says the change itself: no note naming its own value
    cases = [
        ("0161 496 0732", "0161 496 0723", "User: it's 0161 496 0723, not 0732.", "0732"),
        ("0912 345 6789", "0912 345 6798", "User: شماره ۰۹۱۲ درسته: 0912 345 6798 نه 6789", "6789"),
        ("081 234 5678", "081 234 5687", "User: เบอร์ 081 234 5687 ไม่ใช่ 5678 ค่ะ", "5678"),
    ]
    for old, new, text, part in cases:
        marks = ReplacedMarks([moved("customer_phone", old, new)])  # type: ignore[list-item]
        assert marks.mark_detail(text, [new, part]) == text
        # without the current value beside it, the part of the old one is marked
        alone = text.replace(new, "")
        assert marks.mark_detail(alone, [part]) == alone.replace(
            part, f"{part} (replaced by {new})"
        )


def test_a_current_value_inside_the_old_one_does_not_stop_its_mark() -> None:
    # The current value stands in the detail only as a piece of the old one ("2pm" of
    # "12pm", «۲ آذر» of «۱۲ آذر»): the detail quotes the old value, which is marked
    cases = [
        ("appointment_time", "12pm on Friday", "2pm", "User: 12pm is fine", "12pm"),
        ("appointment_date", "Thursday 21 May", "1 May", "User: 21 May works", "21 May"),
        ("appointment_date", "سه‌شنبه ۱۲ آذر", "۲ آذر", "User: ۱۲ آذر خوبه", "۱۲ آذر"),
        ("appointment_date", "วันพุธ 12 มิ.ย.", "2 มิ.ย.", "User: 12 มิ.ย. ได้ค่ะ", "12 มิ.ย."),
    ]
    for key, old, new, text, value in cases:
        marks = ReplacedMarks([moved(key, old, new)])  # type: ignore[list-item]
        assert marks.mark_detail(text, [value]) == text.replace(
            value, f"{value} (replaced by {new})"
        )


def history(key: str, values: list[str], current: str) -> object:
    """A fact whose earlier values were ``values``, oldest first."""
    return fact(key, current).model_copy(
        update={
            "history": [
                FactValue(value=value, source_message_id="m1", updated_at=NOW) for value in values
            ]
        }
    )


def test_a_count_of_other_things_is_not_marked_replaced_by_the_current_count() -> None:
    # Given a history that joined a count of rooms to the count of guests
    facts = [
        history("guest_count", ["14 rooms", "145 guests"], "130 guests"),
        history("guest_count", ["۲ اتاق", "۵ نفر"], "۴ نفر"),
        history("guest_count", ["2 ห้อง", "5 คน"], "3 คน"),
    ]
    summary = "\n".join(
        [
            "Assistant: We have 14 rooms at the manor, enough for 145 guests.",
            "Assistant: ۲ اتاق داریم برای ۵ نفر",
            "Assistant: มี 2 ห้อง สำหรับ 5 คน ค่ะ",
        ]
    )
    text = mark_replaced(summary, facts)  # type: ignore[arg-type]
    # the rooms are no guests: never "14 rooms (replaced by 130 guests)"
    assert "14 rooms at" in text
    assert "۲ اتاق داریم" in text
    assert "2 ห้อง สำหรับ" in text
    # the earlier count of guests still is the old one
    assert "145 guests (replaced by 130 guests)" in text
    assert "۵ نفر (replaced by ۴ نفر)" in text
    assert "5 คน (replaced by 3 คน)" in text


def test_an_earlier_count_of_other_things_is_marked_replaced_by_the_newest_of_its_sort() -> None:
    facts = [history("guest_count", ["14 rooms", "10 rooms"], "130 guests")]
    text = mark_replaced("We have 14 rooms. Then 10 rooms.", facts)  # type: ignore[arg-type]
    assert text == "We have 14 rooms (replaced by 10 rooms). Then 10 rooms."


def test_a_price_per_unit_is_not_marked_replaced_by_a_total() -> None:
    facts = [
        history("room_rate", ["£289 per night"], "£1,156"),
        history("rent", ["เดือนละ 12,500 บาท"], "23,000 บาท"),
        history("rent", ["هر شب ۲ میلیون تومان"], "۶ میلیون تومان"),
    ]
    summary = "\n".join(
        [
            "Assistant: The room is £289 per night.",
            "Assistant: ค่าเช่าเดือนละ 12,500 บาท ค่ะ",
            "Assistant: هر شب ۲ میلیون تومان هست",
        ]
    )
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]
    # a price per unit is still replaced by a newer price per unit
    facts = [history("room_rate", ["£289 per night"], "£329 per night")]
    text = mark_replaced("It was £289 per night.", facts)  # type: ignore[arg-type]
    assert "£289 per night (replaced by £329 per night)" in text


def test_a_length_of_time_is_not_marked_replaced_by_a_time_of_day() -> None:
    facts = [
        history("visit_time", ["2 hours"], "4:30pm"),
        history("visit_time", ["۲ ساعت"], "ساعت ۱۶:۳۰"),
        history("visit_time", ["2 ชั่วโมง"], "16.30 น."),
    ]
    summary = "The visit takes 2 hours. بازدید ۲ ساعت طول میکشه. ใช้เวลา 2 ชั่วโมง ค่ะ"
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]


def test_a_detail_value_replaced_by_another_sort_is_not_marked() -> None:
    marks = ReplacedMarks(
        [],
        detail_replaced=[
            ReplacedValue(old="14 rooms", new="130 guests", how="changed"),
            ReplacedValue(old="120 guests", new="130 guests", how="changed"),
        ],
    )
    text = marks.mark("We have 14 rooms for about 120 guests.")
    assert text == "We have 14 rooms for about 120 guests (replaced by 130 guests)."


def test_a_date_is_not_marked_replaced_by_an_address() -> None:
    facts = [
        history("delivery_address", ["Thursday 13:00-15:00"], "17 Harrow Lane, Leeds LS6 4PQ"),
        history("delivery_address", ["พฤหัส 13:00-15:00"], "42 Kingsley Road, Leeds LS6 2AB"),
        history("delivery_address", ["پنجشنبه ۱۵ آذر"], "تهران، خیابان سرو، پلاک ۱۲"),
    ]
    summary = "Thursday 13:00-15:00 works. หรือพฤหัส 13:00-15:00 ค่ะ پنجشنبه ۱۵ آذر خوبه"
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]
    # an address replaced by an address still is
    facts = [history("delivery_address", ["12 Elm Street, Leeds"], "7 Zand Road, Leeds")]
    assert "(replaced by 7 Zand Road, Leeds)" in mark_replaced("to 12 Elm Street, Leeds", facts)  # type: ignore[arg-type]


def test_an_appointment_time_is_not_marked_where_it_is_an_opening_hour() -> None:
    facts = [
        history("appointment_time", ["1:00pm"], "6:30pm"),
        history("appointment_time", ["บ่ายโมง"], "หกโมงครึ่ง"),
        history("appointment_time", ["ساعت ۱۳"], "ساعت ۱۸:۳۰"),
    ]
    summary = "\n".join(
        [
            "User: isn't the shop open until 1:00pm on Sundays?",
            "User: อาทิตย์ร้านปิดบ่ายโมงไม่ใช่เหรอ",
            "User: مغازه جمعه‌ها تا ساعت ۱۳ بازه دیگه؟",
        ]
    )
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]
    # the appointment's own old time still is marked
    summary = "\n".join(
        [
            "Assistant: Your visit is at 1:00pm.",
            "Assistant: นัดไว้บ่ายโมงค่ะ",
            "Assistant: نوبت شما ساعت ۱۳ هست.",
        ]
    )
    text = mark_replaced(summary, facts)  # type: ignore[arg-type]
    assert "1:00pm (replaced by 6:30pm)" in text
    assert "บ่ายโมง (replaced by หกโมงครึ่ง)" in text
    assert "ساعت ۱۳ (replaced by ساعت ۱۸:۳۰)" in text


def test_a_relative_day_named_old_is_not_marked_wherever_it_is_said() -> None:
    text = "It's open until 4:30pm today. امروز بازه. วันนี้เปิดค่ะ"
    assert mark_replaced(text, [], ["today", "امروز", "วันนี้"]) == text
    # a date named old still is
    assert "(replaced)" in mark_replaced("due 14 March", [], ["14 March"])


def test_a_word_of_an_old_value_is_not_marked_where_another_fact_still_holds_it() -> None:
    # Given a departure time moved while the flight's date (with the old time) is current
    facts = [
        history("flight_time", ["ساعت ۹:۱۵ صبح"], "ساعت ۷"),
        fact("flight_date", "شنبه ۸ دی، ساعت ۹:۱۵"),
        history("pickup_time", ["9:15 in the morning"], "7am"),
        fact("flight_date_en", "Saturday 8 March, 9:15"),
        history("pickup_time_th", ["9:15 น. ตอนเช้า"], "7:00 น."),
        fact("flight_date_th", "วันเสาร์ที่ 8 มี.ค. 9:15 น."),
    ]
    summary = "\n".join(
        [
            "Assistant: پرواز شما شنبه ۸ دی، ساعت ۹:۱۵ با شماره ۷۰۰۸ هست.",
            "Assistant: Your flight is Saturday 8 March, 9:15 in the evening.",
            "Assistant: เที่ยวบินวันเสาร์ที่ 8 มี.ค. 9:15 น. ตอนเย็นค่ะ",
        ]
    )
    assert mark_replaced(summary, facts) == summary  # type: ignore[arg-type]
    # without the other fact's value beside it, the part quoted still is marked
    text = mark_replaced("Assistant: ساعت ۹:۱۵ با شماره ۷۰۰۸ هست.", facts)  # type: ignore[arg-type]
    assert "۹:۱۵ (replaced by ساعت ۷)" in text


def test_a_count_in_words_is_marked_replaced_by_a_count_of_the_same_things() -> None:
    facts = [
        history("guest_count", ["two adults"], "three adults"),
        history("nights", ["2 nights"], "three nights"),
        history("guests_fa", ["سه شب"], "چهار شب"),
        history("nights_th", ["สองคืน"], "สามคืน"),
    ]
    text = mark_replaced(  # type: ignore[arg-type]
        "A room for two adults, 2 nights. اتاق برای سه شب. ห้องพักสองคืนค่ะ", facts
    )
    assert "two adults (replaced by three adults)" in text
    assert "2 nights (replaced by three nights)" in text
    assert "سه شب (replaced by چهار شب)" in text
    assert "สองคืน (replaced by สามคืน)" in text


def test_a_price_said_per_unit_in_other_words_is_marked_replaced_by_a_price_per_unit() -> None:
    facts = [
        history("room_rate", ["£289 nightly"], "£310 per night"),
        history("room_rate_2", ["£199pn"], "£210 per night"),
        history("rent", ["20,000 บาท"], "23,000 บาท รวมค่าน้ำและค่าไฟ"),
    ]
    text = mark_replaced(  # type: ignore[arg-type]
        "It was £289 nightly, or £199pn in winter. ค่าเช่า 20,000 บาท ค่ะ", facts
    )
    assert "£289 nightly (replaced by £310 per night)" in text
    assert "£199pn (replaced by £210 per night)" in text
    # «และ» (and) is no «…ละ» (per): the total still replaces the total
    assert "20,000 บาท (replaced by 23,000 บาท รวมค่าน้ำและค่าไฟ)" in text


def test_an_appointment_time_beside_an_open_or_close_word_that_says_no_hours_is_marked() -> None:
    facts = [
        history("appointment_time", ["10am"], "2pm"),
        history("appointment_time_th", ["10 โมง"], "บ่ายสองโมง"),
    ]
    for said in (
        "Your appointment is at 10am when we open the new clinic.",
        "Pickup at 10am, we'll close the ticket after.",
        "นัดเปิดบัญชีไว้ 10 โมงค่ะ",
    ):
        assert "(replaced by" in mark_replaced(said, facts), said  # type: ignore[arg-type]


def test_a_word_an_other_fact_is_whole_does_not_keep_the_old_value_unmarked() -> None:
    facts = [
        history("appointment", ["Tuesday 14:30 with Dr Lee"], "Wednesday 10:00 with Dr Lee"),
        fact("bin_day", "Tuesday"),
    ]
    text = mark_replaced("Booked you Tuesday with Dr Lee.", facts)  # type: ignore[arg-type]
    assert "(replaced by Wednesday 10:00 with Dr Lee)" in text


def test_a_cut_never_shows_the_start_of_an_old_value_holding_a_comma() -> None:
    # Given an old value with commas in it, marked where a summary quotes it, in English,
    # Persian and Thai: its phrase starts at its sentence, never at its last comma
    for lead, old in (
        ("Delivery to ", "Unit 3, Kirkstall Business Park, Leeds"),
        ("ارسال به ", "خیابان ولیعصر، کوچه بهار، پلاک ۱۲"),
        ("ส่งที่ ", "88/219 หมู่ 5, ตำบลบางรักพัฒนา, อำเภอบางบัวทอง"),
    ):
        text = f"First point here. {lead}{old} (replaced by somewhere new)"
        first_part = old.split()[0] + " " + old.split()[1]
        for budget in range(estimate_tokens("First point here.") + 1, estimate_tokens(text)):
            fitted = fit_marked(text, budget)
            assert first_part not in fitted or "(replaced" in fitted, (budget, fitted)
