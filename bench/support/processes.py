"""Start memq's real commands as subprocesses, for end-to-end tests and benchmarks."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx


def free_port() -> int:
    """A port a server started right after can listen on.

    Picked below the kernel's ephemeral range: a port from bind(0) comes from
    that range, and any outgoing connection (a worker's to RabbitMQ, say) may
    take it as its local port before the server binds it ("address already in
    use"). Only other listeners can collide down here, and the bind test skips
    those.
    """
    low = _ephemeral_low()
    for _ in range(100):
        port = _random.randrange(max(1024, low - 12_000), low)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as sock:  # a crowded range: fall back to the kernel's pick
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


_random = random.SystemRandom()


class MemqProcess:
    """One ``memq`` subprocess with its own log file (read it when a test fails)."""

    def __init__(self, args: list[str], env: Mapping[str, str], log_path: Path) -> None:
        self.args = args
        self.env = {**os.environ, **env}
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> MemqProcess:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "memq.cli", *self.args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so a kill takes its children
        )
        log.close()
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the whole process group: no graceful shutdown, no acks."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self, timeout: float = 30) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()


def wait_until_ready(base_url: str, process: MemqProcess, timeout: float = 60) -> None:
    """Poll /readyz until the broker and the store answer through a worker."""
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if process.proc is not None and process.proc.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited early:\n{process.log()[-3000:]}")
        try:
            response = httpx.get(f"{base_url}/readyz", timeout=3)
            if response.status_code == 200:
                return
            last = response.text
        except httpx.HTTPError as exc:
            last = repr(exc)
        time.sleep(0.2)
    raise RuntimeError(f"not ready after {timeout}s ({last}):\n{process.log()[-3000:]}")


def wait_for(predicate: object, timeout: float = 30, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


class Processes:
    """Everything the bench starts, so one ``stop_all`` ends it."""

    def __init__(self) -> None:
        self.memq: list[MemqProcess] = []
        self.popens: list[subprocess.Popen[bytes]] = []

    def start_memq(self, args: list[str], env: dict[str, str], log_path: Path) -> MemqProcess:
        process = MemqProcess(args, env, log_path).start()
        self.memq.append(process)
        return process

    def start_module(self, args: list[str], log_path: Path) -> subprocess.Popen[bytes]:
        with log_path.open("ab") as out:
            popen = subprocess.Popen(
                [sys.executable, "-m", *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.popens.append(popen)
        return popen

    @staticmethod
    def stop_popen(popen: subprocess.Popen[bytes], timeout: float = 20) -> None:
        if popen.poll() is not None:
            return
        os.killpg(popen.pid, signal.SIGTERM)
        try:
            popen.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(popen.pid, signal.SIGKILL)
            popen.wait(10)

    def stop_all(self) -> None:
        for popen in self.popens:
            self.stop_popen(popen)
        for process in reversed(self.memq):
            process.stop()


def log_tail(path: Path, chars: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"
