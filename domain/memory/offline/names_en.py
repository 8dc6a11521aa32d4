"""A customer's name given in passing in English: on a record, or as a signature.

"The name's on the enquiry as Daniel Okafor", "the booking is in my name, Jess
Whitaker", and a message signed off on its own last line ("Thanks,\\nJess
Whitaker") name the customer without "my name is". A signature is read only while
the customer's name is unknown, or when it gives that name in full.
"""

from __future__ import annotations

import re

from domain.memory.offline.fact_match import ClaimedSpans, FactMatch
from domain.memory.offline.subjects import cues_in

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME = rf"[{_UPPER}][{_LOWER}'’-]+(?:\s[{_UPPER}][{_LOWER}'’-]+){{0,2}}"
_RECORD = (
    r"booking|order|account|enquiry|inquiry|reservation|ticket|policy|invoice|contract"
    r"|membership|file|form|card"
)

#: "the name's on the booking as …", "name on the account is …", "it's in my name, …".
_ON_RECORD = re.compile(
    rf"\b(?i:(?:the\s+)?name(?:'s|’s|\s+is)?\s+on\s+the\s+(?:{_RECORD})\s+(?:is\s+|as\s+|reads\s+)"
    r"|(?:it'?s|it\s+is|(?:the\s+)?(?:" + _RECORD + r")\s+is|booked|registered|reserved)"
    r"\s+(?:in|under)\s+my\s+name,?\s+)"
    rf"(?P<name>{_NAME})(?![{_LOWER}{_UPPER}])"
)

#: A greeting, then a full name that speaks: "Hi there, Rachel Mensah speaking", "hi,
#: Rachel Mensah from 14 Elm Street, my parcel …".
_GREETING_NAME = re.compile(
    r"^\W*(?i:hi|hello|hey|good\s+(?:morning|afternoon|evening))(?:\s+there)?[,!.]?\s+"
    rf"(?P<name>[{_UPPER}][{_LOWER}'’-]+(?:\s[{_UPPER}][{_LOWER}'’-]+){{1,2}})"
    r"(?=\s+(?i:speaking|from|at|of)\b)"
)

#: Whose a name on a record is, said right after it: someone other than the customer.
_SOMEONE_ELSE = re.compile(
    r"\s*[,(–-]?\s*(?i:(?:that'?s\s+|she'?s\s+|he'?s\s+)?(?:my|his|her|our)\s+(?!own\b)\w+)"
)

#: A sign-off, then the name alone on the message's last line.
_SIGNATURE = re.compile(
    r"(?:^|\n)\s*(?i:(?:many\s+|thanks\s+)?thanks(?:\s+again|\s+so\s+much)?|thank\s+you|cheers"
    r"|(?:kind\s+|best\s+|warm\s+)?regards|best(?:\s+wishes)?|sincerely|ta)?[,.!]?\s*\n+"
    rf"\s*[-–—~]?\s*(?P<name>{_NAME})\s*$"
)

#: Words a last line may hold that name no one ("Thanks,\nSorted").
_NOT_NAMES = frozenset(
    [
        "thanks",
        "thank",
        "cheers",
        "regards",
        "best",
        "sorry",
        "ok",
        "okay",
        "yes",
        "no",
        "bye",
        "hi",
        "hello",
        "great",
        "perfect",
    ]
)


def names_in_passing(text: str, claimed: ClaimedSpans, customer: str | None) -> list[FactMatch]:
    """The customer's name where a customer's message gives it in passing."""
    found = []
    patterns = ((_ON_RECORD, False), (_GREETING_NAME, True), (_SIGNATURE, True))
    for pattern, whole_only in patterns:
        for match in pattern.finditer(text):
            name, start, end = match.group("name"), match.start("name"), match.end("name")
            if name.split()[0].casefold() in _NOT_NAMES or not claimed.is_free(start, end):
                continue
            if cues_in(name):
                continue  # "Order Number": the name of a thing, no person's
            if whole_only and not _fuller(name, customer):
                continue
            if _SOMEONE_ELSE.match(text, end):
                continue  # "… as Amara Okafor, my wife": hers, not the customer's
            if match.start() == 0 and pattern is _SIGNATURE:
                continue  # a message that is only a name is an answer, read elsewhere
            claimed.claim(start, end)
            found.append(FactMatch("customer_name", name, start, end))
    return found


def _fuller(name: str, customer: str | None) -> bool:
    """Whether a signature says more than the name known: any name while none is, the
    same given name with the family name added ("Jess" → "Jess Whitaker")."""
    if customer is None:
        return True
    known, said = customer.casefold().split(), name.casefold().split()
    return len(said) > len(known) and said[: len(known)] == known


#: A reply that is a full name and little else: "sure, Sam Reyes", "it's Dana Cole".
_NAME_REPLY = re.compile(
    r"^\W*(?i:(?:sure|yes|yeah|yep|ok|okay|of\s+course|please)[,.!]?\s+)?(?i:(?:it'?s|that'?s)\s+)?"
    rf"(?P<name>[{_UPPER}][{_LOWER}'’-]+(?:\s[{_UPPER}][{_LOWER}'’-]+){{1,2}})\W*$"
)


def name_replied(reply: str) -> str | None:
    """The full name a short reply consists of."""
    match = _NAME_REPLY.match(reply)
    if match is None or cues_in(match.group("name")):
        return None
    name = match.group("name")
    return None if name.split()[0].casefold() in _NOT_NAMES else name
