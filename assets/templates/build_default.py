"""Build the default 16:9 template, ``assets/templates/default.pptx``, with python-pptx.

    .venv/bin/python assets/templates/build_default.py

Per ../shared/DECK-DESIGN.md: 13.333 × 7.5 in; one sans family (Calibri, rendered by its metric
twin Carlito on Linux) for headings and body; near-black on white with one strong accent;
0.5 in margins, a title band of about 1.2 in, one content area, a footer line above the bottom
margin. python-pptx's own template is 4:3, so its master and layouts are widened and re-placed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from briefing.pptx_compat import element, replace_blob, slide_id_list

HERE = Path(__file__).resolve().parent
TARGET = HERE / "default.pptx"
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)

COLOURS = {
    "dk1": "1A1A1A",  # near-black text
    "lt1": "FFFFFF",  # white background
    "dk2": "3C4650",  # dark grey-blue for secondary text
    "lt2": "EEF1F5",  # a pale grey for boxes
    "accent1": "1F5AA6",  # the one strong accent: the message
    "accent2": "8FA9CC",  # the muted second: context
    "accent3": "A6A6A6",  # greys for the rest
    "accent4": "C0392B",  # targets and warnings
    "accent5": "4F86C0",
    "accent6": "0B2E5C",
    "hlink": "1F5AA6",
    "folHlink": "5B4A8A",
}
FONT = "Calibri"

# name: (left, top, width, height) in inches
MASTER_BOXES = {
    "title": (0.5, 0.35, 12.333, 1.1),
    "body": (0.5, 1.6, 12.333, 5.05),
    "dt": (0.5, 6.9, 2.5, 0.35),
    "ftr": (0.5, 6.9, 9.5, 0.35),
    "sldNum": (10.333, 6.9, 2.5, 0.35),
}
TITLE_SLIDE_BOXES = {"ctrTitle": (0.8, 2.0, 11.7, 1.6), "subTitle": (0.8, 3.75, 11.7, 1.3)}


def build(target: Path = TARGET) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    master = prs.slide_masters[0]
    widen(element(master))
    for layout in master.slide_layouts:
        widen(element(layout))
    place_master(master)
    style_master(master)
    place_title_slide(master.slide_layouts[0])
    add_accent_bar(prs, master)
    write_theme(master)
    prs.core_properties.title = "Briefing Composer — default template"
    prs.core_properties.author = "Briefing Composer"
    target.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(target))
    return target


def widen(element: object) -> None:
    """Scale every x position and width from the 10 in wide original to 13.333 in."""
    factor = 13.333 / 10
    for xfrm in element.iter(qn("a:xfrm")):  # type: ignore[attr-defined]
        off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
        if off is not None:
            off.set("x", str(int(int(off.get("x")) * factor)))
        if ext is not None:
            ext.set("cx", str(int(int(ext.get("cx")) * factor)))


def _set_box(shape: object, box: tuple[float, float, float, float]) -> None:
    left, top, width, height = box
    shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)  # type: ignore[attr-defined]


def _ph_type(shape: object) -> str:
    ph = element(shape).find(".//" + qn("p:ph"))  # type: ignore[attr-defined]
    return (ph.get("type") if ph is not None else None) or "body"


def place_master(master: object) -> None:
    for shape in master.placeholders:  # type: ignore[attr-defined]
        box = MASTER_BOXES.get(_ph_type(shape))
        if box:
            _set_box(shape, box)
    for layout in master.slide_layouts:  # type: ignore[attr-defined]
        for shape in layout.placeholders:
            kind = _ph_type(shape)
            if kind in ("title", "dt", "ftr", "sldNum") and layout.name not in ("Title Slide", "Section Header"):
                _set_box(shape, MASTER_BOXES[kind])


def place_title_slide(layout: object) -> None:
    for shape in layout.placeholders:  # type: ignore[attr-defined]
        box = TITLE_SLIDE_BOXES.get(_ph_type(shape))
        if box:
            _set_box(shape, box)
        if _ph_type(shape) == "ctrTitle":
            _body_props(shape, anchor="b")
            _level_style(element(shape), "a:lvl1pPr", size=40, bold=True, align="l", colour="tx1")
        if _ph_type(shape) == "subTitle":
            _body_props(shape, anchor="t")
            _level_style(element(shape), "a:lvl1pPr", size=24, align="l", colour="tx2", bullet=False)


def _body_props(shape: object, anchor: str) -> None:
    body = element(shape).find(".//" + qn("a:bodyPr"))  # type: ignore[attr-defined]
    if body is not None:
        body.set("anchor", anchor)
        for child in list(body):
            body.remove(child)


def _level_style(sp: object, level: str, size: float, bold: bool = False, align: str = "l", colour: str = "tx1",
                 bullet: bool | None = None) -> None:
    """Write ``<a:lstStyle><a:lvl1pPr …>`` on a placeholder so the slide inherits it."""
    from lxml import etree

    body = sp.find(".//" + qn("p:txBody"))  # type: ignore[attr-defined]
    lst = body.find(qn("a:lstStyle"))
    if lst is None:
        lst = etree.SubElement(body, qn("a:lstStyle"))
        body.insert(1, lst)
    for old in lst.findall(qn(level)):
        lst.remove(old)
    ppr = etree.SubElement(lst, qn(level), algn=align, indent="0", marL="0")
    if bullet is False:
        etree.SubElement(ppr, qn("a:buNone"))
    rpr = etree.SubElement(ppr, qn("a:defRPr"), sz=str(int(size * 100)), b="1" if bold else "0")
    fill = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=colour)


def style_master(master: object) -> None:
    """Title 28 pt left-aligned, bottom of its band; body 24/20/18 pt; footer 10 pt grey."""
    el = element(master)  # type: ignore[attr-defined]
    title = el.find(qn("p:txStyles")).find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    rpr = title.find(qn("a:defRPr"))
    rpr.set("sz", "2800")
    rpr.set("b", "1")
    body_style = el.find(qn("p:txStyles")).find(qn("p:bodyStyle"))
    for index, size in enumerate((24, 20, 18, 18, 18), start=1):
        level = body_style.find(qn(f"a:lvl{index}pPr"))
        if level is not None:
            level.find(qn("a:defRPr")).set("sz", str(size * 100))
    for shape in master.placeholders:  # type: ignore[attr-defined]
        kind = _ph_type(shape)
        if kind == "title":
            _body_props(shape, anchor="b")
        if kind in ("dt", "ftr", "sldNum"):
            for rpr in element(shape).iter(qn("a:defRPr")):
                rpr.set("sz", "1000")
                _quiet_colour(rpr)
            for ppr in element(shape).iter(qn("a:lvl1pPr")):
                ppr.set("algn", "r" if kind == "sldNum" else "l")


def _quiet_colour(rpr: object) -> None:
    """Footer text in the theme's dark grey-blue (tx2, 9.6:1 on white): python-pptx's tx1 at a 75 % tint
    is 3.4:1, under WCAG AA for 10 pt."""
    from lxml import etree

    for old in rpr.findall(qn("a:solidFill")):  # type: ignore[attr-defined]
        rpr.remove(old)  # type: ignore[attr-defined]
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val="tx2")
    rpr.insert(0, fill)  # type: ignore[attr-defined]


def add_accent_bar(prs: object, master: object) -> None:
    """A short bar in the accent colour above the title: the template's one graphic element.

    Masters have no ``add_shape``; the bar is drawn on a scratch slide and moved to the master.
    """
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE

    scratch = prs.slides.add_slide(master.slide_layouts[6])  # type: ignore[attr-defined]
    bar = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.5), Inches(0.3), Inches(0.8), Emu(Pt(4)))
    bar.fill.solid()
    bar.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    bar.line.fill.background()
    bar.shadow.inherit = False
    bar.name = "Accent bar"
    xml = element(bar)
    xml.getparent().remove(xml)
    element(master).find(qn("p:cSld")).find(qn("p:spTree")).insert(2, xml)  # type: ignore[attr-defined]
    slide_ids = slide_id_list(prs)  # type: ignore[attr-defined]
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)  # type: ignore[attr-defined]
        slide_ids.remove(slide_id)


def write_theme(master: object) -> None:
    theme = master.part.part_related_by(RT.THEME)  # type: ignore[attr-defined]
    xml = theme.blob.decode("utf-8")
    for name, value in COLOURS.items():
        xml = re.sub(
            rf"<a:{name}>.*?</a:{name}>", f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>', xml, flags=re.S
        )
    xml = re.sub(r'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*"', rf'\g<1>{FONT}"', xml)
    xml = xml.replace('<a:clrScheme name="Office">', '<a:clrScheme name="Briefing">')
    replace_blob(theme, xml.encode("utf-8"))


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
