"""Three RabbitMQ nodes of our own, clustered: never the machine's shared broker.

Each node is a ``RabbitNode`` (own name, ports, data and logs in a temporary
directory); they share an Erlang cookie, and nodes 2..N join node 1 with
``rabbitmqctl join_cluster``. A node killed -9 and started again keeps its
data directory, so it rejoins the cluster by itself and its quorum-queue
replicas catch up from the leader.

Start-up takes about 15-25 s here (each node 3-4 s, each join a few more).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from pathlib import Path

from bench.support.rabbit_node import RabbitNode


class RabbitCluster:
    def __init__(self, directory: Path | None = None, size: int = 3) -> None:
        self._owns_directory = directory is None
        self.directory = Path(directory or tempfile.mkdtemp(prefix="memq-cluster-"))
        run = uuid.uuid4().hex[:6]
        cookie = uuid.uuid4().hex.upper()
        self.nodes = [
            RabbitNode(
                self.directory / f"node{i + 1}",
                name=f"memqcl{run}n{i + 1}@localhost",
                cookie=cookie,
            )
            for i in range(size)
        ]

    def start(self) -> RabbitCluster:
        errors: list[BaseException] = []

        def start(node: RabbitNode) -> None:
            try:
                node.start()
            except BaseException as exc:  # reported below, in the caller's thread
                errors.append(exc)

        threads = [threading.Thread(target=start, args=(node,)) for node in self.nodes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            self.close()
            raise errors[0]
        first = self.nodes[0]
        for node in self.nodes[1:]:
            node.ctl("stop_app")
            node.ctl("join_cluster", first.name)
            node.ctl("start_app")
        running = self.running_nodes()
        if len(running) != len(self.nodes):
            raise RuntimeError(f"only {running} of the cluster are running")
        return self

    def running_nodes(self, via: RabbitNode | None = None) -> list[str]:
        status = (via or self.nodes[0]).ctl("cluster_status", "--formatter", "json")
        import json

        return list(json.loads(status)["running_nodes"])

    def urls(self, first: int = 0) -> list[str]:
        """Every node's URL, starting with node ``first``: one process's failover order."""
        order = self.nodes[first:] + self.nodes[:first]
        return [node.url for node in order]

    def leader_of(self, queue: str) -> RabbitNode:
        """The node leading a quorum queue, asked of any live node."""
        for via in self.nodes:
            if via.beam_pid is None:
                continue
            out = via.ctl("list_queues", "name", "leader", "--quiet", "--no-table-headers")
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[0] == queue:
                    return next(node for node in self.nodes if node.name == parts[1])
            raise RuntimeError(f"{queue} is not a quorum queue of the cluster:\n{out}")
        raise RuntimeError("no node of the cluster is running")

    def close(self) -> None:
        for node in self.nodes:
            node.close()
        if self._owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)
