"""Persian hours said with «و نیم» / «و ربع» (half past, a quarter past) are one time, and
«ساعتو بکنید …» ("make the hour …") changes the time held."""

from __future__ import annotations

from domain.memory.offline.values import Kind, find_values
from tests.memory.test_offline_facts_dialogue import conversation, current, history


def _times(text: str) -> list[str]:
    return [value.text for value in find_values(text) if value.kind is Kind.TIME]


def test_persian_half_and_quarter_past_are_part_of_the_time() -> None:
    assert _times("تاریخشم بکنید ۱۵ مهر، صبح زود، ساعت ۷ و نیم") == ["ساعت ۷ و نیم"]
    assert _times("ساعت ۸ و ربع صبح خوبه") == ["ساعت ۸ و ربع صبح"]
    assert _times("ساعتو بکنید ۹ و نیم، ۸ خیلی زوده") == ["۹ و نیم"]
    # a word after «۲ و نیم» makes it a sum or a span, no time
    assert _times("میشه ۲ و نیم میلیون تومان") == []
    assert _times("۳ و نیم سال گارانتی داره") == []


def test_persian_make_the_hour_changes_the_time_held() -> None:
    facts = conversation(
        ("assistant", "تغییر ثبت شد: تحویل از شعبه ونک، ۱۵ مهر ساعت 8:00"),
        ("user", "مرسی"),
        ("assistant", "امر دیگه ای؟"),
        ("user", "نه"),
        ("assistant", "ثبت شد: تحویل درب منزل. ساعت هم همون قبلی باشه؟"),
        ("user", "ساعتو بکنید ۹ و نیم، ۸ خیلی زوده واسه خونه مامانم 😅"),
    )
    values = current(facts)
    assert values.get("delivery_time") == "۹ و نیم"
    assert "ساعت 8:00" in history(facts, "delivery_time")
    assert "ساعت 8:00" not in values.values()
