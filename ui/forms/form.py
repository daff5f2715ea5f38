"""A form that adds or edits one item of a collection, with a message under each field.

``show_item(item)`` edits an existing item, ``start_new()`` prepares a new one. ``save()``
reads the fields, and applies an AddItem or UpdateItem through ``session.do``. A value that
cannot be read, or that the store refuses, is shown under its field and changes nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.edits import AddItem, UpdateItem
from briefing.errors import BriefingError, InputError, ValidationError
from briefing.i18n import tr
from briefing.model.collections import Collection, Entity
from ui.forms.fields import (
    Field,
    fill_choices,
    get_value,
    make_editor,
    retranslate_editor,
    set_value,
    show_again,
    shown,
)
from ui.session import Session, undo_text
from ui.style import make_bold

ERROR_STYLE = "color: white; background: #B3261E; padding: 2px 4px; border-radius: 3px;"


class ItemForm(QWidget):
    """Add or edit one item of ``collection``; ``make_new()`` gives a new item with defaults.

    Signals:
        saved(str): the id of the item added or changed.
    """

    saved = Signal(str)

    def __init__(
        self,
        session: Session,
        collection: Collection[Entity],
        fields: Sequence[Field],
        make_new: Callable[[], Any],
        noun_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.collection = collection
        self.fields = list(fields)
        self.make_new = make_new
        self.noun_key = noun_key
        self.item: Any = None
        self.adding = False
        self.saving = False
        """True while a save is applied (the table updates meanwhile; the form is not to be refilled)."""
        self._errors: dict[str, BriefingError] = {}
        self._shown: dict[str, Any] = {}
        """What each field showed when the item was loaded: a field showing something else was changed."""
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._build()
        self.show_item(None)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.undo_pass = UndoPassThrough(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        make_bold(self.heading).setWordWrap(True)
        outer.addWidget(self.heading)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self.fields:
            self._add_row(field)
        body.addLayout(self.layout_)
        self.message = message_label(self)
        body.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.revert_button = QPushButton(self)
        self.revert_button.clicked.connect(self.revert)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        QWidget.setTabOrder(self.revert_button, self.save_button)  # Tab goes as the eye reads: Revert, then Save
        body.addLayout(buttons)
        outer.addWidget(self.body)
        outer.addStretch(1)
        for keys, act in (("Ctrl+Return", self.save), ("Ctrl+Enter", self.save), ("Escape", self.revert)):
            shortcut = QShortcut(QKeySequence(keys), self, act)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    def _add_row(self, field: Field) -> None:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor = make_editor(field, box)
        editor.setObjectName(f"field_{field.name}")
        editor.installEventFilter(self.undo_pass)
        message = message_label(box)
        column.addWidget(editor)
        column.addWidget(message)
        label = QLabel(self)
        label.setBuddy(editor)
        self.layout_.addRow(label, box)
        self.editors[field.name], self.messages[field.name], self.labels[field.name] = editor, message, label

    def retranslate(self) -> None:
        """Labels, buttons and choices in the current language."""
        for field in self.fields:
            self.labels[field.name].setText(tr(field.label) + ":")
            self.editors[field.name].setAccessibleName(tr(field.label))
            self.editors[field.name].setToolTip(tr(field.help_key) if field.help_key else "")
            retranslate_editor(field, self.editors[field.name])
        self.save_button.setText(tr("pages.form.add") if self.adding else tr("pages.form.save"))
        self.save_button.setToolTip(tr("pages.form.save_tip"))
        self.revert_button.setText(tr("pages.form.revert"))
        self._set_heading()
        for name, error in self._errors.items():
            self._show_error(name, error)
        self._show_numbers_again()

    def _show_numbers_again(self) -> None:
        """Numbers not changed by the user, written the new language's way (2.125 is "2,125" in Danish)."""
        if self.item is None:
            return
        edited = set(self.changed_fields())
        for field in self.fields:
            if field.kind == "float" and field.name not in edited:
                set_value(field, self.editors[field.name], getattr(self.item, field.name))
                self._shown[field.name] = shown(self.editors[field.name])

    def refresh_options(self) -> None:
        """Refill the lists of people and other references (after their collection changed)."""
        for field in self.fields:
            if field.kind == "ref":
                fill_choices(field, self.editors[field.name])

    # -- showing -----------------------------------------------------------------------------

    def show_item(self, item: Any) -> None:
        """Edit ``item`` (None: nothing selected; the fields are hidden, so no default passes for data)."""
        self.item, self.adding = item, False
        self._load(item)
        self._set_open(item is not None)

    def start_new(self) -> None:
        """Prepare a new item with its defaults; the first field gets the focus."""
        self.item, self.adding = self.make_new(), True
        self._load(self.item)
        self._set_open(True)
        self.editors[self.fields[0].name].setFocus()

    def _set_open(self, visible: bool) -> None:
        """Show and enable the fields and buttons (an item is being edited or added), or hide them."""
        self.body.setVisible(visible)
        self.body.setEnabled(visible)
        self.setEnabled(visible)

    def is_open(self) -> bool:
        """True while an item is shown for editing or adding (its fields are visible)."""
        return self.item is not None and not self.body.isHidden()

    def revert(self) -> None:
        """Show the item as it is stored again."""
        if self.adding:
            self.start_new()
        else:
            self.show_item(self.item)

    def _load(self, item: Any) -> None:
        self.clear_messages()
        for field in self.fields:
            if item is not None:
                set_value(field, self.editors[field.name], getattr(item, field.name))
        self._shown = {field.name: shown(self.editors[field.name]) for field in self.fields}
        self.save_button.setText(tr("pages.form.add") if self.adding else tr("pages.form.save"))
        self._set_heading()

    def _set_heading(self) -> None:
        noun = tr(self.noun_key)
        if self.adding:
            self.heading.setText(tr("pages.form.new", noun=noun))
        elif self.item is not None:
            self.heading.setText(tr("pages.form.edit", noun=noun))
        else:
            self.heading.setText(tr("pages.form.nothing", noun=noun))

    # -- saving ------------------------------------------------------------------------------

    def changed_fields(self) -> list[str]:
        """The fields the user changed since the item was shown."""
        return [f.name for f in self.fields if shown(self.editors[f.name]) != self._shown.get(f.name)]

    def refill(self, stored: Any) -> None:
        """Show ``stored`` (the item as it is now stored, changed meanwhile by an undo or a cell) and
        put back on it what the user had typed and not saved."""
        typed = {name: shown(self.editors[name]) for name in self.changed_fields()}
        adding = self.adding
        self.item = stored
        self._load(stored)
        self.adding = adding
        for name, state in typed.items():
            show_again(self.editors[name], state)

    def read(self) -> Any:
        """A copy of the item with the fields the user changed; InputError for the first unreadable one.

        The other fields keep the stored value exactly (a form cannot show every value exactly:
        line ends, a number's last digits)."""
        changed = copy.deepcopy(self.item)
        edited = set(self.changed_fields())
        for field in self.fields:
            if field.name not in edited:
                continue
            try:
                value = get_value(field, self.editors[field.name])
            except InputError as error:
                error.field_name = field.name
                raise
            setattr(changed, field.name, value)
        return changed

    def on_save_button_clicked(self) -> None:
        self.save()

    def is_dirty(self) -> bool:
        """True when the fields hold what is not stored (while adding: what differs from the defaults)."""
        if not self.is_open() or self.saving:
            return False
        if not self.adding and self.collection.find(self.session.workspace, self.item.id) is None:
            return False  # removed meanwhile (an undo): there is nothing left to save to
        return bool(self.changed_fields())

    def commit(self) -> bool:
        """Save edits not yet saved, leaving the selection alone; False (the problem shown) when refused."""
        return not self.is_dirty() or self.save(announce=False)

    def save(self, announce: bool = True) -> bool:
        """Apply the form as one undoable edit; False (and the problem shown) when refused.

        ``announce``: emit ``saved`` (the section then selects the item saved).
        """
        if self.item is None:
            return False
        self.clear_messages()
        self.saving = True  # the table updates meanwhile, which may ask the form to commit: it is
        try:
            new = self.read()
            self._apply(new)
        except BriefingError as error:
            self.show_error(error)
            return False
        finally:
            self.saving = False
        self.adding = False
        self.item = new
        self._shown = {field.name: shown(self.editors[field.name]) for field in self.fields}  # saved: no change
        self._set_heading()
        self.save_button.setText(tr("pages.form.save"))
        if announce:
            self.saved.emit(new.id)
        return True

    def _apply(self, new: Any) -> None:
        if self.adding:
            self.session.do(AddItem(self.collection, new), undo_text("add", self.noun_key))
            self.item = self.collection.find(self.session.workspace, new.id)
        elif new != self.item:
            self.session.do(UpdateItem(self.collection, self.item, new), undo_text("change", self.noun_key))

    def show_error(self, error: BriefingError) -> None:
        """Show ``error`` under the field it names, else under the form (again in another language
        after a switch: the error is kept, not its text)."""
        name = _field_of(error)
        name = name if name in self.messages else ""
        self._errors[name] = error
        self._show_error(name, error)
        if name:
            self.editors[name].setFocus()

    def _show_error(self, name: str, error: BriefingError) -> None:
        if not name:
            show_message(self.message, error.message())
            return
        show_message(self.messages[name], field_message(error, next(f.label for f in self.fields if f.name == name)))

    def clear_messages(self) -> None:
        self._errors.clear()
        for label in [*self.messages.values(), self.message]:
            show_message(label, "")

    def errors(self) -> dict[str, str]:
        """The messages shown now, by field name ("" for the form's own message)."""
        shown = {name: label.text() for name, label in self.messages.items() if label.text()}
        if self.message.text():
            shown[""] = self.message.text()
        return shown


