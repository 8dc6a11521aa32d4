"""Write deploy/grafana/dashboards/memq.json: memq's Grafana dashboard.

    python deploy/grafana/build_dashboard.py           # (re)write the JSON
    python deploy/grafana/build_dashboard.py --check   # exit 1 if the committed file is stale

The panels are listed here; the JSON is what Grafana's own dashboard schema
makes of them: it goes through the typed dashboard model of
``grafana-foundation-sdk`` (generated from Grafana's schema), which drops any
field the schema does not know and fills the defaults Grafana would. The
check (``tests/deploy/test_ops_kit.py``) fails on a dashboard edited by hand
into something that schema would not keep.

Queue metrics are aggregated with ``max by (queue)``: each pool reports its
own queues, every replica the same value (docs/operations.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from grafana_foundation_sdk.cog.plugins import register_default_plugins
from grafana_foundation_sdk.models.dashboard import Dashboard

OUT = Path(__file__).resolve().parent / "dashboards" / "memq.json"
DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
RATE = "$__rate_interval"
MAIN_QUEUES = 'queue!~".+[.](DQ|XQ)"'

#: (row title, [(panel title, unit, [(expr, legend)])])
ROWS: list[tuple[str, list[tuple[str, str, list[tuple[str, str]]]]]] = [
    (
        "Traffic",
        [
            (
                "Ingest rate, by outcome",
                "ops",
                [(f"sum by (outcome) (rate(memq_ingest_messages_total[{RATE}]))", "{{outcome}}")],
            ),
            (
                "Context latency (gateway, request-reply)",
                "s",
                [
                    (
                        f"histogram_quantile({q}, sum by (le) (rate("
                        f'memq_gateway_request_seconds_bucket{{actor="assemble_context"}}[{RATE}])))',
                        f"p{round(q * 100)}",
                    )
                    for q in (0.5, 0.99)
                ],
            ),
            (
                "HTTP requests, by status",
                "reqps",
                [
                    (
                        f"sum by (status) (rate(memq_gateway_http_requests_total[{RATE}]))",
                        "{{status}}",
                    )
                ],
            ),
        ],
    ),
    (
        "Queues and pools",
        [
            (
                "Ready messages, per queue",
                "short",
                [(f"max by (queue) (memq_queue_messages{{{MAIN_QUEUES}}})", "{{queue}}")],
            ),
            (
                "Age of the oldest ready message, per queue",
                "s",
                [("max by (queue) (memq_queue_oldest_message_age_seconds)", "{{queue}}")],
            ),
            (
                "Consumers, per queue",
                "short",
                [(f"max by (queue) (memq_queue_consumers{{{MAIN_QUEUES}}})", "{{queue}}")],
            ),
        ],
    ),
    (
        "Memory",
        [
            (
                # The sessions' own lag (memq_memory_lag_seconds, observed as each job
                # starts) says how stale the memory is; the queue's wait says why.
                "Memory lag across sessions, and the memory queue's wait",
                "s",
                [
                    *(
                        (
                            f"histogram_quantile({q}, sum by (le) (rate("
                            f"memq_memory_lag_seconds_bucket[{RATE}])))",
                            f"lag p{round(q * 100)}",
                        )
                        for q in (0.5, 0.99)
                    ),
                    (
                        "max by (queue) "
                        '(memq_queue_oldest_message_age_seconds{queue=~".+[.]memory"})',
                        "oldest job's wait: {{queue}}",
                    ),
                ],
            ),
            (
                "Memory fold duration",
                "s",
                [
                    (
                        f"histogram_quantile({q}, sum by (le) (rate("
                        f'memq_actor_duration_seconds_bucket{{actor="update_memory"}}[{RATE}])))',
                        f"p{round(q * 100)}",
                    )
                    for q in (0.5, 0.95)
                ],
            ),
            (
                "LLM calls and tokens",
                "short",
                [
                    (f"sum(rate(memq_llm_calls_total[{RATE}]))", "calls/s"),
                    (f"sum by (kind) (rate(memq_llm_tokens_total[{RATE}]))", "{{kind}} tokens/s"),
                    # Folds written offline because an account spent its daily token budget.
                    (
                        f"sum(rate(memq_llm_budget_fallbacks_total[{RATE}]))",
                        "offline folds/s: daily budget spent",
                    ),
                ],
            ),
        ],
    ),
    (
        "Failures",
        [
            (
                "Dead letters, per queue",
                "short",
                [
                    ('max by (queue) (memq_queue_messages{queue=~".+[.]XQ"})', "{{queue}}"),
                    (
                        f"sum by (actor) (increase(memq_worker_dead_lettered_total[{RATE}]))",
                        "new: {{actor}}",
                    ),
                ],
            ),
            (
                "Errors",
                "ops",
                [
                    (
                        "sum by (actor) "
                        f'(rate(memq_worker_messages_total{{outcome="error"}}[{RATE}]))',
                        "worker: {{actor}}",
                    ),
                    (f"sum by (kind) (rate(memq_llm_errors_total[{RATE}]))", "LLM: {{kind}}"),
                    (
                        f'sum(rate(memq_gateway_http_requests_total{{status=~"5.."}}[{RATE}]))',
                        "HTTP 5xx",
                    ),
                ],
            ),
            (
                "Resident memory, per process",
                "bytes",
                [('process_resident_memory_bytes{job=~"memq-.*"}', "{{job}} {{instance}}")],
            ),
        ],
    ),
]


def source() -> dict[str, Any]:
    panels: list[dict[str, Any]] = []
    y = 0
    for row_title, row in ROWS:
        panels.append(
            {
                "type": "row",
                "title": row_title,
                "id": len(panels) + 1,
                "collapsed": False,
                "gridPos": {"h": 1, "w": 24, "x": 0, "y": y},
                "panels": [],
            }
        )
        y += 1
        for index, (title, unit, targets) in enumerate(row):
            panels.append(
                {
                    "type": "timeseries",
                    "title": title,
                    "id": len(panels) + 1,
                    "datasource": DATASOURCE,
                    "gridPos": {"h": 8, "w": 8, "x": 8 * index, "y": y},
                    "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
                    "options": {"legend": {"showLegend": True}},
                    "targets": [
                        {
                            "refId": chr(ord("A") + n),
                            "expr": expr,
                            "legendFormat": legend,
                            "datasource": DATASOURCE,
                        }
                        for n, (expr, legend) in enumerate(targets)
                    ],
                }
            )
        y += 8
    return {
        "uid": "memq-overview",
        "title": "memq",
        "tags": ["memq"],
        "editable": True,
        "schemaVersion": 39,
        "time": {"from": "now-1h", "to": "now"},
        "refresh": "30s",
        "templating": {
            "list": [
                {
                    "type": "datasource",
                    "name": "datasource",
                    "label": "Prometheus",
                    "query": "prometheus",
                }
            ]
        },
        "panels": panels,
    }


def through_the_schema(dashboard: dict[str, Any]) -> dict[str, Any]:
    """The dashboard as Grafana's typed model keeps it."""
    register_default_plugins()
    model = Dashboard.from_json(dashboard)
    kept: dict[str, Any] = json.loads(json.dumps(model, default=lambda o: o.to_json()))
    return kept


def render() -> str:
    return json.dumps(through_the_schema(source()), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != render():
            print(f"{OUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{OUT} is up to date")
        return 0
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
