"""A newer detail that replaces an older detail's value says so: it names the old value as
wrong, corrects a typo of it, or says it changed it where the old value's words stand; an
unrelated value of the same kind replaces nothing (``domain.memory.detail_changes``)."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.context.replaced import ReplacedMarks
from domain.memory.detail_changes import value_changes
from domain.memory.details import kept_details
from schemas.memory_model import Detail, Fact, ReplacedValue
from tests.context.factories import detail

NOW = datetime(2026, 12, 5, tzinfo=UTC)


def _replaced(*details: Detail) -> set[tuple[str, str]]:
    return {(change.old, change.new) for change in value_changes(details)}


def _folded(*details: Detail) -> list[ReplacedValue]:
    """What a fold of ``details`` stores as replaced, as a context reads it."""
    return [replaced for d in kept_details([], details) for replaced in d.replaced]


# -- a correction that names the old value ----------------------------------------------------


def test_a_correction_naming_the_old_value_replaces_it_in_every_language() -> None:
    assert _replaced(
        detail(
            28,
            "Assistant: What's the best mobile for you?\nUser: 07700 900418",
            ["07700 900418"],
            "phone",
        ),
        detail(70, "User: its 07700 900481 not 418.", ["07700 900481"], "phone"),
    ) == {("07700 900418", "07700 900481")}
    assert _replaced(
        detail(5, "User: کد رزرو ۴۵۱۲ هست", ["۴۵۱۲"], "number"),
        detail(9, "User: ۴۵۲۱ هست نه ۴۵۱۲", ["۴۵۲۱", "۴۵۱۲"], "number"),
    ) == {("۴۵۱۲", "۴۵۲۱")}
    assert _replaced(
        detail(
            16, "Assistant: รบกวนขอทะเบียนรถครับ\nUser: 7กข 4821 กทม.", ["7กข 4821"], "identifier"
        ),
        detail(54, "User: ต้องเป็น 7กษ 4821 ไม่ใช่ กข ค่ะ", ["7กษ 4821"], "identifier"),
    ) == {("7กข 4821", "7กษ 4821")}


def test_a_second_number_of_another_thing_replaces_nothing() -> None:
    assert not _replaced(
        detail(28, "User: my mobile is 07700 900418", ["07700 900418"], "phone"),
        detail(70, "User: and my wife's is 07700 900652", ["07700 900652"], "phone"),
    )
    assert not _replaced(
        detail(3, "Assistant: Invoice INV-1001 is paid.", ["INV-1001"], "identifier"),
        detail(5, "User: what about INV-1002?", ["INV-1002"], "identifier"),
    )
    assert not _replaced(
        detail(17, "User: ใช้ 095-381-6624 ครับ", ["095-381-6624"], "phone"),
        detail(54, "User: ยังไม่ได้เปลี่ยนนามสกุล เบอร์ภรรยา 089-205-1137", ["089-205-1137"], "phone"),
    )


# -- a typo put right -------------------------------------------------------------------------


def test_two_swapped_digits_are_a_correction_in_every_language() -> None:
    assert _replaced(
        detail(57, "User: electric 45821", ["45821"], "number"),
        detail(59, "User: oh god you're right its 45281", ["45281"], "number"),
    ) == {("45821", "45281")}
    assert _replaced(
        detail(11, "User: شماره: 9812345678", ["9812345678"], "number"),
        detail(39, "User: آره ببخشید 9812354678 هست", ["9812354678"], "number"),
    ) == {("9812345678", "9812354678")}
    assert _replaced(
        detail(66, "Assistant: เลขพัสดุ Kerry ค่ะ KEXTH1029384756", ["KEXTH1029384756"], "identifier"),
        detail(69, "Assistant: เลขที่ถูกต้องคือ KEXTH1029384765 ค่ะ", ["KEXTH1029384765"], "identifier"),
    ) == {("KEXTH1029384756", "KEXTH1029384765")}


def test_a_near_copy_is_a_correction_only_with_a_word_of_correction() -> None:
    postcode = detail(
        14, "Assistant: No match on HG2 7DN, could you check?", ["HG2 7DN"], "identifier"
    )
    assert _replaced(
        postcode, detail(15, "User: ahh its HG2 7DL, sorry.", ["HG2 7DL"], "identifier")
    ) == {("HG2 7DN", "HG2 7DL")}
    assert not _replaced(
        postcode, detail(15, "User: and the other flat is HG2 7DL", ["HG2 7DL"], "identifier")
    )
    assert _replaced(
        detail(47, "User: praew.sri@gmail.com ค่ะ", ["praew.sri@gmail.com"], "email"),
        detail(51, "User: ต้องเป็น praew.srisuk@gmail.com ค่ะ", ["praew.srisuk@gmail.com"], "email"),
    ) == {("praew.sri@gmail.com", "praew.srisuk@gmail.com")}


# -- a change said where the old value's words stand ------------------------------------------


def test_a_change_of_the_same_thing_replaces_its_value_in_every_language() -> None:
    assert _replaced(
        detail(36, "Assistant: I'll put you down for 5pm collection.", ["5pm"], "time"),
        detail(66, "Assistant: I've changed your collection to 5:45 tomorrow.", ["5:45"], "time"),
    ) == {("5pm", "5:45")}
    assert _replaced(
        detail(7, "Assistant: تحویل خودرو ۱۴ مهر ساعت ۱۰ صبح", ["۱۴ مهر ساعت ۱۰ صبح"], "date"),
        detail(
            52, "Assistant: تحویل خودرو رو به ۱۵ مهر ساعت ۸ تغییر دادم", ["۱۵ مهر ساعت ۸"], "date"
        ),
    ) == {("۱۴ مهر ساعت ۱۰ صبح", "۱۵ مهر ساعت ۸")}
    assert _replaced(
        detail(
            13, "Assistant: ลงนัดให้เป็น ส. 12 ต.ค. 67 เวลา 10:00 น. นะครับ", ["12 ต.ค. 67"], "date"
        ),
        detail(
            28, "Assistant: เปลี่ยนนัดเป็น อา. 13 ต.ค. 67 เวลา 14:00 น. ครับ", ["13 ต.ค. 67"], "date"
        ),
    ) == {("12 ต.ค. 67", "13 ต.ค. 67")}


def test_a_change_of_something_else_replaces_nothing() -> None:
    # another subject's words around the value
    assert not _replaced(
        detail(20, "Assistant: A room is £129 per night.", ["£129"], "amount"),
        detail(
            60,
            "Assistant: I've switched you to the Harvest menu at £74 per head.",
            ["£74"],
            "amount",
        ),
    )
    # "change" as a noun: the fee of a change, not a changed fee
    assert not _replaced(
        detail(5, "Assistant: نرخ پرواز ۷۰۱۲ هست", ["۷۰۱۲"], "number"),
        detail(9, "Assistant: جریمه تغییر ۱۰ درصد قیمت بلیته", ["۱۰"], "number"),
    )
    # parts that were replaced («อะไหล่ที่เปลี่ยน») have their own warranty
    assert not _replaced(
        detail(4, "Assistant: เครื่องรับประกัน 2 ปีครับ", ["2 ปี"], "duration"),
        detail(30, "Assistant: อะไหล่ที่เปลี่ยนรับประกัน 90 วันครับ", ["90 วัน"], "duration"),
    )


def test_a_pair_of_values_is_replaced_in_order() -> None:
    old = detail(
        47,
        "Assistant: สัญญาเริ่ม 1 พ.ย. 2567 สิ้นสุด 31 ต.ค. 2568",
        ["1 พ.ย. 2567", "31 ต.ค. 2568"],
        "date",
    )
    new = detail(
        69,
        "Assistant: เลื่อนเป็นเริ่ม 15 พ.ย. 2567 ถึง 14 พ.ย. 2568 ครับ",
        ["15 พ.ย. 2567", "14 พ.ย. 2568"],
        "date",
    )
    assert _replaced(old, new) == {
        ("1 พ.ย. 2567", "15 พ.ย. 2567"),
        ("31 ต.ค. 2568", "14 พ.ย. 2568"),
    }


def test_a_value_said_again_after_its_change_is_not_replaced() -> None:
    assert not _replaced(
        detail(36, "Assistant: I'll put you down for 5pm collection.", ["5pm"], "time"),
        detail(66, "Assistant: I've changed your collection to 5:45 tomorrow.", ["5:45"], "time"),
        detail(80, "User: sorry, back to 5pm collection after all", ["5pm"], "time"),
    )


def test_a_chain_of_changes_names_the_newest_value() -> None:
    assert _replaced(
        detail(36, "Assistant: I'll put you down for 5pm collection.", ["5pm"], "time"),
        detail(66, "Assistant: I've changed your collection to 5:45 tomorrow.", ["5:45"], "time"),
        detail(78, "Assistant: I've moved your collection to 10am Saturday.", ["10am"], "time"),
    ) == {("5pm", "10am"), ("5:45", "10am")}


# -- where it shows -----------------------------------------------------------------------------


def test_a_detail_whose_every_value_was_replaced_is_superseded() -> None:
    old = detail(3, "User: 40118872", ["40118872"], "number")
    asked = detail(4, "Assistant: I can't find that account.", [], "number")
    new = detail(5, "User: oops, 40118827.", ["40118827"], "number")
    kept = kept_details([old], [asked, new])
    assert [d.superseded for d in kept] == [True, False, False]


def test_a_replaced_value_of_a_detail_is_marked_where_it_is_quoted() -> None:
    changes = _folded(
        *[
            detail(
                28, "Assistant: What's your mobile?\nUser: 07700 900418", ["07700 900418"], "phone"
            ),
            detail(70, "User: its 07700 900481 not 418.", ["07700 900481"], "phone"),
        ]
    )
    marks = ReplacedMarks([], (), changes)
    assert marks.mark("Mobile 07700 900418, text only.") == (
        "Mobile 07700 900418 (replaced by 07700 900481), text only."
    )
    assert marks.mark("Landline 0113 496 0000.") == "Landline 0113 496 0000."
    # a changed value a fact holds as current is another thing's: not marked
    moved = _folded(
        *[
            detail(15, "Assistant: Drop-off booked for Tuesday 14th.", ["Tuesday 14th"], "date"),
            detail(
                41,
                "Assistant: I've moved your drop-off to Thursday 16th.",
                ["Thursday 16th"],
                "date",
            ),
        ]
    )
    assert ReplacedMarks([], (), moved).mark("Drop-off Tuesday 14th.") == (
        "Drop-off Tuesday 14th (replaced by Thursday 16th)."
    )
    fact = Fact(key="payment date", value="Tuesday 14th", source_message_id="m1", updated_at=NOW)
    assert ReplacedMarks([fact], (), moved).mark("Pay by Tuesday 14th.") == "Pay by Tuesday 14th."


def test_a_negation_names_an_old_value_only_by_a_word_or_a_number_end() -> None:
    slot = detail(
        21,
        "Assistant: It's scheduled for Thursday 14 March, between 8am and 1pm.",
        ["Thursday 14 March, between 8am and 1pm"],
        "date",
    )
    # "not be" shares two letters with "between": no correction
    assert not _replaced(
        slot,
        detail(
            60, "User: I might not be in on Tuesday morning after all.", ["Tuesday morning"], "date"
        ),
    )
    assert _replaced(
        slot, detail(60, "User: it's Friday 15 March, not Thursday.", ["Friday 15 March"], "date")
    ) == {("Thursday 14 March, between 8am and 1pm", "Friday 15 March")}


def test_a_change_only_asked_for_replaces_nothing_until_it_is_answered() -> None:
    car = detail(
        30, "Assistant: What time would you like the car?\nUser: 9am, please.", ["9am"], "time"
    )
    assert not _replaced(car, detail(70, "User: Can we move the car to 11am?", ["11am"], "time"))
    assert _replaced(
        car,
        detail(70, "User: Can we move the car to 11am?\nAssistant: Of course.", ["11am"], "time"),
    ) == {("9am", "11am")}
    assert not _replaced(
        detail(20, "Assistant: ถ่ายวันรับจริงช่วงบ่ายค่ะ", ["ช่วงบ่าย"], "time"),
        detail(82, "User: ขอเลื่อนเวลาถ่ายวันรับจริงเป็นบ่ายสี่ได้ไหมคะ", ["บ่ายสี่"], "time"),
    )


def test_a_corrected_typo_is_marked_even_where_a_fact_still_holds_it() -> None:
    changes = _folded(
        *[
            detail(
                14, "Assistant: No match on HG2 7DN, could you check?", ["HG2 7DN"], "identifier"
            ),
            detail(15, "User: ahh its HG2 7DL, sorry.", ["HG2 7DL"], "identifier"),
        ]
    )
    fact = Fact(
        key="address", value="14 Bramley Close, HG2 7DN", source_message_id="m1", updated_at=NOW
    )
    assert ReplacedMarks([fact], (), changes).mark("Moving to 14 Bramley Close, HG2 7DN.") == (
        "Moving to 14 Bramley Close, HG2 7DN (replaced by HG2 7DL)."
    )


# -- stored by the folds ------------------------------------------------------------------------


def test_a_fold_stores_the_replaced_values_on_the_older_detail_and_each_fold_redoes_them() -> None:
    # Given a stored detail, and a later fold whose detail corrects its value
    old = detail(3, "User: 40118872", ["40118872"], "number")
    moved = detail(5, "Assistant: Collection booked for 5pm.", ["5pm"], "time")
    (stored_old, stored_moved) = kept_details([], [old, moved])
    assert stored_old.replaced == stored_moved.replaced == []
    correction = detail(6, "User: oops, 40118827.", ["40118827"], "number")
    change = detail(8, "Assistant: I've changed your collection to 5:45.", ["5:45"], "time")
    # When it is folded: the new details pair with the stored ones
    kept = kept_details([stored_old, stored_moved], [correction, change])
    # Then the older details keep which of their values were replaced, with what and how
    assert [d.replaced for d in kept] == [
        [ReplacedValue(old="40118872", new="40118827", how="corrected")],
        [ReplacedValue(old="5pm", new="5:45", how="changed")],
        [],
        [],
    ]
    # And a later fold that says the old value again makes it current: no longer replaced
    again = detail(12, "User: Collection at 5pm after all, please.", ["5pm"], "time")
    assert [d.replaced for d in kept_details(kept, [again])][1] == []


# -- second read: misfires (a current value marked replaced misleads more) ---------------------


def test_an_apology_or_another_things_value_corrects_nothing_in_every_language() -> None:
    mine = detail(2, "User: you can call me on 07700 900123", ["07700 900123"], "phone")
    # an apology for the wait, and the agent's number after the customer's
    assert not _replaced(
        mine,
        detail(
            4,
            "Assistant: Sorry for the wait, the technician's number is 07700 900555",
            ["07700 900555"],
            "phone",
        ),
    )
    assert not _replaced(
        detail(1, "User: I live at 14 Park Lane, Bristol", ["14 Park Lane, Bristol"], "address"),
        detail(
            4,
            "Assistant: Sorry, one more thing: our depot is at 2 Mill Road, Bristol.",
            ["2 Mill Road, Bristol"],
            "address",
        ),
    )
    # one more number, not instead
    assert not _replaced(
        detail(1, "User: my number is 0412 345 678", ["0412 345 678"], "phone"),
        detail(3, "User: sorry, my wife's number is 0412 555 901 too", ["0412 555 901"], "phone"),
    )
    # «ببخشید» opening a message is "excuse me"; a question asks, it corrects nothing
    home = detail(
        1,
        "User: آدرسم تهران، خیابان ولیعصر، پلاک ۱۲ هست",
        ["تهران، خیابان ولیعصر، پلاک ۱۲"],
        "address",
    )
    assert not _replaced(
        home,
        detail(
            4,
            "User: ببخشید، دفتر ما در تهران، خیابان انقلاب، پلاک ۴۵ است؟",
            ["تهران، خیابان انقلاب، پلاک ۴۵"],
            "address",
        ),
    )
    assert not _replaced(
        detail(1, "User: شماره من ۰۹۱۲۳۴۵۶۷۸۹ هست", ["۰۹۱۲۳۴۵۶۷۸۹"], "phone"),
        detail(3, "User: ببخشید، شماره همسرم ۰۹۳۵۱۱۱۲۲۳۳ هم داشته باشید", ["۰۹۳۵۱۱۱۲۲۳۳"], "phone"),
    )
    assert not _replaced(
        detail(1, "User: เบอร์ผมคือ 081-234-5678 ครับ", ["081-234-5678"], "phone"),
        detail(
            2,
            "Assistant: ขอโทษที่ให้รอนานค่ะ เบอร์ช่างคือ 089-765-4321 ค่ะ",
            ["089-765-4321"],
            "phone",
        ),
    )
    assert not _replaced(
        detail(1, "User: ที่อยู่ผม 99/1 ถนนสุขุมวิท กรุงเทพ", ["99/1 ถนนสุขุมวิท กรุงเทพ"], "address"),
        detail(
            2,
            "Assistant: ขอโทษค่ะ ร้านเราอยู่ที่ 12 ถนนสีลม กรุงเทพ ค่ะ",
            ["12 ถนนสีลม กรุงเทพ"],
            "address",
        ),
    )


def test_a_value_said_corrected_among_the_old_ones_words_still_replaces_it() -> None:
    assert _replaced(
        detail(3, "User: my number is 0412 345 678", ["0412 345 678"], "phone"),
        detail(5, "User: sorry, wrong number, it's 0498 111 222", ["0498 111 222"], "phone"),
    ) == {("0412 345 678", "0498 111 222")}
    assert _replaced(
        detail(3, "User: شماره من ۰۹۱۲۳۴۵۶۷۸۹ هست", ["۰۹۱۲۳۴۵۶۷۸۹"], "phone"),
        detail(5, "User: نه اشتباه گفتم، شماره من ۰۹۳۵۱۱۱۲۲۳۳ هست", ["۰۹۳۵۱۱۱۲۲۳۳"], "phone"),
    ) == {("۰۹۱۲۳۴۵۶۷۸۹", "۰۹۳۵۱۱۱۲۲۳۳")}
    assert _replaced(
        detail(3, "User: เบอร์ผม 081-234-5678 ครับ", ["081-234-5678"], "phone"),
        detail(5, "User: ขอโทษครับ เบอร์ผมที่ถูกคือ 089-111-2222", ["089-111-2222"], "phone"),
    ) == {("081-234-5678", "089-111-2222")}


def test_a_change_of_another_thing_of_the_same_name_replaces_nothing_in_every_language() -> None:
    assert not _replaced(
        detail(
            1, "User: My son's dental appointment is on 12 May at 3pm", ["12 May at 3pm"], "date"
        ),
        detail(
            3,
            "User: And I moved my daughter's dental appointment to 14 May at 4pm",
            ["14 May at 4pm"],
            "date",
        ),
    )
    assert not _replaced(
        detail(1, "User: The kitchen delivery is on Monday 3 June", ["Monday 3 June"], "date"),
        detail(
            3,
            "User: The bathroom tiles delivery was moved to Friday 7 June",
            ["Friday 7 June"],
            "date",
        ),
    )
    assert not _replaced(
        detail(1, "User: The plumber's visit is at 10am on Monday", ["10am"], "time"),
        detail(3, "User: The electrician changed his visit to 2pm", ["2pm"], "time"),
    )
    assert not _replaced(
        detail(1, "User: نوبت دندانپزشکی پسرم ۱۲ خرداد ساعت ۳ هست", ["۱۲ خرداد ساعت ۳"], "date"),
        detail(
            3,
            "User: نوبت دندانپزشکی دخترم رو تغییر دادم به ۱۴ خرداد ساعت ۴",
            ["۱۴ خرداد ساعت ۴"],
            "date",
        ),
    )
    assert not _replaced(
        detail(1, "User: นัดหมอฟันลูกชายวันที่ 12 พฤษภาคม", ["วันที่ 12 พฤษภาคม"], "date"),
        detail(3, "User: นัดหมอฟันลูกสาวเลื่อนเป็นวันที่ 14 พฤษภาคม", ["วันที่ 14 พฤษภาคม"], "date"),
    )
    assert not _replaced(
        detail(1, "User: ค่าส่งสินค้าไปเชียงใหม่ 150 บาท", ["150 บาท"], "amount"),
        detail(3, "User: ค่าส่งสินค้าไปภูเก็ตเปลี่ยนเป็น 200 บาท", ["200 บาท"], "amount"),
    )
    # the same thing, with a word of one side alone, still changes
    assert _replaced(
        detail(1, "User: ค่าส่งสินค้า 150 บาท", ["150 บาท"], "amount"),
        detail(3, "Assistant: ค่าส่งสินค้าเปลี่ยนเป็น 200 บาทครับ", ["200 บาท"], "amount"),
    ) == {("150 บาท", "200 บาท")}


def test_a_swap_with_no_word_of_correction_must_be_of_the_same_thing() -> None:
    assert not _replaced(
        detail(1, "User: my order number is 45821", ["45821"], "number"),
        detail(3, "User: and the invoice number is 45281", ["45281"], "number"),
    )
    assert not _replaced(
        detail(1, "User: شماره سفارش من ۴۵۸۲۱ هست", ["۴۵۸۲۱"], "number"),
        detail(3, "User: ببخشید، کد پستی ۴۵۲۸۱ رو هم بنویسید", ["۴۵۲۸۱"], "number"),
    )
    assert not _replaced(
        detail(1, "User: เลขคำสั่งซื้อ 45821 ครับ", ["45821"], "number"),
        detail(3, "User: เลขใบแจ้งหนี้ 45281 ครับ", ["45281"], "number"),
    )
    # with one (the right one named: «ที่ถูก»), or no word of its own, it is a typo
    assert _replaced(
        detail(1, "User: เลขคำสั่งซื้อ TH2024118833 ค่ะ", ["TH2024118833"], "identifier"),
        detail(3, "User: ที่ถูกคือ TH2024118838 ค่ะ", ["TH2024118838"], "identifier"),
    ) == {("TH2024118833", "TH2024118838")}
    assert _replaced(
        detail(1, "User: my order number is 45821", ["45821"], "number"),
        detail(3, "User: 45281", ["45281"], "number"),
    ) == {("45821", "45281")}


# -- a change asked for and agreed to (``domain.memory.agreed_changes``) ------------------------


def test_a_change_asked_for_and_agreed_to_replaces_the_value_just_before_in_every_language() -> (
    None
):
    # the agreement names the new value, with no word of change beside it
    assert _replaced(
        detail(
            10,
            "Assistant: The plumber can come Tuesday 3 March at 9am.",
            ["Tuesday 3 March at 9am"],
            "date",
        ),
        detail(
            11,
            "User: could we make it the Friday instead?\nAssistant: Sure, Friday 6 March at 9am.",
            ["Friday 6 March at 9am"],
            "date",
            12,
        ),
    ) == {("Tuesday 3 March at 9am", "Friday 6 March at 9am")}
    # the request names it, the other speaker's next line agrees
    assert _replaced(
        detail(
            10, "Assistant: Saturday 12 September is available.", ["Saturday 12 September"], "date"
        ),
        detail(
            11,
            "User: can we do Saturday 19 September instead?\nAssistant: Of course.",
            ["Saturday 19 September"],
            "date",
            12,
        ),
    ) == {("Saturday 12 September", "Saturday 19 September")}
    assert _replaced(
        detail(20, "Assistant: پنجشنبه ساعت ۵ برای کلاس خالیه.", ["پنجشنبه ساعت ۵"], "date"),
        detail(
            21,
            "User: به جاش جمعه ساعت ۶ میشه؟\nAssistant: باشه، جمعه ساعت ۶ ثبت شد.",
            ["جمعه ساعت ۶", "جمعه ساعت ۶"],
            "date",
            22,
        ),
    ) == {("پنجشنبه ساعت ۵", "جمعه ساعت ۶")}
    assert _replaced(
        detail(
            108, "Assistant: ช่างเข้าได้ อ. 3 ธ.ค. 10:00 น. สะดวกไหมครับ", ["3 ธ.ค. 10:00 น."], "date"
        ),
        detail(
            109,
            "User: ขอเป็นวันเสาร์ได้มั้ยคะ\nAssistant: ได้ครับ เป็น ส. 7 ธ.ค. 10:00 น. นะครับ",
            ["วันเสาร์", "7 ธ.ค. 10:00 น."],
            "date",
            110,
        ),
    ) == {("3 ธ.ค. 10:00 น.", "7 ธ.ค. 10:00 น.")}


def test_an_agreement_that_goes_on_in_the_next_detail_names_the_change() -> None:
    # "ได้ค่ะ" closes the request's detail; the date it agrees to opens the next one
    assert _replaced(
        detail(
            63,
            "Assistant: นัดติดตามอาการวันที่ 29 ธ.ค. ใช่ไหมคะ\nUser: ใช่ค่ะ 29 ธ.ค. แต่ตอนนั้นไม่อยู่ค่ะ",
            ["วันที่ 29 ธ.ค.", "29 ธ.ค."],
            "date",
            64,
        ),
        detail(
            64,
            "User: ขอเลื่อนเป็นหลังปีใหม่ได้ไหมคะ\nAssistant: ได้ค่ะ",
            ["ขอเลื่อนเป็นหลังปีใหม่ได้ไหมคะ"],
            "instruction",
            65,
        ),
        detail(
            65,
            "Assistant: หมอเข้าวันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น. ค่ะ",
            ["วันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น."],
            "date",
        ),
    ) == {("29 ธ.ค.", "วันอาทิตย์ 5 ม.ค. 68 เวลา 11:00 น.")}


def test_a_request_refused_or_for_no_change_or_of_another_thing_replaces_nothing() -> None:
    offered = detail(
        10, "Assistant: Saturday 12 September is available.", ["Saturday 12 September"], "date"
    )
    refused = detail(
        11,
        "User: can we do Saturday 19 September instead?\nAssistant: Sorry, the 19th is full.",
        ["Saturday 19 September"],
        "date",
        12,
    )
    assert not _replaced(offered, refused)
    assert not _replaced(
        detail(
            108, "Assistant: ช่างเข้าได้ อ. 3 ธ.ค. 10:00 น. สะดวกไหมครับ", ["3 ธ.ค. 10:00 น."], "date"
        ),
        detail(
            109,
            "User: ขอเป็นวันเสาร์ได้มั้ยคะ\nAssistant: ขอโทษครับ ส. 7 ธ.ค. เต็มแล้วครับ",
            ["วันเสาร์", "7 ธ.ค."],
            "date",
            110,
        ),
    )
    # a first choice agreed to, and one more asked for, are no change
    assert not _replaced(
        detail(10, "Assistant: The deposit is £200.", ["£200"], "amount"),
        detail(
            11,
            "Assistant: Would you like to pay the £800 balance now?\nUser: yes please",
            ["£800"],
            "amount",
            12,
        ),
    )
    assert not _replaced(
        detail(
            10, "Assistant: The technician's number is 07700 900111.", ["07700 900111"], "phone"
        ),
        detail(
            11,
            "Assistant: Could we take another number for you?\nUser: sure, 07700 900222",
            ["07700 900222"],
            "phone",
            12,
        ),
    )
    # the check-in's date is not the check-out's
    assert not _replaced(
        detail(10, "Assistant: Your check-in is Friday 12 June.", ["Friday 12 June"], "date"),
        detail(
            11,
            "User: we'd rather check out on Sunday 14 June.\nAssistant: No problem.",
            ["Sunday 14 June"],
            "date",
            12,
        ),
    )
    # the same day said again with its time changed is no change of the day
    assert not _replaced(
        detail(
            10,
            "Assistant: Does that change anything for the car on the 23rd?",
            ["the 23rd"],
            "date",
        ),
        detail(
            11,
            "User: Can we move the car to 11am?\nAssistant: Of course, 11am on Nov 23.",
            ["Nov 23"],
            "date",
            12,
        ),
    )


def test_a_change_agreed_to_replaces_only_a_value_said_just_before_the_request() -> None:
    assert not _replaced(
        detail(
            3, "Assistant: Saturday 12 September is available.", ["Saturday 12 September"], "date"
        ),
        detail(
            11,
            "User: can we do Saturday 19 September instead?\nAssistant: Sure.",
            ["Saturday 19 September"],
            "date",
            12,
        ),
    )


def test_an_agreement_that_names_what_its_value_is_of_changes_nothing() -> None:
    # the change asked for is of another thing (the way to pay, the cover, the group): the
    # agreement's sum is that thing's, no change of the sum said before
    assert not _replaced(
        detail(10, "User: The jacket is £80 in blue.", ["£80"], "amount"),
        detail(
            11,
            "User: Can I pay by card rather than cash?\n"
            "Assistant: Sure, the total is £85 with the card fee.",
            ["£85"],
            "amount",
            12,
        ),
    )
    assert not _replaced(
        detail(10, "User: The school trip costs £120 per child.", ["£120"], "amount"),
        detail(
            11,
            "User: Could my other son switch to the museum group?\n"
            "Assistant: Of course, the museum group is £95.",
            ["£95"],
            "amount",
            12,
        ),
    )
    assert not _replaced(
        detail(10, "User: The car hire is 3 days.", ["3 days"], "duration"),
        detail(
            11,
            "User: Could I change the insurance to full cover?\n"
            "Assistant: Sure, full cover is £15 a day.",
            ["£15", "a day"],
            "duration",
            12,
        ),
    )
