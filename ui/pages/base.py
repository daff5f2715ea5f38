"""What every page of the main window has: the session it shows, a title, and work done only while
it is shown.

A page's refresh (and any other work it asks for with ``when_shown``) runs at once while the page is
shown, else once when it is next shown: an edit costs nothing for the pages out of sight. Work that
takes long (planning, readiness, history, survey analysis over a big workspace) is a ``Backdrop``: a
core function run on a worker over a copy of the workspace, the newest request winning, its result
shown on the GUI thread; meanwhile the page says it is being updated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from briefing.i18n import tr
from briefing.store import Change
from ui.session import Session
from ui.workers import Latest


class WhenShown:
    """Work that ``widget`` does only while it is visible: asked for while hidden, it is noted as due
    and runs once, when the widget's page is next shown (``catch_up``)."""

    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        self.widget = widget
        self.work = work
        self.due = False

    def request(self) -> None:
        """Do the work now if the widget is shown, else when it is next shown."""
        if self.widget.isVisible():
            self.due = False
            self.work()
        else:
            self.due = True

    def catch_up(self) -> None:
        """Do the work if it was asked for while hidden."""
        if self.due and self.widget.isVisible():
            self.due = False
            self.work()


class Backdrop(QObject):
    """One part of a page computed off the GUI thread, only while the page is shown.

    ``prepare()`` runs on the GUI thread and returns the job: a function that reads only copies
    (``briefing.model.snapshot``) and calls the core; it runs on a worker (``ui.workers.Latest``: a
    newer request replaces one still waiting, an overtaken result is dropped). ``show(result)`` puts
    the newest result on the page, on the GUI thread.

    Signals:
        shown(): after ``show`` put a result on the page.
        updating(bool): True when the part starts being updated, False when it shows the newest result.
    """

    shown = Signal()
    updating = Signal(bool)

    def __init__(self, page: Page, prepare: Callable[[], Callable[[], Any]], show: Callable[[Any], None]) -> None:
        super().__init__(page)
        self._prepare = prepare
        self._show = show
        self._latest = Latest(self)
        self._latest.result.connect(self.on_latest_result)
        self._latest.failed.connect(self.on_latest_failed)
        self._latest.busy.connect(self.updating)
        self._awaiting = False
        self.due = page.when_shown(self.start)

    @property
    def working(self) -> bool:
        """True from a request until its result is shown."""
        return self._awaiting

    @property
    def outdated(self) -> bool:
        """True while the part shows less than the newest: being updated, or due when next shown."""
        return self._awaiting or self.due.due

    def request(self) -> None:
        """Update the part: now (on the worker) if the page is shown, else when it is next shown."""
        self.due.request()

    def start(self) -> None:
        self._awaiting = True
        self._latest.request(self._prepare())

    def on_latest_result(self, result: Any) -> None:
        self._awaiting = False  # (only the newest request's result comes)
        self._show(result)
        self.shown.emit()

    def on_latest_failed(self, error: BaseException) -> None:
        self._awaiting = False
        raise error  # a bug in the core: reported like one on the GUI thread

    def wait(self) -> None:
        """Block until the running job has finished (when the page goes)."""
        self._latest.wait()


def share_evenly(splitter: QSplitter) -> None:
    """Give each of ``splitter``'s widgets the same share of its length, not what their contents ask for.
    Set before it is first shown: it scales these large equal sizes down to its length, proportionally."""
    splitter.setSizes([EVEN_SHARE] * splitter.count())


EVEN_SHARE = 10_000


def splitter(orientation: Qt.Orientation, parent: QWidget, *widgets: QWidget) -> QSplitter:
    """``widgets`` side by side (``Horizontal``) or one above the other (``Vertical``); none collapses away."""
    split = QSplitter(orientation, parent)
    split.setChildrenCollapsible(False)
    for widget in widgets:
        split.addWidget(widget)
    return split


Content = TypeVar("Content", bound=QWidget)


