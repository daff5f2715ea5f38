"""DeckPlan → python-pptx Presentation, in the template's layouts, fonts and colours.

Only this module (with ``template`` and the chart renderers) touches python-pptx, and its private API
only through ``briefing.pptx_compat``. Every box and text size comes from ``layout.arrange``, so the
lint's measure is what the slide shows; every text colour from ``backdrop`` (what the template draws
behind it) and ``legibility`` (text on a fill), so the lint's contrast is what a reader sees. Titles
come first in reading order, charts and pictures carry alt text, decoration is marked as such.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml.etree import SubElement
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from briefing import pptx_compat as compat
from briefing.charts.alt import describe
from briefing.charts.spec import ChartSpec
from briefing.deck import layout as lay
from briefing.deck.layout import Arrangement, TextBlock
from briefing.deck.legibility import footer_text, muted_on, on_fill, table_mark
from briefing.deck.model import DeckPlan, SlideSpec
from briefing.deck.sanitize import clean
from briefing.deck.stamp import stamp
from briefing.deck.template import Box, Template
from briefing.i18n import tr

NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
FRAME_TYPES = ("dt", "ftr", "sldNum")
_A_P = qn("a:p")
_ALIGN = {PP_ALIGN.LEFT: "l", PP_ALIGN.CENTER: "ctr", PP_ALIGN.RIGHT: "r"}
_ANCHOR = {MSO_ANCHOR.TOP: "t", MSO_ANCHOR.MIDDLE: "ctr", MSO_ANCHOR.BOTTOM: "b"}
_CNVPR = qn("p:cNvPr")
_FIELD = qn("a:fld")
_PH = qn("p:nvSpPr") + "/" + qn("p:nvPr") + "/" + qn("p:ph")
IMAGE_DPI = 150
"""Chart images: 150 dpi is 1,850 px across a 16:9 slide, sharp on any projector."""


def render(plan: DeckPlan, template: Template, cache_dir: Path | None = None,
           progress: Callable[[int, int], None] | None = None, notes: bool = True) -> Any:
    """The Presentation for ``plan``: one slide per spec, notes on each (none at all without ``notes``: a copy
    to send ahead), the template's examples gone."""
    prs = template.open()
    compat.quick_partnames(prs.part.package)
    renderer = _Renderer(prs, plan, template, cache_dir, notes)
    total = len(plan.slides)
    for number, spec in enumerate(plan.slides, start=1):
        renderer.slide(spec, number)
        if progress is not None:
            progress(number, total)
    _properties(prs, plan)
    return prs


def _properties(prs: Any, plan: DeckPlan) -> None:
    props = prs.core_properties
    props.title = clean(plan.title)[:250]
    props.subject = clean(plan.audience)[:250]
    props.author = "Briefing Composer"
    props.language = "da-DK" if plan.lang == "da" else "en-GB"
    if plan.settings is not None:
        stamp(prs, plan.settings)


def rgb(colour: str) -> RGBColor:
    value: RGBColor = RGBColor.from_string(colour.lstrip("#").upper())
    return value


def emu(inches: float) -> int:
    return int(Inches(inches))


def _rectangle(slide: Any, box: Box, colour: str) -> Any:
    """A flat rectangle filled with ``colour``: no outline, no inherited shadow."""
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, emu(box.left), emu(box.top), emu(box.width), emu(box.height))
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(colour)
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


