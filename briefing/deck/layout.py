"""Where each part of a slide goes and at what size its text fits — shared by the renderer and the lint.

Pure geometry in inches over a template's ``Geometry``; text measured with ``textfit``. The renderer
draws exactly these boxes at exactly these sizes, so what the lint measured is what the deck shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from briefing.deck import textfit
from briefing.deck.limits import MIN_BODY_PT
from briefing.deck.model import Card, SlideSpec, Table
from briefing.deck.template import Box, Geometry
from briefing.deck.wording import words

TITLE_PT = 28.0
TITLE_SIZES = (28.0, 24.0, 22.0, 20.0)
BODY_SIZES = (24.0, 22.0, 20.0, 18.0, 16.0)
"""Body text sizes, largest first: down to a 16 pt floor (the lint reports anything under 18 pt)."""
APPENDIX_SIZES = (20.0, 18.0, 16.0, 14.0)
CAPTION_PT = 14.0
FOOTER_PT = 10.0
PARAGRAPH_SPACE_PT = 6.0
BULLET_INDENT_IN = 0.3125
CELL_MARGIN_X = 0.1
CELL_MARGIN_Y = 0.05
GAP = 0.25


@dataclass
class TextBlock:
    """A run of paragraphs in a box at one size; ``lines`` needed, ``fits`` within the box height."""

    texts: list[str]
    box: Box
    size: float
    lines: int
    fits: bool
    bullets: bool = False
    bold: bool = False


@dataclass
class TableLayout:
    box: Box
    widths: list[float]
    heights: list[float]
    size: float
    header_size: float
    fits: bool
    lines: int
    max_lines: int


@dataclass
class Arrangement:
    """Every box of one slide: title, body text, callout, cards, table, chart, caption."""

    title: TextBlock
    title_lines_at_28: int
    body: TextBlock | None = None
    callout: TextBlock | None = None
    caption: TextBlock | None = None
    cards: list[tuple[Box, TextBlock, TextBlock | None]] = field(default_factory=list)
    table: TableLayout | None = None
    chart: Box | None = None
    subtitle: TextBlock | None = None

    def fields(self) -> list[tuple[str, TextBlock]]:
        """Every block of text on the slide with the field it shows (``title``, ``body``, ``card 2``, …)."""
        named = [("title", self.title), ("subtitle", self.subtitle), ("body", self.body), ("callout", self.callout),
                 ("caption", self.caption)]
        for number, (_box, heading, lines) in enumerate(self.cards, start=1):
            named += [(f"card {number}", heading), (f"card {number}", lines)]
        return [(name, block) for name, block in named if block is not None]

    @property
    def fits(self) -> bool:
        """Every text of the slide fits its box (a table included)."""
        return all(block.fits for _name, block in self.fields()) and (self.table is None or self.table.fits)


def text_height(texts: list[str], family: str, size: float, width: float, bullets: bool = False,
                bold: bool = False) -> tuple[float, int]:
    """The height (in) and the line count of ``texts`` at ``size`` wrapped in a box ``width`` wide."""
    inner = width - (BULLET_INDENT_IN if bullets else 0)
    lines = textfit.count_lines(texts, family, size, inner, bold)
    return textfit.height_in(lines, size, len(texts), PARAGRAPH_SPACE_PT), lines


def fit_text(texts: list[str], box: Box, family: str, sizes: tuple[float, ...], bullets: bool = False,
             bold: bool = False) -> TextBlock:
    """The largest size in ``sizes`` at which ``texts`` fit ``box`` (the smallest when none does)."""
    fitting = []
    for size in sizes:
        height, lines = text_height(texts, family, size, box.width, bullets, bold)
        if height <= box.height + 1e-6:
            if whole_words(texts, family, size, box.width, bullets, bold):
                return TextBlock(texts, box, size, lines, True, bullets, bold)
            fitting.append((size, lines))
    if fitting:  # no size keeps every word whole: the largest that fits, a word broken where it must be
        size, lines = fitting[0]
        return TextBlock(texts, box, size, lines, True, bullets, bold)
    return TextBlock(texts, box, sizes[-1], lines, False, bullets, bold)


def whole_words(texts: list[str], family: str, size: float, width: float, bullets: bool = False,
                bold: bool = False) -> bool:
    """True when every word of ``texts`` fits a line at ``size`` (none is broken mid-word)."""
    inner = width - (BULLET_INDENT_IN if bullets else 0)
    return not textfit.splits_words(texts, family, size, inner, bold)


def fit_title(title: str, box: Box, family: str, scale: float) -> tuple[TextBlock, int]:
    """The title at 28 pt if it fits its box (else smaller); and the lines it takes at 28 pt."""
    sizes = tuple(round(s * min(scale, 1.0) * 2) / 2 for s in TITLE_SIZES) if scale < 0.95 else TITLE_SIZES
    _, lines_28 = text_height([title], family, sizes[0], box.width, bold=True)
    block = fit_text([title], box, family, sizes, bold=True)
    if not block.fits:  # grow the box rather than let the title spill over the content
        height, lines = text_height([title], family, block.size, box.width, bold=True)
        block = TextBlock([title], Box(box.left, box.top, box.width, height), block.size, lines, True, bold=True)
    return block, lines_28


def arrange(spec: SlideSpec, geo: Geometry, family: str, heading_family: str) -> Arrangement:
    """The boxes and sizes of ``spec`` on a slide of ``geo``."""
    if spec.kind == "title":
        return _arrange_cover(spec, geo, family, heading_family)
    if spec.kind == "divider":
        box = Box(geo.content.left, geo.height * 0.38, geo.content.width, geo.height * 0.2)
        block = fit_text([spec.title], box, heading_family, (40.0, 36.0, 32.0, 28.0), bold=True)
        return Arrangement(title=block, title_lines_at_28=1)
    title, lines_28 = fit_title(spec.title, geo.title, heading_family, geo.scale)
    content = geo.content
    if title.box.bottom > content.top - 0.1:
        top = title.box.bottom + 0.1
        content = Box(content.left, top, content.width, max(content.bottom - top, 1.0))
    result = Arrangement(title=title, title_lines_at_28=lines_28)
    sizes = APPENDIX_SIZES if spec.appendix else BODY_SIZES
    area = content
    if spec.caption:
        cap_height = textfit.height_in(1, CAPTION_PT) + 0.05
        area = Box(content.left, content.top, content.width, content.height - cap_height)
        result.caption = fit_text([spec.caption], Box(content.left, area.bottom, content.width, cap_height), family,
                                  (CAPTION_PT, 12.0))
    if spec.callout:
        call_height = min(0.9 * geo.scale + 0.1, area.height * 0.3)
        result.callout = fit_text([spec.callout], Box(area.left, area.bottom - call_height, area.width, call_height),
                                  family, sizes, bold=True)
        area = Box(area.left, area.top, area.width, area.height - call_height - GAP)
        if spec.bullets and not spec.chart and not spec.table and not spec.cards:
            body = fit_text(spec.bullets, area, family, sizes, bullets=True)
            used, _ = text_height(body.texts, family, body.size, area.width, True)
            if body.fits:
                body = TextBlock(body.texts, Box(area.left, area.top, area.width, used), body.size, body.lines, True,
                                 True)
                call = Box(area.left, area.top + used + GAP, area.width, call_height)
                result.callout = fit_text([spec.callout], call, family, sizes, bold=True)
            result.body = body
            return result
    if spec.cards:
        result.cards = _arrange_cards(spec, area, family, sizes)
    elif spec.table is not None:
        result.table = arrange_table(spec, area, family, sizes)
    elif spec.chart is not None:
        if len(spec.bullets) == 1 and words(spec.bullets[0]) <= UNDER_CHART_WORDS and area.width < 10.0:
            # a small slide: a quote goes under the chart (a longer text beside it leaves the chart its height)
            text_h = min(area.height * 0.3, 1.2)
            result.chart = Box(area.left, area.top, area.width, area.height - text_h - 0.1)
            text_box = Box(area.left, area.bottom - text_h, area.width, text_h)
            result.body = fit_text(spec.bullets, text_box, family, sizes)
        elif spec.bullets:
            split = area.width * 0.62
            result.chart = Box(area.left, area.top, split, area.height)
            text_box = Box(area.left + split + GAP, area.top, area.width - split - GAP, area.height)
            result.body = fit_text(spec.bullets, text_box, family, sizes)
        else:
            result.chart = area
    elif spec.bullets:
        result.body = fit_text(spec.bullets, area, family, sizes, bullets=len(spec.bullets) > 1 or spec.appendix)
    return result


UNDER_CHART_WORDS = 16
"""The longest single text (a quote) that goes under a chart on a small slide; a longer one goes beside it."""


def _arrange_cover(spec: SlideSpec, geo: Geometry, family: str, heading_family: str) -> Arrangement:
    big = tuple(s * min(geo.scale, 1.0) for s in (40.0, 36.0, 32.0, 28.0))
    title = fit_text([spec.title], geo.cover_title, heading_family, big, bold=True)
    if not title.fits:
        height, lines = text_height([spec.title], heading_family, title.size, geo.cover_title.width, bold=True)
        title = TextBlock([spec.title], Box(geo.cover_title.left, geo.cover_title.top, geo.cover_title.width, height),
                          title.size, lines, True, bold=True)
    sub_top = max(geo.cover_subtitle.top, title.box.bottom + 0.05)
    sub_box = Box(geo.cover_subtitle.left, sub_top, geo.cover_subtitle.width, geo.cover_subtitle.height)
    subtitle = fit_text([spec.subtitle], sub_box, family, BODY_SIZES) if spec.subtitle else None
    if subtitle is not None:
        used, _ = text_height(subtitle.texts, family, subtitle.size, sub_box.width)
        subtitle = TextBlock(subtitle.texts, Box(sub_box.left, sub_box.top, sub_box.width, min(used, sub_box.height)),
                             subtitle.size, subtitle.lines, subtitle.fits)
    cap_top = (subtitle.box.bottom if subtitle else title.box.bottom) + 0.1
    caption = fit_text([spec.caption], Box(sub_box.left, cap_top, sub_box.width, 0.5), family, (18.0, 16.0, 14.0))
    overflow = caption.box.bottom - (geo.footer.top - 0.1)
    if overflow > 0:  # a cover whose title sits low: lift the whole group above the footer
        lift = min(overflow, max(title.box.top - 0.3, 0))
        title, caption = _lift(title, lift), _lift(caption, lift)
        subtitle = _lift(subtitle, lift) if subtitle else None
    return Arrangement(title=title, title_lines_at_28=1, subtitle=subtitle, caption=caption)


def _lift(block: TextBlock, by: float) -> TextBlock:
    box = block.box
    return TextBlock(block.texts, Box(box.left, box.top - by, box.width, box.height), block.size, block.lines,
                     block.fits, block.bullets, block.bold)


def _arrange_cards(spec: SlideSpec, area: Box, family: str, sizes: tuple[float, ...]
                   ) -> list[tuple[Box, TextBlock, TextBlock | None]]:
    count = len(spec.cards)
    width = (area.width - GAP * (count - 1)) / count
    top = area.top + CARD_HEAD
    size = _common_card_size(spec, width - 0.2, area.height - CARD_HEAD - 0.2, family, sizes)
    placed = []
    needed = 0.0
    for index, card in enumerate(spec.cards):
        left = area.left + index * (width + GAP) + 0.1
        head_h, head_lines = text_height([card.heading], family, size, width - 0.2, bold=True)
        heading = TextBlock([card.heading], Box(left, top, width - 0.2, head_h), size, head_lines, True, bold=True)
        lines = None
        if card.lines:
            rest_h, rest_lines = text_height(card.lines, family, size, width - 0.2)
            room = area.bottom - (top + head_h + 0.05) - 0.1
            lines = TextBlock(card.lines, Box(left, top + head_h + 0.05, width - 0.2, min(rest_h, room)), size,
                              rest_lines, rest_h <= room + 1e-6)
            needed = max(needed, head_h + 0.05 + rest_h)
        else:
            needed = max(needed, head_h)
        placed.append((heading, lines))
    height = min(max(CARD_HEAD + needed + 0.2, area.height * 0.55), area.height)
    return [(Box(area.left + i * (width + GAP), area.top, width, height), h, b) for i, (h, b) in enumerate(placed)]


def card_label(label: str, card: Box, family: str) -> TextBlock:
    """A card's process label on one line at the top of the card, smaller rather than broken."""
    return fit_text([label], Box(card.left + 0.1, card.top + 0.05, card.width - 0.2, 0.45), family, LABEL_SIZES)


