"""Charts as geometry, computed in Python: a dyad timeline and an actor network.

Functions here take typed records (counts per period, edges between actor
codes) and return chart records holding coordinates only. The SVG itself is
written by the Jinja2 templates (``templates/_charts.html``), so every label
goes through autoescaping. Layouts are deterministic: the same data gives the
same picture.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..store.network import Edge as StoreEdge

QUAD_CLASSES = (1, 2, 3, 4)


# --- timeline -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PeriodCounts:
    """Events of one period (day, week or month starting at ``start``) by quad class."""

    start: dt.date
    counts: tuple[int, int, int, int]      # quad classes 1..4
    mean_goldstein: float | None

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    quad_class: int
    count: int
    label: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    plot: tuple[float, float, float, float]   # left, top, right, bottom
    bars: tuple[Bar, ...]
    line: str                                 # SVG polyline points of mean Goldstein
    dots: tuple[Tick, ...]                    # one dot per period with a mean Goldstein
    count_ticks: tuple[Tick, ...]             # left axis
    goldstein_ticks: tuple[Tick, ...]         # right axis (-10..10)
    period_ticks: tuple[Tick, ...]            # bottom axis
    zero_y: float                             # y of Goldstein 0
    empty: bool
    marks: tuple[Tick, ...] = ()              # periods with events placed on the publication date


def period_label(start: dt.date, by: str) -> str:
    if by == "month":
        return start.strftime("%Y-%m")
    if by == "week":
        return f"{start.isoformat()} (wk)"
    return start.isoformat()


def timeline_chart(periods: tuple[PeriodCounts, ...] | list[PeriodCounts], by: str = "week",
                   width: int = 860, height: int = 320,
                   by_publication: dict[dt.date, int] | None = None) -> TimelineChart:
    """Stacked bars of events per quad class per period (one slot per period: give empty
    periods as zeros) and a mean-Goldstein line; counts have whole-number ticks.
    ``by_publication``: per period start, how many events were placed on the publication
    date (marked above the bar)."""
    left, top, right, bottom = 48.0, 16.0, width - 48.0, height - 48.0
    periods = sorted(periods, key=lambda p: p.start)
    n = len(periods)
    peak = max((p.total for p in periods), default=0)
    scale_max = _nice_max(peak)
    plot_h = bottom - top
    slot = (right - left) / max(n, 1)
    bar_w = max(1.0, min(slot * 0.72, 56.0))

    def y_count(v: float) -> float:
        return bottom - plot_h * (v / scale_max)

    def y_gold(g: float) -> float:
        return top + plot_h * (10.0 - g) / 20.0

    bars: list[Bar] = []
    dots: list[Tick] = []
    for i, p in enumerate(periods):
        x = left + i * slot + (slot - bar_w) / 2
        base = 0
        label = period_label(p.start, by)
        for quad, count in zip(QUAD_CLASSES, p.counts):
            if count <= 0:
                continue
            y1, y0 = y_count(base + count), y_count(base)
            bars.append(Bar(round(x, 2), round(y1, 2), round(bar_w, 2), round(y0 - y1, 2),
                            quad, count, label))
            base += count
        if p.mean_goldstein is not None:
            g = max(-10.0, min(10.0, p.mean_goldstein))
            dots.append(Tick(round(left + (i + 0.5) * slot, 2), round(y_gold(g), 2),
                             f"{label}: mean Goldstein {p.mean_goldstein:+.2f}"))
    line = " ".join(f"{d.x},{d.y}" for d in dots)

    marks = tuple(Tick(round(left + (i + 0.5) * slot, 2), round(y_count(p.total), 2) - 4,
                       f"{period_label(p.start, by)}: {(by_publication or {})[p.start]} of {p.total} events "
                       "without a date of their own, placed on the publication date")
                  for i, p in enumerate(periods) if (by_publication or {}).get(p.start))
    step = scale_max / 4
    count_ticks = tuple(Tick(left, round(y_count(step * k), 2), _fmt(step * k)) for k in range(5))
    goldstein_ticks = tuple(Tick(right, round(y_gold(g), 2), f"{g:+d}" if g else "0")
                            for g in (-10, -5, 0, 5, 10))
    every = max(1, math.ceil(n / 10))
    period_ticks = tuple(Tick(round(left + (i + 0.5) * slot, 2), bottom + 16, period_label(p.start, by))
                         for i, p in enumerate(periods) if i % every == 0)
    return TimelineChart(width, height, (left, top, right, bottom), tuple(bars), line, tuple(dots),
                         count_ticks, goldstein_ticks, period_ticks, round(y_gold(0.0), 2),
                         empty=peak == 0, marks=marks)


def _nice_max(peak: int) -> float:
    """The top of the count axis: four whole-number steps of 1, 2 or 5 times a power of ten."""
    step = 1
    while step * 4 < peak:
        magnitude = 10 ** math.floor(math.log10(step))
        step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude > step)
    return float(step * 4)


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


# --- network ------------------------------------------------------------------------------

DyadCount = StoreEdge
"""Events between two actor codes (either direction): the store's own ``network.Edge`` record."""


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    x: float
    y: float
    r: float
    events: int


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    tone: str            # "cooperation" | "conflict" | "mixed"
    label: str


