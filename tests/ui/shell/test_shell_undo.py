"""Every edit undoable from Edit → Undo/Redo and the standard shortcuts; a failed save offers a retry."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from briefing.edits import AddItem
from briefing.model.collections import DIALOGUES, STAKEHOLDERS
from briefing.model.entities import Dialogue, Stakeholder
from briefing.store import WorkspaceStore
from ui.session import undo_text


def _edit_title(window: Any, text: str) -> None:
    window.show_page("briefing")
    page = window.pages["briefing"]
    page.title.setText(text)
    page.title.editingFinished.emit()


def test_undo_and_redo_from_the_edit_menu(opened: Any, qtbot: Any) -> None:
    before = opened.session.workspace.deck.title
    _edit_title(opened, "Approve phase 2 now")
    assert opened.session.workspace.deck.title == "Approve phase 2 now"
    assert opened.menus.undo_action.isEnabled() and "change the deck settings" in opened.menus.undo_action.text()
    with qtbot.waitSignal(opened.session.changed):
        opened.menus.undo_action.trigger()
    assert opened.session.workspace.deck.title == before
    assert opened.pages["briefing"].title.text() == before
    with qtbot.waitSignal(opened.session.changed):
        opened.menus.redo_action.trigger()
    assert opened.pages["briefing"].title.text() == "Approve phase 2 now"


def test_undo_and_redo_with_the_standard_shortcuts(opened: Any, qtbot: Any) -> None:
    before = opened.session.workspace.deck.title
    _edit_title(opened, "Approve phase 2 now")
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    opened.sidebar.setFocus()
    qtbot.keyClick(opened.sidebar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.session.workspace.deck.title == before
    qtbot.keySequence(opened.sidebar, QKeySequence(QKeySequence.StandardKey.Redo))
    assert opened.session.workspace.deck.title == "Approve phase 2 now"


def test_edits_are_saved_at_once_and_undo_is_saved_too(opened: Any, demo_folder: Path, clock: Any) -> None:
    _edit_title(opened, "Saved immediately")
    folder = opened.session.store.folder
    opened.menus.undo_action.trigger()
    opened.menus.redo_action.trigger()
    opened.close()
    with WorkspaceStore.open(folder, clock) as store:
        assert store.workspace.deck.title == "Saved immediately"


def test_the_undo_history_belongs_to_the_workspace_open(opened: Any, tmp_path: Path) -> None:
    _edit_title(opened, "Edited here")
    assert opened.menus.undo_action.isEnabled()
    opened.open_folder(tmp_path / "another")
    assert not opened.menus.undo_action.isEnabled()


def test_a_failed_save_keeps_the_edit_and_retry_writes_it(
    opened: Any, prompts: Any, monkeypatch: pytest.MonkeyPatch, clock: Any
) -> None:
    from briefing.store.backends import DiskBackend

    failures = iter([OSError(28, os.strerror(28))])
    for name in ("replace", "append"):  # the store's two writes: a file put in place, a journal record added
        real = getattr(DiskBackend, name)

        def full_disk(backend: DiskBackend, file: str, payload: bytes, _real: Any = real) -> None:
            error = next(failures, None)
            if error is not None:
                raise error
            _real(backend, file, payload)

        monkeypatch.setattr(DiskBackend, name, full_disk)
    prompts.retry = True
    _edit_title(opened, "Written on retry")
    assert prompts.names()[-1] == "save_failed"
    assert "No space left on device" in prompts.asked[-1][1].message()
    assert not opened.session.store.pending
    assert opened.menus.undo_action.isEnabled()
    folder = opened.session.store.folder
    opened.close()
    with WorkspaceStore.open(folder, clock) as store:
        assert store.workspace.deck.title == "Written on retry"


def test_a_save_that_still_fails_stays_in_memory_when_the_user_chooses_later(
    opened: Any, prompts: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.store.backends import DiskBackend

    def full_disk(*_args: Any) -> None:
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(DiskBackend, "replace", full_disk)
    monkeypatch.setattr(DiskBackend, "append", full_disk)
    prompts.retry = False
    _edit_title(opened, "Only in memory")
    assert opened.session.workspace.deck.title == "Only in memory"
    assert opened.session.store.pending
    monkeypatch.undo()
    opened.session.retry_save()
    assert not opened.session.store.pending


def test_redo_quit_and_find_answer_the_keys_people_use_on_every_platform(opened: Any, qtbot: Any) -> None:
    def keys(action: Any) -> list[str]:
        return [key.toString() for key in action.shortcuts()]

    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys(opened.menus.redo_action))
    assert "Ctrl+Z" in keys(opened.menus.undo_action) and "Ctrl+Q" in keys(opened.menus.quit_action)
    opened.show_page("allies")
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    opened.pages["allies"].people.panel.view.setFocus()
    qtbot.keyClick(opened.pages["allies"].people.panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is opened.pages["allies"].people.panel.search


def test_ctrl_z_in_a_field_just_saved_undoes_the_save(opened: Any, qtbot: Any) -> None:
    """The field has nothing of its own to undo once its item is shown again: the key reaches Edit → Undo."""
    opened.show_page("allies")
    people = opened.pages["allies"].people
    person = people.current()
    role = people.form.editors["role"]
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    role.setFocus()
    role.setText("Knowledge lead")  # (as shown from the store: the field's own undo history is empty)
    qtbot.keyClick(role, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert STAKEHOLDERS.find(opened.session.workspace, person.id).role == "Knowledge lead"
    people.form.show_item(STAKEHOLDERS.find(opened.session.workspace, person.id))
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert STAKEHOLDERS.find(opened.session.workspace, person.id).role == person.role
    assert role.text() == person.role


def test_escape_drops_what_was_typed_in_a_form(opened: Any, qtbot: Any) -> None:
    opened.show_page("allies")
    people = opened.pages["allies"].people
    person = people.current()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    people.panel.add_button.click()
    qtbot.keyClicks(people.form.editors["name"], "Not meant")
    qtbot.keyClick(people.form.editors["name"], Qt.Key.Key_Escape)
    assert people.form.editors["name"].text() == "" and people.form.adding
    people.form.show_item(person)
    qtbot.keyClicks(people.form.editors["role"], " (acting)")
    qtbot.keyClick(people.form.editors["role"], Qt.Key.Key_Escape)
    assert people.form.editors["role"].text() == person.role and not people.form.is_dirty()
    assert opened.session.undo_stack.count() == 0


def test_the_undo_history_speaks_the_language_shown(opened: Any) -> None:
    _edit_title(opened, "Approve phase 2 now")
    assert opened.menus.undo_action.text() == "Undo change the deck settings"
    opened.set_language("da")
    assert opened.menus.undo_action.text() == "Fortryd ændring af præsentationens indstillinger"
    opened.menus.undo_action.trigger()
    assert opened.menus.redo_action.text() == "Omgør ændring af præsentationens indstillinger"  # as in Qt
    opened.set_language("en")
    assert opened.menus.redo_action.text() == "Redo change the deck settings"


def test_tab_goes_through_a_form_as_the_eye_reads_it(opened: Any) -> None:
    opened.show_page("allies")
    form = opened.pages["allies"].people.form
    assert form.revert_button.nextInFocusChain() is form.save_button
    scroll = form.parentWidget().parentWidget()  # the scroll area around the form takes no Tab stop
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus


def _add_person(session: Any) -> Stakeholder:
    person = Stakeholder(id=session.store.new_id(STAKEHOLDERS), name="Ny Nielsen")
    session.do(AddItem(STAKEHOLDERS, person), undo_text("add", "pages.noun.stakeholder"))
    return person


def test_an_undo_the_core_refuses_is_told_and_leaves_the_history(opened: Any, prompts: Any, clock: Any) -> None:
    session = opened.session
    person = _add_person(session)
    # A dialogue with the new person, saved outside the undo history: removing the person now would
    # leave it pointing at no one, so the core refuses to undo the addition.
    session.store.add(DIALOGUES, Dialogue("d-new", person.id, clock.today()))
    steps = session.undo_stack.count()
    opened.menus.undo_action.trigger()
    assert STAKEHOLDERS.find(session.workspace, person.id) is not None
    assert session.undo_stack.count() == steps - 1 and session.undo_stack.index() == steps - 1
    assert opened.menus.undo_action.text() != "Undo Add stakeholder" and not session.undo_stack.canRedo()
    assert prompts.names()[-1] == "failed"
    refusal = prompts.asked[-1][1]
    assert refusal.message("en").startswith("“Add stakeholder” could not be undone: dialogues")
    assert refusal.message("en").endswith("It stays as it is and has left the undo history.")
    assert refusal.message("da").startswith("»Tilføj interessent« kunne ikke fortrydes: ")
    folder = session.store.folder
    opened.close()
    with WorkspaceStore.open(folder, clock) as store:
        assert STAKEHOLDERS.find(store.workspace, person.id) is not None


def test_a_redo_the_core_refuses_is_told_and_changes_nothing(opened: Any, prompts: Any) -> None:
    session = opened.session
    person = _add_person(session)
    opened.menus.undo_action.trigger()
    assert STAKEHOLDERS.find(session.workspace, person.id) is None and session.undo_stack.canRedo()
    session.store.add(STAKEHOLDERS, Stakeholder(person.id, "Another with the same id"))
    opened.menus.redo_action.trigger()
    assert [p.name for p in session.workspace.stakeholders if p.id == person.id] == ["Another with the same id"]
    assert not session.undo_stack.canRedo() and session.undo_stack.index() == session.undo_stack.count()
    assert prompts.names()[-1] == "failed"
    assert prompts.asked[-1][1].message("en").startswith("“Add stakeholder” could not be done again: ")
    assert prompts.asked[-1][1].message("da").startswith("»Tilføj interessent« kunne ikke omgøres: ")
