"""Chart specs from the workspace: pure functions, every text translated into ``lang``.

API (each returns a ``ChartSpec``; ``today`` is injected wherever "now" matters):

- ``kpi_effects(workspace, lang, max_kpis=6)`` — the proof: native clustered bar, one category per
  KPI, series baseline (role ``context``), latest (``accent``) and target (``target``).
- ``kpi_bars(effects, lang)`` — the same chart for the given measured effects, in their order.
- ``kpi_progress(effects, lang)`` — native bar, one per KPI with a target: how far it has come from its
  baseline to its target (0 … 100 %, beyond 100 past the target), labelled with its real values.
- ``kpi_trend(effect, lang)`` — the headline KPI: native line, one point per measurement (dates on the
  axis), its baseline (role ``context``) and target (``goal``) as dashed reference lines labelled at their end.
- ``survey_results(survey, lang, max_questions=3)`` — kind ``likert``: answers per scale level.
- ``survey_change(comparison, lang)`` — two surveys' shared questions: native clustered bar, the share
  who agree then (role ``context``) and now (``accent``), each series named with its date and n.
- ``stakeholder_map(workspace, lang, anonymize=False, named=None)`` — native bubble: x interest, y influence,
  size drive, one series per stance coloured ``level:N/5``; roles instead of names when anonymized;
  only the ``named`` people labelled (default: the most influential, at most ``MAP_LABELS``, each
  clear of the others; ``map_unnamed`` lists the people left without a name).
- ``roadmap_timeline(workspace, lang, today)`` — kind ``timeline``: a span per phase coloured by
  risk (``level:N/3``), each noted with its status and cost, the phase asked outlined, today marked.
- ``attempts(workspace, lang, until)`` — kind ``timeline``: a span per presentation up to the next one,
  coloured by its outcome as an ordered level (rejected → approved), noted with the outcome and the
  objections raised, answered and still open; the meeting the deck is for marked.
- ``cost_and_benefit(case, lang, phase)`` — native line: the phase asked's cost (role ``target``) against the
  cumulative benefit month by month (``accent``), and the measured benefit alone (``muted``, a grey that reads
  on the background as a line must) when estimated benefit is part of the whole; amounts in millions or
  thousands of the campaign's currency.
- ``leadership_dose(workspace, lang, today, window_days=None)`` — native column: contacts with
  decision makers (dialogues and presentations they attended) and references sent to them per week
  (windows up to 13 weeks) or per month.

KPIs with different units: when every KPI shares one unit the bars are in that unit; otherwise each
KPI's values are indexed to its own baseline (baseline = 100) so the bars compare as change, and
every bar is labelled with its real value in the KPI's unit (``Series.point_labels``). A KPI with a
baseline of 0 cannot be indexed and is left out of a mixed-unit chart (it is named in ``alt_text``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Sequence

from briefing.charts.labels import arrange as arrange_labels
from briefing.charts.spec import ChartSpec, LikertRow, Series, Span
from briefing.charts.theme import level_role
from briefing.evidence.analysis import scale_level
from briefing.evidence.compare import Agreement, SharedQuestion, SurveyComparison
from briefing.evidence.kpis import KpiEffect, effect
from briefing.evidence.money import BusinessCase, chart_step, whole_months
from briefing.i18n import counted, format_date, format_money, format_number, money_unit, term, tr
from briefing.model.entities import (
    RISKS,
    STANCES,
    Outcome,
    Phase,
    Presentation,
    Question,
    Stakeholder,
    Survey,
    Workspace,
)
from briefing.model.queries import asked_phase, leadership_contacts, ordered_phases

OUTCOME_ORDER: tuple[Outcome, ...] = ("rejected", "no_decision", "postponed", "partly_approved", "approved")
"""Presentation outcomes from worst to best: the levels of the attempts chart."""
WEEKLY_UP_TO_DAYS = 91
MAP_RANGE = (0.5, 5.5)
"""Both axes of the stakeholder map: the scores 1 … 5 with half a step of room."""
MAP_LABELS = 20
"""The most names on the stakeholder map: people crowd on its 5 × 5 grid, and past that names cover each other."""


# ---------------------------------------------------------------- numbers


def with_unit(value: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """``45 min``, ``62%`` (``62 %`` in Danish): a number written in its unit."""
    number = format_number(_tidy(value), lang, decimals)
    if unit.strip() == "%":
        return tr("chart.value_percent", lang, value=number)
    if not unit.strip():
        return number
    return tr("chart.value_with_unit", lang, value=number, unit=unit.strip())


def _tidy(value: float) -> float:
    """Round away float noise so ``format_number`` writes 8, not 8.000000001."""
    rounded = round(value, 1)
    return float(round(rounded)) if abs(rounded - round(rounded)) < 1e-9 else rounded


def _month_year(day: dt.date, lang: str) -> str:
    return tr("chart.month_year", lang, month=tr(f"month.{day.month}", lang), year=day.year)


# ---------------------------------------------------------------- the proof


def kpi_effects(workspace: Workspace, lang: str, max_kpis: int = 6) -> ChartSpec:
    """Baseline, latest and target per measured KPI, the strongest improvements first."""
    measured = [e for e in _effects(workspace) if e.measured]
    measured.sort(key=lambda e: -(e.improvement_pct if e.improvement_pct is not None else float("-inf")))
    return kpi_bars(measured[:max_kpis], lang)


def kpi_bars(chosen: Sequence[KpiEffect], lang: str) -> ChartSpec:
    """Baseline, latest and target of each of ``chosen`` (measured) in that order; mixed units indexed."""
    units = {e.kpi.unit.strip() for e in chosen}
    if len(units) > 1:
        left_out = [e for e in chosen if not e.baseline]
        chosen = [e for e in chosen if e.baseline]
        spec = _kpi_spec(chosen, lang, indexed=True)
        if left_out:
            names = ", ".join(e.kpi.name for e in left_out)
            spec.alt_text += " " + tr("chart.kpi.left_out", lang, names=names)
        return spec
    return _kpi_spec(chosen, lang, indexed=False)


def _effects(workspace: Workspace) -> list[KpiEffect]:
    return [effect(kpi) for initiative in workspace.initiatives for kpi in initiative.kpis]


def _kpi_spec(effects: Sequence[KpiEffect], lang: str, indexed: bool) -> ChartSpec:
    def column(pick: Callable[[KpiEffect], float | None], name: str, role: str) -> Series:
        raw = [pick(e) for e in effects]
        values = [_index(v, e) if indexed else v for v, e in zip(raw, effects, strict=True)]
        labels = ["" if v is None else with_unit(v, e.kpi.unit, lang) for v, e in zip(raw, effects, strict=True)]
        return Series(tr(name, lang), values, role=role, point_labels=labels)

    series = [
        column(lambda e: e.baseline, "chart.kpi.baseline", "context"),
        column(lambda e: e.latest, "chart.kpi.latest", "accent"),
    ]
    if any(e.kpi.target is not None for e in effects):
        series.append(column(lambda e: e.kpi.target, "chart.kpi.target", "target"))
    unit = "" if indexed or not effects else effects[0].kpi.unit.strip()
    axis = tr("chart.kpi.axis_index", lang) if indexed else (unit and tr("chart.kpi.axis_unit", lang, unit=unit))
    return ChartSpec(
        lang=lang,
        kind="bar",
        title=_kpi_title(effects, lang),
        categories=[_kpi_category(e, lang) for e in effects],
        series=series,
        unit=unit,
        value_axis=axis,
        alt_text=" ".join(_kpi_sentence(e, lang) for e in effects),
    )


def _index(value: float | None, e: KpiEffect) -> float | None:
    if value is None or not e.baseline:
        return value
    return round(value / abs(e.baseline) * 100, 1)


def _kpi_category(e: KpiEffect, lang: str, with_unit: bool = False) -> str:
    """The KPI's name (and "lower is better" where it is); ``with_unit``: its unit too, unless it is %."""
    key = "chart.kpi.category_down" if e.kpi.direction == "down" else "chart.kpi.category_up"
    unit = e.kpi.unit.strip()
    name = tr("chart.kpi.name_unit", lang, name=e.kpi.name, unit=unit) if with_unit and unit not in ("", "%") else (
        e.kpi.name)
    return tr(key, lang, name=name)


