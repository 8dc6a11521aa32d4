"""One embedded memq per data directory: ``memq serve`` and ``memq mcp`` each run
the workers, the scheduler and the journal's replay in their own process, so a
second one on the same directory would replay the first one's accepted messages
and run every scheduled job twice. The lock is the kernel's (``flock``): a
process that dies releases it, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = "embedded.lock"


class DataDirInUse(Exception):
    """Another process runs embedded on this data directory."""

    def __init__(self, data_dir: Path, holder: str) -> None:
        super().__init__(
            f"another embedded memq (pid {holder or '?'}) runs on MEMQ_DATA_DIR={data_dir}: "
            "one process per data directory. Give an agent that memq serve's /mcp "
            "(docs/mcp.md), or use another MEMQ_DATA_DIR"
        )


@contextmanager
def embedded_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data directory for this process; DataDirInUse when another holds it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DataDirInUse(data_dir, os.pread(fd, 32, 0).decode(errors="replace")) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
