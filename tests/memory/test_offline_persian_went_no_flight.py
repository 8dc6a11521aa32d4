"""Persian «رفت» is a flight's way out only alone («پس رفت ظهر ۱۴ام»): with a verb's ending
it is "went" («امروز رفتم نمایشگاه», «نرخ طلا امروز رفته بالا», «رفته بم عروسی»), and the day
beside it is no flight date (``domain.memory.offline.subjects``)."""

from __future__ import annotations

import pytest

from domain.memory.offline.subjects import cues_in
from tests.memory.test_offline_facts_dialogue import facts_of


@pytest.mark.parametrize(
    ("role", "text"),
    [
        ("user", "سلام. امروز دوباره رفتم نمایشگاه، ونیز سفید تو نور زیادی براق بود"),
        ("assistant", "یه خبرم بدم، نرخ طلا امروز رفته بالا، گرمی ۷ میلیون شده"),
        ("user", "شنبه اکبر آقا نیست، رفته بم عروسی"),
        ("user", "خواهرم میگه ۱۲ام امتحان داره، یادش رفته بود"),
        # «رفت» alone, with no date after it nor the way back beside it: "went"
        ("user", "شنبه اکبر آقا نیست، رفت بم عروسی"),
        ("user", "۱۲ آبان کلید رو آوردم، یادم رفت بهتون بگم"),
    ],
)
def test_went_is_no_flight(role: str, text: str) -> None:
    assert [cue for cue in cues_in(text) if cue.topic.name == "flight"] == []
    assert not any(key.startswith("flight") for key in facts_of((role, text)))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("پس رفت ظهر ۱۴ام، و برگشت ۱۸ آبان", "رفت"),
        ("تاریخ رفت ۵ دی، برای سه مسافر", "تاریخ رفت"),
        ("پرواز رفت شما شنبه ۸ دی هست", "رفت"),
        ("رفت ۱۴ آبان ساعت ۸ صبح", "رفت"),  # a date right after
        ("رفت شنبه صبح با ماهان", "رفت"),
        ("رفت ظهر هست و برگشت شب", "رفت"),  # the way back beside it
    ],
)
def test_the_way_out_is_still_a_flight(text: str, cue: str) -> None:
    flights = [text[c.start : c.end] for c in cues_in(text) if c.topic.name == "flight"]
    assert cue in flights


def test_the_day_of_the_way_out_is_the_flight_date() -> None:
    assert (
        facts_of(("assistant", "پس رفت ۱۴ آبان، و برگشت ۱۸ آبان")).get("flight_date") == "۱۴ آبان"
    )
