"""Logging set-up for every memq process: one line per record, named loggers."""

import logging


def configure(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s",
    )
    # pika logs every connection step at INFO; the HTTP clients log request
    # bodies (message content) at DEBUG.
    for noisy in ("pika", "anthropic", "httpx", "httpcore", "httpx2", "httpcore2"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
