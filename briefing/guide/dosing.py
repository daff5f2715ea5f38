"""Leadership dosing: contact decision makers consistently, but not too often, and without a flood of links.

The rule, exactly (W = ``GuideSettings.leadership_window_days``):

- the window on day T holds the contacts with decision makers dated T−W+1 … T (W days, today
  included; later-dated dialogues are plans and do not count); a contact dated D therefore
  leaves the window on day D+W;
- a contact is a dialogue, or a presentation a decision maker attended (one contact per attendee
  on its date, none when a dialogue with them that day records it; see
  ``briefing.model.queries.leadership_contacts``);
- contacts = those dialogues; references = the sum of their ``references_shared``;
- the status is **ok** while contacts ≤ ``max_leadership_contacts`` and references ≤
  ``max_leadership_references``, else **give_air**;
- "give them air until DATE": the first day on which, with no new contact, both counts are back
  within their limits; on that day the status is ok again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from briefing.guide.days import Today, as_day
from briefing.model.entities import Dialogue, GuideSettings, Workspace
from briefing.model.queries import leadership_contacts

DoseStatus = Literal["ok", "give_air"]


@dataclass(frozen=True)
class Dose:
    """Contacts with and references sent to decision makers within the recent window."""

    today: dt.date
    window_days: int
    window_start: dt.date
    """The first day inside the window."""
    contacts: tuple[Dialogue, ...]
    """The contacts with decision makers inside the window (dialogues and presentations attended), oldest first."""
    references: int
    max_contacts: int
    max_references: int
    air_until: dt.date | None
    """The first day the window is back within the limits; None when it is already."""

    @property
    def status(self) -> DoseStatus:
        return "ok" if self.air_until is None else "give_air"

    @property
    def contacts_left(self) -> int:
        """How many more contacts the window takes before leadership needs air (negative: over)."""
        return self.max_contacts - len(self.contacts)

    @property
    def references_left(self) -> int:
        return self.max_references - self.references


def dose(workspace: Workspace, today: Today, settings: GuideSettings | None = None) -> Dose:
    """The leadership dose on ``today`` under ``settings`` (default: the workspace's)."""
    settings = settings or workspace.guide
    day = as_day(today)
    window = settings.leadership_window_days
    start = day - dt.timedelta(days=window - 1)
    inside = tuple(d for d in leadership_contacts(workspace, day) if d.date >= start)
    references = sum(d.references_shared for d in inside)
    air = _air_until(inside, window, settings.max_leadership_contacts, settings.max_leadership_references)
    return Dose(day, window, start, inside, references, settings.max_leadership_contacts,
                settings.max_leadership_references, air)


def _air_until(inside: tuple[Dialogue, ...], window: int, max_contacts: int, max_refs: int) -> dt.date | None:
    """The day the oldest dialogue that still breaks a limit leaves the window, or None."""
    newest_first = sorted(inside, key=lambda d: d.date, reverse=True)
    breaking: list[dt.date] = []
    if len(newest_first) > max_contacts:
        breaking.append(newest_first[max_contacts].date)
    total = 0
    for dialogue in newest_first:
        total += dialogue.references_shared
        if total > max_refs:
            breaking.append(dialogue.date)
            break
    if not breaking:
        return None
    return max(breaking) + dt.timedelta(days=window)
