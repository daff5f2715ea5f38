"""The slide preview on the Briefing page: thumbnails of the slides as the export will draw them.

``SlidePreview.show_plan(plan, findings, template)`` draws the laid-out plan on a worker thread
(``ui.workers.Latest``: the newest plan wins, the window keeps answering) and shows the result as
thumbnails in a list view over ``SlideListModel``. While it draws, the panel says so. A click on a
thumbnail, or Enter on the one with the focus, opens the slide large with its lint findings marked.

Signals (SlidePreview):
    updating(): a new plan came; the preview says it is drawing it.
    updated(): the thumbnails now show the newest plan.
    opened(int): the large view opened on this slide number.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing.deck.drawn import DrawnSlide
from briefing.i18n import Message, tr
from ui.slide_paint import paint_slide, slide_rect
from ui.workers import Latest

THUMB = QSize(184, 104)
"""A thumbnail's size in pixels (16:9); a 4:3 slide is drawn within it."""
LABEL_HEIGHT = 22
SlideRole = Qt.ItemDataRole.UserRole + 1
FindingsRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


Drawn = tuple[list[DrawnSlide], list[Any], Any]
"""What a drawing hands back: the slides, the findings they were made with, and why there are none (or None)."""


def draw_plan(plan: Any, findings: Sequence[Any], template: Path | None, cache_dir: Path | None) -> Drawn:
    """The drawn slides of ``plan`` (run on a worker thread), with the findings they were made with; chart
    images come from ``cache_dir`` (default: the export's chart cache) when the export drew them.

    A failure comes back as a value, without its traceback: a traceback would keep the worker's frames
    (and the job running them) alive until the UI thread's garbage collector frees them.
    """
    from briefing.deck import template as templates
    from briefing.deck.drawing import draw
    from briefing.deck.export import default_cache

    try:
        return draw(plan, templates.load(template), cache_dir or default_cache()), list(findings), None
    except Exception as error:  # a template that cannot be read, or any fault: shown, never raised
        return [], list(findings), error.with_traceback(None)


def no_plan(findings: Sequence[Any]) -> Drawn:
    """Nothing to draw: the deck could not be planned, for the first finding's reason."""
    return [], list(findings), findings[0] if findings else None


def finding_text(finding: Any) -> str:
    return str(finding.message()) if hasattr(finding, "message") else str(finding)


