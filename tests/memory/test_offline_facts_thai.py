"""Thai support dialogue, value by value, through the real offline extractor.

Thai writes words without spaces and ends sentences without punctuation, so rules
that read English or Persian by word boundaries need Thai forms of their own:
addresses that open with a building, corrections that are not hidden inside
longer words, questions asked without a question mark, and so on.
"""

from __future__ import annotations

import pytest

from domain.memory.offline.facts import extract_facts
from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import (
    conversation,
    current,
    facts_of,
    history,
    transcript,
)

# -- addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ที่ถูกคืออาคาร C ห้อง 1705ครับ โครงการเดิม", "อาคาร C ห้อง 1705"),
        (
            "อาคารจามจุรีสแควร์ ชั้น 18 ถนนพญาไท แขวงวังใหม่ เขตปทุมวัน กรุงเทพฯ 10330 ค่ะ",
            "อาคารจามจุรีสแควร์ ชั้น 18 ถนนพญาไท แขวงวังใหม่ เขตปทุมวัน กรุงเทพฯ 10330",
        ),
        ("หมู่บ้านเพอร์เฟคเพลส ซอยรามคำแหง 164 ค่ะ", "หมู่บ้านเพอร์เฟคเพลส ซอยรามคำแหง 164"),
        # the tower's number is part of the building's name, not the house number
        (
            "อาคารสาทรธานี 2 ชั้น 19 ถ.สาทรเหนือ แขวงสีลม เขตบางรัก กทม. 10500 ครับ",
            "อาคารสาทรธานี 2 ชั้น 19 ถ.สาทรเหนือ แขวงสีลม เขตบางรัก กทม. 10500",
        ),
    ],
)
def test_an_address_may_open_with_its_building_or_village(text: str, address: str) -> None:
    assert [(v.kind, v.text) for v in find_values(text)] == [(Kind.ADDRESS, address)]


def test_a_project_name_after_the_address_is_belongs_to_a_building_led_address() -> None:
    text = "ขอตรวจสอบข้อมูลการจัดส่งนะคะ ที่อยู่คือ ลุมพินี เพลส พระราม 9 ตึก A ห้อง 1208 และหมายเหตุ"
    assert [v.text for v in find_values(text)] == ["ลุมพินี เพลส พระราม 9 ตึก A ห้อง 1208"]
    # a clause is no name: it ends with a particle
    assert [v.text for v in find_values("ที่อยู่คือ โทรมาก่อนนะ ตึก A ห้อง 5")] == ["ตึก A ห้อง 5"]


def test_the_house_registration_address_is_not_the_delivery_address() -> None:
    facts = conversation(
        ("user", "ส่งที่ 128/45 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพฯ 10400 ค่ะ"),
        ("user", "แล้วขอใบกำกับภาษีเต็มรูปได้ไหมคะ"),
        (
            "user",
            "ในนามดิฉันค่ะ แต่ที่อยู่ไม่ใช่ที่ส่งของนะคะ ใช้ตามทะเบียนบ้าน 56 หมู่ 3 ตำบลบ้านเป็ด"
            " อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000 ค่ะ",
        ),
    )
    assert current(facts)["delivery_address"].startswith("128/45 ถนนพหลโยธิน")
    assert current(facts)["registered_address"].startswith("56 หมู่ 3 ตำบลบ้านเป็ด")
    assert history(facts, "delivery_address") == []


@pytest.mark.parametrize(
    "text", ["แนะนำอาคารจอดรถ C ชั้น 4 ขึ้นไป มีทางเชื่อมไปอาคาร A ค่ะ", "อาคาร C ชั้น 1 ครับ"]
)
def test_a_floor_of_a_building_alone_is_no_address(text: str) -> None:
    assert all(v.kind is not Kind.ADDRESS for v in find_values(text))


