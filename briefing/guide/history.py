"""The presentation history: attempts in date order, the outcome over time, what changed between them.

What "changed between attempts" means, for attempt n (the interval after attempt n−1, or from
the start of the campaign for the first, up to and including attempt n's date):

- **objections raised**: those recorded with attempt n;
- **objections answered**: the objections that attempt n's deck answered — ``answered_in`` names
  the presentation, set by ``record_presentation``; an objection answered without it (entered by
  hand, or from an older workspace) counts as answered by the attempt right after the one that
  raised it;
- **allies engaged**: allies (stance supporter/champion today) with a dialogue in the interval;
- **allies gained**: allies whose first dialogue ever falls in the interval. Stances have no
  history, so the first conversation stands for the moment an ally joined;
- **KPIs moved**: KPIs whose latest measurement up to attempt n differs from the latest up to
  attempt n−1; ``before``/``after`` are each KPI's effect with the measurements up to each date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from briefing.evidence.kpis import KpiEffect, effect, measured_until
from briefing.guide.presenting import sha256_of
from briefing.model.entities import Kpi, Outcome, Presentation, Workspace
from briefing.store import WorkspaceStore


@dataclass(frozen=True)
class KpiMove:
    """A KPI's effect measured up to the previous attempt and up to this one."""

    initiative_id: str
    initiative: str
    kpi: Kpi
    before: KpiEffect
    after: KpiEffect

    @property
    def improvement_change(self) -> float | None:
        """How much the improvement against baseline grew (in the KPI's unit); None when unknown."""
        if self.after.improvement is None:
            return None
        return self.after.improvement - (self.before.improvement or 0.0)


@dataclass(frozen=True)
class Changes:
    """What happened between the previous attempt (``since``, exclusive) and this one (``until``)."""

    since: dt.date | None
    until: dt.date
    objections_raised: tuple[str, ...]
    objections_answered: tuple[str, ...]
    allies_engaged: tuple[str, ...]
    """Stakeholder ids."""
    allies_gained: tuple[str, ...]
    """Stakeholder ids."""
    kpis_moved: tuple[KpiMove, ...]


@dataclass(frozen=True)
class Attempt:
    """One presentation, numbered from 1 in date order."""

    number: int
    presentation: Presentation
    changes: Changes

    @property
    def date(self) -> dt.date:
        return self.presentation.date

    @property
    def outcome(self) -> Outcome:
        return self.presentation.outcome

    @property
    def still_open(self) -> int:
        """How many of the objections raised at this attempt are not answered yet."""
        return sum(o.status == "open" for o in self.presentation.objections)


@dataclass(frozen=True)
class History:
    attempts: tuple[Attempt, ...]

    @property
    def latest(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def succeeded(self) -> bool:
        """True once an attempt was approved."""
        return any(a.outcome == "approved" for a in self.attempts)

    def outcomes(self) -> list[tuple[int, dt.date, Outcome]]:
        """The outcome over time: (number, date, outcome) per attempt."""
        return [(a.number, a.date, a.outcome) for a in self.attempts]


@dataclass(frozen=True)
class ArchiveProblem:
    """An archived deck that is missing or no longer matches the checksum recorded with it."""

    number: int
    presentation_id: str
    path: Path
    expected: str
    actual: str | None
    """The file's SHA-256 now; None when the file is missing."""


def history(workspace: Workspace) -> History:
    """The attempts of ``workspace`` in date order (ties: the order they were recorded in)."""
    ordered = sorted(workspace.presentations, key=lambda p: p.date)
    attempts = []
    for index, presentation in enumerate(ordered):
        previous = ordered[index - 1] if index else None
        attempts.append(Attempt(index + 1, presentation, _changes(workspace, previous, presentation)))
    return History(tuple(attempts))


def _changes(ws: Workspace, previous: Presentation | None, current: Presentation) -> Changes:
    since = previous.date if previous else None
    answered = tuple(
        o.text
        for p in ws.presentations
        for o in p.objections
        if o.status == "answered"
        and (o.answered_in == current.id or (not o.answered_in and previous is not None and p.id == previous.id))
    )
    engaged, gained = _allies(ws, since, current.date)
    return Changes(
        since, current.date, tuple(o.text for o in current.objections), answered, engaged, gained,
        tuple(_kpi_moves(ws, since, current.date)),
    )


def _inside(day: dt.date, since: dt.date | None, until: dt.date) -> bool:
    return (since is None or day > since) and day <= until


def _allies(ws: Workspace, since: dt.date | None, until: dt.date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    allies = [s.id for s in ws.stakeholders if s.is_ally]
    dates: dict[str, list[dt.date]] = {sid: [] for sid in allies}
    for dialogue in ws.dialogues:
        if dialogue.stakeholder_id in dates:
            dates[dialogue.stakeholder_id].append(dialogue.date)
    engaged = tuple(sid for sid in allies if any(_inside(d, since, until) for d in dates[sid]))
    gained = tuple(sid for sid in allies if dates[sid] and _inside(min(dates[sid]), since, until))
    return engaged, gained


def _kpi_moves(ws: Workspace, since: dt.date | None, until: dt.date) -> list[KpiMove]:
    moves = []
    for initiative in ws.initiatives:
        for kpi in initiative.kpis:
            before = effect(measured_until(kpi, since))
            after = effect(measured_until(kpi, until))
            if after.latest is not None and after.latest != before.latest:
                moves.append(KpiMove(initiative.id, initiative.title, kpi, before, after))
    return moves


def verify_archive(store: WorkspaceStore) -> list[ArchiveProblem]:
    """Re-hash every archived deck; the ones missing or changed since they were recorded."""
    problems = []
    for attempt in history(store.workspace).attempts:
        presentation = attempt.presentation
        if not presentation.deck_file:
            continue
        path = archived_path(store, presentation)
        actual = sha256_of(path) if path.is_file() else None
        if actual != presentation.deck_sha256:
            problems.append(ArchiveProblem(attempt.number, presentation.id, path, presentation.deck_sha256, actual))
    return problems


def archived_path(store: WorkspaceStore, presentation: Presentation) -> Path:
    """Where the deck of ``presentation`` is: its recorded path, relative to the workspace folder."""
    path = Path(presentation.deck_file)
    if path.is_absolute() or store.folder is None:
        return path
    return store.folder / path