class _Renderer:
    def __init__(self, prs: Any, plan: DeckPlan, template: Template, cache_dir: Path | None,
                 notes: bool = True) -> None:
        self.prs = prs
        self.notes = notes
        self.plan = plan
        self.template = template
        self.geo = template.geometry
        self.pal = template.palette
        self.theme = template.palette.chart_theme()
        self.cache_dir = cache_dir
        self.layouts = list(prs.slide_layouts)
        self.body_font = template.palette.minor_font
        self.head_font = template.palette.major_font
        self._lang = "da-DK" if plan.lang == "da" else "en-GB"
        self._footers: dict[str, list[Any]] = {}
        self._frames: dict[tuple[str, str], Any] = {}
        self._notes_tree: Any = None

    # -- one slide ---------------------------------------------------------------------------

    def slide(self, spec: SlideSpec, number: int) -> None:
        kind = {"title": "title", "divider": "section"}.get(spec.kind, "content")
        slide = self.prs.slides.add_slide(self.layouts[self.template.layouts[kind]])
        arrangement = lay.arrange(spec, self.geo, self.body_font, self.head_font)
        if spec.kind == "title":
            self._cover(slide, spec, arrangement)
        else:
            self._title(slide, arrangement.title, role="divider" if spec.kind == "divider" else "title")
            self._content(slide, spec, arrangement)
            self._footer(slide, number)
        self._drop_empty_placeholders(slide)
        if self.notes:
            self._notes(slide).notes_text_frame.text = clean(spec.notes or spec.title, keep_newlines=True)

    def _notes(self, slide: Any) -> Any:
        """The slide's notes page. The first is made by python-pptx (placeholders cloned from the notes
        master); the others get a copy of its empty shape tree, which is the same for every slide."""
        if self._notes_tree is None:
            notes = slide.notes_slide
            self._notes_tree = copy.deepcopy(compat.element(notes).cSld.spTree)
            return notes
        return compat.new_notes_slide(self.prs, slide, self._notes_tree) or slide.notes_slide

    def _cover(self, slide: Any, spec: SlideSpec, arr: Arrangement) -> None:
        self._title(slide, arr.title, role="cover_title")
        if arr.subtitle is not None:
            placeholder = _placeholder(slide, ("subTitle",))
            if placeholder is not None:
                _place(placeholder, arr.subtitle.box)
                self._fill(placeholder.text_frame, arr.subtitle, colour=self._restyled("subtitle"))
            else:
                self._textbox(slide, arr.subtitle, colour=self._ink("subtitle"))
        if arr.caption is not None:
            self._textbox(slide, arr.caption, colour=self._ink("cover_caption"))

    def _title(self, slide: Any, block: TextBlock, role: str) -> None:
        types = ("ctrTitle", "title") if role == "cover_title" else ("title", "ctrTitle")
        placeholder = _placeholder(slide, types)
        if placeholder is None:  # a layout without a title placeholder still gets its title
            shape = self._textbox(slide, block, colour=self._ink(role), font=self.head_font,
                                  anchor=MSO_ANCHOR.BOTTOM)
            shape.name = "Title"
            _as_title(shape)
            _first_in_reading_order(slide, shape)
            return
        _place(placeholder, block.box)
        frame = placeholder.text_frame
        self._fill(frame, block, colour=self._restyled(role), font=None)
        _first_in_reading_order(slide, placeholder)
        frame.word_wrap = True
        _no_autofit(frame)

    def _content(self, slide: Any, spec: SlideSpec, arr: Arrangement) -> None:
        if arr.body is not None:
            self._textbox(slide, arr.body, colour=self.pal.text)
        for index, (box, heading, lines) in enumerate(arr.cards):
            self._card(slide, spec, box, heading, lines, index)
        if arr.table is not None and spec.table is not None:
            self._table(slide, spec, arr.table)
        if arr.chart is not None and spec.chart is not None:
            self._chart(slide, spec.chart, arr.chart)
        if arr.callout is not None:
            self._callout(slide, arr.callout)
        if arr.caption is not None:
            self._textbox(slide, arr.caption, colour=self._ink("caption"))

    def _ink(self, role: str) -> str:
        """The colour of ``role``'s text, read against what the template draws behind it (``backdrop``)."""
        ink = self.template.inks.get(role)
        return ink.colour if ink is not None else self.pal.text

    def _restyled(self, role: str) -> str | None:
        """For text in a template's placeholder: None (its own style) unless that style fails AA there."""
        ink = self.template.inks.get(role)
        return ink.colour if ink is not None and ink.replaced else None

    # -- parts -------------------------------------------------------------------------------

    def _textbox(self, slide: Any, block: TextBlock, colour: str | None, font: str | None = None,
                 anchor: Any = MSO_ANCHOR.TOP, align: Any = None) -> Any:
        box = block.box
        shape = slide.shapes.add_textbox(emu(box.left), emu(box.top), emu(box.width), emu(box.height))
        frame = shape.text_frame
        body_pr = compat.text_body(frame).find(qn("a:bodyPr"))
        body_pr.set("wrap", "square")
        body_pr.set("anchor", _ANCHOR[anchor])
        _no_autofit(frame)
        self._fill(frame, block, colour, font or self.body_font, align)
        return shape

    def _fill(self, frame: Any, block: TextBlock, colour: str | None, font: str | None = "", align: Any = None
              ) -> None:
        """Write ``block`` into ``frame`` as paragraphs of one run each (XML built directly: python-pptx's
        property setters cost ~10× more, and a deck has a few hundred runs)."""
        font = self.body_font if font == "" else font
        body = compat.text_body(frame)
        for old in body.findall(_A_P):
            body.remove(old)
        algn = _ALIGN.get(align) if align is not None else None
        size = str(round(block.size * 100))
        for index, text in enumerate(block.texts or [""]):
            paragraph = SubElement(body, _A_P)
            if algn is not None or index or block.bullets:
                ppr = SubElement(paragraph, qn("a:pPr"))
                if algn is not None:
                    ppr.set("algn", algn)
                if index:
                    space = SubElement(ppr, qn("a:spcBef"))
                    SubElement(space, qn("a:spcPts"), val=str(int(lay.PARAGRAPH_SPACE_PT * 100)))
                if block.bullets:
                    _bullet_xml(ppr, self.pal.accent)
            run = SubElement(paragraph, qn("a:r"))
            rpr = SubElement(run, qn("a:rPr"), lang=self._lang, sz=size)
            if block.bold:
                rpr.set("b", "1")
            if colour:
                fill = SubElement(rpr, qn("a:solidFill"))
                SubElement(fill, qn("a:srgbClr"), val=colour.lstrip("#").upper())
            if font:
                SubElement(rpr, qn("a:latin"), typeface=font)
            SubElement(run, qn("a:t")).text = clean(text, keep_newlines=True)

    def _card(self, slide: Any, spec: SlideSpec, box: Box, heading: TextBlock, lines: TextBlock | None,
              index: int) -> None:
        card = spec.cards[index]
        shape = _rectangle(slide, box, self.pal.box)
        shape.text_frame.text = ""
        _decorative(shape)
        self._severity(slide, box, card.level)
        if card.label:
            label = lay.card_label(card.label, box, self.body_font)
            self._textbox(slide, label, colour=muted_on(self.pal, self.pal.box))
        self._textbox(slide, heading, colour=self.pal.text)
        if lines is not None:
            self._textbox(slide, lines, colour=self.pal.text)

    def _severity(self, slide: Any, box: Box, level: int) -> None:
        """Severity shown, not written: five squares, ``level`` of them filled in the accent ramp."""
        if level <= 0:
            return
        from briefing.charts.theme import ordered_ramp

        ramp = ordered_ramp(self.theme)
        size, gap = 0.2, 0.06
        left = box.left + 0.2
        for step in range(5):
            filled = step < level
            colour = ramp[min(level - 1, len(ramp) - 1)] if filled else _mix(self.pal.box, self.pal.text, 0.15)
            square = _rectangle(slide, Box(left + step * (size + gap), box.top + 0.55, size, size), colour)
            square.name = f"Severity {step + 1}"
            if step:
                _decorative(square)
            else:
                _describe(square, tr("deck.alt.severity", self.plan.lang, level=level))

    def _callout(self, slide: Any, block: TextBlock) -> None:
        box = block.box
        shape = _rectangle(slide, box, self.pal.accent)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        _no_autofit(frame)
        self._fill(frame, block, colour=on_fill(self.pal.accent), align=PP_ALIGN.LEFT)

    def _table(self, slide: Any, spec: SlideSpec, table_layout: lay.TableLayout) -> None:
        assert spec.table is not None
        table = spec.table
        box = table_layout.box
        rows, cols = len(table.rows) + 1, len(table.header)
        frame = slide.shapes.add_table(rows, cols, emu(box.left), emu(box.top), emu(box.width), emu(box.height))
        grid = frame.table
        _table_style(frame)
        for index, width in enumerate(table_layout.widths):
            grid.columns[index].width = emu(width)
        for index, height in enumerate(table_layout.heights):
            grid.rows[index].height = emu(height)
        line = _mix(self.pal.background, self.pal.text, 0.35)
        for r, row in enumerate([table.header, *table.rows]):
            for c in range(cols):
                text = row[c] if c < len(row) else ""
                cell = grid.cell(r, c)
                header = r == 0
                size = table_layout.header_size if header else table_layout.size
                block = TextBlock([text], box, size, 1, True, bold=header)
                centre = not header and c > 0 and text in ("✓", "")
                marked = header or text == "✓"
                colour = table_mark(self.template, size) if marked else self.pal.text
                self._fill(cell.text_frame, block, colour=colour,
                           align=PP_ALIGN.CENTER if centre or (header and c > 0 and table.first_column_wide) else None)
                cell.margin_left = cell.margin_right = emu(lay.CELL_MARGIN_X)
                cell.margin_top = cell.margin_bottom = emu(lay.CELL_MARGIN_Y)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE if not header else MSO_ANCHOR.BOTTOM
                cell.fill.background()
                _cell_bottom_line(cell, line, 2.0 if header else 0.75)

    def _chart(self, slide: Any, spec: ChartSpec, box: Box) -> None:
        if spec.native:
            from briefing.charts import native

            native.add_chart(slide, spec, emu(box.left), emu(box.top), emu(box.width), emu(box.height), self.theme)
            return
        from briefing.charts import image

        picture = image.render_png(spec, self.theme, box.width, box.height, self.cache_dir, dpi=IMAGE_DPI)
        source = str(picture) if isinstance(picture, Path | str) else _stream(picture)
        shape = slide.shapes.add_picture(source, emu(box.left), emu(box.top), emu(box.width), emu(box.height))
        shape.name = clean(spec.title)[:60] or "Chart"
        compat.element(shape).nvPicPr.cNvPr.set("descr", clean(describe(spec)))

    def _footer(self, slide: Any, number: int) -> None:
        """Date · audience on the left, the slide number on the right: in the layout's footer placeholders.

        The footer is the same on every slide of a layout but for the number: it is built once per
        layout and copied (new shape ids, the number's text updated) onto the other slides.
        """
        tree = compat.shape_tree(slide.shapes)
        key = str(slide.slide_layout.part.partname)
        made = self._footers.get(key)
        if made is None:
            before = {el.get("id") for el in tree.iter(_CNVPR)}
            self._build_footer(slide, number)
            self._footers[key] = [copy.deepcopy(el) for el in tree
                                  if (props := el.find(".//" + _CNVPR)) is not None and props.get("id") not in before]
            return
        next_id = max((int(el.get("id", "0")) for el in tree.iter(_CNVPR)), default=1) + 1
        for index, element in enumerate(made):
            clone = copy.deepcopy(element)
            clone.find(".//" + _CNVPR).set("id", str(next_id + index))
            for field in clone.iter(_FIELD):
                if field.get("type") == "slidenum":
                    field.find(qn("a:t")).text = str(number)
            tree.append(clone)

    def _build_footer(self, slide: Any, number: int) -> None:
        text = footer_text(self.plan)
        layout = slide.slide_layout
        footer = self._clone_frame_placeholder(slide, layout, "ftr")
        number_ph = self._clone_frame_placeholder(slide, layout, "sldNum")
        box = self.geo.footer
        if footer is not None:
            block = TextBlock([text], box, lay.FOOTER_PT, 1, True)
            self._fill(footer.text_frame, block, colour=self._restyled("footer"), align=PP_ALIGN.LEFT)
        else:
            block = TextBlock([text], Box(box.left, box.top, box.width * 0.75, box.height), lay.FOOTER_PT, 1, True)
            self._textbox(slide, block, colour=self._ink("footer"), anchor=MSO_ANCHOR.MIDDLE)
        if number_ph is not None:
            paragraph = number_ph.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT
            _slide_number(paragraph, number, self._restyled("footer"), font=self.body_font)
        else:
            block = TextBlock([str(number)], Box(box.right - 1.5, box.top, 1.5, box.height), lay.FOOTER_PT, 1, True)
            shape = self._textbox(slide, block, colour=self._ink("footer"), anchor=MSO_ANCHOR.MIDDLE,
                                  align=PP_ALIGN.RIGHT)
            paragraph = shape.text_frame.paragraphs[0]
            run = compat.run_xml(paragraph.runs[0])
            run.getparent().remove(run)
            _slide_number(paragraph, number, self._ink("footer"))

    def _clone_frame_placeholder(self, slide: Any, layout: Any, kind: str) -> Any:
        """Copy the layout's footer or slide-number placeholder onto the slide (python-pptx leaves them off)."""
        key = (str(layout.part.partname), kind)
        if key not in self._frames:
            self._frames[key] = _frame_placeholder(layout, kind)
        source = self._frames[key]
        if source is None:
            return None
        shapes = slide.shapes
        shapes.clone_placeholder(source)
        return compat.shape_of(compat.shape_tree(shapes).findall(qn("p:sp"))[-1], shapes)

    def _drop_empty_placeholders(self, slide: Any) -> None:
        """Placeholders the layout brought that we did not fill would show 'Click to add text'."""
        tree = compat.shape_tree(slide.shapes)
        for sp in tree.findall(qn("p:sp")):
            if sp.find(_PH) is not None and sp.find(qn("p:txBody")) is not None and not "".join(sp.itertext()).strip():
                tree.remove(sp)


