"""The workspace's store: crash-safe tinydb storage, schema migrations, backups and the lock."""

from briefing.store.errors import (
    BackupError,
    MigrationFailed,
    NewerStore,
    StoreDamaged,
    StoreError,
    StoreWriteError,
    WorkspaceLocked,
)
from briefing.store.layout import default_folder, store_path
from briefing.store.repository import EVERYTHING_CHANGED, Change, WorkspaceStore, restore, valid

__all__ = [
    "EVERYTHING_CHANGED",
    "BackupError",
    "Change",
    "MigrationFailed",
    "NewerStore",
    "StoreDamaged",
    "StoreError",
    "StoreWriteError",
    "WorkspaceLocked",
    "WorkspaceStore",
    "default_folder",
    "restore",
    "store_path",
    "valid",
]
