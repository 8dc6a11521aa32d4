"""`memq serve` on its embedded default: no RabbitMQ, no MongoDB, one process."""

from __future__ import annotations

import concurrent.futures
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.support.processes import MemqProcess, free_port, wait_for, wait_until_ready

pytestmark = pytest.mark.e2e


class Embedded:
    def __init__(self, tmp_path: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {"MEMQ_DATA_DIR": str(tmp_path / "data")}
        self.tmp_path = tmp_path
        self.runs = 0
        self.process: MemqProcess | None = None

    def start(self) -> str:
        self.runs += 1
        log = self.tmp_path / f"serve-{self.runs}.log"
        self.process = MemqProcess(["serve", "--port", str(self.port)], self.env, log).start()
        wait_until_ready(self.base_url, self.process)
        if "MEMQ_API_KEYS" in self.env:
            return self.env["MEMQ_API_KEYS"].split(":")[0]
        match = re.search(r"Authorization: Bearer (\S+)", self.process.log())
        assert match, self.process.log()
        return match.group(1)


@pytest.fixture
def embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Embedded]:
    for name in ("MEMQ_AMQP_URL", "MEMQ_MONGODB_URL", "MEMQ_API_KEYS"):
        monkeypatch.delenv(name, raising=False)
    server = Embedded(tmp_path)
    yield server
    if server.process is not None:
        server.process.stop()


def count(base_url: str, key: str, session_id: str) -> int:
    response = httpx.get(
        f"{base_url}/v1/sessions/{session_id}/messages",
        params={"limit": 500},
        headers={"Authorization": f"Bearer {key}"},
    )
    return 0 if response.status_code == 404 else len(response.json()["messages"])


def test_serve_runs_everything_in_one_process(embedded: Embedded) -> None:
    key = embedded.start()
    headers = {"Authorization": f"Bearer {key}"}
    response = httpx.post(
        f"{embedded.base_url}/v1/sessions/web-1/messages",
        json={"role": "user", "content": "سلام، گارانتی چند ساله است؟"},
        headers=headers,
    )
    assert response.status_code == 202
    wait_for(lambda: count(embedded.base_url, key, "web-1") == 1)
    session = httpx.get(f"{embedded.base_url}/v1/sessions/web-1", headers=headers).json()
    assert session["title"] == "سلام، گارانتی چند ساله است؟"
    assert (Path(embedded.env["MEMQ_DATA_DIR"]) / "memq.sqlite3").exists()


def test_accepted_messages_survive_a_crash_of_the_embedded_server(embedded: Embedded) -> None:
    key = embedded.start()
    headers = {"Authorization": f"Bearer {key}"}

    def publish(i: int) -> int:
        return httpx.post(
            f"{embedded.base_url}/v1/sessions/crash/messages",
            headers=headers,
            json={"message_id": f"c{i}", "role": "user", "content": f"m{i}"},
        ).status_code

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(publish, range(200)))
    assert statuses == [202] * 200
    assert embedded.process is not None
    embedded.process.kill()  # SIGKILL: whatever was queued in memory is gone with it
    # No MEMQ_API_KEYS: the restarted server keeps the dev key of the first start.
    assert embedded.start() == key
    wait_for(lambda: count(embedded.base_url, key, "crash") == 200, timeout=60)
    session = httpx.get(f"{embedded.base_url}/v1/sessions/crash", headers=headers).json()
    assert session["message_count"] == 200
