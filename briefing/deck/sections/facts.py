"""Facts the sections share: the top problem, the measured effects, the phase asked, and how a KPI,
a phase, a problem, a CSF or a reference is written on a slide and in its notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from briefing.deck.limits import MAX_REFERENCES
from briefing.deck.sanitize import clean
from briefing.deck.sections.context import Context
from briefing.deck.wording import brief
from briefing.evidence.kpis import KpiEffect, effect
from briefing.model.collections import PROBLEMS
from briefing.model.entities import Deliverable, Phase, Problem, Survey, Workspace


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


def headline_effect(workspace: Workspace) -> KpiEffect | None:
    """The KPI the deck leads with: the one the user chose (``deck.headline_kpi``) when it has a baseline and a
    measurement, else the largest effect (a primary KPI first, the largest improvement against its baseline)."""
    chosen = workspace.deck.headline_kpi
    return next((e for e in measured_effects(workspace) if e.kpi.id == chosen), None) or best_effect(workspace)


def effect_sentence(ctx: Context, item: KpiEffect, name_words: int = 8) -> str:
    """``<KPI>: from 45 to 8 min, 82 % better``, the KPI's name within ``name_words`` words."""
    unit = clean(item.kpi.unit)
    assert item.baseline is not None and item.latest is not None
    text = ctx.t(
        "deck.effect",
        kpi=brief(clean(item.kpi.name), name_words),
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


def short_name(phase: Phase) -> str:
    """A phase as a title names it: the label before its colon (``Phase 2`` of ``Phase 2: Legal and Sales``),
    else its name as a whole piece within a few words."""
    name = clean(phase.name)
    label = name.split(":", 1)[0].strip()
    return label if ":" in name and label else brief(name, 6)


def phase_label(phase: Phase, limit: int) -> str:
    """A phase's label within ``limit`` words: the part before a colon, else (nothing before it) its whole name."""
    return brief(clean(phase.name).split(":")[0], limit) or clean(phase.name)


def phase_line(ctx: Context, phase: Phase) -> str:
    parts = [brief(clean(phase.name), 8), ctx.t("deck.risk.phrase", risk=ctx.word("risk", phase.risk))]
    if phase.cost is not None:
        parts.append(ctx.money(phase.cost, compact=True))
    return ", ".join(parts)


def phase_note(ctx: Context, phase: Phase) -> str:
    """A phase in full for the notes: dates, status and what it achieved, risk, cost, objectives, and each
    deliverable with its owner and due date as written."""
    span = " – ".join(ctx.day(d) for d in (phase.start, phase.end) if d)
    status = ctx.t("deck.plan.phase_note", status=ctx.word("phase_status", phase.status), outcome=clean(phase.outcome))
    return "; ".join(
        part
        for part in [
            f"{clean(phase.name)} ({span})" if span else clean(phase.name),
            status if clean(phase.outcome) else ctx.word("phase_status", phase.status),
            ctx.t("deck.risk.phrase", risk=ctx.word("risk", phase.risk)),
            ctx.money(phase.cost) if phase.cost is not None else "",
            ", ".join(clean(o) for o in phase.objectives),
            ", ".join(deliverable_note(ctx, d) for d in phase.deliverables),
        ]
        if part
    )


def owner_shown(ctx: Context, owner: str) -> str:
    """An owner as the user wrote it, a person who may not be named shown by their role (``ctx.naming``, the
    rules of ``privacy``): an owner field names who is responsible, which the role says as well as the name."""
    return ctx.naming.redact(clean(owner)).text


def deliverable_note(ctx: Context, item: Deliverable) -> str:
    who = [owner_shown(ctx, item.owner), ctx.day(item.due) if item.due else ""]
    said = ", ".join(part for part in who if part)
    return f"{clean(item.title)} ({said})" if said else clean(item.title)


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
