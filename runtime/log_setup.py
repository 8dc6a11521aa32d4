"""Logging set-up for every memq process: one line per record, named loggers."""

import logging

from runtime import log_context


def configure(level: str, fmt: str = "text") -> None:
    """``fmt``: "text" or "json" (MEMQ_LOG_FORMAT); see ``runtime.log_context``."""
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s",
    )
    log_context.install(fmt)
    # pika logs every connection step at INFO; the HTTP and AMQP clients log
    # request bodies and frames (message content) at DEBUG.
    for noisy in (
        "pika",
        "aiormq",
        "aio_pika",
        "anthropic",
        "httpx",
        "httpcore",
        "httpx2",
        "httpcore2",
        # the MCP SDK logs each streamable HTTP request at INFO
        "mcp",
    ):
        logging.getLogger(noisy).setLevel(logging.WARNING)
