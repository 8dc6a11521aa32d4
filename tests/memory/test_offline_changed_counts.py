"""A count changed with no fact to hold it ("24 rooms" → "28 rooms", «۳ کارگر» → «۴ کارگر»,
«เก้าอี้ 4 ตัว» → «2 ตัว») is remembered by the fold as replaced, so the context marks a
summary that still quotes the old one; a count added, asked about or said beside another
of its noun replaces nothing."""

from domain.context.replaced import mark_replaced
from schemas.messages import Role
from tests.memory.folding_support import fold_all

_SMALL_TALK: list[tuple[Role, str]] = [
    ("user", "thanks"),
    ("assistant", "You're welcome."),
    ("user", "one more question about parking"),
    ("assistant", "Parking is free for guests."),
    ("user", "great"),
]


def test_english_a_count_said_anew_with_a_change_word_replaces_the_earlier_one() -> None:
    state = fold_all(
        [
            ("user", "We need a block for the team offsite."),
            ("assistant", "Good news, we can hold 24 rooms for both nights."),
            *_SMALL_TALK,
            ("user", "Sales want to come after all."),
            ("assistant", "No problem, that takes you to 28 rooms, same rate."),
            ("user", "lovely"),
        ]
    )
    assert "24 rooms" in state.replaced_values
    assert "28 rooms" not in state.replaced_values
    marked = mark_replaced("Assistant: we can hold 24 rooms for both nights.", [], ["24 rooms"])
    assert "24 rooms (replaced)" in marked


def test_persian_a_count_answered_to_the_message_that_quoted_it_replaces_it() -> None:
    state = fold_all(
        [
            ("user", "سلام، برای اسباب‌کشی قیمت میخواستم"),
            ("assistant", "پیشنهاد من کامیونت هست با ۳ کارگر."),
            *_SMALL_TALK,
            ("user", "شوهرم میگه ۳ کارگر کمه برای طبقه چهارم، ۴ نفر بیان بهتره"),
            ("assistant", "حق با ایشونه. با ۴ کارگر ۹۰۰ هزار تومان اضافه میشه."),
            ("user", "باشه"),
        ]
    )
    assert "۳ کارگر" in state.replaced_values
    assert "۴ کارگر" not in state.replaced_values


def test_thai_a_count_is_remembered_with_its_noun() -> None:
    state = fold_all(
        [
            ("user", "โต๊ะกินข้าวรุ่น Nara ค่ะ เอาเก้าอี้ 4 ตัวค่ะ"),
            ("assistant", "ได้ครับ โต๊ะ Nara พร้อมเก้าอี้ครับ"),
            *_SMALL_TALK,
            ("user", "ห้องเล็กกว่าที่คิดค่ะ"),
            ("assistant", "ได้ครับ ลดเก้าอี้เหลือ 2 ตัว ยอดลดลงครับ"),
            ("user", "ขอบคุณค่ะ"),
        ]
    )
    # «4 ตัว» alone may be four of anything («ขันน็อตขา 4 ตัว»): the noun comes with it
    assert "เก้าอี้ 4 ตัว" in state.replaced_values
    assert "4 ตัว" not in state.replaced_values


def test_a_count_added_asked_or_of_two_things_replaces_nothing() -> None:
    for first, later in (
        ("We'd like 24 rooms please.", "Actually we need 4 more rooms now."),
        ("We'd like 24 rooms please.", "Could we have 28 rooms instead?"),
        ("We'd like 2 rooms please.", "Now 2 rooms for the kids and 1 room for us."),
        ("با ۳ کارگر میایم.", "الان ۲ تا کارگر دیگه هم میفرستیم."),
        ("เอาเก้าอี้ 4 ตัวค่ะ", "ขอเพิ่มเก้าอี้อีก 2 ตัวนะคะ ตอนนี้"),
    ):
        state = fold_all([("user", first), *_SMALL_TALK, ("user", later), ("assistant", "ok")])
        assert state.replaced_values == [], (first, later)


