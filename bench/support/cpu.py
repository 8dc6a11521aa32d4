"""CPU seconds and memory of processes, and how busy the machine is, read from /proc."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from bench.support.processes import MemqProcess

_CLK_TCK = os.sysconf("SC_CLK_TCK")


def _proc_stat(pid: int | str) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Fields after "(comm)": state ppid pgrp ... utime is field 14 = index 11 here.
    return text.rpartition(")")[2].split()


def _cpu_of(fields: list[str]) -> float:
    return (int(fields[11]) + int(fields[12])) / _CLK_TCK


def group_cpu(pgid: int | None) -> float:
    """CPU seconds of the live processes in a process group (a memq command + children)."""
    if pgid is None:
        return 0.0
    total = 0.0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _proc_stat(entry)
            if fields is not None and fields[2] == str(pgid):
                total += _cpu_of(fields)
    return total


def group_peak_rss_mb(pgid: int | None) -> float:
    """Peak resident memory (VmHWM) of the live processes in a process group, in MB."""
    if pgid is None:
        return 0.0
    total_kb = 0
    for entry in os.listdir("/proc"):
        fields = _proc_stat(entry) if entry.isdigit() else None
        if fields is None or fields[2] != str(pgid):
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total_kb += int(line.split()[1])
    return total_kb / 1024


def rabbitmq_pids() -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with suppress(OSError):
                if Path(f"/proc/{entry}/comm").read_text().strip() == "beam.smp":
                    pids.append(int(entry))
    return pids


def machine_busy() -> float:
    """CPU seconds all cores spent busy since boot (not idle, not iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / _CLK_TCK


def background_load(seconds: float = 2.0) -> float:
    """Busy % of the whole machine (100 = one core) before the bench starts anything."""
    before, t0 = machine_busy(), time.monotonic()
    time.sleep(seconds)
    return 100 * (machine_busy() - before) / (time.monotonic() - t0)


class CpuMeter:
    """Snapshots CPU seconds of named processes; a phase reports the differences."""

    def __init__(self) -> None:
        self.groups: dict[str, Callable[[], float]] = {}
        beams = rabbitmq_pids()
        self.groups["rabbitmq"] = lambda: sum(
            _cpu_of(f) for f in map(_proc_stat, beams) if f is not None
        )

        def bench_self() -> float:
            times = os.times()
            return times.user + times.system

        self.groups["bench (client)"] = bench_self

    def watch(self, name: str, process: MemqProcess | subprocess.Popen[bytes] | None) -> None:
        popen = process.proc if isinstance(process, MemqProcess) else process
        pgid = popen.pid if popen is not None else None  # started with start_new_session
        self.groups[name] = lambda: group_cpu(pgid)

    def snapshot(self) -> dict[str, float]:
        values = {name: read() for name, read in self.groups.items()}
        values["machine"] = machine_busy()
        values["wall"] = time.monotonic()
        return values

    @staticmethod
    def delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
        # A process started during the phase counts from zero (its start-up included).
        return {name: after[name] - before.get(name, 0.0) for name in after}
