"""The appendix: its divider, the survey method, the sources and the history of attempts."""

from __future__ import annotations

from briefing.deck.model import SlideSpec, Table
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import APPENDIX_BULLETS, MAX_ROWS, Context, chart_or_none, chunks, notes
from briefing.deck.sections.facts import reference_long
from briefing.deck.wording import brief
from briefing.i18n import term


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
    presentations = sorted(ctx.workspace.presentations, key=lambda p: p.date)
    if not presentations:
        return []
    chart = chart_or_none(lambda: ctx.charts().attempts(ctx.workspace, ctx.lang))
    rows = [
        [ctx.day(p.date), brief(clean(p.audience), 6), term("outcome", p.outcome, ctx.lang)]
        for p in presentations[-MAX_ROWS:]
    ]
    return [
        SlideSpec(
            kind="history",
            title=ctx.t("deck.history.title", count=len(presentations)),
            table=None if chart else Table([ctx.t("deck.history.date"), ctx.t("deck.history.audience"),
                                            term("field", "outcome", ctx.lang)], rows, first_column_wide=False),
            chart=chart,
            notes=notes(*(f"{ctx.day(p.date)} · {clean(p.audience)} · {ctx.word('outcome', p.outcome)}."
                          for p in presentations)),  # the feedback is private: it never leaves the app
            appendix=True,
            section="history",
        )
    ]
