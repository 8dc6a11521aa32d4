"""What a sum is charged per, said right after it: "$40 per day", "£129/month", "$45/hr",
«۲ میلیون تومان در ماه», «۲ میلیون تومان/ماه», «۲۰۰ هزار تومن هر
شب», «60 บาทต่อใบ», «1,500 บาท/คืน».

A rate is its sum and its unit together: "£129/month" kept as "£129" reads as a one-off
price, and a later "£89/month" then looks like a cheaper total. The unit after a slash or
after "per", "a", «در», «هر», «ต่อ» belongs to the value. Only units of time, of people and
of what is hired or booked: "£50 a head", not "£50 a pop" nor "£129 a lot"; Persian «در»
only before a month, a week, a year or a night («در روز تحویل» is "on the day of
delivery", no rate).
"""

from __future__ import annotations

import re

from domain.memory.offline.values import FA_LETTERS, FA_SOLAR_MONTH, TH_PER_AFTER

_EN_UNIT = (
    r"(?:day|night|week|month|mo|year|yr|annum|hour|hr|person|pp|head|passenger|guest|adult"
    r"|child|kid|room|seat|ticket|class|lesson|session)(?![A-Za-z])"
)
_EN_PER = r"(?:\s*/\s*|\s+(?:per|a|an|each)\s+)"
_FA_UNIT = r"(?:روز|شب|هفته|ماه|سال|ساعت|نفر|جلسه)"
_FA = FA_LETTERS

#: The rate's unit right after a sum, the match ending there. (One unit: a second, "£142 per
#: room per night", was measured to cost a detail its room at 800 tokens.)
#: Not "a week ago", "a month early": when, not how often.
_EN_WHEN = r"(?!\s+(?:ago|early|late|before|later)(?![A-Za-z]))"
#: Not «در ماه آینده», «در سال ۱۴۰۲», «در ماه رمضان», «در هفته بعد»: which month, not each.
_FA_WHICH = (
    r"(?!\s*(?:گذشته|آینده|بعد|قبل|پیش|اخیر|جاری|دیگه|دیگر|[0-9\u06f0-\u06f9\u0660-\u0669]"
    rf"|{FA_SOLAR_MONTH}|رمضان|محرم))"
)
RATE_AFTER = re.compile(
    rf"{_EN_PER}{_EN_UNIT}{_EN_WHEN}"
    rf"|\s*/\s*{_FA_UNIT}(?![{_FA}])"
    rf"|\s+(?:در\s+(?:ماه|هفته|سال|شب)(?![{_FA}]){_FA_WHICH}|(?:برای\s+)?هر\s+{_FA_UNIT})(?![{_FA}])"
    rf"|{TH_PER_AFTER}",
    re.IGNORECASE,
)
