"""Which model every actor's kwargs must satisfy: one per ``ActorName``, no actor left out."""

from __future__ import annotations

from schemas.requests import ingest, jobs, reads, sessions, user_memory
from schemas.requests.base import ActorRequest
from schemas.routing import ActorName

_MODELS: tuple[type[ActorRequest], ...] = (
    ingest.IngestMessage,
    ingest.IngestBatch,
    sessions.CreateSession,
    sessions.GetSession,
    sessions.ListSessions,
    sessions.UpdateSession,
    sessions.EndSession,
    sessions.DeleteSession,
    sessions.ListMessages,
    sessions.GetMemory,
    sessions.PingStore,
    reads.AssembleContext,
    reads.GetSessionAnalytics,
    reads.GetUserActivity,
    reads.GetKbUsage,
    reads.GetStats,
    reads.GetAccountAnalytics,
    reads.CleanupSessions,
    reads.SearchMessages,
    reads.ExportSession,
    reads.ExportMessages,
    reads.ImportSession,
    jobs.UpdateMemory,
    jobs.MaintenanceTick,
    jobs.ExpireSession,
    jobs.FinalizeSession,
    jobs.FlushAnalytics,
    jobs.PurgeSession,
    jobs.RepublishMemory,
    user_memory.UpdateUserMemory,
    user_memory.GetUserMemory,
    user_memory.SearchUserMemory,
    user_memory.PatchUserFact,
    user_memory.DeleteUserMemory,
    user_memory.EraseUser,
    user_memory.ExportUserMemory,
    user_memory.ImportUserMemory,
)

#: Actor name → the model of its kwargs.
REQUEST_MODELS: dict[ActorName, type[ActorRequest]] = {model.actor: model for model in _MODELS}


def model_of(actor: ActorName) -> type[ActorRequest]:
    return REQUEST_MODELS[actor]