# -- XML helpers -------------------------------------------------------------------------------


def _placeholder(slide: Any, types: tuple[str, ...]) -> Any:
    for shape in slide.placeholders:
        ph = compat.element(shape).find(".//" + qn("p:ph"))
        kind = (ph.get("type") if ph is not None else None) or "body"
        if kind in types:
            return shape
    return None


def _place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = emu(box.left), emu(box.top), emu(box.width), emu(box.height)


def _no_autofit(frame: Any) -> None:
    body = compat.text_body(frame).find(qn("a:bodyPr"))
    for child in list(body):
        if child.tag in (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit")):
            body.remove(child)
    body.append(body.makeelement(qn("a:noAutofit"), {}))


def _bullet_xml(ppr: Any, colour: str) -> None:
    """A coloured bullet, hanging: marL/indent on ``a:pPr`` and its buClr, buFont, buChar (schema order)."""
    indent = int(Inches(lay.BULLET_INDENT_IN))
    ppr.set("marL", str(indent))
    ppr.set("indent", str(-indent))
    colour_el = SubElement(ppr, qn("a:buClr"))
    SubElement(colour_el, qn("a:srgbClr"), val=colour.lstrip("#").upper())
    SubElement(ppr, qn("a:buFont"), typeface="Arial")
    SubElement(ppr, qn("a:buChar"), char="•")


def _slide_number(paragraph: Any, number: int, colour: str | None = None, font: str | None = None) -> None:
    """A slide-number field (PowerPoint keeps it right when slides move), showing ``number`` now."""
    field = compat.paragraph_xml(paragraph).makeelement(qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}",
                                                   "type": "slidenum"})
    rpr = field.makeelement(qn("a:rPr"), {"lang": "en-US", "sz": str(int(lay.FOOTER_PT * 100))})
    if colour:
        fill = rpr.makeelement(qn("a:solidFill"), {})
        fill.append(fill.makeelement(qn("a:srgbClr"), {"val": colour.lstrip("#").upper()}))
        rpr.append(fill)
    if font:
        rpr.append(rpr.makeelement(qn("a:latin"), {"typeface": font}))
    field.append(rpr)
    text = field.makeelement(qn("a:t"), {})
    text.text = str(number)
    field.append(text)
    end = compat.paragraph_xml(paragraph).find(qn("a:endParaRPr"))
    if end is not None:
        end.addprevious(field)
    else:
        compat.paragraph_xml(paragraph).append(field)


