"""A change that names only its new value still makes the old one replaced, free text
included ("Room 12" → "Room 14", «متفورمین ۵۰۰» → «متفورمین ۱۰۰۰», «สาย B» → «สาย D»),
so the context marks a summary that still quotes the old one."""

from domain.context.replaced import mark_replaced
from domain.memory.offline.superseded import superseded
from tests.memory.folding_support import fold_all


def test_english_a_room_moved_to_replaces_the_room_said_before() -> None:
    changes = superseded(
        ["Assistant: You're booked in Room 12 for three nights."],
        ["We moved you to Room 14 instead, same rate."],
    )
    assert changes.old == ["Room 12"]
    assert changes.new == ["Room 14"]


def test_english_a_named_plan_switched_to_replaces_the_earlier_one() -> None:
    changes = superseded(
        ["Assistant: Your line is on Fibre 150 today."], ["Done, switched to Fibre 500."]
    )
    assert changes.old == ["Fibre 150"]


def test_persian_a_new_dose_replaces_the_dose_of_the_same_medicine() -> None:
    changes = superseded(
        ["Assistant: سه قلم دارو داره: متفورمین ۵۰۰، آتورواستاتین ۲۰ و آملودیپین ۵."],
        ["نسخه جدید دیده شد: متفورمین ۱۰۰۰ دو بسته. جایگزین شد."],
    )
    assert changes.old == ["متفورمین ۵۰۰"]
    assert changes.new == ["متفورمین ۱۰۰۰"]


def test_thai_a_room_type_changed_to_replaces_the_booked_one() -> None:
    changes = superseded(
        ["Assistant: พบการจองแล้วค่ะ ห้อง Deluxe Sea View 1 ห้อง เช็กอินวันพฤหัสบดี"],
        ["ขอยืนยันนะคะ เปลี่ยนเป็นห้อง Pool Villa เช็กอินวันศุกร์ที่ 27 ธ.ค."],
    )
    assert changes.old == ["ห้อง Deluxe Sea View"]


def test_thai_the_old_value_is_named_by_the_heads_last_word() -> None:
    # «อยู่ในเส้นทางสาย» runs into the words before it; «สาย B» is what a summary quotes.
    changes = superseded(
        ["Assistant: อยู่ในเส้นทางสาย B ครับ ค่ารถรับส่งภาคละ 18,000 บาทครับ"],
        ["ที่อยู่ใหม่อยู่ในเส้นทางสาย D ครับ"],
    )
    assert changes.old == ["สาย B"]


def test_without_a_change_cue_a_value_replaces_nothing() -> None:
    for earlier, new in (
        ("Assistant: Room 12 has a sea view.", "Room 14 has a garden view."),
        ("Assistant: متفورمین ۵۰۰ موجوده.", "آملودیپین ۵ هم موجوده. متفورمین ۱۰۰۰ هم داریم."),
        ("Assistant: ห้อง Deluxe Sea View มีวิวทะเลค่ะ", "ห้อง Pool Villa มีสระส่วนตัวค่ะ"),
    ):
        assert superseded([earlier], [new]).old == []


def test_a_repeat_in_another_script_of_digits_replaces_nothing() -> None:
    changes = superseded(["User: پلاک 19 طبقه سوم"], ["ببخشید درستش پلاک ۱۹ هست."])
    assert changes.old == []


def test_a_more_precise_time_is_the_same_value() -> None:
    changes = superseded(["User: ساعت ۱۶ میام"], ["تغییر دادم: ساعت ۱۶:۳۰"])
    assert changes.old == []


def test_a_function_word_or_a_change_word_is_no_head() -> None:
    # "to 3" of "1 to 3 days", «جدید ۳۰»: they say nothing about what the value is.
    assert superseded(["Assistant: It takes 1 to 3 days."], ["Updated to 5 days."]).old == []
    assert superseded(["Assistant: جدید ۲۰ تا"], ["جدید ۳۰ تا عوض شد"]).old == []


def test_a_fold_remembers_the_old_value_and_the_summary_quoting_it_is_marked() -> None:
    state = fold_all(
        [
            ("user", "Hi, I have a booking for next week."),
            ("assistant", "Found it: Room 12 for three nights from Friday."),
            ("user", "Great, thanks."),
            ("assistant", "Anything else?"),
            ("user", "Is breakfast included?"),
            ("assistant", "Yes, breakfast is included."),
            ("user", "Could I have a quieter room?"),
            ("assistant", "Done, I moved you to Room 14 instead, same rate."),
            ("user", "Perfect."),
            ("assistant", "See you Friday."),
        ]
    )
    assert "Room 12" in state.replaced_values
    assert "Room 14" not in state.replaced_values
    marked = mark_replaced("Assistant: Found it: Room 12 for three nights.", [], ["Room 12"])
    assert "Room 12 (replaced)" in marked


def test_a_value_changed_back_to_is_no_longer_marked_as_replaced() -> None:
    state = fold_all(
        [
            ("assistant", "อยู่ในเส้นทางสาย B ครับ"),
            ("user", "ครับ"),
            ("assistant", "ที่อยู่ใหม่อยู่ในเส้นทางสาย D ครับ"),
            ("user", "ขอบคุณครับ"),
            ("assistant", "ยินดีครับ"),
            ("user", "ขอเปลี่ยนกลับเป็นสาย B ครับ"),
            ("assistant", "ได้ครับ"),
        ]
    )
    assert "สาย D" in state.replaced_values
    assert "สาย B" not in state.replaced_values


def test_english_a_named_menu_switched_to_replaces_the_chosen_one() -> None:
    changes = superseded(
        ["Assistant: Yes, with the Classic menu and Silver bar you'd be well above it."],
        ["Absolutely. I've switched you to the Seasonal Harvest menu at £74 per head."],
    )
    assert changes.old == ["Classic menu"]
    assert changes.new == ["Seasonal Harvest menu"]


def test_values_listed_as_options_are_not_what_a_change_replaces() -> None:
    for earlier, new in (
        (
            "Assistant: We have the Classic menu at £68 and the Signature menu at £89.",
            "I've switched you to the Seasonal Harvest menu.",
        ),
        ("Assistant: متفورمین ۵۰۰ یا متفورمین ۸۵۰ داریم.", "متفورمین ۱۰۰۰ جایگزین شد."),
        ("Assistant: มีห้อง Deluxe Sea View กับห้อง Garden Wing ค่ะ", "เปลี่ยนเป็นห้อง Pool Villa ค่ะ"),
    ):
        assert superseded([earlier], [new]).old == []


def test_an_offer_declined_or_a_change_refused_replaces_nothing() -> None:
    said = ["Assistant: You're on the Basic plan, in Room 12."]
    for messages in (
        [
            "Would you like to switch to the Premium plan?",
            "No thanks, I will stay on the Basic plan.",
        ],
        ["Could I switch to Room 14?", "Room 14 is not available, so you stay in Room 12."],
        ["I will not change to Room 14, keep it."],
        ["อยากเปลี่ยนเป็น Room 14 ได้ไหมคะ", "ไม่เปลี่ยนแล้วค่ะ อยู่ Room 12 เหมือนเดิม"],
    ):
        assert superseded(said, messages).old == [], messages
