"""A chart on a page, drawn from the same ChartSpec as the deck.

matplotlib is imported only when the first chart is shown, so the app starts without it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from briefing.charts import ChartSpec
from briefing.charts.theme import ChartTheme, luminance

SCREEN_DPI = 72
"""The figure's dots per inch on screen: a point is a pixel, so the deck's 12–14 pt labels stay
modest on a page instead of crowding a chart drawn for a slide."""
DARK_THEME = ChartTheme(
    accent="#6FA8F0",
    context="#5A7BA6",
    muted="#8C8C8C",
    target="#FF7A6B",
    text="#EDEDED",
    background="#2B2B2B",
    ramp=("#23425F", "#2F5F8F", "#4F86C0", "#8FB5DD", "#D4E4F5"),
)


class ChartView(QWidget):
    """Shows one ChartSpec as a matplotlib canvas; ``set_spec(None)`` clears it.

    A page may instead give a ``builder`` (a function returning the spec) and call
    ``invalidate()`` after each change: the chart is rebuilt only while it is visible, so a
    hidden chart costs nothing and matplotlib is not imported before a chart is shown.
    """

    def __init__(self, parent: QWidget | None = None, width_in: float = 6.0, height_in: float = 3.6) -> None:
        super().__init__(parent)
        self.width_in = width_in
        self.height_in = height_in
        self.spec: ChartSpec | None = None
        self.builder: Callable[[], ChartSpec | None] | None = None
        self.dirty = False
        self.figure: Any = None
        self._canvas: Any = None
        self._empty = QLabel(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._empty)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(int(height_in * 60))

    def set_placeholder(self, text: str) -> None:
        """The text shown while there is nothing to draw."""
        self._empty.setText(text)

    def theme(self) -> ChartTheme:
        """The light or the dark chart theme, following the widget's palette."""
        window = self.palette().color(QPalette.ColorRole.Window)
        return DARK_THEME if luminance(window.name()) < 0.4 else ChartTheme()

    def set_builder(self, builder: Callable[[], ChartSpec | None]) -> None:
        """Draw from ``builder`` from now on (when visible)."""
        self.builder = builder
        self.invalidate()

    def invalidate(self) -> None:
        """The data behind the chart changed: redraw now if visible, else when next shown."""
        self.dirty = True
        if self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        """Build the spec and draw it now."""
        self.dirty = False
        self.set_spec(self.builder() if self.builder is not None else self.spec)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.dirty:
            self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        """The system switched between light and dark: draw again in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and (self.builder is not None or self.spec is not None):
            self.invalidate()  # a hidden chart draws when shown: Qt tells every widget, open or not

    def set_spec(self, spec: ChartSpec | None) -> None:
        """Draw ``spec`` (or show the placeholder when it is None)."""
        self.spec = spec
        if spec is None:
            self._show_canvas(None)
            return
        from briefing.charts import image

        figure = image.figure(spec, self.theme(), self.width_in, self.height_in)
        self.figure = figure
        self._show_canvas(figure)
        self.setAccessibleDescription(spec.alt_text or spec.title)

    def _show_canvas(self, figure: Any) -> None:
        """Show ``figure`` on the one canvas this view keeps (a canvas is never deleted while drawing)."""
        self._empty.setVisible(figure is None)
        if self._canvas is not None:
            self._canvas.setVisible(figure is not None)
        if figure is None:
            return
        figure.set_dpi(SCREEN_DPI)
        if self._canvas is None:
            canvas = _canvas_class()(figure)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            canvas.setMinimumSize(200, 150)
            self._canvas = canvas
            self._layout.addWidget(canvas)
            return
        canvas = self._canvas
        canvas.figure = figure
        figure.set_canvas(canvas)
        ratio = canvas.devicePixelRatioF() or 1.0
        figure.set_size_inches(canvas.width() * ratio / figure.dpi, canvas.height() * ratio / figure.dpi)
        canvas.draw_idle()


@cache
def _canvas_class() -> Any:
    """matplotlib's Qt canvas, drawing a changed figure on the next turn of the event loop with the
    canvas itself as the timer's context: Qt drops the call if the canvas is deleted first (a bare
    queued draw, or drawing inside a paint event, crashed when a page was torn down)."""
    import shiboken6
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QPainter

    class Canvas(FigureCanvasQTAgg):
        stale = True
        """True while the figure changed and is not drawn yet."""

        def draw_idle(self) -> None:
            self.stale = True
            if shiboken6.isValid(self):
                QTimer.singleShot(0, self, self.draw_if_stale)

        def draw_if_stale(self) -> None:
            if shiboken6.isValid(self) and self.stale and self.isVisible() and self.height() > 0:
                self.stale = False
                try:
                    self.draw()
                except RuntimeError:
                    if shiboken6.isValid(self):
                        raise
                    # Qt deleted the canvas while it drew: its page was torn down meanwhile (a
                    # collection of the page's wrapper can happen at any allocation); nothing to draw on.

        def showEvent(self, event: Any) -> None:
            super().showEvent(event)
            if self.stale:
                QTimer.singleShot(0, self, self.draw_if_stale)

        def paintEvent(self, event: Any) -> None:
            if not shiboken6.isValid(self):
                return
            if self.stale or not hasattr(self, "renderer"):
                QTimer.singleShot(0, self, self.draw_if_stale)
                painter = QPainter(self)
                painter.fillRect(event.rect(), self.palette().base())
                painter.end()
                return
            super().paintEvent(event)

    return Canvas
