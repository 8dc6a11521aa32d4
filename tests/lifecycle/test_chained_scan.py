"""``domain.lifecycle.chained_scan``: two store scans paged as one, over fake scans."""

from __future__ import annotations

import pytest

from domain.lifecycle import StoreScan, chained_scan
from domain.ports.lifecycle import ScanPage, SessionKey
from schemas.errors import InvalidInput


def fake_scan(*ids: str) -> StoreScan:
    """A store scan over ``ids``; its cursor is the index of the next one."""

    def scan(*, limit: int, cursor: str | None) -> ScanPage:
        assert limit > 0
        start = int(cursor.removeprefix("i")) if cursor is not None else 0
        end = start + limit
        page = [SessionKey("acct", i) for i in ids[start:end]]
        return ScanPage(page, f"i{end}" if end < len(ids) else None)

    return scan


def every_page(scans: list[StoreScan], limit: int) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        page = chained_scan(scans, limit, cursor)
        pages.append([key.session_id for key in page.sessions])
        cursor = page.next_cursor
        if cursor is None:
            return pages


def test_pages_run_through_the_first_scan_then_the_second() -> None:
    scans = [fake_scan("a1", "a2", "a3"), fake_scan("b1", "b2")]
    # A page may end one scan and start the next; no page is over the limit
    assert every_page(scans, 2) == [["a1", "a2"], ["a3", "b1"], ["b2"]]
    assert every_page(scans, 10) == [["a1", "a2", "a3", "b1", "b2"]]


def test_a_first_scan_ending_on_a_full_page_hands_over_to_the_second() -> None:
    scans = [fake_scan("a1", "a2"), fake_scan("b1")]
    assert every_page(scans, 2) == [["a1", "a2"], ["b1"]]
    assert every_page([fake_scan("a1", "a2"), fake_scan()], 2) == [["a1", "a2"], []]
    assert every_page([fake_scan(), fake_scan()], 2) == [[]]


def test_a_cursor_of_the_first_scan_alone_still_continues() -> None:
    # A tick sent before its kind scanned two store scans carries a store cursor
    page = chained_scan([fake_scan("a1", "a2", "a3"), fake_scan("b1")], 2, "i2")
    assert [key.session_id for key in page.sessions] == ["a3", "b1"]
    assert page.next_cursor is None


def test_a_foreign_cursor_is_invalid_input() -> None:
    scans = [fake_scan("a1"), fake_scan("b1")]
    for cursor in ("2:", "x:i1", "-1:"):
        with pytest.raises(InvalidInput):
            chained_scan(scans, 2, cursor)
