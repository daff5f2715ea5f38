"""The evidence: the proof of concept's measured effect and what the survey found."""

from __future__ import annotations

from briefing.deck.model import SlideSpec
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import MAX_CARDS, MAX_QUESTIONS, Context, chart_or_none, continued, notes
from briefing.deck.sections.facts import (
    best_effect,
    effect_note,
    effect_sentence,
    latest_survey,
    measured_effects,
    pick_quote,
    same_unit,
)
from briefing.deck.wording import brief, upper_first


def proof(ctx: Context) -> list[SlideSpec]:
    effects = measured_effects(ctx.workspace)
    if not effects:
        return []
    best = best_effect(ctx.workspace)
    assert best is not None
    chart = chart_or_none(lambda: ctx.charts().kpi_effects(same_unit(ctx.workspace, best), ctx.lang, max_kpis=3))
    others = [effect_sentence(ctx, e) for e in effects if e.kpi.unit.strip() != best.kpi.unit.strip()]
    continued(ctx, "details", ctx.t("deck.proof.more"), others)
    initiative = next((i for i in ctx.workspace.initiatives if best.kpi in i.kpis), None)
    caption = ""
    if initiative is not None:
        caption = ctx.t("deck.proof.caption", initiative=brief(clean(initiative.title), 8))
    return [
        SlideSpec(
            kind="proof",
            title=upper_first(effect_sentence(ctx, best)),
            chart=chart,
            bullets=[] if chart else [effect_sentence(ctx, e) for e in effects[:MAX_CARDS]],
            caption=caption,
            notes=notes(ctx.t("deck.notes.proof"), *(effect_note(ctx, e) for e in effects)),
            section="proof",
        )
    ]


def survey(ctx: Context) -> list[SlideSpec]:
    chosen = latest_survey(ctx.workspace)
    if chosen is None:
        return []
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
            caption="" if chart is not None and chart.note else caption,
            notes=notes(
                ctx.t("deck.notes.survey", title=clean(chosen.title), n=n),
                *(clean(f) for f in chosen.findings),
            ),
            section="survey",
        )
    ]
