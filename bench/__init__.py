"""Benchmarks: scripts that measure memq, not tests. Run them with ``python -m bench.<name>``.

    ingest/      HTTP → gateway → RabbitMQ → ingest actor → SQLite, beside a no-op actor
    context.py   the context fetch beside a bare RabbitMQ round trip
    isolation.py one account flooding, another fetching its context
    quality.py   memory quality on natural dialogues (dialogue_set.py, dialogues/)
    chaos/       every 202 stored while parts are killed; the attack suite the tests run too
    support/     what they share (and the end-to-end tests with them): memq's commands as
                 processes, RabbitMQ and MongoDB helpers, CPU from /proc, progress lines

Each prints its figures; run them on a quiet machine (README, "Benchmarks").
"""
