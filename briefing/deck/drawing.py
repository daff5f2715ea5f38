"""The laid-out plan as drawn slides, for the preview: what the export will place, where, in what colour.

``draw(plan, template, cache_dir=None) -> list[DrawnSlide]`` follows the renderer step by step: the
boxes and sizes come from ``layout.arrange`` (what the renderer places and the lint measures), text
is broken into the lines ``textfit`` counts (never cut), colours
and fonts come from the template's palette and placeholders, and the template's own background,
bands and pictures lie behind (``scenery``). A chart is the image the export drew when it is in the
chart cache, else a sketch of its spec. ``marked_parts(slide, finding)`` names the parts a lint
finding is about, so the preview can mark them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.charts.spec import ChartSpec
from briefing.deck import layout as lay
from briefing.deck import textfit
from briefing.deck.drawn import DrawnSlide, Item, Line, Picture, Rect, label, text_width
from briefing.deck.legibility import footer_text, muted_on, on_fill, table_mark
from briefing.deck.model import DeckPlan, SlideSpec, Table
from briefing.deck.scenery import Fill, PlaceholderStyle, Scenery, scenery
from briefing.deck.sketch import sketch
from briefing.deck.template import Box, Template

BASELINE = 0.95
"""Where a line's baseline sits in its line pitch, as a share of the font size (Carlito's ascent)."""
TITLE_RULES = ("title_lines", "action_title", "unique_title")
CHART_RULES = ("alt_text",)


def draw(plan: DeckPlan, template: Template, cache_dir: Path | None = None) -> list[DrawnSlide]:
    """Every slide of ``plan`` as it will be exported with ``template``."""
    painter = _Slides(plan, template, cache_dir)
    return [painter.slide(spec, number) for number, spec in enumerate(plan.slides, start=1)]


def marked_parts(slide: DrawnSlide, finding: Any) -> list[str]:
    """The parts of ``slide`` a lint finding is about: the part it names (``field``), or the part whose
    text it quotes (``shape``: a text as a user recognises it, perhaps shortened with …), else the
    parts its rule concerns; an empty list when it is about the slide as a whole."""
    for name in ("field", "shape", "part"):
        named = str(getattr(finding, name, "") or "")
        if named in slide.parts:
            return [named]
        quoted = [part for part in slide.parts if _quotes(slide.part_texts.get(part, ""), named)]
        if quoted:
            return quoted[:1]
    rule = str(getattr(finding, "rule", ""))
    if rule in TITLE_RULES:
        return ["title"]
    if rule in CHART_RULES and "chart" in slide.parts:
        return ["chart"]
    if rule == "text_fit":
        return list(slide.overflowing)
    return [part for part in slide.parts if part not in ("title", "footer", "number", "subtitle")]


def _quotes(text: str, quoted: str) -> bool:
    """True when ``quoted`` (perhaps shortened with …) is a piece of ``text``, spaces and case aside."""
    needle = " ".join(quoted.rstrip("…").split()).casefold()
    return bool(needle) and needle in " ".join(text.split()).casefold()


@dataclass
class _Canvas:
    """The items and named parts of the slide being drawn, and the text each part shows."""

    items: list[Item]
    parts: dict[str, Box]
    overflowing: list[str]
    texts: dict[str, str]

    def part(self, name: str, box: Box, *blocks: lay.TextBlock | None, text: str = "") -> None:
        """Name ``box``; it overflows when a text in it does not fit its box."""
        self.parts[name] = box
        texts = [block for block in blocks if block is not None]
        self.texts[name] = " ".join([text, *(line for block in texts for line in block.texts)]).strip()
        if any(not block.fits for block in texts):
            self.overflowing.append(name)


class _Slides:
    """Draws the slides of one plan in one template (the renderer's steps, as data)."""

    def __init__(self, plan: DeckPlan, template: Template, cache_dir: Path | None) -> None:
        self.plan, self.template, self.cache_dir = plan, template, cache_dir
        self.geo, self.pal = template.geometry, template.palette
        self.theme = self.pal.chart_theme()
        self.body_font, self.head_font = self.pal.minor_font, self.pal.major_font
        from briefing.deck import render

        self.render = render  # the renderer's line colour and chart resolution, so both agree

    def slide(self, spec: SlideSpec, number: int) -> DrawnSlide:
        kind = {"title": "title", "divider": "section"}.get(spec.kind, "content")
        back = scenery(self.template, kind)
        canvas = _Canvas(_scenery_items(back), {}, [], {})
        arrangement = lay.arrange(spec, self.geo, self.body_font, self.head_font)
        if spec.kind == "title":
            self._cover(canvas, back, arrangement)
        else:
            self._title(canvas, back.style("title"), arrangement.title,
                        "divider" if spec.kind == "divider" else "title")
            self._content(canvas, spec, arrangement)
            self._footer(canvas, back, number)
        return DrawnSlide(number, spec.title, spec.kind, spec.appendix, self.geo.width, self.geo.height,
                          tuple(canvas.items), canvas.parts, tuple(canvas.overflowing),
                          canvas.texts)

    # -- the renderer's steps --------------------------------------------------------------------

    def _cover(self, canvas: _Canvas, back: Scenery, arr: lay.Arrangement) -> None:
        self._title(canvas, back.style("cover_title"), arr.title, "cover_title")
        if arr.subtitle is not None:
            style = back.style("subtitle")
            colour = self._ink("subtitle", (style.colour or self.pal.text) if style.box else self.pal.text)
            self._text(canvas, arr.subtitle, colour, self.body_font, anchor=style.anchor if style.box else "t")
            canvas.part("subtitle", arr.subtitle.box, arr.subtitle)
        if arr.caption is not None:
            self._text(canvas, arr.caption, self._ink("cover_caption", self.pal.muted), self.body_font)
            canvas.part("caption", arr.caption.box, arr.caption)

    def _ink(self, role: str, own: str) -> str:
        """The colour the renderer gives ``role``'s text: the template's own (``own``) unless it fails AA on
        what lies behind it, then a readable one (``template.inks``, as the renderer reads them)."""
        ink = self.template.inks.get(role)
        return ink.colour if ink is not None else own

    def _title(self, canvas: _Canvas, style: PlaceholderStyle, block: lay.TextBlock, role: str) -> None:
        if style.box is None:  # no title placeholder: a text box, as the renderer makes
            self._text(canvas, block, self._ink(role, self.pal.text), self.head_font, anchor="b")
        else:
            if style.fill:
                canvas.items.append(Rect(block.box, style.fill))
            self._text(canvas, block, self._ink(role, style.colour or self.pal.text), self.head_font,
                       anchor=style.anchor)
        canvas.part("title", block.box, block)

    def _content(self, canvas: _Canvas, spec: SlideSpec, arr: lay.Arrangement) -> None:
        if arr.body is not None:
            self._text(canvas, arr.body, self.pal.text, self.body_font)
            canvas.part("body", arr.body.box, arr.body)
        for index, (box, heading, lines) in enumerate(arr.cards):
            self._card(canvas, spec, index, box, heading, lines)
        if arr.table is not None and spec.table is not None:
            self._table(canvas, spec, arr.table)
        if arr.chart is not None and spec.chart is not None:
            self._chart(canvas, spec.chart, arr.chart)
        if arr.callout is not None:
            canvas.items.append(Rect(arr.callout.box, self.pal.accent))
            self._text(canvas, arr.callout, on_fill(self.pal.accent), self.body_font, anchor="ctr")
            canvas.part("callout", arr.callout.box, arr.callout)
        if arr.caption is not None:
            self._text(canvas, arr.caption, self._ink("caption", self.pal.muted), self.body_font)
            canvas.part("caption", arr.caption.box, arr.caption)

    def _card(self, canvas: _Canvas, spec: SlideSpec, index: int, box: Box, heading: lay.TextBlock,
              lines: lay.TextBlock | None) -> None:
        card = spec.cards[index]
        canvas.items.append(Rect(box, self.pal.box))
        self._severity(canvas, box, card.level)
        if card.label:
            tag = lay.card_label(card.label, box, self.body_font)
            self._text(canvas, tag, muted_on(self.pal, self.pal.box), self.body_font)
        self._text(canvas, heading, self.pal.text, self.body_font)
        if lines is not None:
            self._text(canvas, lines, self.pal.text, self.body_font)
        canvas.part(f"card {index + 1}", box, heading, lines)

    def _severity(self, canvas: _Canvas, box: Box, level: int) -> None:
        if level <= 0:
            return
        from briefing.charts.theme import ordered_ramp

        ramp = ordered_ramp(self.theme)
        size, gap = 0.2, 0.06
        for step in range(5):
            colour = (ramp[min(level - 1, len(ramp) - 1)] if step < level
                      else self.render._mix(self.pal.box, self.pal.text, 0.15))
            canvas.items.append(Rect(Box(box.left + 0.2 + step * (size + gap), box.top + 0.55, size, size), colour))

    def _table(self, canvas: _Canvas, spec: SlideSpec, table_layout: lay.TableLayout) -> None:
        assert spec.table is not None
        table = spec.table
        line = self.render._mix(self.pal.background, self.pal.text, 0.35)
        top = table_layout.box.top
        for r, row in enumerate([table.header, *table.rows]):
            height = table_layout.heights[r] if r < len(table_layout.heights) else 0.0
            left = table_layout.box.left
            for c, width in enumerate(table_layout.widths):
                self._cell(canvas, table, table_layout, (r, c), row[c] if c < len(row) else "",
                           Box(left, top, width, height))
                left += width
            top += height
            canvas.items.append(Line(((table_layout.box.left, top), (table_layout.box.right, top)), line,
                                     2.0 if r == 0 else 0.75))
        cells = [cell for row in [table.header, *table.rows] for cell in row]
        canvas.part("table", table_layout.box, text=" ".join(cells))
        if not table_layout.fits:
            canvas.overflowing.append("table")

    def _cell(self, canvas: _Canvas, table: Table, table_layout: lay.TableLayout, where: tuple[int, int], text: str,
              box: Box) -> None:
        """One table cell as the renderer fills it: the header bold in the accent, ticks centred."""
        r, c = where
        header = r == 0
        size = table_layout.header_size if header else table_layout.size
        centre = not header and c > 0 and text in ("✓", "")
        block = lay.TextBlock([text], box, size, 1, True, bold=header)
        colour = table_mark(self.template, size) if header or text == "✓" else self.pal.text
        align = "c" if centre or (header and c > 0 and table.first_column_wide) else "l"
        self._text(canvas, block, colour, self.body_font, anchor="b" if header else "ctr", align=align,
                   inset=(lay.CELL_MARGIN_X, lay.CELL_MARGIN_Y))

    def _chart(self, canvas: _Canvas, spec: ChartSpec, box: Box) -> None:
        cached = self._cached_image(spec, box)
        if cached is not None:
            canvas.items.append(Picture(box, path=str(cached)))
        else:
            canvas.items.append(Rect(box, self.pal.background))
            canvas.items.extend(sketch(spec, self.theme, box, self.body_font))
        canvas.part("chart", box, text=spec.title)

    def _cached_image(self, spec: ChartSpec, box: Box) -> Path | None:
        """The image the export drew of this chart, when it is in the chart cache."""
        if spec.native or self.cache_dir is None:
            return None
        from briefing.charts import image, image_cache

        key = image.cache_key(spec, self.theme, box.width, box.height, self.render.IMAGE_DPI)
        path = image_cache.path_of(Path(self.cache_dir), key)
        return path if path.is_file() else None

    def _footer(self, canvas: _Canvas, back: Scenery, number: int) -> None:
        text = footer_text(self.plan)
        box = self.geo.footer
        footer, counter = back.style("footer"), back.style("number")
        left = footer.box or Box(box.left, box.top, box.width * 0.75, box.height)
        right = counter.box or Box(box.right - 1.5, box.top, 1.5, box.height)
        for style, where, words, align in ((footer, left, text, "l"), (counter, right, str(number), "r")):
            block = lay.TextBlock([words], where, lay.FOOTER_PT, 1, True)
            self._text(canvas, block, self._ink("footer", style.colour or self.pal.muted), self.body_font,
                       anchor=style.anchor if style.box else "ctr", align=align)
        canvas.part("footer", left, text=text)

    # -- text ----------------------------------------------------------------------------------

    def _text(self, canvas: _Canvas, block: lay.TextBlock, colour: str, family: str, anchor: str = "t",
              align: str = "l", inset: tuple[float, float] = (textfit.INSET_X, textfit.INSET_Y)) -> None:
        """``block`` as the renderer writes it, line by line (never cut: what does not fit runs over its box)."""
        box, size = block.box, block.size
        indent = lay.BULLET_INDENT_IN if block.bullets else 0.0
        inner = max(round(box.width - indent - 2 * inset[0], 4), 0.1)
        paragraphs = [textfit.wrap(text, family, size, inner, block.bold) for text in block.texts or [""]]
        pitch = size * textfit.LINE_PITCH / 72
        space = lay.PARAGRAPH_SPACE_PT / 72
        height = sum(len(p) for p in paragraphs) * pitch + max(len(paragraphs) - 1, 0) * space
        top = {"b": box.bottom - inset[1] - height, "ctr": box.top + (box.height - height) / 2}.get(
            anchor, box.top + inset[1])
        for index, lines in enumerate(paragraphs):
            if block.bullets:
                canvas.items.append(label(box.left + inset[0], top + size * BASELINE / 72, "•", size,
                                          self.pal.accent, "Arial"))
            for line in lines:
                baseline = top + size * BASELINE / 72
                canvas.items.append(self._line(line, box, inset[0] + indent, baseline, size, colour, family,
                                               block.bold, align))
                top += pitch
            top += space if index < len(paragraphs) - 1 else 0.0

    def _line(self, text: str, box: Box, inset: float, baseline: float, size: float, colour: str, family: str,
              bold: bool, align: str) -> Item:
        if align == "l":
            return label(box.left + inset, baseline, text, size, colour, family, bold=bold)
        width = text_width(text, size, family, bold)
        x = box.left + (box.width - width) / 2 if align == "c" else box.right - inset - width
        return label(x, baseline, text, size, colour, family, bold=bold)


def _scenery_items(back: Scenery) -> list[Item]:
    return [_fill_item(fill) for fill in (back.background, *back.shapes)]


def _fill_item(fill: Fill) -> Item:
    if fill.picture:
        return Picture(fill.box, data=fill.picture)
    return Rect(fill.box, fill.colour, fill.rounded, fill.stops, fill.angle)
