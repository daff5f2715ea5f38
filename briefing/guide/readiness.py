"""Readiness: the method's six steps as a checklist computed from the workspace.

Each step gets a status — **done**, **attention** (begun, but a rule is not met) or **missing**
(nothing to judge yet) — the reason, and what to do next, as sentences translated when shown.
The workspace is ready when every step is done. The rules:

1. allies — done when at least ``min_allies`` allies are engaged within their cadence (talked
   to at least once and not overdue, see ``cadence``) and they are at least
   ``allies_within_cadence`` of all allies; missing without any ally;
2. leadership — done while the leadership dose is ok (see ``dosing``), attention when they
   need air; missing when no stakeholder is marked decision maker;
3. proof — done when at least one initiative has a KPI with a baseline and a measurement made
   by today; attention when initiatives exist but none is measured; missing without initiatives;
4. problems — the ``GuideSettings.top_problems`` most severe problems must each be linked to a CSF and to an
   activity (an initiative naming the problem or its CSF, or a phase naming its CSF);
5. plan — at least ``GuideSettings.min_phases`` phases, the first (by start date) of low risk;
6. deck — ``briefing.deck.check`` finds nothing that blocks the export (see ``deck_step``).

With the steps comes the outlook after the latest meeting (``briefing.guide.outlook``): its outcome's
consequence for the plan, the open objections, the next attempt and what is left to do before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from briefing.errors import BriefingError
from briefing.evidence.kpis import effect, measured_until
from briefing.guide import cadence, dosing
from briefing.guide.days import Day, Sentence, Today, as_day
from briefing.guide.outlook import Outlook, outlook
from briefing.i18n import SharedTerm, counted, format_number
from briefing.model.entities import Problem, Workspace
from briefing.model.queries import latest_presentation, ordered_phases

StepKey = Literal["allies", "leadership", "proof", "problems", "plan", "deck"]
StepStatus = Literal["done", "attention", "missing"]
STEP_KEYS: tuple[StepKey, ...] = ("allies", "leadership", "proof", "problems", "plan", "deck")
NAMES_SHOWN = 3


@dataclass(frozen=True)
class Step:
    """One step of the method: its status, why, and what to do next."""

    key: StepKey
    status: StepStatus
    reason: Sentence
    next: Sentence

    @property
    def title(self) -> Sentence:
        return Sentence(f"guide.step.{self.key}")


@dataclass(frozen=True)
class Readiness:
    """The six steps on one day; ready when every step is done."""

    today: dt.date
    steps: tuple[Step, ...]
    outlook: Outlook | None = None
    """After the latest meeting: what it moved, what is open, what is left before the next attempt."""

    @property
    def ready(self) -> bool:
        return all(step.status == "done" for step in self.steps)

    @property
    def done(self) -> int:
        return sum(step.status == "done" for step in self.steps)

    def step(self, key: StepKey) -> Step:
        return next(step for step in self.steps if step.key == key)


def readiness(workspace: Workspace, today: Today, include_deck: bool = True) -> Readiness:
    """The six steps for ``workspace`` on ``today``; ``include_deck=False`` skips the deck's lint."""
    day = as_day(today)
    steps = [allies_step(workspace, day), leadership_step(workspace, day), proof_step(workspace, day),
             problems_step(workspace), plan_step(workspace)]
    if include_deck:
        steps.append(deck_step(workspace, day))
    return Readiness(day, tuple(steps), outlook(workspace, day, steps))


def _step(key: StepKey, status: StepStatus, reason: str, next_key: str, **params: Any) -> Step:
    return Step(key, status, Sentence(f"guide.readiness.{key}.{reason}", params),
                Sentence(f"guide.readiness.{key}.{next_key}", params))


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    return shown + (", …" if len(names) > NAMES_SHOWN else "")


# -- 1. allies -----------------------------------------------------------------------------------


def allies_step(workspace: Workspace, today: dt.date) -> Step:
    settings = workspace.guide
    statuses = cadence.ally_cadence(workspace, today)
    if not statuses:
        return _step("allies", "missing", "none", "none_next")
    engaged = sum(s.engaged for s in statuses)
    share = engaged / len(statuses)
    params = {"engaged": engaged, "total": len(statuses), "allies": counted("allies", len(statuses)),
              "minimum": settings.min_allies,
              "share": format_number(round(settings.allies_within_cadence * 100))}
    if engaged >= settings.min_allies and share >= settings.allies_within_cadence:
        return _step("allies", "done", "enough", "enough_next", **params)
    late = cadence.overdue(workspace, today)
    if late:
        return _step("allies", "attention", "few", "talk_next",
                     names=_names([s.stakeholder.name for s in late]), **params)
    return _step("allies", "attention", "few", "win_next", count=max(settings.min_allies - engaged, 1), **params)


# -- 2. leadership -------------------------------------------------------------------------------


