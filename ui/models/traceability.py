"""The traceability matrix: each CSF against the problems it solves and the initiatives and
phases that deliver it. Read-only cells with ticks; ``toggle`` links or unlinks as one undoable edit.

Rows are CSFs; columns are problems, then initiatives, then phases. Rows and columns follow the
workspace with precise insert/remove signals; ticks and headers with ``dataChanged`` /
``headerDataChanged``.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from briefing.guide.traceability import TARGETS, cell, toggled
from briefing.i18n import Message, tr
from briefing.model.collections import CSFS, Collection, Entity
from briefing.store import Change
from ui.session import Session

AnyIndex = QModelIndex | QPersistentModelIndex
TICK = "✓"
HEADER_WIDTH = 22
HEADER_LINES = 3
WATCHED = (CSFS, *TARGETS)


class TraceabilityModel(QAbstractTableModel):
    """CSF × (problem | initiative | phase), a tick where they are linked."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._rows: list[str] = self._row_keys()
        self._columns: list[tuple[Collection[Entity], str]] = self._column_keys()
        session.changed.connect(self.on_session_changed)

    def _row_keys(self) -> list[str]:
        return [c.id for c in self.session.workspace.csfs]

    def _column_keys(self) -> list[tuple[Collection[Entity], str]]:
        ws = self.session.workspace
        return [(target, item.id) for target in TARGETS for item in target.items(ws)]

    # -- reading -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def linked(self, row: int, column: int) -> bool:
        """True when the CSF of ``row`` and the item of ``column`` are linked."""
        found = cell(self.session.workspace, self._rows[row], *self._columns[column])
        return found is not None and found.linked

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return TICK if self.linked(index.row(), index.column()) else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            key = "pages.matrix.linked" if self.linked(index.row(), index.column()) else "pages.matrix.not_linked"
            return tr(key, csf=self._title(CSFS, self._rows[index.row()]), item=self._column_title(index.column()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("pages.matrix.toggle_tip")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self._title(CSFS, self._rows[section])
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._column_title(section) if role == Qt.ItemDataRole.ToolTipRole else self._header(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _title(self, collection: Collection[Entity], item_id: str) -> str:
        item = collection.find(self.session.workspace, item_id)
        if item is None:
            return ""
        return str(getattr(item, "title", None) or getattr(item, "name", ""))

    def _column_title(self, column: int) -> str:
        target, item_id = self._columns[column]
        return tr(f"pages.matrix.{target.name}", title=self._title(target, item_id))

    def _header(self, column: int) -> str:
        """The column's title wrapped on up to three short lines, so that many columns fit."""
        lines = textwrap.wrap(self._column_title(column), HEADER_WIDTH)
        if len(lines) > HEADER_LINES:
            lines = [*lines[: HEADER_LINES - 1], lines[HEADER_LINES - 1] + "…"]
        return "\n".join(lines)

    # -- editing -----------------------------------------------------------------------------

    def toggle(self, index: AnyIndex) -> None:
        """Link or unlink the CSF and the item at ``index`` (one step of undo)."""
        if not index.isValid():
            return
        found = cell(self.session.workspace, self._rows[index.row()], *self._columns[index.column()])
        if found is not None:
            key = "pages.undo.unlink" if found.linked else "pages.undo.link"
            self.session.do(toggled(found), Message(key))

    # -- following the session ------------------------------------------------------------------

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def on_session_changed(self, changes: list[Change]) -> None:
        if not any(change.touches(*WATCHED) for change in changes):
            return
        self._sync(self._rows, self._row_keys(), self.beginRemoveRows, self.endRemoveRows,
                   self.beginInsertRows, self.endInsertRows)
        self._sync(self._columns, self._column_keys(), self.beginRemoveColumns, self.endRemoveColumns,
                   self.beginInsertColumns, self.endInsertColumns)
        if self._rows and self._columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)
        self.retranslate()

    def _sync(
        self,
        shown: list[Any],
        current: list[Any],
        begin_remove: Callable[..., None],
        end_remove: Callable[[], None],
        begin_insert: Callable[..., None],
        end_insert: Callable[[], None],
    ) -> None:
        matcher = difflib.SequenceMatcher(a=shown, b=current, autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag in ("delete", "replace"):
                begin_remove(QModelIndex(), i1, i2 - 1)
                del shown[i1:i2]
                end_remove()
            if tag in ("insert", "replace"):
                begin_insert(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                shown[i1:i1] = current[j1:j2]
                end_insert()