def test_the_address_a_service_moves_away_from_is_kept_apart_from_the_new_one() -> None:
    facts = conversation(
        (
            "assistant",
            "ที่อยู่ติดตั้งปัจจุบันคือ 77/3 ซอยลาดพร้าว 101 แขวงคลองจั่น เขตบางกะปิ กรุงเทพฯ 10240 ใช่ไหมคะ",
        ),
        ("user", "ใช่ครับ จะย้ายไปคอนโดใหม่"),
        ("assistant", "รบกวนขอที่อยู่ใหม่ด้วยค่ะ"),
        ("user", "อาคาร B ห้อง 1507 ซอยสุขุมวิท 105 แขวงบางนาใต้ครับ"),
    )
    assert current(facts)["previous_address"].startswith("77/3 ซอยลาดพร้าว 101")
    assert current(facts)["delivery_address"] == "อาคาร B ห้อง 1507 ซอยสุขุมวิท 105 แขวงบางนาใต้"
    assert history(facts, "delivery_address") == []


# -- corrections -----------------------------------------------------------------------------


def test_disowning_a_charge_is_no_correction_of_the_birth_date() -> None:
    facts = conversation(
        ("assistant", "ขอวันเดือนปีเกิดด้วยครับ"),
        ("user", "๑๔ มีนาคม ๒๕๒๘ ค่ะ"),
        ("user", "มีอีกรายการค่ะ 1,490 บาท ร้านสะดวกซื้อ วันอาทิตย์ตอนเช้า อันนี้ก็ไม่ใช่ดิฉัน"),
    )
    assert current(facts)["date_of_birth"] == "๑๔ มีนาคม ๒๕๒๘"
    assert history(facts, "date_of_birth") == []


@pytest.mark.parametrize(
    "words", ["ผิดหวังมากค่ะ", "ใครรับผิดชอบคะ", "ให้ตัวแทนโทรมาค่ะ", "ไม่สามารถให้ผู้อื่นรับแทนได้"]
)
def test_thai_words_that_only_hold_a_correction_word_correct_nothing(words: str) -> None:
    facts = facts_of(("user", f"{words} วันอาทิตย์"), known=[("date_of_birth", "๑๔ มีนาคม ๒๕๒๘")])
    assert "date_of_birth" not in facts


# -- identifiers -----------------------------------------------------------------------------


def test_a_second_coupon_is_another_coupon_not_a_replacement() -> None:
    facts = conversation(
        ("assistant", "เพื่อเป็นการขอโทษ แอดมินมอบโค้ดส่วนลด SORRY50 ลด 50 บาทค่ะ"),
        ("user", "โค้ดไหนใช้ไม่ได้คับ"),
        ("assistant", "รบกวนแจ้งโค้ดที่ใช้ไม่ได้ด้วยค่ะ"),
        ("user", "HUNGRY40 คับ เห็นในหน้าโปร"),
        ("user", "งั้นใช้ SORRY50 แทนได้ปะ"),
    )
    assert sorted(v for k, v in current(facts).items() if k.startswith("coupon_code")) == [
        "HUNGRY40",
        "SORRY50",
    ]
    assert history(facts, "coupon_code") == []


# -- instructions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "instruction"),
    [
        (
            "แล้วก็ฝากบอกช่างว่าบ้านมีหมา กดกริ่งรอก่อน อย่าเปิดประตูรั้วเองนะครับ",
            "บ้านมีหมา กดกริ่งรอก่อน อย่าเปิดประตูรั้วเองนะครับ",
        ),
        (
            "นิติบอกว่าช่างต้องแลกบัตรที่ล็อบบี้ และต้องแจ้งนิติล่วงหน้า 1 วันครับ",
            "ช่างต้องแลกบัตรที่ล็อบบี้ และต้องแจ้งนิติล่วงหน้า 1 วันครับ",
        ),
        ("ให้ขึ้นมาส่งหน้าห้อง 1208 เลย โทรก่อนขึ้นคับ", "ขึ้นมาส่งหน้าห้อง 1208 เลย โทรก่อนขึ้นคับ"),
    ],
)
def test_a_thai_instruction_keeps_who_it_is_for_and_why(text: str, instruction: str) -> None:
    facts = facts_of(("user", text))
    assert facts["delivery_instruction"] == instruction
    assert "contact_preference" not in facts  # "โทรก่อนขึ้น" is part of the drop-off


