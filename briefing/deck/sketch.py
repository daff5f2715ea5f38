"""A chart spec drawn simply for the slide preview: bars, lines, dots, wedges, spans and Likert rows.

Not the deck's chart (PowerPoint draws native charts; matplotlib draws the rest), but the same data
in the same colours and place, with its category labels: enough to see what the slide says and
whether it is crowded. ``sketch(spec, theme, box, family) -> list[Item]``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from briefing.charts.labels import bubble_scale
from briefing.charts.spec import ChartSpec, Series
from briefing.charts.text import short_label
from briefing.charts.theme import ChartTheme, grid_colour, label_colour, level_colour, role_colour
from briefing.deck.drawn import Dot, Item, Line, Polygon, Rect, label, text_width
from briefing.deck.template import Box
from briefing.i18n import format_number

LABEL_PT = 12.0
LINE_IN = LABEL_PT * 1.3 / 72


class _Sketch:
    """Draws one spec into ``box``; ``items`` collects what is drawn."""

    def __init__(self, spec: ChartSpec, theme: ChartTheme, box: Box, family: str) -> None:
        self.spec, self.theme, self.box, self.family = spec, theme, box, family
        self.ink = label_colour(theme)
        self.items: list[Item] = []

    def text(self, x: float, y: float, text: str, align: str = "l", colour: str | None = None,
             limit: int = 28) -> None:
        self.items.append(label(x, y, short_label(text, limit), LABEL_PT, colour or self.ink, self.family, align))

    def rect(self, left: float, top: float, width: float, height: float, colour: str) -> None:
        if width > 0 and height > 0:
            self.items.append(Rect(Box(left, top, width, height), colour))

    def axis(self, points: tuple[tuple[float, float], ...]) -> None:
        self.items.append(Line(points, grid_colour(self.theme, 0.6), 1.0))

    def note(self) -> Box:
        """The plot's box: the spec's note and its key (the legend) written under it."""
        box = self.box
        if self.spec.note:
            self.text(box.left, box.bottom - 0.08, self.spec.note, limit=80)
            box = Box(box.left, box.top, box.width, box.height - LINE_IN - 0.05)
        entries = _key(self.spec, self.theme) if self.spec.legend else []
        if entries:
            self.key(entries, box.bottom - 0.08)
            box = Box(box.left, box.top, box.width, box.height - LINE_IN - 0.05)
        return box

    def key(self, entries: list[tuple[str, str]], baseline: float) -> None:
        """A row of coloured squares, each with its name, left to right."""
        left = self.box.left
        square = LABEL_PT * 0.7 / 72
        for name, colour in entries:
            self.rect(left, baseline - square, square, square, colour)
            text = label(left + square + 0.05, baseline, short_label(name, 24), LABEL_PT, self.ink, self.family)
            self.items.append(text)
            left += square + 0.2 + text_width(text.text, LABEL_PT, self.family)


def sketch(spec: ChartSpec, theme: ChartTheme, box: Box, family: str) -> list[Item]:
    """The items that draw ``spec`` in ``box`` (inches), text in ``family``."""
    drawer = _Sketch(spec, theme, box, family)
    _KINDS.get(spec.kind, _bars)(drawer)
    return drawer.items


def _key(spec: ChartSpec, theme: ChartTheme) -> list[tuple[str, str]]:
    """The legend's entries (name, colour): the ordered scale's levels, else the series when there are several."""
    if spec.scale and spec.kind in ("bubble", "scatter", "timeline", "likert"):
        return [(name, level_colour(theme, i, len(spec.scale))) for i, name in enumerate(spec.scale)]
    if len(spec.series) > 1 and spec.kind not in ("pie",):
        return [(s.name, role_colour(theme, s.role)) for s in spec.series]
    return []


def _values(series: Series, count: int) -> list[float]:
    return [(v or 0.0) for v in (list(series.values) + [None] * count)[:count]]


def _range(d: _Sketch) -> tuple[float, float]:
    if d.spec.y_range:
        return d.spec.y_range
    values = [v for s in d.spec.series for v in s.values if v is not None]
    return min([0.0, *values]), max([1.0, *values]) * 1.12


def _colour(d: _Sketch, series: Series, index: int) -> str:
    roles = series.point_roles
    return role_colour(d.theme, roles[index] if roles and index < len(roles) else series.role)


def _value_label(d: _Sketch, series: Series, index: int, value: float) -> str:
    if series.point_labels is not None and index < len(series.point_labels):
        return series.point_labels[index]
    return format_number(round(value, 1), d.spec.lang)


def _bars(d: _Sketch) -> None:
    area = d.note()
    n, count = max(len(d.spec.categories), 1), max(len(d.spec.series), 1)
    low, high = _range(d)
    if d.spec.kind == "bar":
        _horizontal(d, area, n, count, (low, (high - low) or 1.0))
    else:
        _vertical(d, area, n, count, (low, (high - low) or 1.0))


def _horizontal(d: _Sketch, area: Box, n: int, count: int, scale: tuple[float, float]) -> None:
    """Bars left to right, the category names on their left."""
    low, span = scale
    plot = Box(area.left + area.width * 0.3, area.top, area.width * 0.55, area.height)
    pitch = plot.height / n
    for c, name in enumerate(d.spec.categories):
        d.text(area.left, plot.top + pitch * (c + 0.5) + 0.06, name)
    for s, series in enumerate(d.spec.series):
        for c, value in enumerate(_values(series, n)):
            top = plot.top + pitch * c + pitch * 0.1 + pitch * 0.8 * s / count
            width = plot.width * (value - low) / span
            d.rect(plot.left, top, width, pitch * 0.8 / count * 0.9, _colour(d, series, c))
            d.text(plot.left + width + 0.05, top + pitch * 0.4 / count + 0.06, _value_label(d, series, c, value))
    d.axis(((plot.left, plot.top), (plot.left, plot.bottom)))


def _vertical(d: _Sketch, area: Box, n: int, count: int, scale: tuple[float, float]) -> None:
    """Columns bottom up, the category names under them."""
    low, span = scale
    plot = Box(area.left, area.top, area.width, area.height - LINE_IN - 0.1)
    pitch = plot.width / n
    for c, name in enumerate(d.spec.categories):
        d.text(plot.left + pitch * (c + 0.5), plot.bottom + LINE_IN, name, "c", limit=int(pitch * 10) + 4)
    for s, series in enumerate(d.spec.series):
        for c, value in enumerate(_values(series, n)):
            left = plot.left + pitch * c + pitch * 0.15 + pitch * 0.7 * s / count
            height = plot.height * (value - low) / span
            d.rect(left, plot.bottom - height, pitch * 0.7 / count * 0.9, height, _colour(d, series, c))
            d.text(left + pitch * 0.35 / count, plot.bottom - height - 0.05, _value_label(d, series, c, value), "c")
    d.axis(((plot.left, plot.bottom), (plot.right, plot.bottom)))


def _line(d: _Sketch) -> None:
    area = d.note()
    plot = Box(area.left + 0.1, area.top + 0.2, area.width - 0.2, area.height - LINE_IN - 0.3)
    n = max(len(d.spec.categories), 1)
    low, high = _range(d)
    step = plot.width / max(n - 1, 1)

    def where(index: int, value: float) -> tuple[float, float]:
        return plot.left + step * index, plot.bottom - plot.height * (value - low) / ((high - low) or 1.0)

    for c, name in enumerate(d.spec.categories):
        d.text(where(c, low)[0], plot.bottom + LINE_IN + 0.05, name, "c", limit=14)
    for series in d.spec.series:
        points = tuple(where(i, v) for i, v in enumerate(series.values[:n]) if v is not None)
        colour = role_colour(d.theme, series.role)
        if series.reference:  # a baseline or target: dashed, named where its label is
            d.items.append(Line(points, colour, 1.5, dashed=True))
            for (x, y), text in zip(points, series.point_labels or [], strict=False):
                if text:
                    d.text(x, y - 0.04, text, "r" if x > plot.left + plot.width / 2 else "l", limit=30)
            continue
        d.items.append(Line(points, colour, 2.5))
        d.items.extend(Dot(x, y, 0.05, colour) for x, y in points)
    d.axis(((plot.left, plot.bottom), (plot.right, plot.bottom)))


def _xy(d: _Sketch) -> None:
    area = d.note()
    plot = Box(area.left + 0.3, area.top + 0.1, area.width - 0.4, area.height - 0.4)
    points = [(x, y) for s in d.spec.series for x, y in zip(s.x or [], s.values, strict=False) if y is not None]
    xs, ys = [p[0] for p in points] or [0.0, 1.0], [p[1] for p in points] or [0.0, 1.0]
    x0, x1 = d.spec.x_range or _padded(min(xs), max(xs))
    y0, y1 = d.spec.y_range or _padded(min(ys), max(ys))
    biggest = max((size for s in d.spec.series for size in s.sizes or [1.0]), default=1.0) or 1.0
    shrink = bubble_scale(len(points)) if d.spec.kind == "bubble" else 1.0  # many crowd: smaller, as in the deck
    for series in d.spec.series:
        for i, (x, y) in enumerate(zip(series.x or [], series.values, strict=False)):
            if y is None:
                continue
            cx = plot.left + plot.width * (x - x0) / ((x1 - x0) or 1.0)
            cy = plot.bottom - plot.height * (y - y0) / ((y1 - y0) or 1.0)
            size = (series.sizes[i] if series.sizes and i < len(series.sizes) else 1.0) / biggest
            radius = (0.06 + 0.2 * math.sqrt(size)) * shrink
            d.items.append(Dot(cx, cy, radius, _colour(d, series, i)))
            name = series.point_labels[i] if series.point_labels and i < len(series.point_labels) else ""
            if name:
                _point_label(d, (cx, cy, radius), name)
    d.axis(((plot.left, plot.top), (plot.left, plot.bottom), (plot.right, plot.bottom)))


def _padded(low: float, high: float) -> tuple[float, float]:
    """A data range with a tenth of room on either side (never empty)."""
    pad = (high - low) * 0.1 or 0.5
    return low - pad, high + pad


def _point_label(d: _Sketch, dot: tuple[float, float, float], name: str) -> None:
    """A point's name right of its dot, or left of it where the right would leave the chart."""
    cx, cy, radius = dot
    text = short_label(name, 20)
    if cx + radius + 0.04 + text_width(text, LABEL_PT, d.family) > d.box.right:
        d.text(cx - radius - 0.04, cy + 0.05, text, "r", limit=20)
    else:
        d.text(cx + radius + 0.04, cy + 0.05, text, limit=20)


