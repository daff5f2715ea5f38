"""Ready for Windows, with the platform simulated: workspace paths with æøå and spaces; a file that
OneDrive briefly holds open (the rename retried, then a clear message); msvcrt's byte-range lock;
no folder fsync where the platform has none. What has not run on Windows itself is listed in the
README ("Windows and macOS")."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing import files
from briefing.cli import main as cli
from briefing.clock import FixedClock
from briefing.files import TEMP_MARK, write_atomic
from briefing.model import Workspace
from briefing.model.collections import REFERENCES
from briefing.model.entities import Reference
from briefing.store import StoreWriteError, WorkspaceLocked, WorkspaceStore, lock, store_path

ONEDRIVE = Path("OneDrive - Nordvik Engineering") / "Ændringsledelse" / "Videndeling på tværs"


class FakeMsvcrt:
    """msvcrt.locking as Windows does it: a byte range locked through one descriptor is refused
    through any other until unlocked, and the bytes it covers cannot be read by others."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int], int] = {}

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        key = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        holder = self.held.get(key)
        if mode == self.LK_NBLCK:
            if holder is not None:
                raise PermissionError(errno.EACCES, "Permission denied")
            self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if holder != fd:
                raise PermissionError(errno.EACCES, "Permission denied")
            del self.held[key]

    def locked_offsets(self) -> list[int]:
        return [offset for _, offset in self.held]


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(lock, "LOCKING", lock.platform_locking("win32"))
    return fake


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Windows' rules for the atomic writer; the backoff's pauses are recorded, not slept."""
    pauses: list[float] = []
    monkeypatch.setattr(files, "WINDOWS", True)
    monkeypatch.setattr(files, "sleep", pauses.append)
    return pauses


def held_open(monkeypatch: pytest.MonkeyPatch, times: int) -> list[Path]:
    """os.replace fails as on a file OneDrive holds open, ``times`` times, then works."""
    real = os.replace
    tries: list[Path] = []

    def replace(source: Any, target: Any) -> None:
        tries.append(Path(target))
        if len(tries) <= times:
            raise PermissionError(errno.EACCES, "Access is denied", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    return tries


def test_a_workspace_in_a_onedrive_folder_with_aeoeaa_and_spaces_saves_reopens_and_exports(
    tmp_path: Path, demo: Workspace, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / ONEDRIVE
    store = WorkspaceStore.open(folder, clock)
    store.replace(demo)
    store.close()
    again = WorkspaceStore.open(folder, clock)
    assert again.workspace == demo
    again.close()
    monkeypatch.setenv("BRIEFING_LANG", "da")
    deck = folder / "Briefing til direktionen – æøå.pptx"
    assert cli(["export", "--workspace", str(folder), "--out", str(deck)]) == 0
    assert deck.stat().st_size > 10_000
    assert store_path(folder).is_file()


def test_a_rename_onedrive_blocks_for_a_moment_is_retried_with_a_growing_pause(
    tmp_path: Path, windows: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Ændringer.json"
    target.write_bytes(b"old")
    tries = held_open(monkeypatch, times=3)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(tries) == 4
    assert windows == [0.05, 0.1, 0.2]


def test_a_file_held_open_through_every_retry_fails_the_save_with_a_clear_message_and_changes_nothing(
    tmp_path: Path, demo: Workspace, clock: FixedClock, windows: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / ONEDRIVE
    store = WorkspaceStore.open(folder, clock, daily_backup=False)
    store.replace(demo)
    before = store_path(folder).read_bytes()
    held_open(monkeypatch, times=1000)
    try:
        with pytest.raises(StoreWriteError) as caught:
            store.add(REFERENCES, Reference("r-new", "Kontrakt på sekunder", publisher="Jurist", year=2026))
        assert store_path(folder).read_bytes() == before
        assert not list(folder.glob(f"*{TEMP_MARK}*"))
    finally:
        monkeypatch.undo()
        store.close()
    message = caught.value.message("en")
    assert str(store_path(folder)) in message
    assert "another program is holding the file open" in message and "OneDrive" in message
    assert "holder filen åben" in caught.value.message("da")
    assert windows == list(files.REPLACE_DELAYS) and sum(windows) < 2


def test_elsewhere_a_permission_error_is_a_real_refusal_and_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(files, "WINDOWS", False)
    monkeypatch.setattr(files, "sleep", pauses.append)
    tries = held_open(monkeypatch, times=1000)
    with pytest.raises(PermissionError) as caught:
        write_atomic(tmp_path / "locked.json", b"new")
    assert not isinstance(caught.value, files.FileBusyError)
    assert len(tries) == 1 and pauses == []


def opened_folders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    real: Callable[..., int] = os.open
    folders: list[str] = []

    def spy(path: Any, flags: int, *args: Any) -> int:
        if os.path.isdir(path):
            folders.append(str(path))
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", spy)
    return folders


def test_folders_are_fsynced_on_posix_and_not_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = opened_folders(monkeypatch)
    write_atomic(tmp_path / "a.json", b"1")
    assert folders == [str(tmp_path)]
    monkeypatch.setattr(files, "WINDOWS", True)
    write_atomic(tmp_path / "b.json", b"2")
    assert folders == [str(tmp_path)]
    assert (tmp_path / "b.json").read_bytes() == b"2"


def test_the_msvcrt_lock_refuses_a_second_copy_names_the_holder_and_clears_on_close(
    tmp_path: Path, clock: FixedClock, msvcrt: FakeMsvcrt
) -> None:
    folder = tmp_path / ONEDRIVE
    first = WorkspaceStore.open(folder, clock)
    with pytest.raises(WorkspaceLocked) as caught:
        WorkspaceStore.open(folder, clock)
    assert f"process {os.getpid()} on " in caught.value.message("en")  # the holder's note was read
    note = (folder / lock.LOCK_NAME).stat().st_size
    assert note > 0 and all(offset >= note for offset in msvcrt.locked_offsets())  # the note stays readable
    first.close()
    assert msvcrt.held == {}
    second = WorkspaceStore.open(folder, clock)
    assert len(msvcrt.held) == 1
    second.close()
