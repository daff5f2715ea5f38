"""Check boxes whose choice is the user's, not the workspace's: remembered in the app's settings between runs.
The export box's "without speaker notes" choice is one: a copy of the deck to send ahead, with no notes at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QWidget

from briefing.i18n import tr
from ui.settings import AppSettings


class RememberedChoice(QCheckBox):
    """A check box that starts as ``read(settings)`` and keeps every change with ``write(settings, checked)``
    (no settings: it starts unchecked and keeps nothing)."""

    def __init__(self, name: str, settings: AppSettings | None, read: Callable[[AppSettings], bool],
                 write: Callable[[AppSettings, bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.app_settings = settings
        self._write = write
        self.setChecked(read(settings) if settings is not None else False)
        self.toggled.connect(self.on_toggled)

    def on_toggled(self, checked: bool) -> None:
        if self.app_settings is not None:
            self._write(self.app_settings, checked)


class NotesChoice(RememberedChoice):
    """Checked: the next export writes the deck without speaker notes."""

    def __init__(self, parent: QWidget | None = None, settings: AppSettings | None = None) -> None:
        super().__init__("no_notes", settings, AppSettings.deck_without_notes, AppSettings.set_deck_without_notes,
                         parent)
        self.retranslate()

    @property
    def notes(self) -> bool:
        """True when the deck is written with its speaker notes."""
        return not self.isChecked()

    def retranslate(self) -> None:
        self.setText(tr("shell.briefing.no_notes"))
        self.setToolTip(tr("shell.briefing.no_notes_tip"))
        self.setAccessibleName(tr("shell.briefing.no_notes"))
