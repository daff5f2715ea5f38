"""What every section shares: the context (workspace, settings, language, today), notes, budgets and
the appendix continuation of what does not fit a main slide."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from briefing.charts.spec import ChartSpec
from briefing.deck.model import SlideSpec
from briefing.deck.sanitize import clean
from briefing.deck.wording import words
from briefing.evidence.naming import Naming
from briefing.i18n import format_date, format_money, format_number, term, tr
from briefing.model.collections import STAKEHOLDERS
from briefing.model.entities import DeckSettings, Workspace

MAX_CARDS = 3
MAX_ROWS = 5
MAX_STEPS = 3
MAX_QUESTIONS = 3
APPENDIX_BULLETS = 8


@dataclass
class Context:
    """What every section needs: the workspace, the settings, the language and today."""

    workspace: Workspace
    settings: DeckSettings
    lang: str
    today: dt.date
    details: list[SlideSpec] = field(default_factory=list)

    def t(self, key: str, **params: Any) -> str:
        return tr(key, self.lang, **params)

    def word(self, kind: str, value: str) -> str:
        """The shared term for a domain value as written inside a sentence (``forkæmper``, ``lav``)."""
        return term(kind, value, self.lang, lower=True)

    @cached_property
    def naming(self) -> Naming:
        """Who this deck may name (``briefing.deck.privacy``)."""
        from briefing.deck.privacy import naming

        return naming(self.workspace, self.settings, self.lang)

    def person(self, stakeholder_id: str | None) -> str:
        """A stakeholder's name when they consented to be named (and the deck is not anonymized), else their role."""
        person = STAKEHOLDERS.find(self.workspace, stakeholder_id) if stakeholder_id else None
        return clean(self.naming.shown(person)) if person is not None else ""

    def owner(self) -> str:
        if self.settings.anonymize:
            return self.t("deck.owner_role")
        return clean(self.workspace.campaign.owner.split(",")[0]) or self.t("deck.owner_role")

    def number(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals)

    def money(self, amount: float, compact: bool = False) -> str:
        """An amount in the campaign's currency, written the language's way (``1,2 mio. kr.`` when compact)."""
        return format_money(amount, self.workspace.campaign.currency, self.lang, compact)

    def day(self, day: dt.date, short: bool = True) -> str:
        return format_date(day, self.lang, short)

    def month(self, day: dt.date) -> str:
        return f"{self.t(f'month.{day.month}')} {day.year}"

    def charts(self) -> Any:
        from briefing.charts import build

        return build


def notes(*parts: str) -> str:
    """Speaker notes from non-empty parts, one paragraph each."""
    return "\n".join(clean(part, keep_newlines=True) for part in parts if part and part.strip())


Row = TypeVar("Row", str, list[str])


def within_budget(items: list[Row], budget: int) -> tuple[list[Row], list[Row]]:
    """The first items, each whole, while their words stay within ``budget`` (at least one), and the rest: what
    does not fit a main slide moves to the appendix whole rather than cut."""
    used = 0
    for index, item in enumerate(items):
        used += sum(words(text) for text in ([item] if isinstance(item, str) else item))
        if used > budget and index:
            return items[:index], items[index:]
    return items, []


def chunks(items: list[str], size: int = APPENDIX_BULLETS) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def continued(ctx: Context, kind: str, title: str, items: list[str], note: str = "") -> None:
    """Items that did not fit a main slide: appendix slides of at most ``APPENDIX_BULLETS`` each, every item whole."""
    if not items:
        return
    for part in chunks(items):
        ctx.details.append(
            SlideSpec(kind=kind, title=title, bullets=part, notes=notes(note, *part),
                      appendix=True, section="details")
        )


def chart_or_none(make: Callable[[], ChartSpec | None]) -> ChartSpec | None:
    """The chart spec, or None when there is nothing to draw."""
    spec = make()
    if spec is None or not (spec.series or spec.spans or spec.likert):
        return None
    return spec
