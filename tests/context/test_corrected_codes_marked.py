"""A corrected code is marked where a summary still quotes it after a place's name."""

from __future__ import annotations

from domain.context.replaced import ReplacedMarks
from schemas.memory_model import ReplacedValue


def test_a_corrected_code_after_a_place_name_is_marked_in_a_summary() -> None:
    corrected = ReplacedValue(old="HG2 7DN", new="HG2 7DL", how="corrected")
    marks = ReplacedMarks([], [], [corrected])
    assert marks.mark("User: 14 Bramley Close, Harrogate HG2 7DN") == (
        "User: 14 Bramley Close, Harrogate HG2 7DN (replaced by HG2 7DL)"
    )
    # a capitalised word before a name of words is still that name's ("SwiftPost Express")
    named = ReplacedValue(old="Express", new="Standard", how="corrected")
    text = "Assistant: it goes with SwiftPost Express"
    assert ReplacedMarks([], [], [named]).mark(text) == text
