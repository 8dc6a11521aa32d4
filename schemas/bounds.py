"""The bounds every value memq stores must meet, shared by the gateway and the workers.

Anything a worker would refuse for good must be refused by the gateway before
its 202 (docs/operations.md, rule a): both validate with these types, and the
OpenAPI document and the JSON Schemas state them, so a client can tell a
valid request from its schema alone.

Integers stay within JavaScript's safe range (2^53): every JSON reader keeps
them exactly, both stores hold them (SQLite and BSON go to 2^63), and they
are exact as floats too, which is how FastAPI writes the bounds into its
OpenAPI document (2^63-1 as a float is 2^63, and a generator taking the
schema at its word sent 2^63 + 190).

- ``Seq``: below 2^53.
- ``Instant``: a date-time from year 1970 to 2999 as written; its UTC value
  never overflows a datetime (``"9999-12-31T23:59:59-14:00"`` did, in the
  worker, as a retried error).
- ``Metadata``: a JSON object both stores keep as sent: numbers within
  ±(2^53 - 1) (integers must fit BSON's 64 bits anyway; JSON Schema cannot
  tell an integer from a float, so the bound is on every number; NaN and
  infinities, which Python's JSON reader takes, fail it), keys hold no NUL
  and do not start with ``$`` (MongoDB), at most ``MAX_METADATA_DEPTH`` levels
  deep.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetJsonSchemaHandler,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

#: Exclusive upper bound of a gateway ``seq`` (microseconds since the epoch fit until 2255).
SEQ_LIMIT = 2**53
#: The largest integer every JSON reader keeps exactly (JavaScript's MAX_SAFE_INTEGER).
SAFE_INTEGER = 2**53 - 1

Seq = Annotated[int, Field(gt=0, lt=SEQ_LIMIT)]
#: A count of messages: any a store may hold.
Count = Annotated[int, Field(ge=0, le=SAFE_INTEGER)]

# -- date-times ----------------------------------------------------------------
FIRST_YEAR, LAST_YEAR = 1970, 2999
#: What the year of a date-time string must look like (JSON Schema ``pattern``).
YEAR_PATTERN = r"^(19[7-9][0-9]|2[0-9]{3})-"
# A day of slack each side: any offset of a time written in range lands inside.
_EARLIEST = datetime(FIRST_YEAR - 1, 12, 31, tzinfo=UTC)
_LATEST = datetime(LAST_YEAR + 1, 1, 2, tzinfo=UTC)
_YEAR = re.compile(YEAR_PATTERN)
_INSTANT_RULE = f"must be a date-time from year {FIRST_YEAR} to {LAST_YEAR}"


def _written_in_range(value: Any) -> Any:
    if isinstance(value, str) and not _YEAR.match(value.strip()):
        raise ValueError(f"{_INSTANT_RULE} (RFC 3339, e.g. 2026-05-01T10:00:00Z)")
    return value


def _utc_in_range(moment: datetime) -> datetime:
    try:
        utc = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(_INSTANT_RULE) from None
    if not _EARLIEST <= utc <= _LATEST:
        raise ValueError(_INSTANT_RULE)
    return moment


Instant = Annotated[
    datetime,
    BeforeValidator(_written_in_range),
    AfterValidator(_utc_in_range),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": YEAR_PATTERN}),
]

# -- metadata ------------------------------------------------------------------
MAX_METADATA_DEPTH = 32
#: Keys MongoDB would refuse or read as an operator.
_BAD_KEY = re.compile(r"^\$|\x00")
#: The same rule, as the JSON Schema's ``propertyNames`` pattern.
KEY_PATTERN = r"^([^$\x00][^\x00]*)?$"
_NUMBER_RULE = "numbers must lie between -(2^53 - 1) and 2^53 - 1"


def _shallow(value: Any, depth: int = 1) -> Any:
    """Refuse deep nesting before the recursive validation walks into it."""
    if isinstance(value, dict | list):
        if depth > MAX_METADATA_DEPTH:
            raise ValueError(f"objects and arrays nested deeper than {MAX_METADATA_DEPTH} levels")
        for item in value.values() if isinstance(value, dict) else value:
            _shallow(item, depth + 1)
    return value


def _storable(value: Any) -> Any:
    # Messages name no key: keys are the client's data, and dead letters are logged.
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        # NaN and infinities fail the comparison too.
        if not -SAFE_INTEGER <= value <= SAFE_INTEGER:
            raise ValueError(_NUMBER_RULE)
    elif isinstance(value, dict):
        for key, item in value.items():
            if _BAD_KEY.search(key):
                raise ValueError("keys must not start with $ or contain NUL")
            _storable(item)
    elif isinstance(value, list):
        for item in value:
            _storable(item)
    return value


class _KeyRule:
    """States the key rule as ``propertyNames``: pydantic's ``patternProperties``
    would let other keys through."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = dict(handler(core_schema))
        (values,) = schema.pop("patternProperties").values()
        return {**schema, "propertyNames": {"pattern": KEY_PATTERN}, "additionalProperties": values}


_Key = Annotated[str, WithJsonSchema({"type": "string", "pattern": KEY_PATTERN})]
_NUMBER_SCHEMA = WithJsonSchema(
    {"type": "number", "minimum": -SAFE_INTEGER, "maximum": SAFE_INTEGER}
)
# Strict and left to right: validation keeps every value as sent (an int stays an
# int, however large, for _storable to judge); the schema states the bounds.
type MetadataValue = Annotated[
    StrictBool
    | Annotated[StrictInt, _NUMBER_SCHEMA]
    | Annotated[StrictFloat, _NUMBER_SCHEMA]
    | StrictStr
    | list[MetadataValue]
    | Annotated[dict[_Key, MetadataValue], _KeyRule]
    | None,
    Field(union_mode="left_to_right"),
]

Metadata = Annotated[
    dict[_Key, MetadataValue],
    _KeyRule,
    BeforeValidator(_shallow),
    AfterValidator(_storable),
    Field(
        description=f"any JSON object: numbers within ±(2^53 - 1), keys not starting "
        f"with $ and without NUL, at most {MAX_METADATA_DEPTH} levels deep"
    ),
]
