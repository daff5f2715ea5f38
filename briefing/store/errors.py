"""What can go wrong with a workspace's store, each naming the file and the place."""

from __future__ import annotations

from briefing.errors import BriefingError


class StoreError(BriefingError):
    """Base of the store's errors."""


class StoreDamaged(StoreError):
    """The store file cannot be read as a workspace; it is left as it is, never overwritten."""


class NewerStore(StoreError):
    """The store was written by a newer version of the app; it is refused and never written."""


class WorkspaceLocked(StoreError):
    """Another running copy of the app holds the workspace."""


class WorkspaceReadOnly(StoreError):
    """The workspace folder cannot be written (a read-only share, a full disk); it can be opened read-only."""


class StoreWriteError(StoreError):
    """A save failed; the store on disk is unchanged and the edit is kept in memory for a retry."""


class BackupError(StoreError):
    """A backup is missing or cannot be read."""


class MigrationFailed(StoreError):
    """A step upgrading an older store failed; the store on disk was not changed."""
