"""A value the user asked to remove never comes back, however it is written again.

``domain.user_memory.removed``: a removal is remembered as digests only, and a later
batch of an old conversation, a merge of another one, or an import that states the
value in other words ("07700900733" for "07700 900733", Persian digits with and
without spaces, an address inside a longer one) takes neither the fact nor the
detail, and a summary quoting it says "[removed]". English, Persian, Thai.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.user_memory.merge import SessionDigest, correct_fact, forget_fact, merge_digest
from domain.user_memory.removed import Removed, match_form, removal, value_digest
from domain.user_memory.transfer import merged
from schemas.user_memory import (
    ExportedUserMemory,
    ForgottenValue,
    UserDetail,
    UserFact,
    UserMemoryState,
)
from tests.user_memory.conversations import T0, Turns, past_conversation

NOW = datetime(2026, 12, 1, tzinfo=UTC)

#: (removed value, a later detail's text, its value): the same value written otherwise.
WRITTEN_AGAIN = {
    "en-address": (
        "14 Park Lane, Bristol",
        "User: deliver it to 14 Park Lane, Bristol BS1 4DJ please",
        "14 Park Lane, Bristol BS1 4DJ",
    ),
    "en-phone": ("07700 900733", "User: call me on 07700900733", "07700900733"),
    "en-phone-in-a-sentence": (
        "07700 900733",
        "User: my partner Sarah on 07700 900733 will pick it up",
        "my partner Sarah on 07700 900733 will pick it up",
    ),
    "en-country-code": ("07700 900733", "User: ring +44 7700-900-733", "+44 7700-900-733"),
    "fa-phone": ("۰۹۱۲ ۳۴۵ ۶۷۸۹", "User: شماره من ۰۹۱۲۳۴۵۶۷۸۹ هست", "۰۹۱۲۳۴۵۶۷۸۹"),
    "fa-address": (
        "تهران، خیابان ولیعصر پلاک ۱۲",
        "User: بفرستید به تهران خیابان ولي\u200cعصر، پلاک 12 واحد ۳",
        "تهران خیابان ولي\u200cعصر، پلاک 12 واحد ۳",
    ),
    "th-address": (
        "99/1 ถนนสุขุมวิท",
        "User: ส่งที่ 99/1ถนนสุขุมวิทซอย 11 นะคะ",
        "99/1ถนนสุขุมวิทซอย 11",
    ),
    "th-phone": ("081 234 5678", "User: โทรมาที่ ๐๘๑๒๓๔๕๖๗๘ นะคะ", "๐๘๑๒๓๔๕๖๗๘"),
}


def removed_from(value: str, key: str = "address") -> UserMemoryState:
    """A memory whose user removed ``value``, the value of their fact ``key``."""
    fact = UserFact(key=key, value=value, session_id="c0", observed_at=T0)
    return forget_fact(UserMemoryState(facts=[fact]), key, NOW)


def detail(session: str, text: str, *values: str) -> UserDetail:
    return UserDetail(
        session_id=session,
        observed_at=T0 + timedelta(days=1),
        position=3,
        text=text,
        values=list(values),
        kinds=["other"] * len(values),
    )


def later(*details: UserDetail, facts: Turns | None = None, summary: str = "") -> SessionDigest:
    pairs = [(key, value) for key, value in facts or []]
    return SessionDigest(past_conversation("c1", 1, "en", summary), pairs, list(details))


@pytest.mark.parametrize("case", sorted(WRITTEN_AGAIN))
def test_a_removed_value_written_otherwise_never_comes_back_in_a_detail(case: str) -> None:
    value, text, stated = WRITTEN_AGAIN[case]
    merged_in = merge_digest(removed_from(value), later(detail("c1", text, stated)), NOW)
    assert merged_in.details == []


@pytest.mark.parametrize("case", sorted(WRITTEN_AGAIN))
def test_a_removed_value_written_otherwise_is_scrubbed_and_the_other_values_stay(
    case: str,
) -> None:
    value, text, stated = WRITTEN_AGAIN[case]
    handed = detail("c1", f"{text}, order ORD-48213", stated, "ORD-48213")
    [kept] = merge_digest(removed_from(value), later(handed), NOW).details
    assert kept.values == ["ORD-48213"]
    assert "[removed]" in kept.text and stated not in kept.text


@pytest.mark.parametrize("case", sorted(WRITTEN_AGAIN))
def test_a_removed_value_written_otherwise_is_taken_neither_as_a_fact_nor_in_a_summary(
    case: str,
) -> None:
    value, text, stated = WRITTEN_AGAIN[case]
    summary = f"The customer said: {text.removeprefix('User: ')}."
    digest = later(facts=[("contact", stated), ("order", "ORD-48213")], summary=summary)
    state = merge_digest(removed_from(value), digest, NOW)
    assert [(f.key, f.value) for f in state.facts] == [("order", "ORD-48213")]
    [conversation] = state.conversations
    assert "[removed]" in conversation.summary and stated not in conversation.summary


#: Near the removed value but another one: kept.
OTHERS = {
    "en-address": ("14 Park Lane, Bristol", "User: it's 114 Park Lane, Bristol", "114 Park Lane"),
    "en-phone": ("07700 900733", "User: call 07700 900734", "07700 900734"),
    "en-longer-number": ("07700 900733", "User: account 077009007331", "077009007331"),
    "en-short-value": ("5", "User: flat 5, 15 Elm Road", "flat 5, 15 Elm Road"),
    "fa-phone": ("۰۹۱۲ ۳۴۵ ۶۷۸۹", "User: شماره من ۰۹۱۲۳۴۵۶۷۸۰ هست", "۰۹۱۲۳۴۵۶۷۸۰"),
    "th-address": ("99/1 ถนนสุขุมวิท", "User: ส่งที่ 199/1 ถนนสุขุมวิท", "199/1 ถนนสุขุมวิท"),
}


@pytest.mark.parametrize("case", sorted(OTHERS))
def test_another_value_near_a_removed_one_is_kept(case: str) -> None:
    value, text, stated = OTHERS[case]
    handed = detail("c1", text, stated)
    assert merge_digest(removed_from(value), later(handed), NOW).details == [handed]


def test_a_removal_is_remembered_as_digests_only() -> None:
    state = removed_from("07700 900733, 14 Park Lane, Bristol")
    stored = state.model_dump_json(include={"forgotten"})
    for part in ("07700", "900733", "07700900733", "7700900733", "Park", "park", "Bristol"):
        assert part not in stored


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_removing_a_fact_takes_what_the_memory_holds_of_it_written_otherwise(
    language: str,
) -> None:
    value, text, stated = WRITTEN_AGAIN[f"{language}-phone"]
    other = detail("c2", "User: the meter reads 45281", "45281")
    fact = UserFact(key="phone", value=value, session_id="c0", observed_at=T0)
    state = UserMemoryState(
        facts=[fact],
        conversations=[past_conversation("c1", 1, language, f"Call back on {stated}.")],
        details=[detail("c1", text, stated), other],
    )
    removed = forget_fact(state, "phone", NOW)
    assert removed.details == [other]
    assert removed.conversations[0].summary == "Call back on [removed]."


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_an_import_never_brings_back_a_value_removed_in_either_memory(language: str) -> None:
    value, text, stated = WRITTEN_AGAIN[f"{language}-phone"]
    removed_here = removed_from(value, "phone")
    fact = UserFact(key="contact", value=stated, session_id="c1", observed_at=T0)
    document = ExportedUserMemory(
        persona="",
        facts=[fact],
        conversations=[past_conversation("c1", 1, language, f"Call back on {stated}.")],
        details=[detail("c1", text, stated)],
    )
    # Removed in this memory: the document's fact, summary and detail do not bring it back
    state = merged(removed_here, document, NOW)
    assert state.facts == [] and state.details == []
    assert state.conversations[0].summary == "Call back on [removed]."
    # Removed in the document's memory: this memory's own quotes of it go
    held = UserMemoryState(
        facts=[fact], conversations=document.conversations, details=document.details
    )
    removing = ExportedUserMemory(persona="", forgotten=removed_here.forgotten)
    state = merged(held, removing, NOW)
    assert state.facts == [] and state.details == []
    assert state.conversations[0].summary == "Call back on [removed]."
    # and the same document again changes nothing
    assert merged(state, removing, NOW) is state


def test_a_correction_gives_back_a_removed_value_it_holds() -> None:
    state = correct_fact(removed_from("07700 900733", "phone"), "phone", "07700900733", NOW)
    handed = detail("c1", "User: call me on 07700900733", "07700900733")
    assert merge_digest(state, later(handed), NOW).details == [handed]


def test_a_removal_stored_with_its_exact_digest_only_is_still_recognized() -> None:
    # (stored before the match forms were)
    legacy = ForgottenValue(key="phone", digest=value_digest("07700 900733"))
    state = UserMemoryState(forgotten=[legacy])
    handed = detail("c1", "User: call me on 07700 900733", "07700 900733")
    merged_in = merge_digest(state, later(handed, facts=[("phone", "07700 900733")]), NOW)
    assert merged_in.details == [] and merged_in.facts == []


def test_a_removed_value_is_found_wherever_a_text_quotes_it() -> None:
    removed = Removed([removal("phone", "۰۹۱۲ ۳۴۵ ۶۷۸۹"), removal("address", "99/1 ถนนสุขุมวิท")])
    assert removed.scrubbed("شماره ۰۹۱۲-۳۴۵-۶۷۸۹ و 09123456789.") == (
        "شماره [removed] و [removed]."
    )
    # a Thai value ends with its vowel and tone marks; the next word stays
    assert removed.scrubbed("ส่งไปที่ 99/1 ถนนสุขุมวิทค่ะ") == "ส่งไปที่ [removed]ค่ะ"
    assert not removed.holds("ส่งไปที่ 199/1 ถนนสุขุมวิท")


def test_a_fact_only_quoting_a_removed_value_takes_the_quote_not_the_rest() -> None:
    sentence = "text me on 07700900733 about the visit on 14 May"
    handed = detail("c1", f"User: {sentence}", "07700900733", "14 May")
    digest = later(handed, facts=[("contact_preference", sentence)])
    state = merge_digest(removed_from("07700 900733", "phone"), digest, NOW)
    assert state.facts == []
    [kept] = state.details
    assert kept.values == ["14 May"]
    assert kept.text == "User: text me on [removed] about the visit on 14 May"


def _counting_digests(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the digests a lookup makes: its cost, counted without a clock."""
    from domain.user_memory import removed as module

    calls = [0]
    digest = module._sha

    def counted(kind: str, form: str) -> str:
        calls[0] += 1
        return digest(kind, form)

    monkeypatch.setattr(module, "_sha", counted)
    return calls


