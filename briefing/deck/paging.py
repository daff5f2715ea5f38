"""What does not fit its slide continues: nothing the user wrote is cut.

Laid out with the same ``layout.arrange`` the renderer and the lint use, in the template's geometry:
a table's rows or a list's items that do not fit at the smallest size continue on the next slides,
titled "(1/2)", "(2/2)"; a paragraph longer than a whole slide continues by its lines; a problem
card's text that its card cannot hold moves to the appendix, and the card says where it went. When the
continuation slides exceed the budget of main slides, the sections that rank lowest move to the appendix.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

from briefing.deck import layout, textfit
from briefing.deck.model import Card, DeckPlan, SlideSpec
from briefing.deck.template import Template
from briefing.i18n import tr

MAX_PAGES = 40
"""A guard: no slide continues over more pages than this (the rest stays, and the lint names it)."""

Fits = Callable[[SlideSpec], bool]


def paginate(plan: DeckPlan, template: Template) -> DeckPlan:
    """``plan`` with every slide that does not fit continued on next slides (card details in the appendix)."""
    geo, family, heading = template.geometry, template.palette.minor_font, template.palette.major_font

    def fits(spec: SlideSpec) -> bool:
        return layout.arrange(spec, geo, family, heading).fits

    slides: list[SlideSpec] = []
    details: list[SlideSpec] = []
    for spec in plan.slides:
        if spec.kind in ("title", "divider") or fits(spec):
            slides.append(spec)
        elif spec.cards:
            kept, moved = cards_to_appendix(spec, fits, plan.lang)
            slides.append(kept)
            details.extend(page for detail in moved for page in continue_over(detail, fits, family, template))
        else:
            slides.extend(continue_over(spec, fits, family, template))
    if details:
        at = next((i + 1 for i, s in enumerate(slides) if s.kind == "divider"), len(slides))
        slides[at:at] = details
    return dataclasses.replace(plan, slides=within_slide_budget(slides, plan.max_slides))


def within_slide_budget(slides: list[SlideSpec], max_slides: int) -> list[SlideSpec]:
    """The slides with the budget of main slides kept after continuation: a section's continuation slides
    (whole answers, say) move the sections that rank lowest to the appendix, as the storyline does."""
    from briefing.deck.storyline import apply_budget

    main = [spec for spec in slides if not spec.appendix]
    if len(main) <= max_slides:
        return slides
    kept, moved = apply_budget(main, max_slides)
    back = [spec for spec in slides if spec.appendix]
    at = next((i + 1 for i, s in enumerate(back) if s.kind == "divider"), 0)
    return [*kept, *back[:at], *moved, *back[at:]]


def continue_over(spec: SlideSpec, fits: Fits, family: str, template: Template) -> list[SlideSpec]:
    """``spec`` over as few slides as fit: its table rows or its items shared out in order."""
    if spec.chart is not None or (spec.table is None and not spec.bullets) or fits(spec):
        return [spec]
    items: list[Any] = spec.table.rows if spec.table is not None else spec.bullets
    for pages in range(2, min(len(items), MAX_PAGES) + 1):
        parts = _shares(items, pages)
        specs = [_page(spec, part, number, pages) for number, part in enumerate(parts, start=1)]
        if all(fits(page) for page in specs):
            return specs
    if spec.table is None:  # a paragraph longer than a slide: it continues by its lines
        pieces = _by_lines(spec, family, template)
        if len(pieces) > len(items):
            return continue_over(dataclasses.replace(spec, bullets=pieces), fits, family, template)
    return [spec]


def _shares(items: list[Any], pages: int) -> list[list[Any]]:
    size = math.ceil(len(items) / pages)
    return [items[i : i + size] for i in range(0, len(items), size)]


def _page(spec: SlideSpec, part: list[Any], number: int, pages: int) -> SlideSpec:
    title = f"{spec.title} ({number}/{pages})"
    last = number == pages
    if spec.table is not None:
        table = dataclasses.replace(spec.table, rows=part)
        return dataclasses.replace(spec, title=title, table=table, callout=spec.callout if last else "")
    return dataclasses.replace(spec, title=title, bullets=part, callout=spec.callout if last else "")


def _by_lines(spec: SlideSpec, family: str, template: Template) -> list[str]:
    """The items cut into runs of lines that each fit the slide's text area at the smallest size."""
    area = template.geometry.content
    sizes = layout.APPENDIX_SIZES if spec.appendix else layout.BODY_SIZES
    size = sizes[-1]
    width = area.width - layout.BULLET_INDENT_IN - 2 * textfit.INSET_X
    room = max(textfit.lines_available(area.height - 1.5, size), 1)
    pieces: list[str] = []
    for item in spec.bullets:
        lines = textfit.wrap(item, family, size, width)
        pieces.extend(" ".join(lines[i : i + room]) for i in range(0, len(lines), room))
    return pieces


def cards_to_appendix(spec: SlideSpec, fits: Fits, lang: str) -> tuple[SlideSpec, list[SlideSpec]]:
    """The card slide with each card's text that does not fit replaced by a pointer to the appendix, where it
    is in full; cards are emptied one by one, the longest first, until the slide fits."""
    pointer = tr("deck.paging.in_appendix", lang)
    cards = list(spec.cards)
    moved: list[Card] = []
    for index in sorted(range(len(cards)), key=lambda i: -len(" ".join(cards[i].lines))):
        if fits(dataclasses.replace(spec, cards=cards)):
            break
        if cards[index].lines and cards[index].lines != [pointer]:
            moved.append(cards[index])
            cards[index] = dataclasses.replace(cards[index], lines=[pointer])
    if not moved:
        return spec, []
    title = tr("deck.paging.details_title", lang, title=spec.title)
    bullets = [f"{card.heading}: {' '.join(card.lines)}" for card in moved]
    detail = SlideSpec(kind="details", title=title, bullets=bullets, notes=spec.notes or title, appendix=True,
                       section="details")
    return dataclasses.replace(spec, cards=cards), [detail]