def _bare(value: float, unit: str, lang: str) -> str:
    """A value without its unit (the category names it), except a percentage."""
    return with_unit(value, "%", lang) if unit.strip() == "%" else format_number(_tidy(value), lang)


def _kpi_sentence(e: KpiEffect, lang: str) -> str:
    assert e.baseline is not None and e.latest is not None
    return tr(
        "chart.kpi.sentence",
        lang,
        name=e.kpi.name,
        baseline=with_unit(e.baseline, e.kpi.unit, lang),
        latest=with_unit(e.latest, e.kpi.unit, lang),
    )


def _kpi_title(effects: Sequence[KpiEffect], lang: str) -> str:
    if not effects:
        return tr("chart.kpi.title_none", lang)
    best = effects[0]
    if best.improvement_pct is None:
        return _kpi_sentence(best, lang)
    pct = with_unit(abs(best.improvement_pct), "%", lang, decimals=0)
    key = "chart.kpi.title_better" if best.improvement_pct >= 0 else "chart.kpi.title_worse"
    return tr(key, lang, name=best.kpi.name, pct=pct)


def kpi_progress(effects: Sequence[KpiEffect], lang: str) -> ChartSpec:
    """Each measured KPI's way from its baseline to its target, in percent; KPIs without a target are named."""
    shown = [e for e in effects if e.progress is not None and e.baseline is not None and e.latest is not None]
    left_out = [e.kpi.name for e in effects if e not in shown]
    labels = [tr("chart.progress.label", lang, baseline=_bare(e.baseline, e.kpi.unit, lang),
                 latest=_bare(e.latest, e.kpi.unit, lang), target=_bare(e.kpi.target, e.kpi.unit, lang))
              for e in shown if e.baseline is not None and e.latest is not None and e.kpi.target is not None]
    values: list[float | None] = [round((e.progress or 0) * 100, 1) for e in shown]
    highest = max([100.0, *(v or 0 for v in values)])
    spec = ChartSpec(
        lang=lang,
        kind="bar",
        title=tr("chart.progress.title", lang),
        categories=[_kpi_category(e, lang, with_unit=True) for e in shown],
        series=[Series(tr("chart.progress.series", lang), values, role="accent", point_labels=labels)] if shown else [],
        value_axis=tr("chart.progress.axis", lang),
        y_range=(min([0.0, *(v or 0 for v in values)]), math.ceil(highest * 1.5 / 50) * 50),  # room for the labels
        legend=False,
        alt_text=" ".join(tr("chart.progress.sentence", lang, name=e.kpi.name, label=label,
                             pct=with_unit(v or 0, "%", lang, 0)) for e, label, v in zip(shown, labels, values,
                                                                                      strict=True)),
    )
    if left_out:
        spec.note = tr("chart.progress.no_target", lang, names=", ".join(left_out))
        spec.alt_text += " " + spec.note
    return spec


