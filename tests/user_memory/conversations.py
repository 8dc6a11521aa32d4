"""Short support conversations in English, Persian and Thai, and how to store them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from domain.ports.store import Store
from schemas.messages import MessageEvent, Role
from schemas.sessions import SessionCreate
from schemas.user_memory import ConversationSummary

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
SEQ0 = 1_790_000_000_000_000

Turns = list[tuple[Role, str]]

ENGLISH: Turns = [
    ("user", "Hi, my name is Sara Ahmadi."),
    ("assistant", "Hello Sara, how can I help?"),
    ("user", "My order number is ORD-48213 and my address is 12 Elm Street, Springfield."),
    ("assistant", "Thanks, order ORD-48213 will ship to 12 Elm Street."),
]
ENGLISH_MOVED: Turns = [
    ("user", "Hello again, it's Sara."),
    ("assistant", "Welcome back! What can I do for you?"),
    ("user", "I moved. My address is 40 Harbour Road, Bristol."),
    ("assistant", "Noted: your new address is 40 Harbour Road, Bristol."),
]
PERSIAN: Turns = [
    ("user", "سلام، اسم من مریم است."),
    ("assistant", "سلام مریم، چطور کمکتان کنم؟"),
    ("user", "شماره سفارش من ORD-55120 است و آدرس من تهران، خیابان ولیعصر پلاک ۱۲ است."),
    ("assistant", "سفارش ORD-55120 به تهران ارسال می‌شود."),
]
THAI: Turns = [
    ("user", "สวัสดีครับ ผมชื่อสมชาย"),
    ("assistant", "สวัสดีค่ะคุณสมชาย"),
    ("user", "หมายเลขคำสั่งซื้อของผมคือ ORD-77001 ที่อยู่ของผมคือ 99 ถนนสุขุมวิท กรุงเทพ"),
    ("assistant", "คำสั่งซื้อ ORD-77001 จะส่งไปที่ถนนสุขุมวิทค่ะ"),
]


def store_conversation(
    store: Store,
    session_id: str,
    turns: Turns,
    *,
    account: str = "acct-a",
    user: str | None = "u1",
    persona: str | None = None,
    start: datetime = T0,
    end: bool = True,
    first: int = 0,
) -> None:
    """The conversation stored as a channel would publish it; ended unless ``end=False``.
    ``first``: the number of its first message (more of a conversation stored before)."""
    if persona is not None and user is not None:
        spec = SessionCreate(session_id=session_id, user_id=user, persona=persona)
        store.sessions.create_session(account, session_id, spec, start)
    offset = int((start - T0).total_seconds() * 1_000_000)
    for i, (role, content) in enumerate(turns):
        event = MessageEvent(
            account_id=account,
            session_id=session_id,
            message_id=f"{session_id}-m{first + i}",
            role=role,
            content=content,
            seq=SEQ0 + offset + first + i,
            accepted_at=start + timedelta(seconds=i),
            user_id=user,
        )
        store.sessions.append_message(event, delivery_id=f"d-{session_id}-{first + i}")
    if end:
        store.sessions.end_session(account, session_id, "closed", start + timedelta(minutes=5))


def past_conversation(
    session: str, day: int, language: str, summary: str, open_items: Sequence[str] = ()
) -> ConversationSummary:
    """A conversation as the user memory keeps it: ended ``day`` days after ``T0``."""
    return ConversationSummary(
        session_id=session,
        summary=summary,
        open_items=list(open_items),
        language=language,
        started_at=T0 + timedelta(days=day),
        last_activity=T0 + timedelta(days=day, minutes=9),
        message_count=4,
        ended=True,
        engine="offline",
    )
