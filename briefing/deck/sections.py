"""One function per slide kind: workspace facts → slide specs, answer first, little text.

Every function returns the slides of its section; what does not fit a main slide's budget goes
to ``ctx.details`` (shown in the appendix), and everything behind a slide goes to its notes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from briefing.charts.spec import ChartSpec
from briefing.deck.limits import MAX_REFERENCES
from briefing.deck.limits import MAX_WORDS as WORD_BUDGET
from briefing.deck.model import Card, SlideSpec, Table
from briefing.deck.sanitize import clean
from briefing.deck.wording import brief, lower_first, phrase, upper_first, words
from briefing.evidence.kpis import KpiEffect, effect
from briefing.i18n import format_date, format_number, term, tr
from briefing.model.collections import PROBLEMS, STAKEHOLDERS
from briefing.model.entities import DeckSettings, Phase, Problem, Survey, Workspace
from briefing.model.queries import open_objections

MAX_CARDS = 3
MAX_ROWS = 5
MAX_STEPS = 3
MAX_QUESTIONS = 3
APPENDIX_BULLETS = 8


@dataclass
class Context:
    """What every section needs: the workspace, the settings, the language and today."""

    workspace: Workspace
    settings: DeckSettings
    lang: str
    today: dt.date
    details: list[SlideSpec] = field(default_factory=list)

    def t(self, key: str, **params: Any) -> str:
        return tr(key, self.lang, **params)

    def word(self, kind: str, value: str) -> str:
        """The shared term for a domain value as written inside a sentence (``forkæmper``, ``lav``)."""
        return term(kind, value, self.lang, lower=True)

    def person(self, stakeholder_id: str | None) -> str:
        """A stakeholder's name, or their role when the deck is anonymized."""
        person = STAKEHOLDERS.find(self.workspace, stakeholder_id) if stakeholder_id else None
        if person is None:
            return ""
        if self.settings.anonymize:
            return clean(person.role) or self.t("deck.anonymous")
        return clean(person.name)

    def owner(self) -> str:
        if self.settings.anonymize:
            return self.t("deck.owner_role")
        return clean(self.workspace.campaign.owner.split(",")[0]) or self.t("deck.owner_role")

    def number(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals)

    def day(self, day: dt.date, short: bool = True) -> str:
        return format_date(day, self.lang, short)

    def month(self, day: dt.date) -> str:
        return f"{self.t(f'month.{day.month}')} {day.year}"

    def charts(self) -> Any:
        from briefing.charts import build

        return build


def notes(*parts: str) -> str:
    """Speaker notes from non-empty parts, one paragraph each."""
    return "\n".join(clean(part, keep_newlines=True) for part in parts if part and part.strip())


Row = TypeVar("Row", str, list[str])


def within_budget(items: list[Row], budget: int) -> tuple[list[Row], list[Row]]:
    """The first items, each whole, while their words stay within ``budget`` (at least one), and the rest: what
    does not fit a main slide moves to the appendix whole rather than cut."""
    used = 0
    for index, item in enumerate(items):
        used += sum(words(text) for text in ([item] if isinstance(item, str) else item))
        if used > budget and index:
            return items[:index], items[index:]
    return items, []


def chunks(items: list[str], size: int = APPENDIX_BULLETS) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def continued(ctx: Context, kind: str, title: str, items: list[str], note: str = "") -> None:
    """Items that did not fit a main slide: appendix slides of at most ``APPENDIX_BULLETS`` each, every item whole."""
    if not items:
        return
    for part in chunks(items):
        ctx.details.append(
            SlideSpec(kind=kind, title=title, bullets=part, notes=notes(note, *part),
                      appendix=True, section="details")
        )


# -- title and summary ---------------------------------------------------------------------


