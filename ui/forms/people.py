"""Form fields for stakeholders, dialogues and external references (every field of DATA-MODEL.md)."""

from __future__ import annotations

from briefing.model.entities import STANCES
from ui.forms.fields import Field
from ui.models.columns import label_key
from ui.models.people import CHANNELS, REFERENCE_KINDS


def _f(name: str, kind: str = "text", **extra: object) -> Field:
    return Field(name, label_key(name), kind, **extra)  # type: ignore[arg-type]


def stakeholder_fields() -> list[Field]:
    return [
        _f("name"),
        _f("role"),
        _f("department"),
        _f("stance", "choice", choices=STANCES, choice_key="term.stance"),
        _f("influence", "score"),
        _f("interest", "score"),
        _f("drive", "score"),
        _f("foresight", "score"),
        _f("activities", "multiline"),
        _f("budget_holder", "bool"),
        _f("decision_maker", "bool"),
        _f("cadence_days", "int", low=1, high=3650),
        _f("tags", "tags"),
        _f("notes", "multiline"),
    ]


def dialogue_fields() -> list[Field]:
    return [
        _f("date", "date"),
        _f("channel", "choice", choices=CHANNELS, choice_key="term.channel"),
        _f("summary", "multiline"),
        _f("problems_learned", "list"),
        _f("references_shared", "int", low=0, high=999),
        _f("follow_up", "date"),
    ]


def reference_fields() -> list[Field]:
    return [
        _f("title"),
        _f("publisher"),
        _f("url"),
        _f("year", "optint"),
        _f("kind", "choice", choices=REFERENCE_KINDS, choice_key="term.reference_kind"),
    ]
