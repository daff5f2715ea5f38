"""A workspace that cannot be written (a read-only share, a full disk) opens read-only, and the window says so."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from briefing.edits import AddItem
from briefing.i18n import Message
from briefing.model.collections import REFERENCES
from briefing.model.entities import Reference
from briefing.store import StoreError, store_path
from briefing.store.lock import WorkspaceLock


def test_an_unwritable_workspace_opens_read_only_and_refuses_edits(
    window: Any, demo_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unwritable(lock: WorkspaceLock) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(lock.path))

    monkeypatch.setattr(WorkspaceLock, "acquire", unwritable)
    before = store_path(demo_folder).read_bytes()
    assert window.open_folder(demo_folder)
    assert window.session.store.read_only and window.session.workspace.stakeholders
    assert window.windowTitle().endswith("(read-only)")
    assert "read-only: this folder cannot be written" in window.status.text()
    with pytest.raises(StoreError, match="is open read-only"):
        window.session.do(AddItem(REFERENCES, Reference("r-new", "Rapport")), Message("shell.title.read_only"))
    assert window.session.undo_stack.count() == 0
    assert store_path(demo_folder).read_bytes() == before
