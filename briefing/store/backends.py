"""Where a store's files live: in the workspace folder, or in memory (tests and previews).

A backend knows a store's files by name (the snapshot and its journal) and offers the three
writes the storage needs: replace a file crash-safely, append to one durably, remove one.
Both backends behave alike, so that the storage above them is tested on each.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol

from briefing.files import fsync_folder, write_atomic
from briefing.store.errors import StoreWriteError, WorkspaceLocked
from briefing.store.lock import WorkspaceLock

Fingerprint = tuple[tuple[int, int, int] | None, ...]


class Backend(Protocol):
    """The files of one store."""

    def where(self, name: str) -> str:
        """How messages name the file ``name``."""

    def read(self, name: str) -> bytes | None:
        """The bytes of ``name``, or None when there is no such file."""

    def replace(self, name: str, data: bytes) -> None:
        """Replace ``name`` by ``data``: a crash leaves the old file or the new one."""

    def append(self, name: str, data: bytes) -> None:
        """Add ``data`` at the end of ``name`` (created if missing), durably before returning; a
        failure leaves the file as it was, as far as the system allows."""

    def truncate(self, name: str, size: int) -> None:
        """Cut ``name`` back to ``size`` bytes (a torn tail left by a crash)."""

    def remove(self, name: str) -> None:
        """Delete ``name`` if it exists."""

    def remember(self) -> None:
        """Take the files as they are now as this copy's own (after reading them to open the store)."""

    def before_write(self) -> None:
        """Refuse (StoreWriteError) when a write could lose somebody else's update."""


class MemoryBackend:
    """Files held in memory: a store that never touches the disk, and that a new store can reopen."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def where(self, name: str) -> str:
        return f"memory:{name}"

    def read(self, name: str) -> bytes | None:
        return self.files.get(name)

    def replace(self, name: str, data: bytes) -> None:
        self.files[name] = bytes(data)

    def append(self, name: str, data: bytes) -> None:
        self.files[name] = self.files.get(name, b"") + data

    def truncate(self, name: str, size: int) -> None:
        self.files[name] = self.files.get(name, b"")[:size]

    def remove(self, name: str) -> None:
        self.files.pop(name, None)

    def remember(self) -> None:
        """Nobody else can write to memory."""

    def before_write(self) -> None:
        """Nobody else can write to memory."""


class DiskBackend:
    """The files in a workspace folder, guarded by the workspace lock when one is held.

    Before every write, the lock held must still be the file at its path (the same inode): when
    somebody deleted ``.lock``, a second copy may have taken a new one. The lock is then taken
    again if it is free, and the write goes on only if the store's files are still the ones this
    copy last read or wrote; otherwise the write is refused, so no update is ever overwritten.
    """

    def __init__(self, folder: Path, names: tuple[str, ...], lock: WorkspaceLock | None = None) -> None:
        self.folder = folder
        self.names = names
        self.lock = lock
        self._seen: Fingerprint = ()

    def where(self, name: str) -> str:
        return str(self.folder / name)

    def read(self, name: str) -> bytes | None:
        try:
            return (self.folder / name).read_bytes()
        except FileNotFoundError:
            return None

    def replace(self, name: str, data: bytes) -> None:
        write_atomic(self.folder / name, data)
        self.remember()

    def append(self, name: str, data: bytes) -> None:
        path = self.folder / name
        created = not path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            start = os.lseek(fd, 0, os.SEEK_END)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            except OSError:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, start)
                raise
        finally:
            os.close(fd)
        if created:
            fsync_folder(self.folder)
        self.remember()

    def truncate(self, name: str, size: int) -> None:
        with open(self.folder / name, "r+b") as handle:
            handle.truncate(size)
            handle.flush()
            os.fsync(handle.fileno())
        self.remember()

    def remove(self, name: str) -> None:
        (self.folder / name).unlink(missing_ok=True)
        fsync_folder(self.folder)
        self.remember()

    def remember(self) -> None:
        """Remember the store's files as they are now: as this copy read (to open) or wrote them."""
        self._seen = self._fingerprint()

    def before_write(self) -> None:
        if self.lock is None or not self.lock.held or self.lock.still_at_path():
            return
        store = self.where(self.names[0])
        try:
            self.lock.retake()
        except (OSError, WorkspaceLocked) as error:
            reason = error.strerror or str(error) if isinstance(error, OSError) else str(error)
            raise StoreWriteError("error.lock_lost", file=store, reason=reason) from None
        if self._fingerprint() != self._seen:
            raise StoreWriteError("error.changed_elsewhere", file=store)

    def _fingerprint(self) -> Fingerprint:
        return tuple(_stat(self.folder / name) for name in self.names)


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns
