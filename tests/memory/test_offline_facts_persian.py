"""Persian support dialogue, value by value: identifiers named by their Persian label, sums
keyed by what they pay for, and corrections that say «اصلاح».
"""

from __future__ import annotations

import pytest

from domain.memory.offline.dialogue import is_question
from tests.memory.test_offline_facts_dialogue import conversation, current, facts_of, history


@pytest.mark.parametrize(
    ("question", "answer", "key", "value"),
    [
        ("شناسه قبض رو لطف می‌کنید؟", "4471903385120", "bill_id", "4471903385120"),
        ("شماره کنتورتون رو بفرمایید.", "۷۷۰۴۵۱۹", "meter_number", "۷۷۰۴۵۱۹"),
        ("کد رهگیری نسخه رو دارید؟", "کدش اینه: ۸۴۲۷۱۹", "prescription_code", "۸۴۲۷۱۹"),
        ("شماره کارت گارانتی رو هم دارید؟", "558201", "warranty_card_number", "558201"),
        ("شماره پرونده‌تون چنده؟", "۹۸۸۴۱", "case_number", "۹۸۸۴۱"),
        ("شماره بیمه‌نامه‌تون رو بفرمایید.", "۴۴۸۱۲۷۷۰۹", "policy_number", "۴۴۸۱۲۷۷۰۹"),
        ("شماره تراکنش چنده؟", "۸۸۲۱۹۴۳۰۱", "transaction_reference", "۸۸۲۱۹۴۳۰۱"),
    ],
)
def test_an_identifier_asked_for_by_its_persian_label(
    question: str, answer: str, key: str, value: str
) -> None:
    assert facts_of(("assistant", question), ("user", answer))[key] == value


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("شماره پرونده اعتراض شما ۹۸۸۴۱ هست.", "case_number", "۹۸۸۴۱"),
        ("شماره بدنه کنتور ۷۷۰۴۵۱۹ ثبت شده.", "meter_number", "۷۷۰۴۵۱۹"),
        ("شماره ثبتش LF-2207 هست.", "registration_number", "LF-2207"),
        ("الان ۴۳۰ هزار تومان اعتبار دارید.", "credit_balance", "۴۳۰ هزار تومان"),
        ("مهلت پرداخت ۳۰ آذر هست.", "deadline_date", "۳۰ آذر"),
    ],
)
def test_the_assistant_states_a_value_under_its_persian_label(
    text: str, key: str, value: str
) -> None:
    assert facts_of(("assistant", text))[key] == value


def test_a_credit_held_is_not_a_price() -> None:
    facts = facts_of(
        ("assistant", "قیمت مودم ۲٬۶۰۰٬۰۰۰ تومان هست."),
        ("assistant", "الان ۴۳۰ هزار تومان اعتبار دارید."),
    )
    assert facts["price"] == "۲٬۶۰۰٬۰۰۰ تومان"
    assert facts["credit_balance"] == "۴۳۰ هزار تومان"


def test_a_sum_given_back_is_a_refund_whatever_word_sums_it() -> None:
    facts = facts_of(
        ("assistant", "سفارشتون از پیتزا نارون هست، مبلغ کل ۶۸۷٬۵۰۰ تومان."),
        ("assistant", "جمعاً ۱۵۰ هزار تومان به کیف پولتون برمی‌گرده."),
    )
    assert facts["order_total"] == "۶۸۷٬۵۰۰ تومان"
    assert facts["refund_amount"] == "۱۵۰ هزار تومان"


def test_the_price_of_one_item_is_not_the_sum_named_after_the_next() -> None:
    facts = facts_of(("assistant", "سیب‌زمینی ۱۱۸ و دوغ ۲۴ هزار تومان، جمعاً ۱۴۲ هزار تومان."))
    assert facts["order_total"] == "۱۴۲ هزار تومان"
    assert "۲۴ هزار تومان" not in facts.values()


