"""What a template really draws behind each text of the deck, and the colour that text takes to be read.

Behind a placeholder lie, top to bottom: its own fill, the layout's shapes, the master's shapes (unless
the layout hides them) and the background of the layout or else the master: solid, gradient (every
stop), pattern (both colours), picture (sampled with Pillow: its darkest and lightest tenth) or the
theme's background style that ``p:bgRef`` points to. The text colour a template's own styles give a
placeholder is read the same way (layout, master placeholder, master text styles, mapped through the
colour map, with ``lumMod``/``lumOff``/``tint``/``shade`` applied as PowerPoint does).

Where that colour falls short of WCAG 2.2 AA against any colour behind (4.5:1; 3:1 at 18 pt and
over, 14 pt bold), the deck takes the theme's colour that reads best (dk1, lt1, dk2, lt2), else
near-black or white; ``template-check`` reports each replacement.
"""

from __future__ import annotations

import colorsys
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.charts.theme import blend, contrast, luminance
from briefing.deck.template import Box, Geometry, element

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "p": P, "r": R}
EMU = 914400
NEAR_BLACK, WHITE = "#1A1A1A", "#FFFFFF"
FILL_TAGS = tuple(f"{{{A}}}{name}" for name in ("solidFill", "gradFill", "blipFill", "pattFill", "noFill", "grpFill"))
TITLE_KINDS = ("title", "ctrTitle")
FRAME_KINDS = ("dt", "ftr", "sldNum")


def required(size_pt: float, bold: bool = False) -> float:
    """WCAG 2.2 AA's minimum contrast for text of ``size_pt``: 3:1 when large (18 pt, or 14 pt bold), else 4.5:1."""
    return 3.0 if size_pt >= 18 or (bold and size_pt >= 14) else 4.5


@dataclass(frozen=True)
class Backdrop:
    """Every colour that may lie behind a text (one for a flat fill; the stops of a gradient …)."""

    colours: tuple[str, ...]

    def contrast(self, ink: str) -> float:
        """The worst contrast of ``ink`` against anything behind it."""
        return min(contrast(ink, colour) for colour in self.colours)

    @property
    def main(self) -> str:
        """One colour standing for the backdrop: the mean of its colours in luminance order's middle."""
        ordered = sorted(self.colours, key=luminance)
        return ordered[len(ordered) // 2]


@dataclass(frozen=True)
class Ink:
    """The colour of one kind of text (``role``) on its backdrop: the template's own and the one used."""

    role: str
    own: str
    colour: str
    backdrop: Backdrop
    minimum: float

    @property
    def replaced(self) -> bool:
        return self.own != self.colour

    @property
    def ratio(self) -> float:
        return self.backdrop.contrast(self.colour)

    @property
    def own_ratio(self) -> float:
        return self.backdrop.contrast(self.own)


# -- colours -----------------------------------------------------------------------------------


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
        value = child[0].get("lastClr") or child[0].get("val") if len(child) else None
        if value and len(value) == 6:
            scheme[child.tag.rsplit("}", 1)[-1]] = value.upper()
    colour_map = element(master).find("p:clrMap", NS)
    mapping = dict(colour_map.attrib) if colour_map is not None else {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2",
                                                                      "tx2": "dk2"}
    styles = xml.find(".//a:fmtScheme/a:bgFillStyleLst", NS)
    return Theme(scheme, mapping, tuple(styles) if styles is not None else ())


_PRESET = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF", "green": "#008000",
           "gray": "#808080", "grey": "#808080", "navy": "#000080", "yellow": "#FFFF00"}


def colour_of(node: Any, theme: Theme, placeholder: str | None = None) -> str | None:
    """The ``#RRGGBB`` of a colour element (``a:srgbClr``, ``a:schemeClr``, ``a:sysClr``, ``a:prstClr``)
    with its modifiers applied; ``phClr`` is ``placeholder``."""
    tag = node.tag.rsplit("}", 1)[-1]
    value = node.get("val", "")
    if tag == "srgbClr":
        base: str | None = f"#{value.upper()}" if len(value) == 6 else None
    elif tag == "schemeClr":
        base = placeholder if value == "phClr" else theme.named(value)
    elif tag == "sysClr":
        last = node.get("lastClr", "")
        base = f"#{last.upper()}" if len(last) == 6 else ("#000000" if value == "windowText" else WHITE)
    elif tag == "prstClr":
        base = _PRESET.get(value)
    elif tag == "scrgbClr":
        base = "#" + "".join(f"{round(_gamma(int(node.get(k, '0')) / 100000) * 255):02X}" for k in "rgb")
    else:
        return None
    return _modified(base, node) if base else None


