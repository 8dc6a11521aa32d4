"""The returning-user benchmark's "stale shown": an earlier value the user-memory section
quotes as one of its own, without "(replaced …)", anywhere in the section."""

from __future__ import annotations

import pytest

from bench.quality import stale_quotes
from bench.user_memory.returning import user_section
from domain.user_memory.recall import USER_HEADING

SECTIONS = {
    "en": ("Customer phone: 07912 448063", "The corrected total is £11,445.", "£11,445", "£10,995"),
    "fa": ("تلفن: ۰۹۱۲۳۴۵۶۷۸۹", "جمع اصلاح شده ۱۱۴ هزار تومان", "۱۱۴ هزار تومان", "۹۹ هزار تومان"),
    "th": ("เบอร์โทร 081-234-5678", "ยอดที่แก้แล้ว 1,450 บาท", "1,450 บาท", "1,390 บาท"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_an_earlier_value_a_detail_quotes_is_stale_unless_marked(language: str) -> None:
    fact, detail, old, new = SECTIONS[language]
    section = "\n".join([USER_HEADING, fact, "[DETAILS FROM EARLIER CONVERSATIONS]", detail])
    context = f"{section}\n\n[CURRENT MESSAGES - Last 1]\nUser: {old}"
    shown = user_section(context)
    assert shown == section  # the session's own messages are not the section
    assert stale_quotes(shown, [old], [new]) == [old]
    assert stale_quotes(shown.replace(old, f"{old} (replaced by {new})"), [old], [new]) == []


def test_an_earlier_value_inside_a_longer_number_or_a_current_value_is_not_stale() -> None:
    section = f"{USER_HEADING}\nTotal: £10,495\nDeposit: £500 deposit"
    assert stale_quotes(section, ["10", "£500"], ["£500 deposit"]) == []
    assert user_section("[CURRENT MESSAGES - Last 1]\nUser: hi") == ""


def test_an_earlier_value_that_only_begins_a_current_one_is_stale() -> None:
    # "£50" is no value of its own inside "£500": shown alone, it is the old deposit
    assert stale_quotes(f"{USER_HEADING}\nDeposit: £50 paid", ["£50"], ["£500"]) == ["£50"]
