"""The deck's date on the Briefing page: a day the user chose, or automatic — and which date the deck
will carry and why (``briefing.deck.dating``).

Signals:
    edited(): the user chose a day or went back to automatic (the page makes it an undoable edit).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefing.deck.dating import DeckDate
from briefing.i18n import tr

DATE_FORMAT = "yyyy-MM-dd"
NO_DATE = QDate(2000, 1, 1)
"""The field's lowest value, shown as "Automatic": no date chosen."""


class DeckDateField(QWidget):
    """A date edit, a button back to automatic, and a line saying which date the deck gets and why."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setObjectName("deck_date")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.automatic = QPushButton(self)
        self.automatic.setObjectName("deck_date_automatic")
        self.why = QLabel(self)
        self.why.setObjectName("deck_date_why")
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.used: DeckDate | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.automatic)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.why)
        self.edit.editingFinished.connect(self.edited)
        self.automatic.clicked.connect(self.on_automatic_clicked)
        self.edit.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The calendar of an automatic date opens on the month of the date in use (not on its 2000 floor)."""
        if event.type() == QEvent.Type.Show and watched is self.edit.calendarWidget() and self.chosen() is None \
                and self.used is not None:
            self.edit.calendarWidget().setCurrentPage(self.used.day.year, self.used.day.month)
        return super().eventFilter(watched, event)

    def chosen(self) -> dt.date | None:
        """The day the user chose, or None for automatic."""
        value = self.edit.date()
        return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())

    def show_date(self, chosen: dt.date | None, used: DeckDate) -> None:
        """Show the chosen day (or automatic) and the date the deck will carry with its reason."""
        self.edit.setDate(QDate(chosen.year, chosen.month, chosen.day) if chosen else NO_DATE)
        self.automatic.setEnabled(chosen is not None)
        self.used = used
        self.why.setText(used.explanation().message())

    def on_automatic_clicked(self) -> None:
        self.edit.setDate(NO_DATE)
        self.edited.emit()

    def retranslate(self) -> None:
        self.edit.setSpecialValueText(tr("shell.loop.date_automatic"))
        self.automatic.setText(tr("shell.loop.date_clear"))
        self.automatic.setAccessibleName(tr("shell.loop.date_clear_name"))
        if self.used is not None:
            self.why.setText(self.used.explanation().message())
