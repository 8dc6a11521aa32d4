"""The queue layout a test's processes declare: the settings' (quorum unless MEMQ_QUEUE_TYPE)."""

from __future__ import annotations

from runtime.queue_layout import QueueLayout
from runtime.settings import Settings


def layout(prefix: str) -> QueueLayout:
    return QueueLayout.from_settings(Settings(queue_prefix=prefix))
