"""The open objections the next deck must answer, with their answers editable (each edit undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from briefing.errors import BriefingError
from briefing.guide.objections import OpenObjection, answer_edit, open_objections
from briefing.i18n import Message, format_date, tr
from briefing.model.collections import PRESENTATIONS
from briefing.store import Change
from ui.models.collection import SORT_ROLE
from ui.session import Session

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("shell.objections.col.number", "shell.objections.col.date", "shell.objections.col.text",
           "shell.objections.col.answer")
ANSWER = 3


class OpenObjectionsModel(QAbstractTableModel):
    """Rows: ``open_objections(workspace)``, numbered as ``briefing answer`` takes them.

    Signals:
        failed(str): an answer could not be saved; the text says why.
    """

    failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[OpenObjection] = open_objections(session.workspace)
        session.changed.connect(self.on_session_changed)

    def on_session_changed(self, changes: list[Change]) -> None:
        if any(change.touches(PRESENTATIONS) for change in changes):
            self.reload()

    def reload(self) -> None:
        """Show the open objections anew: in place when the same ones are open (an answer was
        edited — the editor in the cell stays valid), else by a reset."""
        rows = open_objections(self.session.workspace)
        if _keys(rows) == _keys(self.rows):
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(HEADERS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        if role == SORT_ROLE:  # the number and the date in their order, the texts alphabetically
            return (index.row(), entry.presentation.date.isoformat(), entry.objection.text.casefold(),
                    entry.objection.answer.casefold())[index.column()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.AccessibleTextRole):
            return None
        values = (str(index.row() + 1), format_date(entry.presentation.date, short=True), entry.objection.text,
                  entry.objection.answer)
        if role == Qt.ItemDataRole.DisplayRole and index.column() == ANSWER and not entry.objection.answer:
            return tr("shell.objections.no_answer")
        return values[index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == ANSWER else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != ANSWER or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value or "")
        if text.strip() == self.rows[index.row()].objection.answer:
            return False
        try:
            edit = answer_edit(self.session.workspace, index.row() + 1, text)
            self.session.do(edit, Message("shell.objections.undo_text", {"number": index.row() + 1}))
        except BriefingError as error:
            self.failed.emit(str(error))
            return False
        return True


def _keys(rows: list[OpenObjection]) -> list[tuple[str, int]]:
    return [(row.presentation.id, row.index) for row in rows]
