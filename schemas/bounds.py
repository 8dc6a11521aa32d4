"""The bounds every value memq stores must meet, shared by the gateway and the workers.

Anything a worker would refuse for good must be refused by the gateway before
its 202 (docs/operations.md, rule a): both validate with these types, and the
OpenAPI document and the JSON Schemas state them, so a client can tell a
valid request from its schema alone.

- ``Seq``: below 2^53, so JavaScript clients read it exactly.
- ``Instant``: a date-time from year 1970 to 2999 as written; its UTC value
  never overflows a datetime (``"9999-12-31T23:59:59-14:00"`` did, in the
  worker, as a retried error).
- ``Metadata``: a JSON object both stores keep as sent: integers fit 64 bits
  (BSON), numbers are finite, keys hold no NUL and do not start with ``$``
  (MongoDB), at most ``MAX_METADATA_DEPTH`` levels deep.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

#: Exclusive upper bound of a gateway ``seq`` (microseconds since the epoch fit until 2255).
SEQ_LIMIT = 2**53
#: The largest integer both stores keep exactly (SQLite INTEGER, BSON int64).
INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)

Seq = Annotated[int, Field(gt=0, lt=SEQ_LIMIT)]

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


def _check_json(value: Any, depth: int = 1) -> None:
    # Messages name no key: keys are the client's data, and dead letters are logged.
    if isinstance(value, dict | list) and depth > MAX_METADATA_DEPTH:
        raise ValueError(f"objects and arrays nested deeper than {MAX_METADATA_DEPTH} levels")
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise ValueError("integers must fit in 64 bits (-2^63 to 2^63-1)")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("numbers must be finite")
    elif isinstance(value, dict):
        for key, item in value.items():
            if _BAD_KEY.search(key):
                raise ValueError("keys must not start with $ or contain NUL")
            _check_json(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_json(item, depth + 1)


def _storable(metadata: dict[str, Any]) -> dict[str, Any]:
    _check_json(metadata)
    return metadata


Metadata = Annotated[
    dict[str, Any],
    AfterValidator(_storable),
    Field(
        description=f"any JSON object: integers within 64 bits, finite numbers, keys not "
        f"starting with $ and without NUL, at most {MAX_METADATA_DEPTH} levels deep"
    ),
]