def test_a_thai_request_asked_without_a_question_mark_is_no_instruction_yet() -> None:
    assert "delivery_instruction" not in facts_of(("user", "ถ้ามาแล้วไม่มีใครอยู่ ฝากไว้กับนิติได้ไหมคะ"))


def test_fasting_before_a_test_is_a_preparation_the_assistant_gives() -> None:
    facts = conversation(
        ("user", "เช้ามากเลยค่ะ แล้วต้องงดอาหารไหมคะ"),
        ("assistant", "ต้องงดน้ำและอาหารหลังเที่ยงคืนค่ะ ดื่มน้ำเปล่าได้เล็กน้อย"),
        ("user", "ขอบคุณค่ะ งดอาหารหลังเที่ยงคืนเหมือนเดิมใช่ไหมคะ"),
        ("user", "ถูกต้องค่ะ งดอาหารหลังเที่ยงคืนคืนนี้นะ"),
    )
    assert current(facts)["preparation_instruction"] == "งดน้ำและอาหารหลังเที่ยงคืน"
    assert history(facts, "preparation_instruction") == []


def test_a_model_code_after_a_brand_in_a_thai_sentence_is_the_model_with_its_brand() -> None:
    facts = facts_of(
        (
            "assistant",
            "เจอแล้วค่ะ เป็นคำสั่งซื้อตู้เย็น 2 ประตู Hitachi R-VGX400PF สีเงิน 1 เครื่อง",
        )
    )
    assert facts["product_model"] == "Hitachi R-VGX400PF"
    assert "order_id" not in facts


# -- names -----------------------------------------------------------------------------------


def test_a_doctor_by_title_is_a_fact_with_the_clinic_and_a_later_mention_restates_it() -> None:
    facts = conversation(
        (
            "assistant",
            "ตอนนี้คุณพ่อมีนัดกับนพ.ศักดิ์ชัย คลินิกโรคหัวใจ วันพฤหัสบดีที่ 12 ธ.ค. เวลา 09.30 น.ค่ะ",
        ),
        ("assistant", "ยืนยันนัดใหม่เป็นวันพุธที่ 18 ธันวาคม เวลา 13.30 น. กับ นพ.ศักดิ์ชัย เหมือนเดิมค่ะ"),
    )
    assert current(facts)["doctor_name"] == "นพ.ศักดิ์ชัย คลินิกโรคหัวใจ"
    assert history(facts, "doctor_name") == []


def test_names_on_a_ticket_are_one_passenger_each_and_a_respelling_corrects_its_own() -> None:
    facts = conversation(
        (
            "assistant",
            "ขอตรวจชื่อผู้โดยสารนะคะ ผู้ใหญ่ MS KAMONWAN SAENGTHONG และเด็ก MSTR PHUMIPAT SAENGTONG"
            " ถูกต้องไหมคะ",
        ),
        ("user", "ต้องเป็น KAMONWAN SAENGTONG เหมือนของลูกค่ะ ตอนจองพิมพ์เร็วไป"),
    )
    assert current(facts)["passenger_name"] == "KAMONWAN SAENGTONG"
    assert history(facts, "passenger_name") == ["MS KAMONWAN SAENGTHONG"]
    assert current(facts)["passenger_name_2"] == "MSTR PHUMIPAT SAENGTONG"


@pytest.mark.parametrize(
    "text", ["PLEASE HELP ME with my order", "آها دیدم SN GR24-8815403", "เขียนว่า HBD แม่แอน"]
)
def test_capitals_that_are_no_name_on_a_ticket(text: str) -> None:
    assert not any(key.startswith("passenger_name") for key in facts_of(("user", text)))


