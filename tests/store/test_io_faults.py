"""I/O faults during a save: the Nth open/write/fsync/replace fails, once or persistently.

What the user must see: a StoreWriteError naming the file, the store on disk byte-identical
to before, the edit still in memory (``pending``), and after the fault clears, a retry that
saves it so that a reopen shows it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing import files as atomic
from briefing.clock import FixedClock
from briefing.model.collections import DIALOGUES, REFERENCES, STAKEHOLDERS
from briefing.model.entities import Dialogue, Reference, Stakeholder, Workspace
from briefing.store import BackupError, StoreWriteError, WorkspaceStore, backups, store_path

Snapshot = Callable[[Path], tuple[bytes, int]]
Finder = Callable[[Path], list[Path]]
WATCHED = ("open", "write", "fsync", "replace")
CHUNK = 4096  # the fake os.write writes at most this much per call, like a real short write


class FaultyOs:
    """Stands in for ``os`` inside briefing/files.py and fails chosen calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.target: tuple[str, int] | None = None  # (function, its nth call, from 1)
        self.persistent = False
        self.error = OSError(errno.EIO, os.strerror(errno.EIO))
        self.failures = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def fail(self, name: str, nth: int, persistent: bool = False, error: OSError | None = None) -> None:
        self.calls.clear()
        self.target, self.persistent = (name, nth), persistent
        self.error = error or self.error

    def clear(self) -> None:
        self.target = None

    def _call(self, name: str, real: Callable[..., Any], *args: Any) -> Any:
        self.calls.append(name)
        if self.target is not None and self.target[0] == name:
            count = self.calls.count(name)
            if count == self.target[1] or (self.persistent and count > self.target[1]):
                if not self.persistent:
                    self.target = None
                self.failures += 1
                raise self.error
        return real(*args)

    def open(self, *args: Any) -> int:
        return self._call("open", os.open, *args)  # type: ignore[no-any-return]

    def write(self, fd: int, data: Any) -> int:
        return self._call("write", os.write, fd, data[:CHUNK])  # type: ignore[no-any-return]

    def fsync(self, fd: int) -> None:
        self._call("fsync", os.fsync, fd)

    def replace(self, src: Any, dst: Any) -> None:
        self._call("replace", os.replace, src, dst)


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> FaultyOs:
    fake = FaultyOs()
    monkeypatch.setattr(atomic, "os", fake)
    return fake


def new_dialogue(item_id: str = "d-new") -> Dialogue:
    return Dialogue(item_id, "s2", dt.date(2026, 11, 27), summary="Aftalt pilot 🙂")


def one_save_calls(folder: Path, clock: FixedClock, faults: FaultyOs) -> list[str]:
    with WorkspaceStore.open(folder, clock) as store:
        faults.calls.clear()
        store.add(DIALOGUES, new_dialogue("d-probe"))
        calls = [c for c in faults.calls if c in WATCHED]
        store.remove(DIALOGUES, "d-probe")
    return calls


def test_one_save_makes_the_calls_the_faults_aim_at(folder: Path, clock: FixedClock, faults: FaultyOs) -> None:
    calls = one_save_calls(folder, clock, faults)
    assert calls[0] == "open" and calls.count("write") >= 3
    assert calls[-4:] == ["fsync", "replace", "open", "fsync"]  # file fsync, rename, folder open and fsync


# (function, nth call within one save): every call of one save, the writes at start, middle and end.
BEFORE_REPLACE = [("open", 1), ("write", 1), ("write", 2), ("write", 3), ("fsync", 1), ("replace", 1)]


@pytest.mark.parametrize("persistent", [False, True], ids=["once", "persistent"])
@pytest.mark.parametrize(("call", "nth"), BEFORE_REPLACE, ids=[f"{c}{n}" for c, n in BEFORE_REPLACE])
def test_failed_save_keeps_the_file_and_the_edit(
    folder: Path,
    clock: FixedClock,
    faults: FaultyOs,
    snapshot: Snapshot,
    temp_files: Finder,
    call: str,
    nth: int,
    persistent: bool,
) -> None:
    store = WorkspaceStore.open(folder, clock)
    before = snapshot(folder)
    faults.fail(call, nth, persistent)
    with pytest.raises(StoreWriteError) as caught:
        store.add(DIALOGUES, new_dialogue())
    assert str(store_path(folder)) in str(caught.value)
    assert os.strerror(errno.EIO) in str(caught.value)
    assert snapshot(folder) == before
    assert temp_files(folder) == []
    assert store.pending
    assert DIALOGUES.find(store.workspace, "d-new") is not None
    if persistent:
        with pytest.raises(StoreWriteError):
            store.save_pending()
        assert snapshot(folder) == before and store.pending
        faults.clear()
    store.save_pending()
    assert not store.pending
    store.close()
    with WorkspaceStore.open(folder, clock) as again:
        assert DIALOGUES.find(again.workspace, "d-new") == new_dialogue()
        assert len(again.workspace.dialogues) == 31


