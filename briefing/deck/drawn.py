"""A slide as drawn things: rectangles, pictures, lines of text, lines, polygons and dots, in inches.

The slide preview paints these; nothing here knows Qt or python-pptx. Text arrives broken into the
lines the layout measured (``textfit``), each placed at its baseline, so the picture shows the lines
the lint counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.deck import textfit
from briefing.deck.template import Box

Point = tuple[float, float]


@dataclass(frozen=True)
class Rect:
    """A filled rectangle (``stops``: a gradient of (position 0…1, colour) at ``angle`` degrees)."""

    box: Box
    colour: str
    rounded: bool = False
    stops: tuple[tuple[float, str], ...] = ()
    angle: float = 90.0


@dataclass(frozen=True)
class Picture:
    """A picture stretched over ``box``: PNG/JPEG ``data``, or the file at ``path``."""

    box: Box
    data: bytes = b""
    path: str = ""


@dataclass(frozen=True)
class Text:
    """One line of text whose baseline starts at (``x``, ``y``)."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    bold: bool = False
    family: str = ""
    font_file: str = ""
    """The font file the layout measured with (the family, or its metric twin), for the painter to use."""


@dataclass(frozen=True)
class Line:
    points: tuple[Point, ...]
    colour: str
    width: float = 1.0
    """In points."""
    dashed: bool = False


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    colour: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    radius: float
    colour: str


Item = Rect | Picture | Text | Line | Polygon | Dot


@dataclass(frozen=True)
class DrawnSlide:
    """One slide as the export will show it, and where its parts are (to mark lint findings on them).

    ``parts`` names boxes: ``title``, ``body``, ``callout``, ``caption``, ``subtitle``, ``table``,
    ``chart``, ``card 1`` …, ``footer`` (the names a lint finding's ``field`` uses). ``overflowing``
    names the parts whose text does not fit its box.
    """

    number: int
    title: str
    kind: str
    appendix: bool
    width: float
    height: float
    items: tuple[Item, ...]
    parts: dict[str, Box] = field(default_factory=dict)
    overflowing: tuple[str, ...] = ()
    part_texts: dict[str, str] = field(default_factory=dict)
    """The text each part shows (a chart: its title), to find the part a finding quotes."""

    def texts(self) -> list[str]:
        """Every line of text on the slide, top to bottom as drawn."""
        return [item.text for item in self.items if isinstance(item, Text)]


def text_width(text: str, size: float, family: str, bold: bool = False) -> float:
    """The width of ``text`` in inches, by the metrics the layout measures with."""
    return textfit.metrics(family, bold).width(text, size) / 72


def label(x: float, y: float, text: str, size: float, colour: str, family: str, align: str = "l",
          bold: bool = False) -> Text:
    """A line of text anchored at ``x`` on its left (``l``), centre (``c``) or right (``r``), baseline ``y``."""
    if align != "l":
        width = text_width(text, size, family, bold)
        x -= width / 2 if align == "c" else width
    font = textfit.font_file(family, bold)
    return Text(x, y, text, size, colour, bold, family, str(font) if font else "")