def kpi_trend(item: KpiEffect, lang: str) -> ChartSpec:
    """One KPI over all its measurements in date order, with its baseline and target as reference lines.

    Each reference line is labelled on the line, where the KPI's own line is far from it: the baseline at its
    right end (the KPI has moved away by then), the target at its left end (it had not got there yet)."""
    points = sorted(item.kpi.measurements, key=lambda m: m.date)
    unit, n = item.kpi.unit, len(points)
    values: list[float | None] = [m.value for m in points]
    line_side = "below" if item.kpi.direction == "up" else "above"
    labels = [with_unit(m.value, unit, lang) for m in points]
    series = [Series(item.kpi.name, values, role="accent", point_labels=labels, label_positions=[line_side] * n)]
    for value, key, role, at, side in ((item.baseline, "chart.kpi.baseline", "context", n - 1, "left"),
                                       (item.kpi.target, "chart.kpi.target", "goal", 0, "right")):
        if value is None or not n:
            continue
        label = tr("chart.trend.reference", lang, name=tr(key, lang), value=with_unit(value, unit, lang))
        series.append(Series(tr(key, lang), [value] * n, role=role,
                             point_labels=[label if i == at else "" for i in range(n)],
                             label_positions=[side] * n, reference=True))
    return ChartSpec(
        lang=lang,
        kind="line",
        title=_kpi_title([item], lang),
        categories=[format_date(m.date, lang, short=True) for m in points],
        series=series,
        unit=unit.strip(),
        value_axis=unit.strip() and tr("chart.kpi.axis_unit", lang, unit=unit.strip()),
        legend=False,
        alt_text=_trend_sentence(item, lang),
    )