@pytest.mark.parametrize("nth", [2], ids=["folder-open"])
@pytest.mark.parametrize("call", ["open", "fsync"])
def test_fault_after_the_rename_still_saves(
    folder: Path, clock: FixedClock, faults: FaultyOs, call: str, nth: int
) -> None:
    """The folder's fsync is best effort: the new store is already in place when it fails."""
    with WorkspaceStore.open(folder, clock) as store:
        faults.fail(call, nth)
        store.add(DIALOGUES, new_dialogue())
        assert faults.failures == 1
        assert not store.pending
    with WorkspaceStore.open(folder, clock) as again:
        assert DIALOGUES.find(again.workspace, "d-new") is not None


def test_next_edit_saves_the_pending_one_too(folder: Path, clock: FixedClock, faults: FaultyOs) -> None:
    store = WorkspaceStore.open(folder, clock)
    faults.fail("fsync", 1)
    with pytest.raises(StoreWriteError):
        store.add(DIALOGUES, new_dialogue("d-a"))
    store.add(DIALOGUES, new_dialogue("d-b"))
    assert not store.pending
    store.close()
    with WorkspaceStore.open(folder, clock) as again:
        assert [d.id for d in again.workspace.dialogues[-2:]] == ["d-a", "d-b"]


def test_close_retries_the_pending_save(folder: Path, clock: FixedClock, faults: FaultyOs, snapshot: Snapshot) -> None:
    store = WorkspaceStore.open(folder, clock)
    before = snapshot(folder)
    faults.fail("write", 1, persistent=True)
    with pytest.raises(StoreWriteError):
        store.update(STAKEHOLDERS, Stakeholder("s1", "Åse Nyt-navn"))
    with pytest.raises(StoreWriteError):
        store.close()  # still failing: the caller hears it, and the lock is released anyway
    assert snapshot(folder) == before
    faults.clear()
    store.close()
    with WorkspaceStore.open(folder, clock) as again:
        assert again.workspace.stakeholders[0].name == "Åse Nyt-navn"


def test_disk_full(folder: Path, clock: FixedClock, faults: FaultyOs, snapshot: Snapshot, temp_files: Finder) -> None:
    store = WorkspaceStore.open(folder, clock)
    before = snapshot(folder)
    faults.fail("write", 2, persistent=True, error=OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(StoreWriteError, match="No space left on device") as caught:
        store.add(DIALOGUES, new_dialogue())
    assert str(store_path(folder)) in str(caught.value)
    assert "unchanged" in str(caught.value)
    assert snapshot(folder) == before and temp_files(folder) == []
    assert store.pending and DIALOGUES.find(store.workspace, "d-new") is not None
    faults.clear()
    store.save_pending()
    store.close()
    with WorkspaceStore.open(folder, clock) as again:
        assert DIALOGUES.find(again.workspace, "d-new") is not None


def test_disk_full_during_the_backup_before_an_import_changes_nothing(
    folder: Path, clock: FixedClock, faults: FaultyOs, snapshot: Snapshot, workspace: Workspace
) -> None:
    store = WorkspaceStore.open(folder, clock)
    before, shown = snapshot(folder), list(store.workspace.dialogues)
    count = len(backups.listing(folder))
    faults.fail("write", 1, persistent=True, error=OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(BackupError, match="No space left on device") as caught:
        store.replace(Workspace())
    assert str(backups.folder_of(folder)) in str(caught.value)
    assert snapshot(folder) == before
    assert store.workspace.dialogues == shown and not store.pending
    assert len(backups.listing(folder)) == count
    store.close()


def test_failed_import_write_keeps_the_import_pending(
    folder: Path, clock: FixedClock, faults: FaultyOs, snapshot: Snapshot
) -> None:
    """The backup is written, the store's write fails: the imported workspace is what memory shows and retries."""
    store = WorkspaceStore.open(folder, clock)
    before = snapshot(folder)
    faults.fail("replace", 2)  # the 1st replace puts the backup in place, the 2nd the store
    with pytest.raises(StoreWriteError):
        store.replace(Workspace())
    assert snapshot(folder) == before
    assert store.pending and store.workspace.dialogues == []
    store.add(REFERENCES, Reference("r-new", "Ny rapport"))
    store.close()
    with WorkspaceStore.open(folder, clock) as again:
        assert again.workspace.dialogues == [] and [r.id for r in again.workspace.references] == ["r-new"]


def test_failed_daily_backup_refuses_to_open_and_changes_nothing(
    folder: Path, faults: FaultyOs, snapshot: Snapshot
) -> None:
    before = snapshot(folder)
    tomorrow = FixedClock.on("2026-11-28")
    faults.fail("fsync", 1)
    with pytest.raises(BackupError) as caught:
        WorkspaceStore.open(folder, tomorrow)
    assert str(backups.folder_of(folder)) in str(caught.value)
    assert snapshot(folder) == before
    with WorkspaceStore.open(folder, tomorrow) as store:  # the fault cleared; the lock was released
        assert len(store.workspace.dialogues) == 30
