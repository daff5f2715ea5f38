"""Answering dialogs in tests the moment they show, so no test waits on a modal dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox


class DialogAnswerer(QObject):
    """Answers the next dialogs of ``kind`` as soon as each is shown (an event filter on the app)."""

    def __init__(self, kind: type[QDialog], answer: Callable[[QDialog], None]) -> None:
        super().__init__()
        self.kind = kind
        self.answer = answer
        self.seen: list[QDialog] = []
        self.texts: list[tuple[str, str]] = []
        self.titles: list[str] = []
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, self.kind) and watched not in self.seen:
            self.seen.append(watched)
            self.titles.append(watched.windowTitle())
            if isinstance(watched, QMessageBox):
                self.texts.append((watched.text(), watched.informativeText()))
            QTimer.singleShot(0, lambda dialog=watched: self.answer(dialog))
        return False

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]


@pytest.fixture
def answer_dialogs() -> Iterator[Callable[..., DialogAnswerer]]:
    """``answer_dialogs(QMessageBox, click="restore")`` or ``answer_dialogs(kind, answer=fn)``."""
    made: list[DialogAnswerer] = []

    def start(kind: type[QDialog] = QMessageBox, click: str | None = None,
              answer: Callable[[QDialog], None] | None = None) -> DialogAnswerer:
        def press(dialog: QDialog) -> None:
            button = dialog.findChild(QAbstractButton, click) if click else None
            if button is not None:
                button.click()
            elif isinstance(dialog, QMessageBox) and dialog.defaultButton() is not None:
                dialog.defaultButton().click()
            else:
                dialog.accept()

        answerer = DialogAnswerer(kind, answer or press)
        made.append(answerer)
        return answerer

    yield start
    for answerer in made:
        answerer.close()
