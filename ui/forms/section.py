"""A table and its add/edit form, wired together: the building block of the data pages.

The first row is selected when the table is first filled, and the selection is kept across
refreshes and undo while its row exists. Selecting a row shows the item in the form;
Insert/Ctrl+N/the add button prepares a new one; saving selects it; Delete/the remove button
removes the selected item (and unlinks what points to it) as one step of undo, after
``confirm_remove`` agrees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from briefing.edits import remove_with_dependents
from briefing.errors import BriefingError
from briefing.i18n import tr
from briefing.store import Change
from ui.forms.fields import Field
from ui.forms.form import ItemForm, show_message
from ui.forms.panel import TablePanel
from ui.models.collection import CollectionTableModel
from ui.session import Session, undo_text

Confirm = Callable[[QWidget, str, str], bool]
FORM_HEIGHT_LIMIT = 320
"""Pixels: a form below its table takes at most this much before it scrolls."""


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question; the default answer is no."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class Section(QWidget):
    """The table of ``model`` beside (or above) the form that adds and edits its items.

    Signals:
        current_changed(object): the selected item, or None.
    """

    current_changed = Signal(object)

    def __init__(
        self,
        session: Session,
        model: CollectionTableModel,
        title_key: str,
        fields: Sequence[Field],
        make_new: Callable[[], Any],
        noun_key: str,
        parent: QWidget | None = None,
        vertical: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        assert model.collection is not None, "a section edits a stored collection"
        self.collection = model.collection
        self.noun_key = noun_key
        self.confirm: Confirm = ask
        self._returning = False
        self._missed = False
        self.followers: list[Section] = []
        """Sections showing what belongs to this one's selected item (a person's dialogue log): their
        forms are saved before the selection moves, and a refusal there keeps the selection too."""
        self.panel = TablePanel(model, title_key, self)
        self.form = ItemForm(session, self.collection, fields, make_new, noun_key, self)
        self._layout(vertical)
        self.panel.current_changed.connect(self.on_panel_current_changed)
        self.panel.add_requested.connect(self.start_new)
        self.panel.remove_requested.connect(self.remove)
        self.form.saved.connect(self.on_form_saved)
        session.changed.connect(self.on_session_changed)
        self.setTabOrder(self.panel.view, self.form)
        self.panel.select_first()

    def _layout(self, vertical: bool) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.panel)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not to their frame
        scroll.setWidget(self.form)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        if vertical:  # the form below the table keeps the height of its fields (up to a limit), not two rows
            natural = self.form.heading.sizeHint().height() + self.form.body.sizeHint().height()  # body may be hidden
            scroll.setMinimumHeight(min(natural, FORM_HEIGHT_LIMIT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def retranslate(self) -> None:
        self.panel.retranslate()
        self.form.retranslate()

    def current(self) -> Any:
        return self.panel.current()

    def start_new(self) -> None:
        """Prepare the form for a new item (after saving what it held); no row is selected meanwhile,
        so that choosing any row, the one selected before too, leaves the new item (saved if typed)."""
        if not self.form.commit():
            return
        self.panel.view.setCurrentIndex(QModelIndex())
        self.form.start_new()

    def on_panel_current_changed(self, item: Any) -> None:
        """Show the item selected, after saving what the form held; when that is refused, the row
        being edited is selected again (nothing is selected while a new item was being added)."""
        if self._returning:
            return
        if self.form.saving:  # the table changed under a save, which selects its item when done
            self._missed = True
            return
        if not self.form.commit() or not all(follower.form.commit() for follower in self.followers):
            self._return_to_form()
            return
        self._show(item)

    def on_form_saved(self, item_id: str) -> None:
        self.panel.select(item_id)
        if self._missed:  # the row was selected while the save was still under way
            self._show(self.panel.current())

    def _show(self, item: Any) -> None:
        self._missed = False
        self.form.show_item(item)
        self.current_changed.emit(item)

    def _return_to_form(self) -> None:
        self._returning = True
        try:
            if self.form.adding:
                self.panel.view.setCurrentIndex(QModelIndex())
            else:
                self.panel.select(self.form.item.id)
        finally:
            self._returning = False

    def on_session_changed(self, changes: list[Change]) -> None:
        """Show the stored version of the item in the form when it changed (undo, redo, cell edit)."""
        self.form.refresh_options()
        if self.form.adding or self.form.item is None:
            return
        touched = any(
            c.collection is None or (c.collection is self.collection and self.form.item.id in c.ids)
            for c in changes
        )
        if touched:
            stored = self.collection.find(self.session.workspace, self.form.item.id)
            if stored is not None and self.form.is_dirty():
                self.form.refill(stored)  # what was typed stays, on top of the item as stored now
            else:
                self.form.show_item(stored if stored is not None else self.panel.current())

    def remove(self, item: Any) -> bool:
        """Remove ``item`` and unlink what points to it, as one step of undo."""
        question = self.remove_question(item)
        if question and not self.confirm(self, tr("pages.remove_title"), question):
            return False
        try:
            edit = remove_with_dependents(self.session.store, self.collection, item.id)
            self.session.do(edit, undo_text("remove", self.noun_key))
        except BriefingError as error:
            show_message(self.panel.message, error.message())
            return False
        return True

    def remove_question(self, item: Any) -> str:
        """The confirmation asked before removing ``item``; empty: no question (undo suffices)."""
        return ""