class SlideListModel(QAbstractListModel):
    """The drawn slides, one row each; ``SlideRole`` holds the slide, ``FindingsRole`` its lint findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slides: list[DrawnSlide] = []
        self.findings: dict[int, list[Any]] = {}

    def set_slides(self, slides: list[DrawnSlide], findings: Sequence[Any]) -> None:
        self.beginResetModel()
        self.slides = list(slides)
        self.findings = {}
        for finding in findings:
            number = getattr(finding, "slide", 0)
            if number:
                self.findings.setdefault(int(number), []).append(finding)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.slides)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.slides):
            return None
        slide = self.slides[index.row()]
        found = self.findings.get(slide.number, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{slide.number}. {slide.title}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            lines = [tr("shell.preview.slide", number=slide.number, title=slide.title)]
            return "\n".join([*lines, *("⚠ " + finding_text(f) for f in found)])
        if role == SlideRole:
            return slide
        if role == FindingsRole:
            return found
        return None


class ThumbnailDelegate(QStyledItemDelegate):
    """Paints a slide as a thumbnail with its number (and ⚠ and a count when the lint found something)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[int, int, int, float], QPixmap] = {}

    def forget(self) -> None:
        """Drop the painted thumbnails (the slides they show were replaced)."""
        self._pixmaps.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(THUMB.width() + 12, THUMB.height() + LABEL_HEIGHT + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        slide = index.data(SlideRole)
        if not isinstance(slide, DrawnSlide):
            return
        rect = option.rect
        palette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        area = QRectF(rect.left() + 6, rect.top() + 5, THUMB.width(), THUMB.height())
        target = slide_rect(slide, area)
        painter.drawPixmap(target.topLeft(), self._pixmap(slide, target.size().toSize(), painter.device()))
        painter.setPen(_edge(palette))
        painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5))
        found = index.data(FindingsRole) or []
        caption = f"{slide.number}" + (f"  ⚠ {len(found)}" if found else "")
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        label = QRectF(rect.left(), area.bottom() + 2, rect.width(), LABEL_HEIGHT)
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, caption)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight if not selected else QPalette.ColorRole.Text))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def _pixmap(self, slide: DrawnSlide, size: QSize, device: Any) -> QPixmap:
        ratio = float(device.devicePixelRatioF()) if device is not None else 1.0
        key = (id(slide), size.width(), size.height(), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            painter = QPainter(pixmap)
            paint_slide(painter, slide, QRectF(0, 0, size.width(), size.height()))
            painter.end()
            self._pixmaps[key] = pixmap
        return pixmap


def _edge(palette: QPalette) -> QColor:
    """A thumbnail's frame: a third of the way from the list's background to its text, so that a slide
    as light or as dark as the list still shows its edge, in the light and the dark palette."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(*(b + (t - b) * 0.35 for t, b in ((text.redF(), base.redF()),
                           (text.greenF(), base.greenF()), (text.blueF(), base.blueF()))))


class SlidePreview(QWidget):
    """Thumbnails of the deck's slides, drawn off the UI thread; a click shows one large."""

    updating = Signal()
    updated = Signal()
    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None, cache_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.model = SlideListModel(self)
        self.delegate = ThumbnailDelegate(self)
        self.model.modelAboutToBeReset.connect(self.delegate.forget)
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.view = QListView(self)
        self.view.setObjectName("preview")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.latest = Latest(self)
        self.dialog: Any = None
        self._stale = False
        self.message = Message("shell.preview.waiting")
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.latest.result.connect(self.on_latest_result)
        self.latest.failed.connect(self.on_latest_failed)
        self.view.clicked.connect(self.open_slide)
        self.view.activated.connect(self.open_slide)

    @property
    def stale(self) -> bool:
        """True from a new plan until its drawing is shown (the screenshots wait for it)."""
        return self._stale

    def show_plan(self, plan: Any, findings: Sequence[Any], template: Path | None) -> None:
        """Draw ``plan`` (laid out in ``template``; None: the built-in one) and show it when done. Without a
        plan (the deck could not be planned) the preview empties and names the first finding as the reason."""
        cache_dir, kept = self.cache_dir, list(findings)
        self._stale = True
        self._say(Message("shell.preview.updating"))
        self.updating.emit()
        if plan is None:
            self.latest.request(lambda: no_plan(kept))
        else:
            self.latest.request(lambda: draw_plan(plan, kept, template, cache_dir))

    def on_latest_result(self, result: Drawn) -> None:
        slides, findings, problem = result
        self._stale = False
        current = max(self.view.currentIndex().row(), 0)
        self.model.set_slides(slides, findings)
        if slides:
            self.view.setCurrentIndex(self.model.index(min(current, len(slides) - 1)))
            self._say(Message("shell.preview.ready", {"count": len(slides)}))
        elif problem is not None:
            reason = problem if hasattr(problem, "message") else str(problem)
            self._say(Message("shell.preview.failed", {"reason": reason}))
        else:
            self._say(Message("shell.preview.empty"))
        self.updated.emit()

    def on_latest_failed(self, error: BaseException) -> None:
        self.on_latest_result(([], [], error))

    def _say(self, message: Message) -> None:
        self.message = message
        self.status.setText(str(message))

    def open_slide(self, index: QModelIndex) -> None:
        """Show the slide at ``index`` large, its findings marked."""
        from ui.dialogs.slide_view import SlideDialog

        if not index.isValid():
            return
        if self.dialog is None:
            self.dialog = SlideDialog(self.model, self)
        elif self.dialog.isVisible() and self.dialog.row == index.row():
            return  # a style that activates on a single click sends both clicked and activated
        self.dialog.show_row(index.row())
        self.dialog.show()
        self.dialog.activateWindow()
        self.opened.emit(index.row() + 1)

    def retranslate(self) -> None:
        self.status.setText(str(self.message))
        self.view.setAccessibleName(tr("shell.preview.title"))
        self.view.setToolTip(tr("shell.preview.hint"))
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0), self.model.index(self.model.rowCount() - 1))
        if self.dialog is not None:
            self.dialog.retranslate()