def _trend_sentence(item: KpiEffect, lang: str) -> str:
    unit = item.kpi.unit
    points = "; ".join(f"{format_date(m.date, lang, short=True)}: {with_unit(m.value, unit, lang)}"
                       for m in sorted(item.kpi.measurements, key=lambda m: m.date))
    parts = [tr("chart.trend.points", lang, name=item.kpi.name, count=len(item.kpi.measurements), points=points)]
    for value, key in ((item.baseline, "chart.kpi.baseline"), (item.kpi.target, "chart.kpi.target")):
        if value is not None:
            reference = tr("chart.trend.reference", lang, name=tr(key, lang), value=with_unit(value, unit, lang))
            parts.append(f"{reference}.")
    return " ".join(parts)


# ---------------------------------------------------------------- what people say


def survey_results(survey: Survey, lang: str, max_questions: int = 3) -> ChartSpec:
    """Answers per scale level for up to ``max_questions`` Likert questions sharing the first one's scale."""
    likert = [q for q in survey.questions if q.kind == "likert" and q.scale]
    scale = likert[0].scale if likert else []
    chosen = [q for q in likert if _same_scale(q.scale, scale)][:max_questions]
    rows = [LikertRow(q.text, _counts(q, survey)) for q in chosen]
    answered = sum(
        1 for r in survey.responses if any(scale_level(r.answers.get(q.id), q.scale) is not None for q in chosen)
    )
    note = tr("chart.survey.note", lang, n=format_number(answered, lang))
    if survey.date:
        note = tr("chart.survey.note_dated", lang, n=format_number(answered, lang), date=_month_year(survey.date, lang))
    return ChartSpec(
        lang=lang,
        kind="likert",
        title=survey.title,
        scale=list(scale),
        likert=rows,
        legend=True,
        note=note,
        alt_text=" ".join(_likert_sentence(row, scale, lang) for row in rows),
    )


def _same_scale(a: Sequence[str], b: Sequence[str]) -> bool:
    return [s.strip().casefold() for s in a] == [s.strip().casefold() for s in b]


def _counts(question: Question, survey: Survey) -> list[int]:
    counts = [0] * len(question.scale)
    for response in survey.responses:
        level = scale_level(response.answers.get(question.id), question.scale)
        if level is not None:
            counts[level] += 1
    return counts


def _likert_sentence(row: LikertRow, scale: Sequence[str], lang: str) -> str:
    total = sum(row.counts)
    if not total:
        return ""
    top = sum(row.counts[-2:]) if len(scale) > 3 else row.counts[-1]
    return tr("chart.survey.sentence", lang, question=row.label, pct=with_unit(top / total * 100, "%", lang, 0))


