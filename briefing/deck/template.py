"""The deck's template: load a .pptx or .potx, find its layouts, read its theme, check it.

A template is read once into memory and made safe (``template_package``: bounded, no links out of
the package, none of its history; a ``.potx`` typed so python-pptx accepts it). A template without a
usable slide size, layouts or theme is refused, naming the file. Layouts are found by their
placeholder types, not their names: title slide (a centred title or subtitle), content (a title and
nothing else, else a title and one body), section header. The theme's colours and fonts come from
its XML, mapped through the master's colour map; text and accent colours are checked for contrast
against the background.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import reading
from briefing.charts.theme import ChartTheme, blend, contrast, luminance
from briefing.deck.model import LayoutInfo, TemplateReport
from briefing.deck.template_package import MAX_TEMPLATE_BYTES, PackageError, SafePackage, TooLarge, safe_package
from briefing.errors import InputError
from briefing.i18n import format_number
from briefing.paths import DEFAULT_TEMPLATE

if TYPE_CHECKING:
    from briefing.deck.backdrop import Ink

EMU = 914400
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
CONTENT_KINDS = ("body", "obj", "chart", "tbl", "pic", "media", "clipArt", "dgm", "subTitle")
FRAME_KINDS = ("dt", "ftr", "sldNum", "sldImg", "hdr")


@dataclass(frozen=True)
class Box:
    """A rectangle in inches."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    accent: str
    context: str
    muted: str
    target: str
    box: str
    major_font: str
    minor_font: str
    goal: str = ""

    @property
    def dark(self) -> bool:
        return luminance(self.background) < 0.4

    def chart_theme(self) -> ChartTheme:
        return ChartTheme(
            accent=self.accent,
            context=self.context,
            muted=self.muted,
            target=self.target,
            goal=self.goal,
            text=self.text,
            background=self.background,
            ramp=ramp(self.accent, self.background),
            font_family=self.minor_font,
            font_size=14.0,
        )


@dataclass(frozen=True)
class Geometry:
    """Where things go on a slide, in inches, derived from the template's layouts."""

    width: float
    height: float
    title: Box
    content: Box
    footer: Box
    cover_title: Box
    cover_subtitle: Box

    @property
    def scale(self) -> float:
        """The slide's size relative to the default 13.333 in wide slide."""
        return self.width / 13.333


@dataclass
class Template:
    """A checked template held in memory: its bytes, layouts by slide kind, geometry and palette."""

    path: Path
    data: bytes
    layouts: dict[str, int]
    geometry: Geometry
    palette: Palette
    report: TemplateReport
    inks: dict[str, Ink] = field(default_factory=dict)
    """The colour of each kind of text, read against what the template draws behind it (``backdrop.Ink``)."""

    def open(self) -> Any:
        """A fresh python-pptx Presentation of the template, its own example slides removed."""
        from pptx import Presentation

        prs = Presentation(io.BytesIO(self.data))
        remove_slides(prs)
        return prs


def remove_slides(prs: Any) -> int:
    """Remove every slide (a template's examples); returns how many there were."""
    from briefing.pptx_compat import slide_id_list

    ids = slide_id_list(prs)
    count = len(ids)
    for slide_id in list(ids):
        prs.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)
    return count


def load(path: Path | str | None = None) -> Template:
    """The template at ``path`` (default: the built-in 16:9 one); InputError names the file and the fault."""
    target = Path(path) if path else DEFAULT_TEMPLATE
    return _load_cached(str(target.absolute()), _stamp(target))  # not resolved: messages name the path given


def _stamp(path: Path) -> tuple[float, int]:
    try:
        info = path.stat()
    except OSError:
        return (0.0, -1)
    return (info.st_mtime, info.st_size)


