"""«از» (from) opens an hour range only as a word of its own: a word that ends in «از»
(«پرواز», the flight; «نماز», prayer) before «ساعت» leaves the hour the word's. The
construct is Persian's alone."""

from __future__ import annotations

import pytest

from domain.memory.offline.values import find_values
from tests.memory.test_offline_facts_contacts import facts_of


@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("پرواز ساعت ۹:۱۵ هست", "ساعت ۹:۱۵"),
        ("نماز ساعت ۱۲ هست", "ساعت ۱۲"),
        ("از ساعت ۹ تا ۱۲ باز هستیم", "از ساعت ۹ تا ۱۲"),
        ("بعد از ساعت ۵ زنگ بزنید", "بعد از ساعت ۵"),
        ("بعد\u200cاز ساعت ۵ زنگ بزنید", "بعد\u200cاز ساعت ۵"),
        ("پس\u200cاز ساعت ۵ زنگ بزنید", "پس\u200cاز ساعت ۵"),
        ("پس از ساعت ۵ زنگ بزنید", "پس از ساعت ۵"),
        ("قبل از ساعت ۱۰ بیاید", "قبل از ساعت ۱۰"),
    ],
)
def test_a_word_ending_in_az_is_no_from(text: str, hour: str) -> None:
    assert [v.text for v in find_values(text)] == [hour]


def test_the_flights_hour_named_again_keeps_its_cue() -> None:
    """«پرواز ساعت ۹:۱۵ هست، پس ساعت ۷ فرودگاه باشید»: the flight is at 9:15; 7 is when to
    be at the airport, no flight time."""
    facts = facts_of(
        ("assistant", "پرواز رفت شما شنبه ۸ دی، ساعت ۹:۱۵ با شماره پرواز ۷۰۰۸ هست."),
        ("user", "ساعت چند فرودگاه باشیم؟"),
        (
            "assistant",
            "برای پروازهای داخلی حداقل دو ساعت قبل. پرواز ساعت ۹:۱۵ هست، پس ساعت ۷ فرودگاه باشید.",
        ),
    )
    assert facts["flight_time"] == "ساعت ۹:۱۵"
