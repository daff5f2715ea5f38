"""What every page of the main window has: the session it shows and a title."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from briefing.store import Change
from ui.session import Session


class Page(QWidget):
    """A page in the sidebar (its label lives in the window's page list); subclasses refresh in ``on_changes``."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stale = False
        """The workspace changed while the page was hidden: it refreshes when next shown."""
        session.changed.connect(self.on_changes)

    def on_changes(self, changes: list[Change]) -> None:
        """Refresh what ``changes`` touched; the default refreshes everything, at once while the page
        is shown, else when it is next shown (an edit costs nothing for the pages out of sight)."""
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        """Show the workspace anew."""

    def commit_forms(self) -> str:
        """Save what each of the page's forms holds and has not saved; the problems of those that
        refuse (each also shown under its field), or "" when all is saved."""
        from ui.forms.form import ItemForm  # only the pages that have forms load them

        refused = [form for form in self.findChildren(ItemForm) if not form.commit()]
        return "\n".join(next(iter(form.errors().values()), "") for form in refused)

    def discard_forms(self) -> None:
        """Show the stored items again in the forms that could not save, dropping what was typed there."""
        from ui.forms.form import ItemForm

        for form in self.findChildren(ItemForm):
            if form.is_dirty():
                form.revert()

    def on_shown(self) -> None:
        """The window shows this page now (a plain call, not an event handler: at start-up, no
        Python event handler runs before the window is shown)."""

    def retranslate(self) -> None:
        """Set every visible text again after the language changed."""
