"""A search of a user memory finds its details too (``domain.user_memory.detail_search``
through ``reads.search``): those sharing a term with the query, English, Persian and
Thai; rarer shared terms first, then the newest; bounded; a removed value never found;
only in the caller's account, user and persona."""

from __future__ import annotations

import pytest

from domain.user_memory.corrections import patch_fact
from domain.user_memory.detail_search import matching_details
from domain.user_memory.reads import search
from schemas.user_memory import MAX_SEARCH_DETAILS, UserDetail, UserMemoryState
from store.backends.sqlite import SqliteStore
from tests.user_memory.conversations import store_conversation
from tests.user_memory.test_details import EMAIL, METER, READING, A, merge_jobs
from tests.user_memory.test_details import user_detail as detail

B = "acct-b"


# Per language: a detail no fact names, one of another errand, the query, its value typed
# as the user would (Persian digits typed as ASCII ones).
ERRANDS = {
    "en": (
        detail("c1", 1, 3, "User: the landlord's number is 07700 900733", "07700 900733"),
        detail("c2", 2, 1, "User: ring Callum not me, he has the spare key", "ring Callum not me"),
        "landlord number?",
        "07700 900733",
    ),
    "fa": (
        detail("c1", 1, 3, "User: شماره‌ی صاحبخونه ۰۹۱۲۷۶۵۴۳۲۱ هست", "۰۹۱۲۷۶۵۴۳۲۱"),
        detail("c2", 2, 1, "User: به کالوم زنگ بزنید نه من", "به کالوم زنگ بزنید نه من"),
        "شماره صاحبخونه",
        "09127654321",
    ),
    "th": (
        detail("c1", 1, 3, "User: เบอร์ของเจ้าของห้องคือ 081-234-5678", "081-234-5678"),
        detail("c2", 2, 1, "User: รหัสประตูคือ 4411", "4411"),
        "เบอร์เจ้าของห้อง",
        "081-234-5678",
    ),
}


def memory(*details: UserDetail) -> UserMemoryState:
    return UserMemoryState(details=list(details))


def save(store: SqliteStore, state: UserMemoryState, account: str = A, persona: str = "") -> None:
    assert store.user_memory.save_user_memory(account, "u1", persona, state, None)


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_search_finds_the_detail_sharing_the_querys_terms_with_its_session_time_and_values(
    store: SqliteStore, language: str
) -> None:
    wanted, other, query, value = ERRANDS[language]
    save(store, memory(other, wanted))
    found = search(store.user_memory, A, "u1", "", query).details
    assert [(d.session_id, d.observed_at, d.text, d.values) for d in found] == [
        ("c1", wanted.observed_at, wanted.text, wanted.values)
    ]
    assert found[0].score > 0
    # the value itself finds it too
    assert [d.text for d in search(store.user_memory, A, "u1", "", value).details] == [wanted.text]
    # and a query sharing no term finds none
    assert search(store.user_memory, A, "u1", "", "zebra").details == []