def test_a_count_of_another_noun_replaces_nothing() -> None:
    state = fold_all(
        [
            ("user", "با ۳ کارگر و یه کامیونت میایم."),
            *_SMALL_TALK,
            ("user", "الان ۲ کامیونت لازمه؟"),
            ("assistant", "نه، الان با ۲ نیسان کار تموم میشه."),
        ]
    )
    assert state.replaced_values == []


def test_english_a_count_added_with_add_replaces_nothing() -> None:
    state = fold_all(
        [
            ("user", "We booked 10 chairs for the garden party."),
            ("assistant", "Noted, 10 chairs on the lawn."),
            ("user", "Adding 2 chairs for the grandparents, please."),
            ("assistant", "Sure."),
        ]
    )
    assert "10 chairs" not in state.replaced_values


def test_persian_a_count_added_with_add_replaces_nothing() -> None:
    state = fold_all(
        [
            ("user", "برای مهمونی ۱۰ تا صندلی رزرو کردیم."),
            ("assistant", "باشه، ۱۰ صندلی ثبت شد."),
            ("user", "۲ صندلی اضافه کنید لطفا."),
            ("assistant", "چشم."),
        ]
    )
    assert "۱۰ صندلی" not in state.replaced_values
    assert "۱۰ تا صندلی" not in state.replaced_values


def test_thai_a_count_added_with_the_noun_after_add_replaces_nothing() -> None:
    state = fold_all(
        [
            ("user", "จองเก้าอี้ 10 ตัวสำหรับงานเลี้ยงค่ะ"),
            ("assistant", "รับทราบค่ะ เก้าอี้ 10 ตัว"),
            ("user", "ขอเพิ่มเก้าอี้ 2 ตัวค่ะ"),
            ("assistant", "ได้ค่ะ"),
        ]
    )
    assert not any("10 ตัว" in value for value in state.replaced_values)


def test_thai_a_count_raised_to_a_total_still_replaces() -> None:
    state = fold_all(
        [
            ("user", "จองเก้าอี้ 10 ตัวสำหรับงานเลี้ยงค่ะ"),
            ("assistant", "รับทราบค่ะ เก้าอี้ 10 ตัว"),
            ("user", "ขอเก้าอี้เพิ่มเป็น 12 ตัวค่ะ"),
            ("assistant", "ได้ค่ะ"),
        ]
    )
    assert any("10 ตัว" in value for value in state.replaced_values)


def test_english_a_count_of_one_age_group_replaces_that_groups_count_only() -> None:
    # "8 age 9/10, 10 age 11/12": two counts of two things, each named by its age group
    state = fold_all(
        [
            ("user", "8 age 9/10, 10 age 11/12 and 4 adult XS"),
            ("assistant", "Got it, 22 jerseys in all."),
            *_SMALL_TALK,
            ("user", "two more girls signed up, both age 11/12, so thats 12 age 11/12 now"),
            ("assistant", "Updated."),
        ]
    )
    assert "10 age 11/12" in state.replaced_values
    assert "8 age 9/10" not in state.replaced_values
    assert "12 age 11/12" not in state.replaced_values
    marked = mark_replaced("User: 8 age 9/10, 10 age 11/12 and 4 adult XS", [], ["10 age 11/12"])
    assert "10 age 11/12 (replaced)" in marked
    assert "8 age 9/10 (replaced)" not in marked


def test_english_a_count_of_another_size_replaces_nothing() -> None:
    for first, later in (
        ("4 size 12 and 6 size 14 please", "and 5 size 10 now"),
        ("8 age 9/10 and 10 age 11/12", "and 6 age 13/14 now"),
    ):
        state = fold_all([("user", first), *_SMALL_TALK, ("user", later), ("assistant", "ok")])
        assert state.replaced_values == [], (first, later)


def test_english_a_count_of_one_size_said_anew_replaces_it() -> None:
    state = fold_all(
        [
            ("user", "4 size 12 and 6 size 14 please"),
            *_SMALL_TALK,
            ("user", "make it 5 size 12 now"),
            ("assistant", "ok"),
        ]
    )
    assert state.replaced_values == ["4 size 12"]