def _modified(colour: str, node: Any) -> str:
    """PowerPoint's colour modifiers: tint/shade in linear light, lumMod/lumOff in HSL."""
    for child in node:
        name = child.tag.rsplit("}", 1)[-1]
        share = int(child.get("val", "100000")) / 100000
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
    name = fill.tag.rsplit("}", 1)[-1]
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


# -- what lies behind a region -------------------------------------------------------------------


def _box(xml: Any) -> Box | None:
    off, ext = xml.find(".//a:xfrm/a:off", NS), xml.find(".//a:xfrm/a:ext", NS)
    if off is None or ext is None:
        return None
    values = [int(v) / EMU for v in (off.get("x", 0), off.get("y", 0), ext.get("cx", 0), ext.get("cy", 0))]
    return Box(*values)


def _overlap(a: Box, b: Box) -> float:
    width = min(a.right, b.right) - max(a.left, b.left)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    return max(width, 0.0) * max(height, 0.0)


def _covers(shape: Box, region: Box) -> bool:
    return shape.left <= region.left + 0.01 and shape.top <= region.top + 0.01 and \
        shape.right >= region.right - 0.01 and shape.bottom >= region.bottom - 0.01


def _own_fill(xml: Any) -> Any:
    """The fill a shape paints: a picture's image (``p:blipFill``), else the fill in its ``p:spPr``."""
    picture = xml.find("p:blipFill", NS)
    if picture is not None:
        return picture
    sppr = xml.find("p:spPr", NS)
    return None if sppr is None else next((child for child in sppr if child.tag in FILL_TAGS), None)


def _ph(xml: Any) -> tuple[str, str] | None:
    ph = xml.find("p:nvSpPr/p:nvPr/p:ph", NS)
    return None if ph is None else (ph.get("type", "body"), ph.get("idx", "0"))


def placeholder_xml(part_xml: Any, kinds: tuple[str, ...]) -> Any:
    """The first placeholder shape of a layout or master whose type is one of ``kinds``."""
    for sp in part_xml.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = _ph(sp)
        if ph is not None and ph[0] in kinds:
            return sp
    return None


def backdrop(layout: Any, region: Box, kinds: tuple[str, ...] = (), theme: Theme | None = None) -> Backdrop:
    """Every colour the layout (with its master) draws behind ``region``; ``kinds``: the placeholder whose
    own fill (layout's, else master's) lies directly behind the text, if any; ``theme``: the master's, if read."""
    master = layout.slide_master
    theme = (theme or theme_of(master)).with_mapping(_override(element(layout)))
    found: list[str] = []
    for part, xml in _placeholder_chain(layout, kinds):
        fill = _own_fill(xml)
        if fill is not None:
            colours = fill_colours(fill, theme, part, region, _box(xml) or region)
            if colours:
                return Backdrop(colours)
            if colours == ():
                break
    for part, xml, box in _shapes_on_top_first(layout, master):
        if _overlap(box, region) < 0.05 * max(region.width * region.height, 1e-6):
            continue
        fill = _own_fill(xml)
        colours = fill_colours(fill, theme, part, region, box) if fill is not None else None
        if not colours:
            continue
        found.extend(colours)
        if _covers(box, region) and fill is not None and fill.tag.endswith(("solidFill", "blipFill")):
            return Backdrop(tuple(dict.fromkeys(found)))
    found.extend(_background(layout, master, theme, region))
    return Backdrop(tuple(dict.fromkeys(found)) or (WHITE,))


def _override(layout_xml: Any) -> dict[str, str] | None:
    node = layout_xml.find("p:clrMapOvr/a:overrideClrMapping", NS)
    return dict(node.attrib) if node is not None else None


def _placeholder_chain(layout: Any, kinds: tuple[str, ...]) -> Iterable[tuple[Any, Any]]:
    if not kinds:
        return
    for part_owner in (layout, layout.slide_master):
        xml = placeholder_xml(element(part_owner), kinds)
        if xml is not None:
            yield part_owner.part, xml