@pytest.mark.parametrize("total_word", ["جمعاً", "جمعا"])
def test_a_total_said_without_the_tanvin_is_the_total(total_word: str) -> None:
    # «جمعا» is «جمعاً» as people write it: the sum after it is the whole, as after «جمعاً»
    facts = facts_of(
        (
            "assistant",
            f"۲ میلیون و ۹۰۰ برای آرتین، هستی با ۱۰ درصد تخفیف ۲ میلیون و ۶۱۰، {total_word}"
            " ۵ میلیون و ۵۱۰ هزار تومن.",
        )
    )
    assert facts["order_total"] == "۵ میلیون و ۵۱۰ هزار تومن"


def test_a_total_without_the_tanvin_is_replaced_by_the_next_total() -> None:
    facts = conversation(
        ("assistant", "سیب‌زمینی ۱۱۸ و دوغ ۲۴ هزار تومان، جمعا ۱۴۲ هزار تومان."),
        ("user", "دوغ رو حذف کنید"),
        ("assistant", "باشه، جمع کل میشه ۱۱۸ هزار تومان."),
    )
    assert current(facts)["order_total"] == "۱۱۸ هزار تومان"
    assert history(facts, "order_total") == ["۱۴۲ هزار تومان"]


def test_a_count_in_all_without_the_tanvin_is_no_order_total() -> None:
    facts = facts_of(("assistant", "جمعا چند نفر میاید؟"), ("user", "حدود ۳۲"))
    assert "order_total" not in facts


def test_a_corrected_sum_replaces_the_refund_not_the_order_total() -> None:
    facts = conversation(
        ("assistant", "سفارشتون مبلغ کل ۶۸۷٬۵۰۰ تومان."),
        ("assistant", "جمعاً ۱۵۰ هزار تومان به کیف پولتون برمی‌گرده."),
        ("user", "نوشابه رسیده، دوغ نیومده"),
        ("assistant", "پس اصلاح می‌کنم. سیب‌زمینی ۱۱۸ و دوغ ۲۴ هزار تومان، جمعاً ۱۴۲ هزار تومان."),
    )
    assert current(facts)["refund_amount"] == "۱۴۲ هزار تومان"
    assert history(facts, "refund_amount") == ["۱۵۰ هزار تومان"]
    assert current(facts)["order_total"] == "۶۸۷٬۵۰۰ تومان"
    assert history(facts, "order_total") == []


def test_a_sum_charged_to_the_card_is_a_payment_not_the_order_total() -> None:
    facts = conversation(
        ("assistant", "سفارشتون مبلغ کل ۶۸۷٬۵۰۰ تومان."),
        ("assistant", "دو بار از کارتتون کسر شده؟ مبلغ هر بار چقدر بود؟"),
        ("user", "اره دوتا پیامک اومده دوتاش 412,000 تومن"),
    )
    assert current(facts)["payment_amount"] == "412,000 تومن"
    assert current(facts)["order_total"] == "۶۸۷٬۵۰۰ تومان"


def test_a_code_the_doctor_corrected_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "کد رهگیری نسخه رو دارید؟"),
        ("user", "آره دکتر پیامک داد، کدش اینه: ۸۴۲۷۱۹"),
        ("assistant", "نسخه پیدا شد."),
        ("user", "دکتر اصلاح کرد، گفت کد جدید ۸۴۲۷۵۵"),
    )
    assert current(facts)["prescription_code"] == "۸۴۲۷۵۵"
    assert history(facts, "prescription_code") == ["۸۴۲۷۱۹"]


