"""A Persian no that puts a read-back right: «یعنی ۱۵ آبان؟» «نه. ۱۶ آبان».

«نه،» is a word of correction already (``dialogue.CORRECTION``); a no closed by a full
stop, an exclamation or a space («نه. ۱۶ آبان», «نه نه ۰۹۱۲…», «نه ۵ نفر») is one only
where the agent just read a value back for the customer to confirm. After an offer
(«میخواید ساعت ۵ بیاید؟» «نه.») it turns the offer down, and a value after it corrects
nothing. A read-back is a question of a read-back's shape (``read_backs_fa``: «یعنی …؟»,
«پس …؟», «… درسته؟», «… بود دیگه؟») that quotes a value the memory held before it, or
states the value as the customer's («شماره‌تون …»), and asks for no action («ثبت کنم؟»,
«میخواید …؟»). Such a reply is read as if its no were «نه،»: the value it gives is the
read-back one's correction, and «نه ۱۶ آبان» no longer reads as "not 16 Aban". A no
that stands alone («نه.») reads the customer's next message so too (``reply_read``), and
the value given goes under the key of the one read back (``read_back_put_right``).

English and Thai read-backs and noes ("So that's 12 March, is that right?" "No, 14 March.";
«วันที่ 12 มีนาคม ใช่ไหมคะ» «ไม่ค่ะ 14 มีนาคม») are read the same way, their shapes in
``read_backs_en_th``: the no is written as "Actually," / «ที่ถูกคือ».
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from domain.memory.engine import TranscriptLine
from domain.memory.offline import read_backs_en_th
from domain.memory.offline.fact_match import FactMatch
from domain.memory.offline.lexicon import FA_LETTERS
from domain.memory.offline.read_backs_fa import read_back_of
from domain.memory.offline.values import Kind, ValueSpan, digits_of, find_values, what_is_counted

_FA = FA_LETTERS

#: The opening no («نه», «نه نه», «نه!»), and the mark or space that closes it; not a no
#: that thanks or refuses outright («نه ممنون», «نه مرسی», «نه اصلا»), nor «نه فقط», nor
#: one that keeps the value read back («نه. همون درسته», «نه نه درسته»).
_OPENING_NO = re.compile(
    r"^\s*(?:نه[\s.!]+)*نه(?P<close>[.!…]|\s)(?=[\s.!…]*[^\s.!…])"
    rf"(?![\s.!…]*(?:ممنون|مرسی|متشکر|سپاس|اصلا|اصلاً|فقط|تنها|خیر|همون|همین|همان|درسته|درست)"
    rf"(?![{_FA}]))"
    rf"(?![\s.!…]*نه(?![{_FA}]))"  # the last no of «نه نه …»
)
#: A question about an action, not a value: «… ثبت کنم؟», «میخواید …؟», «مایلید …؟».
_ASKS_ACTION = re.compile(
    rf"(?<![{_FA}])(?:می[\u200c\s]?خواید|می[\u200c\s]?خواهید|میخوای|مایلید|ترجیح)(?![{_FA}])"
    rf"|(?<![{_FA}])(?:کنم|بذارم|بزنم|بفرستم|بگیرم|بدم|بیارم)(?![{_FA}])"
)
#: The value stated as the customer's: a word with «‌تون» / «‌تان» («شماره‌تون», «آدرستون»,
#: «نوبتتون»); not «براتون», «بهتون» (for you, to you), which say whom an action is for.
_YOURS = re.compile(
    rf"(?<![{_FA}])(?!(?:برا|به|از|باها|واسه)\u200c?(?:تون|تان))[{_FA}]+?\u200c?(?:تون|تان)"
    rf"(?![{_FA}])"
)


def as_read_back_correction(reply: str, asked: str, held: Iterable[str]) -> tuple[str, int]:
    """``reply`` with its opening no written as the «نه،» of a correction when it says no
    to the read-back ``asked`` of a value in ``held`` or stated as the customer's (module
    doc), and how many characters that put before the reply's own words (a mark becomes
    the comma: none; a space gets one before it: 1); else ``reply`` as it is and 0."""
    opening = _OPENING_NO.match(reply)
    if opening is None:
        return _english_or_thai_correction(reply, asked, held)
    if not reads_back(asked, held) or _names_again(reply, asked):
        return reply, 0
    if _adds(reply, asked):
        return reply, 0
    close = opening.start("close")
    if opening.group("close").isspace():  # «نه ۱۶ آبان»: a comma then the space
        return reply[:close] + "،" + reply[close:], 1
    return reply[:close] + "،" + reply[close + 1 :], 0


def _english_or_thai_correction(reply: str, asked: str, held: Iterable[str]) -> tuple[str, int]:
    """``as_read_back_correction`` of an English or Thai no ("No, 14 March", «ไม่ค่ะ 14
    มีนาคม»): written as "Actually," / «ที่ถูกคือ»; not one that names the read-back value
    again ("No, 12 March is fine") or adds to it ("No, and also …")."""
    written = read_backs_en_th.as_correction(reply)
    if written is None or not reads_back(asked, held) or _names_again(reply, asked):
        return reply, 0
    if read_backs_en_th.adds(reply) or _adds(reply, asked):
        return reply, 0
    if not read_backs_en_th.replacement_after_no(reply):
        return reply, 0  # "No, I'm away until 20 March": another date, no correction
    return written


def _read_back(asked: str) -> str | None:
    """What ``asked`` reads back, in Persian, English or Thai (module doc)."""
    return read_back_of(asked) or read_backs_en_th.read_back_of(asked)


def reads_back(asked: str, held: Iterable[str]) -> bool:
    """Whether the question ``asked`` reads back a value in ``held`` or one it calls the
    customer's, for the customer to confirm, and asks for no action (module doc)."""
    said = _read_back(asked)
    return said is not None and not _ASKS_ACTION.search(said) and _quotes_value(said, held)