# Per language: a term two details hold, one only one holds (in Thai, words of as many
# search terms: each two letters are one).
TERMS = {
    "en": ("boiler", "landlord"),
    "fa": ("آبگرمکن", "صاحبخونه"),
    "th": ("กุญแจ", "ประตู"),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_rarer_shared_term_ranks_first_then_the_newest(language: str) -> None:
    common, rare = TERMS[language]
    newest = detail("c3", 3, 0, f"User: {common} 10:00", "10:00")
    with_rare = detail("c2", 2, 5, f"User: {rare} 07700 900733", "07700 900733")
    oldest = detail("c1", 1, 2, f"User: {common} 4411", "4411")
    unrelated = detail("c1", 1, 1, "User: 3 months", "3 months")
    stored = [newest, with_rare, oldest, unrelated]
    ranked = [m.detail for m in matching_details(stored, f"{common} {rare}")]
    assert ranked == [with_rare, newest, oldest]
    # the same query in another order ranks the same
    assert [m.detail for m in matching_details(stored, f"{rare} {common}")] == ranked


def test_equal_scores_go_newest_first_by_time_then_by_place_in_the_conversation() -> None:
    later_in_c1 = detail("c1", 1, 7, "User: the gate code is 4411", "4411")
    earlier_in_c1 = detail("c1", 1, 2, "User: the bin code is 2020", "2020")
    c2 = detail("c2", 2, 0, "User: the alarm code is 9090", "9090")
    # stored in no particular order (an import may bring them so)
    ranked = [m.detail for m in matching_details([earlier_in_c1, c2, later_in_c1], "code")]
    assert ranked == [c2, later_in_c1, earlier_in_c1]


def test_a_search_returns_a_bounded_number_of_details_the_newest() -> None:
    many = [
        detail(f"c{day}", day, 0, f"User: locker {day} code {1000 + day}", str(1000 + day))
        for day in range(MAX_SEARCH_DETAILS + 10, 0, -1)
    ]
    found = matching_details(many, "locker code")
    assert len(found) == MAX_SEARCH_DETAILS
    assert [m.detail for m in found] == many[:MAX_SEARCH_DETAILS]


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_removed_value_is_never_found_in_a_detail(store: SqliteStore, language: str) -> None:
    # Given a merged conversation whose detail states the reading and the email
    store_conversation(store, "c1", METER[language])
    merge_jobs(store).merge_session(A, "c1", final=True)
    found = search(store.user_memory, A, "u1", "", EMAIL[language]).details
    assert any(EMAIL[language] in d.values for d in found)
    # When the user removes their email
    patch_fact(store.user_memory, A, "u1", "", "customer_email", None)
    # Then no detail found states it, by the email or by the reading beside it
    for query in (EMAIL[language], READING[language]):
        for hit in search(store.user_memory, A, "u1", "", query).details:
            assert EMAIL[language] not in hit.text and EMAIL[language] not in hit.values
    found = search(store.user_memory, A, "u1", "", READING[language]).details
    assert any(READING[language] in d.values for d in found)


def test_a_search_finds_only_the_details_of_the_callers_account_user_and_persona(
    store: SqliteStore,
) -> None:
    wanted, other, query, _ = ERRANDS["en"]
    save(store, memory(wanted), persona="meher")
    save(store, memory(other), account=B, persona="meher")
    assert [d.text for d in search(store.user_memory, A, "u1", "meher", query).details] == [
        wanted.text
    ]
    # another account with the same user and persona, a guessed user, the general
    # memory, a persona differing only in case
    for account, user, persona in ((B, "u1", "meher"), (A, "u2", "meher"), (A, "u1", "")):
        assert search(store.user_memory, account, user, persona, query).details == []
    assert search(store.user_memory, A, "u1", "Meher", query).details == []
    assert [d.text for d in search(store.user_memory, B, "u1", "meher", "Callum").details] == [
        other.text
    ]


# Per language: the detail the query asks for, the memory's other details (each sharing the
# query's function words or particles), the query.
COMMON_WORDS = {
    "en": (
        "User: boiler is a Worcester Greenstar 30i",
        [
            "User: what is the date for my next visit? Assistant: it is the 14th of May",
            "User: what is the price for my annual plan? Assistant: it is £89",
            "User: what is the bay for my car? Assistant: it is bay 12",
            "User: what is the reference for my claim? Assistant: it is CL-88231",
            "User: what is the slot for my delivery? Assistant: it is 8-10am",
        ],
        "what is the model for my boiler?",
    ),
    "fa": (
        "User: کد در ۴۴۷۱ هست",
        [
            "User: تاریخ نوبت من چیه؟ Assistant: ۱۴ اردیبهشت",
            "User: شماره پیگیری من چیه؟ Assistant: CL-88231",
            "User: قیمت اشتراک من چیه؟ Assistant: ۸۹۰ هزار تومان",
        ],
        "کد در ورودی من چیه؟",
    ),
    "th": (
        "User: รหัสประตู 4471",
        [
            "User: นัดของผมคือวันอะไรครับ Assistant: วันที่ 14 พฤษภาคมครับ",
            "User: ราคาแพ็กเกจของผมคือเท่าไหร่ครับ Assistant: 890 บาทครับ",
            "User: ที่จอดรถของผมคือช่องอะไรครับ Assistant: ช่อง 12 ครับ",
            "User: ผมคือลูกค้าเก่าครับ Assistant: ขอบคุณครับ",
        ],
        "รหัสประตูของผมคืออะไรครับ",
    ),
}


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_terms_most_details_hold_count_for_nothing_and_match_nothing_alone(
    language: str,
) -> None:
    wanted_text, others, query = COMMON_WORDS[language]
    wanted = detail("c0", 0, 0, wanted_text, "v0")
    memory_details = [wanted] + [
        detail(f"c{day}", day, 0, text, f"v{day}") for day, text in enumerate(others, 1)
    ]
    found = matching_details(memory_details, query)
    assert [m.detail for m in found][:1] == [wanted]
    assert all(m.detail is wanted or m.score < found[0].score / 2 for m in found)
    if language != "th":  # Thai bigrams across two words can be rare by chance
        assert [m.detail for m in found] == [wanted]


def test_the_speaker_labels_are_not_searched() -> None:
    details = [
        detail("c1", 1, 0, "User: the gate code is 4471 Assistant: noted", "4471"),
        detail("c2", 2, 0, "Assistant: your claim is CL-88231", "CL-88231"),
    ]
    assert matching_details(details, "assistant") == []
    assert matching_details(details, "user") == []
    assert [m.detail for m in matching_details(details, "assistant gate")] == details[:1]


def test_a_detail_sharing_only_my_with_the_query_is_not_returned() -> None:
    details = [
        detail("c1", 1, 0, "User: the gate code is 4471", "4471"),
        detail("c2", 2, 0, "User: my wife's number is 07700 900123", "07700 900123"),
        detail("c3", 3, 0, "User: is the parking for my flat in bay 12?", "bay 12"),
        detail("c4", 4, 0, "User: my next visit is on the 14th of May", "14th of May"),
        detail("c5", 5, 0, "User: the price of my plan is £89", "£89"),
    ]
    assert [m.detail for m in matching_details(details, "my gate code")] == details[:1]
