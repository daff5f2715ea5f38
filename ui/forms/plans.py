"""Form fields for problems, CSFs, phases, initiatives and surveys."""

from __future__ import annotations

from briefing.model.entities import RISKS
from ui.forms.fields import Field, Options, field
from ui.models.plans import SOURCES, STATUSES


def problem_fields() -> list[Field]:
    return [field("process"), field("title"), field("description", "multiline"), field("impact", "multiline"),
            field("severity", "score"), field("evidence", "multiline")]


def csf_fields() -> list[Field]:
    return [field("title"), field("description", "multiline")]


def phase_fields() -> list[Field]:
    return [
        field("name"),
        field("start", "date"),
        field("end", "date"),
        field("risk", "choice", choices=RISKS, choice_key="term.risk"),
        field("cost", "float"),
        field("objectives", "list"),
        field("deliverables", "list"),
    ]


def initiative_fields(people: Options) -> list[Field]:
    return [
        field("title"),
        field("sponsor_id", "ref", options=people),
        field("status", "choice", choices=STATUSES, choice_key="term.initiative_status"),
        field("budget", "float"),
        field("start", "date"),
        field("end", "date"),
    ]


def survey_fields(people: Options) -> list[Field]:
    return [
        field("title"),
        field("date", "date"),
        field("sponsor_id", "ref", options=people),
        field("source", "choice", choices=SOURCES, choice_key="term.survey_source"),
        field("findings", "list"),
    ]
