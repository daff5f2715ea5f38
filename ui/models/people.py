"""Columns of the people tables: stakeholders, their dialogues, and external references."""

from __future__ import annotations

from operator import attrgetter

from briefing.model.entities import STANCES
from ui.models.columns import Column, label_key

CHANNELS = ("meeting", "call", "email", "workshop", "chat", "other")
REFERENCE_KINDS = ("analyst", "article", "internal", "other")


def _col(name: str, kind: str = "text", **extra: object) -> Column:
    return Column(label_key(name), attrgetter(name), name, kind, **extra)  # type: ignore[arg-type]


def stakeholder_columns() -> list[Column]:
    """Everything of a stakeholder that fits a row; activities and notes live in the form."""
    return [
        _col("name"),
        _col("role"),
        _col("department"),
        _col("stance", "choice", choices=STANCES, choice_key="term.stance"),
        _col("influence", "int"),
        _col("interest", "int"),
        _col("drive", "int"),
        _col("foresight", "int"),
        _col("budget_holder", "bool"),
        _col("decision_maker", "bool"),
        _col("cadence_days", "int"),
        _col("tags", "list"),
    ]


def dialogue_columns() -> list[Column]:
    return [
        _col("date", "date"),
        _col("channel", "choice", choices=CHANNELS, choice_key="term.channel"),
        _col("summary"),
        _col("problems_learned", "list"),
        _col("references_shared", "int"),
        _col("follow_up", "date"),
    ]


def reference_columns() -> list[Column]:
    return [
        _col("title"),
        _col("publisher"),
        _col("year", "int"),
        _col("kind", "choice", choices=REFERENCE_KINDS, choice_key="term.reference_kind"),
        _col("url"),
    ]
