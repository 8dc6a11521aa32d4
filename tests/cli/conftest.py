"""The ``memq`` command as a user runs it, and an embedded ``memq serve`` for it to talk to."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.support.processes import MemqProcess, free_port, wait_until_ready

#: What a developer's shell may have set and the tests must not inherit.
MEMQ_VARIABLES = [name for name in os.environ if name.startswith("MEMQ_")]


@dataclass
class Cli:
    env: dict[str, str]
    cwd: Path

    def __call__(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "memq.cli", *args],
            env=self.env,
            cwd=self.cwd,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """``memq`` with a clean MEMQ_* environment and its data dir in ``tmp_path/data``."""
    env = {k: v for k, v in os.environ.items() if k not in MEMQ_VARIABLES}
    env["MEMQ_DATA_DIR"] = str(tmp_path / "data")
    env["MEMQ_PORT"] = str(free_port())  # nothing listens there until a test serves
    return Cli(env, tmp_path)


@pytest.fixture
def served(cli: Cli, tmp_path: Path) -> Iterator[Cli]:
    """``cli`` with ``memq serve`` running on its MEMQ_PORT and MEMQ_DATA_DIR, no keys set."""
    server = MemqProcess(["serve"], cli.env, tmp_path / "serve.log").start()
    try:
        wait_until_ready(f"http://127.0.0.1:{cli.env['MEMQ_PORT']}", server)
        yield cli
    finally:
        server.stop()
