"""The ``memq`` command line."""

from __future__ import annotations

from typing import Annotated

import typer

from domain.ports.search import REINDEX_BATCH
from memq import cli_errors, cli_help, dlq_cli, transfer_cli
from runtime.settings import Settings
from schemas.routing import QueueKind

HELP = """memq: session memory for LLM chat applications.

Start here: `memq serve` runs everything in one process with no servers (its
dev API key is printed and kept in MEMQ_DATA_DIR), and `memq demo` plays a
short conversation through memq and shows what it remembers.

Every setting is a MEMQ_* environment variable (`memq settings` lists them).
The commands that talk to a gateway (export, import) use MEMQ_URL (default
http://MEMQ_HOST:MEMQ_PORT) and MEMQ_API_KEY (default: that dev key).
"""

app = typer.Typer(no_args_is_help=True, help=HELP, add_completion=False)


def _settings(**overrides: object) -> Settings:
    values = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**values)  # type: ignore[arg-type]


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address [MEMQ_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="port [MEMQ_PORT]")] = None,
) -> None:
    """Gateway, workers and scheduler in one process (no servers needed by default)."""
    from memq.serve import run_serve

    run_serve(_settings(host=host, port=port))


@app.command()
def demo() -> None:
    """Play a short support conversation in English, Persian and Thai through memq and
    print what it remembers and the context an LLM would get (no servers needed)."""
    from rich.console import Console

    from memq import demo as demo_run
    from memq.demo_render import progress, render

    console = Console()
    try:
        with progress(console) as on_message:
            results = demo_run.run(on_message)
    except demo_run.DemoError as exc:
        cli_errors.fail(f"the demo could not run: {exc}")
    render(console, results)


@app.command()
def gateway(
    host: Annotated[str | None, typer.Option(help="bind address [MEMQ_HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="port [MEMQ_PORT]")] = None,
) -> None:
    """The HTTP gateway alone, over RabbitMQ (MEMQ_AMQP_URL)."""
    from memq.serve import run_gateway

    run_gateway(_settings(host=host, port=port))


@app.command()
def worker(
    queues: Annotated[
        str | None,
        typer.Option(
            "--queues",
            "-q",
            help="comma-separated: ingest,memory,context,maintenance (default all)",
        ),
    ] = None,
    processes: Annotated[int | None, typer.Option(min=1, help="[MEMQ_WORKER_PROCESSES]")] = None,
    threads: Annotated[int | None, typer.Option(min=1, help="[MEMQ_WORKER_THREADS]")] = None,
) -> None:
    """Dramatiq workers over RabbitMQ (MEMQ_AMQP_URL), one pool per queue if you like."""
    from memq.worker import run_workers

    settings = _settings()
    run_workers(
        settings,
        _parse_queues(queues),
        processes or settings.worker_processes,
        threads or settings.worker_threads,
    )


@app.command("settings")
def settings_table() -> None:
    """Print every setting (environment variable, default, meaning) as a Markdown table."""
    from memq.settings_doc import markdown_table

    typer.echo(markdown_table())


@app.command()
def reindex(
    batch: Annotated[
        int, typer.Option(min=1, max=100_000, help="messages per write")
    ] = REINDEX_BATCH,
) -> None:
    """Recompute the search terms of every stored message after an upgrade changed them.

    Uses MEMQ_MONGODB_URL, else the SQLite file in MEMQ_DATA_DIR. Workers may keep
    running. Safe to interrupt (the next run resumes) and to run again."""
    from domain.search.tokenize import INDEX_VERSION
    from memq.stores import open_store
    from runtime import log_setup as logs
    from schemas.errors import StoreUnavailable

    settings = _settings()
    logs.configure(settings.log_level, settings.log_format)  # SQLite reindexes as it opens
    try:
        store = open_store(settings)
        try:
            recorded = store.search.search_index_version()
            # SQLite has already brought itself up to date while opening; this pass
            # then only checks (and rewrites nothing).
            typer.echo(
                f"search index version {recorded} (this memq: {INDEX_VERSION}); "
                "checking every message",
                err=True,
            )
            done = store.search.reindex_search(batch=batch, progress=_echo_reindex_progress)
        finally:
            store.close()
    except StoreUnavailable as exc:
        typer.echo(f"memq: store unavailable: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{done} messages reindexed; search index version {INDEX_VERSION}", err=True)


def _echo_reindex_progress(done: int, total: int) -> None:
    typer.echo(f"reindexed {done}/{total} messages", err=True)


@app.command()
def mcp(
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            envvar="MEMQ_API_KEY",
            show_envvar=False,
            help="whose memory the agent uses: the account is the key's "
            "[MEMQ_API_KEY; embedded: the dev key]",
        ),
    ] = None,
) -> None:
    """memq's tools for an agent (MCP over stdio): get_context, search_messages, get_memory,
    add_message, search_user_memory.

    Embedded like `memq serve` (no servers; MEMQ_DATA_DIR), or over RabbitMQ when
    MEMQ_AMQP_URL is set. Stdout carries only the protocol; logs go to stderr.
    See docs/mcp.md for Claude Desktop's configuration."""
    from memq.mcp_stdio import run_mcp

    run_mcp(_settings(), api_key)


@app.command()
def scheduler() -> None:
    """Send the periodic maintenance ticks (expiry, analytics flush, retention) over RabbitMQ."""
    from memq.scheduler import run_scheduler

    run_scheduler(_settings())


# Registered last, so `memq --help` lists serve and demo first.
app.command("export")(transfer_cli.export_command)
app.command("import")(transfer_cli.import_command)
app.command("export-user")(transfer_cli.export_user_command)
app.command("import-user")(transfer_cli.import_user_command)
app.add_typer(dlq_cli.app, name="dlq")


def _parse_queues(spec: str | None) -> list[QueueKind]:
    if not spec:
        return list(QueueKind)
    names = [name.strip() for name in spec.replace(" ", ",").split(",") if name.strip()]
    known = {kind.value for kind in QueueKind}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise typer.BadParameter(
            f"unknown queue(s) {', '.join(unknown)}; choose from {', '.join(sorted(known))}",
            param_hint="--queues",
        )
    return [QueueKind(name) for name in names]


def main() -> None:
    cli_help.install()
    cli_errors.run(app)


if __name__ == "__main__":
    main()