@lru_cache(maxsize=8)  # a template holds its bytes (up to 100 MB): a few, not every one ever checked
def _load_cached(name: str, stamp: tuple[float, int]) -> Template:
    path = Path(name)
    package = read_package(path)
    from pptx import Presentation

    try:
        prs = Presentation(io.BytesIO(package.data))
        return inspect(path, package.data, prs, package.dropped_links)
    except InputError:
        raise
    except Exception as error:  # python-pptx raises many kinds on a damaged package or part
        raise InputError("deck.template.damaged", file=str(path), reason=_reason(error)) from None


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:160]


def read_package(path: Path) -> SafePackage:
    """The template as a safe .pptx package (see ``template_package``); refuses what cannot be a template.

    The path is looked at before it is opened: a folder, a named pipe or a device is refused, and
    so is a file over the size limit, so a wrong path never hangs the command or fills the memory.
    """
    suffix = path.suffix.lower()
    if suffix in (".pptm", ".potm"):
        raise InputError("deck.template.macro", file=str(path))
    if suffix not in (".pptx", ".potx"):
        raise InputError("deck.template.kind", file=str(path), suffix=suffix or "—")
    raw = reading.read_bytes(path, MAX_TEMPLATE_BYTES)
    try:
        return safe_package(raw)
    except TooLarge as error:
        raise InputError("deck.template.too_large", file=str(path), size=reading.megabytes(error.size),
                         limit=reading.megabytes(error.limit)) from None
    except PackageError as error:
        raise InputError("deck.template.not_zip", file=str(path), reason=str(error)) from None


def element(proxy: Any) -> Any:
    """The XML element behind a python-pptx layout, master or shape (see ``briefing.pptx_compat``)."""
    from briefing.pptx_compat import element as xml

    return xml(proxy)


# -- layouts ------------------------------------------------------------------------------------


def placeholder_kinds(layout: Any) -> list[str]:
    """The placeholder types of a layout as written in its XML (``title``, ``body``, ``dt`` …)."""
    kinds = []
    for ph in element(layout).iter(f"{{{NS['p']}}}ph"):
        kinds.append(ph.get("type") or "body")
    return kinds


def choose_layouts(prs: Any) -> tuple[dict[str, int], list[str]]:
    """Index (in ``prs.slide_layouts``) of the layout for each slide kind, and the kinds missing."""
    layouts = list(prs.slide_layouts)
    kinds = [placeholder_kinds(layout) for layout in layouts]
    content_of = [[k for k in ks if k in CONTENT_KINDS] for ks in kinds]
    found: dict[str, int] = {}
    missing: list[str] = []

    def first(test: Any) -> int | None:
        return next((i for i, ks in enumerate(kinds) if test(i, ks)), None)

    title_only = first(lambda i, ks: "title" in ks and not content_of[i])
    one_body = first(lambda i, ks: "title" in ks and len(content_of[i]) == 1 and content_of[i][0] in ("body", "obj"))
    any_title = first(lambda i, ks: "title" in ks)
    content = next((x for x in (title_only, one_body, any_title) if x is not None), None)
    if content is None:
        missing.append("content")
        content = first(lambda i, ks: True) or 0
    found["content"] = content
    cover = first(lambda i, ks: "ctrTitle" in ks or "subTitle" in ks)
    if cover is None:
        cover = first(lambda i, ks: element(layouts[i]).get("type") == "title")
    if cover is None:
        cover = first(lambda i, ks: _layout_name(layouts[i]).lower() in ("title slide", "titelslide", "title"))
    if cover is not None and has_fixed_text(layouts[cover]):
        cover = first(lambda i, ks: element(layouts[i]).get("type") == "secHead") or None
        missing.append("title")
    if cover is None:
        if "title" not in missing:
            missing.append("title")
        cover = content
    found["title"] = cover
    section = first(lambda i, ks: element(layouts[i]).get("type") == "secHead")
    if section is None:
        missing.append("section")
        section = content
    found["section"] = section
    return found, missing


def has_fixed_text(layout: Any) -> bool:
    """True when a layout carries text of its own outside placeholders (example text a deck must not show)."""
    for shape in layout.shapes:
        if shape.is_placeholder or not getattr(shape, "has_text_frame", False):
            continue
        if shape.text_frame.text.strip():
            return True
    return False


