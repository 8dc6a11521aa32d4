"""The other ways a conversation writes the same value.

A customer types «۱۲۰ هزار تومان», the assistant reads it back as «120 هزار تومان»; one
message says "£1,890", another "£1890"; the shop's confirmation says "14:00" for the "2pm"
the customer asked for, a Thai one «10.30 น.» for «10:30 น.». A fact keeps one of those
writings, a summary may quote another: marking only the writing the fact keeps leaves
the old value on show as current wherever it was written otherwise
(``domain.context.replaced``).

``other_writings`` gives those writings: the digits in the other scripts of the value's
language (Persian or Thai beside ASCII; a value with no letters may be of either), a
number of four or more digits with and without its thousands separators, and a time of
day with ":" or "." and, where the hour says which (an "am"/"pm", or an hour past 12), in
the other clock. Nothing else changes: "19 March" is never "19 May", and a number is
never rounded or reworded.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import FA_LETTERS
from domain.memory.offline.thai_cues import THAI_SCRIPT
from domain.memory.offline.values import ASCII_DIGITS

_PERSIAN_ZERO, _THAI_ZERO = 0x06F0, 0x0E50
_TO_PERSIAN = str.maketrans({str(d): chr(_PERSIAN_ZERO + d) for d in range(10)})
_TO_THAI = str.maketrans({str(d): chr(_THAI_ZERO + d) for d in range(10)})
_PERSIAN_LETTER = re.compile(f"[{FA_LETTERS}]")
_LETTER = re.compile(r"[^\W\d_]")

#: A number written with thousands separators ("1,890", "1,215,000", «۱٬۲۱۵٬۰۰۰»), not
#: inside a longer number or a decimal.
_GROUPED = re.compile(r"(?<![\d.,٬])(?<!\d )\d{1,3}(?:[,٬]\d{3})+(?![\d,٬]|\.\d| \d)")
#: A number of 4 to 9 digits written without them ("1890"), not starting with 0 (a phone,
#: a code), not part of a code or a decimal ("ORD-48213", "12.5").
_UNGROUPED = re.compile(r"(?<![\w.,٬\-/#])(?<!\d )[1-9]\d{3,8}(?![\w.,٬\-/]|:\d| \d)")
#: A time of day: "2pm", "2:30 pm", "14:00", "10.30 น.".
_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<hour>\d{1,2})(?:(?P<sep>[:.])(?P<minute>[0-5]\d))?"
    r"(?P<suffix>\s?(?P<half>[ap]m)\b)?(?![\d.,:]?\d)",
    re.IGNORECASE,
)
#: Words a bare "10.30" needs beside it to be a time of day, not an amount.
_TIME_WORDS = re.compile(r"\bam\b|\bpm\b|น\.|โมง|ساعت|\d:\d", re.IGNORECASE)
#: Words beside a time that say it is one, so that it may be written with a stop: "14.00"
#: alone is an amount ("a restocking fee of 14.00"), «14.00 น.» a time.
_CLOCK_WORDS = re.compile(r"น\.|โมง|ساعت|(?<=\d)\s?h\b|\b[ap]m\b|(?<=\d)[ap]m\b", re.IGNORECASE)
#: An hour of the day at most this is written as it is in either clock.
_NOON = 12


def other_writings(value: str) -> tuple[str, ...]:
    """``value`` written each other way (module doc), without ``value`` itself; none for a
    value with no digit."""
    if not any(ch.isdecimal() for ch in value):
        return ()
    ascii_value = value.translate(ASCII_DIGITS)
    forms = dict.fromkeys(
        [
            ascii_value,
            *_grouped_forms(ascii_value),
            *_clock_forms(ascii_value),
            *_unspaced_number(ascii_value),
        ]
    )
    written = [in_script for form in forms for in_script in (form, *_in_scripts(form, value))]
    return tuple(w for w in dict.fromkeys(written) if w != value)


def _in_scripts(form: str, value: str) -> list[str]:
    """``form`` (ASCII digits) with its digits in the scripts ``value``'s letters are of;
    in both when it has no letter of either (a phone, an amount with a sign)."""
    persian = bool(_PERSIAN_LETTER.search(value))
    thai = bool(THAI_SCRIPT.search(value))
    if not (persian or thai) and _LETTER.search(value + form):
        return []  # Latin words: an English value
    if not (persian or thai):
        persian = thai = True
    return [
        form.translate(table)
        for wanted, table in ((persian, _TO_PERSIAN), (thai, _TO_THAI))
        if wanted
    ]


def _grouped_forms(value: str) -> list[str]:
    """``value`` with its one long number written with separators if it had none, and
    without them if it had them; none for a value with several such numbers."""
    grouped = list(_GROUPED.finditer(value))
    ungrouped = list(_UNGROUPED.finditer(value))
    if len(grouped) + len(ungrouped) != 1:
        return []
    if grouped:
        match = grouped[0]
        bare = re.sub(r"[,٬]", "", match.group())
        return [value[: match.start()] + bare + value[match.end() :]]
    match = ungrouped[0]
    return [value[: match.start()] + f"{int(match.group()):,}" + value[match.end() :]]


#: A phone or account number written in groups: "0912 345 6789", "081-734-5592".
_SPACED_NUMBER = re.compile(r"\+?\d+(?:[ -]\d+)+")
#: Digits a grouped number needs to be one number, not a range or a count and a size.
MIN_SPACED_DIGITS = 7


def _unspaced_number(value: str) -> list[str]:
    """A number written in groups, written as one ("09123456789"): the other way a
    customer types it."""
    if not _SPACED_NUMBER.fullmatch(value) or sum(ch.isdigit() for ch in value) < MIN_SPACED_DIGITS:
        return []
    return [re.sub(r"[ -]", "", value)]


def _clock_forms(value: str) -> list[str]:
    """``value``, a time of day (or one with a word that says so), in its other writings:
    "10:30 am" and "10.30 am"; "2pm" and "14:00"; "2:30pm" and "14:30"; "14:00" and "2pm";
    «10.30 น.» and «10:30 น.». A writing with a stop keeps a word that says it is a time
    (``_CLOCK_WORDS``): "14.00" or "10.30" alone is as often an amount."""
    times = [m for m in _CLOCK.finditer(value) if m.group("sep") or m.group("half")]
    if len(times) != 1:
        return []
    match = times[0]
    if not match.group("half") and not _TIME_WORDS.search(value):
        return []  # "12.50" alone is an amount as often as a time
    hour, minute = int(match.group("hour")), match.group("minute")
    if hour > 23 or (match.group("half") and not 1 <= hour <= _NOON):
        return []
    swapped = {":": ".", ".": ":"}
    writings = []
    if minute:
        suffix = match.group("suffix") or ""
        writings.append(f"{match.group('hour')}{swapped[match.group('sep')]}{minute}{suffix}")
    half = (match.group("half") or "").lower()
    if half:
        day_hour = hour % _NOON + (_NOON if half == "pm" else 0)
        writings += [f"{day_hour}:{minute or '00'}", f"{day_hour}.{minute or '00'}"]
    elif hour > _NOON:
        clock = f"{hour - _NOON}" + (f":{minute}" if minute != "00" else "")
        writings.append(f"{clock}pm")
    said = [value[: match.start()] + w + value[match.end() :] for w in writings]
    return [w for w in said if ":" in w or "." not in w or _CLOCK_WORDS.search(w)]
