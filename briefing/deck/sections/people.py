"""The people: who supports the programme (the stakeholder map)."""

from __future__ import annotations

from typing import Any

from briefing.deck.model import SlideSpec
from briefing.deck.sections.context import Context, chart_or_none, notes
from briefing.i18n import counted


def allies(ctx: Context) -> list[SlideSpec]:
    people = ctx.workspace.stakeholders
    if not people:
        return []
    named = labelled_people(people)
    chart = chart_or_none(
        lambda: ctx.charts().stakeholder_map(ctx.workspace, ctx.lang, anonymize=ctx.settings.anonymize, named=named)
    )
    left_out = ctx.charts().map_unnamed(people, chart) if chart is not None else []
    unnamed = [f"{ctx.person(p.id)} ({ctx.word('stance', p.stance)})" for p in left_out]
    friends = [p for p in people if p.is_ally]
    holders = sum(1 for p in friends if p.budget_holder)
    critics = sum(1 for p in people if p.stance in ("blocker", "skeptic"))
    neutral = sum(1 for p in people if p.stance == "neutral")
    line = ctx.t("deck.allies.line", allies=counted("allies", len(friends)), holders=counted("budget_holders", holders),
                 neutral=neutral, critics=critics)
    return [
        SlideSpec(
            kind="allies",
            title=ctx.t("deck.allies.title", allies=len(friends), count=len(people), holders=holders),
            chart=chart,
            caption="" if chart is not None and chart.note else line,
            notes=notes(
                ctx.t("deck.notes.allies"),
                *(f"{ctx.person(p.id)} ({ctx.word('stance', p.stance)})" for p in friends),
                ctx.t("deck.notes.unlabelled", people=", ".join(unnamed)) if unnamed and chart is not None else "",
            ),
            section="allies",
        )
    ]


MAX_MAP_LABELS = 10
"""The most names on the stakeholder map; everyone is in the slide's notes."""


def labelled_people(people: list[Any]) -> set[str]:
    """Whom the stakeholder map names: decision makers, champions and blockers, the most influential
    first, at most ``MAX_MAP_LABELS`` (where people cluster, every name would overlap the next)."""
    key = [p for p in people if p.decision_maker or p.stance in ("champion", "blocker")]
    key.sort(key=lambda p: (-p.influence, -p.interest))
    return {p.id for p in key[:MAX_MAP_LABELS]}