class UndoPassThrough(QObject):
    """Undo (Ctrl+Z) in a field that has nothing of its own to undo reaches Edit → Undo, the last
    edit of the workspace, instead of doing nothing; Redo alike. Installed on a form's fields."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        for key, available in ((QKeySequence.StandardKey.Undo, "isUndoAvailable"),
                               (QKeySequence.StandardKey.Redo, "isRedoAvailable")):
            if event.matches(key):
                owner = watched.document() if isinstance(watched, QPlainTextEdit) else watched
                can = getattr(owner, available, None)
                return callable(can) and not can()  # True: the field does not claim the key
        return False


def _field_of(error: BriefingError) -> str:
    """The field of the item an error is about ("" when it is about none)."""
    return error.field_name if isinstance(error, InputError) else ""


def field_message(error: BriefingError, label_key: str) -> str:
    """``error`` said of the field labelled ``label_key`` ("Currency: …"), not of its path in the workspace."""
    if isinstance(error, ValidationError):
        return tr(error.key, **{**error.params, "path": tr(label_key)})
    return error.message()


def message_label(parent: QWidget) -> QLabel:
    """A label for a problem the user must see (white on red, hidden while empty); fill it with ``show_message``."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName(tr("pages.form.problem"))
    label.setVisible(False)
    return label


def show_message(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``; an empty text hides it. The label is styled when it first says
    something (a style sheet costs each of a page's many labels time when the page is built)."""
    if text and not label.styleSheet():
        label.setStyleSheet(ERROR_STYLE)
    label.setText(text)
    label.setVisible(bool(text))
