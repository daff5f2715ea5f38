"""Helpers the journeys share: the store on disk against the workspace in memory, and filling a form."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QTextBrowser,
    QWidget,
)

from briefing.model import Workspace
from briefing.model.interchange import to_json_text
from briefing.store import store_path, stored
from briefing.store.loading import to_workspace


def disk_json(folder: Path) -> str:
    """The workspace as the store on disk holds it (its snapshot and journal), in interchange JSON."""
    return to_json_text(to_workspace(stored(folder), str(store_path(folder))))


def memory_json(store: Any) -> str:
    return to_json_text(store.workspace)


def fill(qtbot: Any, form: Any, **values: Any) -> None:
    """Type ``values`` into an ItemForm's editors as a user would (keys into line edits)."""
    for name, value in values.items():
        editor = form.editors[name]
        if isinstance(editor, QLineEdit):
            editor.selectAll()
            editor.clear()
            qtbot.keyClicks(editor, str(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("\n".join(value) if isinstance(value, list) else str(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            assert index >= 0, f"{name}: no choice {value!r}"
            editor.setCurrentIndex(index)
        elif isinstance(editor, QCheckBox):
            if editor.isChecked() != bool(value):
                editor.click()
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        else:  # pragma: no cover - a new kind of editor
            raise AssertionError(f"{name}: cannot fill {type(editor).__name__}")


class JourneyPrompts:
    """The main window's questions, answered as the journey says. ``real`` names the questions
    that show their real dialog instead (answered by an ``answer_dialogs`` answerer)."""

    def __init__(self, window: Callable[[], QWidget | None]) -> None:
        self._window = window
        self.asked: list[tuple[str, Any]] = []
        self.real: set[str] = set()
        self.folder: Path | None = None
        self.files: list[Path] = []
        self.deck_target: Path | None = None
        self.restore = True
        self.retry = True

    def _real(self) -> Any:
        from ui.dialogs.prompts import DialogPrompts

        return DialogPrompts(self._window())

    def names(self) -> list[str]:
        return [name for name, _ in self.asked]

    def locked(self, error: Any) -> None:
        self.asked.append(("locked", error))
        if "locked" in self.real:
            self._real().locked(error)

    def damaged(self, error: Any, can_restore: bool) -> bool:
        self.asked.append(("damaged", (error, can_restore)))
        if "damaged" in self.real:
            return bool(self._real().damaged(error, can_restore))
        return can_restore and self.restore

    def failed(self, error: Any) -> None:
        self.asked.append(("failed", error))

    def save_failed(self, error: Any) -> bool:
        self.asked.append(("save_failed", error))
        if "save_failed" in self.real:
            return bool(self._real().save_failed(error))
        answer, self.retry = self.retry, False
        return answer

    def choose_folder(self, title_key: str) -> Path | None:
        self.asked.append(("choose_folder", title_key))
        return self.folder

    def choose_import_files(self, kind: str) -> list[Path]:
        self.asked.append(("choose_import_files", kind))
        return self.files

    def choose_deck_target(self, suggested: Path) -> Path | None:
        self.asked.append(("choose_deck_target", suggested))
        return self.deck_target

    def choose_template(self) -> Path | None:
        self.asked.append(("choose_template", None))
        return None

    def import_kind(self) -> str | None:
        self.asked.append(("import_kind", None))
        return "survey"

    def record_presentation(self, workspace: Workspace, deck_file: Path, today: dt.date, submit: Any) -> bool:
        """Always the real "mark as presented" dialog (the journey fills it in as it shows)."""
        self.asked.append(("record_presentation", deck_file))
        return bool(self._real().record_presentation(workspace, deck_file, today, submit))

    def about(self) -> None:
        self.asked.append(("about", None))


def data_strings(workspace: Any) -> set[str]:
    """Every text the workspace holds (names, titles, notes …): shown as they are in any language."""
    from briefing.model import codec

    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(codec.dump(workspace))
    return found


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).strip()


def shown_texts(window: Any) -> dict[str, str]:
    """Every text the user sees in ``window`` now, by where it is: the title, the menus, and of each
    visible widget its label, button, group, tab, column header, placeholder, list row and accessible name."""
    texts: dict[str, str] = {"window.title": window.windowTitle()}

    def menu(prefix: str, actions: list[Any]) -> None:
        for number, action in enumerate(actions):
            if action.isSeparator():
                continue
            texts[f"{prefix}/{number}"] = action.text()
            if action.menu() is not None:
                menu(f"{prefix}/{number}", action.menu().actions())

    menu("menu", window.menuBar().actions())
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        where = f"{type(widget).__name__}:{widget.objectName()}@{id(widget):x}"
        for kind, text in _texts_of(widget):
            if text and text.strip():
                texts[f"{where}.{kind}"] = text
    return texts


def _texts_of(widget: QWidget) -> list[tuple[str, str]]:
    found = [("accessible", widget.accessibleName())]
    if isinstance(widget, QLabel):
        found.append(("text", _plain(widget.text())))
    elif isinstance(widget, QAbstractButton):
        found.append(("text", widget.text()))
    elif isinstance(widget, QGroupBox):
        found.append(("title", widget.title()))
    elif isinstance(widget, QTabBar):
        found += [(f"tab{n}", widget.tabText(n)) for n in range(widget.count())]
    elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
        found.append(("placeholder", widget.placeholderText()))
    elif isinstance(widget, QComboBox):
        found.append(("current", widget.currentText()))
    elif isinstance(widget, QTextBrowser):
        found += [(f"line{n}", line) for n, line in enumerate(widget.toPlainText().splitlines())]
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        found += _view_texts(widget)
    return found


def _view_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    model = view.model()
    header = view.horizontalHeader() if isinstance(view, QTableView) else getattr(view, "header", lambda: None)()
    if header is not None and not header.isHidden():
        return [(f"column{c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount())]
    return [(f"row{r}", str(model.index(r, 0).data() or "")) for r in range(model.rowCount())]
