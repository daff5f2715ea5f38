"""The opening: the title slide, the executive summary and what changed since last time."""

from __future__ import annotations

import datetime as dt

from briefing.deck.limits import MAX_WORDS as WORD_BUDGET
from briefing.deck.model import SlideSpec, Table
from briefing.deck.sanitize import clean
from briefing.deck.sections import money
from briefing.deck.sections.context import Context, notes
from briefing.deck.sections.facts import (
    effect_note,
    effect_sentence,
    headline_effect,
    phase_note,
    problem_summary,
    top_problem,
)
from briefing.deck.sections.plan import decision_words
from briefing.deck.wording import brief, words
from briefing.evidence.money import business_case
from briefing.model.queries import open_objections


def title_slide(ctx: Context, attempt: int, day: dt.date, show_attempt: bool = False) -> SlideSpec:
    """The title; the attempt's number on the slide only when asked for (always in the notes)."""
    settings, campaign = ctx.settings, ctx.workspace.campaign
    frame = [clean(settings.audience or campaign.audience), ctx.day(day, short=False)]
    if attempt > 1 and show_attempt:
        frame.append(ctx.t("deck.title.attempt", number=attempt))
    return SlideSpec(
        kind="title",
        title=clean(settings.title or campaign.name) or ctx.t("deck.title.default"),
        subtitle=brief(clean(settings.ask), 24),
        caption=" · ".join(part for part in frame if part),
        notes=notes(
            ctx.t("deck.notes.goal", goal=clean(campaign.goal)) if campaign.goal else "",
            ctx.t("deck.notes.ask", ask=clean(settings.ask)) if settings.ask else "",
            ctx.t("deck.notes.attempt", number=attempt) if attempt > 1 else "",
        ),
        section="title",
    )


def summary(ctx: Context) -> list[SlideSpec]:
    problem = top_problem(ctx.workspace)
    best = headline_effect(ctx.workspace)
    case = business_case(ctx.workspace)
    phase = case.phase
    lines = []
    callout = decision_words(ctx, phase, short=True)  # the decision needed today in words: the phase asked
    boxed = words(callout)
    ask = clean(ctx.settings.ask)
    title = money.titled(ctx, brief(ask, 22), case) if ask else ctx.t("deck.summary.title_none")
    if best is not None:
        lines.append(ctx.t("deck.summary.proof", text=effect_sentence(ctx, best)))
    if phase is not None:
        room = WORD_BUDGET - boxed - sum(words(line) for line in lines) - (WHY_WORDS if problem is not None else 0)
        lines.extend(money.summary_lines(ctx, case, room, paid_in_title=title != brief(ask, 22)))
    if problem is not None:
        left = WORD_BUDGET - boxed - sum(words(line) for line in lines) - 2
        why = brief(clean(problem.impact or problem.title), max(left, 5))
        lines.insert(0, ctx.t("deck.summary.why", text=why))
    return [
        SlideSpec(
            kind="summary",
            title=title,
            bullets=lines,
            callout=callout,
            notes=notes(
                ctx.t("deck.notes.summary"),
                problem_summary(ctx, problem),
                (best and effect_note(ctx, best)) or "",
                (phase and phase_note(ctx, phase)) or "",
                money.computation(ctx, case) if case.complete else "",
            ),
            section="summary",
        )
    ]


WHY_WORDS = 7
"""The shortest the summary's "why now" line is given room for (its label and five words)."""


def since(ctx: Context) -> list[SlideSpec]:
    """Every objection still open, newest meeting first, with its answer as written, never shortened: the
    table continues on the next slides when it does not fit (``paging``). One without an answer says plainly
    that it is still open — the board remembers what it asked, so it is not left out — and the lint names
    it before export so that the answer can be written."""
    presentations = sorted(ctx.workspace.presentations, key=lambda p: p.date)
    items = sorted(open_objections(ctx.workspace), key=lambda o: o.presentation.date, reverse=True)
    answered = sum(1 for item in items if item.answered_in_deck)
    if not answered:  # any attempt's open objection, once answered; a deck never opens with "0 of N answered"
        return []
    still_open = ctx.t("deck.since.still_open")
    rows = [[clean(i.objection.text), f"✓ {clean(i.objection.answer)}" if i.answered_in_deck else still_open]
            for i in items]
    title_key = "deck.since.title_all" if answered == len(items) else "deck.since.title"
    return [
        SlideSpec(
            kind="since",
            title=ctx.t(title_key, answered=answered, count=len(items)),
            table=Table([ctx.t("deck.since.asked"), ctx.t("deck.since.answer")], rows, first_column_wide=False),
            notes=notes(
                ctx.t("deck.notes.since", date=ctx.day(presentations[-1].date, short=False)),
                *(
                    f"{ctx.day(i.presentation.date)}: {clean(i.objection.text)} → {clean(i.objection.answer) or '—'}"
                    for i in items
                ),
            ),
            section="since",
        )
    ]
