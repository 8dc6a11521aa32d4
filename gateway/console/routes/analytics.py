"""Analytics: sessions and messages per UTC day over a window, top KB entries, the latest
low-confidence queries and response times, from one account-wide read, drawn as SVG."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from gateway.console.charts import bar_chart
from gateway.console.deps import SignedIn, ask
from gateway.console.paths import PREFIX
from gateway.console.route import ConsoleRoute
from gateway.console.templating import page
from schemas.limits import MAX_ANALYTICS_DAYS
from schemas.requests.reads import GetAccountAnalytics, GetStats

router = APIRouter(prefix=PREFIX, route_class=ConsoleRoute, include_in_schema=False)

#: The windows offered as links (any 1..MAX_ANALYTICS_DAYS works in the URL).
WINDOWS = (7, 30, 90)


@router.get("/analytics")
async def analytics(
    request: Request,
    signin: SignedIn,
    days: Annotated[int, Query(ge=1, le=MAX_ANALYTICS_DAYS)] = 30,
) -> Response:
    account_id = signin.identity.account_id
    stats, figures = await asyncio.gather(
        ask(request, GetStats(account_id=account_id)),
        ask(request, GetAccountAnalytics(account_id=account_id, days=days, top=10)),
    )
    per_day: list[dict[str, Any]] = figures["per_day"]
    times = figures["response_times"]
    charts = {
        "sessions": bar_chart(
            "Sessions with messages per UTC day", ((d["day"], d["sessions"]) for d in per_day)
        ),
        "messages": bar_chart("Messages per UTC day", ((d["day"], d["messages"]) for d in per_day)),
        "latency": bar_chart(
            "Answers by response time (ms)",
            (
                (f"≤{b['up_to_ms']}" if b["up_to_ms"] is not None else "slower", b["count"])
                for b in times["buckets"]
            ),
        ),
    }
    return page(
        request,
        "analytics.html",
        signin,
        stats=stats,
        figures=figures,
        kb=figures["top_kb"],
        low=figures["low_confidence_queries"],
        times=times,
        charts=charts,
        windows=WINDOWS,
    )