def title_slide(ctx: Context, attempt: int, day: dt.date) -> SlideSpec:
    settings, campaign = ctx.settings, ctx.workspace.campaign
    frame = [clean(settings.audience or campaign.audience), ctx.day(day, short=False)]
    if attempt > 1:
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
    best = best_effect(ctx.workspace)
    phase = next_phase(ctx.workspace, ctx.today)
    lines = []
    if best is not None:
        lines.append(ctx.t("deck.summary.proof", text=effect_sentence(ctx, best)))
    if phase is not None:
        lines.append(ctx.t("deck.summary.plan", text=phase_line(ctx, phase)))
    if problem is not None:
        left = WORD_BUDGET - 3 - sum(words(line) for line in lines) - 2
        why = brief(clean(problem.impact or problem.title), max(left, 5))
        lines.insert(0, ctx.t("deck.summary.why", text=why))
    ask = clean(ctx.settings.ask)
    callout = ctx.t("deck.summary.callout_none")
    return [
        SlideSpec(
            kind="summary",
            title=brief(ask, 22) if ask else ctx.t("deck.summary.title_none"),
            bullets=lines,
            callout=callout,
            notes=notes(
                ctx.t("deck.notes.summary"),
                problem_summary(ctx, problem),
                (best and effect_note(ctx, best)) or "",
                (phase and phase_note(ctx, phase)) or "",
            ),
            section="summary",
        )
    ]


# -- since last time -----------------------------------------------------------------------


ASKED_WORDS = 8
ANSWER_WORDS = 10
"""A question and its answer in the since table: a whole clause within these words (the whole in the notes)."""