def test_a_coupons_minimum_spend_is_not_the_order_total() -> None:
    facts = conversation(
        ("assistant", "ใบเสร็จระบุชาไทยปั่น 2 แก้วจริง ยอดชำระทั้งออเดอร์ 347 บาทค่ะ"),
        ("assistant", "จะคืนส่วนต่างอีก 10 บาท รวมยอดคืนทั้งหมด 140 บาทค่ะ"),
        ("assistant", "โค้ด HUNGRY40 ต้องมียอดสั่งขั้นต่ำ 250 บาทค่ะ"),
    )
    assert current(facts)["order_total"] == "347 บาท"
    assert current(facts)["refund_amount"] == "140 บาท"
    assert current(facts)["minimum_spend"] == "250 บาท"
    assert history(facts, "order_total") == []


def test_capitals_on_a_bank_statement_are_no_passenger() -> None:
    facts = facts_of(("assistant", "จะแสดงเป็น FOODGO REFUND ค่ะ ยอด 140 บาท"))
    assert not any(key.startswith("passenger_name") for key in facts)


def test_a_report_of_the_rider_coming_up_is_no_new_instruction() -> None:
    facts = conversation(
        ("user", "ให้ขึ้นมาส่งหน้าห้อง 1208 เลย โทรก่อนขึ้นคับ"),
        ("user", "ไรเดอร์ขึ้นมาส่งหน้าห้องจริงด้วย หมายเหตุใหม่ใช้ได้ 👍"),
    )
    assert current(facts)["delivery_instruction"] == "ขึ้นมาส่งหน้าห้อง 1208 เลย โทรก่อนขึ้นคับ"
    assert "delivery_instruction_2" not in current(facts)


# -- dates and what they are of --------------------------------------------------------------

_STAY = [("check_in_date", "วันศุกร์ที่ 27 ธ.ค."), ("check_out_date", "วันจันทร์ที่ 30 ธ.ค.")]


def test_a_cue_after_and_opens_the_next_thai_clause() -> None:
    facts = facts_of(
        ("assistant", "เค้กมะพร้าววันที่ 28 เวลา 20.00 น. และเช็กเอาต์ช้าถึง 14.00 น. ค่ะ"),
        known=_STAY,
    )
    assert "check_out_date" not in facts
    assert facts["check_out_time"] == "14.00 น."


def test_a_date_counted_from_check_in_is_not_the_check_in_date() -> None:
    facts = facts_of(("assistant", "ยกเลิกฟรีก่อนวันเช็กอิน 7 วันค่ะ คือภายในวันที่ 20 ธ.ค."), known=_STAY)
    assert "check_in_date" not in facts


def test_a_new_booking_far_from_a_date_makes_it_no_new_date_of_the_stay() -> None:
    facts = facts_of(
        (
            "assistant",
            "คืนวันที่ 28 ธ.ค. มีห้อง Superior Garden View ว่างค่ะ ราคา 2,900 บาท รวมอาหารเช้า"
            " แยกเป็นการจองใหม่นะคะ",
        ),
        known=_STAY,
    )
    assert "check_in_date" not in facts and "check_out_date" not in facts


def test_a_question_answered_with_its_cue_is_not_answered_again_by_a_later_date() -> None:
    facts = conversation(
        ("user", "เช็กเอาต์วันที่ 30 ได้ช้าหน่อยไหมครับ"),
        ("assistant", "Pool Villa เช็กเอาต์ช้าได้ถึง14.00 น. ไม่มีค่าใช้จ่ายค่ะ"),
        ("user", "ดีเลยครับ"),
        ("assistant", "เค้กมะพร้าววันที่ 28 เวลา 20.00 น. ค่ะ"),
    )
    assert current(facts)["check_out_date"] == "วันที่ 30"  # the customer's, not the cake's
    assert history(facts, "check_out_date") == []


@pytest.mark.parametrize(
    ("said_again", "known"),
    [
        ("ศุกร์ที่ 27 ธ.ค.", "วันศุกร์ที่ 27 ธ.ค."),
        ("วันพุธที่ 18 ธ.ค.", "วันพุธที่ 18 ธันวาคม"),
        ("18 ธันวา", "วันพุธที่ 18 ธันวาคม"),
    ],
)
def test_a_thai_date_said_another_way_restates_it(said_again: str, known: str) -> None:
    facts = facts_of(
        ("assistant", f"ยืนยันนัดหมาย{said_again}ค่ะ"), known=[("appointment_date", known)]
    )
    assert "appointment_date" not in facts  # nothing new to report


