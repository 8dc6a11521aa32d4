"""``memq dlq``: list, replay and drop dead-lettered messages (see ``memq.dlq``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from memq.cli_errors import fail
from runtime.settings import Settings
from schemas.routing import QueueKind

app = typer.Typer(
    no_args_is_help=True,
    help="Dead letters: messages that failed for good, kept 7 days in <queue>.XQ "
    "(needs MEMQ_AMQP_URL; MEMQ_QUEUE_PREFIX picks the deployment).",
)

QueueOption = Annotated[
    QueueKind | None,
    typer.Option("--queue", "-q", help="one queue (default: all of them)"),
]
IdOption = Annotated[
    list[str] | None,
    typer.Option("--id", help="a message id from `memq dlq list` (repeatable)"),
]
AllOption = Annotated[bool, typer.Option("--all", help="every dead letter of the queue(s)")]


def _dead_letters() -> object:
    from memq.dlq import DeadLetters
    from runtime.queue_layout import QueueLayout

    settings = Settings()
    if settings.amqp_url is None:
        fail(
            "set MEMQ_AMQP_URL to the RabbitMQ of the deployment "
            "(the embedded `memq serve` broker keeps no dead letters between runs)"
        )
    return DeadLetters(str(settings.amqp_url), QueueLayout.from_settings(settings))


@contextmanager
def _no_queues_is_a_usage_error() -> Iterator[None]:
    from memq.dlq import NoDeadLetterQueues

    try:
        yield
    except NoDeadLetterQueues as exc:
        fail(str(exc))


def _kinds(queue: QueueKind | None) -> list[QueueKind] | None:
    return None if queue is None else [queue]


def _selection(ids: list[str] | None, every: bool) -> set[str] | None:
    if every and ids:
        raise typer.BadParameter("give --id or --all, not both")
    if not every and not ids:
        raise typer.BadParameter("say which: --id MESSAGE_ID (repeatable) or --all")
    return None if every else set(ids or [])


@app.command("list")
def list_(
    queue: QueueOption = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="at most this many")] = 20,
    show_body: Annotated[
        bool, typer.Option("--show-body", help="also print bodies: MESSAGE CONTENT")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per line")] = False,
) -> None:
    """Show dead letters without consuming them: id, actor, age, reason, a content-free summary."""
    from memq.dlq import DeadLetters
    from memq.dlq_render import render

    dlq = _dead_letters()
    assert isinstance(dlq, DeadLetters)
    with _no_queues_is_a_usage_error():
        letters = dlq.list(_kinds(queue), limit=limit)
    for letter in letters:
        if as_json:
            typer.echo(json.dumps(letter.as_dict(show_body=show_body), ensure_ascii=False))
        else:
            typer.echo(render(letter, show_body=show_body))
    if not as_json:
        typer.echo(f"{len(letters)} dead letter(s) shown", err=True)


@app.command()
def replay(queue: QueueOption = None, ids: IdOption = None, every: AllOption = False) -> None:
    """Re-publish dead letters to their queue (confirmed by RabbitMQ, then removed from XQ)."""
    from memq.dlq import DeadLetters

    selected = _selection(ids, every)
    dlq = _dead_letters()
    assert isinstance(dlq, DeadLetters)
    with _no_queues_is_a_usage_error():
        outcome = dlq.replay(_kinds(queue), selected)
    for letter_id in outcome.replayed:
        typer.echo(f"replayed {letter_id}")
    for letter_id, why in outcome.skipped.items():
        typer.echo(f"skipped {letter_id}: {why}", err=True)
    missing = sorted((selected or set()) - set(outcome.replayed) - set(outcome.skipped))
    for letter_id in missing:
        typer.echo(f"not found: {letter_id}", err=True)
    typer.echo(f"{len(outcome.replayed)} replayed", err=True)
    if missing or (selected is not None and outcome.skipped):
        raise typer.Exit(1)


@app.command()
def drop(queue: QueueOption = None, ids: IdOption = None, every: AllOption = False) -> None:
    """Delete dead letters for good (e.g. undecodable ones that no replay can fix)."""
    from memq.dlq import DeadLetters

    selected = _selection(ids, every)
    dlq = _dead_letters()
    assert isinstance(dlq, DeadLetters)
    with _no_queues_is_a_usage_error():
        outcome = dlq.drop(_kinds(queue), selected)
    for letter_id in outcome.dropped:
        typer.echo(f"dropped {letter_id}")
    missing = sorted((selected or set()) - set(outcome.dropped))
    for letter_id in missing:
        typer.echo(f"not found: {letter_id}", err=True)
    typer.echo(f"{len(outcome.dropped)} dropped", err=True)
    if missing:
        raise typer.Exit(1)
