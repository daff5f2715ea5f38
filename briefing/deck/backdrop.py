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

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing.charts.theme import blend, contrast, luminance
from briefing.deck.drawingml import FILL_TAGS, NS, WHITE, P, Theme, colour_of, fill_colours, number, theme_of
from briefing.deck.template import Box, Geometry, element

EMU = 914400
NEAR_BLACK = "#1A1A1A"
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
        """One colour standing for the backdrop: the median of its colours by luminance."""
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


# -- what lies behind a region -------------------------------------------------------------------


def _box(xml: Any) -> Box | None:
    off, ext = xml.find(".//a:xfrm/a:off", NS), xml.find(".//a:xfrm/a:ext", NS)
    if off is None or ext is None:
        return None
    values = [number(v, 0) / EMU for v in (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy"))]
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
    index = number(ref.get("idx"), 0) - 1001
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