LABEL_SIZES = (18.0, 16.0, 14.0, 12.0)
CARD_HEAD = 0.95
"""The top of a card: the process label and the severity squares."""


def _common_card_size(spec: SlideSpec, width: float, height: float, family: str, sizes: tuple[float, ...]) -> float:
    """The largest size at which every card's heading and lines fit, no word broken mid-word (one size for all)."""
    for whole in (True, False):  # rather a smaller size than a word broken mid-word
        for size in sizes:
            if all(_card_fits(card, family, size, width, height, whole) for card in spec.cards):
                return size
    return sizes[-1]


def _card_fits(card: Card, family: str, size: float, width: float, height: float, whole: bool) -> bool:
    """The card's heading and lines fit ``height`` at ``size`` (``whole``: with every word whole on its line)."""
    needed = text_height([card.heading], family, size, width, bold=True)[0] + 0.05
    needed += text_height(card.lines, family, size, width)[0]
    if needed > height:
        return False
    return not whole or (whole_words([card.heading], family, size, width, bold=True)
                         and whole_words(card.lines, family, size, width))


def arrange_table(spec: SlideSpec, area: Box, family: str, sizes: tuple[float, ...]) -> TableLayout:
    """Column widths from the content, and row heights at the largest size at which the whole table fits ``area``.

    Each column is at least as wide as its longest word at the size used (no word is broken), and the
    room left goes to the columns whose text would otherwise wrap most. The size goes down to
    ``TABLE_FLOOR_PT``; a table that still does not fit is continued on a next slide (``paging``).
    """
    assert spec.table is not None
    table = spec.table
    candidates = [*sizes, *(s for s in TABLE_SIZES if s < sizes[-1])]
    tried: list[TableLayout] = []
    for size in candidates:
        widths = column_widths(table, area.width, family, size)
        if widths is None:
            continue
        placed = _table_at(table, area, family, size, widths)
        if placed.fits:
            return placed
        tried.append(placed)
    if tried:  # every word whole, but too tall: the largest size (a continuation slide takes the rest)
        return next((t for t in tried if t.size >= MIN_BODY_PT), tried[-1])
    columns = len(table.header)  # a word wider than the table allows at the floor: even widths, the lint names it
    return _table_at(table, area, family, candidates[-1], [area.width / columns] * columns)


