"""Which colour each text of a slide takes, and the lint's findings on contrast, alt text and titles.

The renderer asks here for the colour of text it writes on a fill (a card, the decision band, a table's
header), so the lint measures the colours the deck really has. The lint works from the plan, the
layout (``layout.arrange``) and what the template draws behind each place (``backdrop``): no render.

Findings (``Finding.rule``): ``contrast`` — a text under WCAG 2.2 AA against what lies behind it
(value: its worst ratio, limit: 4.5 or 3); ``alt_text`` — a chart a screen reader cannot describe;
``unique_title`` — a main slide whose title another slide has too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from briefing.charts.alt import key_numbers
from briefing.charts.spec import ChartSpec
from briefing.charts.theme import ChartTheme, blend, contrast, label_colour, level_colour, readable_on, role_colour
from briefing.deck import layout as lay
from briefing.deck.backdrop import Backdrop, Ink, required
from briefing.deck.model import DeckPlan, Finding, SlideSpec
from briefing.deck.template import Palette, Template

NEAR_BLACK, WHITE = "#1A1A1A", "#FFFFFF"
CHART_PT = 14.0


# -- colours the renderer gives text on a fill ---------------------------------------------------


def on_fill(fill: str) -> str:
    """Text on a coloured band or box: near-black or white, whichever reads better on ``fill`` (pure black
    where neither reaches 4.5:1)."""
    best = max((WHITE, NEAR_BLACK), key=lambda colour: contrast(colour, fill))
    return best if contrast(best, fill) >= 4.5 else max((best, "#000000"), key=lambda c: contrast(c, fill))


def muted_on(pal: Palette, fill: str) -> str:
    """The muted colour, moved towards the text colour until it reads (4.5:1) on ``fill``."""
    colour = pal.muted
    for share in (0.2, 0.4, 0.6, 0.8, 1.0):
        if contrast(colour, fill) >= 4.5:
            break
        colour = blend(pal.muted, pal.text, share)
    return colour


def accent_text(template: Template, size: float, bold: bool) -> str:
    """The accent for text of ``size`` when it reads there (AA), else the body text's colour."""
    behind = body_backdrop(template)
    return template.palette.accent if behind.contrast(template.palette.accent) >= required(size, bold) \
        else template.palette.text


def table_mark(template: Template, size: float) -> str:
    """A table's header and its ticks: the accent where it reads at 4.5:1 even when bold (the headers go
    down to 14 pt with the table), else the body text's colour."""
    return accent_text(template, size, False)


def body_backdrop(template: Template) -> Backdrop:
    ink = template.inks.get("body")
    return ink.backdrop if ink is not None else Backdrop((template.palette.background,))


# -- every text on a slide ------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One text on a slide: its shape (what a user recognises), colour, what lies behind, size and weight."""

    shape: str
    colour: str
    behind: Backdrop
    size: float
    bold: bool = False

    @property
    def ratio(self) -> float:
        return self.behind.contrast(self.colour)

    @property
    def limit(self) -> float:
        return required(self.size, self.bold)


def footer_text(plan: DeckPlan) -> str:
    """The footer of every content slide: the meeting's date · the audience."""
    from briefing.i18n import format_date

    return " · ".join(part for part in (format_date(plan.date, plan.lang, short=True), plan.audience) if part)


def texts(spec: SlideSpec, template: Template, footer: str = "") -> list[Text]:
    """Every text the renderer writes on the slide of ``spec``, with the colour it gets (``footer``: its text)."""
    pal, inks = template.palette, template.inks
    arr = lay.arrange(spec, template.geometry, pal.minor_font, pal.major_font)
    body = body_backdrop(template)
    found: list[Text] = []

    def ink(role: str, shape: str, block: lay.TextBlock | None) -> None:
        held: Ink | None = inks.get(role)
        if block is not None and held is not None:
            found.append(Text(shape, held.colour, held.backdrop, block.size, block.bold))

    if spec.kind == "title":
        ink("cover_title", spec.title, arr.title)
        ink("subtitle", spec.subtitle, arr.subtitle)
        ink("cover_caption", spec.caption, arr.caption)
        return found
    ink("divider" if spec.kind == "divider" else "title", spec.title, arr.title)
    ink("footer", footer, lay.TextBlock([""], template.geometry.footer, lay.FOOTER_PT, 1, True))
    ink("caption", spec.caption, arr.caption)
    if arr.body is not None:
        found.append(Text(_first(arr.body.texts), pal.text, body, arr.body.size))
    box = Backdrop((pal.box,))
    for card, (card_box, heading, lines) in zip(spec.cards, arr.cards, strict=False):
        if card.label:
            tag = lay.card_label(card.label, card_box, pal.minor_font)
            found.append(Text(card.label, muted_on(pal, pal.box), box, tag.size))
        found.append(Text(card.heading, pal.text, box, heading.size, heading.bold))
        if lines is not None:
            found.append(Text(_first(lines.texts), pal.text, box, lines.size))
    if arr.callout is not None:
        found.append(Text(spec.callout, on_fill(pal.accent), Backdrop((pal.accent,)), arr.callout.size, True))
    if arr.table is not None and spec.table is not None:
        found.append(Text(_first(spec.table.header), table_mark(template, arr.table.header_size), body,
                          arr.table.header_size, True))
        found.append(Text(_first(spec.table.rows[0]) if spec.table.rows else "", pal.text, body, arr.table.size))
    if arr.chart is not None and spec.chart is not None:
        found.extend(chart_texts(spec.chart, pal.chart_theme(), body))
    return found


def chart_texts(chart: ChartSpec, theme: ChartTheme, behind: Backdrop) -> list[Text]:
    """A chart's labels on the slide, and those drawn inside its bars (a survey's shares, a phase's name)."""
    name = chart.title or chart.kind
    found = [Text(name, label_colour(theme), behind, CHART_PT)]
    if chart.kind == "likert":
        levels = len(chart.scale) or 5
        fills = [level_colour(theme, level, levels) for level in range(levels)]
    elif chart.kind == "timeline":
        fills = [role_colour(theme, span.role) for span in chart.spans]
    else:
        fills = []
    found.extend(Text(name, readable_on(fill, theme), Backdrop((fill,)), CHART_PT) for fill in dict.fromkeys(fills))
    return found


def _first(values: list[str]) -> str:
    return next((v for v in values if v.strip()), "")


# -- the findings ---------------------------------------------------------------------------------


def findings(plan: DeckPlan, template: Template) -> list[Finding]:
    """Contrast under AA, charts without alt text and repeated titles on the main slides."""
    found: list[Finding] = []
    titles = Counter(spec.title.strip().casefold() for spec in plan.slides)
    for number, spec in enumerate(plan.slides, start=1):
        if spec.appendix:
            continue
        for text in texts(spec, template, footer_text(plan)):
            if text.ratio < text.limit:
                found.append(Finding(number, "contrast", round(text.ratio, 1), text.limit, spec.title,
                                     shape=_short(text.shape)))
        if spec.chart is not None and not (spec.chart.alt_text.strip() or key_numbers(spec.chart)):
            found.append(Finding(number, "alt_text", 0, 1, spec.title, shape=_short(spec.chart.title)))
        others = titles[spec.title.strip().casefold()] - 1
        if others and spec.kind != "title":
            found.append(Finding(number, "unique_title", others, 0, spec.title, shape=_short(spec.title)))
    return found


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
