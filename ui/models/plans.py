"""Columns of the problems, CSFs, initiatives, KPIs, measurements, surveys, questions and phases tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from briefing.edits import UpdateItem
from briefing.evidence.kpis import effect
from briefing.i18n import Message, format_number
from briefing.model.collections import SURVEYS
from briefing.model.entities import (
    Benefit,
    Csf,
    Deliverable,
    Initiative,
    Kpi,
    Measurement,
    NextStep,
    Phase,
    Problem,
    Question,
    Survey,
)
from ui.models.collection import NestedTableModel
from ui.models.columns import Column, field_column
from ui.session import Session


def read_only(header: str, get: Any, kind: str = "text", **extra: Any) -> Column:
    return Column(header, get, None, kind, **extra)


def problem_columns() -> list[Column]:
    return [field_column(Problem, name) for name in ("process", "title", "severity", "impact", "evidence")]


def csf_columns() -> list[Column]:
    count = read_only("pages.field.problem_count", lambda c: len(c.problem_ids), "int")
    return [field_column(Csf, "title"), field_column(Csf, "description"), count]


def phase_columns() -> list[Column]:
    names = ("name", "status", "start", "end", "risk", "cost", "objectives")
    titles = read_only("term.field.deliverables", lambda p: [d.title for d in p.deliverables], "list")
    return [*(field_column(Phase, name) for name in names), titles]


def deliverable_columns() -> list[Column]:
    return [field_column(Deliverable, name) for name in ("title", "owner", "due")]


def next_step_columns() -> list[Column]:
    return [field_column(NextStep, name) for name in ("text", "owner", "due", "done")]


def initiative_columns() -> list[Column]:
    return [
        *(field_column(Initiative, name) for name in ("title", "status", "budget", "start", "end")),
        read_only("pages.field.kpi_count", lambda i: len(i.kpis), "int"),
    ]


def benefit_columns(name_of: Any) -> list[Column]:
    """A benefit's row; ``name_of(id)`` names the initiative and the KPI it is linked to."""
    return [
        *(field_column(Benefit, name) for name in ("title", "kind", "amount_per_year", "confidence")),
        read_only("term.field.initiative_id", lambda b: name_of(b.initiative_id)),
        read_only("term.field.kpi_id", lambda b: name_of(b.kpi_id)),
    ]


def _pct(value: float | None) -> str:
    return "" if value is None else f"{format_number(value, decimals=0)} %"


def kpi_columns() -> list[Column]:
    return [
        *(field_column(Kpi, name) for name in ("name", "category", "unit", "direction", "baseline", "target")),
        read_only("pages.kpi.latest", lambda k: effect(k).latest, "float"),
        read_only("pages.kpi.improvement", lambda k: effect(k).improvement_pct, "float", show=_pct),
    ]


def measurement_columns() -> list[Column]:
    return [field_column(Measurement, "date"), field_column(Measurement, "value")]


def survey_columns() -> list[Column]:
    return [
        *(field_column(Survey, name) for name in ("title", "date", "source")),
        read_only("pages.survey.responses", lambda s: len(s.responses), "int"),
        read_only("pages.survey.questions", lambda s: len(s.questions), "int"),
    ]


def question_columns() -> list[Column]:
    return [field_column(Question, name) for name in ("text", "kind", "scale")]


class QuestionsModel(NestedTableModel):
    """A survey's questions; changing a question's kind converts its answers (``kinds.retype``)."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, SURVEYS, question_columns(), ("questions",), parent)

    def commit(self, old: Any, new: Any, text: Message) -> None:
        if old.kind == new.kind:
            super().commit(old, new, text)
            return
        from briefing.evidence.kinds import retype

        survey = self.owner()
        scale = new.scale if new.scale != old.scale else None
        self.session.do(UpdateItem(SURVEYS, survey, retype(survey, old.id, new.kind, scale)), text)
