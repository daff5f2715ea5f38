"""Opening workspaces for the app: a folder, the default one, the demo; and what to do when the
store refuses (locked by another copy, damaged, newer), asking the user through ``Prompts``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from briefing.clock import Clock
from briefing.errors import BriefingError
from briefing.store import (
    BackupError,
    StoreDamaged,
    WorkspaceLocked,
    WorkspaceReadOnly,
    WorkspaceStore,
    restore,
    store_path,
)
from briefing.store.backups import listing
from briefing.store.layout import APP_FOLDER, WORKSPACE_FOLDER


def short_folder(folder: Path | None, home: Path | None = None) -> str:
    """``folder`` as the user reads it: under the home folder as ``~/…``, else in full ("" for none)."""
    if folder is None:
        return ""
    home = home if home is not None else Path.home()
    try:
        inside = folder.resolve().relative_to(home.resolve())
    except ValueError:
        return str(folder)
    return "~" if not inside.parts else "~" + os.sep + str(inside)


class Prompts(Protocol):
    """The questions the app asks while opening a workspace (the real ones are dialogs)."""

    def locked(self, error: WorkspaceLocked) -> None: ...

    def damaged(self, error: StoreDamaged, can_restore: bool) -> bool: ...

    def failed(self, error: BriefingError) -> None: ...


def data_folder() -> Path:
    """The app's folder in the user data folder: where ``briefing.store.default_folder()`` (platformdirs,
    for the Qt-free command line) puts it, found through Qt's QStandardPaths, loaded already (a test
    holds the two to the same folder)."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) / APP_FOLDER


def demo_folder(lang: str) -> Path:
    """Where the demo workspace in ``lang`` lives: beside the default workspace, in the user data folder."""
    return data_folder() / f"demo-{lang}"


def open_demo(lang: str, clock: Clock | None, prompts: Prompts) -> WorkspaceStore | None:
    """Open the demo workspace in ``lang``, filling it from the shipped demo the first time; None when
    it cannot be opened (the user was told why)."""
    folder = demo_folder(lang)
    try:
        return load_demo(folder, lang, clock)
    except (BriefingError, OSError) as error:
        return recover(folder, error, clock, prompts)


def load_demo(folder: Path, lang: str, clock: Clock | None) -> WorkspaceStore:
    """The store of the demo workspace in ``folder``, filled from the shipped demo in ``lang`` the first
    time; refuses as ``WorkspaceStore.open`` does (Qt-free: it may run on a worker)."""
    from briefing.demo import demo_workspace  # (the demo's texts load only when it is opened)

    store = WorkspaceStore.open(folder, clock)
    if store.workspace.is_empty():
        try:
            store.replace(demo_workspace(lang), reason="import")
        except BaseException:
            store.close(retry=False)
            raise
    return store


def open_store(folder: Path, clock: Clock | None, prompts: Prompts) -> WorkspaceStore | None:
    """The store of ``folder``, or None when it cannot be opened (the user was told why).

    A damaged store is never overwritten: when a valid backup exists the user is offered to
    restore the newest one, after which the workspace opens. A workspace that cannot be written
    (a read-only share, a full disk) opens read-only; the window says so.
    """
    try:
        return WorkspaceStore.open(folder, clock)
    except (BriefingError, OSError) as error:
        return recover(folder, error, clock, prompts)


def recover(folder: Path, error: BaseException, clock: Clock | None, prompts: Prompts) -> WorkspaceStore | None:
    """After ``WorkspaceStore.open(folder)`` refused with ``error`` (here or on a worker): the store
    opened read-only or restored from a backup where the user agrees, else None (the user was told why)."""
    if isinstance(error, WorkspaceReadOnly):
        return open_store_read_only(folder, clock, prompts)
    if isinstance(error, WorkspaceLocked):
        prompts.locked(error)
    elif isinstance(error, StoreDamaged):
        if prompts.damaged(error, has_valid_backup(folder)):
            return _restored(folder, clock, prompts)
    elif isinstance(error, BriefingError):  # a newer store, or any other refusal naming the file
        prompts.failed(error)
    elif isinstance(error, OSError):
        prompts.failed(BriefingError("shell.error.folder", folder=str(folder), reason=error.strerror or str(error)))
    else:
        raise error  # a bug, not a refusal
    return None


def open_store_read_only(folder: Path, clock: Clock | None, prompts: Prompts) -> WorkspaceStore | None:
    """The store of ``folder`` opened read-only, or None when even reading fails (the user was told why)."""
    try:
        return WorkspaceStore.open(folder, clock, read_only=True)
    except BriefingError as error:
        prompts.failed(error)
    return None


def _restored(folder: Path, clock: Clock | None, prompts: Prompts) -> WorkspaceStore | None:
    try:
        restore(folder, clock=clock)
        return WorkspaceStore.open(folder, clock)
    except (BackupError, BriefingError) as error:
        prompts.failed(error)
    return None


def has_valid_backup(folder: Path) -> bool:
    """True when ``folder`` holds a backup that this version can open."""
    from briefing.store import valid

    return any(valid(backup) for backup in listing(folder))


def start_folder(last: Path | None) -> Path:
    """The workspace opened on a start without arguments: the last one (if it is still there), else
    the default one."""
    if last is not None and holds_workspace(last):
        return last
    return data_folder() / WORKSPACE_FOLDER


def holds_workspace(folder: Path) -> bool:
    """True when ``folder`` holds a workspace's store (a damaged one too: opening it offers the restore)."""
    return store_path(folder).is_file()
