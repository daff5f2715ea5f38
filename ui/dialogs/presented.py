"""The record of a presentation: date, audience, attendees, outcome, objections, feedback, next steps.

The dialog only collects; ``submit`` (given by the caller) records it through the core and
raises InputError on bad input, which the dialog shows inline and stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.i18n import term, tr
from briefing.model.entities import OUTCOMES, Workspace
from ui.forms.form import message_label, show_message


@dataclass
class PresentationInput:
    """What the user entered; the core checks it when it records the presentation."""

    deck_file: Path
    date: dt.date
    audience: str
    outcome: str
    attendee_ids: list[str] = field(default_factory=list)
    objections: list[str] = field(default_factory=list)
    feedback: str = ""
    next_steps: list[str] = field(default_factory=list)
    next_attempt: dt.date | None = None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PresentedDialog(QDialog):
    """Mark the exported deck as presented; ``submit(PresentationInput)`` records it."""

    def __init__(
        self,
        workspace: Workspace,
        deck_file: Path,
        today: dt.date,
        submit: Callable[[PresentationInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._deck_file = deck_file
        self._submit = submit
        self.setWindowTitle(tr("shell.presented.title"))
        self.setObjectName("presented")
        self._build(workspace, today)

    def _build(self, workspace: Workspace, today: dt.date) -> None:
        self.date = QDateEdit(to_qdate(today), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.audience = QLineEdit(workspace.deck.audience or workspace.campaign.audience, self)
        self.outcome = QComboBox(self)
        for outcome in OUTCOMES:
            self.outcome.addItem(term("outcome", outcome), outcome)
        self.outcome.setCurrentIndex(self.outcome.findData("no_decision"))  # nothing claimed until the user says
        self.attendees = QListView(self)
        self.attendees.setModel(_attendee_model(workspace, self))
        self.attendees.setMaximumHeight(110)
        self.objections = QPlainTextEdit(self)
        self.feedback = QPlainTextEdit(self)
        self.next_steps = QPlainTextEdit(self)
        self.has_next = QCheckBox(tr("shell.presented.has_next"), self)
        self.next_attempt = QDateEdit(to_qdate(today + dt.timedelta(days=60)), self)
        self.next_attempt.setCalendarPopup(True)
        self.next_attempt.setDisplayFormat("yyyy-MM-dd")
        self.next_attempt.setEnabled(False)
        self.has_next.toggled.connect(self.next_attempt.setEnabled)
        self.error = message_label(self)
        self.error.setObjectName("error")
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        deck = QLabel(self._deck_file.name, self)
        deck.setToolTip(str(self._deck_file))
        rows: list[tuple[str, QWidget]] = [
            ("shell.presented.deck", deck),
            ("shell.presented.date", self.date),
            ("shell.presented.audience", self.audience),
            ("term.field.outcome", self.outcome),
            ("shell.presented.attendees", self.attendees),
            ("shell.presented.objections", self.objections),
            ("shell.presented.feedback", self.feedback),
            ("shell.presented.next_steps", self.next_steps),
            ("shell.presented.next_attempt", self._next_row()),
        ]
        for key, widget in rows:
            form.addRow(tr(key), widget)
            widget.setAccessibleName(tr(key))
        self.objections.setPlaceholderText(tr("shell.presented.one_per_line"))
        self.next_steps.setPlaceholderText(tr("shell.presented.one_per_line"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 640)

    def _next_row(self) -> QWidget:
        row = QWidget(self)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.has_next)
        layout.addWidget(self.next_attempt)
        return row

    def entered(self) -> PresentationInput:
        """What the dialog holds now."""
        return PresentationInput(
            deck_file=self._deck_file,
            date=from_qdate(self.date.date()),
            audience=self.audience.text(),
            outcome=str(self.outcome.currentData()),
            attendee_ids=_checked_ids(self.attendees.model()),  # type: ignore[arg-type]
            objections=_lines(self.objections.toPlainText()),
            feedback=self.feedback.toPlainText(),
            next_steps=_lines(self.next_steps.toPlainText()),
            next_attempt=from_qdate(self.next_attempt.date()) if self.has_next.isChecked() else None,
        )

    def on_buttons_accepted(self) -> None:
        try:
            self._submit(self.entered())
        except BriefingError as error:
            show_message(self.error, error.message())
            return
        self.accept()


def _attendee_model(workspace: Workspace, parent: QWidget) -> QStandardItemModel:
    """The stakeholders as checkable rows, decision makers first."""
    model = QStandardItemModel(parent)
    people = sorted(workspace.stakeholders, key=lambda s: (not s.decision_maker, s.name))
    for person in people:
        label = f"{person.name} — {person.role}" if person.role else person.name
        item = QStandardItem(label)
        item.setCheckable(True)
        item.setEditable(False)
        item.setData(person.id, Qt.ItemDataRole.UserRole)
        model.appendRow(item)
    return model


def _checked_ids(model: QStandardItemModel) -> list[str]:
    return [
        str(model.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(model.rowCount())
        if model.item(row).checkState() == Qt.CheckState.Checked
    ]
