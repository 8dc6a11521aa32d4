"""``memq demo``: three conversations through the real gateway and workers (issue 14)."""

from __future__ import annotations

from rich.console import Console

from memq.demo import Remembered
from memq.demo_render import progress, render
from memq.demo_script import CONVERSATIONS
from tests.cli.conftest import Cli


def test_the_demo_plays_three_languages_and_prints_what_memq_knows(cli: Cli) -> None:
    cli.env["TMPDIR"] = str(cli.cwd)
    result = cli("demo")  # piped: plain text
    assert result.returncode == 0, result.stderr + result.stdout
    out = result.stdout
    assert "\x1b[" not in out and "╭" not in out, "plain when piped"
    for language in ("English", "Persian", "Thai"):
        assert f"played {language}: 12 messages accepted" in out
        assert f"== {language}: session demo-" in out
    # What the offline engine remembered: the corrected order numbers, with the old ones
    assert "order id: ORD-48231 (earlier: ORD-48213)" in out
    assert "order id: ۷۳۰۹۵۲ (earlier: ۷۳۰۵۹۲)" in out
    assert "order id: TH2024118838 (earlier: TH2024118833)" in out
    assert "customer name: Sara Kim" in out
    # And the context an LLM would get, for each
    assert out.count("the context an LLM gets at a 300-token budget") == 3
    assert out.count("[KEY FACTS]") == 3 and "Customer phone: 07700 900123" in out
    assert not list(cli.cwd.glob("memq-demo-*")), "the demo leaves nothing behind"


def remembered() -> Remembered:
    tier = {
        "tier": "recent",
        "text": "User: my order is ORD-1",
        "first_position": 1,
        "last_position": 7,
        "token_estimate": 9,
        "engine": "offline",
    }
    fact = {"key": "order_id", "value": "ORD-2", "history": [{"value": "ORD-1"}]}
    return Remembered(
        CONVERSATIONS[0],
        memory={"tiers": [tier], "facts": [fact], "folded_messages": 7, "unfolded_messages": 5},
        context={"budget": 300, "estimated_tokens": 42, "text": "[KEY FACTS]\n• Order id: ORD-2"},
    )


def test_in_a_terminal_the_demo_draws_panels_and_a_progress_bar() -> None:
    console = Console(force_terminal=True, record=True, width=100)
    with progress(console) as on_message:
        for number in range(1, 13):
            on_message(CONVERSATIONS[0], number)
    render(console, [remembered()])
    screen = console.export_text()
    assert "12/12" in screen and "━" in screen  # the bar, filled
    assert "╭" in screen and "English: session demo-en, 12 messages" in screen
    assert "order id" in screen and "ORD-2" in screen and "ORD-1" in screen
    assert "the context an LLM gets at a 300-token budget (42 tokens used)" in screen
