"""The fields of a form: one editor widget per kind of value, and how to read it back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from briefing.i18n import Message, tr
from briefing.model.schema import spec as schema_spec
from ui.models.columns import parse, plain_number

Options = Callable[[], list[tuple[Any, str]]]


@dataclass(frozen=True)
class Field:
    """A form field for the attribute ``name``; ``label`` is an i18n key.

    kind: text, multiline, int, score, float, date, bool, choice, list (one per line), tags
    (comma-separated), optint (a whole number or empty), ref. A choice takes its
    values from ``choices`` (labels ``choice_key.value``); a ref lists ``options()`` and none.
    """

    name: str
    label: str
    kind: str = "text"
    choices: Sequence[str] = ()
    choice_key: str = ""
    options: Options | None = None
    low: int = 0
    high: int = 100000
    help_key: str = ""


def field(entity: type, name: str, options: Options | None = None) -> Field:
    """The form field of the attribute ``name`` of ``entity``: its label, kind, allowed values, limits
    and help from the core's schema; a ref lists ``options()``."""
    spec = schema_spec(entity, name)
    kind = "optint" if spec.kind == "int" and spec.optional else spec.kind
    choice_key = f"term.{spec.choice_term}" if spec.choice_term else ""
    low = int(spec.low) if spec.low is not None else Field.low
    high = int(spec.high) if spec.high is not None else Field.high
    return Field(name, spec.label_key, kind, spec.choices, choice_key, options, low, high, spec.help_key)


def make_editor(field: Field, parent: QWidget) -> QWidget:
    """The widget that edits ``field``."""
    if field.kind in ("multiline", "list"):
        text = QPlainTextEdit(parent)
        text.setTabChangesFocus(True)
        text.setFixedHeight(64)
        return text
    if field.kind in ("int", "score"):
        spin = QSpinBox(parent)
        spin.setRange(field.low, field.high)
        return spin
    if field.kind == "bool":
        return QCheckBox(parent)
    if field.kind in ("choice", "ref"):
        return QComboBox(parent)
    line = QLineEdit(parent)
    if field.kind == "date":
        line.setPlaceholderText(tr("pages.date_placeholder"))
    return line


def retranslate_editor(field: Field, editor: QWidget) -> None:
    """The texts an editor shows itself in the current language: a date's placeholder, a list's choices."""
    if field.kind == "date" and isinstance(editor, QLineEdit):
        editor.setPlaceholderText(tr("pages.date_placeholder"))
    fill_choices(field, editor)


def fill_choices(field: Field, editor: QWidget) -> None:
    """(Re)fill a choice or ref combo box with its labels in the current language."""
    if not isinstance(editor, QComboBox):
        return
    current = editor.currentData()
    editor.clear()
    if field.kind == "ref":
        editor.addItem(tr("pages.none"), None)
        for value, label in field.options() if field.options else []:
            editor.addItem(label, value)
    else:
        for value in field.choices:
            editor.addItem(tr(f"{field.choice_key}.{value}"), value)
    if current is not None:
        editor.setCurrentIndex(max(0, editor.findData(current)))


def set_value(field: Field, editor: QWidget, value: Any) -> None:
    """Show ``value`` in ``editor``."""
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText("\n".join(value) if isinstance(value, list) else str(value or ""))
    elif isinstance(editor, QSpinBox):
        number = int(value or 0)
        editor.setRange(min(editor.minimum(), number), max(editor.maximum(), number))  # shown as stored
        editor.setValue(number)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif isinstance(editor, QLineEdit):
        editor.setText(_as_text(field, value))
        editor.setCursorPosition(0)  # a long title shows its beginning


def shown(editor: QWidget) -> Any:
    """What ``editor`` shows now, as the user sees it: compared with what was shown at load to tell
    whether the user changed the field (a value that cannot be shown exactly is no change)."""
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return None


def show_again(editor: QWidget, state: Any) -> None:
    """Put back in ``editor`` what ``shown`` returned for it (what the user had typed)."""
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText(state)
    elif isinstance(editor, QSpinBox):
        editor.setValue(state)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(state)
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(state)))
    elif isinstance(editor, QLineEdit):
        editor.setText(state)


def get_value(field: Field, editor: QWidget) -> Any:
    """The value in ``editor``; InputError naming the field when it cannot be read."""
    raw = shown(editor)
    if isinstance(editor, QPlainTextEdit) and field.kind == "list":
        return [line.strip() for line in raw.splitlines() if line.strip()]
    if isinstance(editor, QLineEdit):
        kind = {"tags": "list", "optint": "int"}.get(field.kind, field.kind)
        return parse(raw, kind, Message(field.label))
    return raw


def _as_text(field: Field, value: Any) -> str:
    if value is None:
        return ""
    if field.kind == "float" and isinstance(value, (int, float)):
        return plain_number(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
