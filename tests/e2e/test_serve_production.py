"""`memq serve` with both URLs set: everything in one process over the real servers."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bench.support.mongo import mongodb_url
from bench.support.processes import MemqProcess, free_port, wait_for, wait_until_ready

pytestmark = pytest.mark.e2e


def test_serve_over_rabbitmq_and_mongodb(amqp_url: str, queue_prefix: str, tmp_path: Path) -> None:
    port = free_port()
    with mongodb_url() as mongo:
        env = {
            "MEMQ_AMQP_URL": amqp_url,
            "MEMQ_MONGODB_URL": mongo,
            "MEMQ_MONGODB_DATABASE": f"serve_{queue_prefix.replace('-', '_')}",
            "MEMQ_QUEUE_PREFIX": queue_prefix,
            "MEMQ_API_KEYS": "serve-key:acct",
            "MEMQ_DATA_DIR": str(tmp_path / "data"),
            "MEMQ_WORKER_METRICS_PORT": "0",
        }
        serve = MemqProcess(["serve", "--port", str(port)], env, tmp_path / "serve.log").start()
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_until_ready(base_url, serve)
            headers = {"Authorization": "Bearer serve-key"}
            response = httpx.post(
                f"{base_url}/v1/sessions/one-proc/messages",
                json={"message_id": "p1", "role": "user", "content": "over the real servers"},
                headers=headers,
            )
            assert response.status_code == 202

            def stored() -> list[dict[str, object]]:
                page = httpx.get(f"{base_url}/v1/sessions/one-proc/messages", headers=headers)
                return [] if page.status_code == 404 else list(page.json()["messages"])

            wait_for(lambda: len(stored()) == 1)
            assert stored()[0]["content"] == "over the real servers"
            # and nothing touched SQLite: the store is MongoDB
            assert not (tmp_path / "data" / "memq.sqlite3").exists()
        finally:
            serve.stop()