TABLE_FLOOR_PT = 14.0
TABLE_SIZES = (16.0, 14.0)
"""Sizes a table may go down to below the body sizes; the lint reports anything under 18 pt."""
WIDTH_SLACK = 1.04
"""Room for a renderer whose line breaking is a little wider than the font's advance widths."""


def column_widths(table: Table, width: float, family: str, size: float) -> list[float] | None:
    """Widths (in) that keep every word of every column whole at ``size`` and fill ``width``; None when the
    longest words alone need more than ``width``. The room beyond the longest words goes, step by step, to
    the column where it saves the most height (a long header or a long row label), else to the widest text."""
    rows = (tuple(table.header), *(tuple(row) for row in table.rows))
    widths = _column_widths(rows, round(width, 4), family, size, _header_size(table, size))
    return list(widths) if widths is not None else None


@lru_cache(maxsize=256)
def _column_widths(rows: tuple[tuple[str, ...], ...], width: float, family: str, size: float,
                   header_size: float) -> tuple[float, ...] | None:
    """``column_widths`` for a table given as its rows (the header first); the plan, the lint, the
    continuation and the renderer all ask for the same tables."""
    columns = len(rows[0])
    sized = [(row, header_size if index == 0 else size, index == 0) for index, row in enumerate(rows)]
    least = [0.0] * columns
    most = [0.0] * columns
    for row, row_size, bold in sized:
        measure = textfit.metrics(family, bold)
        for index, cell in enumerate(row[:columns]):
            longest = max((measure.em(word) for word in cell.split()), default=0.0)
            least[index] = max(least[index], _cell_width(longest, row_size))
            most[index] = max(most[index], _cell_width(measure.em(cell), row_size))
    if sum(least) > width + 1e-6:
        return None
    if sum(most) <= width:  # everything on one line: share the rest in proportion to the content
        return tuple(width * m / sum(most) for m in most) if sum(most) else (width / columns,) * columns
    widths = list(least)
    step = max((width - sum(least)) / WIDTH_STEPS, 0.02)
    known: dict[tuple[int, float], list[int]] = {}

    def lines(column: int, at: float) -> list[int]:  # the lines of every cell of a column at a width
        key = (column, round(at, 4))
        if key not in known:
            known[key] = [textfit.count_lines([row[column]] if column < len(row) else [""], family, row_size,
                                              at - 2 * CELL_MARGIN_X + 2 * textfit.INSET_X, bold)
                          for row, row_size, bold in sized]
        return known[key]

    def height(ws: list[float]) -> float:  # the table's height, and a little for every line of every cell
        counts = [lines(c, w) for c, w in enumerate(ws)]
        total = 0.0
        for r, (_row, row_size, _bold) in enumerate(sized):
            cells = [counts[c][r] for c in range(columns)]
            total += max(cells) * row_size * textfit.LINE_PITCH * 1.08 / 72 + 0.02 * sum(cells)
        return total

    def gain(i: int, now: float, left: float) -> tuple[float, float]:  # the height saved per step, looking ahead
        steps = 1
        while steps * step <= left + 1e-6:
            saved = now - height([*widths[:i], widths[i] + steps * step, *widths[i + 1:]])
            if saved > 1e-9:
                return saved / steps, most[i] - widths[i]
            steps += 1
        return 0.0, most[i] - widths[i]

    while width - sum(widths) > 1e-6:
        left = width - sum(widths)
        grow = min(step, left)
        now = height(widths)
        gains = [gain(i, now, left) for i in range(columns)]  # a date that needs two steps to stop wrapping wins
        best = max(range(columns), key=lambda i: gains[i])
        widths[best] += grow
    return tuple(widths)


