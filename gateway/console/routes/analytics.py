"""Analytics: sessions and messages per day, top KB entries, low-confidence queries and
response times, drawn server-side as SVG."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request, Response

from gateway.console.charts import bar_chart, per_day
from gateway.console.deps import SignedIn, ask
from gateway.console.paths import PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from schemas.limits import MAX_SESSION_PAGE
from schemas.requests.reads import GetKbUsage, GetSessionAnalytics, GetStats
from schemas.requests.sessions import ListSessions

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

#: Sessions whose own analytics (confidence, latency) are read for the page.
SESSIONS_ANALYSED = 20


@router.get("/analytics")
async def analytics(request: Request, signin: SignedIn) -> Response:
    account_id = signin.identity.account_id
    recent = await ask(request, ListSessions(account_id=account_id, limit=MAX_SESSION_PAGE))
    sessions: list[dict[str, Any]] = recent["sessions"]
    # Each session's own analytics first: reading them flushes them, so the account's
    # figures read next count their messages too.
    per_session = await asyncio.gather(
        *(
            ask(request, GetSessionAnalytics(account_id=account_id, session_id=s["session_id"]))
            for s in sessions[:SESSIONS_ANALYSED]
        )
    )
    stats, kb = await asyncio.gather(
        ask(request, GetStats(account_id=account_id)),
        ask(request, GetKbUsage(account_id=account_id, top=10)),
    )
    low = sorted(
        (
            {**query, "session_id": one["session_id"]}
            for one in per_session
            for query in one["low_confidence_queries"]
        ),
        key=lambda query: query["confidence"],
    )[:20]
    latencies = [
        (one["session_id"], one["average_latency_ms"])
        for one in per_session
        if one["average_latency_ms"] is not None
    ]
    charts = {
        "sessions": bar_chart(
            "Sessions started per day", per_day((s["created_at"], 1) for s in sessions)
        ),
        "messages": bar_chart(
            "Messages per day of last activity",
            per_day((s["last_message_at"], s["message_count"]) for s in sessions),
        ),
        "latency": bar_chart("Average response time per session (ms)", latencies),
    }
    return page(
        request,
        "analytics.html",
        signin,
        stats=stats,
        kb=kb["entries"],
        low=low,
        charts=charts,
        sessions_listed=len(sessions),
        sessions_analysed=len(per_session),
    )
