"""The open workspace as the app sees it: the store, its undo stack and the change signal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing.edits import Edit
from briefing.errors import BriefingError
from briefing.i18n import Message
from briefing.model.entities import Workspace
from briefing.store import EVERYTHING_CHANGED, Change, StoreWriteError, WorkspaceStore


def undo_text(action: str, noun_key: str) -> Message:
    """"add/change/remove a <noun>" for Edit → Undo, translated when shown (``action``: add, change, remove)."""
    return Message(f"pages.undo.{action}", {"noun": Message(noun_key)})


class StepRefused(BriefingError):
    """The core refused to undo (or redo) a step: the store is as it was, and the step left the history."""


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
        self._applied = self._step(self._edit.apply, "shell.redo.refused")

    def undo(self) -> None:
        self._applied = not self._step(self._edit.revert, "shell.undo.refused")

    def _step(self, step: Callable[[WorkspaceStore], list[Change]], refused_key: str) -> bool:
        """Run ``step``; True when it took effect. A refused step leaves the store as it was and takes
        this command off the undo history (Qt drops an obsolete command instead of moving past it), so
        Edit → Undo never offers, or claims to have done, what the store does not hold."""
        refusal = self._session.run(step)
        if refusal is None:
            return True
        self.setObsolete(True)
        self._session.failed.emit(StepRefused(refused_key, step=self.message, reason=refusal))
        return False


class Session(QObject):
    """One open workspace.

    Signals:
        changed(list[Change]): after an edit, an undo or a redo — views refresh what it names.
        failed(BriefingError): an edit, undo or redo could not be saved (the change is kept in
            memory and shown; ``retry_save`` writes it once the cause is fixed), or the core
            refused an undo or redo (StepRefused: nothing changed, the step left the history).
    """

    changed = Signal(object)
    failed = Signal(object)

    def __init__(self, store: WorkspaceStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)

    @property
    def workspace(self) -> Workspace:
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
            self.changed.emit([EVERYTHING_CHANGED])
            self.failed.emit(error)
            return []
        self.undo_stack.push(EditCommand(self, edit, text))
        self.changed.emit(changes)
        return changes

    def retry_save(self) -> None:
        """Write what a failed save left in memory; StoreWriteError again if it still fails."""
        self.store.save_pending()

    def run(self, step: Callable[[WorkspaceStore], list[Change]]) -> BriefingError | None:
        """Apply an edit's step (apply or revert) for undo or redo; the core's refusal is returned, not shown.

        A failed save is not a refusal: the step is done in memory and ``failed`` offers the retry.
        """
        try:
            changes = step(self.store)
        except StoreWriteError as error:
            self.changed.emit([EVERYTHING_CHANGED])
            self.failed.emit(error)
            return None
        except BriefingError as error:
            return error
        self.changed.emit(changes)
        return None

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()