def test_a_meter_number_put_right_replaces_the_old_one() -> None:
    facts = conversation(
        ("assistant", "شماره بدنه کنتور ۷۷۰۴۵۱۹ ثبت شده."),
        ("user", "این شماره کنتور ما نیست"),
        ("assistant", "حق با شما بود. شماره کنتور جدید ۸۸۱۲۰۶۳ هست."),
    )
    assert current(facts)["meter_number"] == "۸۸۱۲۰۶۳"
    assert history(facts, "meter_number") == ["۷۷۰۴۵۱۹"]


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "اگر خبری شد، پیامک بدهید، تلفن را گاهی نمی‌شنوم.",
            "contact_preference",
            "پیامک بدهید، تلفن را گاهی نمی‌شنوم",
        ),
        ("هر خبری شد پیامک هم بزنید. ایمیل را هر روز نگاه نمی‌کنم.", "contact_preference", ""),
        ("بچه کوچیک داریم. زنگ واحد رو نزنن پیامک بدن", "delivery_instruction", ""),
        ("لطفاً فقط پیامک بدید", "contact_preference", "پیامک بدید"),
        ("فقط به پیک بگید زنگ طبقه سه خرابه", "delivery_instruction", "زنگ طبقه سه خرابه"),
        ("زنگ در رو نزنید بچه خوابه", "delivery_instruction", "زنگ در رو نزنید"),
    ],
)
def test_persian_instructions_in_their_common_forms(text: str, key: str, value: str) -> None:
    found = facts_of(("user", text))
    assert value in found[key]
    assert len([k for k in found if k.startswith(key)]) == 1


def test_the_hour_of_an_instruction_is_not_an_appointment() -> None:
    facts = facts_of(
        ("assistant", "یه شماره موبایل برای هماهنگی تکنسین بفرمایید."),
        ("user", "۰۹۱۹۴۵۵۷۳۲۰. من شیفت شبم. قبل از ساعت ۱۰ صبح زنگ نزنید لطفا"),
    )
    assert facts["customer_phone"] == "۰۹۱۹۴۵۵۷۳۲۰"
    assert "قبل از ساعت ۱۰ صبح زنگ نزنید" in facts["contact_preference"]
    assert "appointment_time" not in facts


@pytest.mark.parametrize(
    ("question", "answer", "name"),
    [
        (
            "این رزرو به نام آقای کامران فرهادی هست. خودشون هستید؟",
            "نه من همسرشم، سپیده اکبری 🙂 کامران سر کاره",
            "سپیده اکبری",
        ),
        ("شما چه نسبتی دارید و اسم شریفتون؟", "دخترشم، لیلا رحیمی", "لیلا رحیمی"),
    ],
)
def test_the_customer_says_who_they_are_to_the_holder_then_their_name(
    question: str, answer: str, name: str
) -> None:
    assert facts_of(("assistant", question), ("user", answer))["customer_name"] == name


def test_a_title_and_a_full_name_is_a_person_a_family_name_alone_is_not() -> None:
    assert facts_of(("assistant", "بله، آقای محمود رحیمی، متولد ۱۳۳۸. درسته؟"))["person_name"] == (
        "محمود رحیمی"
    )
    said = facts_of(("assistant", "راننده آقای رحیمی هستن، شماره‌شون ۰۹۱۲۷۴۴۳۱۸۵"))
    assert not any(key.startswith("person_name") for key in said)


def test_a_name_on_record_stays_the_holders() -> None:
    facts = facts_of(("assistant", "گارانتی این دستگاه به نام آقای محمود کریمی ثبت شده."))
    assert facts == {"holder_name": "محمود کریمی"}


@pytest.mark.parametrize(
    ("said", "holder"),
    [
        ("باشه، قرارداد و فاکتور به نام حاج علی میرحسینی.", "حاج علی میرحسینی"),
        ("بلیط‌ها به نام سید مهدی موسوی صادر شد", "سید مهدی موسوی"),
        ("رزرو به نام حاجیه خانم رضایی هست", "حاجیه خانم رضایی"),
    ],
)
def test_an_honorific_before_a_name_on_record_leaves_the_whole_name(said: str, holder: str) -> None:
    # «حاج», «سید» go before the given name: the family name after it is still the holder's
    assert facts_of(("assistant", said))["holder_name"] == holder


