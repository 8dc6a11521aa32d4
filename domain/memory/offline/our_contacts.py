"""A phone or email the assistant tells the customer to write, send or call to: the
business's own ("please email the photos to claims@…", "call our hotline on 0800 …",
«مدارک رو به … ایمیل کنید», «ส่งเอกสารมาที่ …»), never the customer's contact, even in
a sentence that says "your" ("… with your case number in the subject"); nor is one named
as a team's or a department's ("the email for the warranty team is …", «ایمیل واحد
گارانتی …», «อีเมลของฝ่ายประกันคือ …»), whoever says it."""

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


#: A contact named as a team's, a department's or a branch's, just before the value.
_A_TEAMS = r"team|department|dept|desk|centre|center|branch|store|shop|workshop|service|support"
#: Not "your email for the service team", "the email for your support ticket": the customer's.
_NOT_YOURS = r"(?<!your\s)(?<!my\s)"
#: The team heads its phrase: no noun after it ("the email for the support case", "… for the
#: project team updates" are the customer's, what the contact is used for).
_HEADS_ITS_PHRASE = (
    r"(?!\s+(?!(?:is|are|was|will|would|can|should|on|at|in|if|here|there)(?![A-Za-z]))[A-Za-z])"
)
_TEAMS_CONTACT = re.compile(
    rf"{_NOT_YOURS}(?<![A-Za-z])(?:e-?mail|phone|number|line|contact)(?:\s+(?:address|number|details))?"
    r"\s+(?:for|of)\s+(?!(?:your|my)(?![A-Za-z]))(?:the\s+|our\s+)?"
    rf"(?:[A-Za-z-]+\s+){{0,2}}?(?:{_A_TEAMS})s?(?![A-Za-z]){_HEADS_ITS_PHRASE}"
    rf"|(?<![A-Za-z])(?:{_A_TEAMS})(?:'s)?\s+(?:e-?mail|phone|number|line|contact)(?![A-Za-z])"
    r"|(?:ایمیل|شماره(?:\s*(?:ی\s*)?(?:تماس|تلفن))?|تلفن)\s*(?:ی\s*)?"
    r"(?:واحد|بخش|دفتر|تیم|پشتیبانی|شرکت|نمایندگی|فروشگاه|شعبه)"
    r"|(?:อีเมล|เมล|เบอร์(?:โทร)?)\s*(?:ของ\s*)?(?:ฝ่าย|แผนก|ทีม|บริษัท|ศูนย์|สาขา|ร้าน)",
    re.IGNORECASE,
)


def a_teams_contact(before: str) -> bool:
    """Whether the value after ``before`` (its sentence up to the value) is named as a
    team's or a department's contact: no customer's."""
    return _TEAMS_CONTACT.search(before) is not None
