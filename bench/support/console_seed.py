"""Conversations for the console (its tests and screenshots), posted through the API as a
channel would: English with answers' metadata (confidence, sources, latency), Persian,
Thai, and a message that would run script if a page did not escape it."""

from __future__ import annotations

import httpx

from bench.support.processes import wait_for

#: A message that would run script, or make htmx fetch, if a page did not escape it.
XSS = (
    '<script>document.title="pwned"</script><img src=x onerror="alert(1)"> '
    'hx-get="/console/sign-out" <b hx-trigger="load" hx-get="/x">bold?</b>'
)
PERSIAN = "سلام، سفارش من با شماره ۴۸۲۱۳ هنوز نرسیده است. لطفاً پیگیری کنید."
THAI = "สวัสดีครับ ตู้เย็นที่สั่งไว้ยังไม่มาส่งเลย ช่วยตรวจสอบให้หน่อยได้ไหมครับ"


def answer(confidence: float, source: str, latency_ms: int) -> dict[str, object]:
    """What a channel's LLM pipeline says of an answer (seed 001's analytics read it)."""
    return {"confidence": confidence, "sources": [source], "latency_ms": latency_ms}


CONVERSATIONS: dict[str, dict[str, object]] = {
    "s-en": {
        "user_id": "u-ann",
        "channel": "web",
        "turns": [
            ("user", "Hi, my order ORD-48213 has not arrived yet."),
            (
                "assistant",
                "Sorry to hear that. Can you confirm the delivery address?",
                answer(0.92, "kb-delivery", 840),
            ),
            ("user", "Sure, it's 12 Baker Street, London."),
            (
                "assistant",
                "Thanks. The order ORD-48213 ships tomorrow to 12 Baker Street.",
                answer(0.88, "kb-shipping", 1210),
            ),
            ("user", "Great, and the total was 250 dollars, right?"),
            ("assistant", "Yes, the order total is 250 dollars.", answer(0.41, "kb-pricing", 1630)),
            ("user", "Please deliver after 5 pm."),
            ("assistant", "Noted: delivery after 5 pm.", answer(0.95, "kb-delivery", 700)),
            ("user", "My name is Ann Lee, by the way."),
            (
                "assistant",
                "Thank you, Ann. Anything else about order ORD-48213?",
                answer(0.3, "kb-smalltalk", 950),
            ),
        ],
    },
    "s-fa": {"user_id": "u-sara", "channel": "whatsapp", "turns": [("user", PERSIAN)]},
    "s-th": {
        "user_id": "u-somchai",
        "channel": "voice",
        "persona": "meher",
        "turns": [("user", THAI)],
    },
    "s-xss": {"user_id": "u-mallory", "channel": "web", "turns": [("user", XSS)]},
}


def post_conversations(
    client: httpx.Client, conversations: dict[str, dict[str, object]] = CONVERSATIONS
) -> None:
    """Post every turn, then wait until each session holds all of its messages."""
    for session_id, spec in conversations.items():
        turns = spec["turns"]
        assert isinstance(turns, list)
        for index, (role, content, *metadata) in enumerate(turns):
            body = {
                "message_id": f"{session_id}-{index}",
                "role": role,
                "content": content,
                "user_id": spec["user_id"],
                "channel": spec["channel"],
            }
            if metadata:
                body["metadata"] = metadata[0]
            if "persona" in spec:
                body["persona"] = spec["persona"]
            response = client.post(f"/v1/sessions/{session_id}/messages", json=body)
            assert response.status_code == 202, response.text
    for session_id, spec in conversations.items():
        expected = len(spec["turns"])  # type: ignore[arg-type]

        def stored(session_id: str = session_id, expected: int = expected) -> bool:
            response = client.get(f"/v1/sessions/{session_id}/messages")
            return response.status_code == 200 and len(response.json()["messages"]) == expected

        wait_for(stored, timeout=30, interval=0.2)


def wait_until_folded(client: httpx.Client, session_id: str) -> None:
    """Until the memory has folded every message beyond the verbatim window: from then on
    the context does not change with time (no pending age), so two reads are identical."""

    def folded() -> bool:
        reply = client.get(f"/v1/sessions/{session_id}/context", params={"format": "json"})
        return reply.status_code == 200 and reply.json()["freshness"]["pending_unfolded"] == 0

    wait_for(folded, timeout=60, interval=0.3)


def flush_analytics(client: httpx.Client) -> None:
    """What the periodic flush does, now: reading a session's analytics flushes it, and
    the account's per-day figures count flushed sessions."""
    for session in client.get("/v1/sessions", params={"limit": 100}).json()["sessions"]:
        response = client.get(f"/v1/analytics/sessions/{session['session_id']}")
        assert response.status_code == 200, response.text