@pytest.mark.parametrize(
    ("said", "holder"),
    [
        ("قرارداد به نام حاج علی باشه", "حاج علی"),
        ("به نام مشهدی حسن بنویسید", "مشهدی حسن"),
        ("فاکتور به نام رضا بزنید لطفا", "رضا"),
    ],
)
def test_a_verb_after_a_name_on_record_is_no_family_name(said: str, holder: str) -> None:
    # «باشه», «بنویسید», «بزنید» ('let it be', 'write', 'put') end the name, they are no part of it
    assert facts_of(("user", said))["holder_name"] == holder


def test_a_name_on_record_without_an_honorific_is_read_as_before() -> None:
    # no honorific: the two name words, the verb «باشه» after them left out, as before
    assert facts_of(("user", "قرارداد به نام علی میرحسینی باشه"))["holder_name"] == "علی میرحسینی"


def test_how_long_a_voucher_is_valid_is_no_credit() -> None:
    assert "credit_balance" not in facts_of(("user", "اون کد ۵۰ تومنی تا کی اعتبار داره"))


def test_a_day_and_hours_the_assistant_puts_the_visit_in_move_the_one_booked() -> None:
    facts = conversation(
        ("assistant", "اولین نوبت نصب سه‌شنبه ۱۲ تیر ساعت ۸ تا ۱۱ صبح هست."),
        ("user", "باشه"),
        ("assistant", "میشه جفتش رو چهارشنبه ۱۳ تیر، ساعت ۱۷ تا ۲۰ بذارم؟"),
    )
    assert "چهارشنبه ۱۳ تیر، ساعت ۱۷ تا ۲۰" in current(facts).values()
    assert not any("۱۲ تیر" in value for value in current(facts).values())


def test_a_day_and_hours_with_no_visit_booked_stay_unkeyed() -> None:
    said = facts_of(("assistant", "میشه جفتش رو چهارشنبه ۱۳ تیر، ساعت ۱۷ تا ۲۰ بذارم؟"))
    assert said == {}


def test_a_sum_takes_the_charge_the_sentence_before_names() -> None:
    facts = facts_of(
        ("assistant", "جریمه تغییر ۱۰ درصد قیمت بلیته. برای دو نفر میشه ۷۸۰ هزار تومان."),
    )
    assert facts["fee"] == "۷۸۰ هزار تومان"
    assert "price" not in facts


def test_a_sum_given_back_separately_is_another_refund() -> None:
    facts = conversation(
        ("assistant", "مبلغ نهایی که به حسابتون برمی‌گرده ۵٬۴۹۰٬۰۰۰ تومان هست."),
        ("user", "بیمه چی؟"),
        ("assistant", "مبلغش ۸۵ هزار تومانه که جدا با همون شبا برگشت داده میشه."),
    )
    assert current(facts)["refund_amount"] == "۵٬۴۹۰٬۰۰۰ تومان"
    assert current(facts)["refund_amount_2"] == "۸۵ هزار تومان"
    assert history(facts, "refund_amount") == []


def test_a_sum_answering_a_question_about_a_payment_is_that_payment() -> None:
    facts = conversation(
        ("assistant", "مبلغ جدید قبض ۱٬۳۱۰٬۰۰۰ ریال."),
        ("user", "خب پرداخت دوم تا کی بود؟"),
        ("assistant", "تا ۱۵ دی، مبلغ ۶۵۵٬۰۰۰ ریال."),
    )
    assert current(facts)["payment_amount"] == "۶۵۵٬۰۰۰ ریال"
    assert current(facts)["order_total"] == "۱٬۳۱۰٬۰۰۰ ریال"


def test_a_time_inside_the_booked_hours_does_not_move_them() -> None:
    facts = conversation(
        ("assistant", "زمان تحویل امروز بین ساعت ۱۸ تا ۲۰ هست."),
        ("user", "ممنون"),
        ("assistant", "پیک حدود ساعت ۱۸:۳۰ می‌رسه."),
    )
    assert "۱۸ تا ۲۰" in current(facts)["delivery_date"]
    assert current(facts)["delivery_time"] == "بین ساعت ۱۸ تا ۲۰"


