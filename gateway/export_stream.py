"""Stream a session's export document as its pages arrive from the workers.

Any session the store may hold can be exported: the gateway never holds more
than one page (``domain.transfer.service.EXPORT_PAGE_MESSAGES`` messages) at a
time. The bytes are the ``SessionDocument`` JSON, laid out one message per
line so that a client can count them as they come (``memq export`` shows its
progress so)::

    {"format":"memq.session","version":1,"session":{...},"messages":[
    {"message_id":...},
    {"message_id":...}
    ],"memory":{...},"analytics":...}

Once the first bytes are out the status is 200 for good: a page that fails
(a worker timeout, the session deleted meanwhile) cuts the response short,
and the client sees an incomplete body, never a document that looks whole.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from gateway.transport import Transport
from schemas.requests.reads import ExportMessages
from schemas.transfer import FORMAT, VERSION, ExportHead

logger = logging.getLogger("memq.gateway.export")


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


async def document_chunks(
    transport: Transport,
    account_id: str,
    session_id: str,
    head: dict[str, Any],
    *,
    timeout: float,
) -> AsyncIterator[bytes]:
    opening = {"format": FORMAT, "version": VERSION, "session": head["session"]}
    yield _json(opening)[:-1] + b',"messages":['
    after: Any = None
    exported = 0
    while True:
        try:
            request = ExportMessages(account_id=account_id, session_id=session_id, after=after)
            page = await transport.request(request, timeout=timeout)
        except Exception:
            logger.warning("export of session %s cut short after %d messages", session_id, exported)
            raise
        lines = [_json(message) for message in page["messages"]]
        if lines:
            yield (b",\n" if exported else b"\n") + b",\n".join(lines)
            exported += len(lines)
        after = page["next_after"]
        if after is None:
            break
    memory = ExportHead.model_validate(head).memory_after(exported).model_dump(mode="json")
    yield b'\n],"memory":' + _json(memory) + b',"analytics":' + _json(head["analytics"]) + b"}"
