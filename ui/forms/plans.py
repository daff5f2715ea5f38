"""Form fields for problems, CSFs, phases, initiatives and surveys."""

from __future__ import annotations

from typing import Any

from briefing.model.entities import RISKS
from ui.forms.fields import Field, Options
from ui.models.columns import label_key
from ui.models.plans import SOURCES, STATUSES


def f(name: str, kind: str = "text", **extra: Any) -> Field:
    return Field(name, label_key(name), kind, **extra)


def problem_fields() -> list[Field]:
    return [f("process"), f("title"), f("description", "multiline"), f("impact", "multiline"),
            f("severity", "score"), f("evidence", "multiline")]


def csf_fields() -> list[Field]:
    return [f("title"), f("description", "multiline")]


def phase_fields() -> list[Field]:
    return [
        f("name"),
        f("start", "date"),
        f("end", "date"),
        f("risk", "choice", choices=RISKS, choice_key="term.risk"),
        f("cost", "float"),
        f("objectives", "list"),
        f("deliverables", "list"),
    ]


def initiative_fields(people: Options) -> list[Field]:
    return [
        f("title"),
        f("sponsor_id", "ref", options=people),
        f("status", "choice", choices=STATUSES, choice_key="term.initiative_status"),
        f("budget", "float"),
        f("start", "date"),
        f("end", "date"),
    ]


def survey_fields(people: Options) -> list[Field]:
    return [
        f("title"),
        f("date", "date"),
        f("sponsor_id", "ref", options=people),
        f("source", "choice", choices=SOURCES, choice_key="term.survey_source"),
        f("findings", "list"),
    ]
