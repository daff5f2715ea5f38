"""One slide large, its lint findings marked on it and listed beside it; previous and next slide.

The marks are numbered like the list: a frame around the part a finding is about (the shape it
names, else the part its rule concerns), or around the whole slide when it is about the slide.
Left/Right or Page Up/Page Down go to the previous or next slide; Escape closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing.deck.drawing import marked_parts
from briefing.deck.drawn import DrawnSlide
from briefing.i18n import tr
from ui.preview import FindingsRole, SlideListModel, SlideRole, finding_text
from ui.slide_paint import box_rect, paint_mark, paint_slide, slide_rect

MARGIN = 16


class SlideCanvas(QWidget):
    """Paints one slide as large as it fits, with numbered marks for its findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slide: DrawnSlide | None = None
        self.findings: list[Any] = []
        self.marks: list[tuple[int, QRectF]] = []
        self.chosen = 0
        """The finding chosen in the list (1-based; 0: none): its marks are drawn filled."""
        self.setMinimumSize(QSize(480, 270))

    def show_slide(self, slide: DrawnSlide | None, findings: list[Any]) -> None:
        self.slide, self.findings, self.chosen = slide, findings, 0
        self.update()

    def choose(self, number: int) -> None:
        self.chosen = number
        self.update()

    def mark_rects(self) -> list[tuple[int, QRectF]]:
        """The numbered rectangles marking the findings, in widget coordinates."""
        if self.slide is None:
            return []
        target = self._target()
        rects: list[tuple[int, QRectF]] = []
        for number, finding in enumerate(self.findings, start=1):
            parts = [self.slide.parts[p] for p in marked_parts(self.slide, finding) if p in self.slide.parts]
            rects.extend((number, box_rect(self.slide, box, target)) for box in parts)
            if not parts:
                rects.append((number, target.adjusted(4, 4, -4, -4)))
        return rects

    def _target(self) -> QRectF:
        assert self.slide is not None
        return slide_rect(self.slide, QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.slide is None:
            return
        painter = QPainter(self)
        paint_slide(painter, self.slide, self._target())
        self.marks = self.mark_rects()
        for number, rect in self.marks:
            paint_mark(painter, rect, number, chosen=number == self.chosen)
        painter.end()


class SlideDialog(QDialog):
    """The large view of the preview's slides, following the model as the preview updates."""

    def __init__(self, model: SlideListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideView")
        self.model = model
        self.row = 0
        self.canvas = SlideCanvas(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.findings_model = QStandardItemModel(self)
        self.findings_view = QListView(self)
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setWordWrap(True)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_label = QLabel(self)
        self.findings_label.setBuddy(self.findings_view)
        self.previous_button, self.next_button = QPushButton(self), QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._lay_out()
        self.buttons.rejected.connect(self.reject)
        self.previous_button.clicked.connect(self.on_previous_clicked)
        self.next_button.clicked.connect(self.on_next_clicked)
        self.findings_view.selectionModel().currentChanged.connect(self.on_findings_current_changed)
        model.modelReset.connect(self.on_model_reset)
        self.resize(1100, 720)
        self.retranslate()

    def _lay_out(self) -> None:
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.findings_label)
        column.addWidget(self.findings_view, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.canvas)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(row)

    def show_row(self, row: int) -> None:
        """Show the slide in ``row`` of the model (kept within the slides there are)."""
        count = self.model.rowCount()
        self.row = min(max(row, 0), max(count - 1, 0))
        index = self.model.index(self.row)
        slide = index.data(SlideRole) if count else None
        findings = list(index.data(FindingsRole) or []) if count else []
        self.canvas.show_slide(slide, findings)
        self.findings_model.clear()
        for number, finding in enumerate(findings, start=1):
            item = QStandardItem(f"{number}  {finding_text(finding)}")
            item.setEditable(False)
            self.findings_model.appendRow(item)
        if not findings:
            self.findings_model.appendRow(QStandardItem("✓ " + tr("shell.preview.no_findings")))
        self.previous_button.setEnabled(self.row > 0)
        self.next_button.setEnabled(self.row < count - 1)
        self._title()

    def _title(self) -> None:
        slide = self.canvas.slide
        if slide is None:
            self.heading.setText(tr("shell.preview.empty"))
            return
        text = tr("shell.preview.large", number=slide.number, count=self.model.rowCount(), title=slide.title)
        self.heading.setText(text)
        self.setWindowTitle(text)
        self.canvas.setAccessibleName(text)

    def on_findings_current_changed(self, current: Any, _previous: Any = None) -> None:
        self.canvas.choose(current.row() + 1 if current.isValid() and self.canvas.findings else 0)

    def on_model_reset(self) -> None:
        self.show_row(self.row)

    def on_previous_clicked(self) -> None:
        self.show_row(self.row - 1)

    def on_next_clicked(self) -> None:
        self.show_row(self.row + 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.on_previous_clicked()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.on_next_clicked()
        else:
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.previous_button.setText(tr("shell.preview.previous"))
        self.next_button.setText(tr("shell.preview.next"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("shell.preview.close"))
        self.findings_label.setText(tr("shell.preview.findings"))
        self.show_row(self.row)
