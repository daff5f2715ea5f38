"""The appendix: its divider, the survey method, the sources and the history of attempts on a timeline."""

from __future__ import annotations

from briefing.deck.dating import deck_date
from briefing.deck.model import SlideSpec, Table
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import APPENDIX_BULLETS, MAX_ROWS, Context, chart_or_none, chunks, notes
from briefing.deck.sections.facts import reference_long
from briefing.deck.wording import brief
from briefing.i18n import term
from briefing.model.entities import Presentation


def divider(ctx: Context) -> SlideSpec:
    return SlideSpec(kind="divider", title=ctx.t("deck.appendix"), notes=ctx.t("deck.notes.appendix"),
                     appendix=True, section="appendix")


def method(ctx: Context) -> list[SlideSpec]:
    slides = []
    for item in ctx.workspace.surveys:
        when = ctx.day(item.date) if item.date else "—"
        source = ctx.word("survey_source", item.source)
        head = ctx.t("deck.method.line", count=len(item.responses), date=when, source=source)
        questions = [clean(q.text) for q in item.questions]
        for part in chunks([head, *questions], APPENDIX_BULLETS):
            slides.append(SlideSpec(kind="method", title=ctx.t("deck.method.title", title=brief(clean(item.title), 10)),
                                    bullets=part, notes=notes(head, *(clean(q.text) for q in item.questions)),
                                    appendix=True, section="method"))
    return slides


def sources(ctx: Context) -> list[SlideSpec]:
    refs = ctx.workspace.references
    if not refs:
        return []
    lines = [reference_long(ctx, r) for r in refs]
    return [
        SlideSpec(kind="sources", title=ctx.t("deck.sources.title"), bullets=part,
                  notes=notes(*(f"{reference_long(ctx, r)} {clean(r.url)}" for r in refs)),
                  appendix=True, section="sources")
        for part in chunks(lines)
    ]


def history(ctx: Context) -> list[SlideSpec]:
    """The attempts on a timeline up to this meeting, each with its outcome and the objections raised there,
    answered and still open; the objections and answers in full in the notes (never the private feedback)."""
    presentations = sorted(ctx.workspace.presentations, key=lambda p: p.date)
    if not presentations:
        return []
    until = deck_date(ctx.workspace, ctx.settings, ctx.today).day  # this meeting: the date the deck carries
    chart = chart_or_none(lambda: ctx.charts().attempts(ctx.workspace, ctx.lang, until))
    rows = [
        [ctx.day(p.date), clean(p.audience), term("outcome", p.outcome, ctx.lang)]
        for p in presentations[-MAX_ROWS:]
    ]
    outcomes = ctx.t("deck.history.then").join(ctx.word("outcome", p.outcome) for p in presentations)
    return [
        SlideSpec(
            kind="history",
            title=ctx.t("deck.history.outcomes", count=len(presentations), outcomes=outcomes),
            table=None if chart else Table([ctx.t("deck.history.date"), ctx.t("deck.history.audience"),
                                            term("field", "outcome", ctx.lang)], rows, first_column_wide=False),
            chart=chart,
            notes=notes(*(line for number, p in enumerate(presentations, start=1)
                          for line in attempt_notes(ctx, number, p))),
            appendix=True,
            section="history",
        )
    ]


def attempt_notes(ctx: Context, number: int, presentation: Presentation) -> list[str]:
    """An attempt in the notes: when, to whom, the outcome, and every objection with its answer as written."""
    head = ctx.t("deck.notes.history_attempt", n=number, date=ctx.day(presentation.date),
                 audience=clean(presentation.audience) or "—", outcome=ctx.word("outcome", presentation.outcome))
    return [head, *(ctx.t("deck.notes.history_objection", text=clean(o.text),
                          answer=clean(o.answer) or ctx.t("deck.since.still_open"))
                    for o in presentation.objections)]
