"""A code whose English sentence names its subject ("your quote reference is …") is kept
under that subject's key with the code alone as its value, not under a counter of its type
(``reference_3``) with the clause that led to it; Persian and Thai codes, and English ones
whose words name no subject, keep their lead-in under ``reference``."""

from __future__ import annotations

import pytest

from domain.memory.offline.code_labels import named_code_key
from tests.memory.test_offline_facts_not_values import values_by_key


def told(message: str) -> dict[str, str]:
    """The facts of an assistant's ``message`` after a customer's greeting."""
    return values_by_key(("user", "hi, any news?"), ("assistant", message))


@pytest.mark.parametrize(
    ("message", "key", "code"),
    [
        (
            "I've created an enquiry for you, your quote reference is BS-Q-20417.",
            "quote_reference",
            "BS-Q-20417",
        ),
        ("Your car rental reference is CR-5518K.", "car_rental_reference", "CR-5518K"),
        ("We've told Royal Mail, reference RM-55120-X.", "royal_mail_reference", "RM-55120-X"),
        ("Your planning permit number is PP-4410B.", "planning_permit_number", "PP-4410B"),
        # a capital that only opens the sentence names the subject all the same
        ("Payment reference is PAY-88120.", "payment_reference", "PAY-88120"),
        ("Quote reference: BS-Q-20417", "quote_reference", "BS-Q-20417"),
        ("Locker code is 4471.", "locker_code", "4471"),
    ],
)
def test_a_code_named_by_its_sentence_is_keyed_by_that_subject(
    message: str, key: str, code: str
) -> None:
    facts = told(message)
    assert facts.get(key) == code
    assert not any(k.startswith("reference") for k in facts)


@pytest.mark.parametrize(
    ("message", "code", "lead_in"),
    [
        ("I've opened a claim under reference CLM-2290-77.", "CLM-2290-77", "claim"),
        ("یه درخواست تعمیر ثبت کردم با شماره WS-77120.", "WS-77120", "درخواست تعمیر"),
        ("แจ้งซ่อมให้แล้วค่ะ เลขที่ใบงาน RP-55821", "RP-55821", "เลขที่ใบงาน"),
    ],
)
def test_a_code_with_no_subject_named_keeps_its_lead_in(
    message: str, code: str, lead_in: str
) -> None:
    noted = told(message)["reference"]
    assert code in noted and lead_in in noted


@pytest.mark.parametrize(
    "lead",
    [
        "the new reference is ",
        "raised a dispute, your reference is ",
        "Tom Ellery, agreement is ",
        "Fine ref ",
    ],
)
def test_words_of_change_or_a_bare_type_name_no_subject(lead: str) -> None:
    assert named_code_key(lead) is None
