"""A template's scenery: what it draws on a slide before the deck adds anything — backgrounds, its own
shapes and pictures — and how its placeholders dress their text, read once per template for the preview.

``scenery(template, kind)`` returns a ``Scenery`` for a slide kind (``content``, ``title``,
``section``): the background (solid, gradient or picture), the master's and the layout's fixed
shapes (filled rectangles, pictures), and for the title, subtitle, footer and slide-number
placeholders their box, text colour and vertical anchor. The reading is cached by the template's
path and modification time, so an edit of the deck never reads the template again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.deck.drawingml import Theme, colour_of, local, theme_of
from briefing.deck.template import EMU, NS, Box, Template

MAX_PICTURE_BYTES = 20 * 1024 * 1024
"""A template picture larger than this is left out of the preview (it still reaches the deck)."""

_A = f"{{{NS['a']}}}"
_P = f"{{{NS['p']}}}"
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


@dataclass(frozen=True)
class Fill:
    """A filled area: a solid colour, a gradient (``stops``), or a picture (``picture`` bytes)."""

    box: Box
    colour: str
    stops: tuple[tuple[float, str], ...] = ()
    angle: float = 90.0
    picture: bytes = b""
    rounded: bool = False


@dataclass(frozen=True)
class PlaceholderStyle:
    """Where a placeholder sits on its layout (None: the layout has none) and how it dresses text."""

    box: Box | None
    colour: str | None
    anchor: str = "t"
    fill: str | None = None
    """The placeholder's own fill (a title band), drawn behind its text wherever the deck puts it."""


@dataclass(frozen=True)
class Scenery:
    """The template's part of one slide kind."""

    background: Fill
    shapes: tuple[Fill, ...] = ()
    styles: dict[str, PlaceholderStyle] = field(default_factory=dict)

    def style(self, role: str) -> PlaceholderStyle:
        return self.styles.get(role, PlaceholderStyle(None, None))


ROLES = {"title": ("title", "ctrTitle"), "cover_title": ("ctrTitle", "title"), "subtitle": ("subTitle",),
         "footer": ("ftr",), "number": ("sldNum",)}
"""Placeholder roles and the placeholder types that fill them, in the renderer's order of preference."""


_CACHE: dict[tuple[str, float, int], dict[str, Scenery]] = {}
CACHED_TEMPLATES = 8


def scenery(template: Template, kind: str) -> Scenery:
    """The scenery of slide ``kind`` (``content``, ``title`` or ``section``) in ``template``."""
    key = (str(template.path), _modified(template.path), len(template.data))
    if key not in _CACHE:
        if len(_CACHE) >= CACHED_TEMPLATES:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = _read(template)
    return _CACHE[key][kind]


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _read(template: Template) -> dict[str, Scenery]:
    prs = template.open()
    layouts = list(prs.slide_layouts)
    reader = _Reader(prs, template.palette.background)
    return {kind: reader.read(layouts[index]) for kind, index in template.layouts.items()}


