"""Multi-tier memory end to end: ingest triggers the memory pool over RabbitMQ."""

from __future__ import annotations

import pytest

from bench.support.processes import wait_for
from tests.e2e.conftest import KEY_B, Stack

pytestmark = pytest.mark.e2e


def test_memory_is_folded_off_the_ingest_path(stack: Stack) -> None:
    # Given a conversation of 20 messages in which the user states facts
    turns = [
        ("user", "Hi, my name is Sara and I live in Tehran."),
        ("assistant", "Hello Sara! How can I help you today?"),
        ("user", "I want the Nanopresso coffee maker. What does it cost?"),
        ("assistant", "The Nanopresso costs $89.99 and comes with a 2 years warranty."),
        ("user", "My email is sara@example.com, please send the invoice there."),
    ] * 4
    with stack.client() as client:
        for i, (role, content) in enumerate(turns):
            body = {"message_id": f"f{i}", "role": role, "content": content}
            assert client.post("/v1/sessions/s-mem/messages", json=body).status_code == 202

    # When the memory pool has caught up: 15 messages have left the 5-message window
    def memory() -> dict[str, object]:
        with stack.client() as client:
            result: dict[str, object] = client.get("/v1/sessions/s-mem/memory").json()
            return result

    wait_for(lambda: memory().get("folded_messages") == 15, timeout=60, interval=0.3)
    view = memory()
    # Then the tiers cover messages 1-15 and the facts carry the stated values
    tiers = view["tiers"]
    assert isinstance(tiers, list) and tiers
    assert tiers[0]["first_position"] == 1 and tiers[-1]["last_position"] == 15
    assert all(t["engine"] == "offline" for t in tiers)
    assert view["unfolded_messages"] == 5
    # And it says the memory is up to date: nothing waits past the verbatim window
    assert (view["pending_unfolded"], view["pending_since"]) == (0, None)
    assert view["pending_age_seconds"] == 0
    facts = {f["key"]: f["value"] for f in view["facts"]}  # type: ignore[union-attr]
    assert facts.get("customer_email") == "sara@example.com"
    assert facts.get("customer_name") == "Sara"
    # And the details keep the sentences that state values, word for word
    details = view["details"]
    assert isinstance(details, list)
    stated = [d for d in details if "$89.99" in d["values"]]
    assert stated and "The Nanopresso costs $89.99" in stated[0]["text"]
    assert all(1 <= d["first_position"] <= d["last_position"] <= 15 for d in details)
    # And another account cannot see it
    with stack.client(KEY_B) as other:
        assert other.get("/v1/sessions/s-mem/memory").status_code == 404
