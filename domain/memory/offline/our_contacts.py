"""A phone or email the assistant tells the customer to write, send or call to: the
business's own ("please email the photos to claims@…", "call our hotline on 0800 …",
«مدارک رو به … ایمیل کنید», «ส่งเอกสารมาที่ …»), never the customer's contact, even in
a sentence that says "your" ("… with your case number in the subject")."""

import re

#: A verb of sending or calling whose object is not "you", then "to"/"at"/"on" right
#: before the value: the value is where the customer is sent ("We'll email you at …" is not).
_SENT_TO_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:e-?mail|send|forward|mail|write|call|text|contact|reach|ring|phone"
    r"|submit|upload)(?![A-Za-z])(?:(?!\byour?\b)[^.?!\n]){0,40}?(?<![A-Za-z])(?:to|at|on|via)\s*$",
    re.IGNORECASE,
)
#: Persian and Thai requests to send or call that way (to us): the verb is after the value.
_SENT_TO_SENTENCE = re.compile(
    r"تماس\s*بگیرید|زنگ\s*بزنید|پیام\s*بدید|بفرستید|بفرستین|ارسال\s*(?:کنید|بفرمایید)"
    # Thai: "call / contact / send to us at": «เบอร์ติดต่อ» alone is "contact number"
    r"|ایمیل\s*(?:کنید|بزنید)|(?:ติดต่อ|โทร)มาที่|ส่ง\S{0,24}มาที่"
)


#: "We'll send the receipt to …", "we'll text your phone on …": the business sends to the
#: customer's own contact.
_WE_SEND = re.compile(
    r"\b(?:we|I)(?:'ll|'d|\s+will|\s+can|\s+would|\s+are\s+going\s+to)?\s+"
    r"(?:also\s+)?(?:e-?mail|send|forward|mail|write|call|text|contact|reach|ring|phone)\b",
    re.IGNORECASE,
)


def sent_to_us(before: str, sentence: str) -> bool:
    """Whether the value after ``before`` (its sentence up to the value) is where the
    customer is asked to send, write or call."""
    if _WE_SEND.search(before):
        return False
    return bool(_SENT_TO_BEFORE.search(before) or _SENT_TO_SENTENCE.search(sentence))
