"""The main window's menu bar: File, Edit, View and Help, with the keys people use on every
platform and the texts in the app's language. The window connects the actions to its slots.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from briefing.i18n import current_language, tr

LANGUAGES = ("da", "en")


def shortcuts(standard: QKeySequence.StandardKey, *usual: str) -> list[QKeySequence]:
    """The platform's keys for ``standard``, then the ``usual`` ones it lacks (Redo is only Ctrl+Y on
    some platforms, Quit has no key on others)."""
    keys = QKeySequence.keyBindings(standard)
    return keys + [key for key in map(QKeySequence, usual) if key not in keys]


class Menus:
    """The menus of ``window`` and their actions; ``page_keys`` name the pages of View → Go to."""

    def __init__(self, window: QMainWindow, undo_group: QUndoGroup, page_keys: Sequence[str]) -> None:
        self.window = window
        self.undo_group = undo_group
        self.page_keys = list(page_keys)
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action(self.file_menu, QKeySequence("Ctrl+Shift+N"))  # Ctrl+N adds an item
        self.open_action = self._action(self.file_menu, QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu(window)
        self.file_menu.addMenu(self.recent_menu)
        self.demo_action = self._action(self.file_menu)
        self.file_menu.addSeparator()
        self.import_survey_action = self._action(self.file_menu, QKeySequence("Ctrl+I"))
        self.import_stakeholders_action = self._action(self.file_menu, QKeySequence("Ctrl+Shift+I"))
        self.export_action = self._action(self.file_menu, QKeySequence("Ctrl+E"))
        self.export_preread_action = self._action(self.file_menu)
        self.export_calendar_action = self._action(self.file_menu)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, *shortcuts(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.edit_menu = bar.addMenu("")
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self.edit_separator = self.edit_menu.addSeparator()
        self.find_action = self._action(self.edit_menu, *shortcuts(QKeySequence.StandardKey.Find, "Ctrl+F"))
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(window)
        self.language_actions = {lang: self._language_action(lang) for lang in LANGUAGES}
        self.view_menu.addSeparator()
        self.go_actions = [self._action(self.view_menu, QKeySequence(f"Ctrl+{n + 1}")) for n in range(len(page_keys))]
        self.help_menu = bar.addMenu("")
        self.about_action = self._action(self.help_menu)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.workspace_actions = [self.import_survey_action, self.import_stakeholders_action, self.export_action,
                                  self.export_preread_action, self.export_calendar_action]
        """The actions that need an open workspace."""

    def _action(self, menu: QMenu, *keys: QKeySequence | QKeySequence.StandardKey) -> QAction:
        action = QAction(self.window)
        if len(keys) == 1:
            action.setShortcut(keys[0])
        elif keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
        menu.addAction(action)
        return action

    def _language_action(self, lang: str) -> QAction:
        action = QAction(self.language_group)
        action.setCheckable(True)
        action.setData(lang)
        self.language_menu.addAction(action)
        return action

    def retranslate(self) -> None:
        """Every menu and action in the current language; Undo and Redo made anew with their prefix."""
        titles = {
            self.file_menu: "shell.menu.file", self.edit_menu: "shell.menu.edit", self.view_menu: "shell.menu.view",
            self.help_menu: "shell.menu.help", self.recent_menu: "shell.menu.recent",
            self.language_menu: "shell.menu.language",
        }
        for menu, key in titles.items():
            menu.setTitle(tr(key))
        texts = {
            self.new_action: "shell.action.new", self.open_action: "shell.action.open",
            self.demo_action: "shell.action.demo", self.import_survey_action: "shell.action.import_survey",
            self.import_stakeholders_action: "shell.action.import_stakeholders",
            self.export_action: "shell.action.export", self.quit_action: "shell.action.quit",
            self.export_preread_action: "shell.action.export_preread",
            self.export_calendar_action: "shell.due.action.export_calendar",
            self.about_action: "shell.action.about", self.find_action: "shell.action.find",
            self.language_actions["da"]: "shell.language.da", self.language_actions["en"]: "shell.language.en",
        }
        for action, key in texts.items():
            action.setText(tr(key))
        for action, key in zip(self.go_actions, self.page_keys, strict=True):
            action.setText(tr("shell.action.go", page=re.sub(r"^\d+\s+", "", tr(key))))  # "Go to Allies"
        self.language_actions[current_language()].setChecked(True)
        self._make_undo_actions()

    def _make_undo_actions(self) -> None:
        """(Re)create Edit → Undo/Redo from the undo group, with the prefix in the current language."""
        for old in (self.undo_action, self.redo_action):
            if old is not None:
                self.edit_menu.removeAction(old)
                old.deleteLater()
        self.undo_action = self.undo_group.createUndoAction(self.window, tr("shell.edit.undo"))
        self.undo_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.undo_action.setObjectName("undo")
        self.redo_action = self.undo_group.createRedoAction(self.window, tr("shell.edit.redo"))
        self.redo_action.setShortcuts(shortcuts(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.redo_action.setObjectName("redo")
        self.edit_menu.insertActions(self.edit_separator, [self.undo_action, self.redo_action])
