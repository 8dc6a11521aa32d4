"""Saying one forgot or does not remember: "I forgot", "can't remember", «یادم رفت», «یادم
نیست», «فراموش کردم», «ลืมแล้ว», «จำไม่ได้».

A reply that says so answers nothing: to "your name?" or "which model?" it is no name and
no model («یادم رفت» had been kept as the customer's name). Forgetting *to* do something
("I forgot to mention", «یادم رفت بگم», «ลืมบอก») opens what is said next and is no such
reply. Persian «رفت» after «یادم» is "forgot", never the way out of a trip
(``subjects``' flight cue).
"""

from __future__ import annotations

from domain.memory.offline.values import FA_LETTERS

_FA = FA_LETTERS

#: Whose memory, in Persian: «یادم» (mine), «یادش», «یادت», «یادمون», «یادتون», «یادشون».
_FA_MEMORY = r"یاد(?:مون|تون|شون|م|ش|ت)"
#: A Persian verb of telling or asking after «یادم رفت»: «بگم», «بهتون بگم», «بپرسم».
_FA_TO_SAY = rf"\s+(?:به(?:تون|ت|شون)\s+)?ب[{_FA}]+(?:م|یم)(?![{_FA}])"

#: Not remembering, in the three languages (module doc); a regex alternation, no groups.
FORGETTING = (
    r"(?<![\w'’])(?:forgot|forgotten|(?:can'?t|cannot|don'?t)\s+(?:remember|recall)"
    r"|slipped\s+my\s+mind)(?![\w'’])(?!\s+to\b)"
    rf"|(?<![{_FA}])(?:(?:{_FA_MEMORY}|خاطرم)[\s\u200c]+"
    r"(?:نیست|نمیاد|نمی[\u200c\s]?آد|نمی[\u200c\s]?آید|نمونده|رفت|رفته)"
    rf"|فراموش[\s\u200c]*(?:کردم|کردیم|کرده|شده|شد))(?![{_FA}])(?!{_FA_TO_SAY})"
    r"|(?<!อย่า)ลืม(?!บอก|แจ้ง|ถาม|ส่ง|ให้)|จำไม่ได้|นึกไม่ออก"
)