def since(ctx: Context) -> list[SlideSpec]:
    presentations = sorted(ctx.workspace.presentations, key=lambda p: p.date)
    items = sorted(open_objections(ctx.workspace), key=lambda o: o.presentation.date, reverse=True)
    if not items:  # an objection still open from any earlier attempt must be answered, not only the latest's
        return []
    answered = sum(1 for item in items if item.answered_in_deck)
    pending = ctx.t("deck.since.pending")
    rows = [[brief(clean(i.objection.text), ASKED_WORDS),
             f"✓ {brief(clean(i.objection.answer), ANSWER_WORDS)}" if clean(i.objection.answer) else pending]
            for i in items]
    rows, rest = within_budget(rows[:MAX_ROWS - 2], WORD_BUDGET)
    rest += [[clean(i.objection.text), clean(i.objection.answer) or pending] for i in items[MAX_ROWS - 2 :]]
    extra = [f"{asked} — {answer.removeprefix('✓ ')}" for asked, answer in rest]
    title_key = "deck.since.title_all" if answered == len(items) else "deck.since.title"
    continued(ctx, "details", ctx.t("deck.since.more"), extra)
    return [
        SlideSpec(
            kind="since",
            title=ctx.t(title_key, answered=answered, total=len(items), count=len(items)),
            table=Table([ctx.t("deck.since.asked"), ctx.t("deck.since.answer")], rows, first_column_wide=False),
            caption=ctx.t("deck.since.rest", count=len(extra)) if extra else "",
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


# -- problems and CSFs ---------------------------------------------------------------------


def problems(ctx: Context) -> list[SlideSpec]:
    ranked = sorted(ctx.workspace.problems, key=lambda p: -p.severity)
    if not ranked:
        return []
    shown = ranked[:MAX_CARDS]
    per_card = WORD_BUDGET // len(shown)
    headings = [brief(clean(problem.title), min(8, per_card - 4)) for problem in shown]
    costs = card_costs([clean(p.impact or p.description) for p in shown], WORD_BUDGET - sum(map(words, headings)))
    cards = [Card(heading=heading, lines=[cost] if cost else [], level=problem.severity,
                  label=brief(clean(problem.process), 4)) for problem, heading, cost in zip(shown, headings, costs,
                                                                                            strict=True)]
    refs = shown_references(ctx.workspace)
    more = [f"{clean(p.process)}: {clean(p.title)} — {clean(p.impact)}" for p in ranked[MAX_CARDS:]]
    continued(ctx, "details", ctx.t("deck.problems.more"), more)
    count = len(ranked)
    key = "deck.problems.title_one" if count == 1 else "deck.problems.title"
    return [
        SlideSpec(
            kind="problems",
            title=ctx.t(key, top=upper_first(clean(ranked[0].title)), count=count),
            cards=cards,
            caption=ctx.t("deck.sources.short", sources="; ".join(reference_short(ctx, r) for r in refs))
            if refs
            else "",
            references=[r.id for r in refs if r.kind != "internal"],
            notes=notes(*(problem_note(ctx, p) for p in ranked), sources_note(ctx, refs)),
            section="problems",
        )
    ]


CARD_PHRASE_WORDS = 9
"""The most words of a problem card's cost phrase; the whole impact is in the slide's notes."""


def card_costs(impacts: list[str], budget: int) -> list[str]:
    """What each problem costs, as a whole phrase (never cut mid-clause), all of them within ``budget`` words."""
    limit = CARD_PHRASE_WORDS
    while True:
        costs = [phrase(text, limit) or brief(text, limit) for text in impacts]
        if sum(map(words, costs)) <= budget or limit <= 3:
            return costs
        limit -= 1


def csfs(ctx: Context) -> list[SlideSpec]:
    workspace = ctx.workspace
    if not workspace.csfs:
        return []
    activities = activity_columns(workspace)
    shown_acts = activities[:5]
    rows = []
    uncovered = 0
    for csf in workspace.csfs[:MAX_ROWS]:
        ticks = ["✓" if csf.id in ids else "" for _name, ids in shown_acts]
        if not any(csf.id in ids for _name, ids in activities):
            uncovered += 1
        rows.append([brief(clean(csf.title), 10), *ticks])
    more = [clean(c.title) for c in workspace.csfs[MAX_ROWS:]]
    more += [ctx.t("deck.csfs.more_activity", name=name) for name, _ids in activities[5:]]
    continued(ctx, "details", ctx.t("deck.csfs.more"), more)
    solved = {pid for csf in workspace.csfs for pid in csf.problem_ids}
    total = len(workspace.csfs)
    title = (
        ctx.t("deck.csfs.title", count=total, problems=len(solved))
        if uncovered == 0
        else ctx.t("deck.csfs.title_gap", missing=uncovered, count=total)
    )
    return [
        SlideSpec(
            kind="csfs",
            title=title,
            table=Table([ctx.t("deck.csfs.header"), *(name for name, _ids in shown_acts)], rows),
            notes=notes(ctx.t("deck.notes.csfs"), *(csf_note(ctx, c) for c in workspace.csfs)),
            section="csfs",
        )
    ]


def activity_columns(workspace: Workspace) -> list[tuple[str, set[str]]]:
    """The activities that deliver CSFs (initiatives, then phases): a short name and their CSF ids."""
    columns = [(brief(clean(i.title), 6), set(i.csf_ids)) for i in workspace.initiatives if i.csf_ids]
    columns += [(brief(clean(p.name).split(":")[0], 4), set(p.csf_ids)) for p in workspace.phases if p.csf_ids]
    return columns


# -- proof, survey, allies, roadmap ----------------------------------------------------------


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
    title = brief(clean(chosen.findings[0]), 18) if chosen.findings else ctx.t("deck.survey.title", n=n)
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


def allies(ctx: Context) -> list[SlideSpec]:
    people = ctx.workspace.stakeholders
    if not people:
        return []
    named = labelled_people(people)
    chart = chart_or_none(
        lambda: ctx.charts().stakeholder_map(ctx.workspace, ctx.lang, anonymize=ctx.settings.anonymize, named=named)
    )
    left_out = ctx.charts().map_unnamed(people, chart) if chart is not None else []
    unnamed = [f"{ctx.person(p.id)} ({ctx.word('stance', p.stance)})" for p in left_out]
    friends = [p for p in people if p.is_ally]
    holders = sum(1 for p in friends if p.budget_holder)
    critics = sum(1 for p in people if p.stance in ("blocker", "skeptic"))
    neutral = sum(1 for p in people if p.stance == "neutral")
    line = ctx.t("deck.allies.line", allies=len(friends), holders=holders, neutral=neutral, critics=critics)
    return [
        SlideSpec(
            kind="allies",
            title=ctx.t("deck.allies.title", allies=len(friends), total=len(people), holders=holders),
            chart=chart,
            caption="" if chart is not None and chart.note else line,
            notes=notes(
                ctx.t("deck.notes.allies"),
                *(f"{ctx.person(p.id)} ({ctx.word('stance', p.stance)})" for p in friends),
                ctx.t("deck.notes.unlabelled", people=", ".join(unnamed)) if unnamed and chart is not None else "",
            ),
            section="allies",
        )
    ]


MAX_MAP_LABELS = 10
"""The most names on the stakeholder map; everyone is in the slide's notes."""


def labelled_people(people: list[Any]) -> set[str]:
    """Whom the stakeholder map names: decision makers, champions and blockers, the most influential
    first, at most ``MAX_MAP_LABELS`` (where people cluster, every name would overlap the next)."""
    key = [p for p in people if p.decision_maker or p.stance in ("champion", "blocker")]
    key.sort(key=lambda p: (-p.influence, -p.interest))
    return {p.id for p in key[:MAX_MAP_LABELS]}


def roadmap(ctx: Context) -> list[SlideSpec]:
    phases = [p for p in ctx.workspace.phases]
    if not phases:
        return []
    chart = chart_or_none(lambda: ctx.charts().roadmap_timeline(ctx.workspace, ctx.lang, ctx.today))
    first = phases[0]
    key = "deck.roadmap.title" if first.risk == "low" else "deck.roadmap.title_risky"
    costs = [f"{brief(clean(p.name).split(':')[0], 3)}: {ctx.number(p.cost)}" for p in phases if p.cost is not None]
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


# -- appendix ------------------------------------------------------------------------------


def divider(ctx: Context) -> SlideSpec:
    return SlideSpec(kind="divider", title=ctx.t("deck.appendix"), notes=ctx.t("deck.notes.appendix"),
                     appendix=True, section="appendix")


def method(ctx: Context) -> list[SlideSpec]:
    slides = []
    for item in ctx.workspace.surveys:
        when = ctx.day(item.date) if item.date else "—"
        source = ctx.word("survey_source", item.source)
        head = ctx.t("deck.method.line", n=len(item.responses), date=when, source=source)
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
            notes=notes(*(f"{ctx.day(p.date)} · {clean(p.audience)} · {ctx.word('outcome', p.outcome)}. "
                          f"{clean(p.feedback)}" for p in presentations)),
            appendix=True,
            section="history",
        )
    ]


