"""The pre-read as an editable Word document (python-docx): A4, the template's fonts and accent colour in
the document's own styles (Normal, Heading 1, Heading 2, List Bullet), the ask in a shaded box with its
figures, and the same fitted page as the PDF, so that it too stays on one page."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from briefing.preread.content import Block, Item, Preread
from briefing.preread.pdf import Fitted
from briefing.preread.style import PageStyle, rgb

CELL_PADDING = 142
"""Twips (1/1440 in) of room at the left and right of a cell's text: 2.5 mm."""
WORD_SCALE = 0.97
"""Word and LibreOffice set lines a little looser than the PDF: the document's text is a touch smaller."""


def render(fitted: Fitted, style: PageStyle) -> bytes:
    """The DOCX's bytes."""
    from docx import Document
    from docx.shared import Mm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(16)
    section.top_margin, section.bottom_margin = Mm(12), Mm(12)
    section.footer_distance = Mm(6)
    scale = fitted.scale * WORD_SCALE
    _styles(document, style, scale)
    _properties(document, fitted.page)
    page = fitted.page
    _run(document.add_paragraph(), page.kicker.upper(), 8.5 * scale, bold=True, colour=style.muted)
    document.add_heading(page.title, level=1)
    _ask(document, page, style, scale)
    for block in page.blocks:
        _block(document, block, style, scale)
    footer = section.footer.paragraphs[0]
    _run(footer, page.footer, 7.5, colour=style.muted)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _styles(document: Any, style: PageStyle, scale: float) -> None:
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name = style.body_font
    normal.font.size = Pt(10 * scale)
    normal.font.color.rgb = RGBColor(*rgb(style.text))
    normal.paragraph_format.space_after = Pt(2 * scale)
    normal.paragraph_format.line_spacing = 1.08
    for name, size, colour, before in (("Heading 1", 19, style.text, 0), ("Heading 2", 11.5, style.accent, 10)):
        heading = document.styles[name]
        heading.font.name = style.heading_font
        heading.font.size = Pt(size * scale)
        heading.font.bold = True
        heading.font.color.rgb = RGBColor(*rgb(colour))
        heading.paragraph_format.space_before = Pt(before * scale)
        heading.paragraph_format.space_after = Pt((8 if name == "Heading 1" else 3) * scale)
        _east_asian_font(heading, style.heading_font)
    bullet = document.styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2.5 * scale)


def _east_asian_font(paragraph_style: Any, name: str) -> None:
    """Heading styles name their font per script through the theme: name it for every script."""
    from docx.oxml.ns import qn

    fonts = paragraph_style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def _properties(document: Any, page: Preread) -> None:
    """The document's properties name nobody: the app is its author, no last editor (python-docx's defaults would
    name python-docx and a date in 2013)."""
    properties = document.core_properties
    properties.title = page.title
    properties.author = "Briefing Composer"
    properties.last_modified_by = ""
    properties.comments = ""
    properties.language = "da-DK" if page.lang == "da" else "en-GB"
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)


def _run(paragraph: Any, text: str, size: float | None = None, bold: bool = False, colour: str | None = None) -> Any:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    run.bold = bold or None
    if size is not None:
        run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = RGBColor(*rgb(colour))
    return run


def _shade(table: Any, colour: str) -> None:
    """Every cell of ``table`` filled with ``colour``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for cell in table._tbl.iter_tcs():
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), colour.lstrip("#"))
        cell.get_or_add_tcPr().append(shading)


def _padding(table: Any, twips: int = CELL_PADDING) -> None:
    """Room inside every cell of ``table`` (Word's default leaves the text against the shading's edge)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips if side in ("left", "right") else twips // 2))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


def _ask(document: Any, page: Preread, style: PageStyle, scale: float) -> None:
    columns = max(len(page.figures), 1)
    table = document.add_table(rows=2, cols=columns)
    table.autofit = True
    _padding(table)
    top = table.rows[0].cells[0].merge(table.rows[0].cells[-1]) if columns > 1 else table.rows[0].cells[0]
    heading = top.paragraphs[0]
    _run(heading, page.ask_heading.upper(), 8.5 * scale, bold=True, colour=style.accent)
    _run(top.add_paragraph(), page.ask, 12.5 * scale, bold=True)
    for cell, figure in zip(table.rows[1].cells, page.figures, strict=False):
        _run(cell.paragraphs[0], figure.value, 15 * scale, bold=True, colour=style.accent)
        _run(cell.add_paragraph(), figure.label, 8 * scale, colour=style.muted)
    _shade(table, style.tint)


def _block(document: Any, block: Block, style: PageStyle, scale: float) -> None:
    document.add_heading(block.heading, level=2)
    for item in block.items:
        _item(document, item, style)


def _item(document: Any, item: Item, style: PageStyle) -> None:
    paragraph = document.add_paragraph(style="List Bullet")
    if item.lead:
        lead = ("▶ " if item.marked else "") + item.lead + (" — " if item.text else "")
        _run(paragraph, lead, bold=True, colour=style.accent if item.marked else None)
    if item.text:
        _run(paragraph, item.text)
