"""After a meeting: what its outcome means for the plan, and what is left before the next attempt.

From the latest presentation (step 6 of the method, "present — and repeat"):

- **approved** — the phase asked for is approved (``briefing.guide.presenting.plan_moves``); the
  outlook names it and points to the next phase to ask for and what that needs;
- **partly approved** — what was granted (the next steps agreed) and what is still open; the
  phase asked for stays asked;
- **postponed, rejected, no decision** — the method's next move, chosen from what the workspace
  lacks: more proof (the proof step is not done), more allies (the allies step is not done), else
  a smaller first step;
- always — the open objections by name, the next attempt's date (while it is ahead), and what is
  left to do before it: objections to answer, agreed next steps not done, the method's steps not done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from briefing.guide import cadence
from briefing.guide.days import Day, Sentence
from briefing.i18n import format_money, tr
from briefing.model.entities import Phase, Presentation, Workspace
from briefing.model.queries import asked_phase, latest_presentation, open_objections, ordered_phases

Move = Literal["proof", "allies", "smaller_step"]
SHOWN = 3
"""How many objections or next steps a line names before "…"."""


@dataclass(frozen=True)
class Listed:
    """Message parameters written one after another in the shown language (", " between)."""

    items: tuple[Any, ...]

    def message(self, lang: str | None = None) -> str:
        texts = [item.message(lang) if hasattr(item, "message") else str(item) for item in self.items[:SHOWN]]
        return ", ".join(texts) + (", …" if len(self.items) > SHOWN else "")


@dataclass(frozen=True)
class Quoted:
    """A text quoted the way the shown language quotes (»…« in Danish, “…” in English)."""

    text: str

    def message(self, lang: str | None = None) -> str:
        return tr("guide.outlook.quoted", lang, text=self.text)


@dataclass(frozen=True)
class Outlook:
    """The latest meeting's consequences and what is left before the next attempt, as sentences."""

    latest: Presentation | None
    next_attempt: dt.date | None
    """The next attempt agreed at the latest meeting, while it is today or later."""
    objections: tuple[str, ...]
    """The open objections' texts, oldest meeting first."""
    approved: Phase | None
    """The phase the latest meeting approved (outcome approved)."""
    next_phase: Phase | None
    """The phase to ask for now."""
    move: Move | None
    """The method's next move after a meeting that did not approve."""
    lines: tuple[Sentence, ...]


def outlook(workspace: Workspace, today: dt.date, steps: Sequence[Any] = ()) -> Outlook:
    """The outlook on ``today``; ``steps`` are readiness's steps (those not done are left to do)."""
    latest = latest_presentation(workspace)
    objections = tuple(entry.objection.text for entry in open_objections(workspace))
    if latest is None:
        return Outlook(None, None, objections, None, asked_phase(workspace), None, ())
    agreed = latest.next_attempt
    ahead = agreed if agreed is not None and agreed >= today else None
    approved = approved_phase(workspace, latest)
    move = next_move(steps) if latest.outcome not in ("approved", "partly_approved") else None
    lines = _outcome_lines(workspace, latest, approved, move, today)
    lines.extend(_attempt_lines(latest, today))
    if objections:
        lines.append(Sentence("guide.outlook.objections", {"count": len(objections),
                                                           "texts": Listed(tuple(map(Quoted, objections)))}))
    if latest.outcome != "approved" or ahead is not None:
        lines.append(_left_to_do(workspace, ahead, steps))
    return Outlook(latest, ahead, objections, approved, asked_phase(workspace), move, tuple(lines))


def approved_phase(workspace: Workspace, presentation: Presentation) -> Phase | None:
    """The phase ``presentation`` approved: the one its deck asked for, once ``approved`` or further on."""
    if presentation.outcome != "approved":
        return None
    chosen = presentation.deck_settings.ask_phase_id if presentation.deck_settings else None
    named = next((p for p in workspace.phases if p.id == chosen), None)
    if named is not None:
        return named if named.status != "planned" else None
    decided = [p for p in ordered_phases(workspace) if p.status in ("approved", "running", "done")]
    return decided[-1] if decided else None


def next_move(steps: Sequence[Any]) -> Move:
    """The method's move after a meeting that did not approve: more proof, more allies, a smaller step."""
    status = {step.key: step.status for step in steps}
    if status.get("proof", "done") != "done":
        return "proof"
    if status.get("allies", "done") != "done":
        return "allies"
    return "smaller_step"


