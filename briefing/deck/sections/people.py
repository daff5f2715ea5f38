"""The people: who supports the programme, as counts by stance, and a map that names only those who agreed.

No slide pairs an identifiable person with a critical stance: the map labels only people who consented
to be named and are not sceptical or blocking (no one when the deck is anonymized), and the title, the
caption and the notes give support as counts. The full map with every name stays in the app.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from briefing.charts.labels import over_bubbles
from briefing.charts.spec import ChartSpec
from briefing.charts.theme import level_role
from briefing.deck.model import SlideSpec
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import Context, chart_or_none, notes
from briefing.deck.sections.facts import phase_label
from briefing.i18n import term
from briefing.model.entities import STANCES, Stakeholder
from briefing.model.queries import asked_phase

CRITICAL = ("blocker", "skeptic")
"""Stances never shown next to who a person is."""


def allies(ctx: Context) -> list[SlideSpec]:
    people = ctx.workspace.stakeholders
    if not people:
        return []
    shown = [p for p in people if ctx.naming.may_name(p) and p.stance not in CRITICAL]
    chart = chart_or_none(
        lambda: ctx.charts().stakeholder_map(ctx.workspace, ctx.lang, named=labelled_people(shown))
    )
    counts = stance_counts(ctx, people)
    if chart is not None:
        chart = _for_the_room(chart, people)
    named = [f"{clean(p.name)} ({', '.join(part for part in (clean(p.role), ctx.word('stance', p.stance)) if part)})"
             for p in shown]
    unnamed = len(people) - len(named)
    return [
        SlideSpec(
            kind="allies",
            title=_title(ctx, people),
            chart=chart,
            caption="" if chart is not None else counts,
            notes=notes(
                counts,
                ctx.t("deck.allies.named", people="; ".join(named)) if named else "",
                ctx.t("deck.allies.anonymous") if ctx.settings.anonymize
                else ctx.t("deck.allies.unnamed", count=unnamed) if unnamed else "",
            ),
            section="allies",
        )
    ]


def _title(ctx: Context, people: Sequence[Stakeholder]) -> str:
    """How many decision makers back the phase asked (or the programme), else how many stakeholders back us."""
    leaders = [p for p in people if p.decision_maker]
    backing = sum(1 for p in leaders if p.is_ally)
    if not leaders:
        friends = [p for p in people if p.is_ally]
        return ctx.t("deck.allies.title", allies=len(friends), count=len(people),
                     holders=sum(1 for p in friends if p.budget_holder))
    phase = asked_phase(ctx.workspace)
    if phase is None:
        return ctx.t("deck.allies.title_leaders", backing=backing, total=len(leaders), count=backing)
    return ctx.t("deck.allies.title_phase", backing=backing, total=len(leaders), phase=phase_label(phase, 6),
                 count=backing)


def stance_counts(ctx: Context, people: Sequence[Stakeholder]) -> str:
    """``Champion: 5 · Supporter: 6 · …``, the most supportive first, stances no one has left out."""
    counts = [(stance, sum(1 for p in people if p.stance == stance)) for stance in reversed(STANCES)]
    return " · ".join(f"{term('stance', stance, ctx.lang)}: {count}" for stance, count in counts if count)


def _for_the_room(chart: ChartSpec, people: Sequence[Stakeholder]) -> ChartSpec:
    """The map as a deck shows it: each stance in the legend with its count, and no name lying over the bubble of a
    sceptic or a blocker (a reader would pair the two)."""
    critical = {level_role(STANCES.index(stance), len(STANCES)) for stance in CRITICAL}
    over = over_bubbles(chart, critical)
    series = [dataclasses.replace(s, name=f"{s.name} ({len(s.values)})",
                                  point_labels=[("" if (n, i) in over else label)
                                                for i, label in enumerate(s.point_labels or [])] or None)
              for n, s in enumerate(chart.series)]
    scale = [f"{name} ({sum(1 for p in people if p.stance == stance)})" for stance, name in zip(STANCES, chart.scale,
                                                                                              strict=True)]
    return dataclasses.replace(chart, series=series, scale=scale)


MAX_MAP_LABELS = 10
"""The most names on the stakeholder map; everyone who may be named is in the slide's notes."""


def labelled_people(people: Sequence[Stakeholder]) -> set[str]:
    """Whom the stakeholder map names, of ``people`` (those who may be named): decision makers and champions,
    the most influential first, at most ``MAX_MAP_LABELS`` (where people cluster, every name would overlap
    the next)."""
    key = [p for p in people if p.decision_maker or p.stance == "champion"]
    key.sort(key=lambda p: (-p.influence, -p.interest))
    return {p.id for p in key[:MAX_MAP_LABELS]}
