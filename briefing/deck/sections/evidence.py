"""The evidence: the proof of concept's measured effect and what the survey found."""

from __future__ import annotations

import dataclasses

from briefing.deck.limits import MAX_WORDS
from briefing.deck.model import SlideSpec
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import MAX_QUESTIONS, Context, chart_or_none, continued, notes, within_budget
from briefing.deck.sections.facts import (
    effect_note,
    effect_sentence,
    headline_effect,
    latest_survey,
    measured_effects,
    pick_quote,
    same_unit,
)
from briefing.deck.wording import brief, upper_first
from briefing.evidence.compare import SurveyComparison, latest_comparison
from briefing.evidence.kpis import KpiEffect

ALSO_ON_PROOF = 2
"""Other KPIs written beside the headline KPI's chart, one per kind of KPI first."""
NAME_WORDS = 14
"""A KPI's name beside the chart is written whole up to this many words."""
MORE_KPIS = 6
"""KPIs on the slide of the other KPIs; the rest continue in the appendix."""


def proof(ctx: Context) -> list[SlideSpec]:
    """The headline KPI over all its measurements, a few other KPIs beside it, then a slide of the other KPIs
    (``section="kpis"``: the first to move to the appendix when the slide budget is tight)."""
    headline = headline_effect(ctx.workspace)
    if headline is None:
        return []
    effects = measured_effects(ctx.workspace)
    if len(headline.kpi.measurements) > 1:
        chart = chart_or_none(lambda: ctx.charts().kpi_trend(headline, ctx.lang))
    else:
        chart = chart_or_none(lambda: ctx.charts().kpi_effects(same_unit(ctx.workspace, headline), ctx.lang,
                                                               max_kpis=3))
    initiative = next((i for i in ctx.workspace.initiatives if headline.kpi in i.kpis), None)
    caption = ""
    if initiative is not None:
        caption = ctx.t("deck.proof.caption", initiative=brief(clean(initiative.title), 8))
    others = [e for e in effects if e.kpi.id != headline.kpi.id]
    beside = beside_headline(ctx)
    return [
        SlideSpec(
            kind="proof",
            title=upper_first(effect_sentence(ctx, headline)),
            chart=chart,
            bullets=[effect_sentence(ctx, e, NAME_WORDS) for e in beside],
            caption=caption,
            notes=notes(ctx.t("deck.notes.proof"), *(effect_note(ctx, e) for e in effects)),
            section="proof",
        ),
        *(more_kpis(ctx, others) if len(others) > len(beside) else []),
    ]


def beside_headline(ctx: Context) -> list[KpiEffect]:
    """The KPIs written beside the headline's chart: the best of each kind not yet shown (time saved,
    productivity, quality, mindset, culture, leadership support), then the next best, at most
    ``ALSO_ON_PROOF`` and within the slide's word budget."""
    headline = headline_effect(ctx.workspace)
    others = [e for e in measured_effects(ctx.workspace) if headline is None or e.kpi.id != headline.kpi.id]
    kinds = {headline.kpi.category} if headline else set()
    chosen = []
    for item in others:
        if item.kpi.category not in kinds:
            chosen.append(item)
            kinds.add(item.kpi.category)
    chosen = (chosen + [e for e in others if e not in chosen])[:ALSO_ON_PROOF]
    fits, _rest = within_budget([effect_sentence(ctx, e, NAME_WORDS) for e in chosen], MAX_WORDS)
    return chosen[: len(fits)]


def more_kpis(ctx: Context, others: list[KpiEffect]) -> list[SlideSpec]:
    """Every other measured KPI on its way from baseline to target; past ``MORE_KPIS`` they continue in the
    appendix."""
    shown, rest = others[:MORE_KPIS], others[MORE_KPIS:]
    continued(ctx, "details", ctx.t("deck.proof.more"), [effect_sentence(ctx, e, NAME_WORDS) for e in rest])
    better = sum(1 for e in shown if (e.improvement or 0) > 0)
    chart = chart_or_none(lambda: ctx.charts().kpi_progress(shown, ctx.lang)) or chart_or_none(
        lambda: ctx.charts().kpi_bars(shown, ctx.lang))  # no KPI with a target: against the baseline
    return [
        SlideSpec(
            kind="kpis",
            title=ctx.t("deck.kpis.title", better=better, count=len(shown)),
            chart=chart,
            caption=ctx.t("deck.kpis.rest", count=len(rest)) if rest else "",
            notes=notes(ctx.t("deck.notes.proof"), *(effect_note(ctx, e) for e in shown)),
            section="kpis",
        )
    ]


def point_to_more(ctx: Context, slides: list[SlideSpec]) -> list[SlideSpec]:
    """The proof slide points to the other KPIs: on the next slide when the budget kept it, else the appendix."""
    others = len(measured_effects(ctx.workspace)) - 1
    if others <= len(beside_headline(ctx)):
        return slides
    kept = any(s.kind == "kpis" for s in slides)
    pointer = ctx.t("deck.proof.next" if kept else "deck.proof.appendix", count=others)
    return [dataclasses.replace(s, caption=" · ".join(p for p in (s.caption, pointer) if p))
            if s.kind == "proof" and not s.appendix else s for s in slides]


def survey(ctx: Context) -> list[SlideSpec]:
    chosen = latest_survey(ctx.workspace)
    if chosen is None:
        return []
    comparison = latest_comparison(ctx.workspace, chosen)
    if comparison is not None:  # the same questions asked before: then and now, each with its n
        shown = dataclasses.replace(comparison, questions=comparison.questions[:MAX_QUESTIONS])
        chart = chart_or_none(lambda: ctx.charts().survey_change(shown, ctx.lang))
    else:
        chart = chart_or_none(lambda: ctx.charts().survey_results(chosen, ctx.lang, max_questions=MAX_QUESTIONS))
    n = len(chosen.responses)
    title = brief(clean(chosen.findings[0]), 18) if chosen.findings else ctx.t("deck.survey.title", count=n)
    quote = pick_quote(chosen)
    caption = ctx.t("deck.survey.caption", n=n, month=ctx.month(chosen.date)) if chosen.date else ctx.t(
        "deck.survey.caption_n", n=n
    )
    return [
        SlideSpec(
            kind="survey",
            title=title,
            chart=chart,
            bullets=[ctx.t("deck.quote", text=quote)] if quote else [],
            caption="" if chart is not None and (chart.note or comparison is not None) else caption,
            notes=notes(
                ctx.t("deck.notes.survey", title=clean(chosen.title), n=n),
                *(clean(f) for f in chosen.findings),
                compared_note(ctx, comparison),
            ),
            section="survey",
        )
    ]


def compared_note(ctx: Context, comparison: SurveyComparison | None) -> str:
    """Every shared question's agreement then and now, with the earlier survey named (for the notes)."""
    if comparison is None:
        return ""
    earlier = comparison.earlier
    return notes(
        ctx.t("deck.notes.compared", title=clean(earlier.title), n=len(earlier.responses)),
        ctx.charts().survey_change(comparison, ctx.lang).alt_text,
    )
