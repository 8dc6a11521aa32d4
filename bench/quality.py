"""Memory quality benchmark: are the latest planted facts in the context?

    python -m bench.quality [--conversations N] [--length M]

Conversations in English, Persian and Thai carry planted facts (name, email,
phone, order id, price, warranty), some of them updated later, between lines
of chit-chat. Each conversation goes through the real store and memory service
(folds every 5 messages, as ingest triggers them), then the context actor's own
assembly at a 1,200-token budget. The score is the share of the *latest* fact
values found in the context text, beside a last-N-messages baseline that packs
the newest messages into the same budget. The Claude engine is measured too
when ANTHROPIC_API_KEY is set.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from memq.context.service import build_context
from memq.memory.factory import build_engines
from memq.memory.service import MemoryService
from memq.settings import Settings
from memq.tokens import estimate_tokens
from schemas.messages import MessageEvent, Role
from store.backends.sqlite import SqliteStore

BUDGET = 1_200
ACCOUNT = "quality"

FILLER: dict[str, list[tuple[Role, str]]] = {
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


@dataclass
class Planted:
    key: str
    value: str
    line: tuple[Role, str]


def planted_facts(language: str, rng: random.Random) -> list[list[Planted]]:
    """Facts in the order they are stated; an inner list holds a fact and its later update."""
    name = rng.choice(["Sara", "Omid", "Nadia", "Somchai"])
    email = f"{name.lower()}{rng.randint(10, 99)}@example.com"
    order = f"A-{rng.randint(10000, 99999)}"
    phone = f"+98912{rng.randint(1000000, 9999999)}"
    p1, p2 = rng.randint(50, 90), rng.randint(91, 140)
    if language == "en":
        return [
            [Planted("name", name, ("user", f"Hi, my name is {name}."))],
            [Planted("email", email, ("user", f"My email is {email}."))],
            [Planted("phone", phone, ("user", f"You can call me on {phone}."))],
            [Planted("order_id", order, ("user", f"My order number is {order}."))],
            [
                Planted("price", f"${p1}.99", ("assistant", f"The Nanopresso costs ${p1}.99.")),
                Planted("price", f"${p2}.99", ("assistant", f"Update: the price is now ${p2}.99.")),
            ],
            [
                Planted("warranty", "1 year", ("assistant", "It comes with a 1 year warranty.")),
                Planted(
                    "warranty", "2 years", ("assistant", "Good news: warranty is now 2 years.")
                ),
            ],
        ]
    if language == "fa":
        return [
            [Planted("name", "سارا", ("user", "سلام، اسم من سارا است."))],
            [Planted("email", email, ("user", f"ایمیل من {email} است."))],
            [Planted("phone", phone, ("user", f"شماره تماس من {phone} است."))],
            [Planted("order_id", order, ("user", f"سفارش شماره {order} را ثبت کردم."))],
            [
                Planted("price", f"{p1},000", ("assistant", f"قیمت نانوپرسو {p1},000 تومان است.")),
                Planted("price", f"{p2},000", ("assistant", f"قیمت جدید {p2},000 تومان است.")),
            ],
            [
                Planted("warranty", "۱ سال", ("assistant", "این محصول ۱ سال گارانتی دارد.")),
                Planted("warranty", "۲ سال", ("assistant", "گارانتی به ۲ سال افزایش یافت.")),
            ],
        ]
    return [
        [Planted("name", "สมชาย", ("user", "สวัสดีครับ ผมชื่อสมชาย"))],
        [Planted("email", email, ("user", f"อีเมลของผมคือ {email}"))],
        [Planted("phone", phone, ("user", f"เบอร์โทรของผมคือ {phone}"))],
        [Planted("order_id", order, ("user", f"หมายเลขคำสั่งซื้อ {order}"))],
        [
            Planted("price", f"{p1},500", ("assistant", f"ราคา {p1},500 บาทค่ะ")),
            Planted("price", f"{p2},500", ("assistant", f"ราคาใหม่ {p2},500 บาทค่ะ")),
        ],
        [
            Planted("warranty", "1 ปี", ("assistant", "รับประกัน 1 ปีค่ะ")),
            Planted("warranty", "2 ปี", ("assistant", "ตอนนี้รับประกัน 2 ปีแล้วค่ะ")),
        ],
    ]


def conversation(
    language: str, length: int, rng: random.Random
) -> tuple[list[tuple[Role, str]], dict[str, str]]:
    """Messages with the facts spread through them, and the latest value per key."""
    lines: list[tuple[Role, str]] = [FILLER[language][i % 6] for i in range(length)]
    latest: dict[str, str] = {}
    facts = [fact for group in planted_facts(language, rng) for fact in group]
    slots = sorted(rng.sample(range(length), k=len(facts)))
    # Updates must come after the value they replace: keep statement order.
    for slot, fact in zip(slots, facts, strict=True):
        lines[slot] = fact.line
        latest[fact.key] = fact.value
    return lines, latest


def last_n_baseline(lines: list[tuple[Role, str]]) -> str:
    kept: list[str] = []
    for role, content in reversed(lines):
        candidate = [f"{role}: {content}", *kept]
        if estimate_tokens("\n".join(candidate)) > BUDGET:
            break
        kept = candidate
    return "\n".join(kept)


def run(
    conversations: int, length: int, settings: Settings, store: SqliteStore
) -> dict[str, float]:
    rng = random.Random(7)
    service = MemoryService(store, build_engines(settings), settings)
    found = {"memq": 0, "baseline": 0}
    total = 0
    start = datetime.now(UTC) - timedelta(days=1)
    for index in range(conversations):
        language = ("en", "fa", "th")[index % 3]
        session_id = f"{language}-{index}"
        lines, latest = conversation(language, length, rng)
        for i, (role, content) in enumerate(lines):
            event = MessageEvent(
                account_id=ACCOUNT,
                session_id=session_id,
                message_id=f"{session_id}-{i}",
                role=role,
                content=content,
                seq=1_000_000 + i,
                accepted_at=start + timedelta(seconds=i),
            )
            result = store.append_message(event, delivery_id=event.message_id)
            if service.should_trigger(result.message_count):
                service.update(ACCOUNT, session_id)
        context = (
            build_context(store, settings, ACCOUNT, session_id, budget=BUDGET, fmt="text").text
            or ""
        )
        baseline = last_n_baseline(lines)
        for value in latest.values():
            total += 1
            found["memq"] += value in context
            found["baseline"] += value in baseline
    return {name: hits / total for name, hits in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--conversations", type=int, default=30)
    parser.add_argument("--length", type=int, default=120, help="messages per conversation")
    args = parser.parse_args()
    settings = Settings()
    engine = "claude" if settings.anthropic_api_key else "offline"
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "quality.sqlite3")
        try:
            print(
                f"{args.conversations} conversations x {args.length} messages, engine {engine} ..."
            )
            scores = run(
                args.conversations,
                args.length,
                settings.model_copy(update={"data_dir": Path(tmp)}),
                store,
            )
        finally:
            store.close()
    print(f"latest fact values present in the context at a {BUDGET}-token budget:")
    print(f"  memq ({engine} engine): {scores['memq']:.0%}")
    print(f"  last-N-messages baseline: {scores['baseline']:.0%}")


if __name__ == "__main__":
    main()
