"""Words that make a sentence say more than the values it names.

A short sentence naming a fact's value may still tell what a fact line cannot:

- a negation: what not to do with the value ("Don't call 07700 900733.", "Never
  07700 900733!", «به ۰۹۱۲۱۲۳۴۵۶۷ زنگ نزنید», «ห้ามโทร 0812345678»): the words of
  negating (not, no, never, a verb with "n't"; «نه», «هرگز», «ممنوع», a Persian verb
  with the negative «ن»/«نمی» prefix; «ไม่», «ห้าม», «อย่า»);
- an outcome: what happened to a request, the words of deciding, paying, returning,
  cancelling, sending or finishing ("Refund of £40 approved.", «۴۰۰ هزار تومان
  واریز شد», «คืนเงิน 1,250 บาท แล้วค่ะ»), and the Persian «شد»/«شده» and Thai «แล้ว»
  that say a thing is done.

``says_more`` finds either class in English, Persian and Thai.
"""

from __future__ import annotations

import re

from domain.memory.offline.lexicon import FA_BLOCK

_FA = FA_BLOCK

_NEGATION = re.compile(
    r"(?<![a-z])(?:not|no|never|nothing|none|nobody|[a-z]+n['’]t|dont|doesnt|didnt|cant|wont)(?![a-z])"
    # «نه», «هرگز», «ممنوع», and a verb with the negative prefix: «نزنید», «نگیرید», «نمی‌خوام»,
    # «نباید» (a stem after «ن» and a personal ending)
    rf"|(?<![{_FA}])(?:نه|هرگز|ممنوع|نمی[\u200c]?[{_FA}]+|نباید|ن[{_FA}]{{2,}}(?:ید|ین|ند|یم))(?![{_FA}])"
    r"|ไม่|ห้าม|อย่า",
    re.IGNORECASE,
)

_OUTCOME = re.compile(
    r"(?<![a-z])(?:approved|accepted|agreed|confirmed|authori[sz]ed|granted|declined|rejected|denied"
    r"|refund(?:ed)?|reimbursed|credited|returned|paid|charged|settled|cancel(?:l?ed)?|voided"
    r"|issued|sent|shipped|dispatched|delivered|booked|reserved|scheduled|arranged"
    r"|done|completed|finished|resolved|fixed|processed|received|transferred)(?![a-z])"
    # Persian: the outcome nouns («تایید», «واریز», «لغو») and «شد»/«شده» that say it happened
    rf"|(?<![{_FA}])(?:تایید|تأیید|پذیرفته|رد|پرداخت|واریز|بازپرداخت|استرداد|برگشت|عودت|لغو|کنسل"
    rf"|ارسال|رزرو|انجام|شد|شده|شدند)(?![{_FA}])"
    # Thai: approve, refund, pay, transfer, cancel, confirm, book, send, done, «แล้ว» (already)
    r"|อนุมัติ|คืนเงิน|จ่าย|ชำระ|โอน|ยกเลิก|ยืนยัน|จอง|ส่งของ|จัดส่ง|เรียบร้อย|เสร็จ|แล้ว",
    re.IGNORECASE,
)


def negates(sentence: str) -> bool:
    """Whether ``sentence`` has a word of negating (module doc)."""
    return _NEGATION.search(sentence) is not None


def tells_outcome(sentence: str) -> bool:
    """Whether ``sentence`` has a word that says what happened (module doc)."""
    return _OUTCOME.search(sentence) is not None


def says_more(sentence: str) -> bool:
    """Whether ``sentence`` negates or tells an outcome: more than the values it names."""
    return negates(sentence) or tells_outcome(sentence)