def _box(shape: Any) -> Box | None:
    try:
        values = (shape.left, shape.top, shape.width, shape.height)
    except (AttributeError, KeyError):
        return None
    if any(v is None for v in values):
        return None
    left, top, width, height = (v / EMU for v in values)
    return Box(left, top, width, height)


def _placeholder_box(layout: Any, types: tuple[str, ...]) -> Box | None:
    for shape in layout.placeholders:
        ph = element(shape).find(f".//{{{NS['p']}}}ph")
        kind = (ph.get("type") if ph is not None else None) or "body"
        if kind in types:
            box = _box(shape)
            if box is not None and box.width > 0 and box.height > 0:
                return box
    return None


def geometry(prs: Any, layouts: dict[str, int]) -> Geometry:
    """Title, content and footer boxes of the content layout; the cover's title and subtitle boxes."""
    width, height = prs.slide_width / EMU, prs.slide_height / EMU
    scale = width / 13.333
    margin = 0.5 * scale
    all_layouts = list(prs.slide_layouts)
    content_layout = all_layouts[layouts["content"]]
    title = _placeholder_box(content_layout, ("title",)) or Box(margin, 0.35 * scale, width - 2 * margin, 1.1 * scale)
    if title.width < width * 0.45:  # a side title (vertical layouts): use the top band instead
        title = Box(margin, 0.35 * scale, width - 2 * margin, 1.1 * scale)
    frame = [b for lay in [*all_layouts[:1], content_layout] if (b := _placeholder_box(lay, FRAME_KINDS))]
    footer_top = min((b.top for b in frame if b.top > height * 0.6), default=height - 0.5 * scale)
    footer = Box(margin, footer_top, width - 2 * margin, max(height - footer_top - 0.05 * scale, 0.3))
    body = _body_box(all_layouts, title, width, margin)
    top = max(body.top, title.bottom + 0.15 * scale)
    bottom = min(body.bottom, footer_top - 0.15 * scale)
    content = Box(body.left, top, body.width, max(bottom - top, height * 0.3))
    content = avoid_pictures(content, [content_layout, content_layout.slide_master])
    cover = all_layouts[layouts["title"]]
    cover_title = _placeholder_box(cover, ("ctrTitle", "title")) or Box(
        margin, height * 0.3, width - 2 * margin, height * 0.2
    )
    cover_sub = _placeholder_box(cover, ("subTitle",)) or Box(
        cover_title.left, cover_title.bottom + 0.1 * scale, cover_title.width, height * 0.17
    )
    return Geometry(width, height, title, content, footer, cover_title, cover_sub)


def avoid_pictures(content: Box, parts: list[Any]) -> Box:
    """The content box made smaller so it does not run under a logo or other fixed shape of the layout or master."""
    for part in parts:
        for shape in part.shapes:
            pic = None if shape.is_placeholder else _box(shape)
            if pic is None or pic.width * pic.height > content.width * content.height * 0.25:
                continue  # not an obstacle: a placeholder, or a band or background behind everything
            if pic.right <= content.left or pic.left >= content.right:
                continue
            if pic.bottom <= content.top or pic.top >= content.bottom:
                continue
            if pic.left >= content.left + content.width * 0.7:
                content = Box(content.left, content.top, pic.left - 0.1 - content.left, content.height)
            elif pic.top >= content.top + content.height * 0.6:
                content = Box(content.left, content.top, content.width, pic.top - 0.1 - content.top)
    return content


def _body_box(layouts: list[Any], title: Box, width: float, margin: float) -> Box:
    """The content area: the body of a title-and-one-body layout, else below the title within margins."""
    for layout in layouts:
        kinds = placeholder_kinds(layout)
        content = [k for k in kinds if k in CONTENT_KINDS]
        if "title" in kinds and len(content) == 1:
            box = _placeholder_box(layout, ("body", "obj"))
            if box is not None and box.width > width * 0.5:
                return box
    return Box(margin, title.bottom + 0.2, width - 2 * margin, 4.5)