def _frame_placeholder(layout: Any, kind: str) -> Any:
    """The layout's footer or slide-number placeholder (``kind``: ``ftr``, ``sldNum``), or None."""
    return next((shape for shape in layout.placeholders
                 if (ph := compat.element(shape).find(".//" + qn("p:ph"))) is not None and ph.get("type") == kind),
                None)


def _table_style(frame: Any) -> None:
    tbl_pr = compat.element(frame).graphic.graphicData.tbl.tblPr
    tbl_pr.set("firstRow", "1")
    tbl_pr.set("bandRow", "0")
    style = tbl_pr.find(qn("a:tableStyleId"))
    if style is None:
        style = tbl_pr.makeelement(qn("a:tableStyleId"), {})
        tbl_pr.append(style)
    style.text = NO_STYLE_TABLE


def _cell_bottom_line(cell: Any, colour: str, width_pt: float) -> None:
    tc_pr = compat.cell_xml(cell).get_or_add_tcPr()
    for index, tag in enumerate(("a:lnL", "a:lnR", "a:lnT", "a:lnB")):
        line = tc_pr.makeelement(qn(tag), {"w": str(int(Pt(width_pt if tag == "a:lnB" else 0)))})
        if tag == "a:lnB":
            fill = line.makeelement(qn("a:solidFill"), {})
            fill.append(fill.makeelement(qn("a:srgbClr"), {"val": colour.lstrip("#").upper()}))
            line.append(fill)
        else:
            line.append(line.makeelement(qn("a:noFill"), {}))
        tc_pr.insert(index, line)  # the borders come before the cell's fill in the schema