@pytest.mark.parametrize(
    "text",
    ["ก" * 1_500, "ab " * 500, "۱۲ " * 500],
    ids=["th-unspaced", "en-words", "fa-digits"],
)
def test_a_thousand_long_removals_cost_a_text_its_length_plus_their_number(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    from domain.user_memory.removed import MAX_CONTAINED_CHARS

    # Given an import's thousand removals, each longer than a window and of another length
    hostile = [
        ForgottenValue(
            key=f"k{size}", digest="0" * 64, words=f"{size:064x}", size=size, head="1" * 64
        )
        for size in range(MAX_CONTAINED_CHARS + 1, MAX_CONTAINED_CHARS + 1_001)
    ]
    removed = Removed(hostile)
    calls = _counting_digests(monkeypatch)
    # When a long text is looked at
    assert removed.found(text) == []
    # Then it costs a window for each place a value may start, not a stretch for each length
    assert calls[0] <= len(text) + len(hostile)


@pytest.mark.parametrize("language", ["en", "fa", "th"])
def test_a_thousand_long_removals_sharing_a_head_cost_a_text_its_length_plus_their_number(
    monkeypatch: pytest.MonkeyPatch, language: str
) -> None:

    # Given a thousand long removed values that start alike, each of another length, and
    # a long text quoting their start once
    start = LONG_VALUES[language]
    removed = Removed([removal(f"k{n}", f"{start} {'x' * n}") for n in range(1, 1_001)])
    text = f"User: {start} " + "and so on " * 150
    calls = _counting_digests(monkeypatch)
    # Then none is found, and each is compared at most once: where the head is
    assert removed.found(text) == []
    assert calls[0] <= len(text) + 1_000


@pytest.mark.parametrize("digit", ["1", "۱", "๑"], ids=["en", "fa", "th"])
def test_thousands_of_spaced_digits_cost_their_length_times_a_bound(
    monkeypatch: pytest.MonkeyPatch, digit: str
) -> None:
    from domain.user_memory.removed import MAX_NUMBER_DIGITS, MAX_PREFIX

    # Given a removed phone number, and a text of 600 digits written one by one
    removed = Removed([removal("phone", "07700 900733")])
    text = f"{digit} " * 600
    calls = _counting_digests(monkeypatch)
    # When the text is looked at
    assert removed.found(text) == []
    # Then each digit starts at most a bounded number of candidate numbers
    assert calls[0] <= 600 * (MAX_NUMBER_DIGITS + MAX_PREFIX) * (MAX_PREFIX + 1)


def test_a_removed_number_is_still_found_among_spaced_digits() -> None:
    # Given a removed phone number written again digit by digit inside a long text
    removed = Removed([removal("phone", "07700 900733")])
    text = "1 " * 300 + "call 0 7 7 0 0 9 0 0 7 3 3 please"
    # Then it is still found and scrubbed
    assert removed.holds(text)
    assert "9 0 0 7 3 3" not in removed.scrubbed(text)


#: A delivery instruction longer than a window (``MAX_CONTAINED_CHARS``), per language.
LONG_VALUES = {
    "en": (
        "Please leave the parcel behind the blue recycling bin by the side gate, not on the "
        "front step, because the dog gets out when the door opens and the neighbour takes "
        "things in"
    ),
    "fa": (
        "لطفاً بسته را پشت سطل بازیافت آبی کنار در کوچک بگذارید، نه جلوی در اصلی، چون سگ "
        "وقتی در باز می‌شود بیرون می‌دود و همسایه هم معمولاً بسته‌ها را برمی‌دارد و به ما "
        "نمی‌دهد، پس زنگ هم نزنید"
    ),
    "th": (
        "ฝากวางพัสดุไว้หลังถังรีไซเคิลสีฟ้าข้างประตูรั้วด้านข้าง ไม่ต้องวางหน้าบ้าน "
        "เพราะหมาจะวิ่งออกมาตอนเปิดประตู และเพื่อนบ้านชอบเก็บของไปเอง "
        "ถ้าไม่มีใครอยู่ให้โทรบอกก่อนนะคะ หรือฝากไว้กับป้อมยามหน้าหมู่บ้านแทนก็ได้ "
        "ขอบคุณมากค่ะ"
    ),
}


@pytest.mark.parametrize("language", list(LONG_VALUES))
def test_a_removed_value_longer_than_a_window_is_found_inside_a_text(language: str) -> None:
    from domain.user_memory.removed import MAX_CONTAINED_CHARS

    value = LONG_VALUES[language]
    assert len(match_form(value).text) > MAX_CONTAINED_CHARS
    # Given a long delivery instruction the user asked to remove
    removed = Removed([removal("delivery_instructions", value)])
    # When a later summary quotes it inside a longer text, written otherwise
    text = f"User: {value.upper()}. Thanks!"
    # Then it is found and scrubbed, and the rest of the text stays
    assert removed.holds(text)
    assert removed.scrubbed(text) == "User: [removed]. Thanks!"
    # and a text quoting only its start is not a quote of it
    assert not removed.holds(f"User: {value[: MAX_CONTAINED_CHARS + 5]}")