def _shapes_on_top_first(layout: Any, master: Any) -> Iterable[tuple[Any, Any, Box]]:
    owners = [layout] if element(layout).get("showMasterSp") == "0" else [layout, master]
    for owner in owners:
        tree = element(owner).find("p:cSld/p:spTree", NS)
        shapes = [child for child in tree if child.tag in (f"{{{P}}}sp", f"{{{P}}}pic")] if tree is not None else []
        for xml in reversed(shapes):
            box = _box(xml)
            if _ph(xml) is None and box is not None:
                yield owner.part, xml, box


def _background(layout: Any, master: Any, theme: Theme, region: Box) -> tuple[str, ...]:
    width, height = _slide_size(layout)
    whole = Box(0, 0, width, height)
    for owner in (layout, master):
        bg = element(owner).find("p:cSld/p:bg", NS)
        if bg is None:
            continue
        props = bg.find("p:bgPr", NS)
        if props is not None:
            fill = next((child for child in props if child.tag in FILL_TAGS), None)
            colours = fill_colours(fill, theme, owner.part, region, whole) if fill is not None else None
            if colours:
                return colours
            continue
        ref = bg.find("p:bgRef", NS)
        if ref is not None:
            return _background_style(ref, theme, owner.part, region, whole)
    return tuple(c for c in (theme.named("bg1"),) if c) or (WHITE,)


def _background_style(ref: Any, theme: Theme, part: Any, region: Box, whole: Box) -> tuple[str, ...]:
    """The theme's background fill style ``idx`` (1001 is the first), its ``phClr`` the reference's colour."""
    colour = next((c for c in (colour_of(child, theme) for child in ref) if c), None)
    index = int(ref.get("idx", "0")) - 1001
    if 0 <= index < len(theme.backgrounds):
        colours = fill_colours(theme.backgrounds[index], theme, part, region, whole, placeholder=colour)
        if colours:
            return colours
    return (colour,) if colour else (WHITE,)


def _slide_size(layout: Any) -> tuple[float, float]:
    prs = layout.part.package.presentation_part.presentation
    return prs.slide_width / EMU, prs.slide_height / EMU


# -- the colour a template's own style gives a text ----------------------------------------------


def style_colour(layout: Any, kinds: tuple[str, ...], theme: Theme | None = None) -> str:
    """The text colour of a placeholder of ``kinds`` as the template styles it (tx1 when nothing says)."""
    master = layout.slide_master
    theme = (theme or theme_of(master)).with_mapping(_override(element(layout)))
    for _part, xml in _placeholder_chain(layout, kinds):
        colour = _level_one_colour(xml.find("p:txBody/a:lstStyle", NS), theme)
        if colour:
            return colour
    styles = element(master).find("p:txStyles", NS)
    which = "p:titleStyle" if kinds[0] in TITLE_KINDS else "p:otherStyle" if kinds[0] in FRAME_KINDS \
        else "p:bodyStyle"
    colour = _level_one_colour(styles.find(which, NS) if styles is not None else None, theme)
    return colour or theme.named("tx1") or NEAR_BLACK


def _level_one_colour(styles: Any, theme: Theme) -> str | None:
    if styles is None:
        return None
    fill = styles.find("a:lvl1pPr/a:defRPr/a:solidFill", NS)
    if fill is None or not len(fill):
        return None
    return colour_of(fill[0], theme)


# -- choosing a readable colour ------------------------------------------------------------------


def readable(own: str, behind: Backdrop, minimum: float, theme: Theme | None) -> str:
    """``own`` when it reads on ``behind``; else the theme's dk1/lt1/dk2/lt2 that reads best; else near-black
    or white."""
    if behind.contrast(own) >= minimum:
        return own
    slots = [theme.scheme.get(name) for name in ("dk1", "lt1", "dk2", "lt2")] if theme else []
    candidates = [f"#{slot}" for slot in slots if slot]
    passing = [c for c in candidates if behind.contrast(c) >= minimum]
    if passing:
        return max(passing, key=behind.contrast)
    return max((NEAR_BLACK, WHITE), key=behind.contrast)


QUIET_MARGIN = 1.15
"""A quieter shade keeps 15 % above the minimum: anti-aliased small text reads a little fainter."""


