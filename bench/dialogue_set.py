"""The conversations the quality benchmark runs: annotated dialogues and planted facts.

A dialogue file (``bench/dialogues/<lang>/NN-slug.json``)::

    {"id": "en-01-desk-delivery", "language": "en", "title": "…",
     "messages": [{"role": "user", "content": "…"}, …],
     "facts": [{"subject": "delivery address",
                "values": [{"value": "12 Elm Street", "message": 14},
                           {"value": "7 Zand Boulevard", "message": 63}]}, …]}

Each value is the exact text of message ``message`` that states it; the last
value of a subject is current, the earlier ones were replaced.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from schemas.messages import Role

DIALOGUES = Path(__file__).parent / "dialogues"
LANGUAGES = ("en", "fa", "th")
#: Sets of mixed languages in one folder each: ``holdout``, ``fresh`` (written after the
#: rules it measures, before any rule was tuned on it) and ``blind`` (written by someone who
#: never read the rules, other domains, measured before and after a round of tuning it was
#: kept out of) and ``blind2`` (the same, by three more writers told to put no recap at the
#: end, so the values must come from memory, not from the last messages), ``blind3``,
#: ``blind4``, ``blind5``, ``blind6``, ``blind7``, ``blind8``, ``blind9``, ``blind10``,
#: ``blind11``, ``blind12``, ``blind13``, ``blind14``, ``blind15``, ``blind16``, ``blind17``,
#: ``blind18``, ``blind19`` and ``blind20`` (the same again, by two or three more writers
#: each, measured before the session that first ran it changed anything).
HELD_SETS = (
    "holdout",
    "fresh",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
)
#: ``dev2``: written like the blind sets, by three more writers, to be read: what real
#: dialogues do that the rules miss is found there, and the blind sets only check it.
#: ``dev3`` (one dialogue per language, by three more writers), ``dev4`` and ``dev5`` (two per
#: language, three more writers each) likewise; ``dev6`` (two English, four Persian, two Thai)
#: holds what six more writers wrote on topics close to each other, kept apart from ``blind19``.
WORKING_SETS = ("dev2", "dev3", "dev4", "dev5", "dev6")


@dataclass(frozen=True)
class Dialogue:
    id: str
    language: str
    messages: list[tuple[Role, str]]
    #: subject → its values in the order stated; the last one is current.
    subjects: dict[str, list[str]]


def load(path: Path) -> Dialogue:
    data = json.loads(path.read_text(encoding="utf-8"))
    messages: list[tuple[Role, str]] = [(m["role"], m["content"]) for m in data["messages"]]
    subjects: dict[str, list[str]] = {}
    for fact in data["facts"]:
        for item in fact["values"]:
            if item["value"] not in messages[item["message"]][1]:
                raise ValueError(f"{path}: {item['value']!r} is not in message {item['message']}")
        subjects[fact["subject"]] = [item["value"] for item in fact["values"]]
    return Dialogue(data["id"], data["language"], messages, subjects)


def load_dialogues(which: str) -> list[Dialogue]:
    """``dev`` (one folder per language), a working set (``WORKING_SETS``), a held set
    (``HELD_SETS``), ``all``, or a folder of files."""
    if which == "dev":
        paths = [p for language in LANGUAGES for p in sorted((DIALOGUES / language).glob("*.json"))]
    elif which in WORKING_SETS or which in HELD_SETS:
        paths = sorted((DIALOGUES / which).glob("*.json"))
    elif which == "all":
        return [d for name in ("dev", *WORKING_SETS, *HELD_SETS) for d in load_dialogues(name)]
    else:
        paths = sorted(Path(which).glob("**/*.json"))
    if not paths:
        raise SystemExit(f"no dialogues found for --set {which}")
    return [load(path) for path in paths]


# -- planted facts (the first benchmark): chit-chat with first-person facts ---------------------

_FILLER: dict[str, list[tuple[Role, str]]] = {
    "en": [
        ("user", "Thanks, that helps a lot."),
        ("assistant", "You're welcome! Anything else I can do for you today?"),
        ("user", "How long does delivery usually take to the city centre?"),
        ("assistant", "Usually two to four working days, depending on the courier."),
        ("user", "Do you also sell filters and cleaning kits?"),
        ("assistant", "Yes, we have filters, descaling kits and spare gaskets in stock."),
    ],
    "fa": [
        ("user", "ممنون، خیلی کمک کرد."),
        ("assistant", "خواهش می‌کنم! کار دیگری هست که انجام بدهم؟"),
        ("user", "ارسال به مرکز شهر معمولاً چقدر طول می‌کشد؟"),
        ("assistant", "معمولاً بین دو تا چهار روز کاری، بسته به پیک."),
        ("user", "فیلتر و کیت تمیزکاری هم دارید؟"),
        ("assistant", "بله، فیلتر و کیت رسوب‌زدایی موجود داریم."),
    ],
    "th": [
        ("user", "ขอบคุณมากครับ ช่วยได้เยอะเลย"),
        ("assistant", "ยินดีค่ะ มีอะไรให้ช่วยอีกไหมคะ"),
        ("user", "ส่งของเข้าเมืองปกติใช้เวลากี่วันครับ"),
        ("assistant", "ปกติสองถึงสี่วันทำการค่ะ ขึ้นอยู่กับขนส่ง"),
        ("user", "มีไส้กรองและชุดทำความสะอาดขายไหมครับ"),
        ("assistant", "มีค่ะ มีไส้กรองและชุดขจัดคราบพร้อมส่ง"),
    ],
}


def _planted(language: str, rng: random.Random) -> list[tuple[str, list[tuple[str, Role, str]]]]:
    """(subject, [(value, role, line), …]) in the order stated; later values replace earlier."""
    name = rng.choice(["Sara", "Omid", "Nadia", "Somchai"])
    email = f"{name.lower()}{rng.randint(10, 99)}@example.com"
    order = f"A-{rng.randint(10000, 99999)}"
    phone = f"+98912{rng.randint(1000000, 9999999)}"
    p1, p2 = rng.randint(50, 90), rng.randint(91, 140)
    if language == "en":
        return [
            ("name", [(name, "user", f"Hi, my name is {name}.")]),
            ("email", [(email, "user", f"My email is {email}.")]),
            ("phone", [(phone, "user", f"You can call me on {phone}.")]),
            ("order", [(order, "user", f"My order number is {order}.")]),
            (
                "price",
                [
                    (f"${p1}.99", "assistant", f"The Nanopresso costs ${p1}.99."),
                    (f"${p2}.99", "assistant", f"Update: the price is now ${p2}.99."),
                ],
            ),
            (
                "warranty",
                [
                    ("1 year", "assistant", "It comes with a 1 year warranty."),
                    ("2 years", "assistant", "Good news: warranty is now 2 years."),
                ],
            ),
        ]
    if language == "fa":
        return [
            ("name", [("سارا", "user", "سلام، اسم من سارا است.")]),
            ("email", [(email, "user", f"ایمیل من {email} است.")]),
            ("phone", [(phone, "user", f"شماره تماس من {phone} است.")]),
            ("order", [(order, "user", f"سفارش شماره {order} را ثبت کردم.")]),
            (
                "price",
                [
                    (f"{p1},000", "assistant", f"قیمت نانوپرسو {p1},000 تومان است."),
                    (f"{p2},000", "assistant", f"قیمت جدید {p2},000 تومان است."),
                ],
            ),
            (
                "warranty",
                [
                    ("۱ سال", "assistant", "این محصول ۱ سال گارانتی دارد."),
                    ("۲ سال", "assistant", "گارانتی به ۲ سال افزایش یافت."),
                ],
            ),
        ]
    return [
        ("name", [("สมชาย", "user", "สวัสดีครับ ผมชื่อสมชาย")]),
        ("email", [(email, "user", f"อีเมลของผมคือ {email}")]),
        ("phone", [(phone, "user", f"เบอร์โทรของผมคือ {phone}")]),
        ("order", [(order, "user", f"หมายเลขคำสั่งซื้อ {order}")]),
        (
            "price",
            [
                (f"{p1},500", "assistant", f"ราคา {p1},500 บาทค่ะ"),
                (f"{p2},500", "assistant", f"ราคาใหม่ {p2},500 บาทค่ะ"),
            ],
        ),
        (
            "warranty",
            [
                ("1 ปี", "assistant", "รับประกัน 1 ปีค่ะ"),
                ("2 ปี", "assistant", "ตอนนี้รับประกัน 2 ปีแล้วค่ะ"),
            ],
        ),
    ]


def planted_dialogues(count: int = 30, length: int = 120) -> list[Dialogue]:
    """Chit-chat with six planted facts each (two updated later), languages in turn."""
    rng = random.Random(7)
    dialogues = []
    for index in range(count):
        language = LANGUAGES[index % 3]
        lines: list[tuple[Role, str]] = [_FILLER[language][i % 6] for i in range(length)]
        planted = _planted(language, rng)
        statements = [(subject, item) for subject, items in planted for item in items]
        slots = sorted(rng.sample(range(length), k=len(statements)))
        subjects: dict[str, list[str]] = {}
        # Updates come after the value they replace: statement order is kept.
        for slot, (subject, (value, role, line)) in zip(slots, statements, strict=True):
            lines[slot] = (role, line)
            subjects.setdefault(subject, []).append(value)
        dialogues.append(Dialogue(f"planted-{language}-{index}", language, lines, subjects))
    return dialogues
