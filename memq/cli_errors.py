"""How the CLI says no: one line on stderr, what to do next, exit code 2.

Every misuse the CLI can foresee (a missing file, no API key, a gateway that
does not answer, a mistyped option) ends here instead of in a traceback or
click's multi-line usage box.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

try:  # typer 0.26+ vendors click as typer._click; its commands raise those exceptions
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - an older typer on the real click
    from click import exceptions as click  # type: ignore[no-redef]

USAGE = 2


def fail(message: str) -> NoReturn:
    """Stop the command: ``memq: <message>`` on stderr, exit code 2."""
    typer.echo(f"memq: {message}", err=True)
    raise typer.Exit(USAGE)


def run(app: typer.Typer) -> None:
    """Run ``app`` as the ``memq`` command, with click's usage errors on one line."""
    command = typer.main.get_command(app)
    try:
        result = command.main(prog_name="memq", standalone_mode=False)
    except click.NoArgsIsHelpError as exc:
        exc.show()  # `memq` or `memq dlq` alone: the help
        sys.exit(USAGE)
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "memq"
        typer.echo(f"memq: {exc.format_message()} (see `{where} --help`)", err=True)
        sys.exit(USAGE)
    except typer.Abort:
        typer.echo("memq: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        typer.echo(f"memq: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    # standalone_mode=False returns an Exit's code instead of exiting with it.
    sys.exit(result if isinstance(result, int) else 0)
