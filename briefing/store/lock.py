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


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