def survey_change(comparison: SurveyComparison, lang: str) -> ChartSpec:
    """The share who agree with each shared question in the earlier and the later survey, each with its n."""
    rows = comparison.questions
    series = [_agreement_series(comparison.earlier, [q.then for q in rows], "context", lang),
              _agreement_series(comparison.later, [q.now for q in rows], "accent", lang)]
    return ChartSpec(
        lang=lang,
        kind="bar",
        title=tr("chart.compare.title", lang),
        categories=[q.text for q in rows],
        series=series,
        unit="%",
        value_axis=tr("chart.compare.axis", lang),
        y_range=(0, 100),
        alt_text=" ".join(_change_sentence(q, comparison, lang) for q in rows),
    )


def _agreement_series(survey: Survey, answers: Sequence[Agreement], role: str, lang: str) -> Series:
    """One survey's bars: the share who agree (percent), labelled with it and, where a question's n differs
    from the survey's, with that n; the series named after the survey's date and n."""
    n = max((a.n for a in answers), default=0)
    labels = [with_unit((a.share or 0) * 100, "%", lang, 0) + ("" if a.n == n else f" (n = {format_number(a.n, lang)})")
              for a in answers]
    return Series(tr("chart.compare.series", lang, when=_survey_when(survey, lang), n=format_number(n, lang)),
                  [round((a.share or 0) * 100, 1) for a in answers], role=role, point_labels=labels)


def _change_sentence(question: SharedQuestion, comparison: SurveyComparison, lang: str) -> str:
    def part(survey: Survey, answer: Agreement) -> str:
        return tr("chart.compare.part", lang, pct=with_unit((answer.share or 0) * 100, "%", lang, 0),
                  when=_survey_when(survey, lang), n=format_number(answer.n, lang))

    return tr("chart.compare.sentence", lang, question=question.text.rstrip(". "),
              then=part(comparison.earlier, question.then), now=part(comparison.later, question.now))


def _survey_when(survey: Survey, lang: str) -> str:
    """When a survey was held, as a comparison names it: its month, or its title when it has no date."""
    return _month_year(survey.date, lang) if survey.date else survey.title


# ---------------------------------------------------------------- who is with us


def stakeholder_map(
    workspace: Workspace, lang: str, anonymize: bool = False, named: Collection[str] | None = None
) -> ChartSpec:
    """Interest × influence, bubble size = drive, one series per stance (blocker → champion); each label
    away from the neighbours its person was moved from, on a side where it touches no other bubble or label.
    Only the ``named`` people (ids; default: everyone) get a label; past ``MAP_LABELS`` people, the
    most influential first, at most ``MAP_LABELS`` and each clear of the others (``map_unnamed`` lists
    the rest, to show beside the map or in the notes)."""
    people = workspace.stakeholders
    series = []
    for level, stance, members in _by_stance(people):
        role = level_role(level, len(STANCES))
        series.append(
            Series(
                name=term("stance", stance, lang),
                values=[p.influence + dy for p, (_, dy) in members],
                x=[p.interest + dx for p, (dx, _) in members],
                sizes=[float(p.drive) for p, _ in members],
                role=role,
                point_roles=[role] * len(members),
                point_labels=[
                    _person_label(p, lang, anonymize) if named is None or p.id in named else "" for p, _ in members
                ],
                label_positions=[_label_side(offset) for _, offset in members],
            )
        )
    allies = sum(1 for p in people if p.is_ally)
    budget = sum(1 for p in people if p.budget_holder)
    return arrange_labels(ChartSpec(
        lang=lang,
        kind="bubble",
        title=tr("chart.stakeholders.title", lang),
        series=series,
        x_axis=tr("chart.stakeholders.x", lang),
        y_axis=tr("chart.stakeholders.y", lang),
        scale=[term("stance", s, lang) for s in STANCES],
        x_range=MAP_RANGE,
        y_range=MAP_RANGE,
        note=tr("chart.stakeholders.note", lang, allies=counted("allies", allies),
                budget=counted("budget_holders", budget)),
        alt_text=tr("chart.stakeholders.alt", lang, stakeholders=counted("stakeholders", len(people)),
                    allies=counted("allies", allies), budget=counted("budget_holders", budget)),
    ), limit=MAP_LABELS if len(people) > MAP_LABELS else None)