class LazyTab(QWidget, Generic[Content]):
    """A tab whose content (a ``Content``) is built the first time it is shown, or asked for
    (``content``): the tabs out of sight cost nothing on the page's first visit.

    A ``deferred`` tab is built after it is first shown rather than while it is being shown: meanwhile
    it says it is being updated, and once that is painted it builds in a later turn of the event loop
    (``QTimer.singleShot(0)`` from its first paint: one asked for while it is being shown would run
    before the page's own paint, in the same turn). Its page appears first, and a first visit is two
    shorter events instead of one long one.

    Signals:
        content_built(): once, after the content was built.
    """

    content_built = Signal()

    def __init__(self, build: Callable[[], Content], parent: QWidget | None = None, deferred: bool = False) -> None:
        super().__init__(parent)
        self._build = build
        self._content: Content | None = None
        self._placeholder = QLabel(self) if deferred else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self._placeholder is not None:
            self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self._placeholder)
        self.retranslate()

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> Content:
        """The tab's content, built now if it was not yet."""
        if self._content is None:
            self._content = self._build()
            self._drop_placeholder()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._content)
            self._content.show()  # at once: a layout shows a widget added to a shown tab only an event later
            self.content_built.emit()
        return self._content

    def retranslate(self) -> None:
        """Say in the new language that a deferred tab is being updated (its content, once built,
        retranslates with its page)."""
        if self._placeholder is not None:
            self._placeholder.setText(tr("pages.updating"))

    def _drop_placeholder(self) -> None:
        if self._placeholder is not None:
            self._placeholder.hide()
            self._placeholder.deleteLater()
            self._placeholder = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.build_when_shown()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.build_when_painted()

    def build_when_shown(self) -> None:
        """Build the content now, unless the tab is deferred (it says it is being updated meanwhile)."""
        if self._placeholder is None:  # built when shown, or built already
            self.content()

    def build_when_painted(self) -> None:
        """A deferred tab still unbuilt builds in a later turn of the event loop: the page it is on has
        been painted by then, and the time its build takes is not added to the page's own."""
        if self._placeholder is not None:
            QTimer.singleShot(0, self, self.content)


class Page(QWidget):
    """A page in the sidebar (its label lives in the window's page list); subclasses refresh in ``on_changes``."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._when_shown: list[WhenShown] = []
        self.refreshing = self.when_shown(self.refresh)
        """The page's refresh, put off while it is hidden."""
        session.changed.connect(self.on_changes)

    @property
    def stale(self) -> bool:
        """The workspace changed while the page was hidden: it refreshes when next shown."""
        return self.refreshing.due

    def when_shown(self, work: Callable[[], None]) -> WhenShown:
        """``work`` done at once while the page is shown, else when it is next shown."""
        due = WhenShown(self, work)
        self._when_shown.append(due)
        return due

    def on_changes(self, changes: list[Change]) -> None:
        """Refresh what ``changes`` touched; the default refreshes everything, at once while the page
        is shown, else when it is next shown (an edit costs nothing for the pages out of sight)."""
        self.refreshing.request()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Do what was asked for while the page was hidden."""
        for due in self._when_shown:
            due.catch_up()

    def refresh(self) -> None:
        """Show the workspace anew."""

    def commit_forms(self) -> str:
        """Save what each of the page's forms holds and has not saved; the problems of those that
        refuse (each also shown under its field), or "" when all is saved."""
        from ui.forms.form import ItemForm  # only the pages that have forms load them

        refused = [form for form in self.findChildren(ItemForm) if not form.commit()]
        return "\n".join(next(iter(form.errors().values()), "") for form in refused)

    def discard_forms(self) -> None:
        """Show the stored items again in the forms that could not save, dropping what was typed there."""
        from ui.forms.form import ItemForm

        for form in self.findChildren(ItemForm):
            if form.is_dirty():
                form.revert()

    def on_shown(self) -> None:
        """The window shows this page now (a plain call, not an event handler: at start-up, no
        Python event handler runs before the window is shown); it catches up on what is due."""
        self.catch_up()

    def retranslate(self) -> None:
        """Set every visible text again after the language changed."""
