"""Ally cadence: who of the allies should have been talked to by now.

An ally is a stakeholder with stance supporter or champion; ``cadence_days`` says how often
they should be talked to. The rule, exactly:

- the clock starts at the ally's last dialogue on or before today (dialogues dated later are
  plans, not contact); an ally never talked to counts from the campaign's start;
- ``due`` = that date + ``cadence_days``;
- before ``due`` the ally is **ok**, on ``due`` itself **due** (talk to them today, not late
  yet), from the day after **overdue**; ``days_overdue`` = today − due (negative: days left);
- an ally never talked to in a campaign without a start date is overdue, with no day count,
  and comes first in the overdue list.

The overdue list is sorted most overdue first, ties by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from briefing.guide.days import Today, as_day
from briefing.model.entities import Stakeholder, Workspace

CadenceState = Literal["ok", "due", "overdue"]


@dataclass(frozen=True)
class CadenceStatus:
    """Where one ally stands against their cadence on a given day."""

    stakeholder: Stakeholder
    last_dialogue: dt.date | None
    """The latest dialogue on or before today; None when never talked to."""
    since: dt.date | None
    """Where the clock starts: the last dialogue, else the campaign start, else None."""
    due: dt.date | None
    days_overdue: int | None
    """today − due: positive when overdue, 0 on the due day, negative = days left; None if unknown."""
    state: CadenceState

    @property
    def engaged(self) -> bool:
        """Talked to at least once and not overdue: the ally counts as engaged within cadence."""
        return self.last_dialogue is not None and self.state != "overdue"


def last_dialogues(workspace: Workspace, today: dt.date) -> dict[str, dt.date]:
    """Each stakeholder's latest dialogue date on or before ``today``."""
    latest: dict[str, dt.date] = {}
    for dialogue in workspace.dialogues:
        if dialogue.date <= today and dialogue.date > latest.get(dialogue.stakeholder_id, dt.date.min):
            latest[dialogue.stakeholder_id] = dialogue.date
    return latest


def status(stakeholder: Stakeholder, last: dt.date | None, started: dt.date | None, today: dt.date) -> CadenceStatus:
    """The cadence status of ``stakeholder`` on ``today`` (see the module docstring for the rule)."""
    since = last or started
    if since is None:
        return CadenceStatus(stakeholder, None, None, None, None, "overdue")
    due = since + dt.timedelta(days=stakeholder.cadence_days)
    days = (today - due).days
    state: CadenceState = "ok" if days < 0 else "due" if days == 0 else "overdue"
    return CadenceStatus(stakeholder, last, since, due, days, state)


def ally_cadence(workspace: Workspace, today: Today, latest: dict[str, dt.date] | None = None) -> list[CadenceStatus]:
    """The cadence status of every ally, in the register's order (``latest``: ``last_dialogues`` when
    the caller has it already)."""
    day = as_day(today)
    latest = last_dialogues(workspace, day) if latest is None else latest
    started = workspace.campaign.started
    return [status(s, latest.get(s.id), started, day) for s in workspace.stakeholders if s.is_ally]


def overdue(workspace: Workspace, today: Today) -> list[CadenceStatus]:
    """The allies past their cadence, most overdue first (never talked to without a start: first)."""
    late = [s for s in ally_cadence(workspace, today) if s.state == "overdue"]
    return sorted(late, key=_lateness)


def due_today(workspace: Workspace, today: Today) -> list[CadenceStatus]:
    """The allies whose cadence runs out today: talk to them today and they stay on time."""
    return [s for s in ally_cadence(workspace, today) if s.state == "due"]


def _lateness(entry: CadenceStatus) -> tuple[int, int, str]:
    if entry.days_overdue is None:
        return (0, 0, entry.stakeholder.name.casefold())
    return (1, -entry.days_overdue, entry.stakeholder.name.casefold())
