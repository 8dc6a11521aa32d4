"""A summary cut at its end keeps no line the cut left saying nothing."""

from domain.context.cut_turns import without_empty_cut
from domain.context.replaced import fit_marked
from domain.tokens import ELLIPSIS, estimate_tokens

# Made-up summaries (a garden-furniture order, a dentist, a bike shop) whose last turn a
# budget cuts: in English, Persian and Thai.
SUMMARIES = (
    "User: the oak table, order GT-55817, delivered on 9 May\n"
    "Assistant: Booked for 9 May between 8 and 12, the driver will call first.",
    "User: نوبت سه‌شنبه ۱۸ اردیبهشت ساعت ۱۰، کد پرونده DN-4471\n"
    "Assistant: ثبت شد، سه‌شنبه ۱۸ اردیبهشت ساعت ۱۰ با دکتر رضایی.",
    "User: รับรถวันเสาร์ที่ 12 พฤษภาคม ใบสั่งซ่อม BK-90312 ครับ\n"
    "Assistant: รับทราบค่ะ วันเสาร์ที่ 12 พฤษภาคม ช่างสมชายจะโทรแจ้งก่อนค่ะ",
)


def test_a_cut_inside_the_last_label_drops_that_line() -> None:
    for text in SUMMARIES:
        first = text.split("\n")[0]
        for budget in range(estimate_tokens(first) + 1, estimate_tokens(text)):
            fitted = fit_marked(text, budget)
            last = fitted.split("\n")[-1]
            # never a speaker with nothing said after the cut
            assert last.removesuffix(ELLIPSIS).rstrip(": ") not in ("Assistant", "Assist", ""), (
                budget,
                fitted,
            )
            assert estimate_tokens(fitted) <= budget


def test_a_bare_label_left_by_a_cut_goes() -> None:
    for text in SUMMARIES:
        first = text.split("\n")[0]
        for cut in ("Assistant…", "Assistant:…", "Assistant: …", "Assist…"):
            assert without_empty_cut(f"{first}\n{cut}") == first


def test_a_cut_line_that_still_says_something_stays() -> None:
    cases = (
        "Assistant: Booked for 9 May…",
        "Assistant: the driver will call…",
        "Assistant: ثبت شد، سه‌شنبه ۱۸…",
        "Assistant: รับทราบค่ะ วันเสาร์ที่…",
    )
    for cut in cases:
        text = f"User: order GT-55817\n{cut}"
        assert without_empty_cut(text) == text


def test_a_text_not_cut_is_left_as_it_is() -> None:
    for text in SUMMARIES:
        assert without_empty_cut(text) == text
        assert without_empty_cut(f"{text}\nAssistant: ok") == f"{text}\nAssistant: ok"
