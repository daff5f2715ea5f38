"""What the layers above ask of a workspace: the decision makers' dialogues, the objections still open,
the phases in order and the phase the ask is for.

They live with the model so that the charts and the deck ask them without importing the guide
(``briefing.guide.dosing`` and ``briefing.guide.objections`` offer them too).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.model.entities import Dialogue, Objection, Phase, PhaseStatus, Presentation, Workspace


def decision_maker_dialogues(workspace: Workspace, today: dt.date) -> list[Dialogue]:
    """Every dialogue with a decision maker on or before ``today``, oldest first."""
    leaders = {s.id for s in workspace.stakeholders if s.decision_maker}
    chosen = [d for d in workspace.dialogues if d.stakeholder_id in leaders and d.date <= today]
    return sorted(chosen, key=lambda d: d.date)


def leadership_contacts(workspace: Workspace, today: dt.date) -> list[Dialogue]:
    """Every contact with a decision maker on or before ``today``, oldest first: their dialogues, and
    each presentation they attended as a meeting on its date (its id the presentation's, no references
    shared) — unless a dialogue with them that day already records it."""
    dialogues = decision_maker_dialogues(workspace, today)
    leaders = {s.id for s in workspace.stakeholders if s.decision_maker}
    logged = {(d.stakeholder_id, d.date) for d in dialogues}
    attended = [
        Dialogue(id=p.id, stakeholder_id=sid, date=p.date, channel="meeting", summary=p.audience)
        for p in workspace.presentations if p.date <= today
        for sid in p.attendee_ids if sid in leaders and (sid, p.date) not in logged
    ]
    return sorted([*dialogues, *attended], key=lambda d: d.date)


def latest_presentation(workspace: Workspace) -> Presentation | None:
    """The presentation held last (by date; the one recorded last on a tie), or None."""
    return max(reversed(workspace.presentations), key=lambda p: p.date, default=None)


@dataclass(frozen=True)
class OpenObjection:
    """An objection not yet answered by a presented deck, with where it was raised."""

    presentation: Presentation
    index: int
    objection: Objection

    @property
    def answered_in_deck(self) -> bool:
        """True when an answer is written, so the next deck's "since last time" slide shows it."""
        return bool(self.objection.answer.strip())


def open_objections(workspace: Workspace) -> list[OpenObjection]:
    """Every objection still open, oldest presentation first: what the next deck must answer."""
    return [
        OpenObjection(presentation, index, objection)
        for presentation in sorted(workspace.presentations, key=lambda p: p.date)
        for index, objection in enumerate(presentation.objections)
        if objection.status == "open"
    ]


DECIDED: tuple[PhaseStatus, ...] = ("approved", "running", "done", "stopped")
"""Phase statuses that need no decision any more: a phase in one of them is never the default ask."""


def ordered_phases(workspace: Workspace) -> list[Phase]:
    """The phases by start date; phases without a date keep their order, after the dated ones."""
    return sorted(workspace.phases, key=lambda p: (p.start is None, p.start or dt.date.min))


def asked_phase(workspace: Workspace) -> Phase | None:
    """The phase the ask is for: the deck's ``ask_phase_id`` when it names a phase, else the first phase (in
    order) not yet approved, running, done or stopped; None when every phase is decided (nothing to ask)."""
    chosen = workspace.deck.ask_phase_id
    if chosen:
        named = next((phase for phase in workspace.phases if phase.id == chosen), None)
        if named is not None:
            return named
    return next((phase for phase in ordered_phases(workspace) if phase.status not in DECIDED), None)
