"""Percentages as the value of what they are a share of: "Deposit is 25%", "a 30% deposit",
"10% off", «۳۰ درصد پیش‌پرداخت», «تخفیف ۱۰ درصد», «٪۲۰ تخفیف», «اجرت ۱۷ درصد», «มัดจำ 50%»,
«ชำระ 25% ก่อนค่ะ», «ส่วนลด 10%».

A number with "%" is no sum and no id (``facts`` reads none of them), so a deposit, a
discount or a making fee agreed as a share of the price was kept by no fact and a later
"we'll make it 15%" replaced nothing. Here the word of what the share is, in the same
sentence and with no other number between the two, keys it (``deposit_percent``,
``discount_percent`` ...); the same key said again with another share replaces it. A
deposit or a part paid said with the sum it comes to is kept as that sum (``facts``).

Not a share with no such word ("the battery's at 18%", "prices went up 40%"), not a
question ("isn't 22% a lot?"), not what someone else charges ("they got 15% off somewhere
else", «طلافروشی سر کوچمون ۱۲ درصد میگیره»), and not 0% (an instalment plan's interest,
"0% VAT" on panels: nothing to pay, no share of it agreed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from domain.memory.offline.dialogue import is_question
from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.lexicon import PERSIAN_DEPOSIT
from domain.memory.offline.sentence_bounds import sentence_bounds
from domain.memory.offline.values import ANY_DIGIT, FA_LETTERS, Kind, digits_of, find_values

_FA = FA_LETTERS
_DIGIT = ANY_DIGIT
_NUMBER = rf"{_DIGIT}+(?:[.٫/]{_DIGIT}+)?"
#: "25%", "10 percent", «۱۰ درصد», «۲۰٪», «٪۲۰» (the sign written before, as Persian may),
#: «30 เปอร์เซ็นต์».
_PERCENT = re.compile(
    rf"(?<![\d.,٫\u06f0-\u06f9\u0660-\u0669])(?:[٪%]\s?(?P<after>{_NUMBER})"
    rf"|(?P<number>{_NUMBER})\s?(?:%|٪|per\s?cent(?![A-Za-z])|درصد|เปอร์เซ็นต์))",
    re.IGNORECASE,
)

#: What a share is, by the words that name it; the key it is kept under.
_SHARES: tuple[tuple[str, str], ...] = (
    (
        "deposit_percent",
        r"(?<![A-Za-z])(?:deposit|down\s*payment|up\s*front|upfront)(?![A-Za-z])"
        rf"|(?<![{_FA}])(?:{PERSIAN_DEPOSIT})|มัดจำ",
    ),
    (
        "discount_percent",
        r"(?<![A-Za-z])discount(?![A-Za-z])" rf"|(?<![{_FA}])تخفیف|ส่วนลด",
    ),
    (
        # what a goldsmith charges for the work, a share of the gold's price
        "making_fee_percent",
        r"(?<![A-Za-z])making\s+(?:fee|charge)"
        rf"|(?<![{_FA}])اجرت|ค่ากำเหน็จ",
    ),
    (
        "tip_percent",
        r"(?<![A-Za-z])(?:tip|gratuity|service\s+charge)(?![A-Za-z])"
        rf"|(?<![{_FA}])انعام|ทิป|เซอร์วิสชาร์จ",
    ),
    (
        "tax_percent",
        r"(?<![A-Za-z])(?:VAT|GST|sales\s+tax|tax)(?![A-Za-z])"
        rf"|(?<![{_FA}])(?:مالیات|ارزش[\u200c\s]?افزوده)|ภาษี|VAT",
    ),
    (
        # a part of a sum paid now, the rest later: «ชำระ 25% ก่อน», "pay 50% now"
        "paid_percent",
        rf"(?<![{_FA}\u200c])(?:پرداخت|بپردازید)(?![{_FA}])|ชำระ",
    ),
)
#: Words of a share that name it only right next to the number ("10% off", "pay 50% now",
#: «ลด 10%», «จ่าย 30%»): further off, "off" is "switching it off", «ลด» is «ลดลง» (went
#: down) and "pay" a payment of anything.
_NEXT_TO: tuple[tuple[str, str], ...] = (
    ("discount_percent", r"(?<![A-Za-z])off(?![A-Za-z])|ลด(?!ลง)"),
    ("paid_percent", r"(?<![A-Za-z])(?:pay|paid|paying)(?![A-Za-z])|จ่าย"),
)
#: The keys a share is kept under.
SHARE_KEYS = frozenset(key for key, _ in _SHARES)
_CUES = [(key, re.compile(words, re.IGNORECASE), False) for key, words in _SHARES] + [
    (key, re.compile(words, re.IGNORECASE), True) for key, words in _NEXT_TO
]
#: A percentage that is no share of a price: how sure someone is ("100% sure", «۱۰۰ درصد
#: مطمئنم», «100% แน่ใจ»), what holds wholly ("100% refundable"), how much more or less, or a
#: share of something else than the sum ("80% of clubs"; not "30% of the total").
_NOT_A_SHARE_AFTER = re.compile(
    r"\s*(?:(?:sure|certain|confident|positive|refundable|guaranteed|more|less|higher|lower)"
    r"(?![A-Za-z])"
    r"|of\s+(?!(?:the\s+|your\s+|our\s+)?(?:total|price|cost|bill|sum|amount|balance|order"
    r"|invoice|fee|contract|value|rent|work|job)))"
    r"|\s*(?:مطمئن|اطمینان)|\s*(?:แน่ใจ|แน่นอน)",
    re.IGNORECASE,
)
#: A level read off something, just before its number: "my phone is at 5%", "humidity is
#: 14%", «แบตเหลือ 20%», «ไม้ความชื้น 14%», «رطوبت ۱۴ درصد».
_MEASURED = re.compile(
    r"(?<![A-Za-z])(?:battery|phone|humidity|moisture|charge[ds]?|signal)(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:رطوبت|شارژ|باتری|گوشی)|แบต|ความชื้น|โทรศัพท์",
    re.IGNORECASE,
)
_MEASURED_REACH = 20
_CEILING_REACH = 16
#: "up to" after a verb of moving is where a share was moved: "VAT went up to 20%", "we can
#: take the deposit up to 50%".
_MOVED_UP = re.compile(
    r"(?<![A-Za-z])(?:go|goes|going|went|gone|bring|brings|brought|put|puts|take|takes|took"
    r"|taken|push|pushed|bump|bumped|move|moved|raise|raised)\s+"
    r"(?:(?:it|that|this)\s+|(?:the|your|our|my)\s+[A-Za-z]+\s+)?up\s+to\s*$",
    re.IGNORECASE,
)
_MOVED_UP_REACH = 40
#: A ceiling, not a share agreed, just before the number: "up to 20% off", "discounts of as
#: much as 30%", «تا ۲۰ درصد تخفیف», «حداکثر ۱۵ درصد», «ลดสูงสุด 20%», «ส่วนลดถึง 25%»,
#: «ไม่เกิน 10%»: what a sale may give, no term of this order.
_CEILING = re.compile(
    r"(?:(?<![A-Za-z])(?:up\s+to|as\s+much\s+as|at\s+most|max(?:imum)?\.?)"
    rf"|(?<![{_FA}])(?:تا|حداکثر|حداکثرِ)|สูงสุด(?:ถึง)?|มากสุด|ถึง|ไม่เกิน)\s*[٪%]?\s*$",
    re.IGNORECASE,
)

#: The furthest a share's word stands from the number, before it and after it.
_REACH_BEFORE = 30
_REACH_AFTER = 20
#: What another seller charges, or someone else got: no term of this order.
_ELSEWHERE = re.compile(
    r"(?<![A-Za-z])(?:somewhere\s+else|elsewhere|another\s+(?:shop|store|place|company)"
    r"|other\s+(?:shops|stores|places|companies))(?![A-Za-z])"
    rf"|(?<![{_FA}])(?:جای\s*دیگ|مغازه(?:\s*ی|\u200cی)?\s*دیگ|سر\s*کوچ)|ที่อื่น|ร้านอื่น",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(_DIGIT)
#: Shares of a sum paid: said with the sum they come to ("Deposit is 25%, so £2,748.75",
#: «มัดจำ 50% = 25,840 บาท», «۳۰ درصد پیش‌پرداخت، یعنی ۱۴۰ میلیون»), the sum is the value kept
#: (as a deposit), and the share only how it was worked out.
_KEPT_AS_SUM = frozenset({"deposit_percent", "paid_percent"})


def percentages(
    text: str, claimed: ClaimedSpans, held: Callable[[str], str | None]
) -> Iterator[FactMatch]:
    """A fact for each share of ``text`` its sentence names, as written ("25%", «۱۰ درصد»);
    each span claimed, so no other rule reads its number. ``held`` gives a key's current
    value."""
    for match in _PERCENT.finditer(text):
        start, end = match.span()
        number = match.group("number") or match.group("after")
        if all(ch in "0۰٠๐.٫" for ch in number):
            continue  # 0%: nothing to pay
        begin, stop = sentence_bounds(text, start, end)
        sentence = text[begin:stop]
        if is_question(sentence) or _ELSEWHERE.search(sentence):
            continue
        if _NOT_A_SHARE_AFTER.match(text, end, stop) or _measured(text, begin, start):
            continue
        if _ceiling(text, begin, start):
            continue
        key = _share_named(text, begin, stop, start, end)
        if key is None or not claimed.is_free(start, end):
            continue
        # "Deposit is 25%, so £2,748.75": the sum is the deposit, 25% its working; but after
        # "a 30% deposit", "deposit is 50%, so $1,000" changes the share held
        if (
            key in _KEPT_AS_SUM
            and _with_its_sum(text, end, stop)
            and not _changes(held(key), text[start:end])
        ):
            continue
        claimed.claim(start, end)
        yield FactMatch(key, text[start:end], start, end)


def _with_its_sum(text: str, end: int, stop: int) -> bool:
    return any(v.kind is Kind.AMOUNT for v in find_values(text[end:stop]))


def _changes(held: str | None, share: str) -> bool:
    """Whether ``share`` is another number than the ``held`` share (None: none held)."""
    return held is not None and digits_of(held) != digits_of(share)


def share_at(text: str, start: int, end: int) -> str | None:
    """The key of the share a word of its sentence names for the percentage at
    ``start``:``end`` of ``text`` ("30% deposit": ``deposit_percent``), or None."""
    begin, stop = sentence_bounds(text, start, end)
    return _share_named(text, begin, stop, start, end)


def _share_named(text: str, begin: int, stop: int, start: int, end: int) -> str | None:
    """The key of the share's word nearest the number in its sentence, with no other
    number between the two; None when no such word is near."""
    best: tuple[int, str] | None = None
    for key, cue, next_to in _CUES:
        gaps = [
            text[found.end() : start]
            for found in cue.finditer(text, max(begin, start - _REACH_BEFORE), start)
        ]
        gaps += [
            text[end : found.start()]
            for found in cue.finditer(text, end, min(stop, end + _REACH_AFTER))
        ]
        for gap in gaps:
            if next_to and gap.strip():
                continue
            if not _DIGIT_RE.search(gap) and (best is None or len(gap) < best[0]):
                best = (len(gap), key)
    return best[1] if best else None


def _ceiling(text: str, begin: int, start: int) -> bool:
    """Whether the number at ``start`` is said as a ceiling ("up to 20%"), not a share
    moved to ("went up to 20%")."""
    if not _CEILING.search(text[max(begin, start - _CEILING_REACH) : start]):
        return False
    return not _MOVED_UP.search(text[max(begin, start - _MOVED_UP_REACH) : start])


def _measured(text: str, begin: int, start: int) -> bool:
    """Whether a level read off something (a battery, the humidity) stands just before the
    number at ``start``, with no other number between."""
    before = text[max(begin, start - _MEASURED_REACH) : start]
    ends = [found.end() for found in _MEASURED.finditer(before)]
    return bool(ends) and not _DIGIT_RE.search(before[ends[-1] :])
