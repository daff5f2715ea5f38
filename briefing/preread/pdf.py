"""The pre-read as a PDF of exactly one A4 page, written by fpdf2 (no LibreOffice), DejaVu Sans embedded.

``fit`` lays the page out on a scratch document and measures it: the text shrinks a little first, then the
lowest-priority items give way (``content.DROP_ORDER``), then the text shrinks to its smallest, and at last
the longest texts are shortened to a whole phrase. The DOCX uses the same fitted page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.deck.wording import brief, words
from briefing.preread.content import Block, Item, Preread, drop_one
from briefing.preread.style import PageStyle, rgb

WIDTH, HEIGHT = 210.0, 297.0
"""A4 in millimetres."""
MARGIN = 16.0
TOP = 13.0
FOOTER = 9.0
"""How far above the paper's bottom edge the footer's line sits."""
PT = 25.4 / 72
"""Millimetres in a point."""
SCALES = (1.0, 0.94, 0.88)
"""Sizes of the text tried with every item on the page, before any is left out."""
SMALLEST = (0.82, 0.76)
"""Sizes tried once no item can be left out."""
FAMILY = "DejaVu"
ITEM_WORDS = 80
"""The most words of any one text on the page: a longer one is shortened to a whole phrase first."""
SHORTER = (60, 40, 26, 17, 11, 7, 4)
"""Word budgets for the last resort: the longest texts shortened until the page fits."""
LETTERS = 12
"""Letters a word may have on average before a text counts as too long (a long word, a link, no spaces)."""


@dataclass(frozen=True)
class Fitted:
    """A page that fits one A4 sheet at ``scale`` (1.0: 10 pt body text), and what was left out to fit it."""

    page: Preread
    scale: float
    dropped: tuple[str, ...]


def font_file(bold: bool = False) -> Path:
    """DejaVu Sans from matplotlib's own fonts (it has æ, ø, å and the arrows), so no system font is needed."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


def new_document() -> Any:
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, TOP, MARGIN)
    pdf.add_font(FAMILY, "", str(font_file()))
    pdf.add_font(FAMILY, "B", str(font_file(bold=True)))
    pdf.set_creator("Briefing Composer")
    pdf.set_author("Briefing Composer")  # like the deck: the app, never a person
    return pdf


def close(pdf: Any) -> None:
    """Close the font files fpdf2 keeps open (it reads them lazily) once the document is done with."""
    for font in pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)
        if ttfont is not None:
            ttfont.close()


def fit(page: Preread, style: PageStyle) -> Fitted:
    """``page`` made to fit one A4 page."""
    scratch = new_document()
    try:
        return _fit(scratch, page, style)
    finally:
        close(scratch)


def _fit(scratch: Any, page: Preread, style: PageStyle) -> Fitted:
    """The first of ``candidates`` (each smaller than the one before) that fits, found by halving."""

    def fits(candidate: Fitted) -> bool:
        scratch.add_page()
        return draw(scratch, candidate.page, style, candidate.scale, dry=True) <= limit()

    options = candidates(_shortened(page, ITEM_WORDS))
    low, high = 0, len(options) - 1
    while low < high:  # the last option is taken when nothing fits
        middle = (low + high) // 2
        if fits(options[middle]):
            high = middle
        else:
            low = middle + 1
    return options[low]


def candidates(page: Preread) -> list[Fitted]:
    """The ways to fit ``page``, the whole page first: smaller text, then items left out one by one, then the
    smallest text, then the longest texts shortened to whole phrases."""
    options = [Fitted(page, scale, ()) for scale in SCALES]
    current = page
    dropped: tuple[str, ...] = ()
    while (smaller := drop_one(current)) is not None:
        dropped = (*dropped, _gone(current, smaller))
        current = smaller
        options.append(Fitted(current, SCALES[-1], dropped))
    options += [Fitted(current, scale, dropped) for scale in SMALLEST]
    options += [Fitted(_shortened(current, budget), SMALLEST[-1], dropped) for budget in SHORTER]
    return options


