"""Writing files safely, for every part of the core: a temporary file in the same folder, fsync,
os.replace, fsync the folder.

A reader sees the old file or the new one, never a mixture; a crash leaves at most a
temporary file, which ``remove_leftovers`` clears the next time the workspace opens.
Every file the app writes (the store, backups, archived decks, exports, chart images) goes
through ``write_atomic``; ``write_or_refuse`` adds the message that names the file.

On Windows a folder synced by OneDrive (or watched by a virus scanner) briefly holds a file open,
and the rename then fails with PermissionError: it is retried a few times with a short backoff,
then given up with ``FileBusyError``, whose reason says so. Folders are fsynced only where the
platform can (POSIX); Windows makes the rename durable itself.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing.errors import InputError
from briefing.i18n import Message

TEMP_MARK = ".tmp-"
WINDOWS = os.name == "nt"
"""Windows' rules apply: a held file cannot be replaced for a moment, and folders cannot be fsynced."""
REPLACE_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)
"""Seconds between the tries of a rename that another program blocks (about 1.5 s in all)."""
sleep: Callable[[float], None] = time.sleep


class FileBusyError(PermissionError):
    """Another program (OneDrive, a virus scanner, PowerPoint) kept the file open through every retry."""


PRIVATE, SHARED = 0o600, 0o666


def write_atomic(path: Path, data: bytes | Iterable[bytes], overwrite: bool = True, private: bool = True) -> None:
    """Replace ``path`` by ``data`` (bytes, or chunks of bytes) so that a crash leaves the old or the new file.

    With ``overwrite=False`` an existing ``path`` is never replaced (FileExistsError); the
    caller holds the workspace lock, so nobody else creates it in between. A ``private`` file
    (the store, backups, archived decks) is the user's alone (0600); any other gets the mode the
    user's umask gives new files, so that colleagues can open an export on a shared drive.
    """
    temp = path.with_name(f"{path.name}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temp, flags, PRIVATE if private else SHARED)
        try:
            for chunk in [data] if isinstance(data, bytes | bytearray) else data:
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if not overwrite and path.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
        replace_retrying(temp, path)
    except BaseException:
        _unlink_quietly(temp)
        raise
    fsync_folder(path.parent)


def write_or_refuse(path: Path, data: bytes | Iterable[bytes], key: str = "error.cannot_write") -> None:
    """``write_atomic`` of an export (not private); a failure is an InputError ``key`` naming the file and reason."""
    try:
        write_atomic(path, data, private=False)
    except OSError as error:
        raise InputError(key, file=str(path), reason=os_reason(error)) from None


def check_target(out: Path, suffixes: tuple[str, ...], suffix_key: str) -> None:
    """InputError naming ``out`` when an export cannot be written there: a suffix not in ``suffixes`` (the
    message ``suffix_key``), a folder that does not exist, a folder in its place, no permission to write."""
    if out.suffix.lower() not in suffixes:
        raise InputError(suffix_key, file=str(out))
    folder = out.parent
    if not folder.is_dir():
        raise InputError("deck.error.no_folder", file=str(out), folder=str(folder))
    if out.is_dir():
        raise InputError("deck.error.is_folder", file=str(out))
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError("deck.error.unwritable", file=str(out), reason=os.strerror(errno.EACCES))


def replace_retrying(source: Path, target: Path) -> None:
    """``os.replace``; on Windows a PermissionError (the target briefly held open) is retried after
    each of ``REPLACE_DELAYS``, and one that outlasts them becomes FileBusyError."""
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as error:
            if not WINDOWS:
                raise
            if delay is None:
                raise FileBusyError(error.errno, error.strerror, str(target)) from error
        sleep(delay)


def os_reason(error: OSError) -> str | Message:
    """What went wrong, as the operating system says it (``No space left on device``); a file held
    open through every retry, in the words of the app (translated when shown)."""
    if isinstance(error, FileBusyError):
        return Message("error.file_busy")
    return error.strerror or str(error)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable where the platform can (POSIX; Windows needs no folder fsync)."""
    if WINDOWS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files left by a crashed save in ``folder``; the caller holds the lock."""
    removed = []
    for leftover in folder.glob(f"*{TEMP_MARK}*"):
        _unlink_quietly(leftover)
        removed.append(leftover)
    return removed


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