# -- facts the sections share --------------------------------------------------------------


def chart_or_none(make: Callable[[], ChartSpec | None]) -> ChartSpec | None:
    """The chart spec, or None when there is nothing to draw."""
    spec = make()
    if spec is None or not (spec.series or spec.spans or spec.likert):
        return None
    return spec


def top_problem(workspace: Workspace) -> Problem | None:
    return max(workspace.problems, key=lambda p: p.severity, default=None)


PRIMARY = ("time_saved", "productivity", "quality")


def measured_effects(workspace: Workspace) -> list[KpiEffect]:
    """The measured KPI effects: primary KPIs (time saved, productivity, quality) first, best improvement first."""
    effects = [effect(k) for i in workspace.initiatives for k in i.kpis]
    measured = [e for e in effects if e.measured]
    return sorted(measured, key=lambda e: (e.kpi.category not in PRIMARY, e.kpi.unit.strip() == "%",
                                           -(e.improvement_pct if e.improvement_pct is not None else -1e9)))


def same_unit(workspace: Workspace, best: KpiEffect) -> Workspace:
    """A view of ``workspace`` whose initiatives keep only the KPIs in ``best``'s unit (one axis, one unit)."""
    unit = best.kpi.unit.strip()
    initiatives = [
        dataclasses.replace(i, kpis=[k for k in i.kpis if k.unit.strip() == unit]) for i in workspace.initiatives
    ]
    return dataclasses.replace(workspace, initiatives=initiatives)


def best_effect(workspace: Workspace) -> KpiEffect | None:
    effects = measured_effects(workspace)
    return effects[0] if effects else None


def next_phase(workspace: Workspace, today: dt.date) -> Phase | None:
    """The phase the decision is about: the first that has not ended yet (else the last)."""
    phases = sorted(workspace.phases, key=lambda p: p.start or dt.date.max)
    upcoming = [p for p in phases if p.end is None or p.end >= today]
    if upcoming:
        return upcoming[0]
    return phases[-1] if phases else None


