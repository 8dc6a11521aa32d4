"""memq-client is installed from its own wheel into a bare virtualenv, and works there.

The wheel is built from clients/python, installed with nothing but its own
dependencies (httpx and pydantic, from the package index), and drives a real
``memq serve``: publish, then the context in each format. Nothing of the
server (FastAPI, Dramatiq, PyMongo, the Anthropic SDK) comes with it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from schemas.contract import CONTRACT_VERSION
from tests.e2e.test_serve_embedded import Embedded

ROOT = Path(__file__).resolve().parents[2]

#: What pip may install for memq-client: itself, httpx and pydantic, and theirs.
ALLOWED = {
    "memq-client",
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "sniffio",
    "idna",
    "certifi",
    "pydantic",
    "pydantic-core",
    "annotated-types",
    "typing-extensions",
    "typing-inspection",
    "pip",
}

CHANNEL = """
import json, sys, time
import memq_client
from memq_client import MemqClient

base_url, key = sys.argv[1], sys.argv[2]
with MemqClient(base_url, api_key=key) as memq:
    memq.publish("wheel-s1", "user", "Is the Nanopresso under warranty?", message_id="w1")
    memq.publish("wheel-s1", "assistant", "Yes, for two years.", message_id="w2")
    for _ in range(100):
        if len(memq.messages("wheel-s1").messages) == 2:
            break
        time.sleep(0.1)
    formats = {
        f: memq.context("wheel-s1", format=f).model_dump(mode="json")
        for f in ("text", "anthropic", "openai")
    }
print(json.dumps({
    "version": memq_client.__version__,
    "file": memq_client.__file__,
    "server_modules": sorted(
        m for m in ("schemas", "fastapi", "dramatiq", "pymongo", "anthropic") if m in sys.modules
    ),
    "formats": formats,
}))
"""


def run(*args: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=300, cwd=cwd
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout


@pytest.fixture(scope="module")
def client_venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh virtualenv holding only the memq-client wheel and its dependencies."""
    tmp = tmp_path_factory.mktemp("client-wheel")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "-w",
        tmp / "dist",
        ROOT / "clients" / "python",
    )
    [wheel] = (tmp / "dist").glob("memq_client-*.whl")
    assert wheel.name == f"memq_client-{CONTRACT_VERSION}-py3-none-any.whl"
    run(sys.executable, "-m", "venv", tmp / "venv")
    python = tmp / "venv" / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", wheel)
    yield python


def test_the_wheel_installs_httpx_and_pydantic_only(client_venv: Path) -> None:
    installed = {
        p["name"].lower().replace("_", "-")
        for p in json.loads(run(client_venv, "-m", "pip", "list", "--format=json"))
    }
    assert "memq-client" in installed
    assert installed <= ALLOWED, installed - ALLOWED
    assert not {"fastapi", "dramatiq", "pymongo", "anthropic", "memq"} & installed


def test_a_channel_uses_the_installed_client_against_a_real_memq(
    client_venv: Path, tmp_path: Path
) -> None:
    server = Embedded(tmp_path)
    key = server.start()
    try:
        # The channel runs outside the repository: only the wheel can be imported.
        out = json.loads(run(client_venv, "-c", CHANNEL, server.base_url, key, cwd=tmp_path))
    finally:
        assert server.process is not None
        server.process.stop()
    assert out["version"] == CONTRACT_VERSION
    assert str(client_venv.parents[1]) in out["file"]
    assert out["server_modules"] == []
    formats = out["formats"]
    assert "Nanopresso" in formats["text"]["text"]
    assert [t["role"] for t in formats["anthropic"]["messages"]] == ["user", "assistant"]
    assert [t["role"] for t in formats["openai"]["messages"]][-2:] == ["user", "assistant"]