def _names_again(reply: str, asked: str) -> bool:
    """Whether ``reply`` names a value the read-back ``asked`` quoted: «نه. ۱۵ آبان درسته،
    …» keeps it, whatever the no turned down."""
    quoted = find_values(_read_back(asked) or "")
    return any(_same(span.text, q.text) for span in find_values(reply) for q in quoted)


#: «هم» (also, too) as a word: «نه ۲ تا بچه هم هستن» (no, there are 2 children too) adds
#: to the value read back; not «همون», «همه».
_ALSO = re.compile(rf"(?<![{_FA}])هم(?![{_FA}])")
#: A count's classifier before its noun: «۳ تا شیرینی», «۲ عدد کیک».
_CLASSIFIER = re.compile(r"^(?:تا|عدد|دونه|دانه)(?:\s+|$)")


def _adds(reply: str, asked: str) -> bool:
    """Whether ``reply``, after its no, adds to the read-back ``asked`` rather than puts it
    right: it says «هم» (also) in its first clause («نه ۲ نفر دیگه هم ممکنه بیان»), or its
    first count counts another noun than the count read back («پس ۴ نفر دیگه؟» «نه ۲ تا
    بچه»: children, not people)."""
    first_clause = re.split(r"[،,.!؟?]", reply.strip(), maxsplit=1)[0]
    if _ALSO.search(first_clause):
        return True
    counts = [span for span in find_values(reply) if span.kind == Kind.COUNT]
    quoted = [span for span in find_values(_read_back(asked) or "") if span.kind == Kind.COUNT]
    if not counts or not quoted:
        return False
    noun = _noun(counts[0].text)
    return bool(noun) and all(_noun(q.text) not in ("", noun) for q in quoted)


def _noun(count: str) -> str:
    """The noun a count counts, without its classifier: «۳ تا شیرینی» → «شیرینی»."""
    return _CLASSIFIER.sub("", what_is_counted(count).strip()).strip()


def _quotes_value(said: str, held: Iterable[str]) -> bool:
    """Whether ``said`` quotes a value that is in ``held``, or that it calls the customer's."""
    quoted = find_values(said)
    if not quoted:
        return False
    if _YOURS.search(said):
        return True
    held_values = [span for value in held for span in find_values(value)]
    return any(_same(span.text, other.text) for span in quoted for other in held_values)


def _same(one: str, other: str) -> bool:
    """The same value: the same digits when it has any, else the same words."""
    digits = digits_of(one)
    return digits == digits_of(other) if digits else one.strip() == other.strip()


@dataclass(frozen=True)
class ReadReply:
    """A customer's message as its values are read (``reply_read``)."""

    #: the message, its no written as a correction's when it says no to a read-back
    text: str
    #: how many characters that put before the message's own words
    added: int = 0
    #: the assistant's read-back the message says no to, or ''
    read_back: str = ""

    def own(self, matches: Sequence[FactMatch]) -> list[FactMatch]:
        """``matches`` found in ``text``, where they are in the message itself."""
        added = self.added
        if not added:
            return list(matches)
        return [
            dataclasses.replace(m, start=max(0, m.start - added), end=max(0, m.end - added))
            for m in matches
        ]