# -- theme ---------------------------------------------------------------------------------------


def palette(prs: Any, inks: dict[str, Ink]) -> Palette:
    """Colours and fonts from the master's theme, mapped through its colour map; the background and text
    colour are what ``backdrop`` found behind the content area (``inks``), the accent checked against it."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    master = prs.slide_masters[0]
    theme_xml = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    scheme = _scheme(theme_xml)
    bg = inks["body"].backdrop.main
    text = inks["body"].colour
    accents = [f"#{scheme[name]}" for name in ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
               if name in scheme]
    accent = next((c for c in accents if contrast(c, bg) >= 3.0), None) or _readable(accents[0] if accents else
                                                                                      "#1F5AA6", bg, 3.0)
    others = [c for c in accents if c != accent and contrast(c, bg) >= 3.0 and abs(_hue(c) - _hue(accent)) > 0.08]
    target = others[0] if others else ("#FF8A7A" if luminance(bg) < 0.4 else "#C0392B")
    return Palette(
        background=bg,
        text=text,
        accent=accent,
        context=blend(accent, bg, 0.5),
        muted=blend(text, bg, 0.45),
        target=target,
        goal=goal_colour(accents, accent, scheme.get("dk2", ""), bg),
        box=blend(bg, text, 0.07),
        major_font=_font(theme_xml, "majorFont"),
        minor_font=_font(theme_xml, "minorFont"),
    )


def goal_colour(accents: list[str], accent: str, dark2: str, background: str) -> str:
    """The colour of a target line: the template's first accent of another hue than ``accent`` that is neither
    grey nor red, else its second dark colour (dk2), made to read on ``background`` (3:1, as a line must)."""
    accent_hue = _hls(accent)[0]

    def fits(colour: str) -> bool:
        hue, _, saturation = _hls(colour)
        red = hue < 0.045 or hue > 0.93
        return saturation > 0.25 and not red and abs(hue - accent_hue) > 0.08

    chosen = next((c for c in accents if c != accent and fits(c)), f"#{dark2}" if dark2 else "")
    return _readable(chosen, background, 3.0) if chosen else ""


def _scheme(theme: Any) -> dict[str, str]:
    colours: dict[str, str] = {}
    scheme = theme.find(".//a:clrScheme", NS)
    if scheme is None:
        return colours
    for child in scheme:
        name = etree_local(child.tag)
        srgb = child.find("a:srgbClr", NS)
        system = child.find("a:sysClr", NS)
        if srgb is not None:
            colours[name] = srgb.get("val", "000000").upper()
        elif system is not None:
            colours[name] = system.get("lastClr", "000000").upper()
    return colours


def etree_local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _font(theme: Any, which: str) -> str:
    latin = theme.find(f".//a:fontScheme/a:{which}/a:latin", NS)
    name = latin.get("typeface", "") if latin is not None else ""
    return name if name and not name.startswith("+") else "Calibri"


def _readable(colour: str, background: str, minimum: float) -> str:
    """``colour`` if it reads on ``background``, else the nearest of near-black and white that does."""
    if contrast(colour, background) >= minimum:
        return colour
    for share in (0.3, 0.5, 0.7):
        for anchor in ("#FFFFFF", "#1A1A1A"):
            candidate = blend(colour, anchor, share)
            if contrast(candidate, background) >= minimum:
                return candidate
    return max(("#FFFFFF", "#1A1A1A"), key=lambda c: contrast(c, background))


def _hue(colour: str) -> float:
    return _hls(colour)[0]


def _hls(colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` as hue, lightness and saturation, each 0–1."""
    import colorsys

    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return colorsys.rgb_to_hls(r, g, b)


