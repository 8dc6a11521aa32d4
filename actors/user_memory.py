"""User memory actors: the merge job (memory pool) and the reads and commands a caller
waits for (the request-reply pool). Thin: the work is ``domain.user_memory``."""

from __future__ import annotations

import dramatiq

from actors.deps import Deps
from actors.jobs import job_actor
from actors.memory import MEMORY_TIME_LIMIT_MS
from actors.requests import request_actor
from domain.user_memory import corrections, reads, transfer
from schemas.requests import user_memory as requests
from schemas.user_memory import (
    UserErased,
    UserMemoryDeleted,
    UserMemoryDocument,
    UserMemoryImported,
    UserMemorySearch,
    UserMemoryView,
)


def register(broker: dramatiq.Broker, deps: Deps) -> None:
    users = deps.store.user_memory
    prefix = deps.settings.queue_prefix

    # UserMemoryBusy (another job holds the memory) is transient: retried later.
    @job_actor(broker, deps.settings, requests.UpdateUserMemory, time_limit_ms=MEMORY_TIME_LIMIT_MS)
    def update_user_memory(job: requests.UpdateUserMemory) -> None:
        deps.user_memory.merge_session(job.account_id, job.session_id, final=job.final)

    @request_actor(broker, prefix, requests.GetUserMemory)
    def get_user_memory(request: requests.GetUserMemory) -> UserMemoryView:
        return reads.view(users, request.account_id, request.user_id, request.persona)

    @request_actor(broker, prefix, requests.SearchUserMemory)
    def search_user_memory(request: requests.SearchUserMemory) -> UserMemorySearch:
        return reads.search(
            users, request.account_id, request.user_id, request.persona, request.query
        )

    @request_actor(broker, prefix, requests.PatchUserFact)
    def patch_user_fact(request: requests.PatchUserFact) -> UserMemoryView:
        return corrections.patch_fact(
            users,
            request.account_id,
            request.user_id,
            request.persona,
            request.key,
            request.patch.value,
        )

    @request_actor(broker, prefix, requests.DeleteUserMemory)
    def delete_user_memory(request: requests.DeleteUserMemory) -> UserMemoryDeleted:
        return corrections.delete_memory(
            users, request.account_id, request.user_id, request.persona
        )

    @request_actor(broker, prefix, requests.EraseUser)
    def erase_user(request: requests.EraseUser) -> UserErased:
        return corrections.erase_user(
            deps.store.sessions, users, request.account_id, request.user_id
        )

    @request_actor(broker, prefix, requests.ExportUserMemory)
    def export_user_memory(request: requests.ExportUserMemory) -> UserMemoryDocument:
        return transfer.export_user_memory(users, request.account_id, request.user_id)

    @request_actor(broker, prefix, requests.ImportUserMemory)
    def import_user_memory(request: requests.ImportUserMemory) -> UserMemoryImported:
        return transfer.import_user_memory(
            users, request.account_id, request.user_id, request.document
        )