def test_a_time_outside_the_booked_hours_moves_them() -> None:
    facts = conversation(
        ("assistant", "زمان تحویل امروز بین ساعت ۱۸ تا ۲۰ هست."),
        ("user", "زودتر نمیشه؟"),
        ("assistant", "تحویل امروز ساعت ۱۶:۳۰ انجام میشه."),
    )
    assert current(facts)["delivery_time"] == "ساعت ۱۶:۳۰"


def test_the_day_something_will_be_ready() -> None:
    said = facts_of(("assistant", "کارت شما تا یکشنبه ۱۵ مهر در شعبه بلوار چمران آماده میشه."))
    assert said["ready_date"] == "یکشنبه ۱۵ مهر"


def test_a_model_code_keeps_the_persian_brand_the_reply_opens_with() -> None:
    asked = ("assistant", "مدلش رو می‌دونید؟")
    assert facts_of(asked, ("user", "بوش SMS46NI01"))["product_model"] == "بوش SMS46NI01"
    assert facts_of(asked, ("user", "فکر کنم SMS46NI01"))["product_model"] == "SMS46NI01"


@pytest.mark.parametrize(
    ("text", "item"),
    [
        (
            "ممنون، پیدا شد 👌 کاناپه سه‌نفره مدل آرمیتا، رنگ طوسی، درسته؟",
            "کاناپه سه‌نفره مدل آرمیتا، رنگ طوسی",
        ),
        ("یه یخچال ساید مدل X5 رنگ سفید خریدم", "یخچال ساید مدل X5 رنگ سفید"),
        ("کولرتون گری ۲۴ هزار اینورتر هست. هنوز تو کارتنه دیگه؟", "گری ۲۴ هزار اینورتر"),
    ],
)
def test_an_item_read_back_by_its_model(text: str, item: str) -> None:
    assert facts_of(("assistant", text))["product"] == item


@pytest.mark.parametrize(
    "text",
    [
        "این مدل الان موجوده و میشه تعویضش کرد.",
        "مدل گوشیتون چیه؟",
        "گوشیتون هنوز تو تعمیر هست.",
    ],
)
def test_a_model_mentioned_without_an_item_is_none(text: str) -> None:
    assert "product" not in facts_of(("assistant", text))


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("تاریخ رفت ۵ دی، برای سه مسافر. درسته؟", "سه مسافر"),
        ("رزرو فعلی: سه شب، برای دو بزرگسال و یک کودک.", "دو بزرگسال و یک کودک"),
    ],
)
def test_a_party_said_in_persian_words(text: str, party: str) -> None:
    assert facts_of(("assistant", text))["guest_count"] == party


@pytest.mark.parametrize(
    "text",
    ["یه نفر اومد دم در", "ون هست و تا شش نفر جا داره", "سوئیت برای چهار نفر مناسبه"],
)
def test_someone_or_what_a_room_holds_is_no_party(text: str) -> None:
    assert "guest_count" not in facts_of(("assistant", text))


def test_a_party_grows_and_its_head_count_restates_it() -> None:
    facts = conversation(
        ("assistant", "رزرو فعلی برای دو بزرگسال و یک کودک."),
        ("user", "مامانم هم میاد. میشیم سه بزرگسال و یک کودک"),
        ("user", "ترانسفر برای چهار نفر هم همون قیمته؟"),
    )
    assert current(facts)["guest_count"] == "سه بزرگسال و یک کودک"
    assert history(facts, "guest_count") == ["دو بزرگسال و یک کودک"]


