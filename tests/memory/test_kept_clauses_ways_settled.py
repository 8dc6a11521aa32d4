"""A way of paying or collecting settled on after the options were set out, kept as a
clause a detail holds though it states no value: "ACH transfer it is", «งั้นโอนพร้อมเพย์ค่ะ»
(then I'll transfer by PromptPay), «آره با پیک بفرستید» (yes, send it by courier)."""

from __future__ import annotations

import pytest

from domain.memory.offline.candidates import Candidate
from domain.memory.offline.kept_clauses import clauses_kept


def _kept(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in clauses_kept([Candidate(text, "User", (0, 0))])]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "oh never mind then lol. ACH transfer it is, the points aren't worth that",
            ("ACH transfer it is", "choice"),
        ),
        ("bank transfer it is then", ("bank transfer it is then", "choice")),
        ("งั้นโอนพร้อมเพย์ค่ะ ขอเลขบัญชีหน่อยค่ะ", ("งั้นโอนพร้อมเพย์ค่ะ", "choice")),
        ("งั้นรับเองที่ร้านครับ", ("งั้นรับเองที่ร้านครับ", "choice")),
        ("آره با پیک بفرستید", ("با پیک بفرستید", "instruction")),
        ("با کارت حساب میکنم", ("با کارت حساب میکنم", "instruction")),
    ],
)
def test_a_way_settled_on_is_kept(text: str, clause: tuple[str, str]) -> None:
    assert clause in _kept(text)


@pytest.mark.parametrize(
    "text",
    ["yes it is", "thats just how it is", "I think it is", "งั้นโอนได้ไหมคะ", "با شما تماس میگیرم"],
)
def test_no_way_is_settled_on(text: str) -> None:
    assert _kept(text) == []
