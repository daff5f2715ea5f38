"""The plan: the roadmap in phases and the decision asked today.

Both tell the plan's truth: the roadmap says what is done and what it achieved, which phase is asked
now (``asked_phase``) and what comes later; the decision says what is decided (the phase, its cost,
its start) and who delivers what by when, with an owner only where the user named one.
"""

from __future__ import annotations

import datetime as dt

from briefing.deck.limits import MAX_WORDS as WORD_BUDGET
from briefing.deck.model import SlideSpec, Table
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import MAX_ROWS, MAX_STEPS, Context, chart_or_none, continued, notes, within_budget
from briefing.deck.sections.facts import owner_shown, phase_line, phase_note, short_name
from briefing.deck.wording import brief, lower_first, words
from briefing.model.entities import Deliverable, Phase
from briefing.model.queries import asked_phase, ordered_phases

BEFORE_ASK = ("done", "running", "approved")
"""The statuses of a phase that comes before the ask: what the board already decided or saw delivered."""
ACHIEVED = ("done", "stopped")
"""The statuses of a phase whose outcome is what it achieved."""


def roadmap(ctx: Context) -> list[SlideSpec]:
    phases = ordered_phases(ctx.workspace)
    if not phases:
        return []
    asked = asked_phase(ctx.workspace)
    chart = chart_or_none(lambda: ctx.charts().roadmap_timeline(ctx.workspace, ctx.lang, ctx.today))
    achieved = [ctx.t("deck.plan.achieved", phase=short_name(p), outcome=clean(p.outcome))
                for p in phases if p.status in ACHIEVED and clean(p.outcome)]
    lines = achieved if chart else [status_line(ctx, p, p is asked) for p in phases[:MAX_ROWS]] + achieved
    shown, rest = within_budget(lines, WORD_BUDGET)
    continued(ctx, "details", ctx.t("deck.plan.achieved_more"), rest)
    return [
        SlideSpec(
            kind="roadmap",
            title=roadmap_title(ctx, phases, asked),
            chart=chart,
            bullets=shown,
            caption=ctx.t("deck.plan.achieved_rest", count=len(rest)) if rest else "",
            notes=notes(ctx.t("deck.notes.roadmap"), *(phase_note(ctx, p) for p in phases)),
            section="roadmap",
        )
    ]


def roadmap_title(ctx: Context, phases: list[Phase], asked: Phase | None) -> str:
    """What is done (or running, or approved), what is asked today and at what risk — never "we start with
    phase 1" when phase 1 is done."""
    if asked is None:
        return ctx.t("deck.plan.title_decided", count=len(phases))
    risk = ctx.word("risk", asked.risk)
    before = [p for p in phases[: phases.index(asked)] if p.status in BEFORE_ASK]
    if before:
        last = before[-1]
        return ctx.t("deck.plan.title_next", before=short_name(last), status=ctx.word("phase_status", last.status),
                     asked=short_name(asked), risk=risk)
    key = "deck.plan.title_start" if asked.risk == "low" else "deck.plan.title_start_risky"
    return ctx.t(key, count=len(phases), asked=short_name(asked), risk=risk)


def status_line(ctx: Context, phase: Phase, asked: bool) -> str:
    status = ctx.t("chart.roadmap.asked") if asked else ctx.word("phase_status", phase.status)
    return ctx.t("deck.plan.phase_line", phase=short_name(phase), status=lower_first(status),
                 line=phase_line(ctx, phase))


def decision(ctx: Context) -> list[SlideSpec]:
    phase = asked_phase(ctx.workspace)
    callout = decision_words(ctx, phase)
    budget = WORD_BUDGET - words(callout)
    table: Table | None = None
    bullets: list[str] = []
    rest: list[str] = []
    if phase is not None and phase.deliverables:
        items = sorted(phase.deliverables, key=lambda d: (d.due is None, d.due or dt.date.max))
        rows = [deliverable_row(ctx, d) for d in items]
        kept, moved = within_budget(rows[:MAX_STEPS], budget)
        moved += rows[len(kept) + len(moved):]
        table = Table([ctx.t("deck.decision.deliverable"), ctx.t("deck.decision.owner"), ctx.t("deck.decision.due")],
                      kept, first_column_wide=True)
        rest = [ctx.t("deck.decision.item", item=item, owner=owner, due=due) for item, owner, due in moved]
    elif phase is not None:
        objectives = [clean(item) for item in phase.objectives]
        bullets, moved_items = within_budget(objectives[:MAX_STEPS], budget)
        rest = moved_items + objectives[len(bullets) + len(moved_items):]
    continued(ctx, "details", ctx.t("deck.decision.more_deliverables"), rest)
    ask = clean(ctx.settings.ask)
    return [
        SlideSpec(
            kind="decision",
            title=ctx.t("deck.decision.title", ask=lower_first(brief(ask, 18))) if ask else ctx.t("deck.decision.none"),
            bullets=bullets,
            table=table,
            callout=callout,
            caption=ctx.t(f"deck.decision.rest{'_deliverables' if table else ''}", count=len(rest)) if rest else "",
            notes=notes(ctx.t("deck.notes.decision", ask=ask), (phase and phase_note(ctx, phase)) or ""),
            section="decision",
        )
    ]


def decision_words(ctx: Context, phase: Phase | None, short: bool = False) -> str:
    """The decision in words: approve the phase asked, its cost in the campaign's currency, its start
    (``short``: the phase alone, for the summary's box: its lines and title give the money)."""
    if phase is None:
        return ctx.t("deck.summary.callout_none")
    parts = [ctx.t("deck.decision.callout_phase", phase=short_name(phase))]
    if phase.cost is not None and not short:
        parts.append(ctx.t("deck.decision.callout_cost", cost=ctx.money(phase.cost)))
    if phase.start is not None and not short:
        parts.append(ctx.t("deck.decision.callout_start", date=ctx.day(phase.start)))
    return " — ".join(parts)


def deliverable_row(ctx: Context, item: Deliverable) -> list[str]:
    """A deliverable, its owner as the user wrote it (never invented) and its due date (never guessed)."""
    owner = owner_shown(ctx, item.owner) or ctx.t("deck.decision.no_owner")
    due = ctx.day(item.due) if item.due else ctx.t("deck.decision.no_due")
    return [clean(item.title), owner, due]
