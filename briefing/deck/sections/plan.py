"""The plan: the roadmap in phases and the decision asked today."""

from __future__ import annotations

from briefing.deck.limits import MAX_WORDS as WORD_BUDGET
from briefing.deck.model import SlideSpec
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import MAX_ROWS, MAX_STEPS, Context, chart_or_none, continued, notes, within_budget
from briefing.deck.sections.facts import next_phase, phase_line, phase_note
from briefing.deck.wording import brief, lower_first, words


def roadmap(ctx: Context) -> list[SlideSpec]:
    phases = [p for p in ctx.workspace.phases]
    if not phases:
        return []
    chart = chart_or_none(lambda: ctx.charts().roadmap_timeline(ctx.workspace, ctx.lang, ctx.today))
    first = phases[0]
    key = "deck.roadmap.title" if first.risk == "low" else "deck.roadmap.title_risky"
    costs = [f"{brief(clean(p.name).split(':')[0], 3)}: {ctx.money(p.cost, compact=True)}"
             for p in phases if p.cost is not None]
    return [
        SlideSpec(
            kind="roadmap",
            title=ctx.t(key, count=len(phases), first=brief(clean(first.name), 8),
                        risk=ctx.word("risk", first.risk)),
            chart=chart,
            bullets=[] if chart else [phase_line(ctx, p) for p in phases[:MAX_ROWS]],
            caption=ctx.t("deck.roadmap.costs", costs=" · ".join(costs[:4])) if costs and chart is None else "",
            notes=notes(ctx.t("deck.notes.roadmap"), *(phase_note(ctx, p) for p in phases)),
            section="roadmap",
        )
    ]


def decision(ctx: Context) -> list[SlideSpec]:
    phase = next_phase(ctx.workspace, ctx.today)
    steps: list[str] = []
    rest: list[str] = []
    if phase is not None:
        when = phase.start or phase.end
        items = [clean(item) for item in ([d.title for d in phase.deliverables] or phase.objectives)]
        for item in items[:MAX_STEPS]:
            steps.append(ctx.t("deck.decision.step", step=item, owner=ctx.owner(), date=ctx.day(when)) if when
                         else item)
        steps, _rest = within_budget(steps, WORD_BUDGET - words(ctx.t("deck.summary.callout_none")))
        rest = items[len(steps):]
        continued(ctx, "details", ctx.t("deck.decision.more"), rest)
    ask = clean(ctx.settings.ask)
    return [
        SlideSpec(
            kind="decision",
            title=ctx.t("deck.decision.title", ask=lower_first(brief(ask, 18))) if ask else ctx.t("deck.decision.none"),
            bullets=steps,
            callout=ctx.t("deck.summary.callout_none"),
            caption=ctx.t("deck.decision.rest", count=len(rest)) if rest else "",
            notes=notes(ctx.t("deck.notes.decision", ask=ask), (phase and phase_note(ctx, phase)) or ""),
            section="decision",
        )
    ]
