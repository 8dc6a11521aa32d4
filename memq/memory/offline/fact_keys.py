"""Stable fact keys: memq's English keys, and the spellings other engines used.

The offline engine names facts with fixed English keys. A session may already
hold facts written by another engine (Claude may have said "Price" or
"order_number"); when a known key means the same thing, the offline engine
reuses that spelling so a changed value updates the existing fact instead of
starting a second one.
"""

import re
from collections.abc import Iterable

_ALIASES: dict[str, frozenset[str]] = {
    key: frozenset(aliases.split())
    for key, aliases in {
        "name": "name user_name username customer_name full_name first_name نام اسم ชื่อ",
        "location": "location city place residence hometown lives_in شهر محل_سکونت เมือง",
        "email": "email e_mail email_address mail ایمیل อีเมล",
        "phone": "phone phone_number mobile telephone tel contact_number تلفن موبایل เบอร์โทร",
        "order_id": "order_id order order_number order_no order_code شماره_سفارش",
        "ticket_id": "ticket_id ticket ticket_number case_id case_number",
        "tracking_number": "tracking_number tracking tracking_code tracking_id کد_رهگیری",
        "price": "price cost product_price قیمت ราคา",
        "shipping_cost": "shipping_cost shipping shipping_fee delivery_cost delivery_fee",
        "discount": "discount تخفیف ส่วนลด",
        "warranty": "warranty guarantee warranty_period گارانتی ضمانت รับประกัน",
        "date": "date",
        "quantity": "quantity qty amount count تعداد จำนวน",
        "duration": "duration period",
        "age": "age سن อายุ",
        "product": "product item product_name محصول สินค้า",
        "preference": "preference preferences",
    }.items()
}

_NOT_KEY_CHAR = re.compile(r"[\W_]+")


def _normalized(key: str) -> str:
    return _NOT_KEY_CHAR.sub("_", key.strip().casefold()).strip("_")


def canonical_key(key: str) -> str:
    """memq's key for ``key`` (itself when it is not a known alias)."""
    normalized = _normalized(key)
    for canonical, aliases in _ALIASES.items():
        if normalized in aliases:
            return canonical
    return normalized


def known_spellings(known_keys: Iterable[str]) -> dict[str, str]:
    """memq key → the spelling already used in this session, for keys that have one.
    When several known keys mean the same thing the first one wins."""
    spellings: dict[str, str] = {}
    for key in known_keys:
        spellings.setdefault(canonical_key(key), key)
    return spellings