@dataclass(frozen=True, slots=True)
class NetworkChart:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    empty: bool
    left_out_nodes: int = 0   # codes beyond ``max_nodes``, or left without an edge by that cut
    left_out_edges: int = 0   # edges with a left-out end


def network_chart(dyads: list[DyadCount] | tuple[DyadCount, ...], max_nodes: int = 40,
                  width: int = 860, height: int = 600, iterations: int = 200) -> NetworkChart:
    """Actors as nodes, event counts as weighted edges; a deterministic force layout."""
    merged: dict[tuple[str, str], list[int]] = {}
    for d in dyads:
        if not d.a or not d.b or d.a == d.b or d.events <= 0:
            continue
        key = (min(d.a, d.b), max(d.a, d.b))
        acc = merged.setdefault(key, [0, 0])
        acc[0] += d.cooperation
        acc[1] += d.conflict
    weight: dict[str, int] = {}
    for (a, b), (co, cf) in merged.items():
        weight[a] = weight.get(a, 0) + co + cf
        weight[b] = weight.get(b, 0) + co + cf
    ranked = sorted(weight, key=lambda c: (-weight[c], c))
    keep = set(ranked[:max_nodes])
    pairs = {k: v for k, v in merged.items() if k[0] in keep and k[1] in keep}
    linked = {c for pair in pairs for c in pair}   # no orphan: a node keeps at least one edge
    codes = [c for c in ranked if c in linked]
    left_nodes, left_edges = len(ranked) - len(codes), len(merged) - len(pairs)
    if not codes:
        return NetworkChart(width, height, (), (), empty=True, left_out_nodes=left_nodes,
                            left_out_edges=left_edges)

    pos = _force_layout(codes, {k: v[0] + v[1] for k, v in pairs.items()}, iterations)
    margin = 40.0
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0

    def place(code: str) -> tuple[float, float]:
        x, y = pos[code]
        px = margin + (width - 2 * margin) * ((x - min(xs)) / span_x if len(codes) > 1 else 0.5)
        py = margin + (height - 2 * margin) * ((y - min(ys)) / span_y if len(codes) > 1 else 0.5)
        return round(px, 2), round(py, 2)

    top = max(weight[c] for c in codes)
    weight = {c: sum(co + cf for pair, (co, cf) in pairs.items() if c in pair) for c in codes}
    top = max(weight.values())
    nodes = tuple(Node(c, *place(c), r=round(5 + 15 * math.sqrt(weight[c] / top), 2), events=weight[c])
                  for c in codes)
    heaviest = max((co + cf for co, cf in pairs.values()), default=1)
    edges = []
    for (a, b), (co, cf) in sorted(pairs.items()):
        (x1, y1), (x2, y2) = place(a), place(b)
        tone = "cooperation" if co > 2 * cf else "conflict" if cf > 2 * co else "mixed"
        edges.append(Edge(a, b, x1, y1, x2, y2, round(1 + 7 * (co + cf) / heaviest, 2), tone,
                          f"{a} – {b}: {co + cf} events ({co} cooperation, {cf} conflict)"))
    return NetworkChart(width, height, nodes, tuple(edges), empty=False, left_out_nodes=left_nodes,
                        left_out_edges=left_edges)


def _force_layout(codes: list[str], weights: dict[tuple[str, str], int],
                  iterations: int) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold from a circle (ordered by weight): no randomness."""
    n = len(codes)
    pos = {c: [math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i, c in enumerate(codes)}
    if n <= 2:
        return {c: (p[0], p[1]) for c, p in pos.items()}
    k = math.sqrt(4.0 / n)
    top = max(weights.values(), default=1)
    temperature = 0.2
    for _ in range(iterations):
        disp = {c: [0.0, 0.0] for c in codes}
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = math.hypot(dx, dy) or 1e-6
                f = k * k / d
                disp[a][0] += dx / d * f
                disp[a][1] += dy / d * f
                disp[b][0] -= dx / d * f
                disp[b][1] -= dy / d * f
        for (a, b), w in sorted(weights.items()):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 1e-6
            f = d * d / k * (0.5 + w / top)
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for c in codes:
            # a weak pull to the centre keeps unconnected nodes on the canvas
            disp[c][0] -= pos[c][0] * 0.05
            disp[c][1] -= pos[c][1] * 0.05
            dx, dy = disp[c]
            d = math.hypot(dx, dy) or 1e-6
            step = min(d, temperature)
            pos[c][0] += dx / d * step
            pos[c][1] += dy / d * step
        temperature = max(0.005, temperature * 0.97)
    return {c: (p[0], p[1]) for c, p in pos.items()}