@pytest.mark.parametrize(
    ("text", "key", "place"),
    [
        ("رزرو شما پرواز اصفهان به کیش با کیش ایر هست.", "route", "اصفهان به کیش"),
        ("بلیت تهران به مشهد رو برای جمعه می‌خوام", "route", "تهران به مشهد"),
        ("سفارشتون از پیتزا نارون شعبه ستارخان هست.", "branch", "پیتزا نارون شعبه ستارخان"),
        (
            "اصل کارت ملی لازمه. بدون کارت ملی تحویل داده نمیشه.",
            "documents_to_bring",
            "اصل کارت ملی",
        ),
        ("لطفاً کپی شناسنامه رو همراه داشته باشید", "documents_to_bring", "کپی شناسنامه"),
    ],
)
def test_a_route_a_branch_or_a_document_named_in_persian(text: str, key: str, place: str) -> None:
    assert facts_of(("assistant", text))[key] == place


@pytest.mark.parametrize("text", ["پرواز شما به کیش ساعت ۹ هست.", "از این شعبه بگیرید."])
def test_a_pronoun_is_no_place(text: str) -> None:
    said = facts_of(("assistant", text))
    assert "route" not in said
    assert "branch" not in said


def test_the_total_of_that_order_is_the_second_orders() -> None:
    facts = conversation(
        ("assistant", "سفارش 7730418 از پیتزا نارون، مبلغ کل ۶۸۷٬۵۰۰ تومان."),
        ("user", "یه سفارش دیگه هم هفته پیش داشتم، دو بار پول کم شد"),
        ("assistant", "شماره اون سفارش رو دارید؟"),
        ("user", "7729960"),
        ("assistant", "درسته، مبلغ اون سفارش ۴۱۲ هزار تومان بوده."),
    )
    assert current(facts)["order_total"] == "۶۸۷٬۵۰۰ تومان"
    assert current(facts)["order_total_2"] == "۴۱۲ هزار تومان"
    assert history(facts, "order_total") == []


def test_a_bare_number_in_a_change_does_not_correct_a_sum_in_thousands() -> None:
    facts = conversation(
        ("assistant", "الان ۴۳۰ هزار تومان اعتبار دارید."),
        ("user", "باشه"),
        ("assistant", "انجام شد ✅ بسته شما به ۱۰۰ مگ تغییر کرد."),
    )
    assert current(facts)["credit_balance"] == "۴۳۰ هزار تومان"
    assert history(facts, "credit_balance") == []


def test_which_kind_of_thing_it_was_is_answered_up_to_the_comma() -> None:
    facts = facts_of(
        ("assistant", "چه شارژری بود؟"),
        ("user", "شارژر لپتاپ ایسوس مشکی، سیمش یه کم زخمیه 😅"),
    )
    assert facts["product"] == "شارژر لپتاپ ایسوس مشکی"


@pytest.mark.parametrize(
    ("question", "reply"),
    [("مدل گوشیتون چیه؟", "خب خداروشکر"), ("", "این آقای سواری ظرفشویی رو هم درست میکنه؟")],
)
def test_a_relief_or_an_object_is_no_item_and_no_person(question: str, reply: str) -> None:
    said = facts_of(*([("assistant", question)] if question else []), ("user", reply))
    assert "product" not in said
    assert not any(key.startswith("person_name") for key in said)


@pytest.mark.parametrize(
    ("reply", "address"),
    [
        (
            "اهواز کیانپارس خیابان ۷ غربی پلاک ۵۶ طبقه دوم",
            "اهواز کیانپارس خیابان ۷ غربی پلاک ۵۶ طبقه دوم",
        ),
        ("آدرسم خیابان ۷ غربی پلاک ۵۶", "خیابان ۷ غربی پلاک ۵۶"),
    ],
)
def test_the_town_before_the_street_is_part_of_the_address(reply: str, address: str) -> None:
    asked = ("assistant", "آدرس محل نصب رو بفرمایید لطفاً.")
    assert facts_of(asked, ("user", reply))["delivery_address"] == address