class _Reader:
    """Reads one template's master and layouts (python-pptx objects stay in here)."""

    def __init__(self, prs: Any, fallback: str) -> None:
        self.master = prs.slide_masters[0]
        self.theme: Theme = theme_of(self.master)
        self.size = (prs.slide_width / EMU, prs.slide_height / EMU)
        self.fallback = fallback

    def read(self, layout: Any) -> Scenery:
        whole = Box(0.0, 0.0, *self.size)
        background = (self._background(layout) or self._background(self.master)
                      or Fill(whole, self.fallback))
        shapes: list[Fill] = []
        if layout.element.get("showMasterSp") != "0":
            shapes.extend(self._shapes(self.master))
        shapes.extend(self._shapes(layout))
        styles = {role: self._style(layout, types) for role, types in ROLES.items()}
        return Scenery(background, tuple(shapes), styles)

    # -- colours -----------------------------------------------------------------------------

    def colour(self, parent: Any) -> str | None:
        """The colour of the first colour element in ``parent``, its modifiers applied (``drawingml``)."""
        if parent is None:
            return None
        for element in parent.iter():
            if local(element).endswith("Clr"):
                return colour_of(element, self.theme)
        return None

    # -- backgrounds and shapes ---------------------------------------------------------------

    def _background(self, part: Any) -> Fill | None:
        bg = part.element.find("p:cSld/p:bg", NS)
        if bg is None:
            return None
        return self._fill(part, bg, Box(0.0, 0.0, *self.size))

    def _fill(self, part: Any, node: Any, box: Box, rounded: bool = False) -> Fill | None:
        """The fill under ``node`` (a background, or a shape's properties): picture, gradient or solid;
        None when there is none, or when its XML is not what DrawingML allows (the preview leaves it out)."""
        try:
            return self._read_fill(part, node, box, rounded)
        except (ValueError, TypeError):
            return None

    def _read_fill(self, part: Any, node: Any, box: Box, rounded: bool) -> Fill | None:
        blip = node.find(f".//{_A}blip")
        if blip is not None:
            data = self._picture(part, blip.get(_R_EMBED, ""))
            if data:
                return Fill(box, "#808080", picture=data, rounded=rounded)
        gradient = node.find(f".//{_A}gradFill")
        if gradient is not None:
            stops = tuple((int(stop.get("pos", "0")) / 100000, self.colour(stop) or "#808080")
                          for stop in gradient.iter(f"{_A}gs"))
            line = gradient.find(f"{_A}lin")
            angle = int(line.get("ang", "5400000")) / 60000 if line is not None else 90.0
            if stops:
                return Fill(box, stops[0][1], stops=stops, angle=angle, rounded=rounded)
        if node.find(f"{_A}noFill") is not None:
            return None
        solid = node.find(f"{_A}solidFill")
        if solid is None and node.tag == f"{_P}bg":
            solid = node.find(f"{_P}bgPr/{_A}solidFill")
            solid = solid if solid is not None else node.find(f"{_P}bgRef")
        colour = self.colour(solid)
        return Fill(box, colour, rounded=rounded) if colour else None

    def _picture(self, part: Any, rid: str) -> bytes:
        try:
            blob = part.part.related_part(rid).blob
        except (KeyError, AttributeError, ValueError):
            return b""
        return bytes(blob) if len(blob) <= MAX_PICTURE_BYTES else b""

    def _shapes(self, part: Any) -> list[Fill]:
        """The fixed shapes of a master or layout that show on a slide: filled shapes and pictures."""
        found = []
        for shape in part.shapes:
            if shape.is_placeholder:
                continue
            box = _box_of(shape)
            props = shape.element.find(f"{_P}spPr")
            if box is None or props is None:
                continue
            if shape.element.tag == f"{_P}pic":
                props = shape.element.find(f"{_P}blipFill")
            geometry = shape.element.find(f"{_P}spPr/{_A}prstGeom")
            rounded = geometry is not None and geometry.get("prst") == "roundRect"
            fill = self._fill(part, props, box, rounded) if props is not None else None
            if fill is not None:
                found.append(fill)
        return found

    # -- placeholders --------------------------------------------------------------------------

    def _style(self, layout: Any, types: tuple[str, ...]) -> PlaceholderStyle:
        shape = _placeholder(layout, types)
        if shape is None:
            return PlaceholderStyle(None, None)
        kind = _ph_type(shape)
        inherited = _placeholder(self.master, (kind,) if kind not in ("ctrTitle",) else ("title",))
        colour = anchor = fill = None
        unfilled = False  # a placeholder says noFill: no band, whatever its master has
        for source in (shape, inherited):
            if source is None:
                continue
            colour = colour or self.colour(source.element.find(f".//{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr"))
            body = source.element.find(f".//{_A}bodyPr")
            anchor = anchor or (body.get("anchor") if body is not None else None)
            unfilled = unfilled or (fill is None and source.element.find(f"{_P}spPr/{_A}noFill") is not None)
            fill = fill or (None if unfilled else self.colour(source.element.find(f"{_P}spPr/{_A}solidFill")))
        if colour is None:
            style = "titleStyle" if kind in ("title", "ctrTitle") else "bodyStyle"
            colour = self.colour(self.master.element.find(f"p:txStyles/p:{style}/a:lvl1pPr/a:defRPr", NS))
        return PlaceholderStyle(_box_of(shape), colour, anchor or "t", fill)


def _placeholder(part: Any, types: tuple[str, ...]) -> Any:
    by_type: dict[str, Any] = {}
    for shape in part.placeholders:
        by_type.setdefault(_ph_type(shape), shape)
    return next((by_type[kind] for kind in types if kind in by_type), None)


def _ph_type(shape: Any) -> str:
    ph = shape.element.find(f".//{_P}ph")
    return (ph.get("type") if ph is not None else None) or "body"


def _box_of(shape: Any) -> Box | None:
    try:
        values = (shape.left, shape.top, shape.width, shape.height)
    except (AttributeError, KeyError, ValueError):
        return None
    if any(v is None for v in values) or values[2] <= 0 or values[3] <= 0:
        return None
    return Box(*(v / EMU for v in values))
