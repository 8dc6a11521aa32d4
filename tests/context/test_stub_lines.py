"""A summary shortened into what is left of the budget never ends in a stub of a line."""

from __future__ import annotations

import pytest

from domain.context.stub_lines import without_stub

WHOLE = {
    "en": "User: just the interim i think\nAssistant: Interim on a Focus is £149, that's oil"
    " and filter, fluid top-ups and a 50-point check.",
    "fa": "کاربر: سرویس معمولی می‌خوام\nدستیار: سرویس معمولی برای این ماشین ۳ میلیون تومان"
    " هست و شامل روغن و فیلتر و بازدید کامل میشه.",
    "th": "ผู้ใช้: เอาแบบธรรมดาครับ\nผู้ช่วย: เช็กระยะแบบธรรมดาราคา 1,490 บาท"
    " รวมน้ำมันเครื่อง กรองน้ำมัน และตรวจเช็ก 50 รายการค่ะ",
}
STUB = {
    "en": "User: just the interim i think\nAssistant: Interim on…",
    "fa": "کاربر: سرویس معمولی می‌خوام\nدستیار: سرویس…",
    "th": "ผู้ใช้: เอาแบบธรรมดาครับ\nผู้ช่วย: เช็ก…",
}
FIRST_LINE = {
    "en": "User: just the interim i think",
    "fa": "کاربر: سرویس معمولی می‌خوام",
    "th": "ผู้ใช้: เอาแบบธรรมดาครับ",
}


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_a_line_cut_to_a_stub_is_left_out(lang: str) -> None:
    assert without_stub(STUB[lang], WHOLE[lang]) == FIRST_LINE[lang]


@pytest.mark.parametrize("lang", ["en", "fa", "th"])
def test_a_line_cut_after_its_words_stays(lang: str) -> None:
    whole = WHOLE[lang]
    cut = whole[: len(whole) - 12].rstrip() + "…"
    assert without_stub(cut, whole) == cut


def test_a_summary_not_cut_stays_whole() -> None:
    assert without_stub(WHOLE["en"], WHOLE["en"]) == WHOLE["en"]
