"""The main window: assembles the sidebar, the pages, the menus and the session; owns no logic.

Signals are wired in ``_connect_signals``; slots are named ``on_<source>_<event>`` and call the
session, the core or a prompt. Pages are built the first time they are shown, so the window
appears quickly and the heavy libraries (matplotlib, python-pptx) load only when a page needs them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QStandardItem,
    QStandardItemModel,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.clock import Clock
from briefing.errors import BriefingError
from briefing.i18n import current_language, set_language, tr
from briefing.model.collections import STAKEHOLDERS, Collection, Entity
from briefing.store import StoreWriteError, WorkspaceStore
from ui import qt_texts, workspaces
from ui.calendar_export import CalendarExport
from ui.dialogs.prompts import DialogPrompts
from ui.imports import ImportController, ImportKind, local_files
from ui.menus import Menus
from ui.pages.base import Page
from ui.pages.factories import PAGE_NAMES, PAGES, PageEntry
from ui.preread import PrereadExport
from ui.session import Session
from ui.settings import AppSettings
from ui.sidebar import Sidebar
from ui.workers import Runner, keep_long_lived

if TYPE_CHECKING:  # (the event classes are only named: loading them at start would cost a millisecond)
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent


SIDEBAR_WIDTH = 210
STATUS_MESSAGE_MS = 10_000
"""How long a message (what an import added) stays in the status bar."""
DROP_KINDS: dict[str, ImportKind] = {"allies": "stakeholders", "evidence": "survey"}
"""What a file dropped on the window is, by the page shown; on other pages the user is asked."""


class MainWindow(QMainWindow):
    """Briefing Composer's one window.

    Signals:
        workspace_opened(object): the new Session, after a workspace was opened.
        opening_ended(): a workspace loaded on a worker (``begin_open``) is shown, or the user was told
            why it could not be opened.
        language_changed(str): after every text was set again in the new language.
        page_shown(str): the name of the page now shown.
    """

    workspace_opened = Signal(object)
    opening_ended = Signal()
    language_changed = Signal(str)
    page_shown = Signal(str)

    def __init__(self, settings: AppSettings, prompts: Any = None, clock: Clock | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.prompts = prompts if prompts is not None else DialogPrompts(self)
        self.clock = clock
        self.session: Session | None = None
        self.opening: Path | None = None
        """The folder whose workspace is being opened on a worker, if one is."""
        self.opening_name_key = ""
        """The text that names the workspace being opened ("": its folder's name)."""
        self.home: Path | None = None
        """The folder shown as ``~`` in the status bar (None: the user's home)."""
        self.imports: ImportController | None = None
        self.runner = Runner(self)
        self.calendar_export = CalendarExport(self.runner, settings, self.prompts, self)
        self.undo_group = QUndoGroup(self)
        self.pages: dict[str, Page] = {}
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self._build()
        self._connect_signals()
        self.retranslate()
        self._restore_window()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.nav_model = QStandardItemModel(self)
        for entry in PAGES:
            item = QStandardItem()
            item.setEditable(False)
            item.setData(entry.name, Qt.ItemDataRole.UserRole)
            self.nav_model.appendRow(item)
        self.sidebar = Sidebar(self)
        self.sidebar.setModel(self.nav_model)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self.slots = [self._slot(entry) for entry in PAGES]
        self.welcome = self._welcome()
        self.stack.addWidget(self.welcome)
        splitter = QSplitter(self)
        splitter.setObjectName("splitter")
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)  # the sidebar keeps its width from page to page; the page takes the rest
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([SIDEBAR_WIDTH, 1280 - SIDEBAR_WIDTH])
        self.setCentralWidget(splitter)
        self.menus = Menus(self, self.undo_group, [entry.label_key for entry in PAGES])
        self.preread = PrereadExport(self, self.runner, self.settings, self.prompts)
        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self.resize(1280, 800)

    def _slot(self, entry: PageEntry) -> QWidget:
        slot = QWidget(self.stack)
        slot.setObjectName(f"slot_{entry.name}")
        QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(slot)
        return slot

    def _welcome(self) -> QWidget:
        page = QWidget(self.stack)
        page.setObjectName("welcome")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.welcome_text = QLabel(page)
        self.welcome_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_text.setWordWrap(True)
        layout.addWidget(self.welcome_text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.welcome_new, self.welcome_open, self.welcome_demo = (QPushButton(page) for _ in range(3))
        for button in (self.welcome_new, self.welcome_open, self.welcome_demo):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _connect_signals(self) -> None:
        self.sidebar.selectionModel().selectionChanged.connect(self.on_sidebar_selection_changed)
        self.menus.new_action.triggered.connect(self.on_new_triggered)
        self.menus.open_action.triggered.connect(self.on_open_triggered)
        self.menus.recent_menu.aboutToShow.connect(self.on_recent_menu_about_to_show)
        self.menus.recent_menu.triggered.connect(self.on_recent_menu_triggered)
        self.menus.demo_action.triggered.connect(self.on_demo_triggered)
        self.menus.import_survey_action.triggered.connect(self.on_import_survey_triggered)
        self.menus.import_stakeholders_action.triggered.connect(self.on_import_stakeholders_triggered)
        self.menus.export_action.triggered.connect(self.on_export_triggered)
        self.menus.export_preread_action.triggered.connect(self.on_export_preread_triggered)
        self.menus.export_calendar_action.triggered.connect(self.on_export_calendar_triggered)
        self.calendar_export.exported.connect(self.on_calendar_export_exported)
        self.menus.quit_action.triggered.connect(self.close)
        self.menus.language_group.triggered.connect(self.on_language_group_triggered)
        for index, action in enumerate(self.menus.go_actions):
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(PAGE_NAMES[i]))
        self.menus.about_action.triggered.connect(self.on_about_triggered)
        self.menus.find_action.triggered.connect(self.on_find_triggered)
        self.welcome_new.clicked.connect(self.on_new_triggered)
        self.welcome_open.clicked.connect(self.on_open_triggered)
        self.welcome_demo.clicked.connect(self.on_demo_triggered)

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text of the window and of the pages built so far in the current language."""
        qt_texts.use(current_language())
        for row, entry in enumerate(PAGES):
            item = self.nav_model.item(row)
            item.setText(tr(entry.label_key))
            item.setData(tr(entry.label_key), Qt.ItemDataRole.AccessibleTextRole)
        self.sidebar.setAccessibleName(tr("shell.nav.name"))
        self.stack.setAccessibleName(tr("shell.pages.name"))
        if self.session is not None:
            self.session.retranslate()  # (before the menus make Undo and Redo anew with its texts)
        self.menus.retranslate()
        self.welcome_new.setText(tr("shell.welcome.new"))
        self.welcome_open.setText(tr("shell.welcome.open"))
        self.welcome_demo.setText(tr("shell.welcome.demo"))
        labels = {entry.name: entry.label_key for entry in PAGES}
        for name, page in self.pages.items():
            page.setAccessibleName(tr(labels[name]))
            page.retranslate()
        self._update_title()
        self._say_opening()

    def _update_title(self) -> None:
        app = tr("shell.app_name")
        if self.session is None:
            self.setWindowTitle(app)
            self.status.setText("")
            return
        store = self.session.store
        self.setWindowTitle(f"{store.name} — {app}" + (f" ({tr('shell.title.read_only')})" if store.read_only else ""))
        folder = workspaces.short_folder(store.folder, self.home)
        status = tr("shell.status.folder", name=store.name, folder=folder) if folder else store.name
        self.status.setText(tr("shell.status.read_only", status=status) if store.read_only else status)

    # -- workspaces --------------------------------------------------------------------------

    def ready_to_leave(self) -> bool:
        """Before the workspace closes: what the forms hold is saved and a failed save retried; what
        cannot be saved is left only when the user says so. False: stay (the problem is shown)."""
        return self._forms_saved() and self._store_saved()

    def _forms_saved(self) -> bool:
        for name, page in list(self.pages.items()):
            problem = page.commit_forms()
            if not problem:
                continue
            self.show_page(name)
            if not self.prompts.discard_unsaved(tr("shell.unsaved.form", problem=problem)):
                return False
            page.discard_forms()
        return True

    def _store_saved(self) -> bool:
        if self.session is None or not self.session.store.pending:
            return True
        try:
            self.session.retry_save()
            return True
        except StoreWriteError as error:
            self._offer_retry(error)
            problem = error.message()
        if not self.session.store.pending:
            return True
        return bool(self.prompts.discard_unsaved(tr("shell.unsaved.disk", problem=problem)))

    def open_folder(self, folder: Path, later: bool = False) -> bool:
        """Open the workspace in ``folder``; False when it could not be opened (the user was told).
        ``later``: loaded on a worker (``begin_open``), True meaning only that the opening began."""
        if later:
            self.begin_open(folder)
            return self.opening == folder or self._holds(folder)
        if self.opening is not None:  # one workspace at a time: the one being loaded comes first
            return False
        if self._holds(folder):
            return True  # open already (from File → Open or the recent list): nothing to do
        if not self.ready_to_leave():
            return False
        store = workspaces.open_store(folder, self.clock, self.prompts)
        if store is None:
            return False
        self.set_store(store)
        return True

    def begin_open(self, folder: Path, load: Callable[[], WorkspaceStore] | None = None, name_key: str = "") -> None:
        """Open the workspace in ``folder`` with its store loaded on a worker (``load``, by default
        ``WorkspaceStore.open``; a big campaign takes a moment): meanwhile the window keeps answering
        and says it is opening the workspace (named by the text ``name_key``, else by its folder), and
        nothing else can be opened; ``workspace_opened`` follows, or the user is told why it could not
        open; then ``opening_ended``."""
        if self.opening is not None or self._holds(folder) or not self.ready_to_leave():
            return
        self.opening, self.opening_name_key = folder, name_key
        self._say_opening()
        clock = self.clock
        job = self.runner.prepare(lambda _progress: load() if load else WorkspaceStore.open(folder, clock))
        job.finished.connect(self.on_open_job_finished)
        job.failed.connect(self.on_open_job_failed)
        self.runner.launch(job)

    def _say_opening(self) -> None:
        """While a workspace is opening: the status bar and the welcome page say which, and the ways to
        open another (its buttons, File → New, Open, Recent, Demo) wait until it is open."""
        opening = self.opening is not None
        if self.opening is not None:
            name = tr(self.opening_name_key) if self.opening_name_key else self.opening.name
            self.status.setText(tr("shell.status.opening", name=name))
            self.welcome_text.setText(tr("shell.status.opening", name=name))
        else:
            self.welcome_text.setText(tr("shell.welcome.text"))
        for button in (self.welcome_new, self.welcome_open, self.welcome_demo):
            button.setVisible(not opening)
        for action in (self.menus.new_action, self.menus.open_action, self.menus.demo_action,
                       self.menus.recent_menu.menuAction()):
            action.setEnabled(not opening)

    def on_open_job_finished(self, store: WorkspaceStore) -> None:
        if self.opening is None:  # the window closed meanwhile: the store is closed unseen
            store.close()
            return
        self.opening = None
        try:
            self._say_opening()
            self.set_store(store)
        finally:
            self.opening_ended.emit()

    def on_open_job_failed(self, error: BaseException) -> None:
        folder, self.opening = self.opening, None
        if folder is None:  # the window closed meanwhile
            return
        try:
            self._say_opening()
            store = workspaces.recover(folder, error, self.clock, self.prompts)
            if store is not None:
                self.set_store(store)
            else:
                self._update_title()
        finally:
            self.opening_ended.emit()

    def _abandon_opening(self) -> None:
        """The window closes while a workspace is being loaded: wait for the load, and close the store
        it opened (its lock released) without showing it."""
        if self.opening is None:
            return
        self.opening = None
        self.runner.wait()
        QCoreApplication.sendPostedEvents(self)  # the load's result, to ``on_open_job_finished``

    def _holds(self, folder: Path) -> bool:
        """True when the workspace in ``folder`` is the one open."""
        open_now = self.session.store.folder if self.session is not None else None
        return open_now is not None and open_now.resolve() == folder.resolve()

    def open_existing(self, folder: Path, later: bool = False) -> bool:
        """Open the workspace in ``folder`` if it holds one (File → Open, the recent ones; ``later``:
        loaded on a worker, see ``begin_open``); a folder without one is not made into one: the user
        is told (File → New workspace does that)."""
        if not workspaces.holds_workspace(folder):
            self.prompts.failed(BriefingError("shell.error.no_workspace", folder=str(folder)))
            return False
        if later:
            self.begin_open(folder)
            return True
        return self.open_folder(folder)

    def open_demo(self, lang: str | None = None, later: bool = False) -> bool:
        """Open (creating it the first time) the demo workspace in ``lang`` (default: the app's language);
        ``later``: loaded on a worker (``begin_open``), True meaning only that the opening began."""
        lang = lang or current_language()
        if later:
            folder, clock = workspaces.demo_folder(lang), self.clock
            self.begin_open(folder, lambda: workspaces.load_demo(folder, lang, clock), "shell.status.demo")
            return self.opening == folder
        if self.opening is not None or not self.ready_to_leave():
            return False
        store = workspaces.open_demo(lang, self.clock, self.prompts)
        if store is None:
            return False
        self.set_store(store)
        return True

    def set_store(self, store: WorkspaceStore) -> None:
        """Show ``store``'s workspace: a new session, the pages built anew."""
        self._close_session()
        self.session = Session(store, self)
        self.undo_group.addStack(self.session.undo_stack)
        self.undo_group.setActiveStack(self.session.undo_stack)
        self.session.changed.connect(self.on_session_changed)
        self.session.failed.connect(self.on_session_failed)
        self.imports = ImportController(self.session, self)
        self.imports.imported.connect(self.on_imports_imported)
        self.imports.told.connect(self.on_imports_told)
        if store.folder is not None:
            self.settings.remember_workspace(store.folder)
        for action in self.menus.workspace_actions:
            action.setEnabled(True)
        self.sidebar.setEnabled(True)
        self._update_title()
        self.show_page(self.current_page_name() or "overview", force=True)
        keep_long_lived()
        self.workspace_opened.emit(self.session)

    def _close_session(self) -> None:
        if self.session is None:
            return
        self.runner.wait()
        for page in self.pages.values():
            page.setParent(None)
            page.deleteLater()
        self.pages.clear()
        self.undo_group.removeStack(self.session.undo_stack)
        with contextlib.suppress(StoreWriteError):  # an edit still not on disk: the user chose to leave it
            self.session.close()
        self.session.deleteLater()
        self.session = None
        self.imports = None

    # -- pages -----------------------------------------------------------------------------

    def current_page_name(self) -> str | None:
        index = self.stack.currentIndex()
        return PAGE_NAMES[index] if 0 <= index < len(PAGES) else None

    def page(self, name: str) -> Page | None:
        """The page ``name``, built now if it was not yet (None without a workspace)."""
        if name in self.pages:
            return self.pages[name]
        if self.session is None:
            return None
        entry = PAGES[PAGE_NAMES.index(name)]
        page = self._create_page(entry, self.session)
        layout = self.slots[PAGE_NAMES.index(name)].layout()
        assert layout is not None
        layout.addWidget(page)
        self.pages[name] = page
        return page

    def _create_page(self, entry: PageEntry, session: Session) -> Page:
        page = entry.build(self, session, self.slots[PAGE_NAMES.index(entry.name)])
        page.setObjectName(f"page_{entry.name}")
        page.setAccessibleName(tr(entry.label_key))
        return page

    def show_page(self, name: str, force: bool = False) -> None:
        """Show the page ``name`` and select it in the sidebar."""
        if self.session is None:
            self.stack.setCurrentWidget(self.welcome)
            return
        row = PAGE_NAMES.index(name)
        if not force and self.stack.currentIndex() == row and name in self.pages:
            return
        page = self.page(name)
        self.stack.setCurrentIndex(row)
        if page is not None:
            page.on_shown()
        index = self.nav_model.index(row, 0)
        if self.sidebar.currentIndex() != index:
            self.sidebar.setCurrentIndex(index)
        self.page_shown.emit(name)

    # -- slots -------------------------------------------------------------------------------

    def on_sidebar_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes: list[QModelIndex] = selected.indexes()
        if indexes:
            self.show_page(str(indexes[0].data(Qt.ItemDataRole.UserRole)))

    def on_page_navigate(self, name: str) -> None:
        self.show_page(name)

    def on_page_show_person(self, stakeholder_id: str) -> None:
        self.show_page("allies")
        self.pages["allies"].open_person(stakeholder_id)  # type: ignore[attr-defined]

    def on_page_show_attempt(self, presentation_id: str) -> None:
        self.show_page("history")
        self.pages["history"].select_presentation(presentation_id)  # type: ignore[attr-defined]

    def on_new_triggered(self) -> None:
        folder = self.prompts.choose_folder("shell.action.new_title")
        if folder is not None:
            self.open_folder(folder)

    def on_open_triggered(self) -> None:
        folder = self.prompts.choose_folder("shell.action.open_title")
        if folder is not None:
            self.open_existing(folder, later=True)

    def on_recent_menu_about_to_show(self) -> None:
        self.menus.recent_menu.clear()
        recent = self.settings.recent_workspaces()
        for folder in recent:
            action = self.menus.recent_menu.addAction(str(folder))
            action.setData(str(folder))
        if not recent:
            self.menus.recent_menu.addAction(tr("shell.menu.recent_none")).setEnabled(False)

    def on_recent_menu_triggered(self, action: QAction) -> None:
        if action.data():
            folder = Path(str(action.data()))
            if not self.open_existing(folder, later=True) and not workspaces.holds_workspace(folder):
                self.settings.forget_workspace(folder)

    def on_demo_triggered(self) -> None:
        self.open_demo()

    def on_import_survey_triggered(self) -> None:
        self.import_files("survey", self.prompts.choose_import_files("survey"))

    def on_import_stakeholders_triggered(self) -> None:
        self.import_files("stakeholders", self.prompts.choose_import_files("stakeholders"))

    def on_export_triggered(self) -> None:
        self.show_page("briefing")
        page = self.pages.get("briefing")
        if page is not None:
            page.export()  # type: ignore[attr-defined]

    def on_export_preread_triggered(self) -> None:
        self.preread.export(self.session)

    def on_export_calendar_triggered(self) -> None:
        if self.session is not None:
            self.calendar_export.start(self.session)

    def on_calendar_export_exported(self, summary: str) -> None:
        self.statusBar().showMessage(summary, STATUS_MESSAGE_MS)

    def on_imports_imported(self, collection: Collection[Entity], ids: list[str]) -> None:
        self.show_page("allies" if collection is STAKEHOLDERS else "evidence")

    def on_imports_told(self, summary: str) -> None:
        self.statusBar().showMessage(summary, STATUS_MESSAGE_MS)

    def on_language_group_triggered(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    def on_find_triggered(self) -> None:
        """Put the cursor in the search field of the page shown (its first list's, when it has several)."""
        from PySide6.QtWidgets import QLineEdit  # (not needed before the first search: start-up stays lean)

        page = self.pages.get(self.current_page_name() or "")
        fields = [f for f in page.findChildren(QLineEdit, "search") if f.isVisible()] if page is not None else []
        if not fields:
            return
        near = fields  # the search of the nearest list around the cursor (its table, or the form beside it)
        around = QApplication.focusWidget()
        while around is not None and around is not page:
            inside = [f for f in fields if around.isAncestorOf(f)]
            if inside:
                near = inside
                break
            around = around.parentWidget()
        field = min(near, key=lambda f: (f.mapTo(self, QPoint()).y(), f.mapTo(self, QPoint()).x()))
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def on_about_triggered(self) -> None:
        self.prompts.about()

    def on_session_changed(self, _changes: list[Any]) -> None:
        self._update_title()

    def on_session_failed(self, error: BriefingError) -> None:
        if isinstance(error, StoreWriteError):
            self._offer_retry(error)
        else:
            self.prompts.failed(error)

    def _offer_retry(self, error: StoreWriteError) -> None:
        """Ask to retry a failed save until it succeeds or the user chooses later."""
        while self.session is not None and self.prompts.save_failed(error):
            try:
                self.session.retry_save()
            except StoreWriteError as again:
                error = again
                continue
            self.statusBar().showMessage(tr("shell.status.saved"), 5000)
            return

    # -- language --------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch every text of the app to ``lang`` ("da" or "en") now, and remember it."""
        set_language(lang)
        self.settings.set_language(lang)
        self.retranslate()
        self.language_changed.emit(lang)

    # -- importing ---------------------------------------------------------------------------

    def import_files(self, kind: ImportKind | None, paths: list[Path]) -> None:
        """Hand ``paths`` to the importer of ``kind`` ("survey" or "stakeholders"; None: nothing)."""
        if not paths or self.imports is None:
            return
        if kind == "survey":
            self.imports.import_survey_files(paths)
        elif kind == "stakeholders":
            self.imports.import_stakeholder_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.session is not None and local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if not paths or self.imports is None:
            return
        event.acceptProposedAction()
        kind = DROP_KINDS.get(self.current_page_name() or "") or self.prompts.import_kind()
        self.import_files(kind, paths)

    # -- window state ------------------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.sidebar.setEnabled(False)
        for action in self.menus.workspace_actions:
            action.setEnabled(False)
        self.stack.setCurrentWidget(self.welcome)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready_to_leave():  # an edit that cannot be saved keeps the window open, unless the user drops it
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self._abandon_opening()
        self._close_session()
        super().closeEvent(event)
