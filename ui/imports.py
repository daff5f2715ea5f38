"""Survey and stakeholder files into the workspace: detect the layout, ask for a mapping when
detection fails, add the result as one undoable edit, and show the importer's errors as they are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.session import Session


class ImportController(QObject):
    """Imports files for the pages and the main window's menu.

    Signals:
        imported(str, list[str]): the collection and the ids of the items added.
        failed(str): the message of an import that changed nothing.
    """

    imported = Signal(str, object)
    failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent

    def import_survey_files(self, paths: list[Path] | list[str]) -> list[str]:
        """Import each survey file; returns the ids of the surveys added."""
        return []

    def import_stakeholder_files(self, paths: list[Path] | list[str]) -> list[str]:
        """Import each stakeholder file; returns the ids of the stakeholders added."""
        return []
