"""Bar charts as geometry for server-side SVG (drawn by templates/chart.svg.html)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

WIDTH, HEIGHT, AXIS = 600, 160, 20
#: The widest bar: one day's or one session's bar does not fill the chart.
MAX_BAR = 60


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: float


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    peak: float
    width: int = WIDTH
    height: int = HEIGHT + AXIS


def bar_chart(title: str, points: Iterable[tuple[str, float]]) -> Chart:
    """One bar per (label, value), in the order given, scaled to the largest value."""
    pairs = list(points)
    peak = max((value for _, value in pairs), default=0.0)
    slot = WIDTH / max(len(pairs), 1)
    bars = []
    for index, (label, value) in enumerate(pairs):
        height = 0.0 if peak <= 0 else HEIGHT * value / peak
        width = min(max(slot - 4, 1), MAX_BAR)
        left = index * slot + (slot - width) / 2  # centred in its slot
        bars.append(Bar(left, HEIGHT - height, width, height, label, value))
    return Chart(title, bars, peak)
