"""Chaos benchmark: every 202 stored exactly once, in order, whatever is killed.

    python -m bench.chaos [--scenarios worker-kill,broker-stop,...] [--short]

Runs the attack suite of ``bench.chaos.scenarios`` at full size
(10,000 messages over 40 sessions of two accounts per scenario; the ingest
worker killed -9 three times; RabbitMQ stopped for 20 s; RabbitMQ killed -9;
``memq serve`` killed -9 three times; 20 poison messages) and prints, per
scenario: sent / accepted / stored / duplicates / lost / late (stored more
than 2 s after its 202), late messages of the accounts that sent no poison,
sessions out of order, poison refused, and the slowest 202 → stored.

RabbitMQ is a node this script starts on ports of its own, in a temporary
directory (``bench.support.rabbit_node``), stops and kills: never the
machine's shared broker. Run it with nothing else running; the test suite
runs the same scenarios at ``--short`` size (tests/e2e/test_chaos.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from bench.chaos.scenarios import FULL, SCENARIOS, SHORT, run
from bench.chaos.watch import Tally
from bench.support.rabbit_node import RabbitNode


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.chaos", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated")
    parser.add_argument("--short", action="store_true", help="the test suite's size")
    args = parser.parse_args()
    names = [name.strip() for name in args.scenarios.split(",") if name.strip()]
    size = SHORT if args.short else FULL
    when = time.strftime("%Y-%m-%d %H:%M")
    print(f"memq chaos: {platform.node()}, {os.cpu_count()} CPUs, {when}")
    print(
        f"size: {size.messages} messages over {size.sessions} sessions of 2 accounts; "
        f"{size.kills} kill(s); RabbitMQ stopped {size.outage:g}s; {size.poison} poison"
    )
    results: list[Tally] = []
    with tempfile.TemporaryDirectory(prefix="memq-chaos-") as tmp:
        node = None
        if any(name != "gateway-kill" for name in names):
            node = RabbitNode(Path(tmp) / "rabbit").start()
            print(f"own RabbitMQ node {node.name} on {node.url}")
        try:
            for name in names:
                started = time.monotonic()
                result = run(name, node, Path(tmp) / name, size)
                print(f"  {name}: done in {time.monotonic() - started:.0f}s", flush=True)
                results.append(result)
        finally:
            if node is not None:
                node.close()
    print_table(results)


def print_table(results: list[Tally]) -> None:
    rows = [result.row() for result in results]
    if not rows:
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    print()
    print(" | ".join(c.ljust(widths[c]) for c in columns))
    print("-+-".join("-" * widths[c] for c in columns))
    for row in rows:
        print(" | ".join(str(row[c]).rjust(widths[c]) for c in columns))


if __name__ == "__main__":
    main()
