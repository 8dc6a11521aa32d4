"""What the figures were measured on: the machine and the versions of what ran."""

from __future__ import annotations

import platform
import sqlite3
import subprocess
from contextlib import suppress
from pathlib import Path

import aio_pika
import dramatiq
import httpx

from bench.support.rabbit import rabbitmq_version


def machine_info(amqp_url: str) -> list[str]:
    model = "?"
    with suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return [
        f"nproc {nproc} ({model}), Linux {platform.release()}",
        f"Python {platform.python_version()}, dramatiq {dramatiq.__version__}, "
        f"aio-pika {aio_pika.__version__}, httpx {httpx.__version__}, "
        f"SQLite {sqlite3.sqlite_version}, RabbitMQ {rabbitmq_version(amqp_url)}",
    ]
