"""The sidebar: the method's steps as a list, drawn with rounded highlights.

A delegate paints what a style sheet would (padding, rounded selection, hover) without loading
Qt's style-sheet engine at start. It asks the view, not the style option's state flags, which
item is selected or under the mouse: reading those flags would build Python's view of QStyle
(hundreds of enum values) before the window is first shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

PAD_X, PAD_Y, MARGIN_X, RADIUS = 14, 8, 8, 5
FONT_PIXELS = 14


class SidebarDelegate(QStyledItemDelegate):
    """One sidebar item: its text with padding, on a rounded highlight when selected or hovered."""

    def __init__(self, view: Sidebar) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * (PAD_X + MARGIN_X), size.height() + 2 * PAD_Y + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        palette: QPalette = option.palette
        rect = option.rect.adjusted(MARGIN_X, 1, -MARGIN_X, -1)
        selected = self.view.selectionModel().isRowSelected(index.row())
        painter.save()
        if selected or index.row() == self.view.hovered_row:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.highlight() if selected else palette.alternateBase())
            painter.drawRoundedRect(rect, RADIUS, RADIUS)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        painter.setFont(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(rect.adjusted(PAD_X, 0, -PAD_X, 0), Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


class Sidebar(QListView):
    """The navigation list: single selection, no editing, keyboard navigable.

    ``hovered_row`` is the row under the mouse (-1 for none), kept up to date as the mouse moves.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hovered_row = -1
        self.setObjectName("sidebar")
        self.setItemDelegate(SidebarDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setUniformItemSizes(True)  # every step is one line: the size is asked once, not per item
        self.setMinimumWidth(190)
        self.setMaximumWidth(260)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setContentsMargins(0, 10, 0, 0)
        font = self.font()
        font.setPixelSize(FONT_PIXELS)
        self.setFont(font)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover(self.indexAt(event.position().toPoint()).row())
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover(-1)
        super().leaveEvent(event)

    def _hover(self, row: int) -> None:
        if row != self.hovered_row:
            self.hovered_row = row
            self.viewport().update()
