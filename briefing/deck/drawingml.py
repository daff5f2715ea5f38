"""Colours as DrawingML writes them: a master's colour scheme and colour map, colour elements with their
modifiers applied as PowerPoint applies them (``tint``/``shade`` in linear light, ``lumMod``/``lumOff`` in
HSL), and the colours a fill paints (solid, gradient stops, pattern, a picture sampled with Pillow)."""

from __future__ import annotations

import colorsys
import io
import re
from dataclasses import dataclass
from typing import Any

from briefing.charts.theme import luminance
from briefing.deck.template import Box, element

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "p": P, "r": R}
WHITE = "#FFFFFF"
FILL_TAGS = tuple(f"{{{A}}}{name}" for name in ("solidFill", "gradFill", "blipFill", "pattFill", "noFill", "grpFill"))



@dataclass(frozen=True)
class Theme:
    """A master's colour scheme and colour map, and its theme's background fill styles."""

    scheme: dict[str, str]
    mapping: dict[str, str]
    backgrounds: tuple[Any, ...]

    def named(self, name: str) -> str | None:
        """``bg1``/``tx1``… through the colour map, or a scheme slot (``accent1``, ``dk2``…) directly."""
        value = self.scheme.get(self.mapping.get(name, name))
        return f"#{value}" if value else None

    def with_mapping(self, override: dict[str, str] | None) -> Theme:
        return Theme(self.scheme, override, self.backgrounds) if override else self


def theme_of(master: Any) -> Theme:
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    xml = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    scheme: dict[str, str] = {}
    node = xml.find(".//a:clrScheme", NS)
    for child in node if node is not None else []:
        value = hex6(child[0].get("lastClr") or child[0].get("val")) if len(child) else None
        if value and local(child):
            scheme[local(child)] = value
    colour_map = element(master).find("p:clrMap", NS)
    mapping = dict(colour_map.attrib) if colour_map is not None else {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2",
                                                                      "tx2": "dk2"}
    styles = xml.find(".//a:fmtScheme/a:bgFillStyleLst", NS)
    return Theme(scheme, mapping, tuple(styles) if styles is not None else ())


_PRESET = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF", "green": "#008000",
           "gray": "#808080", "grey": "#808080", "navy": "#000080", "yellow": "#FFFF00"}


def hex6(value: str | None) -> str | None:
    """``RRGGBB`` in capitals, or None for anything else (a hostile template writes what it likes)."""
    return value.upper() if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value) else None


def number(value: str | None, default: int) -> int:
    """An attribute's whole number, or ``default`` where it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def local(node: Any) -> str:
    """An element's tag without its namespace ("" for a comment or processing instruction)."""
    return node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""


def colour_of(node: Any, theme: Theme, placeholder: str | None = None) -> str | None:
    """The ``#RRGGBB`` of a colour element (``a:srgbClr``, ``a:schemeClr``, ``a:sysClr``, ``a:prstClr``)
    with its modifiers applied; ``phClr`` is ``placeholder``."""
    tag = local(node)
    value = node.get("val", "")
    if tag == "srgbClr":
        base: str | None = f"#{hex6(value)}" if hex6(value) else None
    elif tag == "schemeClr":
        base = placeholder if value == "phClr" else theme.named(value)
    elif tag == "sysClr":
        last = hex6(node.get("lastClr"))
        base = f"#{last}" if last else ("#000000" if value == "windowText" else WHITE)
    elif tag == "prstClr":
        base = _PRESET.get(value)
    elif tag == "scrgbClr":
        base = "#" + "".join(f"{round(_gamma(number(node.get(k), 0) / 100000) * 255):02X}" for k in "rgb")
    else:
        return None
    return _modified(base, node) if base else None


def _modified(colour: str, node: Any) -> str:
    """PowerPoint's colour modifiers: tint/shade in linear light, lumMod/lumOff in HSL."""
    for child in node:
        name = local(child)
        share = number(child.get("val"), 100000) / 100000
        if name == "tint":
            colour = _linear_mix(colour, WHITE, 1 - share)
        elif name == "shade":
            colour = _linear_mix(colour, "#000000", 1 - share)
        elif name in ("lumMod", "lumOff"):
            colour = _luminance_shift(colour, share if name == "lumMod" else 1.0, share if name == "lumOff" else 0.0)
    return colour


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    channel = min(max(channel, 0.0), 1.0)
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in (r, g, b))


def _linear_mix(colour: str, towards: str, share: float) -> str:
    pairs = zip(_rgb(colour), _rgb(towards), strict=True)
    r, g, b = (_gamma(_linear(a) + (_linear(t) - _linear(a)) * share) for a, t in pairs)
    return _hex(r, g, b)


def _luminance_shift(colour: str, factor: float, offset: float) -> str:
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(colour))
    return _hex(*colorsys.hls_to_rgb(h, min(max(lightness * factor + offset, 0.0), 1.0), s))


def fill_colours(fill: Any, theme: Theme, part: Any, region: Box | None = None, own: Box | None = None,
                 placeholder: str | None = None) -> tuple[str, ...] | None:
    """The colours a fill element paints: () for ``a:noFill``, None when it is not a fill we know.

    A picture (``a:blipFill``) is sampled where ``region`` lies over ``own`` (the filled box)."""
    name = local(fill)
    if name == "noFill":
        return ()
    if name == "solidFill":
        return _colours(fill, theme, placeholder)
    if name == "gradFill":
        return tuple(c for stop in fill.findall("a:gsLst/a:gs", NS) for c in _colours(stop, theme, placeholder))
    if name == "pattFill":
        return tuple(c for side in ("a:fgClr", "a:bgClr") for c in _colours(fill.find(side, NS), theme, placeholder))
    if name == "blipFill":
        blip = fill.find("a:blip", NS)
        rid = blip.get(f"{{{R}}}embed") if blip is not None else None
        return sample_picture(part, rid, region, own) if rid else None
    return None


def _colours(parent: Any, theme: Theme, placeholder: str | None) -> tuple[str, ...]:
    if parent is None:
        return ()
    found = (colour_of(child, theme, placeholder) for child in parent)
    return tuple(c for c in found if c)


def sample_picture(part: Any, rid: str, region: Box | None, own: Box | None) -> tuple[str, ...] | None:
    """The darkest and lightest tenth of a picture where ``region`` lies over it (``own``: where it is drawn)."""
    try:
        from PIL import Image

        image = Image.open(io.BytesIO(part.related_part(rid).blob)).convert("RGBA")
    except Exception:  # a picture Pillow cannot read (EMF, damaged): nothing to measure
        return None
    if region is not None and own is not None and own.width > 0 and own.height > 0:
        w, h = image.size
        left = max(0.0, (region.left - own.left) / own.width)
        top = max(0.0, (region.top - own.top) / own.height)
        right = min(1.0, (region.right - own.left) / own.width)
        bottom = min(1.0, (region.bottom - own.top) / own.height)
        if right > left and bottom > top:
            image = image.crop((int(left * w), int(top * h), max(int(right * w), int(left * w) + 1),
                                max(int(bottom * h), int(top * h) + 1)))
    image.thumbnail((64, 64))
    data = image.tobytes()  # RGBA: the see-through pixels of a logo show what is behind, not the picture
    pixels = sorted((f"#{data[i]:02X}{data[i + 1]:02X}{data[i + 2]:02X}" for i in range(0, len(data) - 3, 4)
                     if data[i + 3] >= 128), key=luminance)
    if not pixels:
        return None
    return pixels[len(pixels) // 10], pixels[len(pixels) * 9 // 10]
