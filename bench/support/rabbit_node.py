"""A RabbitMQ node of our own, to stop and kill: never the machine's shared broker.

The chaos tests and ``bench.chaos`` stop RabbitMQ, and kill it -9, under load.
They do it to a node started here: its own node name, AMQP and distribution
ports, data, logs, config and Erlang cookie (``HOME``) in a temporary
directory, no plugins (so no management listener). It registers with the
machine's epmd like any second node. Only the beam process this class
started is ever signalled (its pid from ``RABBITMQ_PID_FILE``).

Start-up takes about 3-4 s here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pika
from pika.exceptions import AMQPError

from bench.support.processes import free_port

#: The Debian package's real script; /usr/sbin/rabbitmq-server would `su rabbitmq`.
SERVER_SCRIPTS = ("/usr/lib/rabbitmq/bin/rabbitmq-server", "rabbitmq-server")


def _server_script() -> str:
    for candidate in SERVER_SCRIPTS:
        found = shutil.which(candidate)
        if found:
            return found
    raise RuntimeError("rabbitmq-server is not installed: the chaos tests need their own node")


#: The Debian package's real CLI; /usr/sbin/rabbitmqctl would `su rabbitmq` (another cookie).
CTL_SCRIPTS = ("/usr/lib/rabbitmq/bin/rabbitmqctl", "rabbitmqctl")


class RabbitNode:
    def __init__(
        self, directory: Path | None = None, *, name: str | None = None, cookie: str | None = None
    ) -> None:
        """``cookie``: the Erlang cookie, shared by the nodes of a cluster (else generated)."""
        self._owns_directory = directory is None
        self.directory = Path(directory or tempfile.mkdtemp(prefix="memq-rabbit-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self.name = name or f"memqchaos{uuid.uuid4().hex[:8]}@localhost"
        self._cookie = cookie
        self.port = free_port()
        self.dist_port = free_port()
        self.url = f"amqp://guest:guest@127.0.0.1:{self.port}/"
        self._process: subprocess.Popen[bytes] | None = None
        self._beam_pid: int | None = None

    def _env(self) -> dict[str, str]:
        base = self.directory
        (base / "rabbitmq.conf").write_text(f"listeners.tcp.1 = 127.0.0.1:{self.port}\n")
        (base / "enabled_plugins").write_text("[].\n")
        (base / "rabbitmq-env.conf").write_text("")  # not /etc/rabbitmq's NODENAME
        cookie = base / ".erlang.cookie"
        if self._cookie is not None and not cookie.exists():
            cookie.write_text(self._cookie)
            cookie.chmod(0o400)
        return {
            **os.environ,
            "HOME": str(base),  # its own Erlang cookie
            "RABBITMQ_NODENAME": self.name,
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(self.dist_port),
            "RABBITMQ_MNESIA_BASE": str(base / "mnesia"),
            "RABBITMQ_LOG_BASE": str(base / "log"),
            "RABBITMQ_CONFIG_FILE": str(base / "rabbitmq.conf"),
            "RABBITMQ_CONF_ENV_FILE": str(base / "rabbitmq-env.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(base / "enabled_plugins"),
            "RABBITMQ_PID_FILE": str(base / "pid"),
            "ERL_EPMD_ADDRESS": "127.0.0.1",
        }

    def start(self, timeout: float = 60) -> RabbitNode:
        """Start (or restart, keeping its data) and return once AMQP answers."""
        (self.directory / "pid").unlink(missing_ok=True)
        log = (self.directory / "server.out").open("ab")
        self._process = subprocess.Popen(
            [_server_script()],
            env=self._env(),
            cwd=self.directory,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while not self.answers():
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"RabbitMQ node {self.name} did not start:\n{self.log()}")
            time.sleep(0.2)
        self._beam_pid = int((self.directory / "pid").read_text().strip())
        return self

    def ctl(self, *args: str, timeout: float = 120) -> str:
        """``rabbitmqctl -n <this node> ARGS`` with this node's cookie; its output."""
        script = next((found for c in CTL_SCRIPTS if (found := shutil.which(c))), "rabbitmqctl")
        done = subprocess.run(
            [script, "-n", self.name, *args],
            env=self._env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            raise RuntimeError(f"rabbitmqctl {' '.join(args)} on {self.name}: {done.stderr}")
        return done.stdout

    @property
    def beam_pid(self) -> int | None:
        return self._beam_pid

    @property
    def process_group(self) -> int | None:
        """The node's own process group (its scripts and beam), while it runs."""
        return self._process.pid if self._process is not None else None

    def answers(self) -> bool:
        try:
            pika.BlockingConnection(pika.URLParameters(self.url)).close()
        except AMQPError:
            return False
        return True

    def stop(self) -> None:
        """Graceful: SIGTERM to its beam process, as an init system stops it."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """kill -9 of its beam process: no goodbye to any client."""
        self._signal(signal.SIGKILL)

    def _signal(self, signum: int) -> None:
        pid, self._beam_pid = self._beam_pid, None
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):  # it died by itself
                os.kill(pid, signum)
        if self._process is not None:
            try:
                self._process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)  # its own session: ours alone
                self._process.wait(10)
            self._process = None

    def log(self) -> str:
        path = self.directory / "server.out"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def close(self) -> None:
        self.kill()
        if self._owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)
