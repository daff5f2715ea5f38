"""I/O faults during a save: the Nth open/write/fsync/replace fails, once or persistently.

What the user must see: a StoreWriteError naming the file, the store on disk byte-identical
to before, the edit still in memory (``pending``), and after the fault clears, a retry that
saves it so that a reopen shows it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing import files
from briefing.clock import FixedClock
from briefing.model.collections import DIALOGUES, REFERENCES, STAKEHOLDERS
from briefing.model.entities import Dialogue, Reference, Stakeholder, Workspace
from briefing.store import BackupError, StoreWriteError, WorkspaceStore, backends, backups, storage, store_path
from briefing.store.layout import JOURNAL_NAME

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
    """The fake ``os`` of every writer of the store: the crash-safe replace and the journal's append."""
    fake = FaultyOs()
    monkeypatch.setattr(files, "os", fake)
    monkeypatch.setattr(backends, "os", fake)
    return fake


def new_dialogue(item_id: str = "d-new") -> Dialogue:
    return Dialogue(item_id, "s2", dt.date(2026, 11, 27), summary="Aftalt pilot 🙂")


def on_disk(folder: Path) -> tuple[bytes, bytes | None]:
    """The bytes of the store's snapshot and of its journal (None when there is none)."""
    journal = folder / JOURNAL_NAME
    return store_path(folder).read_bytes(), journal.read_bytes() if journal.exists() else None


def warm(kind: str, monkeypatch: pytest.MonkeyPatch) -> Callable[[WorkspaceStore], None]:
    """What comes before the save that the faults aim at, so that it is a save of ``kind``."""

    def prepare(store: WorkspaceStore) -> None:
        if kind != "new-journal":  # the first save after opening starts the journal; later ones append
            store.add(REFERENCES, Reference(store.new_id(REFERENCES), "Rapport"))
        if kind == "fold":  # the journal has grown past its limit: the save rewrites the snapshot
            monkeypatch.setattr(storage, "FOLD_AT", 1)

    return prepare


SAVE_KINDS = ("new-journal", "append", "fold")
COMMITS = {"new-journal": "replace", "append": "fsync", "fold": "replace"}
"""The call that makes each kind of save durable: a fault there or before fails the save."""


def calls_of_one_save(folder: Path, clock: FixedClock, faults: FaultyOs, prepare: Callable[..., None]) -> list[str]:
    with WorkspaceStore.open(folder, clock) as store:
        prepare(store)
        faults.calls.clear()
        store.add(DIALOGUES, new_dialogue("d-probe"))
        calls = [c for c in faults.calls if c in WATCHED]
        store.remove(DIALOGUES, "d-probe")
    return calls


@pytest.mark.parametrize("kind", SAVE_KINDS)
def test_each_kind_of_save_makes_the_calls_the_faults_aim_at(
    folder: Path, clock: FixedClock, faults: FaultyOs, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    calls = calls_of_one_save(folder, clock, faults, warm(kind, monkeypatch))
    if kind == "append":
        assert calls == ["open", "write", "fsync"]  # one record: O(change)
    else:  # a new file put in place: a temporary file written and fsynced, renamed, the folder fsynced
        renamed = calls.index("replace")
        assert calls[:2] == ["open", "write"]
        assert calls[renamed - 1 : renamed + 3] == ["fsync", "replace", "open", "fsync"]


@pytest.mark.parametrize("persistent", [False, True], ids=["once", "persistent"])
@pytest.mark.parametrize("kind", SAVE_KINDS)
def test_a_fault_at_each_call_of_a_save_keeps_the_files_and_the_edit(
    tmp_path: Path,
    folder: Path,
    clock: FixedClock,
    faults: FaultyOs,
    monkeypatch: pytest.MonkeyPatch,
    temp_files: Finder,
    kind: str,
    persistent: bool,
) -> None:
    """Every call of one save fails in turn: up to the one that commits it, the save fails with the
    files as they were and the edit kept for a retry; after it, the save stands."""
    prepare = warm(kind, monkeypatch)
    calls = calls_of_one_save(folder, clock, faults, prepare)
    commit = max(i for i, call in enumerate(calls) if call == COMMITS[kind])
    for index, call in enumerate(calls):
        case = tmp_path / f"case-{index}"
        shutil.copytree(folder, case)
        store = WorkspaceStore.open(case, clock)
        prepare(store)
        before = on_disk(case)
        faults.fail(call, calls[: index + 1].count(call), persistent)
        try:
            store.add(DIALOGUES, new_dialogue())
        except StoreWriteError as error:
            assert index <= commit, f"{kind}: the save failed after it was made durable ({call} {index})"
            assert str(store_path(case)) in str(error) and os.strerror(errno.EIO) in str(error)
            assert on_disk(case) == before and temp_files(case) == []
            assert store.pending and DIALOGUES.find(store.workspace, "d-new") is not None
            if persistent:
                with pytest.raises(StoreWriteError):
                    store.save_pending()
                assert on_disk(case) == before and store.pending
            faults.clear()
            store.save_pending()
        else:
            assert index > commit, f"{kind}: a fault at {call} (call {index + 1}) went unnoticed"
        faults.clear()
        assert not store.pending
        store.close()
        with WorkspaceStore.open(case, clock, read_only=True) as again:
            assert DIALOGUES.find(again.workspace, "d-new") == new_dialogue()
            assert len(again.workspace.dialogues) == 31


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
    faults.fail("write", 1, persistent=True, error=OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
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
