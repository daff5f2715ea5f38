"""The one-page pre-read as plain data: the ask with its cost and payback, why now, three proofs, the
phases with the one asked marked, and what changed since last time.

It is built from the facts the deck's sections use (``briefing.deck.sections.facts``), the business
case (``briefing.evidence.money``) and the phase asked (``briefing.model.queries``). It is meant for
others: nobody is named without consent (``Naming``; ``anonymize`` names nobody), free text shows a
hidden person's role instead of their name, and there are no speaker notes and no feedback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from briefing.deck.dating import deck_date
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import Context
from briefing.deck.sections.facts import effect_sentence, latest_survey, measured_effects
from briefing.deck.wording import upper_first
from briefing.evidence.money import BusinessCase, business_case
from briefing.evidence.naming import Naming
from briefing.i18n import format_money, format_number
from briefing.model.entities import DeckSettings, Phase, Workspace
from briefing.model.queries import latest_presentation, open_objections, ordered_phases

NBSP = "\u00a0"
"""Keeps ``93 %`` on one line."""
PROOFS = 3
"""How many proofs the page carries (KPI effects first, then survey findings)."""


@dataclass(frozen=True)
class Figure:
    """One figure of the ask: what it is, and its value."""

    label: str
    value: str


@dataclass(frozen=True)
class Item:
    """One line of a block: a lead in bold (may be empty) and its text; ``marked`` stands out (the phase asked)."""

    lead: str
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Block:
    """A part of the page under a heading; when the page is full, its last items go first, down to ``keep``."""

    key: str
    heading: str
    items: tuple[Item, ...]
    keep: int = 1


@dataclass(frozen=True)
class Preread:
    """The page: a kicker, the title, the ask and its figures, the blocks, the footer."""

    lang: str
    kicker: str
    title: str
    ask_heading: str
    ask: str
    figures: tuple[Figure, ...]
    blocks: tuple[Block, ...]
    footer: str

    def block(self, key: str) -> Block | None:
        return next((b for b in self.blocks if b.key == key), None)

    def texts(self) -> list[str]:
        """Every text on the page, in reading order."""
        parts = [self.kicker, self.title, self.ask_heading, self.ask]
        parts += [text for figure in self.figures for text in (figure.label, figure.value)]
        for block in self.blocks:
            parts.append(block.heading)
            parts += [text for item in block.items for text in (item.lead, item.text)]
        return [*parts, self.footer]


DROP_ORDER = ("since", "why", "phases", "proof")
"""Which block gives up its last item first when the page is full (the ask is never dropped)."""


def drop_one(page: Preread) -> Preread | None:
    """``page`` with one item less from the first block in ``DROP_ORDER`` that has more than it keeps; None when
    every block is down to what it keeps."""
    for key in DROP_ORDER:
        block = page.block(key)
        if block is not None and len(block.items) > block.keep:
            smaller = dataclasses.replace(block, items=block.items[:-1])
            return dataclasses.replace(page, blocks=tuple(smaller if b is block else b for b in page.blocks))
    return None


def build_preread(workspace: Workspace, settings: DeckSettings | None = None, today: dt.date | None = None,
                  lang: str | None = None) -> Preread:
    """The pre-read of ``workspace`` in ``lang`` (default: the deck's language) as of ``today``."""
    chosen = dataclasses.replace(settings or workspace.deck)
    language = lang or chosen.language
    language = language if language in ("da", "en") else "en"
    today = today or dt.date.today()
    ctx = Context(workspace, chosen, language, today)
    naming = Naming(workspace.stakeholders, chosen.anonymize, ctx.t("deck.anonymous"))
    page = _Page(ctx, naming)
    case = business_case(dataclasses.replace(workspace, deck=chosen))  # the phase asked by these settings
    return Preread(
        lang=language,
        kicker=page.kicker(),
        title=page.free(chosen.title or workspace.campaign.name) or ctx.t("deck.title.default"),
        ask_heading=ctx.t("preread.ask"),
        ask=page.free(chosen.ask) or ctx.t("preread.ask_none"),
        figures=page.figures(case),
        blocks=tuple(b for b in (page.why(), page.proofs(), page.phases(case.phase), page.since()) if b.items),
        footer=page.footer(),
    )


class _Page:
    """The parts of one pre-read, each from the workspace through the naming rules."""

    def __init__(self, ctx: Context, naming: Naming) -> None:
        self.ctx = ctx
        self.naming = naming
        self.workspace = ctx.workspace

    def free(self, text: str) -> str:
        """Free text as the page shows it: clean, and a hidden person's name replaced by their role."""
        return self.naming.redact(clean(text)).text.replace(" %", NBSP + "%")

    def kicker(self) -> str:
        ctx = self.ctx
        day = deck_date(self.workspace, ctx.settings, ctx.today).day  # the deck's rule: the next attempt
        audience = self.free(ctx.settings.audience or self.workspace.campaign.audience)
        parts = [ctx.t("preread.kicker"), audience, ctx.day(day, short=False)]
        return " · ".join(part for part in parts if part)

    def footer(self) -> str:
        ctx = self.ctx
        owner = self.free(self.workspace.campaign.owner) if not self.naming.anonymize else ""
        return ctx.t("preread.footer", owner=owner or ctx.t("deck.owner_role"), date=ctx.day(ctx.today))

    def money(self, amount: float) -> str:
        return format_money(amount, self.workspace.campaign.currency or "DKK", self.ctx.lang)

    def figures(self, case: BusinessCase) -> tuple[Figure, ...]:
        ctx = self.ctx
        figures = []
        if case.cost is not None:
            name = self.free(case.phase.name) if case.phase is not None else ""
            figures.append(Figure(ctx.t("preread.cost", phase=name), self.money(case.cost)))
        if case.yearly > 0:
            label = ctx.t("preread.benefit")
            if case.measured and case.estimated:
                label = ctx.t("preread.benefit_split", measured=self.money(case.measured),
                              estimated=self.money(case.estimated))
            elif case.measured:
                label = ctx.t("preread.benefit_measured")
            figures.append(Figure(label, self.money(case.yearly)))
        months = case.payback_months
        if months is not None:
            shown = format_number(months, ctx.lang, 0 if months >= 10 else 1)
            figures.append(Figure(ctx.t("preread.payback"),
                                  ctx.t("preread.months", months=shown, count=1 if shown == "1" else 2)))
        return tuple(figures)

    def why(self) -> Block:
        ranked = sorted(self.workspace.problems, key=lambda p: -p.severity)
        items = tuple(Item(upper_first(self.free(p.title)), self.free(p.impact or p.description)) for p in ranked[:3])
        return Block("why", self.ctx.t("preread.why"), items)

    def proofs(self) -> Block:
        ctx = self.ctx
        effects = measured_effects(self.workspace)
        headline = ctx.settings.headline_kpi
        effects.sort(key=lambda e: e.kpi.id != headline)  # the KPI the user chose leads (a stable sort)
        items = [Item("", upper_first(self.free(effect_sentence(ctx, e)))) for e in effects[:PROOFS - 1]]
        survey = latest_survey(self.workspace)
        if survey is not None:
            items += [Item(self.survey_lead(len(survey.responses), finding), self.free(finding))
                      for finding in survey.findings[: PROOFS - len(items)]]
        items += [Item("", upper_first(self.free(effect_sentence(ctx, e))))
                  for e in effects[PROOFS - 1 : PROOFS - 1 + PROOFS - len(items)]]
        return Block("proof", ctx.t("preread.proof"), tuple(items[:PROOFS]), keep=2)

    def survey_lead(self, n: int, finding: str) -> str:
        """``Survey (n = 48)``, or ``Survey`` when the finding gives its n itself."""
        if re.search(r"\bn\s*=", finding):
            return self.ctx.t("preread.survey_plain")
        return self.ctx.t("preread.survey", n=n)

    def phases(self, asked: Phase | None) -> Block:
        items = tuple(self.phase(p, asked is not None and p.id == asked.id) for p in ordered_phases(self.workspace))
        return Block("phases", self.ctx.t("preread.phases"), items, keep=len(items))

    def phase(self, phase: Phase, asked: bool) -> Item:
        ctx = self.ctx
        span = " – ".join(ctx.month(d) for d in (phase.start, phase.end) if d)
        status = ctx.t("preread.asked_now") if asked else ctx.word("phase_status", phase.status)
        parts = [status, self.money(phase.cost) if phase.cost is not None else "", span]
        text = " · ".join(part for part in parts if part)
        if phase.outcome.strip() and phase.status in ("done", "stopped"):
            text += ". " + self.free(phase.outcome)
        return Item(self.free(phase.name), upper_first(text), marked=asked)

    def since(self) -> Block:
        ctx = self.ctx
        items: list[Item] = []
        latest = latest_presentation(self.workspace)
        if latest is not None:
            outcome = ctx.word("outcome", latest.outcome)
            items.append(Item(ctx.t("preread.last_time", date=ctx.day(latest.date)), upper_first(outcome)))
        answered = sorted((o for o in open_objections(self.workspace) if o.answered_in_deck),
                          key=lambda o: o.presentation.date, reverse=True)
        items += [Item(self.free(o.objection.text), self.free(o.objection.answer)) for o in answered]
        return Block("since", ctx.t("preread.since"), tuple(items), keep=2)
