"""The MongoDB adapter's import part (``store.transfer``), mixed into ``MongoStore``.

No multi-document transaction: the message ids' claims (a message id held by
another session refuses the import), then the messages (``insert_many``,
unordered) and the memory doc are written first, the session doc last. Until the
session doc exists nothing of the import is visible (every read checks the
session), and a retry of an interrupted import finds its own messages already
stored (same session id) and completes it. The unique ``session_once`` index
settles two imports of the same id racing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pymongo.errors import BulkWriteError, DuplicateKeyError

from domain.ports.transfer import IMPORT_DELIVERY, TransferStore, message_id_taken
from schemas.errors import Conflict
from schemas.sessions import Session
from schemas.transfer import SessionDocument
from store.backends._common import as_utc, memory_document
from store.backends._transfer import counters, imported_memory
from store.backends.mongo.database import MongoDatabase
from store.backends.mongo.message_ids import claim_all, claim_doc
from store.backends.mongo.search import search_terms

_DUPLICATE_KEY = 11000


def _ms(moment: datetime) -> datetime:
    moment = as_utc(moment)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _opt_ms(moment: datetime | None) -> datetime | None:
    return None if moment is None else _ms(moment)


class MongoTransfer(TransferStore):
    def __init__(self, db: MongoDatabase) -> None:
        self.db = db

    def import_session(
        self, account_id: str, session_id: str, doc: SessionDocument, now: datetime
    ) -> Session:
        key = {"account_id": account_id, "session_id": session_id}
        taken = self.db.sessions.find_one(key, {"_id": 1}) is not None
        if taken and not self.db.purge_past_retention(key):
            raise Conflict(f"session {session_id} already exists")
        ids = [m.message_id for m in doc.messages]
        self._claim_ids(account_id, session_id, doc)
        folded = doc.memory.folded_count
        if doc.messages:
            try:
                self.db.messages.insert_many(
                    [
                        {
                            **key,
                            "message_id": m.message_id,
                            "role": m.role,
                            "content": m.content,
                            "seq": m.seq,
                            "accepted_at": _ms(m.accepted_at),
                            "sent_at": _opt_ms(m.sent_at),
                            "user_id": m.user_id,
                            "channel": m.channel,
                            "metadata": m.metadata,
                            "delivery_id": IMPORT_DELIVERY,
                            "folded": position < folded,
                            "search_terms": search_terms(m.content),
                        }
                        for position, m in enumerate(doc.messages)
                    ],
                    ordered=False,
                )
            except BulkWriteError as exc:
                # Stored by an interrupted earlier attempt of this import: keep them.
                if any(e.get("code") != _DUPLICATE_KEY for e in exc.details["writeErrors"]):
                    raise
        memory = imported_memory(doc, now)
        if memory is not None:
            self.db.memory.replace_one(
                key, {**key, "state": memory_document(memory, 1), "version": 1}, upsert=True
            )
        count, spec = counters(doc), doc.session
        created = _ms(spec.created_at)
        last_at = _opt_ms(count.last_message_at)
        session: dict[str, Any] = {
            **key,
            "user_id": spec.user_id,
            "channel": spec.channel,
            "persona": spec.persona,
            "title": count.title,
            "metadata": spec.metadata,
            "status": spec.status,
            "ended_reason": spec.ended_reason,
            "ended_at": _opt_ms(spec.ended_at),
            "created_at": created,
            "updated_at": max(_ms(now), created),
            "last_message_at": last_at,
            "last_activity": last_at or created,
            "message_count": count.message_count,
            "last_prompt": count.last_prompt,
            "applied_ids": ids[-256:],
        }
        if doc.messages:  # in conversation order: the last is the cap's boundary
            session["newest_seq"] = doc.messages[-1].seq
            session["newest_id"] = doc.messages[-1].message_id
        if count.title_seq is not None:
            session["title_seq"] = count.title_seq
        if count.last_prompt_seq is not None:
            session["last_prompt_seq"] = count.last_prompt_seq
        try:
            self.db.sessions.insert_one(session)
        except DuplicateKeyError:
            raise Conflict(f"session {session_id} already exists") from None
        return self.db.session(account_id, session_id)

    def _claim_ids(self, account_id: str, session_id: str, doc: SessionDocument) -> None:
        """Claim every message id for the imported session before any message is
        written: ``Conflict`` when one is held by another session of the account
        (then the claims this call made are given back). A retry of an interrupted
        import finds its own claims and goes on."""
        claims = [
            claim_doc(account_id, session_id, m.message_id, _ms(m.accepted_at))
            for m in doc.messages
        ]
        made = claim_all(self.db.message_ids, claims)
        if len(made) == len(claims):
            return
        clash = self.db.message_ids.find_one(
            {
                "account_id": account_id,
                "message_id": {"$in": [m.message_id for m in doc.messages]},
                "session_id": {"$ne": session_id},
            },
            {"_id": 0, "message_id": 1},
        )
        if clash is None:
            return
        if made:
            given_back = [claims[i]["message_id"] for i in made]
            self.db.message_ids.delete_many(
                {
                    "account_id": account_id,
                    "session_id": session_id,
                    "message_id": {"$in": given_back},
                }
            )
        raise Conflict(message_id_taken(clash["message_id"]))
