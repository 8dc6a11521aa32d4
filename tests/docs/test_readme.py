"""The README's promises that code can check."""

from __future__ import annotations

import re
from pathlib import Path

from memq import api_doc
from memq.settings_doc import with_table

ROOT = Path(__file__).resolve().parents[2]


def test_the_settings_table_matches_the_code() -> None:
    readme = (ROOT / "README.md").read_text()
    assert readme == with_table(readme), (
        "README settings table is stale: run `python -m memq.settings_doc README.md`"
    )


def test_the_readme_opens_with_memq_the_demo_and_the_tests() -> None:
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    lines = [line.split("#", 1) for line in first_block.strip().splitlines()]
    commands = [command.strip() for command, _ in lines]
    # memq on its embedded default first, the demo one line below, then the tests
    assert commands == ["make serve", "make demo", "make test", "make test-fast"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in ("serve", "demo", "test", "test-fast"):
        assert f"\n{target}: " in makefile, f"no `{target}` target in the Makefile"
    # Both test commands say how long they take
    comments = dict(zip(commands, (comment for _, comment in lines), strict=True))
    assert "minutes" in comments["make test"] and "minutes" in comments["make test-fast"]


def test_the_api_table_matches_the_openapi_document() -> None:
    readme = (ROOT / "README.md").read_text()
    assert api_doc.START in readme and api_doc.END in readme
    assert readme == api_doc.with_table(readme), (
        "README API table is stale: run `python -m memq.api_doc README.md`"
    )


def test_the_newcomer_reads_the_sections_in_order_and_every_link_resolves() -> None:
    readme = (ROOT / "README.md").read_text()
    headings = [line[3:] for line in readme.splitlines() if line.startswith("## ")]
    assert headings[:5] == [
        "The demo",
        "A first conversation",
        "The session lifecycle",
        "The command line",
        "The API",
    ]
    assert {"How it is built", "Settings", "Benchmarks"} <= set(headings)
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if "://" not in target:
            assert (ROOT / target).exists(), f"README links to a missing {target}"


def test_the_lifecycle_rules_and_cli_settings_are_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    lifecycle = readme.split("## The session lifecycle", 1)[1].split("\n## ", 1)[0]
    assert "A message to an ended session reopens it" in lifecycle
    assert "A message to a deleted session is accepted and dropped" in lifecycle
    cli = readme.split("## The command line", 1)[1].split("\n## ", 1)[0]
    for setting in ("MEMQ_URL", "MEMQ_API_KEY", "MEMQ_HOST", "MEMQ_PORT", "MEMQ_DATA_DIR"):
        assert setting in cli