def map_unnamed(people: Sequence[Stakeholder], spec: ChartSpec) -> list[Stakeholder]:
    """The people ``stakeholder_map(…, people …)`` drew without a name, the most influential first."""
    unnamed = [
        person
        for (_level, _stance, members), series in zip(_by_stance(people), spec.series, strict=True)
        for (person, _offset), label in zip(members, series.point_labels or [], strict=True)
        if not label
    ]
    return sorted(unnamed, key=lambda p: (-p.influence, -p.interest))


def _by_stance(
    people: Sequence[Stakeholder],
) -> list[tuple[int, str, list[tuple[Stakeholder, tuple[float, float]]]]]:
    """(level, stance, its people each with the offset that keeps them apart) for each stance someone has."""
    offsets = _spread([(p.interest, p.influence) for p in people])
    groups: list[tuple[int, str, list[tuple[Stakeholder, tuple[float, float]]]]] = []
    for level, stance in enumerate(STANCES):
        members = [(p, offsets[i]) for i, p in enumerate(people) if p.stance == stance]
        if members:
            groups.append((level, stance, members))
    return groups


def _person_label(person: Stakeholder, lang: str, anonymize: bool) -> str:
    if not anonymize:
        return person.name
    return person.role or tr("chart.stakeholders.anonymous", lang)


def _label_side(offset: tuple[float, float]) -> str:
    """A label on the side the point was moved to, away from its neighbours."""
    dx, dy = offset
    if abs(dx) >= abs(dy):
        return "left" if dx < 0 else "right"
    return "above" if dy > 0 else "below"


