"""The names of the customer's businesses (English): the restaurant a contract is for, the
company the invoices are made out to, the company a group booking is for.

A customer says one in two ways: with its legal ending ("parent company, Flint Hospitality
Ltd", "it's Okafor & Sons Limited"), or in reply to the assistant asking for it ("the name
of the business?" "Dan Whitlock. restaurant is Marrow & Flint"; "your name and the company
the booking is for?" "Dana Whitfield, from Brightwave Analytics").

A customer may name several (a restaurant and the company that owns it): each is kept
under a key of its own and none replaces another.
"""

from __future__ import annotations

import re

from domain.memory.engine import TranscriptLine
from domain.memory.offline.lexicon import word_set

COMPANY_NAME = "company_name"

#: A word of a business's name: capitalised ("Flint", "O'Neill", "B&Q", "J.P."), or "&",
#: "and", "of" between two such. A stop belongs only to an initialism: "Leeds. The" is two
#: sentences.
_NAME_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’&-]*)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:&|and|of)\s+)?{_NAME_WORD}){{0,3}}"
#: The legal ending that makes a name a company's, whatever is said around it.
_LEGAL_NAME = re.compile(
    rf"(?<![\w'’&-])(?P<name>{_NAME}\s+(?:Ltd|Limited|LLC|LLP|Inc|plc|PLC|GmbH|Pty\s+Ltd))\b\.?"
)
#: The customer saying a company is theirs, right before its legal name: "our company is",
#: "we're", "I'm calling from", "parent company", "invoices to". Without this or a question
#: for it, a legal name is someone else's ("the last engineer was from Swift Plumbing Ltd").
_OWN_COMPANY = re.compile(
    r"(?i:\b(?:our|my)\s+(?:parent\s+)?(?:company|business|firm)(?:'s|\s+is|\s+name\s+is)?"
    r"|\bparent\s+company|\bwe(?:'re|\s+are)|\bI(?:'m|\s+am)\s+(?:calling\s+|ringing\s+)?from"
    r"|\b(?:calling|ringing|phoning)\s+from|\b(?:invoices?|bills?|bill\s+it)\s+(?:to|for)"
    r"|\bmade\s+out\s+to)[\s,:]*$"
)
#: The assistant asking who a company is, or whom to invoice: "Who should the invoices be
#: made out to?", "the company name?".
_ASKS_COMPANY = re.compile(
    r"\b(?:invoice|invoices|invoiced|invoicing|billing|billed|company|business)\b", re.IGNORECASE
)
#: A place after "calling from" or "based in", one word and the sentence's end: "calling
#: from Leeds." names no business.
_PLACE = re.compile(r"(?i:\b(?:calling|ringing|phoning|writing|based)\s+(?:from|in)|\bin)\s+$")
#: Words that open a sentence, never a name: "Yes Flint Hospitality Ltd".
_NOT_NAME_WORDS = word_set(
    """
    yes yeah yep sure ok okay it it's its the our my we we're that's thats and but so
    hi hello thanks parent company invoices invoice please
    """
)
#: The assistant asking for a business's name: "the name of the business", "your company
#: name", "the company the booking is for", "what's the restaurant called?".
_ASKS_BUSINESS = re.compile(
    r"\bname\s+of\s+(?:the|your)\s+(?:business|company|restaurant|shop|firm|organi[sz]ation)\b"
    r"|\b(?:business|company|trading)\s+name\b"
    r"|\b(?:the|which|what)\s+(?:company|organi[sz]ation|business)\s+(?:is\s+)?the\s+"
    r"(?:booking|order|account|contract)\b"
    r"|\b(?:company|business|restaurant|shop)\s+(?:is\s+)?called\b",
    re.IGNORECASE,
)
#: Where the reply says the business's name: "restaurant is Marrow & Flint", "from
#: Brightwave Analytics", "the company's called Brightwave".
_BUSINESS_SAID = re.compile(
    r"\b(?i:(?:restaurant|business|company|shop|firm|cafe|café|salon|practice|bar|pub)"
    r"(?:'s|\s+is|\s+name\s+is|'s\s+name\s+is|\s+is\s+called|'s\s+called)|from|with|at)"
    rf"\s+(?P<name>{_NAME})"
)


def company_names(line: TranscriptLine, question: TranscriptLine | None) -> list[str]:
    """The business names a customer's ``line`` gives: a name with its legal ending, and
    the name said in reply to the assistant's ``question`` for it."""
    if line.role != "user":
        return []
    text = line.content
    asked = question.content if question is not None and question.role == "assistant" else ""
    asks_company = _ASKS_COMPANY.search(asked) is not None
    names = [
        _trimmed(m.group("name"))
        for m in _LEGAL_NAME.finditer(text)
        if asks_company or _OWN_COMPANY.search(text[: m.start()])
    ]
    if _ASKS_BUSINESS.search(asked) is not None:
        said = [m for m in _BUSINESS_SAID.finditer(text) if not _a_place(text, m)]
        names += [_trimmed(m.group("name")) for m in said]
    found: list[str] = []
    for name in names:
        if name and not any(name in other or other in name for other in found):
            found.append(name)
    return found


def _a_place(text: str, match: re.Match[str]) -> bool:
    """Whether the name ``match`` found is a place: one word after "calling from" or "based
    in", and the sentence ends there ("calling from Leeds. The restaurant is …")."""
    name = match.group("name")
    before = text[: match.start("name")]
    after = text[match.end("name") :]
    return (
        " " not in name
        and _PLACE.search(before) is not None
        and re.match(r"\s*(?:$|[.,;!?])", after) is not None
    )


def _trimmed(name: str) -> str:
    """``name`` without the words that open a sentence before it, nor a closing stop."""
    words = name.rstrip(".").split()
    while words and words[0].casefold().strip(",") in _NOT_NAME_WORDS:
        words = words[1:]
    return " ".join(words) if any(w[0].isupper() for w in words) else ""
