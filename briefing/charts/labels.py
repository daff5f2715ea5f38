"""Where the labels of a bubble chart go: beside each bubble, on a side where they touch nothing.

The chart's real size is the renderer's business, so the labels are placed on a nominal plot in
inches (about the plot area of a chart slide on a 10 in wide template; bigger slides have more
room): each bubble a square of its radius, each label a box as wide as its text at the deck's
label size. A label keeps its preferred side when that is free, else takes the first free side of
right, left, below, above, else the side it overlaps least. Labels placed earlier count as taken.

The boxes are kept in a grid of cells (``Grid``), so a label is compared only with the boxes near
it: placing n labels takes O(n) box tests on a plot where people spread, not O(n²) (3 million tests
for 400 people before). Who gets a label at all is the chart's business (``build.stakeholder_map``
names at most ``MAP_LABELS`` people, the most influential).
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
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
CROWD = 30
"""Up to this many bubbles keep their full size; more are drawn smaller (``bubble_scale``)."""
CELL_IN = 0.25
"""The side of a grid cell: about a label's height, a short name's width."""


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


def bubble_scale(count: int) -> float:
    """How big the bubbles of a chart with ``count`` of them are drawn, as a share of full size: 1 up
    to ``CROWD``, then shrinking so that they cover about the same area together (never below 0.3)."""
    return 1.0 if count <= CROWD else max(0.3, (CROWD / count) ** 0.5)


def bubble_count(spec: ChartSpec) -> int:
    """How many bubbles ``spec`` draws."""
    return sum(1 for series in spec.series for value in series.values if value is not None)


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
    scale = bubble_scale(len(points))
    return [
        Bubble(
            x=(x - x_range[0]) / (x_range[1] - x_range[0]) * PLOT_WIDTH_IN,
            y=(y - y_range[0]) / (y_range[1] - y_range[0]) * PLOT_HEIGHT_IN,
            radius=MAX_RADIUS_IN * scale * (max(size, 0.0) / biggest) ** 0.5,
            label_width=len(label) * char,
            label_height=LABEL_PT * 1.2 / 72,
        )
        for (x, y), size, label in zip(points, sizes, labels, strict=True)
    ]


class Grid:
    """Boxes filed by the cells of ``CELL_IN`` they cover; finds the boxes near a box quickly."""

    def __init__(self) -> None:
        self.boxes: list[Rect] = []
        self._cells: defaultdict[tuple[int, int], list[int]] = defaultdict(list)

    def add(self, box: Rect) -> int:
        """File ``box``; its number in ``boxes``."""
        number = len(self.boxes)
        self.boxes.append(box)
        for cell in _cells(box):
            self._cells[cell].append(number)
        return number

    def near(self, box: Rect) -> set[int]:
        """The numbers of the boxes that share a cell with ``box`` (every box it may overlap)."""
        return {number for cell in _cells(box) for number in self._cells.get(cell, ())}

    def overlap(self, box: Rect, skip: int = -1) -> float:
        """The area ``box`` shares with the filed boxes, leaving out box number ``skip``."""
        return sum(box.overlap(self.boxes[n]) for n in self.near(box) if n != skip)


def _cells(box: Rect) -> Iterator[tuple[int, int]]:
    for column in range(math.floor(box.left / CELL_IN), math.floor(box.right / CELL_IN) + 1):
        for row in range(math.floor(box.bottom / CELL_IN), math.floor(box.top / CELL_IN) + 1):
            yield column, row


def place(shown: Sequence[Bubble], preferred: Sequence[str], limit: int | None = None) -> list[str | None]:
    """The side of each bubble's label: the preferred one when it is free, else the freest. A bubble
    whose label is empty takes no label's room (its bubble still counts).

    With a ``limit``, labels are bounded so that each stays legible: they are placed from the top of
    the plot down (the most influential first, on the stakeholder map), a label that cannot avoid
    another label or the plot's edge on any side is left out (None), and so is every label past
    ``limit``."""
    plot = Rect(-MARGIN_IN, -MARGIN_IN, PLOT_WIDTH_IN + MARGIN_IN, PLOT_HEIGHT_IN + MARGIN_IN)
    bubble_grid, label_grid = Grid(), Grid()
    for bubble in shown:
        bubble_grid.add(bubble.box())  # bubble number i is box number i
    order = range(len(shown)) if limit is None else sorted(range(len(shown)), key=lambda i: -shown[i].y)
    sides: list[str | None] = [preferred[i] if limit is None else None for i in range(len(shown))]
    placed = 0
    for index in order:
        bubble = shown[index]
        if bubble.label_width <= 0 or (limit is not None and placed >= limit):
            continue
        candidates = [preferred[index], *(s for s in SIDES if s != preferred[index])]

        def crowding(side: str, bubble: Bubble = bubble) -> float:
            box = bubble.label_box(side)
            return label_grid.overlap(box) + box.outside(plot)

        def cost(side: str, bubble: Bubble = bubble, index: int = index) -> float:
            return bubble_grid.overlap(bubble.label_box(side), skip=index) + crowding(side)

        if limit is not None:
            candidates = [side for side in candidates if crowding(side) <= 1e-9]
            if not candidates:
                continue
        side = next((s for s in candidates if cost(s) <= 1e-9), min(candidates, key=cost))
        sides[index] = side
        label_grid.add(bubble.label_box(side))
        placed += 1
    return sides


def arrange(spec: ChartSpec, limit: int | None = None) -> ChartSpec:
    """``spec`` (a bubble or scatter chart) with every point's label on a side where it touches nothing;
    the sides it has are the preferred ones. Points without a label take no room but their bubble's.
    With a ``limit``, at most that many labels are kept, each clear of the others (see ``place``); the
    labels left out are emptied."""
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
    sides = iter(place(shown, [(s.label_positions or ["right"] * len(s.values))[i] for s, i in rows], limit))
    series = []
    for one in spec.series:
        positions = list(one.label_positions or ["right"] * len(one.values))
        texts = list(one.point_labels or [""] * len(one.values))
        for i, value in enumerate(one.values):
            if value is None:
                continue
            side = next(sides)
            if side is None:
                texts[i] = ""
            else:
                positions[i] = side
        kept = texts if one.point_labels is not None else None
        series.append(dataclasses.replace(one, label_positions=positions, point_labels=kept))
    return dataclasses.replace(spec, series=series)


def over_bubbles(spec: ChartSpec, roles: Collection[str]) -> set[tuple[int, int]]:
    """(series index, point index) of every label of ``spec`` that lies over a bubble of a series whose role is one of
    ``roles`` (other than its own): a reader would take the label for that bubble's."""
    rows = [(n, i, s) for n, s in enumerate(spec.series) for i in range(len(s.values)) if s.values[i] is not None]
    drawn = bubbles(
        [(float((s.x or [])[i]), float(s.values[i] or 0.0)) for _n, i, s in rows],
        [float((s.sizes or [1.0] * len(s.values))[i]) for _n, i, s in rows],
        [(s.point_labels or [""] * len(s.values))[i] for _n, i, s in rows],
        _drawn_range(spec.x_range),
        _drawn_range(spec.y_range),
    )
    avoided = [(row, bubble.box()) for row, bubble in enumerate(drawn) if rows[row][2].role in roles]
    over = set()
    for row, ((n, i, s), bubble) in enumerate(zip(rows, drawn, strict=True)):
        box = bubble.label_box((s.label_positions or ["right"] * len(s.values))[i])
        if bubble.label_width > 0 and any(box.overlap(other) > 1e-9 for r, other in avoided if r != row):
            over.add((n, i))
    return over


def _drawn_range(limits: tuple[float, float] | None) -> tuple[float, float]:
    """The axis as the native chart draws it: limits between whole numbers widen to the next ones."""
    low, high = limits or (0.0, 6.0)
    return float(math.floor(low)), float(math.ceil(high))
