"""Charts described as plain data; a renderer turns a ChartSpec into a native PowerPoint chart
or a matplotlib figure. The deck and the desktop app draw from the same specs.

Colours are never given here, only *roles*; the renderer maps roles to the theme's colours:
- ``accent``  the message (the chosen bar, the ask);
- ``context`` the muted second colour for comparison (e.g. a baseline);
- ``muted``   greys for the rest;
- ``target``  a target marker or line;
- ``goal``    a target drawn as a reference line: a theme colour of the template that is neither the accent
  nor red (the target is something to reach, not an alarm);
- ``level:N/M`` an ordered level N of M (0 = lowest) — risk low→high, stance blocker→champion —
  rendered as a lightness ramp that survives colour blindness and greyscale printing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ChartKind = Literal["bar", "column", "line", "scatter", "bubble", "pie", "timeline", "likert"]
NATIVE_KINDS: frozenset[str] = frozenset({"bar", "column", "line", "scatter", "bubble", "pie"})


@dataclass
class Series:
    """One series: ``values`` align with the chart's categories (or with ``x`` for scatter/bubble)."""

    name: str
    values: list[float | None]
    role: str = "context"
    x: list[float] | None = None
    sizes: list[float] | None = None
    point_roles: list[str] | None = None
    point_labels: list[str] | None = None
    label_positions: list[str] | None = None
    """Where each point's label sits: "right" (default), "left", "above", "below" or "center"."""
    reference: bool = False
    """A reference line (a baseline, a target): a constant drawn dashed, without markers, labelled where its
    ``point_labels`` say (on a line chart: at its right end)."""


@dataclass
class Span:
    """A bar on a timeline (a roadmap phase): from ``start`` to ``end``, coloured by ``role``."""

    label: str
    start: dt.date
    end: dt.date
    role: str = "level:0/3"
    note: str = ""


@dataclass
class LikertRow:
    """One Likert question: the count of answers at each scale level, low → high."""

    label: str
    counts: list[int]


@dataclass
class ChartSpec:
    """One chart as plain data: every text already translated, colours as roles."""

    kind: ChartKind
    title: str = ""
    categories: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    unit: str = ""
    value_axis: str = ""
    category_axis: str = ""
    x_axis: str = ""
    y_axis: str = ""
    legend: bool = True
    data_labels: bool = True
    spans: list[Span] = field(default_factory=list)
    today: dt.date | None = None
    today_label: str = ""
    scale: list[str] = field(default_factory=list)
    likert: list[LikertRow] = field(default_factory=list)
    """``scale`` names the ordered levels (low → high) of a likert chart, a timeline's span roles, or the
    values 1 … len(scale) of a column chart (e.g. a presentation's outcome)."""
    alt_text: str = ""
    note: str = ""
    """A short caption under the chart (e.g. ``n = 64, March 2026``)."""
    x_range: tuple[float, float] | None = None
    y_range: tuple[float, float] | None = None
    """Fixed axis limits (scatter/bubble: both axes; other kinds: ``y_range`` is the value axis)."""
    lang: str = "en"
    """The language the texts are in; renderers write numbers and month names in it."""
    counts: bool = False
    """The values are counts: the value axis starts at 0, has whole-number ticks and reaches at least 1."""

    @property
    def native(self) -> bool:
        """True where PowerPoint has the chart type (the deck then writes an editable chart)."""
        return self.kind in NATIVE_KINDS
