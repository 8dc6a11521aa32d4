"""The details' share order is worked out once per stored details and kept by a digest:
a changed detail is read afresh, and no detail's words stay in the cache."""

from __future__ import annotations

from domain.context import replaced_details
from domain.context.replaced_details import share_order
from tests.context.factories import detail

OLD = detail(
    40,
    "Assistant: Saturday 12 September is available for the wedding.",
    ["Saturday 12 September"],
    "date",
)
NEW = detail(
    53,
    "Assistant: Saturday 19 September is available for the wedding.",
    ["Saturday 19 September"],
    "date",
)
ASKED = detail(
    53,
    "User: Is Saturday 19 September available for the wedding?",
    ["Saturday 19 September"],
    "date",
)
MIDDLE = detail(30, "User: my email is sara@example.com", ["sara@example.com"], "email")


def test_a_detail_said_anew_goes_last_every_time_it_is_asked() -> None:
    details = [MIDDLE, OLD, NEW]
    assert share_order(details) == [NEW, MIDDLE, OLD]
    assert share_order(details) == [NEW, MIDDLE, OLD]


def test_changed_details_are_read_afresh_not_from_the_cache() -> None:
    assert share_order([MIDDLE, OLD, NEW]) == [NEW, MIDDLE, OLD]
    assert share_order([MIDDLE, OLD, ASKED]) == [ASKED, OLD, MIDDLE]


def test_the_cache_keeps_no_words_of_a_conversation() -> None:
    share_order([MIDDLE, OLD, NEW])
    kept = repr(list(replaced_details._cache.items()))
    assert "sara@example.com" not in kept
    assert "September" not in kept
