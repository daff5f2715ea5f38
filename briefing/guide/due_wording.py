"""What is due, in words: what an item asks for, when, and where it comes from.

The same sentences serve the command line, the app's due list and the calendar's events.
"""

from __future__ import annotations

from briefing.guide.days import Day
from briefing.guide.due import DueItem
from briefing.i18n import Message, SharedTerm
from briefing.model.entities import Workspace


def what(item: DueItem) -> Message:
    """"Follow up with Anne: the budget", "Talk to Bo", "Next attempt: Executive management"; a step's text."""
    if item.kind == "next_step":
        return Message("due.what.next_step", {"text": item.what})
    if item.kind == "follow_up":
        key = "due.what.follow_up" if item.what else "due.what.follow_up_bare"
        return Message(key, {"name": item.who, "text": item.what})
    if item.kind == "cadence":
        return Message("due.what.cadence", {"name": item.who})
    return Message("due.what.next_attempt" if item.what else "due.what.next_attempt_bare", {"audience": item.what})


def when(item: DueItem) -> Message:
    """"3 days overdue", "today", "in 5 days", "no date"."""
    days = item.days_overdue
    if days is None:
        return Message("due.when.overdue" if item.overdue else "due.when.no_date")
    if days > 0:
        return Message("due.when.days_overdue", {"count": days})
    if days == 0:
        return Message("due.when.today")
    return Message("due.when.in_days", {"count": -days})


class Sources:
    """Where the items of one workspace come from, looked up by id (built once for a whole list)."""

    def __init__(self, workspace: Workspace) -> None:
        self.dialogues = {d.id: d for d in workspace.dialogues}
        self.people = {s.id: s for s in workspace.stakeholders}
        ordered = sorted(workspace.presentations, key=lambda p: p.date)  # numbered as the history numbers them
        self.attempts = {p.id: (number, p) for number, p in enumerate(ordered, start=1)}

    def where(self, item: DueItem) -> Message:
        """Where the item comes from: "Dialogue on 1 Nov 2026 (meeting)", "Attempt 2 on …", "Every 30 days"."""
        if item.kind == "follow_up":
            dialogue = self.dialogues[item.source_id]
            return Message("due.where.dialogue", {"date": Day(dialogue.date),
                                                  "channel": SharedTerm("channel", dialogue.channel, lower=True)})
        if item.kind == "cadence":
            return Message("due.where.cadence", {"count": self.people[item.source_id].cadence_days})
        number, presentation = self.attempts[item.source_id]
        return Message("due.where.attempt", {"number": number, "date": Day(presentation.date)})


def where(item: DueItem, workspace: Workspace) -> Message:
    """Where one item comes from (for a whole list, ask one ``Sources``)."""
    return Sources(workspace).where(item)
