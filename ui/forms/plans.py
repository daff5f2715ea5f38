"""Form fields for problems, CSFs, phases, initiatives, surveys and benefits."""

from __future__ import annotations

from typing import Any

from briefing.model.entities import Benefit, Csf, Initiative, Phase, Problem, Survey, Workspace
from ui.forms.fields import Field, Options, field


def problem_fields() -> list[Field]:
    return [field(Problem, name) for name in ("process", "title", "description", "impact", "severity", "evidence")]


def csf_fields() -> list[Field]:
    return [field(Csf, "title"), field(Csf, "description")]


def phase_fields() -> list[Field]:
    """A phase's own fields; its deliverables (each with an owner and a due date) have a table of their own."""
    return [field(Phase, name) for name in ("name", "status", "start", "end", "risk", "cost", "objectives", "outcome")]


def initiative_fields(people: Options) -> list[Field]:
    return [
        field(Initiative, "title"),
        field(Initiative, "sponsor_id", people),
        *(field(Initiative, name) for name in ("status", "budget", "start", "end")),
    ]


def survey_fields(people: Options) -> list[Field]:
    return [
        field(Survey, "title"),
        field(Survey, "date"),
        field(Survey, "sponsor_id", people),
        field(Survey, "source"),
        field(Survey, "findings"),
    ]


def benefit_fields(kpis: Options, initiatives: Options) -> list[Field]:
    return [
        *(field(Benefit, name) for name in ("title", "kind", "amount_per_year", "confidence")),
        field(Benefit, "initiative_id", initiatives),
        field(Benefit, "kpi_id", kpis),
        field(Benefit, "basis"),
    ]


def kpi_options(workspace: Workspace) -> list[tuple[Any, str]]:
    """Every KPI as a choice: its id, and its name with its initiative's title."""
    return [(k.id, f"{k.name} — {i.title}") for i in workspace.initiatives for k in i.kpis]