def _spread(points: Sequence[tuple[int, int]], radius: float = 0.2) -> list[tuple[float, float]]:
    """Small offsets that keep people with the same scores from hiding behind each other."""
    seen: dict[tuple[int, int], int] = {}
    totals: dict[tuple[int, int], int] = {}
    for point in points:
        totals[point] = totals.get(point, 0) + 1
    ring = [(-1.0, 0.0), (1, 0), (0, 1), (0, -1), (-0.7, 0.7), (0.7, -0.7), (0.7, 0.7), (-0.7, -0.7)]
    offsets = []
    for point in points:
        n = seen.get(point, 0)
        seen[point] = n + 1
        if totals[point] == 1:
            offsets.append((0.0, 0.0))
            continue
        dx, dy = ring[n % len(ring)]
        scale = radius * (1 + n // len(ring))
        offsets.append((round(dx * scale, 2), round(dy * scale, 2)))
    return offsets


# ---------------------------------------------------------------- the plan


def roadmap_timeline(workspace: Workspace, lang: str, today: dt.date) -> ChartSpec:
    """A span per dated phase, in date order, coloured by risk; its note says its status (the phase asked
    marked "asked today") and its cost in the campaign's currency; the phase asked drawn outlined."""
    asked = asked_phase(workspace)
    dated = [p for p in ordered_phases(workspace) if p.start and p.end]
    currency = workspace.campaign.currency
    spans = [
        Span(
            label=p.name,
            start=p.start or today,
            end=max(p.end or today, p.start or today),
            role=level_role(RISKS.index(p.risk), len(RISKS)),
            note=_phase_note(p, p is asked, currency, lang),
            marked=p is asked,
        )
        for p in dated
    ]
    return ChartSpec(
        lang=lang,
        kind="timeline",
        title=tr("chart.roadmap.title", lang),
        spans=spans,
        today=today,
        today_label=tr("chart.roadmap.today", lang),
        scale=[tr("chart.risk_level", lang, risk=term("risk", r, lang)) for r in RISKS],
        alt_text=" ".join(_phase_sentence(p, p is asked, lang) for p in dated),
    )


def phase_state(phase: Phase, asked: bool, lang: str) -> str:
    """A phase's status as a reader sees it: "Asked today" for the phase the ask is for, else its status."""
    return tr("chart.roadmap.asked", lang) if asked else term("phase_status", phase.status, lang)


def _phase_note(phase: Phase, asked: bool, currency: str, lang: str) -> str:
    state = phase_state(phase, asked, lang)
    if phase.cost is None:
        return state
    return f"{state} · {format_money(phase.cost, currency, lang, compact=True)}"


def _phase_sentence(phase: Phase, asked: bool, lang: str) -> str:
    assert phase.start and phase.end
    return tr(
        "chart.roadmap.status_sentence",
        lang,
        name=phase.name,
        start=format_date(phase.start, lang, short=True),
        end=format_date(phase.end, lang, short=True),
        risk=tr("chart.risk_level", lang, risk=term("risk", phase.risk, lang)),
        status=phase_state(phase, asked, lang),
    )


# ---------------------------------------------------------------- the money


def cost_and_benefit(case: BusinessCase, lang: str, phase: str) -> ChartSpec:
    """The cost of the phase asked (``phase`` names it) against the benefit summed month by month from its start,
    over ``case.horizon()`` months; the last point of each line labelled with its amount, the cost drawn as a
    reference line (a constant: dashed, without markers)."""
    months = case.horizon()
    step = chart_step(months)
    cost = case.cost or 0.0
    total = case.cumulative_benefit(months)[::step]
    lines = [(tr("chart.money.cost", lang, phase=phase), [cost] * len(total), "target", "below"),
             (tr("chart.money.benefit", lang), total, "accent", "above")]
    if case.measured_apart:
        lines.append((tr("chart.money.measured", lang), case.cumulative_measured(months)[::step], "muted", "above"))
    millions = max(cost, total[-1]) >= 1e6
    divisor, axis = (1e6, "chart.money.axis_millions") if millions else (1e3, "chart.money.axis_thousands")
    series = [
        Series(name, [round(value / divisor, 3) for value in values], role=role,
               point_labels=[""] * (len(values) - 1) + [format_money(values[-1], case.currency, lang, compact=True)],
               label_positions=[side] * len(values), reference=role == "target")
        for name, values, role, side in lines
    ]
    return ChartSpec(
        lang=lang,
        kind="line",
        title=tr("chart.money.title", lang, phase=phase),
        categories=[format_number(month, lang) for month in range(0, months + 1, step)],
        series=series,
        category_axis=tr("chart.money.months", lang, phase=phase),
        value_axis=tr(axis, lang, currency=money_unit(case.currency, lang)),
        alt_text=_money_sentence(case, lang, phase),
    )


def _money_sentence(case: BusinessCase, lang: str, phase: str) -> str:
    text = tr("chart.money.sentence", lang, phase=phase, cost=format_money(case.cost or 0, case.currency, lang),
              yearly=format_money(case.yearly, case.currency, lang),
              months=format_number(whole_months(case.payback_months), lang), count=whole_months(case.payback_months))
    if case.measured_apart and case.measured_payback_months is not None:
        text += " " + tr("chart.money.sentence_measured", lang,
                         measured=format_money(case.measured, case.currency, lang),
                         months=format_number(whole_months(case.measured_payback_months), lang),
                         count=whole_months(case.measured_payback_months))
    return text


# ---------------------------------------------------------------- repeat until it succeeds


def attempts(workspace: Workspace, lang: str, until: dt.date | None = None) -> ChartSpec:
    """The attempts on a timeline: a span per presentation from its date to the next one (the last to
    ``until``, the meeting this deck is for; by default the last one's next attempt), coloured by its outcome
    as an ordered level (rejected → approved); its note says the outcome and the objections raised there,
    answered and still open."""
    shown = sorted(workspace.presentations, key=lambda p: p.date)
    if until is None:
        until = (shown[-1].next_attempt or shown[-1].date) if shown else None
    ends = [later.date - dt.timedelta(days=1) for later in shown[1:]] + ([until] if until else [])
    spans = [
        Span(
            label=tr("chart.attempts.category", lang, n=number, date=format_date(p.date, lang, short=True)),
            start=p.date,
            end=max(end, p.date),
            role=level_role(OUTCOME_ORDER.index(p.outcome), len(OUTCOME_ORDER)),
            note=_attempt_note(p, lang),
        )
        for number, (p, end) in enumerate(zip(shown, ends, strict=True), start=1)
    ]
    return ChartSpec(
        lang=lang,
        kind="timeline",
        title=tr("chart.attempts.title", lang, count=len(shown)),
        spans=spans,
        today=until,
        today_label=tr("chart.attempts.this_meeting", lang),
        scale=[term("outcome", o, lang) for o in OUTCOME_ORDER],
        legend=False,  # each span says its outcome in words
        alt_text=" ".join(f"{s.label}: {s.note}." for s in spans),
    )


def _attempt_note(presentation: Presentation, lang: str) -> str:
    """The outcome and the objections: raised, answered (before or in this deck) and still open."""
    raised = len(presentation.objections)
    unanswered = sum(1 for o in presentation.objections if o.status == "open" and not o.answer.strip())
    parts = [term("outcome", presentation.outcome, lang)]
    if raised:
        parts.append(tr("chart.attempts.objections", lang, count=raised, answered=raised - unanswered))
    if unanswered:
        parts.append(tr("chart.attempts.open", lang, count=unanswered))
    return " · ".join(parts)


# ---------------------------------------------------------------- leadership dosing


def leadership_dose(
    workspace: Workspace, lang: str, today: dt.date, window_days: int | None = None
) -> ChartSpec:
    """Contacts with decision makers and references sent to them, per week or month of the window."""
    days = window_days or workspace.guide.leadership_window_days
    first = today - dt.timedelta(days=days - 1)
    contacts = [d for d in leadership_contacts(workspace, today) if d.date >= first]
    weekly = days <= WEEKLY_UP_TO_DAYS
    bins = _week_bins(first, today) if weekly else _month_bins(first, today)
    key: Callable[[dt.date], dt.date] = _monday if weekly else _first_of_month
    count = {start: 0 for start in bins}
    refs = {start: 0 for start in bins}
    for d in contacts:
        count[key(d.date)] += 1
        refs[key(d.date)] += d.references_shared
    label = _week_label if weekly else _month_label
    guide = workspace.guide
    return ChartSpec(
        lang=lang,
        kind="column",
        title=tr("chart.dose.title", lang, count=days),
        categories=[label(start, lang, first.year != today.year) for start in bins],
        series=[
            _count_series(tr("chart.dose.contacts", lang), [count[b] for b in bins], "accent", lang),
            _count_series(tr("chart.dose.references", lang), [refs[b] for b in bins], "context", lang),
        ],
        value_axis=tr("chart.dose.axis", lang),
        counts=True,
        note=tr(
            "chart.dose.note",
            lang,
            contacts=counted("contacts", len(contacts)),
            max_contacts=guide.max_leadership_contacts,
            references=counted("references", sum(refs.values())),
            max_references=guide.max_leadership_references,
        ),
    )


def _count_series(name: str, counts: list[int], role: str, lang: str) -> Series:
    """Counts as a series whose zero bars carry no label (a row of zeros is noise)."""
    labels = [format_number(n, lang) if n else "" for n in counts]
    return Series(name, [float(n) for n in counts], role=role, point_labels=labels)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _week_bins(first: dt.date, last: dt.date) -> list[dt.date]:
    start, end = _monday(first), _monday(last)
    return [start + dt.timedelta(weeks=i) for i in range((end - start).days // 7 + 1)]


def _month_bins(first: dt.date, last: dt.date) -> list[dt.date]:
    bins, month = [], _first_of_month(first)
    while month <= last:
        bins.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return bins


def _week_label(monday: dt.date, lang: str, with_year: bool) -> str:
    return tr("chart.dose.week", lang, week=monday.isocalendar().week)


def _month_label(first: dt.date, lang: str, with_year: bool) -> str:
    month = tr(f"month.short.{first.month}", lang)
    return tr("chart.month_year", lang, month=month, year=first.year) if with_year else month
