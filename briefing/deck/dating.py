"""Which date the deck carries, and why: the next deck is for the next meeting.

The rule, in order:

1. the date the user chose (the deck settings' ``date``, ``briefing export --date``);
2. else the next attempt agreed at the latest presentation, while it is today or later;
3. else today (nothing agreed, or the agreed date has passed).

Recording a presentation clears the date chosen for it (see ``briefing.guide.presenting``), so the
next deck moves on to the next attempt by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from briefing.i18n import Message, format_date
from briefing.model.entities import DeckSettings, Workspace
from briefing.model.queries import latest_presentation

DateReason = Literal["chosen", "next_attempt", "passed", "today"]


@dataclass(frozen=True)
class DeckDate:
    """The deck's date, why it is that one, and the meeting that agreed the next attempt (if any)."""

    day: dt.date
    reason: DateReason
    agreed_on: dt.date | None = None
    """The date of the presentation that set the next attempt (reasons ``next_attempt`` and ``passed``)."""
    agreed: dt.date | None = None
    """The next attempt that meeting agreed (reasons ``next_attempt`` and ``passed``)."""

    def explanation(self) -> Message:
        """Why the deck carries its date, in words: "9 February 2027: the next attempt agreed on …"."""
        return Message(f"deck.dating.{self.reason}", {"date": _Day(self.day), "agreed": _Day(self.agreed),
                                                      "agreed_on": _Day(self.agreed_on)})


@dataclass(frozen=True)
class _Day:
    day: dt.date | None

    def message(self, lang: str | None = None) -> str:
        return format_date(self.day, lang) if self.day else ""


def deck_date(workspace: Workspace, settings: DeckSettings | None, today: dt.date) -> DeckDate:
    """The date the deck for ``workspace`` carries under ``settings`` (default: the workspace's) on ``today``."""
    chosen = (settings or workspace.deck).date
    if chosen is not None:
        return DeckDate(chosen, "chosen")
    latest = latest_presentation(workspace)
    agreed = latest.next_attempt if latest is not None else None
    if latest is None or agreed is None or agreed <= latest.date:
        return DeckDate(today, "today")
    if agreed >= today:
        return DeckDate(agreed, "next_attempt", latest.date, agreed)
    return DeckDate(today, "passed", latest.date, agreed)
