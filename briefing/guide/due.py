"""What is due: one list, soonest first, of what was promised and what the method asks for next.

Four kinds of item, each with its date, what, who and where it comes from:

- **follow_up**: a dialogue's ``follow_up`` date, until the person is talked to again (a dialogue
  with the same stakeholder dated after that dialogue and on or before today);
- **next_step**: a presentation's next step not yet done, on its ``due`` date (a step without one
  stands at the end of the list);
- **cadence**: an ally due or overdue for their cadence (``briefing.guide.cadence``), on the day
  their cadence ran out (an ally never talked to in a campaign without a start: no date, first);
- **next_attempt**: the latest presentation's ``next_attempt``.

An item dated before today is **overdue** (``days_overdue`` = today − date). The list is sorted
soonest first: the undated overdue allies, then by date, then the undated next steps; ties keep
the kinds' order above, then the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from briefing.guide.cadence import CadenceStatus, ally_cadence, last_dialogues
from briefing.guide.days import Today, as_day
from briefing.model.entities import Dialogue, Presentation, Workspace
from briefing.model.queries import latest_presentation

DueKind = Literal["follow_up", "next_step", "cadence", "next_attempt"]
DUE_KINDS: tuple[DueKind, ...] = ("follow_up", "next_step", "cadence", "next_attempt")
SOURCE_OF: dict[DueKind, str] = {"follow_up": "dialogues", "next_step": "presentations",
                                 "cadence": "stakeholders", "next_attempt": "presentations"}
"""The collection each kind of item lives in."""


@dataclass(frozen=True)
class DueItem:
    """One thing that is due: when, what, who, and where it lives in the workspace."""

    kind: DueKind
    day: dt.date | None
    what: str
    """The dialogue's summary, the step's text, the ally's name, the presentation's audience."""
    who: str
    """The person's name (follow-up, cadence) or the step's owner; empty for the next attempt."""
    source_id: str
    """The id of the dialogue, presentation or stakeholder it comes from (see ``SOURCE_OF``)."""
    index: int | None = None
    """A next step's place in its presentation's list."""
    stakeholder_id: str | None = None
    today: dt.date | None = None

    @property
    def source(self) -> str:
        """The collection the item lives in."""
        return SOURCE_OF[self.kind]

    @property
    def key(self) -> str:
        """The item's id within the workspace: kind, source id and (a step) its place."""
        suffix = f"-{self.index}" if self.index is not None else ""
        return f"{self.kind}-{self.source_id}{suffix}"

    @property
    def days_overdue(self) -> int | None:
        """today − the date: positive when overdue; None without a date."""
        if self.day is None or self.today is None:
            return None
        return (self.today - self.day).days

    @property
    def overdue(self) -> bool:
        """Past its date; an ally never talked to in a campaign without a start is overdue too."""
        if self.day is None:
            return self.kind == "cadence"
        return (self.days_overdue or 0) > 0


def due(workspace: Workspace, today: Today) -> list[DueItem]:
    """Everything that is due on ``today`` or before it, or planned after it, soonest first."""
    day = as_day(today)
    latest = last_dialogues(workspace, day)
    allies = [s for s in ally_cadence(workspace, day, latest) if s.state != "ok"]
    items = [*follow_ups(workspace, day, latest), *next_steps(workspace, day), *cadence_items(allies, day),
             *next_attempt(workspace, day)]
    return sorted(items, key=_order)


def follow_ups(workspace: Workspace, today: dt.date, latest: dict[str, dt.date] | None = None) -> list[DueItem]:
    """The dialogues' follow-ups not yet answered by a later contact with the same person (``latest``:
    each person's last contact on or before today, when the caller has it)."""
    names = {s.id: s.name for s in workspace.stakeholders}
    latest = last_dialogues(workspace, today) if latest is None else latest
    return [_follow_up(d, names.get(d.stakeholder_id, ""), today) for d in workspace.dialogues
            if d.follow_up is not None and latest.get(d.stakeholder_id, d.date) <= d.date]


def _follow_up(dialogue: Dialogue, name: str, today: dt.date) -> DueItem:
    return DueItem("follow_up", dialogue.follow_up, first_line(dialogue.summary), name, dialogue.id,
                   stakeholder_id=dialogue.stakeholder_id, today=today)


def next_steps(workspace: Workspace, today: dt.date, dated_only: bool = False) -> list[DueItem]:
    """The presentations' next steps not yet done (``dated_only``: those with a due date)."""
    return [DueItem("next_step", step.due, step.text, step.owner, p.id, index=index, today=today)
            for p in workspace.presentations for index, step in enumerate(p.next_steps)
            if not step.done and (step.due is not None or not dated_only)]


def cadence_items(allies: list[CadenceStatus], today: dt.date) -> list[DueItem]:
    """The allies as items on the day their cadence runs out."""
    return [DueItem("cadence", a.due, a.stakeholder.name, a.stakeholder.name, a.stakeholder.id,
                    stakeholder_id=a.stakeholder.id, today=today) for a in allies]


def next_attempt(workspace: Workspace, today: dt.date) -> list[DueItem]:
    """The next attempt the latest presentation agreed on, if it set one."""
    latest = latest_presentation(workspace)
    if latest is None or latest.next_attempt is None:
        return []
    return [DueItem("next_attempt", latest.next_attempt, latest.audience, "", latest.id, today=today)]


def step_done(workspace: Workspace, item: DueItem) -> tuple[Presentation, Presentation]:
    """The presentation that holds the next step ``item``, and a copy of it with that step done (an edit)."""
    presentation = next(p for p in workspace.presentations if p.id == item.source_id)
    assert item.kind == "next_step" and item.index is not None
    steps = list(presentation.next_steps)
    steps[item.index] = dataclasses.replace(steps[item.index], done=True)
    return presentation, dataclasses.replace(presentation, next_steps=steps)


def first_line(text: str, limit: int = 80) -> str:
    """The first line of ``text``, cut at ``limit`` characters with an ellipsis."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _order(item: DueItem) -> tuple[int, dt.date, int, str]:
    group = 1 if item.day is not None else 0 if item.overdue else 2
    return (group, item.day or dt.date.min, DUE_KINDS.index(item.kind), item.what.casefold())
