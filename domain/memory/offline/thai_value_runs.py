"""Thai names a space runs across: a place name and the kind of place it ends in, whose
name and the titled name after it.

The splitter cuts Thai at spaces (``sentences``), and ``thai_clause_joins`` keeps a clause
with the next when the space cuts a value. These are two more such runs: a transliterated
place name written with a space before its kind of place («บ้านไม้ริมปาย รีสอร์ท», «อิมแพ็ค
อารีน่า»); a clause that says whose name follows and the titled name («ออกในนามบุคคล
คุณธนวัฒน์ ใจดี»). A name that ends in its kind of place may still go on into the next
clause («ลุมพินี วิลล์ | รามอินทรา ตึก B»): ``ends_in_place_kind``.
"""

import re

_POLITE_END = re.compile(r"(?:ครับ|คับ|ค่ะ|คะ|นะ|จ้ะ|จ้า)$")


#: The kind of place a transliterated name ends in, after a space: «บ้านไม้ริมปาย รีสอร์ท»,
#: «อิมแพ็ค อารีน่า», «ลุมพินี วิลล์», «ริเวอร์ พาร์ค»: the name goes on into it.
_PLACE_KIND_OPENING = re.compile(
    r"(?:รีสอร์[ทต]|โฮเทล|โฮสเทล|วิลล์|วิลล่า|เพลส|พาร์[คก]|ทาวเวอร์|พลาซ่า|อารีน่า|เรสซิเดนซ์"
    r"|แมนชั่น|อพาร์ทเม้?นท์|มอลล์|ฮอลล์|เซ็นเตอร์|สแควร์|การ์เด้น|ไฮทส์|ฮิลล์)"
    r"(?![\u0e01-\u0e4e])"
)
#: A clause that ends in a kind of place after a space: a name the splitter kept whole.
_PLACE_KIND_AT_END = re.compile(rf"\s{_PLACE_KIND_OPENING.pattern}$")
#: A clause ending in whose name comes next: «ออกในนามบุคคล», «ผู้รับ», «ผู้ติดต่อ».
_WHOSE_NAME_AT_END = re.compile(r"(?:นาม|บุคคล|ผู้รับ|ผู้ติดต่อ|ผู้จอง|ผู้สั่งซื้อ|ผู้โดยสาร|ผู้ป่วย|เจ้าของ|ผู้ปกครอง)$")
_TITLED_NAME_OPENING = re.compile(r"(?:นางสาว|นาง|นาย|คุณ|ด\.ช\.|ด\.ญ\.)[\u0e01-\u0e4e]{2,}")


def names_go_on(clause: str, following: str) -> bool:
    """Whether ``following`` goes on with the name ``clause`` began («อิมแพ็ค | อารีน่า») or
    names the person ``clause`` says it is for («ออกในนามบุคคล | คุณธนวัฒน์ ใจดี»)."""
    if _POLITE_END.search(clause):
        return False
    return _PLACE_KIND_OPENING.match(following) is not None or (
        _WHOSE_NAME_AT_END.search(clause) is not None
        and _TITLED_NAME_OPENING.match(following) is not None
    )


def ends_in_place_kind(clause: str) -> bool:
    """Whether ``clause`` ends in a kind of place after a space («ลุมพินี วิลล์»)."""
    return _PLACE_KIND_AT_END.search(clause) is not None
