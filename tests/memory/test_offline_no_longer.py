"""A choice said to hold no longer ("we dont do direct debits anymore", «دیگه کارت به کارت
نمیکنم», «ไม่เอาส่งไปรษณีย์แล้ว»), with no fact to hold it: the fold remembers it as
replaced, so the context marks a summary that still quotes it; a question, a condition,
a choice never said before or words that name nothing take nothing."""

from domain.context.replaced import mark_replaced
from domain.memory.engine import TranscriptLine
from domain.memory.offline.no_longer import no_longer
from tests.memory.folding_support import fold_all


def test_english_a_way_to_pay_said_to_hold_no_longer_is_replaced() -> None:
    state = fold_all(
        [
            ("assistant", "Most of our clients pay monthly by direct debit. Is that OK?"),
            ("user", "yeah direct debit is fine"),
            ("assistant", "Perfect, I'll send the mandate with the contract."),
            ("user", "thanks"),
            ("assistant", "Anything else?"),
            ("user", "she says we dont do direct debits anymore for suppliers"),
            ("user", "it has to be invoice and bank transfer"),
            ("assistant", "That's fine, I'll switch you to invoice."),
            ("user", "great"),
            ("assistant", "Done."),
        ]
    )
    assert "direct debit" in state.replaced_values
    marked = mark_replaced("User: yeah direct debit is fine", [], state.replaced_values)
    assert marked == "User: yeah direct debit (replaced) is fine"


def test_persian_a_way_to_pay_said_to_hold_no_longer_is_replaced() -> None:
    state = fold_all(
        [
            ("user", "راستی باقی پولو کارت به کارت میکنم قبل تحویل، اشکال نداره؟"),
            ("assistant", "نه اشکال نداره، فقط یه روز قبل بریزید"),
            ("user", "باشه"),
            ("assistant", "جعبه هم میخواید؟"),
            ("user", "آره"),
            ("user", "پولم دیگه کارت به کارت نمیکنم، سارا همونجا با کارتخوان حساب میکنه"),
            ("assistant", "باشه، پرداخت حضوری با کارتخوان."),
            ("user", "مرسی"),
            ("assistant", "خواهش میکنم"),
            ("user", "خدانگهدار"),
        ]
    )
    assert "کارت به کارت" in state.replaced_values
    marked = mark_replaced("User: باقی پولو کارت به کارت میکنم", [], state.replaced_values)
    assert marked == "User: باقی پولو کارت به کارت (replaced) میکنم"


def test_thai_a_delivery_said_to_hold_no_longer_is_replaced() -> None:
    state = fold_all(
        [
            ("assistant", "จะรับที่ร้านหรือให้ส่งคะ"),
            ("user", "ขอส่งไปรษณีย์ค่ะ"),
            ("assistant", "ได้ค่ะ ค่าส่ง 50 บาทค่ะ"),
            ("user", "โอเคค่ะ"),
            ("assistant", "ขอบคุณค่ะ"),
            ("user", "ไม่เอาส่งไปรษณีย์แล้วค่ะ จะมารับเองพรุ่งนี้"),
            ("assistant", "ได้ค่ะ รอรับที่ร้านนะคะ"),
            ("user", "ค่ะ"),
            ("assistant", "ขอบคุณค่ะ"),
            ("user", "บายค่ะ"),
        ]
    )
    assert "ส่งไปรษณีย์" in state.replaced_values
    marked = mark_replaced("User: ขอส่งไปรษณีย์ค่ะ", [], state.replaced_values)
    assert "ส่งไปรษณีย์ (replaced)" in marked


def _said(earlier: str, message: str) -> list[str]:
    return no_longer([earlier], [], [TranscriptLine(1, "m1", "user", message)]).old


def test_a_question_or_a_condition_says_nothing_holds_no_longer() -> None:
    assert _said("User: direct debit is fine", "don't you do direct debits anymore?") == []
    assert _said("User: direct debit is fine", "Do you not take direct debit anymore") == []
    assert _said("User: direct debit is fine", "if you don't use direct debit anymore, ok") == []
    assert _said("User: کارت به کارت میکنم", "اگه دیگه کارت به کارت نمیکنید بگید") == []
    assert _said("User: کارت به کارت میکنم", "دیگه کارت به کارت نمیکنید؟") == []
    assert _said("User: ขอส่งไปรษณีย์ค่ะ", "ไม่เอาส่งไปรษณีย์แล้วใช่ไหมคะ") == []
    assert _said("User: ขอส่งไปรษณีย์ค่ะ", "ถ้าไม่เอาส่งไปรษณีย์แล้วบอกนะคะ") == []