def effect_sentence(ctx: Context, item: KpiEffect) -> str:
    unit = clean(item.kpi.unit)
    assert item.baseline is not None and item.latest is not None
    text = ctx.t(
        "deck.effect",
        kpi=brief(clean(item.kpi.name), 8),
        baseline=ctx.number(item.baseline),
        latest=ctx.number(item.latest),
        unit=f" {unit}" if unit and unit != "%" else unit,
    )
    if item.improvement_pct is not None and item.improvement_pct > 0 and unit != "%":
        text += ctx.t("deck.effect.pct", pct=ctx.number(round(item.improvement_pct)))
    return text


def effect_note(ctx: Context, item: KpiEffect) -> str:
    points = ", ".join(f"{ctx.day(m.date)}: {ctx.number(m.value)}" for m in sorted(item.kpi.measurements,
                                                                                 key=lambda m: m.date))
    target = ctx.number(item.kpi.target) if item.kpi.target is not None else "—"
    return f"{clean(item.kpi.name)} ({clean(item.kpi.unit)}): {ctx.t('deck.notes.target', target=target)}; {points}"


def phase_line(ctx: Context, phase: Phase) -> str:
    parts = [brief(clean(phase.name), 8), ctx.t("deck.risk.phrase", risk=ctx.word("risk", phase.risk))]
    if phase.cost is not None:
        parts.append(ctx.number(phase.cost))
    return ", ".join(parts)


def phase_note(ctx: Context, phase: Phase) -> str:
    span = " – ".join(ctx.day(d) for d in (phase.start, phase.end) if d)
    return "; ".join(
        part
        for part in [
            f"{clean(phase.name)} ({span})" if span else clean(phase.name),
            ctx.t("deck.risk.phrase", risk=ctx.word("risk", phase.risk)),
            ctx.number(phase.cost) if phase.cost is not None else "",
            ", ".join(clean(o) for o in phase.objectives),
            ", ".join(clean(d.title) for d in phase.deliverables),
        ]
        if part
    )


def problem_summary(ctx: Context, problem: Problem | None) -> str:
    if problem is None:
        return ""
    return ctx.t("deck.notes.problem", title=clean(problem.title), impact=clean(problem.impact))


def problem_note(ctx: Context, problem: Problem) -> str:
    return " — ".join(
        clean(part) for part in (problem.process, problem.title, problem.description, problem.impact, problem.evidence)
        if part
    )


def csf_note(ctx: Context, csf: Any) -> str:
    solved = [clean(p.title) for pid in csf.problem_ids if (p := PROBLEMS.find(ctx.workspace, pid))]
    return f"{clean(csf.title)}: {clean(csf.description)} " + (
        ctx.t("deck.notes.solves", problems="; ".join(solved)) if solved else ""
    )


def latest_survey(workspace: Workspace) -> Survey | None:
    answered = [s for s in workspace.surveys if s.responses]
    return max(answered, key=lambda s: s.date or dt.date.min, default=None)


def pick_quote(item: Survey) -> str:
    """One short free-text answer (5–22 words), the first one in the responses."""
    text_ids = [q.id for q in item.questions if q.kind == "text"]
    for response in item.responses:
        for qid in text_ids:
            value = response.answers.get(qid)
            if isinstance(value, str) and 5 <= len(clean(value).split()) <= 22:
                return clean(value)
    return ""


def shown_references(workspace: Workspace) -> list[Any]:
    """At most two references on the problem slide: our own (internal) first, then the newest external."""
    own = [r for r in workspace.references if r.kind == "internal"]
    external = sorted((r for r in workspace.references if r.kind != "internal"), key=lambda r: -(r.year or 0))
    return (own + external)[:MAX_REFERENCES]


def reference_short(ctx: Context, ref: Any) -> str:
    year = f" {ref.year}" if ref.year else ""
    return brief(clean(ref.publisher) or clean(ref.title), 5) + year


def reference_long(ctx: Context, ref: Any) -> str:
    year = f" ({ref.year})" if ref.year else ""
    return f"{clean(ref.publisher)}{year}: {clean(ref.title)}".strip(": ")


def sources_note(ctx: Context, refs: list[Any]) -> str:
    if not refs:
        return ""
    return ctx.t("deck.notes.sources", sources="; ".join(f"{reference_long(ctx, r)} {clean(r.url)}" for r in refs))