def quiet(text: str, behind: Backdrop, minimum: float = 4.5) -> str:
    """A quieter shade of ``text`` for secondary lines (sources, captions) that still reads on ``behind``."""
    for share in (0.4, 0.3, 0.2, 0.1):
        candidate = blend(text, behind.main, share)
        if behind.contrast(candidate) >= minimum * QUIET_MARGIN:
            return candidate
    return text


# -- every text role of a deck --------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """A kind of text the deck writes: on which layout, in which region, from which placeholder style."""

    name: str
    layout: str
    kinds: tuple[str, ...]
    size: float
    bold: bool


ROLES = (
    Role("title", "content", ("title",), 20.0, True),
    Role("cover_title", "title", ("ctrTitle", "title"), 28.0, True),
    Role("subtitle", "title", ("subTitle", "body"), 18.0, False),
    Role("divider", "section", ("title", "ctrTitle"), 28.0, True),
    Role("footer", "content", ("ftr",), 10.0, False),
)
"""Texts placed in the template's placeholders: their own style's colour is kept when it reads."""


def regions(geo: Geometry) -> dict[str, Box]:
    """Where each role's text goes (the boxes ``layout.arrange`` uses)."""
    content = geo.content
    caption = Box(content.left, content.bottom - 0.35, content.width, 0.35)
    below_cover = Box(geo.cover_subtitle.left, geo.cover_subtitle.bottom, geo.cover_subtitle.width,
                      max(geo.footer.top - geo.cover_subtitle.bottom, 0.3))
    return {
        "title": geo.title,
        "cover_title": geo.cover_title,
        "subtitle": geo.cover_subtitle,
        "divider": Box(content.left, geo.height * 0.38, content.width, geo.height * 0.2),
        "footer": geo.footer,
        "body": content,
        "caption": caption,
        "cover_caption": below_cover,
    }


def inks(prs: Any, layouts: dict[str, int], geo: Geometry) -> dict[str, Ink]:
    """The colour of every kind of text in a deck made with this template, checked against its backdrop."""
    all_layouts = list(prs.slide_layouts)
    places = regions(geo)
    master = prs.slide_masters[0]
    theme = theme_of(master)
    result: dict[str, Ink] = {}
    content = all_layouts[layouts["content"]]
    cover = all_layouts[layouts["title"]]
    body_behind = backdrop(content, places["body"], theme=theme)
    own_text = theme.named("tx1") or NEAR_BLACK
    body = readable(own_text, body_behind, 4.5, theme)
    result["body"] = Ink("body", own_text, body, body_behind, 4.5)
    for name, layout in (("caption", content), ("cover_caption", cover)):
        behind = backdrop(layout, places[name], theme=theme)
        colour = quiet(readable(own_text, behind, 4.5, theme), behind)
        result[name] = Ink(name, colour, colour, behind, 4.5)
    for role in ROLES:
        layout = all_layouts[layouts[role.layout]]
        minimum = required(role.size, role.bold)
        if role.name == "footer" and placeholder_box(layout, FRAME_KINDS) is None:  # the deck's own text boxes
            behind = backdrop(layout, places["footer"], theme=theme)
            colour = quiet(readable(own_text, behind, minimum, theme), behind, minimum)
            result["footer"] = Ink("footer", colour, colour, behind, minimum)
            continue
        behind = _frame_backdrop(layout, places["footer"], theme) if role.name == "footer" else \
            backdrop(layout, places[role.name], role.kinds, theme)
        own = style_colour(layout, role.kinds, theme)
        result[role.name] = Ink(role.name, own, readable(own, behind, minimum, theme), behind, minimum)
    return result


def placeholder_box(layout: Any, kinds: tuple[str, ...]) -> Box | None:
    """Where the layout's placeholder of ``kinds`` sits (its own position, else its master's)."""
    for _part, xml in _placeholder_chain(layout, kinds):
        box = _box(xml)
        if box is not None:
            return box
    return None


def _frame_backdrop(layout: Any, fallback: Box, theme: Theme) -> Backdrop:
    """What lies behind the footer and the slide number, each where the layout puts it."""
    colours: list[str] = []
    for kind in ("ftr", "sldNum"):
        box = placeholder_box(layout, (kind,))
        if box is not None or kind == "ftr":
            colours.extend(backdrop(layout, box or fallback, (kind,), theme).colours)
    return Backdrop(tuple(dict.fromkeys(colours)))
