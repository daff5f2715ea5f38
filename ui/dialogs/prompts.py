"""The questions the main window asks the user, as one object so that tests can answer them.

``DialogPrompts`` shows real dialogs; a test passes an object with the same methods instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing import __version__
from briefing.errors import BriefingError
from briefing.i18n import tr
from briefing.model.entities import Workspace
from briefing.store import StoreDamaged, WorkspaceLocked
from ui.dialogs import messages

if TYPE_CHECKING:
    from ui.dialogs.presented import PresentationInput
    from ui.imports import ImportKind


class DialogPrompts:
    """Asks through modal dialogs parented to ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    # -- opening and saving ------------------------------------------------------------

    def locked(self, error: WorkspaceLocked) -> None:
        messages.locked_box(error, self.parent).exec()

    def damaged(self, error: StoreDamaged, can_restore: bool) -> bool:
        box = messages.damaged_box(error, can_restore, self.parent)
        box.exec()
        return can_restore and messages.accepted(box)

    def failed(self, error: BaseException) -> None:
        messages.error_box(error, self.parent).exec()

    def save_failed(self, error: BriefingError) -> bool:
        box = messages.save_failed_box(error, self.parent)
        box.exec()
        return messages.accepted(box)

    def discard_unsaved(self, text: str) -> bool:
        """Whether to leave a change that cannot be saved (``text`` says which and why); default: no."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("shell.unsaved.title"), text,
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self.parent)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    # -- files ---------------------------------------------------------------------------

    def choose_folder(self, title_key: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self.parent, tr(title_key))
        return Path(folder) if folder else None

    def choose_import_files(self, kind: ImportKind) -> list[Path]:
        from ui.imports import choose_files

        return choose_files(self.parent, kind)

    def choose_deck_target(self, suggested: Path) -> Path | None:
        return self._save_as("shell.export.title", suggested, "shell.export.pptx", ".pptx")

    def choose_calendar_target(self, suggested: Path) -> Path | None:
        return self._save_as("shell.due.calendar_title", suggested, "shell.due.calendar_filter", ".ics")

    def _save_as(self, title_key: str, suggested: Path, filter_key: str, suffix: str) -> Path | None:
        """The file the user names in a save dialog, with ``suffix`` added when they left it out."""
        wanted = f"{tr(filter_key)} (*{suffix})"
        name, _ = QFileDialog.getSaveFileName(self.parent, tr(title_key), str(suggested), wanted)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def choose_template(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, tr("shell.briefing.template_title"), "", f"{tr('shell.export.pptx')} (*.pptx)"
        )
        return Path(name) if name else None

    def import_kind(self) -> ImportKind | None:
        """Whether dropped files are surveys or stakeholders; None when the user cancels."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("shell.app_name"), tr("shell.drop.question"),
                          QMessageBox.StandardButton.NoButton, self.parent)
        survey = box.addButton(tr("shell.drop.survey"), QMessageBox.ButtonRole.AcceptRole)
        people = box.addButton(tr("shell.drop.stakeholders"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "survey" if clicked is survey else "stakeholders" if clicked is people else None

    # -- the rest ------------------------------------------------------------------------

    def record_presentation(
        self, workspace: Workspace, deck_file: Path, today: dt.date, submit: Callable[[PresentationInput], None]
    ) -> bool:
        """The "mark as presented" dialog; True when it was recorded."""
        from ui.dialogs.presented import PresentedDialog

        dialog = PresentedDialog(workspace, deck_file, today, submit, self.parent)
        return dialog.exec() == PresentedDialog.DialogCode.Accepted

    def about(self) -> None:
        QMessageBox.about(self.parent, tr("shell.about.title"), tr("shell.about.text", version=__version__))