def test_another_thai_date_is_a_new_value() -> None:
    facts = facts_of(
        ("assistant", "เลื่อนนัดหมายเป็นวันพุธที่ 19 ธ.ค. ค่ะ"),
        known=[("appointment_date", "วันพุธที่ 18 ธันวาคม")],
    )
    assert facts["appointment_date"] == "วันพุธที่ 19 ธ.ค."


# -- named things ----------------------------------------------------------------------------


def test_a_room_type_changed_replaces_the_booked_one_and_an_offer_chooses_nothing() -> None:
    facts = conversation(
        ("assistant", "พบการจองแล้วค่ะ ห้อง Deluxe Sea View 1 ห้อง รวม 3 คืนค่ะ"),
        ("assistant", "ขอยืนยันนะคะ เปลี่ยนเป็นห้อง Pool Villa 3 คืนค่ะ"),
        ("assistant", "คืนวันที่ 28 ธ.ค. มีห้อง Superior Garden View ว่างค่ะ"),
    )
    assert current(facts)["room_type"] == "Pool Villa"
    assert history(facts, "room_type") == ["Deluxe Sea View"]


def test_a_programme_chosen_after_a_list_of_two() -> None:
    facts = conversation(
        ("assistant", "โรงเรียนมีสองหลักสูตรสำหรับ ป.2 คือ หลักสูตรภาษาอังกฤษ และหลักสูตรสองภาษาครับ"),
        ("assistant", "หลักสูตรภาษาอังกฤษค่าเทอมภาคละ 185,000 บาทครับ"),
        ("user", "คุยกับคุณพ่อแล้ว เราเปลี่ยนใจค่ะ ขอเป็นหลักสูตรสองภาษาแทนค่ะ"),
    )
    assert current(facts)["programme"] == "หลักสูตรสองภาษา"
    assert history(facts, "programme") == ["หลักสูตรภาษาอังกฤษ"]


def test_an_internet_package_by_its_speeds_is_no_amount() -> None:
    facts = conversation(
        ("assistant", "ตอนนี้เป็นแพ็กเกจ 500/500 Mbps ค่าบริการ 599 บาทต่อเดือนค่ะ"),
        ("assistant", "มีโปรส่วนลด 500 บาท อัปเกรดเป็น 1000/500 Mbps ราคา 699 บาทต่อเดือนค่ะ"),
    )
    assert current(facts)["internet_package"] == "1000/500 Mbps"
    assert current(facts)["discount"] == "500 บาท"
    assert history(facts, "discount") == []


def test_a_shop_and_its_branch_named_in_a_confirming_question() -> None:
    facts = facts_of(
        (
            "assistant",
            "เป็นออเดอร์จากร้านข้าวมันไก่เฮียเส็ง สาขาบรรทัดทอง สั่งเมื่อ19.42 น. วันนี้ ใช่ไหมคะ",
        )
    )
    assert facts["shop_branch"] == "ข้าวมันไก่เฮียเส็ง สาขาบรรทัดทอง"


def test_the_new_card_is_a_card_of_its_own_not_a_new_value_of_the_lost_one() -> None:
    facts = conversation(
        ("assistant", "บัตรที่หายเป็นบัตรหมายเลขลงท้ายอะไรครับ"),
        ("user", "4417 ค่ะ บัตรแพลทินัมค่ะ"),
        ("assistant", "อายัดบัตรลงท้าย 4417 เรียบร้อยแล้วครับ"),
        ("assistant", "บัตรใหม่หมายเลขลงท้ายอะไรครับ ผมจะช่วยตรวจสอบสถานะให้"),
        ("user", "ลงท้าย 8052 ค่ะ"),
        ("assistant", "บัตรลงท้าย 8052 พร้อมเปิดใช้งานครับ"),
    )
    assert "4417" in current(facts)["payment_card"]
    assert "8052" in current(facts)["new_card"]
    assert not any("8052" in value for value in history(facts, "payment_card"))


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("อ้อ เรื่องสำคัญครับ ลูกแพ้กุ้งครับ แพ้หนักด้วย", "allergy", "แพ้กุ้ง"),
        ("Pool Villa นอนได้กี่คน เรามาผู้ใหญ่ 2 เด็ก 1 ลูกอายุ 7 ขวบ", "guest_count", "ผู้ใหญ่ 2 เด็ก 1"),
        ("ตอนนี้ระบบจัดให้เป็นที่นั่ง 7A และ 7Bค่ะ 7A ริมหน้าต่างค่ะ", "seats", "ที่นั่ง 7A และ 7B"),
    ],
)
def test_allergies_party_and_seats(text: str, key: str, value: str) -> None:
    assert facts_of(("user", text))[key] == value