WIDTH_STEPS = 24
"""How finely the room beyond the longest words is shared out among a table's columns."""


def _cell_width(ems: float, size: float) -> float:
    return ems * size / 72 * WIDTH_SLACK + 2 * CELL_MARGIN_X + 0.02


def _header_size(table: Table, size: float) -> float:
    """A many-column header is a row of labels: at most ``HEADER_MAX_PT`` (never under the table's floor)."""
    return max(min(size, HEADER_MAX_PT), TABLE_FLOOR_PT) if len(table.header) > 3 else size


HEADER_MAX_PT = 18.0


def _table_at(table: Table, area: Box, family: str, size: float, widths: list[float]) -> TableLayout:
    header_size = _header_size(table, size)
    heights = [_row_height(table.header, widths, family, header_size, True)]
    heights += [_row_height(row, widths, family, size, False) for row in table.rows]
    lines = sum(_row_lines(row, widths, family, size) for row in table.rows)
    fits = sum(heights) <= area.height + 1e-6
    line_pitch = size * textfit.LINE_PITCH / 72
    max_lines = int((area.height - heights[0]) / line_pitch) if line_pitch else 0
    return TableLayout(Box(area.left, area.top, area.width, sum(heights)), widths, heights, size, header_size, fits,
                       lines, max_lines)


def _row_lines(row: list[str], widths: list[float], family: str, size: float, bold: bool = False) -> int:
    return max(_cell_line_counts(row, widths, family, size, bold), default=1)


def _cell_line_counts(row: list[str], widths: list[float], family: str, size: float, bold: bool) -> list[int]:
    return [textfit.count_lines([cell], family, size, w - 2 * CELL_MARGIN_X + 2 * textfit.INSET_X, bold)
            for cell, w in zip(row, widths, strict=False)]


def _row_height(row: list[str], widths: list[float], family: str, size: float, bold: bool) -> float:
    lines = _row_lines(row, widths, family, size, bold)
    return lines * size * textfit.LINE_PITCH * 1.08 / 72 + 2 * CELL_MARGIN_Y + 0.04