def _pie(d: _Sketch) -> None:
    series = d.spec.series[0] if d.spec.series else Series("", [])
    values = [max(v, 0.0) for v in _values(series, len(d.spec.categories))]
    total = sum(values) or 1.0
    radius = min(d.box.width, d.box.height) * 0.4
    cx, cy = d.box.left + d.box.width / 2, d.box.top + d.box.height / 2
    start = -math.pi / 2
    for index, value in enumerate(values):
        sweep = 2 * math.pi * value / total
        steps = max(int(sweep * 12), 2)
        arc = [(cx + radius * math.cos(start + sweep * k / steps), cy + radius * math.sin(start + sweep * k / steps))
               for k in range(steps + 1)]
        d.items.append(Polygon(((cx, cy), *arc), _colour(d, series, index)))
        start += sweep


def _timeline(d: _Sketch) -> None:
    spans = d.spec.spans
    if not spans:
        return
    days = [s.start.toordinal() for s in spans] + [s.end.toordinal() for s in spans]
    if d.spec.today:
        days.append(d.spec.today.toordinal())
    first, last = min(days) - 5, max(days) + 5
    area = d.note()
    plot = Box(area.left, area.top + 0.3, area.width, area.height - 0.3)
    pitch = plot.height / len(spans)

    def x_of(day: int) -> float:
        return plot.left + plot.width * (day - first) / ((last - first) or 1)

    for row, span in enumerate(spans):
        left, right = x_of(span.start.toordinal()), x_of(span.end.toordinal() + 1)
        top = plot.top + pitch * row + pitch * 0.2
        d.rect(left, top, right - left, pitch * 0.6, role_colour(d.theme, span.role))
        d.text(min(left, plot.right - 3.0), top - 0.04, " · ".join(t for t in (span.label, span.note) if t), limit=64)
    if d.spec.today:
        x = x_of(d.spec.today.toordinal())
        target = role_colour(d.theme, "target")
        d.items.append(Line(((x, d.box.top + 0.25), (x, plot.bottom)), target, 2.0, dashed=True))
        if x > plot.left + plot.width * 0.7:  # near the right edge: the label reads leftwards from the line
            d.text(x - 0.05, d.box.top + 0.2, d.spec.today_label, "r", colour=target)
        else:
            d.text(x + 0.05, d.box.top + 0.2, d.spec.today_label, colour=target)


def _likert(d: _Sketch) -> None:
    rows = [row for row in d.spec.likert if sum(row.counts) > 0]
    levels = len(d.spec.scale)
    if not rows or not levels:
        return
    area = d.note()
    plot = Box(area.left + area.width * 0.38, area.top, area.width * 0.6, area.height)
    pitch = plot.height / len(rows)
    for index, row in enumerate(rows):
        top = plot.top + pitch * index + pitch * 0.2
        d.text(area.left, top + pitch * 0.35, row.label, limit=40)
        left = plot.left
        for level, count in enumerate(row.counts[:levels]):
            width = plot.width * count / sum(row.counts)
            d.rect(left, top, width, pitch * 0.6, level_colour(d.theme, level, levels))
            left += width


_KINDS: dict[str, Callable[[_Sketch], None]] = {
    "bar": _bars, "column": _bars, "line": _line, "scatter": _xy, "bubble": _xy, "pie": _pie,
    "timeline": _timeline, "likert": _likert,
}
