"""The ingest rules: what storing chat messages decides, whatever queue they came on.

The ingest actors (``actors.ingest``, ``actors.ingest_batch``) decode a
delivery, append its events to the store, and hand the append results here.
Nothing here touches the store or the broker.

- Content: a message over MEMQ_MAX_MESSAGE_BYTES (UTF-8) is invalid input
  (``oversized``); the gateway refuses it too, direct AMQP producers meet it here.
- Outcome: each append is ``stored``, ``duplicate``, ``dropped_deleted`` (its
  session was deleted) or ``rejected_full`` (``append_outcome``), counted once
  per message (``memq_ingest_messages_total``).
- The session cap (MEMQ_MAX_MESSAGES_PER_SESSION): the store refuses the newest
  messages over it, never one older than a stored message, and a refusal is
  permanent (``session_full``: dead-lettered, replayable). A batch hands each
  refused event on alone (``handed_on``), to be refused, and counted, by its
  own single-message job (``counted``).
- The fold trigger: one memory job pending per session. The store marks a
  session when one of its messages brings it to a multiple of
  MEMQ_MEMORY_FOLD_EVERY and no job is pending, in the same write as the count;
  a job is published only for the appends that set the mark
  (``sessions_to_fold``). A mark whose publish was lost (a crash between the
  write and the publish) is re-published by the scheduler, never by a retry.
- A batch the store could not write is retried whole while the store is
  unavailable, at most ``SPLIT_AFTER_RETRIES`` times; any other failure splits
  it into single jobs at once (``retry_whole``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from domain.ports.sessions import AppendResult
from schemas.errors import SessionFull, TransientError
from schemas.messages import MessageEvent

SessionKey = tuple[str, str]  # (account_id, session_id)
#: Failed deliveries of a batch before it is split into single jobs.
SPLIT_AFTER_RETRIES = 5


def oversized(event: MessageEvent, max_content_bytes: int) -> bool:
    """Content over ``max_content_bytes`` in UTF-8 (MEMQ_MAX_MESSAGE_BYTES)."""
    return len(event.content.encode()) > max_content_bytes


def append_outcome(result: AppendResult) -> str:
    """The ``memq_ingest_messages_total`` outcome label of one append."""
    if result.stored:
        return "stored"
    if result.rejected_full:
        return "rejected_full"
    return "dropped_deleted" if result.dropped_deleted else "duplicate"


def session_full(event: MessageEvent, cap: int) -> SessionFull:
    """The permanent refusal of a message its session has no room for."""
    return SessionFull(
        f"session {event.session_id} holds the maximum of {cap} messages "
        "(MEMQ_MAX_MESSAGES_PER_SESSION)"
    )


def counted(results: Sequence[AppendResult]) -> list[str]:
    """The outcomes a batch counts: a rejected event is counted once, by the single
    job it is handed to."""
    return [append_outcome(result) for result in results if not result.rejected_full]


def handed_on(
    events: Sequence[MessageEvent], results: Sequence[AppendResult]
) -> list[MessageEvent]:
    """The events of a batch refused over the cap, each to go back alone as an
    ``ingest_message`` job that refuses it for good."""
    return [event for event, result in zip(events, results, strict=True) if result.rejected_full]


def retry_whole(error: Exception, retries: int) -> bool:
    """True: let the batch fail and be retried whole (the store is unavailable, and was
    not on ``SPLIT_AFTER_RETRIES`` deliveries already). False: whatever it is, split it,
    so each message succeeds or fails on its own, now."""
    return isinstance(error, TransientError) and retries < SPLIT_AFTER_RETRIES


def sessions_to_fold(
    events: Sequence[MessageEvent], results: Sequence[AppendResult]
) -> list[SessionKey]:
    """The sessions whose memory job the batch is to publish, each once, in order of
    appearance: those an append marked (``AppendResult.memory_job_due``).

    Every stored message reports whether it set its session's mark, so a fold
    count is never skipped however many messages the batch adds; a session
    already marked has its job in the queue, and gets no second one.
    """
    due: dict[SessionKey, None] = {}
    for event, result in zip(events, results, strict=True):
        if result.memory_job_due:
            due[(event.account_id, event.session_id)] = None
    return list(due)


def sessions_at_count(
    events: Sequence[MessageEvent],
    results: Sequence[AppendResult],
    due_at: Callable[[int | None], bool],
) -> list[SessionKey]:
    """The sessions with a user one of whose messages brought them to a count ``due_at``
    accepts, each once, in order of appearance (the user memory's merges: every N
    messages). Every stored message reports its count, so none is skipped however many
    a batch adds; a session without a user has no user memory to merge into."""
    due: dict[SessionKey, None] = {}
    for event, result in zip(events, results, strict=True):
        if result.has_user and due_at(result.message_count):
            due[(event.account_id, event.session_id)] = None
    return list(due)
