"""The indexed current values give the answers of comparing an old value with each one."""

from __future__ import annotations

from domain.context.held_values import CurrentValues, held, same_numbers
from domain.memory.offline.fact_keys import compared_words, restates

#: Current values of facts as the offline engine keeps them, in English, Persian and Thai.
VALUES = [
    "Tuesday 3 December",
    "Wednesday 20 March, 8am to 1pm",
    "9 Canal Street, Flat 3, Leeds LS1 4DL",
    "ORD-48213",
    "£24.00",
    "£184",
    "07700 900481",
    "Hannah Okafor",
    "تهران، سعادت‌آباد، خیابان سرو غربی، پلاک ۱۴",
    "۸٬۲۴۹٬۰۰۰ تومان",
    "شنبه ۱۲ آبان",
    "ค่าธรรมเนียมบริการ 60 บาท",
    "วันพุธที่ 20 พ.ย.",
    "081-234-5678",
    "ใบละ 4,500 บาท",
    "...",
]
#: Old values to look up: the values themselves, shorter and other wordings of them, the
#: same numbers among other words, and values held by none.
OLDS = [
    *VALUES,
    "Tuesday",
    "3 december",
    "20 March",
    "48213",
    "$84",
    "£184.00",
    "Flat 3",
    "900481",
    "Friday",
    "سعادت‌آباد",
    "پلاک 14",
    "8,249,000 تومان",
    "۱۲ آبان",
    "ค่าธรรมเนียม 60 บาท",
    "20 พ.ย.",
    "วันพุธ",
    "4500",
    "4,500 บาท",
    "0812345678",
    "!!",
    "",
]


def test_the_index_finds_every_value_that_holds_an_old_one_and_no_other() -> None:
    current = CurrentValues(VALUES)
    for old in OLDS:
        assert current.holding(old) == [i for i, v in enumerate(VALUES) if held(old, v)], old
        assert current.restating(old) == [i for i, v in enumerate(VALUES) if restates(old, v)], old


def test_each_run_of_a_values_words_finds_the_values_that_restate_it() -> None:
    current = CurrentValues(VALUES)
    runs = {
        " ".join(words[start:end])
        for words in (compared_words(v) for v in VALUES)
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
    }
    for run in sorted(runs):
        found = current.restating(run)
        assert found, run  # the value it was cut from, at least
        assert found == [i for i, v in enumerate(VALUES) if restates(run, v)], run
        assert current.holding(run) == [i for i, v in enumerate(VALUES) if held(run, v)], run


def test_same_numbers_in_more_words_hold_an_old_value_and_other_numbers_do_not() -> None:
    assert same_numbers("ค่าธรรมเนียม 60 บาท", "ค่าธรรมเนียมบริการ 60 บาท")
    assert not same_numbers("19 Nov", "19 Dec")
    current = CurrentValues(VALUES)
    assert current.holding("ค่าธรรมเนียม 60 บาท") == [VALUES.index("ค่าธรรมเนียมบริการ 60 บาท")]
    assert current.holding("19 Dec") == []


def test_an_old_value_without_words_restates_every_value() -> None:
    assert CurrentValues(VALUES).restating("!!") == list(range(len(VALUES)))
    assert CurrentValues([]).holding("Tuesday") == []
