"""A bare Persian «N شب» counts nights unless it can be the night's hour: «میشه ۵ شب کنیم؟»
(make it five nights) is no 5pm, and «۵ شب به بالا» (five nights and up) is a rule's
threshold, not the stay booked."""

from __future__ import annotations

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current


def _kinds(text: str) -> list[tuple[Kind, str]]:
    return [(value.kind, value.text) for value in find_values(text)]


def test_a_bare_persian_count_of_nights_is_no_hour() -> None:
    assert _kinds("راستی میشه ۵ شب کنیم؟") == [(Kind.COUNT, "۵ شب")]
    assert _kinds("۴ شب.") == [(Kind.COUNT, "۴ شب")]
    # any number when the words around it say a stay
    assert _kinds("برگردیم همون ۸ شب") == [(Kind.COUNT, "۸ شب")]
    assert _kinds("۱۰ شب بمونیم") == [(Kind.COUNT, "۱۰ شب")]


def test_the_night_s_hours_stay_times() -> None:
    assert _kinds("ساعت ۵ شب") == [(Kind.TIME, "ساعت ۵ شب")]
    assert _kinds("فردا ۸ شب میام") == [(Kind.DATE, "فردا ۸ شب")]
    assert (Kind.TIME, "۸ شب") in _kinds("شنبه تا پنجشنبه ۹ صبح تا ۸ شب باز هستیم")


def test_nights_and_up_is_a_threshold_no_count() -> None:
    found = _kinds("شایان برای اقامت‌های ۵ شب به بالا نیم‌پانسیون رو با ۴۰٪ تخفیف میده")
    assert [text for _, text in found if "شب" in text] == []


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