def limit() -> float:
    """The lowest the content may reach: above the footer."""
    return HEIGHT - FOOTER - 6


def _gone(before: Preread, after: Preread) -> str:
    """The item of ``before`` that ``after`` no longer has, as a short text."""
    for old, new in zip(before.blocks, after.blocks, strict=True):
        if len(old.items) != len(new.items):
            item = old.items[-1]
            return brief(item.lead or item.text, 8)
    return ""


def _shortened(page: Preread, budget: int) -> Preread:
    """``page`` with every text over ``budget`` words (or ``LETTERS`` letters a word) cut to a whole phrase, else
    to that many words or letters."""

    def short(text: str) -> str:
        return shorten(text, budget)

    blocks = tuple(dataclasses.replace(b, items=tuple(Item(short(i.lead), short(i.text), i.marked) for i in b.items))
                   for b in page.blocks)
    return dataclasses.replace(page, title=short(page.title), ask=short(page.ask), blocks=blocks)


def shorten(text: str, budget: int) -> str:
    """``text`` within ``budget`` words and ``budget * LETTERS`` letters: whole if it is, else its first whole
    phrase that is, else cut (a text with no space in it, a pasted link say, is cut by letters)."""
    letters = budget * LETTERS
    if words(text) <= budget and len(text) <= letters:
        return text
    cut = brief(text, budget)
    if words(cut) <= budget and len(cut) <= letters:
        return cut
    head = " ".join(text.split()[:budget])[:letters]
    space = head.rfind(" ")
    return (head[:space] if space > len(head) // 2 else head) + " …"  # at a space, unless that loses half


def render(fitted: Fitted, style: PageStyle) -> bytes:
    """The PDF's bytes: one A4 page."""
    pdf = new_document()
    try:
        pdf.set_title(fitted.page.title)
        pdf.set_lang("da-DK" if fitted.page.lang == "da" else "en-GB")
        pdf.add_page()
        draw(pdf, fitted.page, style, fitted.scale, dry=False)
        return bytes(pdf.output())
    finally:
        close(pdf)


# -- drawing ----------------------------------------------------------------------------------------


@dataclass
class _Pen:
    """Draws on ``pdf`` at a scale; in a dry run only measures (the boxes behind text are not drawn)."""

    pdf: Any
    style: PageStyle
    scale: float
    dry: bool

    def font(self, size: float, bold: bool = False, colour: str | None = None) -> float:
        """Set the font; returns its line height in mm."""
        self.pdf.set_font(FAMILY, "B" if bold else "", size * self.scale)
        self.pdf.set_text_color(*rgb(colour or self.style.text))
        return size * self.scale * PT * 1.32

    def para(self, text: str, size: float, bold: bool = False, colour: str | None = None, width: float = 0,
             x: float | None = None) -> None:
        height = self.font(size, bold, colour)
        if x is not None:
            self.pdf.set_x(x)
        self.pdf.multi_cell(width or (WIDTH - 2 * MARGIN), height, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def height(self, text: str, size: float, bold: bool, width: float) -> float:
        line = self.font(size, bold)
        result: float = self.pdf.multi_cell(width, line, text, align="L", dry_run=True, output="HEIGHT")
        return result

    def box(self, x: float, y: float, w: float, h: float, colour: str) -> None:
        if not self.dry:
            self.pdf.set_fill_color(*rgb(colour))
            self.pdf.rect(x, y, w, h, style="F")

    def gap(self, mm: float) -> None:
        self.pdf.set_y(self.pdf.get_y() + mm * self.scale)


def draw(pdf: Any, page: Preread, style: PageStyle, scale: float, dry: bool) -> float:
    """Lay ``page`` out on the current page of ``pdf``; returns how far down the content reaches (mm)."""
    pen = _Pen(pdf, style, scale, dry)
    pen.box(0, 0, WIDTH, 4, style.accent)
    pdf.set_y(TOP)
    pen.para(page.kicker.upper(), 8.5, bold=True, colour=style.muted)
    pen.gap(1)
    pen.para(page.title, 19, bold=True)
    pen.gap(4)
    _ask(pen, page)
    for block in page.blocks:
        pen.gap(4.5)
        _block(pen, block)
    bottom: float = pdf.get_y()
    _footer(pen, page)
    return bottom


def _ask(pen: _Pen, page: Preread) -> None:
    pdf, style = pen.pdf, pen.style
    pad, inner = 4.0, WIDTH - 2 * MARGIN - 8.0
    top = pdf.get_y()
    column = inner / max(len(page.figures), 1)
    heights = [pen.height(f.value, 15, True, column - 3) + pen.height(f.label, 8, False, column - 3)
               for f in page.figures]
    total = (pad + pen.height(page.ask_heading, 8.5, True, inner) + 1 + pen.height(page.ask, 12.5, True, inner)
             + (3 + max(heights) if heights else 0) + pad)
    pen.box(MARGIN, top, WIDTH - 2 * MARGIN, total, style.tint)
    pen.box(MARGIN, top, 1.6, total, style.accent)
    pdf.set_y(top + pad)
    pen.para(page.ask_heading.upper(), 8.5, bold=True, colour=style.accent, width=inner, x=MARGIN + pad)
    pdf.set_y(pdf.get_y() + 1)
    pen.para(page.ask, 12.5, bold=True, width=inner, x=MARGIN + pad)
    figures_top = pdf.get_y() + 3
    for index, figure in enumerate(page.figures):
        x = MARGIN + pad + index * column
        pdf.set_y(figures_top)
        pen.para(figure.value, 15, bold=True, colour=style.accent, width=column - 3, x=x)
        pen.para(figure.label, 8, colour=style.muted, width=column - 3, x=x)
    pdf.set_y(top + total)


def _block(pen: _Pen, block: Block) -> None:
    pdf, style = pen.pdf, pen.style
    pen.para(block.heading, 11.5, bold=True, colour=style.accent)
    y = pdf.get_y() + 0.6
    pen.box(MARGIN, y, WIDTH - 2 * MARGIN, 0.35, style.accent)
    pdf.set_y(y + 2)
    for item in block.items:
        _item(pen, item)
        pen.gap(1.3)


def _item(pen: _Pen, item: Item) -> None:
    pdf, style = pen.pdf, pen.style
    indent = MARGIN + 5
    top = pdf.get_y()
    line = pen.font(10)
    if item.marked:
        pen.box(MARGIN, top + 0.3, 2.2, line - 0.6, style.accent)
    else:
        pdf.set_xy(MARGIN + 1, top)
        pdf.cell(4, line, "•")
    pdf.set_left_margin(indent)
    pdf.set_xy(indent, top)
    if item.lead:
        pen.font(10, bold=True, colour=style.accent if item.marked else style.text)
        pdf.write(line, item.lead + (" — " if item.text else ""))
    if item.text:
        pen.font(10)
        first = item.text.split(" ", 1)[0]
        if pdf.get_x() + pdf.get_string_width(first) > WIDTH - MARGIN:
            pdf.ln(line)  # fpdf2 would split a first word that does not fit the rest of the line
        pdf.write(line, item.text)
    pdf.ln(line)
    pdf.set_left_margin(MARGIN)


def _footer(pen: _Pen, page: Preread) -> None:
    pdf, style = pen.pdf, pen.style
    y = HEIGHT - FOOTER - 3
    pen.box(MARGIN, y, WIDTH - 2 * MARGIN, 0.25, style.muted)
    pdf.set_y(y + 1.2)
    pen.para(page.footer, 7.5 / pen.scale, colour=style.muted)
