"""The columns of a survey file and what each is used as, for the mapping dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from briefing.i18n import tr

AnyIndex = QModelIndex | QPersistentModelIndex
ROLES = ("timestamp", "question", "ignore")
HEADERS = ("pages.mapping.column", "pages.mapping.example", "pages.mapping.use")


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its name, an example value, and its use (editable)."""

    def __init__(self, names: list[str], examples: list[str], uses: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.examples = examples
        self.uses = uses

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (self.names[row], self.examples[row], tr(f"pages.mapping.{self.uses[row]}"))[column]
        if role == Qt.ItemDataRole.EditRole and column == 2:
            return self.uses[row]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return tr(HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 2 or role != Qt.ItemDataRole.EditRole or value not in ROLES:
            return False
        self.set_use(index.row(), str(value))
        return True

    def set_use(self, row: int, use: str) -> None:
        """Use column ``row`` as ``use``; there is only one timestamp, so a former one becomes a question."""
        if use == "timestamp":
            for other, current in enumerate(self.uses):
                if current == "timestamp" and other != row:
                    self.uses[other] = "question"
                    self.dataChanged.emit(self.index(other, 2), self.index(other, 2))
        self.uses[row] = use
        self.dataChanged.emit(self.index(row, 2), self.index(row, 2))

    def columns_used_as(self, use: str) -> list[str]:
        return [name for name, current in zip(self.names, self.uses, strict=True) if current == use]
