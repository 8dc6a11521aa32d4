"""``memq mcp``: memq's MCP tools over stdio, for an agent that spawns it.

Embedded by default, like ``memq serve``: workers and scheduler in this
process on the SQLite file in MEMQ_DATA_DIR. With MEMQ_AMQP_URL set it is a
gateway alone, like ``memq gateway``: tool calls go over RabbitMQ to the
running ``memq worker`` processes.

The caller is the API key (``--api-key``, else MEMQ_API_KEY, else in embedded
mode the dev key ``memq serve`` keeps): the account is the key's, checked once
at start. Stdout carries the protocol and nothing else: logs go to stderr.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import anyio
from mcp.server.stdio import stdio_server

from gateway.auth import ApiKeys
from gateway.ingest_batcher import IngestBatcher
from gateway.mcp.backend import Backend
from gateway.mcp.server import build_server
from gateway.recent_ids import RecentIds
from gateway.sequencer import Sequencer
from gateway.transport import Transport
from memq.cli_errors import fail
from memq.keys import load_api_keys, read_dev_key
from memq.serve import amqp_transport, embedded_runtime
from runtime import log_setup as logs
from runtime.settings import Settings
from schemas.errors import Unauthorized

logger = logging.getLogger("memq.mcp")


def run_mcp(settings: Settings, api_key: str | None) -> None:
    logs.configure(settings.log_level, settings.log_format)
    account_id = _account(settings, api_key)
    with _transport(settings) as transport:
        logger.info("memq mcp: serving account %s over stdio", account_id)
        anyio.run(_serve, settings, transport, account_id)


def _account(settings: Settings, api_key: str | None) -> str:
    """The key's account, or exit with what to do (before anything starts)."""
    keys: ApiKeys = load_api_keys(settings, allow_dev_key=settings.embedded_broker, announce=False)
    key = api_key
    if key is None and settings.api_key is not None:
        key = settings.api_key.get_secret_value()
    if key is None and settings.embedded_broker and settings.api_keys is None:
        key = read_dev_key(settings)
    try:
        return keys.account_for(f"Bearer {key}" if key else None)
    except Unauthorized as exc:
        fail(f"{exc.detail} (memq mcp takes it from --api-key or MEMQ_API_KEY)")


@contextmanager
def _transport(settings: Settings) -> Iterator[Transport]:
    if settings.embedded_broker:
        with embedded_runtime(settings) as runtime:
            yield runtime.transport
    else:
        yield amqp_transport(settings)


async def _serve(settings: Settings, transport: Transport, account_id: str) -> None:
    await transport.start()
    batcher = IngestBatcher(transport, max_queue_seconds=settings.publish_timeout)
    backend = Backend(transport, settings, batcher, Sequencer(), RecentIds())
    server = build_server(backend, lambda _ctx: account_id)
    try:
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())
    finally:
        await batcher.close()
        await transport.close()
