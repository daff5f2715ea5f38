"""The attempts of the presentation history as a read-only table, sortable and searchable through
``SearchProxy`` (each column gives a sort key of one type)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from briefing.guide.history import Attempt
from briefing.i18n import format_date, term, tr
from briefing.model.entities import OUTCOMES
from ui.models.collection import SORT_ROLE

COLUMNS = ("number", "date", "audience", "outcome", "objections", "next_attempt")
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
"""What a search looks in: the row's texts, and in the first column also what the attempt's record
says (objections, answers, feedback, next steps) — a search for an objection finds its attempt."""
Index = QModelIndex | QPersistentModelIndex


class AttemptsModel(QAbstractTableModel):
    """Rows: the attempts in the order they were made (row ``n`` is attempt ``n + 1``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.attempts: tuple[Attempt, ...] = ()

    def set_attempts(self, attempts: Sequence[Attempt]) -> None:
        self.beginResetModel()
        self.attempts = tuple(attempts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.attempts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return header(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        attempt = self.attempts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells(attempt)[index.column()]
        if role == SORT_ROLE:
            return sort_keys(attempt)[index.column()]
        if role == SEARCH_ROLE:
            return record_text(attempt) if index.column() == 0 else cells(attempt)[index.column()]
        return None


def header(name: str) -> str:
    """A column's title; the outcome is the shared term."""
    return term("field", "outcome") if name == "outcome" else tr(f"shell.history.col.{name}")


def cells(attempt: Attempt) -> list[str]:
    """The attempt's row as the user reads it."""
    p = attempt.presentation
    opened = attempt.still_open
    return [
        str(attempt.number),
        format_date(p.date, short=True),
        p.audience,
        term("outcome", p.outcome),
        tr("shell.history.objection_counts", open=opened, answered=len(p.objections) - opened),
        format_date(p.next_attempt, short=True) if p.next_attempt else "",
    ]


def sort_keys(attempt: Attempt) -> list[Any]:
    """One key per column, of one type per column: numbers as numbers, dates in their order, the
    outcomes from approved to no decision, the objections by how many are still open."""
    p = attempt.presentation
    return [
        attempt.number,
        p.date.isoformat(),
        p.audience.casefold(),
        OUTCOMES.index(p.outcome),
        attempt.still_open * 1000 + len(p.objections),
        p.next_attempt.isoformat() if p.next_attempt else "",
    ]


def record_text(attempt: Attempt) -> str:
    """Everything the attempt's record says in words, for the search."""
    p = attempt.presentation
    answers = [text for o in p.objections for text in (o.text, o.answer)]
    return "\n".join([str(attempt.number), *answers, p.feedback, *(step.text for step in p.next_steps)])

