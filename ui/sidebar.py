"""The sidebar: the method's steps as a list, drawn with rounded highlights.

A delegate paints what a style sheet would (padding, rounded selection, hover) without loading
Qt's style-sheet engine at start.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

PAD_X, PAD_Y, MARGIN_X, RADIUS = 14, 8, 8, 5
FONT_PIXELS = 14


class SidebarDelegate(QStyledItemDelegate):
    """One sidebar item: its text with padding, on a rounded highlight when selected or hovered."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * (PAD_X + MARGIN_X), size.height() + 2 * PAD_Y + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        state = option.state
        palette: QPalette = option.palette
        rect = option.rect.adjusted(MARGIN_X, 1, -MARGIN_X, -1)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected or state & QStyle.StateFlag.State_MouseOver:
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
    """The navigation list: single selection, no editing, keyboard navigable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setItemDelegate(SidebarDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setMinimumWidth(190)
        self.setMaximumWidth(260)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setContentsMargins(0, 10, 0, 0)
        font = self.font()
        font.setPixelSize(FONT_PIXELS)
        self.setFont(font)