def ramp(accent: str, background: str) -> tuple[str, ...]:
    """Five levels of the accent, lightness varying away from the background (low → high)."""
    far = "#FFFFFF" if luminance(background) < 0.4 else "#000000"
    if far == "#FFFFFF":  # on a dark background even the lowest level must stand out from it
        return (blend(accent, background, 0.25), accent, blend(accent, far, 0.3), blend(accent, far, 0.55),
                blend(accent, far, 0.8))
    return (
        blend(accent, background, 0.7),
        blend(accent, background, 0.4),
        accent,
        blend(accent, far, 0.3),
        blend(accent, far, 0.55),
    )


# -- the report ------------------------------------------------------------------------------------


def inspect(path: Path, data: bytes, prs: Any, dropped_links: list[str] | None = None) -> Template:
    """Check a loaded template and describe it; one without a usable slide size, layouts or theme is refused."""
    _check_size(path, prs)
    layouts_list = list(prs.slide_layouts)
    if not layouts_list:
        raise InputError("deck.template.no_layouts", file=str(path))
    _check_theme(path, prs)
    layouts, missing = choose_layouts(prs)
    geo = geometry(prs, layouts)
    from briefing.deck.backdrop import inks as find_inks

    inks = find_inks(prs, layouts, geo)
    pal = palette(prs, inks)
    report = TemplateReport(
        path=path,
        width_in=round(geo.width, 3),
        height_in=round(geo.height, 3),
        layouts=[LayoutInfo(_layout_name(lay), placeholder_kinds(lay)) for lay in layouts_list],
        mapping={kind: _layout_name(layouts_list[index]) for kind, index in layouts.items()},
        missing=missing,
        example_slides=len(prs.slides),
        fonts=(pal.major_font, pal.minor_font),
        background=pal.background,
        text=pal.text,
        accent=pal.accent,
        dark=pal.dark,
        notes=_notes(prs, layouts, missing),
        dropped_links=list(dropped_links or []),
        contrast=[(ink.role, ink.own, round(ink.own_ratio, 1), ink.colour, round(ink.ratio, 1), ink.minimum)
                  for ink in inks.values() if ink.replaced],
    )
    return Template(path, data, layouts, geo, pal, report, inks)


MIN_SLIDE_EMU, MAX_SLIDE_EMU = 914400, 51206400
"""What PowerPoint allows for a slide's side: 1 to 56 inches."""


def _check_size(path: Path, prs: Any) -> None:
    """Refuse a template whose slide size is missing, zero or beyond what PowerPoint allows."""
    sides = (prs.slide_width, prs.slide_height)
    if any(side is None for side in sides):
        raise InputError("deck.template.no_size", file=str(path))
    if not all(MIN_SLIDE_EMU <= side <= MAX_SLIDE_EMU for side in sides):
        width, height = (format_number(side / EMU, None, 2) for side in sides)
        raise InputError("deck.template.bad_size", file=str(path), width=width, height=height)


def _check_theme(path: Path, prs: Any) -> None:
    """Refuse a template whose slide master has no theme (its colours and fonts come from there)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    masters = list(prs.slide_masters)
    try:
        masters[0].part.part_related_by(RT.THEME)
    except (IndexError, KeyError):
        raise InputError("deck.template.no_theme", file=str(path)) from None


def _layout_name(layout: Any) -> str:
    return re.sub(r"\s+", " ", layout.name or "").strip() or "—"


def _notes(prs: Any, layouts: dict[str, int], missing: list[str]) -> list[str]:
    """Keys of the things worth telling: a cover without a title placeholder, example slides, 4:3."""
    notes = []
    cover = list(prs.slide_layouts)[layouts["title"]]
    if "title" not in missing and not any(k in ("ctrTitle", "title") for k in placeholder_kinds(cover)):
        notes.append("deck.template.note.cover_textbox")
    if len(prs.slides):
        notes.append("deck.template.note.examples")
    ratio = prs.slide_width / prs.slide_height
    if abs(ratio - 4 / 3) < 0.02:
        notes.append("deck.template.note.four_three")
    return notes
