"""Form fields for stakeholders, dialogues and external references (every field of DATA-MODEL.md)."""

from __future__ import annotations

from briefing.model.entities import STANCES
from ui.forms.fields import Field, field
from ui.models.people import CHANNELS, REFERENCE_KINDS


def stakeholder_fields() -> list[Field]:
    return [
        field("name"),
        field("role"),
        field("department"),
        field("stance", "choice", choices=STANCES, choice_key="term.stance"),
        field("influence", "score"),
        field("interest", "score"),
        field("drive", "score"),
        field("foresight", "score"),
        field("activities", "multiline"),
        field("budget_holder", "bool"),
        field("decision_maker", "bool"),
        field("cadence_days", "int", low=1, high=3650),
        field("tags", "tags"),
        field("notes", "multiline"),
    ]


def dialogue_fields() -> list[Field]:
    return [
        field("date", "date"),
        field("channel", "choice", choices=CHANNELS, choice_key="term.channel"),
        field("summary", "multiline"),
        field("problems_learned", "list"),
        field("references_shared", "int", low=0, high=999),
        field("follow_up", "date"),
    ]


def reference_fields() -> list[Field]:
    return [
        field("title"),
        field("publisher"),
        field("url"),
        field("year", "optint"),
        field("kind", "choice", choices=REFERENCE_KINDS, choice_key="term.reference_kind"),
    ]