def test_a_no_to_keeping_the_workplace_makes_the_next_address_no_work_address() -> None:
    facts = conversation(
        ("assistant", "پیک از کجا گوشی رو تحویل بگیره؟"),
        ("user", "خیابان مطهری نبش میرعماد ساختمان آرین طبقه 4"),
        ("assistant", "بعد از تعمیر کجا بیاریم؟ همون محل کار؟"),
        ("user", "نه بیارین خونه چون معلوم نیست اونموقع سر کار باشم"),
        ("user", "نارمک خیابان گلبرگ کوچه 24 پلاک 9"),
    )
    assert current(facts)["pickup_address"] == "خیابان مطهری نبش میرعماد ساختمان آرین طبقه 4"
    assert current(facts)["delivery_address"] == "نارمک خیابان گلبرگ کوچه 24 پلاک 9"
    assert "work_address" not in current(facts)


def test_a_no_that_only_asks_to_wait_declines_nothing() -> None:
    facts = conversation(
        ("assistant", "شماره سفارش قبلی رو دارید؟"),
        ("user", "نه صبر کن تو اپ ببینم"),
        ("user", "7729960"),
    )
    assert current(facts)["order_id"] == "7729960"


def test_no_to_keeping_ones_own_number_makes_the_new_one_the_number_to_call() -> None:
    facts = conversation(
        ("assistant", "یه شماره تماس هم برای هماهنگی با راننده بفرمایید."),
        ("user", "۰۹۳۵۸۱۲۴۴۷۰"),
        ("assistant", "شماره تماس همون شماره خودتون بمونه؟"),
        ("user", "نه، شماره مامانم رو بذارید چون من اونجا نیستم: ۰۹۱۲۳۰۸۸۵۴۱"),
    )
    assert current(facts)["customer_phone"] == "۰۹۱۲۳۰۸۸۵۴۱"
    assert history(facts, "customer_phone") == ["۰۹۳۵۸۱۲۴۴۷۰"]


def test_someone_elses_number_given_with_no_question_declined_stays_theirs() -> None:
    facts = conversation(
        ("assistant", "یه شماره تماس هم برای هماهنگی با راننده بفرمایید."),
        ("user", "۰۹۳۵۸۱۲۴۴۷۰"),
        ("assistant", "شماره دیگه‌ای هم هست؟"),
        ("user", "شماره مامانم هم ۰۹۱۲۳۰۸۸۵۴۱"),
    )
    assert current(facts)["customer_phone"] == "۰۹۳۵۸۱۲۴۴۷۰"


# -- a question word at the end of a longer word asks nothing ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("مدیرمون گفت اوکیه، ۴ قسط ماهانه", False),  # «اوکیه» ends in «کیه» (who is it)
        ("همه چی اوکیه، تحویل ۱۵ مهر", False),
        ("ایمیلتون چیه", True),
        ("آدرس جدیدتون کجاست", True),
        ("این شماره مال کیه", True),
        # a zero-width non-joiner parts the question word from the word before it
        ("اسمتون\u200cچیه", True),
        ("آدرس\u200cتون\u200cکجاست", True),
        ("لطفا کد پستی\u200cتون رو\u200cبگید", True),
    ],
)
def test_a_persian_question_word_counts_only_as_a_word_of_its_own(
    sentence: str, asks: bool
) -> None:
    assert is_question(sentence) is asks


def test_the_agent_agreeing_to_a_new_count_in_a_sentence_with_okay_replaces_it() -> None:
    facts = conversation(
        ("assistant", "بقیه‌ش رو میتونیم ۳ قسط کنیم"),
        ("user", "چهار قسط نمیشه؟"),
        ("assistant", "مدیرمون گفت اوکیه، ۴ قسط ماهانه بعد از پیش‌پرداخت"),
    )
    assert current(facts)["instalment_plan"] == "۴ قسط"
    assert history(facts, "instalment_plan") == ["۳ قسط"]
