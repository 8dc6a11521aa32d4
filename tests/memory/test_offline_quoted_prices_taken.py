"""A price the assistant quotes with its difference from the held one, then a switch that
takes it: the held price that far from the quote was the old option's, and the quote
replaces it (``quoted_prices_taken``). A quote not taken, a quote with no difference, a
difference that fits no held price, a switch under a condition replace nothing."""

from __future__ import annotations

import pytest

from tests.memory.test_offline_facts_dialogue import conversation, current, history


@pytest.mark.parametrize(
    ("turns", "new", "old"),
    [
        (  # «ต่างจากเดิม»: a bigger bed, then «เปลี่ยนเป็น 6 ฟุตเลย», no price in the reply
            (
                ("assistant", "เตียง Mori 5 ฟุต ราคา 12,900 บาทครับ"),
                ("user", "อยากได้ 6 ฟุต ราคาเท่าไหร่คะ"),
                ("assistant", "เตียง Mori 6 ฟุต ราคา 15,900 บาทครับ ต่างจากเดิม 3,000 บาทครับ"),
                ("user", "โอเคค่ะ เปลี่ยนเป็น 6 ฟุตเลย"),
                ("assistant", "เปลี่ยนให้แล้วครับ"),
            ),
            "15,900 บาท",
            "12,900 บาท",
        ),
        (  # «แพงกว่าเดิม»: a dearer package, taken «เอาอันนี้แทน»
            (
                ("assistant", "แพ็กเกจ A ราคา 8,500 บาทค่ะ"),
                ("user", "แพ็กเกจ B ล่ะคะ"),
                ("assistant", "แพ็กเกจ B ราคา 9,700 บาท แพงกว่าเดิม 1,200 บาทค่ะ"),
                ("user", "งั้นเอาแพ็กเกจ B แทนค่ะ"),
                ("assistant", "ได้ค่ะ"),
            ),
            "9,700 บาท",
            "8,500 บาท",
        ),
        (  # a cheaper one, «ถูกกว่าเดิม»
            (
                ("assistant", "แพ็กเกจ A ราคา 8,500 บาทค่ะ"),
                ("user", "มีถูกกว่านี้ไหมคะ"),
                ("assistant", "แพ็กเกจ S ราคา 7,300 บาท ถูกกว่าเดิม 1,200 บาทค่ะ"),
                ("user", "ขอเปลี่ยนเป็นแพ็กเกจ S ค่ะ"),
                ("assistant", "ได้ค่ะ"),
            ),
            "7,300 บาท",
            "8,500 บาท",
        ),
        (  # English: "… more than your current one", then "switch me to it"
            (
                ("assistant", "The price is $400 for the Standard."),
                ("user", "What about the Premium?"),
                ("assistant", "The Premium is priced at $550, $150 more than your current one."),
                ("user", "Let's switch to the Premium."),
                ("assistant", "Done."),
            ),
            "$550",
            "$400",
        ),
    ],
)
def test_a_quote_with_its_difference_taken_replaces_the_held_price(
    turns: tuple[tuple[str, str], ...], new: str, old: str
) -> None:
    facts = conversation(*turns)
    held = current(facts)
    assert [key for key, value in held.items() if old in value] == []
    assert any(old in value for key in held for value in history(facts, key))
    assert any(new in value for value in held.values())


@pytest.mark.parametrize(
    "turns",
    [
        (  # quoted for comparison, not taken: «งั้นเอาแบบเดิม»
            ("assistant", "เตียง Mori 5 ฟุต ราคา 12,900 บาทครับ"),
            ("user", "6 ฟุต ราคาเท่าไหร่คะ"),
            ("assistant", "เตียง Mori 6 ฟุต ราคา 15,900 บาทครับ ต่างจากเดิม 3,000 บาทครับ"),
            ("user", "แพงไป งั้นเอาแบบเดิมค่ะ"),
            ("assistant", "ได้ครับ"),
        ),
        (  # a switch under a condition: asked, not taken
            ("assistant", "เตียง Mori 5 ฟุต ราคา 12,900 บาทครับ"),
            ("user", "6 ฟุต ราคาเท่าไหร่คะ"),
            ("assistant", "เตียง Mori 6 ฟุต ราคา 15,900 บาทครับ ต่างจากเดิม 3,000 บาทครับ"),
            ("user", "ถ้าเปลี่ยนเป็น 6 ฟุต ต้องรอของนานไหมคะ"),
            ("assistant", "ประมาณ 1 สัปดาห์ครับ"),
        ),
        (  # a quote with no difference: another item's price, maybe
            ("assistant", "เตียง Mori 5 ฟุต ราคา 12,900 บาทครับ"),
            ("user", "ที่นอนราคาเท่าไหร่คะ"),
            ("assistant", "ที่นอนรุ่น Cloud ราคา 15,900 บาทครับ"),
            ("user", "โอเคค่ะ เปลี่ยนเป็นรุ่น Cloud เลย"),
            ("assistant", "ได้ครับ"),
        ),
        (  # a difference that fits no held price
            ("assistant", "เตียง Mori 5 ฟุต ราคา 12,900 บาทครับ"),
            ("user", "6 ฟุต ราคาเท่าไหร่คะ"),
            ("assistant", "เตียง Mori 6 ฟุต ราคา 15,900 บาทครับ ต่างจากเดิม 2,500 บาทครับ"),
            ("user", "โอเคค่ะ เปลี่ยนเป็น 6 ฟุตเลย"),
            ("assistant", "เปลี่ยนให้แล้วครับ"),
        ),
        (  # English: quoted, then kept
            ("assistant", "The price is $400 for the Standard."),
            ("user", "What about the Premium?"),
            ("assistant", "The Premium is priced at $550, $150 more than your current one."),
            ("user", "Hmm, I'll keep the Standard, thanks."),
            ("assistant", "No problem."),
        ),
    ],
)
def test_a_quote_not_taken_or_not_tied_to_the_held_price_replaces_nothing(
    turns: tuple[tuple[str, str], ...],
) -> None:
    facts = conversation(*turns)
    old = "12,900" if "12,900" in turns[0][1] else "$400"
    assert any(old in value for value in current(facts).values())
