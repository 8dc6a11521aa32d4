"""A bare Persian «N شب» is the night's hour unless a stay is said right beside it: «میشه
۵ شب کنیم؟» (make it five nights) is no 5pm, «میز برای ۸ شب رزرو کنید» is 8pm, and «۵ شب
به بالا» (five nights and up) is a rule's threshold, not the stay booked."""

from __future__ import annotations

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current


def _kinds(text: str) -> list[tuple[Kind, str]]:
    return [(value.kind, value.text) for value in find_values(text)]


def test_a_bare_persian_count_of_nights_is_no_hour() -> None:
    assert _kinds("راستی میشه ۵ شب کنیم؟") == [(Kind.COUNT, "۵ شب")]
    assert _kinds("۴ شب.") == [(Kind.COUNT, "۴ شب")]
    # any number when a stay is said right beside it
    assert _kinds("۱۰ شب بمونیم") == [(Kind.COUNT, "۱۰ شب")]
    assert _kinds("۳ شب اقامت") == [(Kind.COUNT, "۳ شب")]
    assert _kinds("۳ شب میمونیم") == [(Kind.COUNT, "۳ شب")]
    assert _kinds("به مدت ۷ شب") == [(Kind.COUNT, "۷ شب")]


def test_words_a_time_goes_with_too_say_no_stay() -> None:
    # «برای», «بعد», «هتل», «اتاق», «رزرو», «همون» go with an hour as well
    assert _kinds("میز برای ۸ شب رزرو کنید") == [(Kind.TIME, "۸ شب")]
    assert _kinds("۸ شب بعد از شام زنگ بزنید") == [(Kind.TIME, "۸ شب")]
    assert _kinds("۹ شب هتل باشید") == [(Kind.TIME, "۹ شب")]
    assert _kinds("۱۰ شب اتاق رو تحویل میدیم") == [(Kind.TIME, "۱۰ شب")]
    assert _kinds("همون ۸ شب خوبه") == [(Kind.TIME, "۸ شب")]
    assert _kinds("برگردیم همون ۸ شب") == [(Kind.TIME, "۸ شب")]


def test_an_hour_from_four_to_six_is_no_stay_by_itself() -> None:
    assert _kinds("جلسه ۶ شب شروع میشه") == [(Kind.TIME, "۶ شب")]
    assert _kinds("۵ شب زنگ میزنم") == [(Kind.TIME, "۵ شب")]
    # «کنیم» after it makes it nights, but not where the hour is named before
    assert _kinds("ساعت رو ۵ شب کنیم") == [(Kind.TIME, "۵ شب")]
    # a message that is only «۶ شب» may answer "what time": 6pm is said so
    assert _kinds("۶ شب") == [(Kind.TIME, "۶ شب")]


def test_the_night_s_hours_stay_times() -> None:
    assert _kinds("ساعت ۵ شب") == [(Kind.TIME, "ساعت ۵ شب")]
    assert _kinds("فردا ۸ شب میام") == [(Kind.DATE, "فردا ۸ شب")]
    assert (Kind.TIME, "۸ شب") in _kinds("شنبه تا پنجشنبه ۹ صبح تا ۸ شب باز هستیم")


def test_nights_and_up_is_a_threshold_no_count() -> None:
    found = _kinds("شایان برای اقامت‌های ۵ شب به بالا نیم‌پانسیون رو با ۴۰٪ تخفیف میده")
    assert [text for _, text in found if "شب" in text or text == "۵"] == []
    # no bare number is left of it either, nor of «یا بیشتر» (or more)
    assert _kinds("۵ شب به بالا") == []
    assert _kinds("۵ شب یا بیشتر") == []
    assert _kinds("تخفیف برای ۲ نفر یا بیشتر") == []
    assert _kinds("۲ نفر") == [(Kind.COUNT, "۲ نفر")]


def test_make_it_five_nights_changes_the_stay_not_the_flight_time() -> None:
    facts = conversation(
        ("assistant", "۱۴ آبان پرواز ساعت ۱۴:۱۵ جا داره"),
        ("user", "اوکی عیبی نداره"),
        ("assistant", "پس رفت ظهر ۱۴ام، و برگشت ۱۸ آبان."),
        ("user", "راستی میشه ۵ شب کنیم؟ شوهرم میگه یه روز دیگه مرخصی میگیره"),
        ("assistant", "بله حتما. ولی تخفیف نیم‌پانسیون فقط برای ۵ شب به بالا بود."),
        ("user", "عالیه"),
    )
    values = current(facts)
    assert values.get("flight_time") == "ساعت ۱۴:۱۵"
    assert values.get("number_of_nights") == "۵ شب"