def test_a_booking_code_ending_in_pm_is_no_time_of_day() -> None:
    facts = facts_of(("assistant", "รบกวนขอรหัสการจอง 6 หลักด้วยนะคะ"), ("user", "H7K2PM ค่า"))
    assert facts == {"booking_reference": "H7K2PM"}


@pytest.mark.parametrize(
    ("question", "answer", "key", "value"),
    [
        (None, "สลิปเลขที่ 20250107-5521 ค่ะ", "payment_slip", "20250107-5521"),
        ("ขอรหัสนักเรียนของน้องพิมพ์ดาวครับ", "๖๔๐๒๑๘ ค่ะ", "student_id", "๖๔๐๒๑๘"),
    ],
)
def test_a_transfer_slip_and_a_student_id(
    question: str | None, answer: str, key: str, value: str
) -> None:
    context = [("assistant", question)] if question else []
    assert facts_of(*context, ("user", answer))[key] == value


def test_a_bus_line_changed_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "อยู่ในเส้นทางสาย B ครับ ค่ารถรับส่งภาคละ 18,000 บาทครับ"),
        ("assistant", "ที่อยู่ใหม่อยู่ในเส้นทางสาย D ครับ ค่ารถภาคละ 22,000 บาทครับ"),
    )
    assert current(facts)["route"] == "สาย D"
    assert history(facts, "route") == ["สาย B"]


def test_a_thai_rate_keeps_what_it_is_per() -> None:
    facts = facts_of(
        (
            "assistant",
            "ต่อถึงวันที่ 10 ธันวาคม นะคะ ค่าเช่าเพิ่ม 2 วัน วันละ 1,200 บาท รวม 2,400 บาทค่ะ",
        )
    )
    assert facts["rental_rate"] == "วันละ 1,200 บาท"
    assert facts_of(("assistant", "มี Pool Villa ค่ะ ราคาคืนละ 5,950 บาท"))["price"] == (
        "คืนละ 5,950 บาท"
    )


def test_the_way_out_and_the_way_back_are_two_dates() -> None:
    facts = facts_of(
        (
            "assistant",
            "ขาไปดอนเมือง-เชียงราย เที่ยวบิน TS214 วันศุกร์ที่ 20 ธ.ค. ออก 07.10 น. ขากลับวันที่ 27 ธ.ค. ค่ะ",
        )
    )
    assert facts["flight_date"].startswith("วันศุกร์ที่ 20 ธ.ค.")
    assert facts["return_date"] == "วันที่ 27 ธ.ค."


def test_a_rental_cars_return_date() -> None:
    facts = facts_of(("user", "ขอคืนรถวันที่ 11 ธันวาคม เวลา 15:00 น. ครับ"))
    assert facts["return_date"] == "วันที่ 11 ธันวาคม เวลา 15:00 น."


def test_a_replacement_car_replaces_the_car() -> None:
    facts = conversation(
        ("assistant", "รถที่เช่าคือโตโยต้า ยาริส ทะเบียน กข 4521 เชียงใหม่ค่ะ"),
        ("assistant", "ได้ค่ะ รถคันใหม่เป็นฮอนด้า ซิตี้ ทะเบียน ขค 8830 เชียงใหม่ค่ะ"),
    )
    assert current(facts)["vehicle"] == "ฮอนด้า ซิตี้"
    assert history(facts, "vehicle") == ["โตโยต้า ยาริส"]


