"""Stable fact keys across engines, and when a new value merely restates a known one.

The offline engine names facts by subject with fixed English keys
(``customer_name``, ``delivery_address``). A session may already hold facts
written by another engine (Claude may have said "shipping_address" or
"order_number"); when a known key means the same subject, the offline engine
reuses that spelling so a changed value updates the existing fact instead of
starting a second one. Only names of the same subject are aliases: "date" or
"price" alone are not merged into ``delivery_date`` or ``refund_amount``.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from domain.memory.offline.thai_dates import same_date_words
from domain.memory.offline.wording_en import same_date_words as same_english_date_words

_ALIASES: dict[str, frozenset[str]] = {
    key: frozenset(aliases.split())
    for key, aliases in {
        "customer_name": "customer_name name user_name username full_name first_name "
        "client_name نام اسم ชื่อ",
        "customer_location": "customer_location location city residence hometown lives_in",
        "customer_email": "customer_email email e_mail email_address mail ایمیل อีเมล",
        "customer_phone": "customer_phone phone phone_number mobile mobile_number telephone "
        "tel contact_number contact_phone تلفن موبایل เบอร์โทร",
        "customer_age": "customer_age age",
        "order_id": "order_id order_number order_no order_code order_ref شماره_سفارش",
        "ticket_id": "ticket_id ticket_number case_id case_number case_reference ticket_ref",
        "tracking_number": "tracking_number tracking_code tracking_id کد_رهگیری",
        "booking_reference": "booking_reference booking_ref booking_id booking_number "
        "reservation_number reservation_id pnr confirmation_code",
        "coupon_code": "coupon_code coupon promo_code discount_code voucher voucher_code",
        # not home_address: a customer's home stays theirs when the parcel goes elsewhere
        "delivery_address": "delivery_address shipping_address address "
        "current_address new_address service_address installation_address آدرس ที่อยู่",
        "billing_address": "billing_address invoice_address",
        "delivery_date": "delivery_date delivery_day expected_delivery shipping_date_expected",
        "delivery_time": "delivery_time delivery_window delivery_slot",
        "order_total": "order_total total total_price total_amount amount_due final_price",
        "refund_amount": "refund_amount refund",
        "shipping_cost": "shipping_cost shipping_fee delivery_cost delivery_fee",
        "warranty_period": "warranty_period warranty warranty_length guarantee گارانتی",
        "delivery_instruction": "delivery_instruction delivery_instructions delivery_note",
        "contact_preference": "contact_preference preferred_contact contact_method",
        "payment_method": "payment_method payment payment_type",
        "product": "product item product_name محصول สินค้า",
    }.items()
}

_NOT_KEY_CHAR = re.compile(r"[\W_]+")


def _normalized(key: str) -> str:
    return _NOT_KEY_CHAR.sub("_", key.strip().casefold()).strip("_")


#: The number a key takes when its subject holds several values ("order_id_2").
_VARIANT = re.compile(r"_\d+$")


def base_key(key: str) -> str:
    """``key`` without its number: "order_id" for "order_id_2"."""
    return _VARIANT.sub("", key)


def canonical_key(key: str) -> str:
    """memq's key for ``key`` (itself, normalized, when it is not a known alias)."""
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


#: A word: Thai vowel and tone marks are no ``\w`` but are part of their word.
_WORD = re.compile(r"[\w\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")
#: «ท่าน», the polite word for counting people, counts what «คน» does: «4 ท่าน» after
#: «4 คน» is the same party said politely, not a new count.
_POLITE_PEOPLE = re.compile(r"(?<=\d)\s?ท่าน")


#: A context compares every fact's earlier values with every current one, and a fold
#: its values with the known ones: each value is read into its words once.
@lru_cache(maxsize=8192)
def compared_words(value: str) -> tuple[str, ...]:
    """The words of ``value`` as ``restates`` compares them: case folded, digits in ASCII,
    date words in one spelling."""
    ascii_digits = "".join(
        str(unicodedata.digit(char)) if char.isdigit() else char
        for char in same_english_date_words(same_date_words(value.casefold()))
    )
    people = _POLITE_PEOPLE.sub(" คน", ascii_digits)
    return tuple(_WORD.findall(people.replace("_", " ")))


def restates(new: str, current: str) -> bool:
    """Whether ``new`` says nothing ``current`` does not: the same words in the same
    order, or a run of them ("Tuesday" of "Tuesday 3 December", "48213" of
    "ORD-48213"). Digits of any script compare equal; case and punctuation do not
    count. "$84" does not restate "$184", nor "Friday" "Thursday"."""
    new_words, current_words = compared_words(new), compared_words(current)
    if not new_words:
        return True
    if new_words[0] not in current_words:
        return False  # no run can start anywhere
    size = len(new_words)
    return any(
        current_words[start : start + size] == new_words
        for start in range(len(current_words) - size + 1)
    )
