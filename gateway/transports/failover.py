"""aio-pika's robust connection over a cluster's node list: client-side failover.

``aio_pika.connect_robust`` reconnects to the one URL it was given, so a
gateway whose RabbitMQ node died would wait for that node. This connection
takes the node list (MEMQ_AMQP_URL, then MEMQ_AMQP_NODES) and points every
connection attempt at the next node in turn: the first attempt goes to the
first node, a reconnection after a node's death to the next one, and so on
round the list until one answers. Channels, the reply queue and its consumer
are restored by aio-pika on whichever node it reaches.

The hook: aio-pika starts every connection attempt by setting ``transport``
to None (``RobustConnection.__connect_transport``, aio-pika 10), then
connects to ``self.url``.
"""

from __future__ import annotations

from typing import Any

from aio_pika.robust_connection import RobustConnection
from yarl import URL


class FailoverConnection(RobustConnection):
    nodes: tuple[URL, ...] = ()

    @classmethod
    def over(cls, urls: list[str]) -> type[FailoverConnection]:
        """A connection class for ``connect_robust(connection_class=...)`` over ``urls``."""
        return type("FailoverConnection", (cls,), {"nodes": tuple(URL(url) for url in urls)})

    @property
    def transport(self) -> Any:
        return self.__dict__.get("_transport")

    @transport.setter
    def transport(self, value: Any) -> None:
        if value is None and self.nodes and "_attempts" in self.__dict__:
            # A new connection attempt (or close(), after which none follows).
            self.url = self.nodes[self._attempts % len(self.nodes)]
            self._attempts += 1
        self.__dict__["_transport"] = value

    def __init__(self, url: URL, **kwargs: Any) -> None:
        super().__init__(url, **kwargs)
        self._attempts = 0
