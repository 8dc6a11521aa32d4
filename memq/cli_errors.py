"""How the CLI says no: one line on stderr, what to do next, exit code 2.

Every misuse the CLI can foresee (a missing file, no API key, a gateway that
does not answer, a mistyped option) ends here instead of in a traceback or
click's multi-line usage box.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from pydantic import ValidationError

from runtime.settings import Settings

try:  # typer 0.26+ vendors click as typer._click; its commands raise those exceptions
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - an older typer on the real click
    from click import exceptions as click  # type: ignore[no-redef]

USAGE = 2


def fail(message: str) -> NoReturn:
    """Stop the command: ``memq: <message>`` on stderr, exit code 2."""
    typer.echo(f"memq: {message}", err=True)
    raise typer.Exit(USAGE)


def invalid_setting(exc: ValidationError) -> str:
    """The first bad MEMQ_* variable, named as the user set it, and why."""
    from memq.settings_doc import env_name

    error = exc.errors()[0]
    name = str(error["loc"][0]) if error["loc"] else ""
    field = Settings.model_fields.get(name)
    variable = env_name(name, field) if field is not None else name.upper()
    value = error.get("input")
    given = f"={value!r}" if isinstance(value, str | int | float) else ""
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return (
        f"invalid setting {variable}{given}: {error['msg']}{more}; "
        "`memq settings` lists every setting and its meaning"
    )


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
    except ValidationError as exc:
        if exc.title != Settings.__name__:
            raise
        typer.echo(f"memq: {invalid_setting(exc)}", err=True)
        sys.exit(USAGE)
    except SystemExit as exc:
        if not isinstance(exc.code, str):
            raise
        # A command's own "cannot run like this" (e.g. `memq gateway` without a broker).
        typer.echo(f"memq: {exc.code.removeprefix('memq: ')}", err=True)
        sys.exit(USAGE)
    # standalone_mode=False returns an Exit's code instead of exiting with it.
    sys.exit(result if isinstance(result, int) else 0)
