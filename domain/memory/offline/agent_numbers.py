"""A phone the assistant gives as its own ("Sure, my number is 0412 555 019", «شماره‌ی
من ۰۹۱۲…», «เบอร์ผม 092-118-6630»): the agent's number, whoever the open question was
about ("can my partner call you?" is answered with the agent's number, not the
partner's). Its own module: it reads only the words right before the value."""

import re

#: "my number/phone/mobile (is)", «شماره‌ی من», «شماره‌م», «เบอร์ผม», «เบอร์ดิฉัน», just before
#: the value. Not «เบอร์พี่»: an agent may call themself «พี่», but agents call the customer
#: «พี่» as often («ขอยืนยันเบอร์พี่ 081-…» is the customer's number).
_MY_NUMBER_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:my|mine)\s+(?:direct\s+|personal\s+|mobile\s+|cell\s+)?"
    r"(?:(?:phone|mobile|cell)\s+)?(?:number|phone|mobile|line)(?:\s+(?:is|here))?\s*[:,-]?\s*$"
    r"|(?:شماره|تلفن|موبایل)(?:\s*(?:ی|‌ی)?\s*(?:تماس|همراه))?[\u200c\s]*(?:ی\s+)?من"
    r"(?:\s+(?:هست|است|اینه))?\s*[:،]?\s*$"
    r"|เบอร์(?:โทร(?:ศัพท์)?)?(?:ของ)?\s?(?:ผม|ดิฉัน|หนู|เรา)(?:คือ|เป็น)?\s?:?\s*$",
    re.IGNORECASE,
)
#: How far before the value its owner may be named.
_REACH = 40


def agents_own_phone(text: str, value_start: int) -> bool:
    """Whether the phone at ``value_start``, in an assistant's message, is named as the
    agent's own."""
    return _MY_NUMBER_BEFORE.search(text[max(0, value_start - _REACH) : value_start]) is not None
