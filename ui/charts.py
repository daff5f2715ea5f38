"""A chart on a page, drawn from the same ChartSpec as the deck, off the UI thread.

The chart is built and drawn into a picture on a worker thread (``ui.workers.Latest``: the last
request wins); the UI thread only shows the finished picture, so a big chart never freezes the
window. While a new picture is being made the view says so. matplotlib is imported in the
background once the window is up (``preload``), or by the first chart's worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from briefing.charts import ChartSpec
from briefing.charts.theme import ChartTheme, luminance
from briefing.i18n import tr
from ui.workers import Latest

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
SpecJob = Callable[[], ChartSpec | None]
Builder = Callable[[], "ChartSpec | SpecJob | None"]


@dataclass(frozen=True)
class Picture:
    """A drawn chart: its spec, its matplotlib figure and the image the view shows."""

    spec: ChartSpec
    figure: Any
    image: QImage


class ChartView(QWidget):
    """Shows one ChartSpec as a picture drawn on a worker thread; ``set_spec(None)`` clears it.

    A page may instead give a ``builder`` and call ``invalidate()`` after each change: the chart is
    rebuilt only while it is visible, so a hidden chart costs nothing. The builder runs on the UI
    thread and returns the spec, or — for a spec that takes long to make — a function that makes it,
    run on the worker (it must read copies: ``briefing.model.snapshot`` of the workspace).

    Signals:
        drawn(object): the spec now shown (None when the view shows its placeholder).
    """

    drawn = Signal(object)

    def __init__(self, parent: QWidget | None = None, width_in: float = 6.0, height_in: float = 3.6) -> None:
        super().__init__(parent)
        self.width_in = width_in
        self.height_in = height_in
        self.spec: ChartSpec | None = None
        self.builder: Builder | None = None
        self.dirty = False
        self.figure: Any = None
        self.image: QImage | None = None
        self._drawn_size: tuple[int, int] = (0, 0)
        self._awaiting = False
        self._latest = Latest(self)
        self._latest.result.connect(self.on_latest_result)
        self._latest.failed.connect(self.on_latest_failed)
        self._latest.busy.connect(self.on_latest_busy)
        self._empty = QLabel(self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._placeholder = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._empty)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(int(height_in * 60))

    @property
    def updating(self) -> bool:
        """True while a new picture is being made."""
        return self._awaiting

    def set_placeholder(self, text: str) -> None:
        """The text shown while there is nothing to draw."""
        self._placeholder = text
        self._show_state()

    def theme(self) -> ChartTheme:
        """The light or the dark chart theme, following the widget's palette."""
        window = self.palette().color(QPalette.ColorRole.Window)
        return DARK_THEME if luminance(window.name()) < 0.4 else ChartTheme()

    def set_builder(self, builder: Builder) -> None:
        """Draw from ``builder`` from now on (when visible)."""
        self.builder = builder
        self.invalidate()

    def invalidate(self) -> None:
        """The data behind the chart changed: redraw now if visible, else when next shown."""
        self.dirty = True
        if self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        """Build the spec and draw it (on the worker)."""
        self.dirty = False
        made = self.builder() if self.builder is not None else self.spec
        self._request(made)

    def set_spec(self, spec: ChartSpec | SpecJob | None) -> None:
        """Draw ``spec`` — or the spec a job makes on the worker — or show the placeholder for None."""
        if not callable(spec):
            self.spec = spec
        self._request(spec)

    def _request(self, made: ChartSpec | SpecJob | None) -> None:
        self._awaiting = True
        if made is None:
            self._latest.request(lambda: None)  # drops a picture still being made
            self.spec, self.figure, self.image = None, None, None
            self._show_state()
            return
        size, ratio, theme = self._pixels(), self.devicePixelRatioF() or 1.0, self.theme()
        self._drawn_size = size
        self._latest.request(lambda: draw(made, theme, size, ratio))

    def _pixels(self) -> tuple[int, int]:
        """The picture's size in (device-independent) pixels: the view's, but never less than the
        chart's nominal size, below which its labels would leave no room for the plot (a smaller view
        shows the picture scaled down, see ``paintEvent``)."""
        nominal = round(self.width_in * SCREEN_DPI), round(self.height_in * SCREEN_DPI)
        return max(self.width(), nominal[0]), max(self.height(), nominal[1])

    def on_latest_result(self, picture: Picture | None) -> None:
        self._awaiting = False
        if picture is None:
            self.spec, self.figure, self.image = None, None, None
        else:
            self.spec, self.figure, self.image = picture.spec, picture.figure, picture.image
            self.setAccessibleDescription(picture.spec.alt_text or picture.spec.title)
        self._show_state()
        self.update()
        self.drawn.emit(self.spec)

    def on_latest_failed(self, error: BaseException) -> None:
        self._awaiting = False
        self.spec, self.figure, self.image = None, None, None
        self._show_state()
        raise error  # a bug in a chart: reported like one on the UI thread

    def on_latest_busy(self, _busy: bool) -> None:
        self._show_state()
        self.update()

    def _show_state(self) -> None:
        """The picture, else the placeholder; "being updated" while a new picture is made."""
        if self.updating:
            self._empty.setText(tr("pages.chart.updating"))
        else:
            self._empty.setText(self._placeholder)
        self._empty.setVisible(self.image is None)
        self.setToolTip(tr("pages.chart.updating") if self.updating and self.image is not None else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.image is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(fitted(self.image, QRectF(self.rect())), self.image)
        if self.updating:  # the old picture stays until the new one is drawn, and says so
            corner = self.rect().adjusted(6, 4, -6, -4)
            top_right = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
            painter.drawText(corner, top_right, tr("pages.chart.updating"))
        painter.end()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.dirty:
            self.redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A picture of another size is drawn anew (the old one stretched meanwhile)."""
        super().resizeEvent(event)
        if self.image is not None and self.isVisible() and self._pixels() != self._drawn_size:
            self._request(self.spec)

    def changeEvent(self, event: QEvent) -> None:
        """The system switched between light and dark: draw again in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and (self.builder is not None or self.spec is not None):
            self.invalidate()  # a hidden chart draws when shown: Qt tells every widget, open or not


def fitted(image: QImage, area: QRectF) -> QRectF:
    """Where ``image`` goes in ``area``: all of it, or — for an image larger than the area in either
    direction — the image scaled down to fit, its proportions kept, centred."""
    size = image.deviceIndependentSize()
    scale = min(area.width() / size.width(), area.height() / size.height(), 1.0)
    if scale >= 1.0:
        return area
    width, height = size.width() * scale, size.height() * scale
    return QRectF(area.x() + (area.width() - width) / 2, area.y() + (area.height() - height) / 2, width, height)


def draw(made: ChartSpec | SpecJob, theme: ChartTheme, size: tuple[int, int], ratio: float) -> Picture | None:
    """``made`` (a spec, or a function making one) drawn as a ``size`` picture (a point a pixel) for a screen
    of ``ratio`` device pixels per pixel, laid out for that size (runs on a worker thread)."""
    spec = made() if callable(made) else made
    if spec is None:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from briefing.charts import image

    with image.DRAWING:  # the charts' workers and an export's take turns
        figure = image.figure(spec, theme, size[0] / SCREEN_DPI, size[1] / SCREEN_DPI)
        figure.set_dpi(SCREEN_DPI * ratio)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        picture = QImage(bytes(canvas.buffer_rgba()), width, height, QImage.Format.Format_RGBA8888).copy()
    picture.setDevicePixelRatio(ratio)
    return Picture(spec, figure, picture)


def built(name: str, *args: Any) -> SpecJob:
    """A job making the spec ``briefing.charts.build.<name>(*args)`` on the chart's worker (the chart
    builders load there too). Hand it copies: ``briefing.model.snapshot`` of the workspace."""

    def make() -> ChartSpec | None:
        from briefing.charts import build

        spec: ChartSpec | None = getattr(build, name)(*args)
        return spec

    return make


DRAWING_MODULES = ("matplotlib.figure", "matplotlib.backends.backend_agg", "briefing.charts.image",
                   "briefing.charts.build")


def preload(first: Sequence[str] = ()) -> threading.Thread:
    """Import the modules ``first`` (the pages, say), then matplotlib and the chart drawing, on a
    background thread (once the window is up), so that neither a page's first visit nor the first
    chart waits for them."""
    modules = (*first, *DRAWING_MODULES)
    thread = threading.Thread(target=_import_all, args=(modules,), name="preload-matplotlib", daemon=True)
    thread.start()
    return thread


def _import_all(modules: Sequence[str]) -> None:
    import importlib

    for module in modules:
        importlib.import_module(module)