def leadership_step(workspace: Workspace, today: dt.date) -> Step:
    if not any(s.decision_maker for s in workspace.stakeholders):
        return _step("leadership", "missing", "none", "none_next")
    dose = dosing.dose(workspace, today)
    params = {"contacts": len(dose.contacts), "references": dose.references,
              "days": counted("last_days", dose.window_days),
              "max_contacts": dose.max_contacts, "max_references": dose.max_references}
    if dose.air_until is not None:
        return _step("leadership", "attention", "flooded", "air_next", until=Day(dose.air_until), **params)
    at_limit = dose.contacts_left <= 0 or dose.references_left <= 0
    return _step("leadership", "done", "dosed", "limit_next" if at_limit else "dosed_next", **params)


# -- 3. proof ------------------------------------------------------------------------------------


def proof_step(workspace: Workspace, today: dt.date) -> Step:
    if not workspace.initiatives:
        return _step("proof", "missing", "none", "none_next")
    measured = [(i, k) for i in workspace.initiatives for k in i.kpis if effect(measured_until(k, today)).measured]
    if not measured:
        first = workspace.initiatives[0]
        has_kpi = any(i.kpis for i in workspace.initiatives)
        return _step("proof", "attention", "unmeasured" if has_kpi else "no_kpi", "measure_next",
                     count=len(workspace.initiatives), initiative=first.title)
    initiatives = {i.id for i, _ in measured}
    return _step("proof", "done", "measured", "measured_next", count=len(measured), initiatives=len(initiatives))


# -- 4. problems ---------------------------------------------------------------------------------


def top_problems(workspace: Workspace) -> list[Problem]:
    """The ``guide.top_problems`` most severe problems (ties: the order they were entered in)."""
    return sorted(workspace.problems, key=lambda p: -p.severity)[: workspace.guide.top_problems]


def problem_links(workspace: Workspace, problem: Problem) -> tuple[bool, bool]:
    """(linked to a CSF, linked to an activity) for ``problem``."""
    csfs = {c.id for c in workspace.csfs if problem.id in c.problem_ids}
    by_initiative = any(problem.id in i.problem_ids or csfs & set(i.csf_ids) for i in workspace.initiatives)
    by_phase = any(csfs & set(p.csf_ids) for p in workspace.phases)
    return bool(csfs), by_initiative or by_phase


def problems_step(workspace: Workspace) -> Step:
    top = top_problems(workspace)
    if not top:
        return _step("problems", "missing", "none", "none_next")
    links = [(p, *problem_links(workspace, p)) for p in top]
    loose = [(p, csf, activity) for p, csf, activity in links if not (csf and activity)]
    if not loose:
        return _step("problems", "done", "linked", "linked_next", count=len(top))
    first, has_csf, _ = loose[0]
    return _step("problems", "attention", "unlinked" if len(top) > 1 else "unlinked_top",
                 "activity_next" if has_csf else "csf_next", count=len(loose), top=counted("top_problems", len(top)),
                 titles=_names([p.title for p, _, _ in loose]), title=first.title)


# -- 5. plan -------------------------------------------------------------------------------------


def plan_step(workspace: Workspace) -> Step:
    phases = ordered_phases(workspace)
    if not phases:
        return _step("plan", "missing", "none", "none_next")
    first = phases[0]
    params = {"count": len(phases), "name": first.name, "risk": SharedTerm("risk", first.risk, lower=True),
              "minimum": workspace.guide.min_phases}
    if first.risk != "low":
        return _step("plan", "attention", "risky_start", "risky_next", **params)
    if len(phases) < workspace.guide.min_phases:
        return _step("plan", "attention", "one_phase", "one_phase_next", **params)
    return _step("plan", "done", "phased", "phased_next", **params)


# -- 6. deck -------------------------------------------------------------------------------------


def deck_step(workspace: Workspace, today: dt.date) -> Step:
    """The deck's lint: done with no blocking finding (severity ``error``, or any finding without one).

    Missing while the deck has no ask: a deck that asks for nothing is not ready, however clean."""
    if not workspace.deck.ask.strip():
        return _step("deck", "missing", "no_ask", "no_ask_next")
    from briefing.deck import check

    try:
        findings = check(workspace, today=today)
    except BriefingError as error:
        return _step("deck", "attention", "failed", "failed_next", error=error)
    blocking = [f for f in findings if getattr(f, "severity", "error") == "error"]
    if blocking:
        return _step("deck", "attention", "findings", "findings_next", count=len(blocking),
                     first=_finding_text(blocking[0]))
    latest = latest_presentation(workspace)
    booked = latest.next_attempt if latest is not None else None
    if booked is not None and booked >= today:  # the meeting is booked already: the deck is for it
        return _step("deck", "done", "clean", "clean_booked_next", warnings=len(findings), date=Day(booked))
    return _step("deck", "done", "clean", "clean_next", warnings=len(findings))


def _finding_text(finding: Any) -> Any:
    """A finding as a message parameter: itself when it can translate itself, else its text."""
    message = getattr(finding, "message", None)
    return finding if callable(message) else str(message if message is not None else finding)
