"""The README's promises that code can check."""

from __future__ import annotations

from pathlib import Path

from memq.settings_doc import with_table

ROOT = Path(__file__).resolve().parents[2]


def test_the_settings_table_matches_the_code() -> None:
    readme = (ROOT / "README.md").read_text()
    assert readme == with_table(readme), (
        "README settings table is stale: run `python -m memq.settings_doc README.md`"
    )


def test_the_readme_opens_with_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make serve", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()
