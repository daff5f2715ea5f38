"""The deck as plain data: what the plan decides, what the lint finds, what an export returns.

Nothing here knows python-pptx; the renderer turns a ``DeckPlan`` into slides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from briefing.charts.spec import ChartSpec
from briefing.model.entities import DeckSettings

SlideKind = str
"""title, summary, since, problems, csfs, proof, kpis, business_case, survey, allies, roadmap, decision,
divider, details, method, sources, history."""

SECTIONS: tuple[str, ...] = (
    "summary",
    "since",
    "problems",
    "csfs",
    "proof",
    "business_case",
    "survey",
    "allies",
    "roadmap",
    "decision",
)
"""The storyline's optional sections, answer first; the title and the appendix are always there."""


@dataclass
class Card:
    """A box on the problem slide: a heading, one or two short lines, a severity level 1–5."""

    heading: str
    lines: list[str] = field(default_factory=list)
    level: int = 0
    label: str = ""


@dataclass
class Table:
    """A table: a header row and body rows of text (a tick is the cell text ``✓``)."""

    header: list[str]
    rows: list[list[str]]
    first_column_wide: bool = True


@dataclass(frozen=True)
class Renamed:
    """A name the user typed that a slide shows as the person's role instead (see ``briefing.deck.privacy``)."""

    field: str
    """The part of the slide: ``title``, ``body``, ``card 2``, ``table``, ``chart``, ``notes`` …"""
    name: str
    role: str


@dataclass
class SlideSpec:
    """One slide as data. ``references`` holds the ids of the external references shown on it."""

    kind: SlideKind
    title: str
    subtitle: str = ""
    bullets: list[str] = field(default_factory=list)
    table: Table | None = None
    cards: list[Card] = field(default_factory=list)
    chart: ChartSpec | None = None
    caption: str = ""
    callout: str = ""
    notes: str = ""
    appendix: bool = False
    references: list[str] = field(default_factory=list)
    section: str = ""
    renamed: list[Renamed] = field(default_factory=list)
    """Names in the user's text shown as roles on this slide, for the lint to tell where."""

    def body_texts(self) -> list[str]:
        """Every piece of body text a reader sees (bullets, callout, cards, table body cells)."""
        texts = list(self.bullets)
        if self.callout:
            texts.append(self.callout)
        for card in self.cards:
            texts.extend([card.heading, *card.lines])
        if self.table is not None:
            texts.extend(cell for row in self.table.rows for cell in row)
        return texts


@dataclass
class DeckPlan:
    """The whole deck: slides in order (main slides first, then the appendix), and its frame."""

    slides: list[SlideSpec]
    lang: str
    title: str
    audience: str
    date: dt.date
    attempt: int
    max_slides: int
    anonymize: bool = False
    settings: DeckSettings | None = None
    """The settings the deck is made with (stamped into the .pptx for the presentation history)."""
    notices: list[Finding] = field(default_factory=list)
    """What the planner found missing in the workspace for this deck (an empty business case): the lint reports it."""
    unanswered: list[str] = field(default_factory=list)
    """The objections still open that have no answer written: the lint names each before export."""

    @property
    def main(self) -> list[SlideSpec]:
        return [slide for slide in self.slides if not slide.appendix]

    @property
    def appendix(self) -> list[SlideSpec]:
        return [slide for slide in self.slides if slide.appendix]


@dataclass(frozen=True)
class Finding:
    """One breach of the dosing rules: on slide ``slide`` (1-based; 0 = the whole deck)."""

    slide: int
    rule: str
    value: float
    limit: float
    title: str = ""
    shape: str = ""
    """The shape or text the finding is about, as a user recognises it (contrast, alt text, titles)."""
    field: str = ""
    """The part of the slide (``title``, ``body``, ``callout``, ``caption``, ``card 2``, ``table``); "" for all."""
    text: str = ""
    """The text to shorten (or the word too wide for its line)."""
    severity: str = "error"
    """``error`` blocks the readiness of the deck; ``warning`` is told but does not block it."""

    def message(self, lang: str | None = None) -> str:
        from briefing.i18n import format_number, tr

        where = tr("deck.lint.deck", lang) if self.slide == 0 else tr("deck.lint.slide", lang, number=self.slide)
        if self.field:
            name, _, number = self.field.partition(" ")
            part = tr(f"deck.field.{name}", lang, number=number)
            shown = self.text if len(self.text) <= 48 else self.text[:47].rstrip() + "…"
            where = tr("deck.lint.where_field", lang, where=where, field=part, text=shown)
        return tr(
            f"deck.rule.{self.rule}",
            lang,
            where=where,
            value=format_number(self.value, lang),
            limit=format_number(self.limit, lang),
            count=self.value,
            shape=self.shape,
        )

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class ExportResult:
    path: Path
    slides: int
    findings: list[Finding]
    sha256: str


@dataclass(frozen=True)
class LayoutInfo:
    name: str
    placeholders: list[str]


@dataclass
class TemplateReport:
    """What ``template-check`` tells: the layouts found and missing and how each slide kind maps."""

    path: Path
    width_in: float
    height_in: float
    layouts: list[LayoutInfo]
    mapping: dict[str, str]
    missing: list[str]
    example_slides: int
    fonts: tuple[str, str]
    background: str
    text: str
    accent: str
    dark: bool
    notes: list[str] = field(default_factory=list)
    dropped_links: list[str] = field(default_factory=list)
    """Links out of the template's package (web, ``file:``, UNC), dropped: they never reach a deck."""
    contrast: list[tuple[str, str, float, str, float, float]] = field(default_factory=list)
    """Texts whose own style fails AA on what lies behind: (role, its colour, ratio, the colour used, ratio,
    the least ratio AA asks)."""

    @property
    def aspect(self) -> str:
        ratio = self.width_in / self.height_in if self.height_in else 0
        return "16:9" if abs(ratio - 16 / 9) < 0.02 else "4:3" if abs(ratio - 4 / 3) < 0.02 else f"{ratio:.2f}:1"