def test_a_choice_never_said_before_or_words_that_name_nothing_are_not_replaced() -> None:
    # another thing than the one said before
    assert _said("User: direct debit is fine", "we don't take cheques anymore") == []
    assert _said("User: کارت به کارت میکنم", "دیگه چک نمیگیریم") == []
    assert _said("User: ขอส่งไปรษณีย์ค่ะ", "ไม่เอาส่งแกร็บแล้วค่ะ") == []
    # words that name nothing, said before or not
    assert _said("User: I need it delivered", "I don't need it anymore") == []
    assert _said("User: it is what it is", "it is not what it is anymore") == []


def test_no_longer_of_no_choice_or_of_a_word_too_common_replaces_nothing() -> None:
    assert _said("Assistant: we'll charge you £20", "we won't charge you anymore") == []
    assert _said("Assistant: pickup or delivery?", "we don't do delivery anymore") == []
    assert _said("User: شماره رو دادم", "دیگه شماره رو جواب نمیدم") == []
    assert _said("User: เอาอันนี้ค่ะ", "ไม่เอาอันนี้แล้วค่ะ") == []


def test_a_condition_anywhere_before_or_a_question_without_its_mark_replaces_nothing() -> None:
    debit = "User: yeah direct debit is fine"
    assert _said(debit, "I'd like to know what happens if we don't use direct debit anymore.") == []
    assert _said(debit, "Even if we don't pay by direct debit anymore the fee is the same") == []
    assert _said(debit, "what happens to my discount if we don't use direct debit anymore") == []
    assert _said("User: کارت به کارت میکنم", "یعنی دیگه کارت به کارت نمیشه") == []
    assert _said("User: ขอส่งไปรษณีย์ค่ะ", "ไม่เอาส่งไปรษณีย์แล้วเหรอคะ") == []


def test_someone_elses_habit_or_a_choice_kept_after_all_replaces_nothing() -> None:
    assert (
        _said(
            "User: I pay by direct debit",
            "My sister doesn't pay by direct debit anymore, she switched to card, but I keep it",
        )
        == []
    )
    assert _said("User: کارت به کارت میکنم", "خواهرم دیگه کارت به کارت نمیکنه ولی من میکنم") == []
    assert (
        _said(
            "User: ขอส่งไปรษณีย์ค่ะ",
            "เพื่อนบอกว่าไม่เอาส่งไปรษณีย์แล้ว แต่ของเราส่งไปรษณีย์เหมือนเดิมค่ะ",
        )
        == []
    )
    # the customer's own still is: "my husband" is the household
    assert _said(
        "User: I pay by direct debit", "my husband says we don't pay by direct debit anymore"
    ) == ["direct debit"]


def test_a_thing_no_longer_had_is_no_choice_replaced() -> None:
    tracking = "Assistant: Your tracking number is TRK-55120."
    assert _said(tracking, "I don't have the tracking number anymore, can you resend it") == []


def _lines(*texts: str) -> list[TranscriptLine]:
    return [TranscriptLine(i + 1, f"m{i}", "user", text) for i, text in enumerate(texts)]


def test_a_later_keep_takes_the_mark_off_again() -> None:
    debit = ["User: yeah direct debit is fine"]
    dropped = "we don't use direct debit anymore"
    assert no_longer(debit, [], _lines(dropped)).old == ["direct debit"]
    assert no_longer(debit, [], _lines(dropped, "ok then we keep direct debit")).old == []
    fa = _lines("دیگه کارت به کارت نمیکنم", "باشه پس کارت به کارت میکنم")
    assert no_longer(["User: کارت به کارت میکنم"], [], fa).old == []
    th = _lines("ไม่เอาส่งไปรษณีย์แล้วค่ะ", "เอาส่งไปรษณีย์เหมือนเดิมค่ะ")
    assert no_longer(["User: ขอส่งไปรษณีย์ค่ะ"], [], th).old == []


def test_a_keep_and_a_question_in_a_fold_leave_the_choice_unmarked() -> None:
    state = fold_all(
        [
            ("assistant", "Most of our clients pay monthly by direct debit. Is that OK?"),
            ("user", "yeah direct debit is fine"),
            ("assistant", "Perfect, I'll send the mandate."),
            ("user", "thanks"),
            ("assistant", "Anything else?"),
            ("user", "what happens to my discount if we don't use direct debit anymore"),
            ("assistant", "You'd lose the 5% discount."),
            ("user", "ok then we keep direct debit"),
            ("assistant", "Great."),
            ("user", "bye"),
        ]
    )
    assert "direct debit" not in state.replaced_values