def _outcome_lines(workspace: Workspace, latest: Presentation, approved: Phase | None,
                   move: Move | None, today: dt.date) -> list[Sentence]:
    date = Day(latest.date)
    if latest.outcome == "approved":
        first = (Sentence("guide.outlook.approved", {"date": date, "phase": Quoted(approved.name)}) if approved
                 else Sentence("guide.outlook.approved_plain", {"date": date}))
        return [first, _next_phase_line(workspace, approved)]
    if latest.outcome == "partly_approved":
        phase = asked_phase(workspace)
        granted = tuple(Quoted(step.text) for step in latest.next_steps)
        return [Sentence("guide.outlook.partly" if phase else "guide.outlook.partly_plain",
                         {"date": date, "phase": Quoted(phase.name) if phase else ""}),
                Sentence("guide.outlook.granted", {"steps": Listed(granted)}) if granted
                else Sentence("guide.outlook.granted_unknown")]
    lines = [Sentence(f"guide.outlook.{latest.outcome}", {"date": date})]
    if move is not None:
        lines.append(_move_line(workspace, move, today))
    return lines


def _next_phase_line(workspace: Workspace, approved: Phase | None) -> Sentence:
    phase = asked_phase(workspace)
    if phase is None:
        return Sentence("guide.outlook.all_decided")
    facts: list[Any] = []
    if phase.start is not None:
        facts.append(Sentence("guide.outlook.starts", {"date": Day(phase.start)}))
    if phase.cost is not None:
        facts.append(_Money(phase.cost, workspace.campaign.currency))
    params = {"phase": Quoted(phase.name), "facts": Listed(tuple(facts)),
              "approved": Quoted(approved.name) if approved else ""}
    key = "guide.outlook.next_phase" if facts else "guide.outlook.next_phase_plain"
    return Sentence(key + ("" if approved else "_alone"), params)


@dataclass(frozen=True)
class _Money:
    amount: float
    currency: str

    def message(self, lang: str | None = None) -> str:
        return format_money(self.amount, self.currency, lang)


def _move_line(workspace: Workspace, move: Move, today: dt.date) -> Sentence:
    if move == "proof":
        first = workspace.initiatives[0].title if workspace.initiatives else ""
        return Sentence("guide.outlook.move.proof" if first else "guide.outlook.move.proof_none",
                        {"initiative": Quoted(first)})
    if move == "allies":
        late = cadence.overdue(workspace, today)
        if late:
            names = Listed(tuple(entry.stakeholder.name for entry in late))
            return Sentence("guide.outlook.move.allies_overdue", {"names": names})
        engaged = sum(s.engaged for s in cadence.ally_cadence(workspace, today))
        return Sentence("guide.outlook.move.allies", {"count": max(workspace.guide.min_allies - engaged, 1)})
    phase = asked_phase(workspace)
    return Sentence("guide.outlook.move.smaller_step" if phase else "guide.outlook.move.smaller_step_none",
                    {"phase": Quoted(phase.name) if phase else ""})


def _attempt_lines(latest: Presentation, today: dt.date) -> list[Sentence]:
    agreed = latest.next_attempt
    if agreed is None:
        return [] if latest.outcome == "approved" else [Sentence("guide.outlook.no_attempt")]
    if agreed < today:
        return [Sentence("guide.outlook.attempt_passed", {"date": Day(agreed)})]
    days = (agreed - today).days
    key = "guide.outlook.next_attempt_today" if days == 0 else "guide.outlook.next_attempt"
    return [Sentence(key, {"date": Day(agreed), "count": days})]


def _left_to_do(workspace: Workspace, ahead: dt.date | None, steps: Sequence[Any]) -> Sentence:
    todo: list[Any] = []
    unanswered = sum(1 for entry in open_objections(workspace) if not entry.answered_in_deck)
    if unanswered:
        todo.append(Sentence("guide.outlook.todo.answer", {"count": unanswered}))
    open_steps = [s for p in workspace.presentations for s in p.next_steps if not s.done]
    if open_steps:
        todo.append(Sentence("guide.outlook.todo.steps", {"count": len(open_steps)}))
    todo.extend(Sentence("guide.outlook.todo.step", {"step": step.title}) for step in steps
                if step.status != "done")
    params = {"date": Day(ahead) if ahead else "", "todo": _All(tuple(todo))}
    if not todo:
        return Sentence("guide.outlook.nothing_left" if ahead else "guide.outlook.nothing_left_undated", params)
    return Sentence("guide.outlook.before" if ahead else "guide.outlook.before_undated", params)


@dataclass(frozen=True)
class _All(Listed):
    """Every item, none left out (what is left to do is never cut short)."""

    def message(self, lang: str | None = None) -> str:
        return "; ".join(item.message(lang) for item in self.items)
