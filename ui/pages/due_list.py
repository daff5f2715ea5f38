"""The Overview's due list: what is due, soonest first (``briefing.guide.due``), overdue marked.

A next step has a box to tick it done, an undoable edit of its presentation (Edit → Undo, Ctrl+Z);
it then leaves the list. Double-clicking an item (or Enter) opens it where it lives: a follow-up or
an ally's contact on the Allies page at the person, a next step or the next attempt in the History
at its attempt. The rows' texts are made as they are shown, so a list of hundreds fills at once.

Signals (of ``DueList``):
    show_person(str): the id of the stakeholder an item is about.
    show_attempt(str): the id of the presentation an item comes from.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from briefing.edits import UpdateItem
from briefing.guide.due import DueItem, step_done
from briefing.guide.due_wording import Sources, what, when
from briefing.i18n import Message, tr
from briefing.model.collections import PRESENTATIONS
from briefing.model.entities import Workspace
from ui.session import Session
from ui.style import is_dark, make_heading

COLUMNS = ("done", "date", "when", "what", "who", "where")
OVERDUE_COLORS = {False: "#B3261E", True: "#FF8A80"}
"""The overdue rows' text, in the light palette and the dark one."""
VISIBLE_ROWS = 8
"""The list shows this many rows and scrolls past them."""
WHAT_WIDTH = 420
"""The widest the "What" column starts (a long follow-up is cut; the user can widen it)."""
MEASURED_ROWS = 30
"""How many rows the columns' widths are measured on."""
CELL_PADDING = 16
AnyIndex = QModelIndex | QPersistentModelIndex


class DueModel(QAbstractTableModel):
    """The due items as rows; a next step's first cell is a box to tick.

    Signals:
        ticked(object): the DueItem of a next step whose box the user ticked.
    """

    ticked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[DueItem] = []
        self.sources: Sources | None = None
        self.overdue_color = QColor(OVERDUE_COLORS[False])
        self._texts: dict[int, list[str]] = {}

    def show(self, items: list[DueItem], workspace: Workspace, dark: bool) -> None:
        """Show ``items`` in the current language (their texts are made as rows are shown)."""
        self.beginResetModel()
        self.items, self.sources, self._texts = items, Sources(workspace), {}
        self.overdue_color = QColor(OVERDUE_COLORS[dark])
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"shell.due.column.{COLUMNS[section]}")
        return None

    def texts(self, row: int) -> list[str]:
        """The row's cells as shown."""
        if row not in self._texts:
            item = self.items[row]
            assert self.sources is not None
            self._texts[row] = ["", item.day.isoformat() if item.day else "—",
                                ("! " if item.overdue else "") + str(when(item)), str(what(item)), item.who,
                                str(self.sources.where(item))]
        return self._texts[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.items[index.row()]
        tickable = index.column() == 0 and item.kind == "next_step"
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(index.row())[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return self.overdue_color
        if role == Qt.ItemDataRole.CheckStateRole and tickable:
            return Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and tickable:
            return tr("shell.due.tick")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.items[index.row()].kind == "next_step":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A box ticked: the step is done once this call has returned (the edit resets the model)."""
        if role != Qt.ItemDataRole.CheckStateRole or Qt.CheckState(value) != Qt.CheckState.Checked:
            return False
        item = self.items[index.row()]
        QTimer.singleShot(0, lambda: self.ticked.emit(item))
        return True


class DueList(QWidget):
    """What is due, as a table the user ticks and opens (see the module docstring)."""

    show_person = Signal(str)
    show_attempt = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[DueItem] = []
        self.workspace = Workspace()
        """The copy of the workspace ``items`` were found in (its people and attempts name them)."""
        self.stale = False
        """True while the workspace has changed since ``items`` were found: they are neither ticked nor opened."""
        self.setObjectName("due_list")
        self.heading = make_heading(QLabel(self), 1.2)
        self.empty = QLabel(self)
        self.model = DueModel(self)
        self.model.ticked.connect(self.tick_done)
        self.table = QTableView(self)
        self.table.setObjectName("due_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.table.setWordWrap(False)
        self.table.activated.connect(self.on_table_activated)
        self.table.doubleClicked.connect(self.on_table_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def show_due(self, items: list[DueItem], workspace: Workspace) -> None:
        """List ``items`` (``briefing.guide.due.due``, found in ``workspace``, a copy) in the current language."""
        self.items, self.workspace, self.stale = items, workspace, False
        self.retranslate()

    def retranslate(self) -> None:
        late = sum(item.overdue for item in self.items)
        self.heading.setText(tr("shell.due.heading_overdue", count=late) if late else tr("shell.due.heading"))
        self.empty.setText(tr("shell.due.nothing"))
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        self.table.setAccessibleName(tr("shell.due.heading"))
        self.model.show(self.items, self.workspace, is_dark(self.palette()))
        self._size()

    def _size(self) -> None:
        """Each column as wide as its header and the first rows (measuring every row of hundreds
        would take longer than the rest of the page), the "What" column at most ``WHAT_WIDTH``."""
        header = self.table.horizontalHeader()
        metrics, measured = self.table.fontMetrics(), range(min(len(self.items), MEASURED_ROWS))
        for column in range(len(COLUMNS)):
            texts = [self.model.headerData(column, Qt.Orientation.Horizontal) or ""]
            texts += [self.model.texts(row)[column] for row in measured]
            width = max(metrics.horizontalAdvance(text) for text in texts) + CELL_PADDING  # (the box fits the header)
            self.table.setColumnWidth(column, min(width, WHAT_WIDTH) if column == 3 else width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        rows = min(len(self.items), VISIBLE_ROWS)
        height = header.sizeHint().height() + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height + rows * self.table.verticalHeader().defaultSectionSize())

    def tick_done(self, item: DueItem) -> None:
        """Mark the next step ``item`` done, as an undoable edit of its presentation (not while the list is
        being made anew: the step may be gone, or done already)."""
        if self.stale:
            return
        presentation, changed = step_done(self.session.workspace, item)
        text = Message("shell.due.undo_done", {"text": item.what})
        self.session.do(UpdateItem(PRESENTATIONS, presentation, changed), text)

    def open_item(self, row: int) -> None:
        """Show the item in ``row`` where it lives (not while the list is being made anew: it may be gone)."""
        if self.stale:
            return
        item = self.items[row]
        if item.stakeholder_id is not None:
            self.show_person.emit(item.stakeholder_id)
        else:
            self.show_attempt.emit(item.source_id)

    def on_table_activated(self, index: QModelIndex) -> None:
        if index.column() != 0:
            self.open_item(index.row())
