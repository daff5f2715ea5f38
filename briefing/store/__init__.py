"""The workspace's store: crash-safe tinydb storage with a journal, schema migrations, backups and the lock."""

from briefing.store.backends import Backend, DiskBackend, MemoryBackend
from briefing.store.errors import (
    BackupError,
    MigrationFailed,
    NewerStore,
    StoreDamaged,
    StoreError,
    StoreWriteError,
    WorkspaceLocked,
    WorkspaceReadOnly,
)
from briefing.store.layout import default_folder, store_path
from briefing.store.repository import EVERYTHING_CHANGED, Change, WorkspaceStore, restore, stored, valid

__all__ = [
    "EVERYTHING_CHANGED",
    "Backend",
    "BackupError",
    "Change",
    "DiskBackend",
    "MemoryBackend",
    "MigrationFailed",
    "NewerStore",
    "StoreDamaged",
    "StoreError",
    "StoreWriteError",
    "WorkspaceLocked",
    "WorkspaceReadOnly",
    "WorkspaceStore",
    "default_folder",
    "restore",
    "store_path",
    "stored",
    "valid",
]
