"""Columns of the people tables: stakeholders, their dialogues, and external references."""

from __future__ import annotations

from briefing.model.entities import Dialogue, Reference, Stakeholder
from ui.models.columns import Column, field_column


def stakeholder_columns() -> list[Column]:
    """Everything of a stakeholder that fits a row; activities and notes live in the form."""
    names = ("name", "role", "department", "stance", "influence", "interest", "drive", "foresight", "budget_holder",
             "decision_maker", "cadence_days", "tags", "named_in_decks")
    return [field_column(Stakeholder, name) for name in names]


def dialogue_columns() -> list[Column]:
    names = ("date", "channel", "summary", "problems_learned", "references_shared", "follow_up")
    return [field_column(Dialogue, name) for name in names]


def reference_columns() -> list[Column]:
    return [field_column(Reference, name) for name in ("title", "publisher", "year", "kind", "url")]
