"""Where the labels of a bubble chart go: beside each bubble, on a side where they touch nothing.

The chart's real size is the renderer's business, so the labels are placed on a nominal plot in
inches (about the plot area of a chart slide on a 10 in wide template; bigger slides have more
room): each bubble a square of its radius, each label a box as wide as its text at the deck's
label size. A label keeps its preferred side when that is free, else takes the first free side of
right, left, below, above, else the side it overlaps least. Labels placed earlier count as taken.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.charts.spec import ChartSpec

PLOT_WIDTH_IN = 6.5
PLOT_HEIGHT_IN = 2.6
LABEL_PT = 12.0
CHAR_EM = 0.55
"""An average character's width in ems (names in Carlito or Liberation Sans)."""
MAX_RADIUS_IN = 0.3
"""The radius of the biggest bubble on the nominal plot."""
GAP_IN = 0.04
MARGIN_IN = 0.35
"""How far a label may reach beyond the plot area (into the chart's own margin)."""
SIDES = ("right", "left", "below", "above")


@dataclass(frozen=True)
class Rect:
    """A box on the nominal plot, in inches from its bottom left corner."""

    left: float
    bottom: float
    right: float
    top: float

    def overlap(self, other: Rect) -> float:
        """The area this box shares with ``other``."""
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.top, other.top) - max(self.bottom, other.bottom)
        return max(width, 0.0) * max(height, 0.0)

    def outside(self, plot: Rect) -> float:
        """The area of this box that lies outside ``plot``."""
        return (self.right - self.left) * (self.top - self.bottom) - self.overlap(plot)


@dataclass(frozen=True)
class Bubble:
    """A bubble's centre and radius on the nominal plot, and its label's size."""

    x: float
    y: float
    radius: float
    label_width: float
    label_height: float

    def box(self) -> Rect:
        return Rect(self.x - self.radius, self.y - self.radius, self.x + self.radius, self.y + self.radius)

    def label_box(self, side: str) -> Rect:
        w, h, r = self.label_width, self.label_height, self.radius + GAP_IN
        if side == "right":
            return Rect(self.x + r, self.y - h / 2, self.x + r + w, self.y + h / 2)
        if side == "left":
            return Rect(self.x - r - w, self.y - h / 2, self.x - r, self.y + h / 2)
        if side == "above":
            return Rect(self.x - w / 2, self.y + r, self.x + w / 2, self.y + r + h)
        return Rect(self.x - w / 2, self.y - r - h, self.x + w / 2, self.y - r)


def bubbles(
    points: Sequence[tuple[float, float]],
    sizes: Sequence[float],
    labels: Sequence[str],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> list[Bubble]:
    """The bubbles of ``points`` (x, y in data units) on the nominal plot."""
    biggest = max([*sizes, 1e-9])
    char = CHAR_EM * LABEL_PT / 72
    return [
        Bubble(
            x=(x - x_range[0]) / (x_range[1] - x_range[0]) * PLOT_WIDTH_IN,
            y=(y - y_range[0]) / (y_range[1] - y_range[0]) * PLOT_HEIGHT_IN,
            radius=MAX_RADIUS_IN * (max(size, 0.0) / biggest) ** 0.5,
            label_width=len(label) * char,
            label_height=LABEL_PT * 1.2 / 72,
        )
        for (x, y), size, label in zip(points, sizes, labels, strict=True)
    ]


def place(shown: Sequence[Bubble], preferred: Sequence[str]) -> list[str]:
    """The side of each bubble's label: the preferred one when it is free, else the freest."""
    plot = Rect(-MARGIN_IN, -MARGIN_IN, PLOT_WIDTH_IN + MARGIN_IN, PLOT_HEIGHT_IN + MARGIN_IN)
    taken: list[Rect] = []
    sides: list[str] = []
    for index, bubble in enumerate(shown):
        others = [b.box() for i, b in enumerate(shown) if i != index]
        candidates = [preferred[index], *(s for s in SIDES if s != preferred[index])]

        def cost(side: str, bubble: Bubble = bubble, others: list[Rect] = others) -> float:
            box = bubble.label_box(side)
            return sum(box.overlap(other) for other in [*others, *taken]) + box.outside(plot)

        side = next((s for s in candidates if cost(s) <= 1e-9), min(candidates, key=cost))
        sides.append(side)
        taken.append(bubble.label_box(side))
    return sides


def arrange(spec: ChartSpec) -> ChartSpec:
    """``spec`` (a bubble or scatter chart) with every point's label on a side where it touches nothing;
    the sides it has are the preferred ones. Points without a label take no room but their bubble's."""
    rows = [(series, i) for series in spec.series for i in range(len(series.values)) if series.values[i] is not None]
    if not rows:
        return spec
    shown = bubbles(
        [(float((s.x or [])[i]), float(s.values[i] or 0.0)) for s, i in rows],
        [float(s.sizes[i]) if s.sizes and spec.kind == "bubble" else 1.0 for s, i in rows],
        [(s.point_labels or [""] * len(s.values))[i] for s, i in rows],
        _drawn_range(spec.x_range),
        _drawn_range(spec.y_range),
    )
    sides = iter(place(shown, [(s.label_positions or ["right"] * len(s.values))[i] for s, i in rows]))
    series = []
    for one in spec.series:
        positions = list(one.label_positions or ["right"] * len(one.values))
        for i, value in enumerate(one.values):
            if value is not None:
                positions[i] = next(sides)
        series.append(dataclasses.replace(one, label_positions=positions))
    return dataclasses.replace(spec, series=series)


def _drawn_range(limits: tuple[float, float] | None) -> tuple[float, float]:
    """The axis as the native chart draws it: limits between whole numbers widen to the next ones."""
    low, high = limits or (0.0, 6.0)
    return float(math.floor(low)), float(math.ceil(high))
