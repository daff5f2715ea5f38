"""The money: what the phase asked costs, what the benefits give a year (measured apart from estimated), the
payback, and what the lint says when the business case is empty."""

from __future__ import annotations

from briefing.deck.limits import MAX_WORDS as WORD_BUDGET
from briefing.deck.limits import MIN_TITLE_WORDS
from briefing.deck.model import Finding, SlideSpec
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import Context, chart_or_none, continued, notes, within_budget
from briefing.deck.sections.facts import phase_label, phase_line
from briefing.deck.wording import words
from briefing.evidence.money import BusinessCase, whole_months
from briefing.evidence.money import business_case as case_of
from briefing.model.collections import INITIATIVES
from briefing.model.entities import Benefit


def business_case(ctx: Context) -> list[SlideSpec]:
    """The business-case slide: its title the payback, the figures beside a chart of cost against benefit;
    none without a phase asked that has a cost and a benefit to pay it back."""
    case = case_of(ctx.workspace)
    if not case.complete or case.phase is None:
        return []
    phase = phase_label(case.phase, PHASE_WORDS)
    chart = chart_or_none(lambda: ctx.charts().cost_and_benefit(case, ctx.lang, phase))
    lines, rest = within_budget(figures(ctx, case, phase), WORD_BUDGET)
    continued(ctx, "details", ctx.t("deck.money.more"), rest)
    return [
        SlideSpec(
            kind="business_case",
            title=ctx.t("deck.money.title", phase=phase, count=whole_months(case.payback_months)),
            chart=chart,
            bullets=lines,
            caption=ctx.t("deck.money.caption", phase=phase) if chart is not None else "",
            notes=notes(ctx.t("deck.notes.money"), computation(ctx, case),
                        *(benefit_note(ctx, benefit) for benefit in case.benefits)),
            section="business_case",
        )
    ]


def figures(ctx: Context, case: BusinessCase, phase: str) -> list[str]:
    """The slide's figures, one a line: the cost, the yearly benefit (measured and estimated apart), the payback."""
    lines = [ctx.t("deck.money.cost", cost=ctx.money(case.cost or 0, compact=True)),
             ctx.t("deck.money.benefit", yearly=yearly(ctx, case))]
    if case.measured_apart and case.measured_payback_months is not None:
        lines.append(ctx.t("deck.money.payback_measured", count=whole_months(case.measured_payback_months)))
    elif not case.measured:
        lines.append(ctx.t("deck.money.all_estimated"))
    return lines


def yearly(ctx: Context, case: BusinessCase) -> str:
    """The yearly benefit with its measured and estimated parts apart."""
    total = ctx.money(case.yearly, compact=True)
    if case.measured_apart:
        return ctx.t("deck.money.yearly", total=total, measured=ctx.money(case.measured, compact=True),
                     estimated=ctx.money(case.estimated, compact=True))
    return ctx.t("deck.money.yearly_measured" if case.measured else "deck.money.yearly_estimated", total=total)


PHASE_WORDS = 4
"""The most words of the phase's label in the slide's title and the summary's line (``Phase 2`` of ``Phase 2: …``)."""
TITLE_CHARACTERS = 100
"""The longest ask the summary's title adds the payback to (it must stay within two lines at 28 pt)."""


def titled(ctx: Context, ask: str, case: BusinessCase) -> str:
    """The summary's title: the ask as a claim, with its payback when there is one and the ask leaves room
    (``Approve phase 2 …, paid back in 7 months``). An ask too short to be a claim stays as it is: the payback
    does not hide it from the lint."""
    if case.payback_months is None or len(ask) > TITLE_CHARACTERS or words(ask) < MIN_TITLE_WORDS:
        return ask
    return ctx.t("deck.money.title_payback", ask=_without_full_stop(ask), count=whole_months(case.payback_months))


def _without_full_stop(text: str) -> str:
    """``text`` without the full stop or exclamation mark that ends it; an abbreviation's dot (``kr.``) stays."""
    text = text.rstrip("!")
    last = text.split()[-1] if text.split() else ""
    return text[:-1] if text.endswith(".") and len(last) > 4 and "." not in last[:-1] else text


