"""A PyMongo listener that records the name of every command a client sends: one per
round trip, so a test can hold a store operation to the round trips it documents."""

from __future__ import annotations

from pymongo import monitoring


class CommandNames(monitoring.CommandListener):
    def __init__(self) -> None:
        self.names: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.names.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass
