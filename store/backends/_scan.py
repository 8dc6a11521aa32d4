"""What both adapters share for the lifecycle scans: keyset cursors and the retention cutoff."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime, timedelta

from schemas.errors import InvalidInput
from store.backends._common import from_micros, to_micros

_SCAN_CURSOR_VERSION = 1


def retention_cutoff(retention: timedelta | None, now: datetime | None = None) -> datetime | None:
    """Sessions ended before this are past retention (None: keep forever)."""
    if retention is None:
        return None
    return (now or datetime.now(UTC)) - retention


def encode_scan_cursor(moment: datetime, account_id: str, session_id: str) -> str:
    """Opaque keyset cursor: the sort key (time, account, session) of a page's last row."""
    payload = json.dumps(
        [_SCAN_CURSOR_VERSION, to_micros(moment), account_id, session_id], separators=(",", ":")
    )
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_scan_cursor(cursor: str) -> tuple[datetime, str, str]:
    """Raises ``InvalidInput`` for anything ``encode_scan_cursor`` did not produce."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        version, micros, account_id, session_id = json.loads(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise InvalidInput("invalid scan cursor") from None
    if (
        version != _SCAN_CURSOR_VERSION
        or type(micros) is not int
        or not isinstance(account_id, str)
        or not isinstance(session_id, str)
    ):
        raise InvalidInput("invalid scan cursor")
    try:
        return from_micros(micros), account_id, session_id
    except OverflowError:
        raise InvalidInput("invalid scan cursor") from None
