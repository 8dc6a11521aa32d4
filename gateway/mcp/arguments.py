"""A tool's arguments: the fields of a wire-contract model, less the account.

The account always comes from the API key, never from arguments (as it never
comes from an HTTP body), so ``account_id`` is not an argument: an agent
passing one gets "unknown field".
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from gateway.errors import describe_problem
from schemas.errors import InvalidInput

FROM_THE_KEY = "account_id"


class BadArguments(InvalidInput):
    """Arguments the tool's model refused; ``problems`` one per wrong field, as the
    HTTP API lists them in ``error.errors``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def arguments_model(name: str, source: type[BaseModel], **extra: Any) -> type[BaseModel]:
    """A model named ``name`` with ``source``'s fields (constraints and descriptions
    kept) but the account, plus ``extra`` fields (``(annotation, FieldInfo)``)."""
    fields: dict[str, Any] = {
        field_name: (info.annotation, info)
        for field_name, info in source.model_fields.items()
        if field_name != FROM_THE_KEY
    }
    model: type[BaseModel] = create_model(
        name, __config__=ConfigDict(extra="forbid"), **extra, **fields
    )
    return model


def parse(model: type[BaseModel], arguments: dict[str, Any] | None) -> BaseModel:
    """``arguments`` checked by ``model``; refused with the HTTP API's wording."""
    try:
        return model.model_validate(arguments or {})
    except ValidationError as exc:
        raise BadArguments([describe_problem(error) for error in exc.errors()]) from None
