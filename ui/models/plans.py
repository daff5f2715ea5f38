"""Columns of the problems, CSFs, initiatives, KPIs, measurements, surveys, questions and phases tables."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import QObject

from briefing.edits import UpdateItem
from briefing.evidence.kpis import effect
from briefing.i18n import Message, format_number
from briefing.model.entities import RISKS
from ui.models.collection import NestedTableModel
from ui.models.columns import Column, label_key
from ui.session import Session

STATUSES = ("idea", "planned", "running", "done", "stopped")
CATEGORIES = ("productivity", "quality", "time_saved", "mindset", "culture", "leadership_support")
DIRECTIONS = ("up", "down")
QUESTION_KINDS = ("likert", "single", "multi", "number", "text")
SOURCES = ("msforms", "googleforms", "surveymonkey", "manual")


def col(name: str, kind: str = "text", **extra: Any) -> Column:
    return Column(label_key(name), attrgetter(name), name, kind, **extra)


def read_only(header: str, get: Any, kind: str = "text", **extra: Any) -> Column:
    return Column(header, get, None, kind, **extra)


def problem_columns() -> list[Column]:
    return [col("process"), col("title"), col("severity", "int"), col("impact"), col("evidence")]


def csf_columns() -> list[Column]:
    count = read_only("pages.field.problem_count", lambda c: len(c.problem_ids), "int")
    return [col("title"), col("description"), count]


def phase_columns() -> list[Column]:
    return [
        col("name"),
        col("start", "date"),
        col("end", "date"),
        col("risk", "choice", choices=RISKS, choice_key="term.risk"),
        col("cost", "float"),
        col("objectives", "list"),
        col("deliverables", "list"),
    ]


def initiative_columns() -> list[Column]:
    return [
        col("title"),
        col("status", "choice", choices=STATUSES, choice_key="term.initiative_status"),
        col("budget", "float"),
        col("start", "date"),
        col("end", "date"),
        read_only("pages.field.kpi_count", lambda i: len(i.kpis), "int"),
    ]


def _pct(value: float | None) -> str:
    return "" if value is None else f"{format_number(value, decimals=0)} %"


def kpi_columns() -> list[Column]:
    return [
        col("name"),
        col("category", "choice", choices=CATEGORIES, choice_key="term.kpi_category"),
        col("unit"),
        col("direction", "choice", choices=DIRECTIONS, choice_key="term.direction"),
        col("baseline", "float"),
        col("target", "float"),
        read_only("pages.kpi.latest", lambda k: effect(k).latest, "float"),
        read_only("pages.kpi.improvement", lambda k: effect(k).improvement_pct, "float", show=_pct),
    ]


def measurement_columns() -> list[Column]:
    return [col("date", "date"), col("value", "float")]


def survey_columns() -> list[Column]:
    return [
        col("title"),
        col("date", "date"),
        col("source", "choice", choices=SOURCES, choice_key="term.survey_source"),
        read_only("pages.survey.responses", lambda s: len(s.responses), "int"),
        read_only("pages.survey.questions", lambda s: len(s.questions), "int"),
    ]


def question_columns() -> list[Column]:
    return [
        col("text"),
        col("kind", "choice", choices=QUESTION_KINDS, choice_key="term.question_kind"),
        col("scale", "list"),
    ]


class QuestionsModel(NestedTableModel):
    """A survey's questions; changing a question's kind converts its answers (``kinds.retype``)."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(session, "surveys", question_columns(), ("questions",), parent)

    def commit(self, old: Any, new: Any, text: Message) -> None:
        if old.kind == new.kind:
            super().commit(old, new, text)
            return
        from briefing.evidence.kinds import retype

        survey = self.owner()
        scale = new.scale if new.scale != old.scale else None
        self.session.do(UpdateItem("surveys", survey, retype(survey, old.id, new.kind, scale)), text)
