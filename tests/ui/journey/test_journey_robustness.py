"""Journey 4: nothing is lost. A workspace held by another running copy is refused with a dialog
that names the holder; a damaged store offers the restore and comes back with its data; a save
that fails (disk full) offers Retry, which writes it. The real dialogs, answered as they show."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from journey_helpers import disk_json, fill, memory_json
from PySide6.QtWidgets import QMessageBox

import briefing.files
from briefing.store import store_path

ROOT = Path(__file__).resolve().parents[3]
HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from briefing.store import WorkspaceStore\n"
    "store = WorkspaceStore.open(Path(sys.argv[1]))\n"
    "print('holding', flush=True)\n"
    "sys.stdin.readline()\n"
    "store.close()\n"
)


def _add_person(qtbot: Any, window: Any, name: str) -> None:
    window.show_page("allies")
    people = window.pages["allies"].people
    people.panel.add_button.click()
    fill(qtbot, people.form, name=name, role="Contract manager")
    people.form.save_button.click()


def _names(window: Any) -> list[str]:
    return [s.name for s in window.session.workspace.stakeholders]


@pytest.fixture
def holder(tmp_path: Path) -> Any:
    """``holder(folder)``: another process that opens the workspace and holds it until told to stop."""
    started: list[subprocess.Popen[str]] = []

    def start(folder: Path) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(folder)], cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        started.append(process)
        assert process.stdout is not None and process.stdout.readline().strip() == "holding"
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)  # waits, and closes the pipes


def test_a_locked_a_damaged_and_an_unsaved_workspace_lose_nothing(
    qtbot: Any, make_window: Any, tmp_path: Path, holder: Any, answer_dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "contracts"
    first = make_window(use_clock=False)  # the real clock: the other process and the backups use it too
    first.prompts.folder = folder
    first.menus.new_action.trigger()
    _add_person(qtbot, first, "Ida Vestergaard")
    first.close()

    # -- another copy holds the workspace: the dialog names it, and nothing opens -------------------
    other = holder(folder)
    window = make_window(use_clock=False)
    window.prompts.real = {"locked", "damaged", "save_failed"}
    told = answer_dialogs(QMessageBox)
    assert not window.open_folder(folder)
    assert window.session is None and window.stack.currentWidget() is window.welcome
    assert len(told.seen) == 1
    title, detail = told.texts[0]
    assert "another copy" in title
    assert f"process {other.pid}" in detail and socket.gethostname() in detail
    assert other.stdin is not None
    other.stdin.write("done\n")
    other.stdin.flush()
    assert other.wait(timeout=30) == 0
    told.close()

    # -- a damaged store: the dialog offers the restore, and the workspace comes back with its data ------
    path = store_path(folder)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # cut off, as by a failing disk
    restore = answer_dialogs(QMessageBox, click="restore")
    assert window.open_folder(folder)
    assert len(restore.seen) == 1
    title, detail = restore.texts[0]
    assert str(path) in detail and "backup" in detail
    assert _names(window) == ["Ida Vestergaard"]
    assert disk_json(folder) == memory_json(window.session.store)
    restore.close()

    # -- a save that fails once (disk full): Retry writes it, nothing is lost ---------------------------
    replace = os.replace
    failures: list[str] = []

    def full_once(source: Any, target: Any) -> None:
        if not failures and Path(target).parent == folder:  # the store's snapshot or its new journal
            failures.append(str(target))
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        replace(source, target)

    monkeypatch.setattr(briefing.files.os, "replace", full_once)
    retry = answer_dialogs(QMessageBox, click="retry")
    _add_person(qtbot, window, "Henrik Holm")
    assert len(failures) == 1
    assert len(retry.seen) == 1
    title, detail = retry.texts[0]
    assert str(path) in detail and os.strerror(errno.ENOSPC) in detail
    assert _names(window) == ["Ida Vestergaard", "Henrik Holm"]
    assert not window.session.store.pending
    assert disk_json(folder) == memory_json(window.session.store)
    window.menus.undo_action.trigger()
    assert disk_json(folder) == memory_json(window.session.store) and _names(window) == ["Ida Vestergaard"]
