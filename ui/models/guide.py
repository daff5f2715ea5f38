"""Read-only tables computed by the method's rules: overdue allies, leadership contacts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from operator import attrgetter

from briefing.guide import cadence, dosing
from briefing.i18n import tr
from briefing.model.collections import CAMPAIGN, DIALOGUES, GUIDE, PRESENTATIONS, STAKEHOLDERS
from briefing.model.entities import Dialogue
from ui.models.collection import DerivedTableModel
from ui.models.columns import Column
from ui.session import Session


@dataclass(frozen=True)
class OverdueRow:
    id: str
    name: str
    role: str
    last: dt.date | None
    days: int | None


@dataclass(frozen=True)
class ContactRow:
    id: str
    date: dt.date
    name: str
    channel: str
    references: int
    summary: str


def _days(value: int | None) -> str:
    return tr("pages.overdue.never") if value is None else tr("pages.overdue.days", count=value)


def overdue_model(session: Session) -> DerivedTableModel:
    """The allies past their cadence, most overdue first (briefing.guide.cadence)."""

    def compute() -> list[OverdueRow]:
        late = cadence.overdue(session.workspace, session.store.clock)
        return [
            OverdueRow(s.stakeholder.id, s.stakeholder.name, s.stakeholder.role, s.last_dialogue, s.days_overdue)
            for s in late
        ]

    columns = [
        Column("term.field.name", attrgetter("name")),
        Column("term.field.role", attrgetter("role")),
        Column("pages.overdue.last", attrgetter("last"), kind="date"),
        Column("pages.overdue.late", attrgetter("days"), kind="int", show=_days),
    ]
    return DerivedTableModel(session, columns, compute, (STAKEHOLDERS, DIALOGUES, CAMPAIGN))


def contacts_model(session: Session) -> DerivedTableModel:
    """The contacts with decision makers inside the dosing window (dialogues, and presentations they
    attended), newest first."""

    def compute() -> list[ContactRow]:
        ws = session.workspace
        dose = dosing.dose(ws, session.store.clock)
        names = {s.id: s.name for s in ws.stakeholders}
        presented = {p.id for p in ws.presentations}

        def summary(d: Dialogue) -> str:
            return tr("pages.loop.presented_contact", audience=d.summary) if d.id in presented else d.summary

        rows = [
            ContactRow(d.id, d.date, names.get(d.stakeholder_id, ""), d.channel, d.references_shared, summary(d))
            for d in dose.contacts
        ]
        return rows[::-1]

    columns = [
        Column("term.field.date", attrgetter("date"), kind="date"),
        Column("term.field.name", attrgetter("name")),
        Column("term.field.channel", attrgetter("channel"), kind="choice", choice_key="term.channel"),
        Column("term.field.references_shared", attrgetter("references"), kind="int"),
        Column("term.field.summary", attrgetter("summary")),
    ]
    return DerivedTableModel(session, columns, compute, (STAKEHOLDERS, DIALOGUES, GUIDE, PRESENTATIONS))
