"""The export box's "without speaker notes" choice: a copy of the deck to send ahead, with no notes at all.

The choice is the user's, not the workspace's: it is remembered in the app's settings between runs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from briefing.i18n import tr
from ui.settings import AppSettings


class NotesChoice(QCheckBox):
    """Checked: the next export writes the deck without speaker notes."""

    def __init__(self, parent: QWidget | None = None, settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("no_notes")
        self.app_settings = settings
        self.setChecked(settings.deck_without_notes() if settings is not None else False)
        self.toggled.connect(self.on_toggled)
        self.retranslate()

    @property
    def notes(self) -> bool:
        """True when the deck is written with its speaker notes."""
        return not self.isChecked()

    def on_toggled(self, checked: bool) -> None:
        if self.app_settings is not None:
            self.app_settings.set_deck_without_notes(checked)

    def retranslate(self) -> None:
        self.setText(tr("shell.briefing.no_notes"))
        self.setToolTip(tr("shell.briefing.no_notes_tip"))
        self.setAccessibleName(tr("shell.briefing.no_notes"))
