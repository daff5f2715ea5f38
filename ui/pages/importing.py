"""Pages that import files: by their import button, or by files dropped anywhere on them.

The importing itself is ``ui.imports.ImportController``'s; the pages only ask it (so ``ui.imports``
never needs the pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from briefing.model.collections import Collection, Entity
from ui.imports import ImportController, ImportKind, choose_files, local_files
from ui.pages.base import Page
from ui.session import Session

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent


class FileDropTarget:
    """A widget that imports the files dropped on it: it calls ``import_dropped(paths)``.

    Put it before the Qt base class (``class Page(FileDropTarget, Page)``) and call
    ``setAcceptDrops(True)``.
    """

    def import_dropped(self, paths: list[Path]) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.import_dropped(paths)


class ImportPage(FileDropTarget, Page):
    """A page that imports one kind of file, by its import button or by files dropped anywhere on it.

    Subclasses set ``import_kind`` ("survey" or "stakeholders") and select what arrived in
    ``on_imports_imported``. Without an ``imports`` controller the page makes its own.
    """

    import_kind: ImportKind = "survey"

    def __init__(self, session: Session, parent: QWidget | None = None,
                 imports: ImportController | None = None) -> None:
        super().__init__(session, parent)
        self.imports = imports or ImportController(session, self)
        self.setAcceptDrops(True)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.on_import_button_clicked)
        self.imports.imported.connect(self.on_imports_imported)

    def on_import_button_clicked(self) -> None:
        self.imports.import_files(self.import_kind, choose_files(self, self.import_kind))

    def import_dropped(self, paths: list[Path]) -> None:
        self.imports.import_files(self.import_kind, paths)

    def on_imports_imported(self, collection: Collection[Entity], ids: list[str]) -> None:
        """Show the items just imported (``collection`` may be another page's)."""
