"""The mapping dialog: when a survey file's layout is not recognised, the user says which column
holds the time of each answer, which are questions and which to ignore.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.i18n import tr
from ui.forms.form import message_label, show_message
from ui.forms.panel import ChoiceDelegate
from ui.models.mapping import ROLES, MappingModel

AnyIndex = QModelIndex | QPersistentModelIndex
SEPARATORS = ("", ";", ", ")


def use_choices(_index: AnyIndex) -> list[tuple[str, Any]]:
    """The uses a column can have (time of answer, question, ignore), labelled."""
    return [(tr(f"pages.mapping.{use}"), use) for use in ROLES]


class MappingDialog(QDialog):
    """Shows each column of ``table`` with an example and lets the user choose its use."""

    def __init__(self, table: Any, proposed: Any, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        names, examples = _columns(table)
        uses = [_use(name, letter, proposed) for name, letter in zip(names, _letters(len(names)), strict=True)]
        self.model = MappingModel(names, examples, uses, self)
        self._build(file_name, proposed)

    def _build(self, file_name: str, proposed: Any) -> None:
        self.setWindowTitle(tr("pages.mapping.title", file=file_name))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("pages.mapping.intro", file=file_name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(2, ChoiceDelegate(use_choices, self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setAccessibleName(tr("pages.mapping.columns"))
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view)
        form = QFormLayout()
        self.header_rows = QSpinBox(self)
        self.header_rows.setRange(1, 2)
        self.header_rows.setValue(int(getattr(proposed, "header_rows", 1) or 1))
        self.header_rows.setAccessibleName(tr("pages.mapping.header_rows"))
        form.addRow(tr("pages.mapping.header_rows") + ":", self.header_rows)
        self.separator = QComboBox(self)
        for separator in SEPARATORS:
            self.separator.addItem(tr(f"pages.mapping.separator.{SEPARATORS.index(separator)}"), separator)
        self.separator.setCurrentIndex(max(0, self.separator.findData(getattr(proposed, "multi_separator", ""))))
        self.separator.setAccessibleName(tr("pages.mapping.separator"))
        form.addRow(tr("pages.mapping.separator") + ":", self.separator)
        layout.addLayout(form)
        self.message = message_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("pages.mapping.import"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("pages.mapping.cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 460)

    def set_use(self, column_name: str, use: str) -> None:
        """Use the column named ``column_name`` as ``use`` (timestamp, question or ignore)."""
        self.model.set_use(self.model.names.index(column_name), use)

    def accept(self) -> None:
        if not self.model.columns_used_as("question"):
            show_message(self.message, tr("pages.mapping.no_question"))
            return
        super().accept()

    def mapping(self) -> Any:
        """The ColumnMapping the user chose."""
        from briefing.evidence.layouts import ColumnMapping

        stamps = self.model.columns_used_as("timestamp")
        return ColumnMapping(
            timestamp=stamps[0] if stamps else None,
            questions=self.model.columns_used_as("question"),
            ignore=self.model.columns_used_as("ignore"),
            header_rows=self.header_rows.value(),
            multi_separator=str(self.separator.currentData() or ""),
        )


def _letters(count: int) -> list[str]:
    from briefing.evidence.readers import column_letter

    return [column_letter(i) for i in range(count)]


def _columns(table: Any) -> tuple[list[str], list[str]]:
    """Each column's name (its unique header, else its letter) and a first non-empty example."""
    from briefing.evidence.readers import text_of

    header = table.header(0)
    width = max(table.width, len(header))
    letters = _letters(width)
    names = []
    for i in range(width):
        text = header[i] if i < len(header) else ""
        unique = text and sum(1 for h in header if h.strip().casefold() == text.strip().casefold()) == 1
        names.append(text if unique and "," not in text and ";" not in text else letters[i])
    examples = []
    for i in range(width):
        values = [text_of(row[i]) for row in table.rows[1:] if i < len(row) and row[i] is not None]
        examples.append(next((v for v in values if v), ""))
    return names, examples


def _use(name: str, letter: str, proposed: Any) -> str:
    if proposed is None:
        return "question"
    if proposed.timestamp in (name, letter):
        return "timestamp"
    if name in proposed.ignore or letter in proposed.ignore:
        return "ignore"
    if proposed.questions and name not in proposed.questions and letter not in proposed.questions:
        return "ignore"
    return "question"
