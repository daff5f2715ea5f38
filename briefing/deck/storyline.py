"""Workspace + deck settings → ``DeckPlan``: the storyline, answer first, within the slide budget.

Sections the user did not choose are left out; sections that exceed ``max_slides`` move to the
appendix in reverse priority (the ask, the decision and the proof stay longest), never dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from briefing.deck.dating import deck_date
from briefing.deck.model import SECTIONS, DeckPlan, SlideSpec
from briefing.deck.privacy import protect
from briefing.deck.sanitize import clean
from briefing.deck.sections import appendix, case, evidence, money, opening, people, plan
from briefing.deck.sections.context import Context
from briefing.errors import InputError
from briefing.model.entities import DeckSettings, Workspace
from briefing.model.queries import open_objections

BUILDERS: dict[str, Callable[[Context], list[SlideSpec]]] = {
    "summary": opening.summary,
    "since": opening.since,
    "problems": case.problems,
    "csfs": case.csfs,
    "proof": evidence.proof,
    "business_case": money.business_case,
    "survey": evidence.survey,
    "allies": people.allies,
    "roadmap": plan.roadmap,
    "decision": plan.decision,
}

PRIORITY: tuple[str, ...] = ("summary", "decision", "since", "proof", "business_case", "roadmap", "problems", "allies",
                             "survey", "csfs", "kpis")
"""Which sections stay on the main slides longest when the slide budget is tight (first = last to move)."""

ALIASES = {"since_last_time": "since", "plan": "roadmap", "phases": "roadmap", "stakeholders": "allies",
           "kpis": "proof", "surveys": "survey", "next_steps": "decision", "executive_summary": "summary",
           "money": "business_case", "payback": "business_case", "benefits": "business_case"}


def resolve_settings(workspace: Workspace, settings: DeckSettings | None) -> DeckSettings:
    """The deck settings in force: given ones, else the workspace's; sections checked and normalised."""
    chosen = dataclasses.replace(settings or workspace.deck)
    chosen.sections = normalise_sections(chosen.sections)
    if chosen.max_slides < 1:
        raise InputError("deck.error.max_slides", value=chosen.max_slides)
    return chosen


def normalise_sections(names: list[str]) -> list[str]:
    """Section names in storyline order; an unknown name is an error naming it and the valid ones."""
    wanted = []
    for name in names:
        key = ALIASES.get(name.strip().lower(), name.strip().lower())
        if key not in SECTIONS:
            raise InputError("deck.error.section", name=name, valid=", ".join(SECTIONS))
        wanted.append(key)
    return [name for name in SECTIONS if name in wanted]


def build_plan(workspace: Workspace, settings: DeckSettings | None = None, today: dt.date | None = None,
               show_attempt: bool = False) -> DeckPlan:
    """The deck for ``workspace``: title, chosen sections answer first, then the appendix.

    Dated as ``briefing.deck.dating`` says (the next attempt, unless the user chose a date); the
    attempt's number is on the title slide only with ``show_attempt`` (a board need not count)."""
    chosen = resolve_settings(workspace, settings)
    today = today or dt.date.today()
    lang = chosen.language if chosen.language in ("da", "en") else "en"
    ctx = Context(workspace, chosen, lang, today)
    day = deck_date(workspace, chosen, today).day
    attempt = len(workspace.presentations) + 1
    main: list[SlideSpec] = [opening.title_slide(ctx, attempt, day, show_attempt)]
    for name in chosen.sections or list(SECTIONS):
        main.extend(BUILDERS[name](ctx))
    kept, moved = apply_budget(main, chosen.max_slides)
    kept = evidence.point_to_more(ctx, kept)
    back = [appendix.divider(ctx), *moved, *ctx.details, *appendix.method(ctx), *appendix.sources(ctx),
            *appendix.history(ctx)]
    deck = DeckPlan(
        slides=[*kept, *back],
        lang=lang,
        title=main[0].title,
        audience=clean(chosen.audience or workspace.campaign.audience),
        date=day,
        attempt=attempt,
        max_slides=chosen.max_slides,
        anonymize=chosen.anonymize,
        settings=chosen,
        notices=money.findings(ctx),
        unanswered=[clean(item.objection.text) for item in open_objections(workspace) if not item.answered_in_deck],
    )
    return protect(deck, ctx.naming, [p.feedback for p in workspace.presentations])


def apply_budget(main: list[SlideSpec], max_slides: int) -> tuple[list[SlideSpec], list[SlideSpec]]:
    """Main slides within ``max_slides``; the rest marked as appendix, in storyline order."""
    if len(main) <= max_slides:
        return main, []
    rank = {name: index for index, name in enumerate(("title", *PRIORITY))}
    order = sorted(range(len(main)), key=lambda i: (rank.get(main[i].section, len(rank)), i))
    keep = set(order[:max_slides])
    kept = [slide for i, slide in enumerate(main) if i in keep]
    moved = [dataclasses.replace(slide, appendix=True) for i, slide in enumerate(main) if i not in keep]
    return kept, moved
