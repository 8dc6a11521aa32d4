"""Two fixes to how typer 0.29 writes help, so ``memq --help`` reads as a person expects.

It writes a required argument as ``{session_id}`` in the usage line (which reads
like a URL template) and every flag as ``--help <bool>`` (a flag takes no
value). The usage line gets click's own convention back (``SESSION_ID``,
``[FILE]`` when optional) and a flag shows no type.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperArgument, TyperOption


def _usage_name(self: TyperArgument) -> str:
    name = self.display_name_raw.upper()
    name = name if self.required else f"[{name}]"
    return name + ("..." if self.nargs != 1 else "")


_option_type = TyperOption.display_type_rich


def _flag_has_no_type(self: TyperOption, ctx: typer.Context) -> Any:
    if self.is_flag or self.count:
        return None
    return _option_type(self, ctx)


def install() -> None:
    TyperArgument._usage_display_name = _usage_name  # type: ignore[method-assign]
    TyperOption.display_type_rich = _flag_has_no_type  # type: ignore[method-assign,assignment]
