"""The open workspace as the app sees it: the store, its undo stack and the change signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing.edits import Edit
from briefing.errors import BriefingError
from briefing.i18n import Message
from briefing.store import Change, StoreWriteError, WorkspaceStore


def undo_text(action: str, noun_key: str) -> Message:
    """"add/change/remove a <noun>" for Edit → Undo, translated when shown (``action``: add, change, remove)."""
    return Message(f"pages.undo.{action}", {"noun": Message(noun_key)})


class EditCommand(QUndoCommand):
    """A core Edit on Qt's undo stack; the edit was applied before it was pushed.

    ``text`` is a Message, so that Edit → Undo names the step in the language shown now.
    """

    def __init__(self, session: Session, edit: Edit, text: Message) -> None:
        super().__init__(str(text))
        self.message = text
        self._session = session
        self._edit = edit
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        self._session.run(self._edit.apply)
        self._applied = True

    def undo(self) -> None:
        self._session.run(self._edit.revert)
        self._applied = False


class Session(QObject):
    """One open workspace.

    Signals:
        changed(list[Change]): after an edit, an undo or a redo — views refresh what it names.
        failed(BriefingError): an edit, undo or redo could not be saved (the change is kept in
            memory and shown; ``retry_save`` writes it once the cause is fixed).
    """

    changed = Signal(object)
    failed = Signal(object)

    def __init__(self, store: WorkspaceStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)

    @property
    def workspace(self) -> Any:
        return self.store.workspace

    def retranslate(self) -> None:
        """Name every step of the undo history in the current language."""
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, EditCommand):
                command.setText(str(command.message))

    def do(self, edit: Edit, text: Message) -> list[Change]:
        """Apply ``edit`` and put it on the undo stack; a BriefingError leaves both unchanged.

        A failed save (StoreWriteError) is not a refusal: the edit is done in memory, so it is
        pushed and shown, and ``failed`` offers the retry.
        """
        try:
            changes = edit.apply(self.store)
        except StoreWriteError as error:
            self.undo_stack.push(EditCommand(self, edit, text))
            self.changed.emit([Change("*", "updated")])
            self.failed.emit(error)
            return []
        self.undo_stack.push(EditCommand(self, edit, text))
        self.changed.emit(changes)
        return changes

    def retry_save(self) -> None:
        """Write what a failed save left in memory; StoreWriteError again if it still fails."""
        self.store.save_pending()

    def run(self, step: Any) -> None:
        try:
            changes = step(self.store)
        except StoreWriteError as error:
            self.changed.emit([Change("*", "updated")])
            self.failed.emit(error)
            return
        except BriefingError as error:
            self.failed.emit(error)
            return
        self.changed.emit(changes)

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
