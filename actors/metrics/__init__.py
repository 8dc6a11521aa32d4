"""Worker metrics for Prometheus: a Dramatiq middleware, collectors, and the HTTP server.

    middleware.py    what actors did: messages, durations, waits, dead letters, ingest outcomes
    llm_usage.py     the engines' Claude traffic, read at scrape time
    queue_depth.py   the depths of memq's queues, read through a ``QueueProbe``
    probes/          the two probes: ``amqp`` (RabbitMQ), ``stub`` (the in-process broker)
    install.py       all of the above on one broker and registry
    server.py        ``memq worker``'s ``/metrics`` HTTP server

Why not ``dramatiq.middleware.prometheus.Prometheus``: it only works under the
``dramatiq`` CLI (it serves from a process the CLI forks, and needs
``prometheus_multiproc_dir`` in the environment before anything imports
``prometheus_client``), and it knows nothing of memq's outcomes (stored,
duplicate), the LLM or the queues. memq starts its own workers, so this package
does the same job in their shape.

Process model: per-process registries and ports. ``memq worker`` serves
``/metrics`` on MEMQ_WORKER_METRICS_PORT; with ``--processes N`` process i
listens on PORT+i (a restarted process takes its index's port back). No
shared multiprocess directory to clean up, and a dead process's series vanish
with it; Prometheus sums over the targets. Queue metrics come from process 0
of each pool, for that pool's own queues only: ``max by (queue)`` is right
whatever the replicas. Every registry carries the ``process_*`` metrics
(``runtime.process_metrics``). In ``memq serve`` everything shares the
gateway's registry and its ``GET /metrics``.

Metrics (no account or session labels):

- ``memq_worker_messages_total{actor,outcome}`` — processed: ``ok``, ``error``
  (raised; retried or dead-lettered), ``skipped`` (too old)
- ``memq_worker_dead_lettered_total{actor,queue}`` — failed for good (XQ)
- ``memq_actor_duration_seconds{actor,outcome}`` — histogram per actor; the
  context fetch is ``actor="assemble_context"``
- ``memq_message_wait_seconds{queue}`` — enqueued → started (includes backoff)
- ``memq_ingest_messages_total{outcome}`` — ``stored``, ``duplicate``,
  ``dropped_deleted`` (session deleted), ``rejected_full``
  (MEMQ_MAX_MESSAGES_PER_SESSION)
- ``memq_memory_jobs_total{outcome}`` — ``folded``, ``idle`` (nothing due),
  ``busy`` (another job held the session; re-sent later), ``handed_on``
- ``memq_memory_lag_messages``, ``memq_memory_lag_seconds`` — histograms across
  sessions, one observation per memory job when it starts: messages past the
  verbatim window not folded yet, and the age of the oldest of them
- ``memq_llm_calls_total{engine}``, ``memq_llm_tokens_total{engine,kind}``,
  ``memq_llm_errors_total{engine,kind}`` — Claude traffic per engine
  (``claude:<model>``; ``ClaudeEngine.usage``)
- ``memq_llm_budget_fallbacks_total`` — memory folds the offline engine did in
  Claude's place because an account's daily token budget was reached
  (``domain.memory.budget``; per account: ``GET /v1/stats``'s ``llm_usage``)
- ``memq_queue_messages{queue}``, ``memq_queue_consumers{queue}`` — per main,
  delay (.DQ) and dead-letter (.XQ) queue, refreshed at most every few seconds;
  ``memq_queue_oldest_message_age_seconds{queue}`` per main queue;
  ``queue="memq.memory"`` is the memory queue depth (at most one job per session)
"""