def reply_read(
    line: TranscriptLine,
    previous: TranscriptLine | None,
    earlier: TranscriptLine | None,
    held: Collection[str],
) -> ReadReply:
    """The customer's ``line`` as its values are read: its no written as a correction's
    when it says no to the assistant's read-back just before it
    (``as_read_back_correction``), or a «نه، » before it when the message before was that
    no alone («یعنی ۱۵ آبان؟» «نه.» «۱۶ آبان»). ``held``: the values held before it."""
    if line.role != "user" or previous is None:
        return ReadReply(line.content)
    if previous.role == "assistant":
        text, added = as_read_back_correction(line.content, previous.content, held)
        return ReadReply(text, added, previous.content if text != line.content else "")
    if (
        previous.role == "user"
        and earlier is not None
        and earlier.role == "assistant"
        and (no := _correcting_no_after(previous.content, line.content)) is not None
        and reads_back(earlier.content, held)
    ):
        return ReadReply(no + line.content, len(no), earlier.content)
    return ReadReply(line.content)


def _correcting_no_after(bare: str, reply: str) -> str | None:
    """What ``reply`` is read with after ``bare``, a no and nothing more: «نه، » after a
    Persian one; "Actually, " / «ที่ถูกคือ » after an English or Thai one when ``reply``
    opens with the replacement; None after any other message."""
    if _BARE_NO.match(bare):
        return _CORRECTING_NO
    if read_backs_en_th.is_bare_no(bare) and read_backs_en_th.gives_replacement(reply):
        return read_backs_en_th.correcting_no(bare)
    return None


#: A message that is a no and nothing more: «نه.», «نه نه!».
_BARE_NO = re.compile(r"^\s*(?:نه[\s.!…]*)+$")
#: What a reply after a bare no is read with: the no, as a correction says it.
_CORRECTING_NO = "نه، "


#: Kinds a read-back's correction gives whole: an address or a code may be put right by a
#: part («نه. پلاک ۲۱»), which ``addresses_put_right`` and the typo rules read instead.
_GIVEN_WHOLE = frozenset({Kind.DATE, Kind.TIME, Kind.AMOUNT, Kind.COUNT})


def read_back_put_right(
    text: str,
    asked: str,
    held: Sequence[Mapping[str, str]],
    matches: Sequence[FactMatch],
) -> list[FactMatch]:
    """``matches`` of a reply that says no to the read-back ``asked`` with its first value
    of the read-back one's kind under the key that holds it («نوبت … یعنی ۱۵ آبان؟» «نه.
    ۱۶ آبان»: ``appointment_date``, whatever the reply's own words would key): keyed by the
    question's topic, not by a word the bare reply lacks. ``held`` is read in order, the
    values the question itself keyed («تحویل … بود دیگه؟»: ``delivery_date``) first, then
    those held before it; the first that holds exactly one value read back gives the key.
    Only a date, time, sum or count (``_GIVEN_WHOLE``)."""
    said = _read_back(asked)
    if said is None:
        return list(matches)
    quoted_spans = [span for span in find_values(said) if span.kind in _GIVEN_WHOLE]
    read = next(
        (found for values in held if len(found := _read_back_keys(quoted_spans, values)) == 1),
        None,
    )
    if read is None:
        return list(matches)
    [(key, (quoted, kinds))] = read.items()
    new = next(
        (v for v in find_values(text) if v.kind in kinds and not _same(v.text, quoted.text)),
        None,
    )
    if new is None or any(m.key == key and m.start <= new.start < m.end for m in matches):
        return list(matches)
    if any(m.start <= new.start < m.end and _new_subject(m.key, held) for m in matches):
        return list(matches)  # "No, my birthday is 14 March": the reply names its own subject
    kept = [m for m in matches if m.end <= new.start or m.start >= new.end]
    return sorted([*kept, FactMatch(key, new.text, new.start, new.end)], key=lambda m: m.start)


#: Keys of a value no subject word named: the reply's own words say nothing of what it is.
_UNNAMED = frozenset({"other_date", "other_time"})


def _new_subject(key: str, held: Sequence[Mapping[str, str]]) -> bool:
    """Whether the reply keyed its value under a subject of its own words, held nowhere
    before ("No, my birthday is 14 March": ``date_of_birth``), not by putting a held one
    right."""
    return key not in _UNNAMED and all(key not in values for values in held)


def _read_back_keys(
    quoted: Sequence[ValueSpan], held: Mapping[str, str]
) -> dict[str, tuple[ValueSpan, frozenset[Kind]]]:
    """The keys of ``held`` whose value is one of the ``quoted`` ones, each with it and the
    kinds it is read as: «۳ شب» alone is a count, «۳ شب دیگه؟» a time of night."""
    keys = {}
    for span in quoted:
        for key, value in held.items():
            same = [o.kind for o in find_values(value) if _same(span.text, o.text)]
            if any(kind in _GIVEN_WHOLE for kind in same):
                keys[key] = (span, frozenset({span.kind, *same}) & _GIVEN_WHOLE)
    return keys
