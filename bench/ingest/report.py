"""The ingest benchmark's report: a table of rates and latencies, round trips, CPU per
phase, notes, and whether the targets were met."""

from __future__ import annotations

import os

from bench.ingest.deployment import Options
from bench.ingest.measure import STORED_AT_COLUMN, PhaseResult
from bench.ingest.roundtrips import RoundTrips
from bench.support.progress import log

TARGET_RATE = 1000.0
TARGET_RATIO = 0.5


def report(
    opts: Options,
    results: dict[str, PhaseResult],
    trips: list[RoundTrips],
    machine: list[str],
    notes: list[str],
) -> None:
    pipe, lat, noop, gw, drain = (
        results.get(k) for k in ("pipeline", "latency", "no-op", "gateway only", "drain")
    )
    cores = len(os.sched_getaffinity(0))

    def row(label: str, rate: str, p50: str = "", p99: str = "", note: str = "") -> str:
        return f"{label:<46} {rate:>7} {p50:>8} {p99:>8}  {note}".rstrip()

    def fmt(result: PhaseResult | None, latency: bool = True) -> tuple[str, str, str]:
        if result is None:
            return ("-", "", "")
        if not latency or not result.latencies_ms:
            return (f"{result.rate:,.0f}", "", "")
        return (f"{result.rate:,.0f}", f"{result.p(50):,.1f}", f"{result.p(99):,.1f}")

    bar = "=" * 110
    offered = "as fast as they go" if not opts.rate else f"{opts.rate:g}/s offered"
    lines = [
        bar,
        f"memq ingest benchmark: {opts.messages} messages over {opts.sessions} sessions, "
        f"{opts.concurrency} HTTP clients ({opts.client}, {offered}); ingest and no-op workers "
        f"{opts.worker_processes} process(es) × {opts.threads} threads, prefetch "
        f"{opts.prefetch or '2 × threads (dramatiq default)'}",
        *(f"machine: {line}" for line in machine),
        bar,
        row("", "msgs/s", "p50 ms", "p99 ms"),
        row(
            "pipeline  HTTP→gateway→RabbitMQ→ingest→SQLite",
            *fmt(pipe),
            "first request → last row stored",
        ),
    ]
    if lat is not None:
        offered_rate = lat.count / lat.seconds if lat.seconds else 0.0
        lines.append(
            row(
                f"  same at ~{offered_rate:,.0f}/s offered (latency)",
                *fmt(lat),
                f"{lat.count} messages",
            )
        )
    batch = results.get("batch")
    if batch is not None:
        lines.append(
            row(
                f"batch     POST /v1/messages, {opts.batch} a request",
                *fmt(batch),
                "first request → last row stored",
            )
        )
    lines.append(
        row(
            "no-op     bench→RabbitMQ→no-op dramatiq actor",
            *fmt(noop),
            "first publish → last actor call",
        )
    )
    ratio = pipe.rate / noop.rate if pipe and noop else float("nan")
    lines.append(row("ratio pipeline / no-op", f"{100 * ratio:.0f}%" if pipe and noop else "-"))
    if pipe and noop:
        pipe_cap = pipe.ceilings(opts.worker_processes)[1]
        noop_cap = noop.ceilings(opts.worker_processes)[1]
        lines.append(
            row(
                "  idle-machine estimate from CPU/message",
                f"{pipe_cap:,.0f}",
                "",
                "",
                f"vs no-op {noop_cap:,.0f}/s = {100 * pipe_cap / noop_cap:.0f}% (see CPU lines)",
            )
        )
    lines.append(
        row(
            "gateway only  HTTP → confirmed publish",
            *fmt(gw),
            "no consumer; latency = HTTP request → 202",
        )
    )
    lines.append(
        row(
            "ingest drain  pre-loaded queue → SQLite",
            *fmt(drain, latency=False),
            "the worker with nothing else of ours running",
        )
    )
    if trips:
        lines += ["", "store round trips per append_message (called directly, one thread):"]
        for trip in trips:
            unit = "transaction" if trip.label.startswith("sqlite") else "round trips"
            lines.append(
                f"  {trip.label:<48} {trip.per_message:g} {unit:<11} "
                f"{trip.micros_per_message:>7,.0f} µs   {trip.detail}"
            )
        if any(t.label.startswith("mongo") for t in trips):
            lines.append("  (mongo µs are mongoeco's in-memory emulator over loopback, not mongod)")
    lines += [
        "",
        f"CPU per phase: % of one core (the machine has {cores * 100}%) and µs of CPU "
        "per message, by process:",
    ]
    for name in ("gateway only", "drain", "pipeline", "latency", "batch", "no-op"):
        result = results.get(name)
        if result is not None:
            lines.append(f"  {name:<12} {result.cpu_line()}")
            if name != "latency":
                lines.append(f"  {'':<12} {result.ceilings(opts.worker_processes)[0]}")
    lines += [f"note: {note}" for note in notes]
    for result in results.values():
        if result.errors:
            counts = ", ".join(
                f"{code or 'no answer'}: {n}" for code, n in sorted(result.statuses.items())
            )
            lines.append(
                f"WARNING: {result.name}: {result.errors} requests not accepted "
                f"(HTTP status: count {counts}); its figures count accepted ones only"
            )
    lines.append("")
    if pipe:
        lines.append(
            f"targets: pipeline ≥ {TARGET_RATE:,.0f} msgs/s: "
            f"{'MET' if pipe.rate >= TARGET_RATE else 'NOT MET'} ({pipe.rate:,.0f}); "
            f"pipeline ≥ {100 * TARGET_RATIO:.0f}% of no-op: "
            f"{'MET' if ratio >= TARGET_RATIO else 'NOT MET'} ({100 * ratio:.0f}%)"
        )
    lines += [
        *(
            [
                f"how latency is measured: from the {STORED_AT_COLUMN} column the adapter "
                "writes: stored_at − accepted_at (the gateway's stamp before it publishes).",
            ]
            if pipe is not None and "(exact)" in pipe.note
            else [
                "how latency is measured: messages has no stored_at column (µs, set by the "
                "adapter on insert; used",
                "  when present), so a read-only connection polls max(id); id order is commit "
                "order under BEGIN",
                "  IMMEDIATE, so a row is stored by the first poll that sees it: an upper bound, "
                "late by up to one",
                "  poll interval. Latency = that − accepted_at (the gateway's stamp before it "
                "publishes).",
            ]
        ),
        "  At full speed latency is mostly queueing in front of the gateway; the latency row "
        "offers half the load.",
        "  No-op latency: publish call started → the actor's own time.time().",
        bar,
    ]
    log("\n".join(lines))
