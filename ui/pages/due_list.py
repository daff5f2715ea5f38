"""The Overview's due list: what is due, soonest first (``briefing.guide.due``), overdue marked.

A next step has a box to tick it done, an undoable edit of its presentation (Edit → Undo, Ctrl+Z);
it then leaves the list. Double-clicking an item (or Enter) opens it where it lives: a follow-up or
an ally's contact on the Allies page at the person, a next step or the next attempt in the History
at its attempt.

Signals:
    show_person(str): the id of the stakeholder an item is about.
    show_attempt(str): the id of the presentation an item comes from.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.edits import UpdateItem
from briefing.guide.due import DueItem, due
from briefing.guide.due_wording import what, when, where
from briefing.i18n import Message, tr
from briefing.model.collections import PRESENTATIONS
from ui.session import Session
from ui.style import is_dark, make_heading

COLUMNS = ("done", "date", "when", "what", "who", "where")
OVERDUE_COLORS = {False: "#B3261E", True: "#FF8A80"}
"""The overdue rows' text, in the light palette and the dark one."""
VISIBLE_ROWS = 8
"""The list shows this many rows and scrolls past them."""


class DueList(QWidget):
    """What is due, as a table the user ticks and opens (see the module docstring)."""

    show_person = Signal(str)
    show_attempt = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[DueItem] = []
        self.setObjectName("due_list")
        self.heading = make_heading(QLabel(self), 1.2)
        self.empty = QLabel(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("due_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.itemChanged.connect(self.on_table_item_changed)
        self.table.activated.connect(self.on_table_activated)
        self.table.doubleClicked.connect(self.on_table_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def load(self) -> None:
        """Find what is due on the store's today (shown by the next ``retranslate``)."""
        self.items = due(self.session.workspace, self.session.store.clock.today())

    def refresh(self) -> None:
        """List what is due, in the current language."""
        self.load()
        self.retranslate()

    def retranslate(self) -> None:
        late = sum(item.overdue for item in self.items)
        self.heading.setText(tr("ui_due.heading_overdue", count=late) if late else tr("ui_due.heading"))
        self.empty.setText(tr("ui_due.nothing"))
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        self.table.setHorizontalHeaderLabels([tr(f"ui_due.column.{name}") for name in COLUMNS])
        self.table.setAccessibleName(tr("ui_due.heading"))
        self._fill()

    def _fill(self) -> None:
        workspace = self.session.workspace
        color = QBrush(QColor(OVERDUE_COLORS[is_dark(self.palette())]))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            texts = ["", item.day.isoformat() if item.day else "—", ("! " if item.overdue else "") + str(when(item)),
                     str(what(item)), item.who, str(where(item, workspace))]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if item.overdue:
                    cell.setForeground(color)
                if column == 0 and item.kind == "next_step":
                    _tickable(cell)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 420))
        rows = min(len(self.items), VISIBLE_ROWS)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height + sum(self.table.rowHeight(r) for r in range(rows)))

    def tick_done(self, item: DueItem) -> None:
        """Mark the next step ``item`` done, as an undoable edit of its presentation."""
        presentation = next(p for p in self.session.workspace.presentations if p.id == item.source_id)
        assert item.index is not None
        steps = list(presentation.next_steps)
        steps[item.index] = dataclasses.replace(steps[item.index], done=True)
        changed = dataclasses.replace(presentation, next_steps=steps)
        text = Message("ui_due.undo_done", {"text": item.what})
        self.session.do(UpdateItem(PRESENTATIONS, presentation, changed), text)

    def open_item(self, row: int) -> None:
        """Show the item in ``row`` where it lives."""
        item = self.items[row]
        if item.stakeholder_id is not None:
            self.show_person.emit(item.stakeholder_id)
        else:
            self.show_attempt.emit(item.source_id)

    def on_table_item_changed(self, cell: QTableWidgetItem) -> None:
        """A step's box ticked: done once this signal has returned (the edit refills the table)."""
        if cell.column() == 0 and cell.checkState() == Qt.CheckState.Checked:
            item = self.items[cell.row()]
            QTimer.singleShot(0, lambda: self.tick_done(item))

    def on_table_activated(self, index: QModelIndex) -> None:
        if index.column() != 0:
            self.open_item(index.row())


def _tickable(cell: QTableWidgetItem) -> None:
    """A next step's box: unticked, with what ticking it does."""
    cell.setFlags(cell.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    cell.setCheckState(Qt.CheckState.Unchecked)
    cell.setToolTip(tr("ui_due.tick"))
    cell.setData(Qt.ItemDataRole.AccessibleTextRole, tr("ui_due.tick"))