def _mix(a: str, b: str, share: float) -> str:
    from briefing.charts.theme import blend

    return blend(a, b, share)


def _as_title(shape: Any) -> None:
    """Make a text box the slide's title placeholder (``p:ph type="title"``): screen readers and PowerPoint's
    accessibility checker find a slide's title only there. Position, size and colour stay the box's own."""
    xml = compat.element(shape)
    xml.find(qn("p:nvSpPr") + "/" + qn("p:cNvSpPr")).attrib.pop("txBox", None)
    nv = xml.find(qn("p:nvSpPr") + "/" + qn("p:nvPr"))
    nv.insert(0, nv.makeelement(qn("p:ph"), {"type": "title"}))


def _first_in_reading_order(slide: Any, shape: Any) -> None:
    """Move ``shape`` to the front of the slide's shape tree: a screen reader reads the title first."""
    tree = compat.shape_tree(slide.shapes)
    xml = compat.element(shape)
    shapes = [child for child in tree if child.tag not in (qn("p:nvGrpSpPr"), qn("p:grpSpPr"))]
    if shapes and shapes[0] is not xml:
        shapes[0].addprevious(xml)


DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def _describe(shape: Any, text: str) -> None:
    """Alt text on a shape (``descr`` on its ``cNvPr``), read by screen readers."""
    compat.element(shape).find(".//" + _CNVPR).set("descr", clean(text))


def _decorative(shape: Any) -> None:
    """Mark a shape decorative (Office's extension): screen readers and the accessibility checker skip it."""
    props = compat.element(shape).find(".//" + _CNVPR)
    ext_list = SubElement(props, qn("a:extLst"))
    ext = SubElement(ext_list, qn("a:ext"), uri=DECORATIVE_EXT)
    SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}, val="1")


def _stream(data: Any) -> Any:
    import io

    return io.BytesIO(data) if isinstance(data, bytes | bytearray) else data


__all__ = ["Emu", "render"]
