"""Form fields for stakeholders, dialogues and external references (every field of DATA-MODEL.md)."""

from __future__ import annotations

from briefing.model.entities import Dialogue, Reference, Stakeholder
from ui.forms.fields import Field, field


def stakeholder_fields() -> list[Field]:
    names = ("name", "role", "department", "stance", "influence", "interest", "drive", "foresight", "activities",
             "budget_holder", "decision_maker", "named_in_decks", "cadence_days", "tags", "notes")
    return [field(Stakeholder, name) for name in names]


def dialogue_fields() -> list[Field]:
    names = ("date", "channel", "summary", "problems_learned", "references_shared", "follow_up")
    return [field(Dialogue, name) for name in names]


def reference_fields() -> list[Field]:
    return [field(Reference, name) for name in ("title", "publisher", "url", "year", "kind")]