def test_a_postponed_date_replaces_the_one_it_moves_and_the_same_time_stays() -> None:
    found = extract_facts(
        transcript(("assistant", "ได้ค่ะ เลื่อนเป็นวันอาทิตย์ที่ 8 ธ.ค. ช่วงเวลาเดิม 13.00-15.00 น. นะคะ")),
        [("installation_date", "วันเสาร์ที่ 7 ธ.ค. ช่วง 13.00-15.00 น.")],
    )
    assert [(f.key, f.value, f.replaced) for f in found] == [
        ("installation_date", "วันอาทิตย์ที่ 8 ธ.ค.", False)  # and the same time is not "old"
    ]


def test_a_visit_moved_for_the_customer_replaces_the_booked_one() -> None:
    facts = facts_of(
        ("assistant", "เลื่อนให้เรียบร้อยครับ วันจันทร์ที่ 2 ธ.ค. 14.00-16.00 น. ครับ"),
        known=[("appointment_date", "วันพฤหัสบดีที่ 28 พ.ย. ช่วงบ่ายสองถึงสี่โมง")],
    )
    assert facts["appointment_date"] == "วันจันทร์ที่ 2 ธ.ค. 14.00-16.00 น."


@pytest.mark.parametrize(
    "text",
    [
        "อีกเรื่องค่ะ ยาพ่อจะหมดก่อนวันนัด พ่อกินวาร์ฟาริน 3 มก.ค่ะ เหลือแค่ห้าเม็ด",
        "คุณหมออนุมัติแล้วค่ะ สั่งวาร์ฟาริน 3 มก. จำนวน 30 เม็ด ส่งไปรษณีย์ EMS ค่ะ",
    ],
)
def test_a_medicine_with_its_dose(text: str) -> None:
    assert facts_of(("user", text))["medication"] == "วาร์ฟาริน 3 มก."


def test_a_delivery_window_instruction_runs_past_the_dots_of_its_times() -> None:
    text = "ได้ค่ะ ส่งในเวลาทำการ 9.00-17.00 น. ให้ติดต่อที่เคาน์เตอร์ต้อนรับชั้น 18 แล้วโทรเรียกดิฉันลงมารับนะคะ"
    assert facts_of(("user", text))["delivery_instruction"] == (
        "ส่งในเวลาทำการ 9.00-17.00 น. ให้ติดต่อที่เคาน์เตอร์ต้อนรับชั้น 18 แล้วโทรเรียกดิฉันลงมารับนะคะ"
    )


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        (
            "จัดส่งเครื่องใหม่ 9 พ.ย. 67 ช่วง 9:00-12:00 น. ที่บ้านค่ะ",
            "9 พ.ย. 67 ช่วง 9:00-12:00 น.",
            "9:00-12:00 น.",
        ),
        ("นัดส่ง 9 พ.ย. ช่วง 13:00-17:00 น. ค่ะ", "9 พ.ย. ช่วง 13:00-17:00 น.", "13:00-17:00 น."),
    ],
)
def test_a_thai_date_keeps_its_whole_time_range(text: str, date: str, time: str) -> None:
    """«ช่วง 9:00-12:00 น.» is one range: not cut after its first hour («… ช่วง 9:00»)."""
    facts = facts_of(("assistant", text))
    assert facts["delivery_date"] == date
    assert facts["delivery_time"] == time
    assert "12:00 น." not in facts.values()


@pytest.mark.parametrize(
    "text",
    [
        "วันเสาร์จะเปลี่ยนเป็น ช่างโอ๊ต ดูแลแทนนะคะ ฝีมือไม่แพ้กันค่ะ",
        "ร้านนี้อร่อยไม่แพ้ใครเลยค่ะ",
    ],
)
def test_second_to_none_is_no_allergy(text: str) -> None:
    assert "allergy" not in facts_of(("assistant", text))
