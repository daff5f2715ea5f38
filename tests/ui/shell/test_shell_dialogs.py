"""What the user is told when a workspace cannot be opened: the lock's holder, a damaged store
with the offer to restore a backup, a newer store; and the save failure's retry."""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from briefing.clock import FixedClock
from briefing.store import StoreWriteError, WorkspaceStore, migrations, store_path
from ui.dialogs import messages
from ui.main_window import MainWindow


def _damage(folder: Path, clock: FixedClock) -> None:
    """Give ``folder`` a daily backup of its good store (an hour later than the fixture's own
    backups, so it is the newest), then break the store in its fourth line."""
    with WorkspaceStore.open(folder, FixedClock(clock.moment + dt.timedelta(hours=1))):
        pass
    path = store_path(folder)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(":", "", 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_a_workspace_loaded_on_a_worker_but_locked_is_refused_and_the_window_says_so(
    window: Any, prompts: Any, demo_folder: Path, clock: FixedClock, qtbot: Any
) -> None:
    with WorkspaceStore.open(demo_folder, clock):  # another copy of the app holds it
        prompts.folder = demo_folder
        window.menus.open_action.trigger()  # File → Open loads the store on a worker
        assert window.opening == demo_folder and window.welcome_text.text() == f"Opening {demo_folder.name}…"
        qtbot.waitUntil(lambda: window.opening is None, timeout=10_000)
    assert prompts.names()[-1] == "locked" and window.session is None
    assert window.status.text() == "" and "No workspace is open" in window.welcome_text.text()
    assert window.welcome_open.isVisible()  # hidden while the workspace was being opened, offered again


def test_a_window_closed_while_a_workspace_loads_closes_that_store_unseen(
    window: Any, demo_folder: Path, clock: FixedClock
) -> None:
    assert window.open_folder(demo_folder, later=True)
    assert not window.welcome_open.isVisible()  # nothing else to start meanwhile
    window.close()  # before the load's result reached the window
    assert window.session is None and window.opening is None
    with WorkspaceStore.open(demo_folder, clock) as again:  # its lock was released
        assert again.workspace.stakeholders


def test_the_locks_refusal_names_the_copy_that_holds_the_workspace(
    window: Any, prompts: Any, demo_folder: Path, clock: FixedClock
) -> None:
    with WorkspaceStore.open(demo_folder, clock):
        assert not window.open_folder(demo_folder)
    name, error = prompts.asked[-1]
    assert name == "locked" and window.session is None
    box = messages.locked_box(error, window)
    shown = box.informativeText()
    assert str(os.getpid()) in shown and socket.gethostname() in shown and str(demo_folder) in shown
    since = dt.datetime.fromisoformat(error.params["since"])
    assert f"{since.day} {since:%B %Y %H:%M}" in shown  # as people read it, not 2026-11-27T05:09:09+00:00
    assert shown.count(str(os.getpid())) == 1 and "Close that copy" in shown


def test_a_damaged_store_names_file_line_and_column_and_restores_the_newest_backup(
    window: Any, prompts: Any, demo_folder: Path, clock: FixedClock
) -> None:
    _damage(demo_folder, clock)
    assert window.open_folder(demo_folder)
    name, (error, can_restore) = prompts.asked[-1]
    assert name == "damaged" and can_restore
    message = error.message()
    assert str(store_path(demo_folder)) in message and ":4:" in message
    assert window.session.workspace.campaign.name in window.windowTitle()


def test_a_damaged_store_is_left_alone_when_the_user_declines(
    window: Any, prompts: Any, demo_folder: Path, clock: FixedClock
) -> None:
    _damage(demo_folder, clock)
    damaged = store_path(demo_folder).read_bytes()
    prompts.restore = False
    assert not window.open_folder(demo_folder)
    assert store_path(demo_folder).read_bytes() == damaged


def test_without_a_valid_backup_the_dialog_says_so_and_offers_no_restore(
    window: Any, prompts: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    store_path(folder).write_text("{ not json", encoding="utf-8")
    assert not window.open_folder(folder)
    _, (error, can_restore) = prompts.asked[-1]
    assert not can_restore
    box = messages.damaged_box(error, can_restore, window)
    assert box.findChild(QMessageBox, "restore") is None
    assert "no valid backup" in box.informativeText()


def test_the_real_damaged_dialog_restores_when_its_button_is_clicked(
    qtbot: Any, settings: Any, demo_folder: Path, clock: FixedClock, answer_dialogs: Any
) -> None:
    _damage(demo_folder, clock)
    window = MainWindow(settings, None, clock)
    qtbot.addWidget(window)
    answerer = answer_dialogs(QMessageBox, click="restore")
    assert window.open_folder(demo_folder)
    assert len(answerer.seen) == 1
    box = answerer.seen[0]
    assert isinstance(box, QMessageBox)
    assert "Restore the newest valid backup" in box.informativeText()
    assert window.session.workspace.stakeholders
    window.close()


def test_the_real_lock_dialog_shows_and_closes(
    qtbot: Any, settings: Any, demo_folder: Path, clock: FixedClock, answer_dialogs: Any
) -> None:
    window = MainWindow(settings, None, clock)
    qtbot.addWidget(window)
    answerer = answer_dialogs(QMessageBox)
    with WorkspaceStore.open(demo_folder, clock):
        assert not window.open_folder(demo_folder)
    assert "open in another copy" in answerer.seen[0].text()
    assert f"process {os.getpid()}" in answerer.seen[0].informativeText()
    window.close()


def test_the_real_save_failed_dialog_answers_retry_or_later(window: Any, qtbot: Any, answer_dialogs: Any) -> None:
    from ui.dialogs.prompts import DialogPrompts

    error = StoreWriteError("error.save_failed", file="/ws/store.json", reason="No space left on device")
    prompts = DialogPrompts(window)
    answer_dialogs(QMessageBox, click="retry")
    assert prompts.save_failed(error)
    box = messages.save_failed_box(error, window)
    assert "/ws/store.json" in box.informativeText() and "kept in memory" in box.informativeText()
    box.open()
    later = next(b for b in box.buttons() if b.objectName() == "later")
    later.click()
    assert not messages.accepted(box)


def test_a_store_from_a_newer_version_is_refused_with_its_message(
    window: Any, prompts: Any, demo_folder: Path
) -> None:
    path = store_path(demo_folder)
    current = f'"schema": {migrations.SCHEMA_VERSION}'
    path.write_text(path.read_text(encoding="utf-8").replace(current, '"schema": 99'), encoding="utf-8")
    assert not window.open_folder(demo_folder)
    name, error = prompts.asked[-1]
    assert name == "failed" and "newer version" in error.message()
