"""One running copy per workspace: an OS file lock on ``.lock``, which names its holder.

The operating system releases the lock when its holder dies, so a lock left by a crashed
copy is stale by construction and is simply taken over (its holder note overwritten).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from briefing.store.errors import WorkspaceLocked

LOCK_NAME = ".lock"


class WorkspaceLock:
    """Held from ``acquire`` until ``release``; refuses a second holder with its pid, host and time."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
        if not _try_lock(handle):
            holder = _read_holder(handle)
            handle.close()
            raise WorkspaceLocked(
                "error.locked",
                folder=str(self.path.parent),
                pid=holder.get("pid", "?"),
                host=holder.get("host", "?"),
                since=holder.get("since", "?"),
            )
        handle.seek(0)
        handle.truncate()
        note = {"pid": os.getpid(), "host": _host(), "since": _now()}
        handle.write(json.dumps(note))
        handle.flush()
        self._file = handle

    def still_at_path(self) -> bool:
        """True while the lock held is the file at ``.lock`` (nobody deleted or replaced it)."""
        if self._file is None:
            return False
        try:
            at_path = os.stat(self.path)
        except OSError:
            return False
        held = os.fstat(self._file.fileno())
        return (held.st_ino, held.st_dev) == (at_path.st_ino, at_path.st_dev)

    def retake(self) -> None:
        """Take the lock at the path again after the file held was deleted; WorkspaceLocked if another holds it."""
        if self._file is not None:
            handle, self._file = self._file, None
            _unlock(handle)
            handle.close()
        self.acquire()

    def release(self) -> None:
        if self._file is None:
            return
        handle, self._file = self._file, None
        handle.seek(0)
        handle.truncate()
        handle.flush()
        _unlock(handle)
        handle.close()

    @property
    def held(self) -> bool:
        return self._file is not None


_UNWRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT}


def unwritable(error: OSError) -> bool:
    """True when ``error`` says the folder cannot be written (read-only, no permission, no space)."""
    return error.errno in _UNWRITABLE


def _host() -> str:
    """This computer's name, as ``platform.node()`` gives it (that module is slow to import)."""
    return os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")


def _now() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def _read_holder(handle: IO[str]) -> dict[str, Any]:
    try:
        handle.seek(0)
        holder = json.loads(handle.read() or "{}")
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


class PosixLocking:
    """``flock`` on the whole file."""

    def __init__(self, fcntl: Any) -> None:
        self.fcntl = fcntl

    def try_lock(self, handle: IO[str]) -> bool:
        try:
            self.fcntl.flock(handle.fileno(), self.fcntl.LOCK_EX | self.fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def unlock(self, handle: IO[str]) -> None:
        self.fcntl.flock(handle.fileno(), self.fcntl.LOCK_UN)


class WindowsLocking:
    """``msvcrt.locking`` on one byte far past the holder's note: Windows' byte-range locks keep
    other processes from reading what they cover, and the note must stay readable to name the holder."""

    OFFSET = 1 << 30

    def __init__(self, msvcrt: Any) -> None:
        self.msvcrt = msvcrt

    def try_lock(self, handle: IO[str]) -> bool:
        try:
            self._at_lock_byte(handle)
            self.msvcrt.locking(handle.fileno(), self.msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            self._at_start(handle)
        return True

    def unlock(self, handle: IO[str]) -> None:
        self._at_lock_byte(handle)
        try:
            self.msvcrt.locking(handle.fileno(), self.msvcrt.LK_UNLCK, 1)
        finally:
            self._at_start(handle)

    def _at_lock_byte(self, handle: IO[str]) -> None:
        handle.flush()
        os.lseek(handle.fileno(), self.OFFSET, os.SEEK_SET)

    @staticmethod
    def _at_start(handle: IO[str]) -> None:
        os.lseek(handle.fileno(), 0, os.SEEK_SET)
        handle.seek(0)


def platform_locking(platform: str = sys.platform) -> PosixLocking | WindowsLocking:
    """The file lock of ``platform`` (``sys.platform``)."""
    if platform == "win32":
        import msvcrt

        return WindowsLocking(msvcrt)
    import fcntl

    return PosixLocking(fcntl)


LOCKING = platform_locking()


def _try_lock(handle: IO[str]) -> bool:
    return LOCKING.try_lock(handle)


def _unlock(handle: IO[str]) -> None:
    LOCKING.unlock(handle)