def summary_lines(ctx: Context, case: BusinessCase, room: int, paid_in_title: bool = False) -> list[str]:
    """The executive summary's plan (the phase asked) and money within ``room`` words, the fullest that fits:
    the plan and a line of money (the yearly benefit, measured and estimated apart, and the payback); else one
    line of the phase, its risk, cost, yearly benefit and payback; else the same without the payback when the
    title tells it (or without the yearly benefit when it does not); else that without the risk (the roadmap
    shows it); else the phase and that alone (the title and the decision slide give the cost)."""
    phase = case.phase
    assert phase is not None
    plan = ctx.t("deck.summary.plan", text=phase_line(ctx, phase))
    risk = ctx.t("deck.risk.phrase", risk=ctx.word("risk", phase.risk))
    cost = ctx.money(case.cost, compact=True) if case.cost is not None else ""
    label = phase_label(phase, PHASE_WORDS)

    def line(*parts: str) -> list[str]:
        return [ctx.t("deck.summary.plan", text=", ".join(part for part in (label, *parts) if part))]

    def fullest(candidates: list[list[str]]) -> list[str]:
        return next((lines for lines in candidates if sum(words(line) for line in lines) <= room), candidates[-1])

    if not case.yearly:
        return fullest([[plan], line(risk, cost), line(cost), line()])
    paid = ctx.t("deck.money.paid_back", count=whole_months(case.payback_months)) if case.complete else ""
    returns = ctx.t("deck.money.returns", yearly=ctx.money(case.yearly, compact=True))
    last = paid if paid and not paid_in_title else returns
    return fullest([
        [plan, ctx.t("deck.summary.money", text="; ".join(part for part in (yearly(ctx, case), paid) if part))],
        line(risk, cost, returns, paid), line(risk, cost, last), line(cost, last), line(last),
    ])


def computation(ctx: Context, case: BusinessCase) -> str:
    """How the figures are computed, with the amounts in full (the notes)."""
    assert case.phase is not None and case.payback_months is not None
    text = ctx.t("deck.notes.money_payback", phase=clean(case.phase.name), cost=ctx.money(case.cost or 0),
                 yearly=ctx.money(case.yearly), measured=ctx.money(case.measured),
                 estimated=ctx.money(case.estimated), months=ctx.number(round(case.payback_months, 1)),
                 count=round(case.payback_months, 1))
    if case.measured_apart and case.measured_payback_months is not None:
        months = round(case.measured_payback_months, 1)
        text += " " + ctx.t("deck.notes.money_measured", months=ctx.number(months), count=months)
    return text


def benefit_note(ctx: Context, benefit: Benefit) -> str:
    """One benefit in full: what it is, its amount, measured or estimated, what it is tied to, and its basis."""
    tied = [clean(kpi.name) for item in ctx.workspace.initiatives for kpi in item.kpis if kpi.id == benefit.kpi_id]
    initiative = INITIATIVES.find(ctx.workspace, benefit.initiative_id) if benefit.initiative_id else None
    if initiative is not None:
        tied.append(clean(initiative.title))
    return ctx.t(
        "deck.notes.money_benefit",
        title=clean(benefit.title),
        kind=ctx.word("benefit_kind", benefit.kind),
        amount=ctx.money(benefit.amount_per_year),
        confidence=ctx.word("confidence", benefit.confidence),
        tied=f" ({'; '.join(tied)})" if tied else "",
        basis=clean(benefit.basis) or ctx.t("deck.notes.money_no_basis"),
    )


def findings(ctx: Context) -> list[Finding]:
    """Warnings for an empty business case: the phase asked has no cost, or no benefit is recorded."""
    case = case_of(ctx.workspace)
    if case.phase is None:
        return []
    found = []
    if not case.cost:
        found.append(Finding(0, "money_no_cost", 0, 0, shape=clean(case.phase.name), severity="warning"))
    if not case.yearly:
        found.append(Finding(0, "money_no_benefit", 0, 0, shape=clean(case.phase.name), severity="warning"))
    return found
