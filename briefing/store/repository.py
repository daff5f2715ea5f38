"""The workspace's store: the only place that knows tinydb's file format.

``WorkspaceStore.open(folder)`` takes the lock, reads the store once (migrating it after a
backup if it is older), and keeps the Workspace in memory: the one state. Every edit — ``add``,
``update``, ``remove``, ``set`` — changes the Workspace, checks it, and makes the change durable
through the storage's one write path (``storage.Storage``) before it returns a ``Change``; a
failed write raises StoreWriteError, leaves the files as they were and keeps the edit in memory
(``pending``) for ``save_pending`` to retry. The storage is injected: ``open`` puts it on the
workspace folder, ``on`` on any backend (``in_memory`` on a MemoryBackend).

``open(folder, read_only=True)`` reads without writing anything — no lock, no backup, no
cleaning — so that reading works on a read-only share or a full disk; its edits are refused.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.clock import Clock, SystemClock
from briefing.errors import ValidationError
from briefing.files import os_reason, remove_leftovers
from briefing.model import Workspace, codec, integrity
from briefing.model.collections import Collection, E, Entity, Part, S, Singleton
from briefing.model.ids import fresh_id
from briefing.store import archive, backups, loading, migrations
from briefing.store.backends import Backend, DiskBackend, MemoryBackend
from briefing.store.errors import BackupError, MigrationFailed, StoreError, WorkspaceReadOnly
from briefing.store.layout import JOURNAL_NAME, STORE_NAME, decks_folder
from briefing.store.lock import WorkspaceLock, unwritable
from briefing.store.storage import Storage


@dataclass(frozen=True)
class Change:
    """What an edit changed, so that views refresh only what shows it.

    ``collection`` is the collection or singleton changed; None: everything (a replacement, or a
    save that failed, after which views show the workspace afresh).
    """

    collection: Part | None
    kind: str  # "added", "updated", "removed", "set", "replaced"
    ids: tuple[str, ...] = ()

    def touches(self, *parts: Part) -> bool:
        """True when this change may alter what ``parts`` show."""
        return self.collection is None or self.collection in parts


EVERYTHING_CHANGED = Change(None, "updated")
"""A change of unknown extent: every view shows the workspace afresh."""


class WorkspaceStore:
    """A Workspace held in memory and kept by a storage; see the module docstring."""

    def __init__(
        self, storage: Storage, workspace: Workspace, clock: Clock, folder: Path | None = None, read_only: bool = False
    ) -> None:
        self.folder = folder
        self.clock = clock
        self.workspace = workspace
        self.read_only = read_only
        self._lock: WorkspaceLock | None = None
        self._storage = storage
        storage.whole = lambda: loading.to_raw(self.workspace, _meta())

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls, folder: Path, clock: Clock | None = None, daily_backup: bool = True, read_only: bool = False
    ) -> WorkspaceStore:
        """Open (or create) the workspace in ``folder``; refuses a locked, damaged or newer store.

        WorkspaceReadOnly when the folder cannot be written (a read-only share, a full disk):
        it can then be opened ``read_only``.
        """
        clock = clock or SystemClock()
        if read_only:
            try:
                return cls._load(DiskBackend(folder, _NAMES), clock, folder, read_only=True)
            except OSError as error:  # not a folder, or one that cannot be read
                raise StoreError("error.workspace_folder", folder=str(folder), reason=os_reason(error)) from None
        lock = _locked(folder, create=True)
        try:
            store = cls._load(DiskBackend(folder, _NAMES, lock), clock, folder, daily_backup)
        except BaseException:
            lock.release()
            raise
        store._lock = lock
        return store

    @classmethod
    def on(cls, backend: Backend, clock: Clock | None = None, read_only: bool = False) -> WorkspaceStore:
        """The store kept by ``backend`` (created empty if it holds none); no lock and no backups."""
        return cls._load(backend, clock or SystemClock(), read_only=read_only)

    @classmethod
    def in_memory(cls, workspace: Workspace | None = None, clock: Clock | None = None) -> WorkspaceStore:
        """A store that never touches the disk, for tests and previews."""
        store = cls.on(MemoryBackend(), clock)
        if workspace is not None:
            store.workspace = workspace
            store._storage.rewrite()
        return store

    @classmethod
    def _load(
        cls, backend: Backend, clock: Clock, folder: Path | None = None, daily_backup: bool = False,
        read_only: bool = False,
    ) -> WorkspaceStore:
        writing = folder is not None and not read_only
        if writing:
            remove_leftovers(folder)  # type: ignore[arg-type]
            remove_leftovers(backups.folder_of(folder))  # type: ignore[arg-type]
        storage = Storage(backend)
        with loading.collector_paused():
            return cls._load_from(storage, clock, folder, daily_backup, read_only)

    @classmethod
    def _load_from(
        cls, storage: Storage, clock: Clock, folder: Path | None, daily_backup: bool, read_only: bool
    ) -> WorkspaceStore:
        writing = folder is not None and not read_only
        loaded = storage.load()
        if loaded is None:
            store = cls(storage, Workspace(), clock, folder, read_only)
            if not read_only:
                storage.rewrite()
            return store
        raw, payload = loaded
        storage.index(raw)
        file = storage.file
        migrating = migrations.needs_migration(raw, file)
        if migrating:
            raw = _migrated(raw, file)
        store = cls(storage, loading.to_workspace(raw, file), clock, folder, read_only)
        if writing:
            store._after_load(payload, migrating, daily_backup)
        elif not read_only:
            if migrating:
                storage.rewrite()
            storage.settle()
        return store

    def _after_load(self, payload: bytes, migrating: bool, daily_backup: bool) -> None:
        """On a folder opened for writing: the backup the day or a migration asks for, then tidying."""
        folder: Path = self.folder  # type: ignore[assignment]
        if migrating:
            _take_backup(folder, payload, "migration", self.clock)
            self._storage.rewrite()
        elif daily_backup and not backups.taken_on(folder, self.clock.today(), "daily"):
            _take_backup(folder, payload, "daily", self.clock)
        self._storage.settle()
        archive.remove_orphans(folder, self.workspace)

    def close(self, retry: bool = True) -> None:
        """Save an edit still pending after a failed save, fold the journal, then release the lock.

        Every edit was saved already unless a save failed; that edit is retried here (unless
        ``retry`` is False: a command that failed ends without it), and a StoreWriteError still
        tells the caller it is not on disk (the lock is released anyway).
        """
        try:
            if retry and self.pending:
                self.save_pending()
            if not self.read_only and not self.pending:
                self._storage.compact()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> WorkspaceStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        return self.workspace.campaign.name or (self.folder.name if self.folder else "")

    @property
    def decks_folder(self) -> Path | None:
        return decks_folder(self.folder) if self.folder else None

    # -- edits ---------------------------------------------------------------------------

    def add(self, collection: Collection[E], item: E, index: int | None = None) -> Change:
        """Add ``item`` at the end (or at ``index``, when undoing a removal)."""
        self._writable()
        item = self._checked(collection, item)
        items = collection.items(self.workspace)
        position = len(items) if index is None else index
        items.insert(position, item)
        self._guard(lambda: items.pop(position), collection.name, item)
        self._storage.insert(collection.name, position, codec.dump(item))
        return Change(collection, "added", (item.id,))

    def update(self, collection: Collection[E], item: E, old_id: str | None = None) -> Change:
        """Replace the item whose id is ``old_id`` (default: ``item.id``) by ``item``."""
        self._writable()
        position = self.position(collection, old_id or item.id)
        item = self._checked(collection, item, position)
        items = collection.items(self.workspace)
        previous = items[position]
        items[position] = item
        renamed = previous.id != item.id
        self._guard(lambda: items.__setitem__(position, previous), collection.name, item, renamed)
        self._storage.put(collection.name, position, codec.dump(item))
        return Change(collection, "updated", (item.id,))

    def add_and_update(self, collection: Collection[E], added: Sequence[E], updated: Sequence[E] = ()) -> list[Change]:
        """An import in one edit: ``added`` at the end, each of ``updated`` replacing the item with its id.

        Each item is checked, the workspace's links once for all of them, and the store is written once
        (inside ``batch``, with the batch): the time grows with the number of items, not with its square
        as ``add`` and ``update`` in a loop would. A refusal leaves the workspace as it was.
        """
        if not added and not updated:
            return []
        self._writable()
        items = collection.items(self.workspace)
        start = len(items)
        where = {item.id: position for position, item in enumerate(items)}
        positions = [where[item.id] for item in updated]
        new = [self._checked(collection, item, start + offset) for offset, item in enumerate(added)]
        changed = [self._checked(collection, item, at) for item, at in zip(updated, positions, strict=True)]
        previous = [items[at] for at in positions]
        items.extend(new)
        for item, at in zip(changed, positions, strict=True):
            items[at] = item

        def take_back() -> None:
            del items[start:]
            for item, at in zip(previous, positions, strict=True):
                items[at] = item

        self._guard(take_back)
        with self.batch():
            for offset, item in enumerate(new):
                self._storage.insert(collection.name, start + offset, codec.dump(item))
            for item, at in zip(changed, positions, strict=True):
                self._storage.put(collection.name, at, codec.dump(item))
        changes = [Change(collection, "added", tuple(item.id for item in new)),
                   Change(collection, "updated", tuple(item.id for item in changed))]
        return [change for change in changes if change.ids]

    def remove_all(self, collection: Collection[Entity], item_ids: Sequence[str]) -> list[Change]:
        """Remove the items ``item_ids`` in one edit (undoing an import): the links checked once, one write."""
        if not item_ids:
            return []
        self._writable()
        gone = set(item_ids)
        items = collection.items(self.workspace)
        before = list(items)
        positions = [at for at, item in enumerate(items) if item.id in gone]
        items[:] = [item for item in items if item.id not in gone]

        def put_back() -> None:
            items[:] = before

        self._guard(put_back)
        self._storage.delete_all(collection.name, positions)
        return [Change(collection, "removed", tuple(item_ids))]

    def remove(self, collection: Collection[Entity], item_id: str) -> Change:
        """Remove the item ``item_id``; refused while other items still point to it."""
        self._writable()
        items = collection.items(self.workspace)
        position = self.position(collection, item_id)
        item = items.pop(position)
        self._guard(lambda: items.insert(position, item))
        self._storage.delete(collection.name, position)
        return Change(collection, "removed", (item_id,))

    def set(self, singleton: Singleton[S], value: S) -> Change:
        """Replace a singleton: the campaign, the deck settings or the guide settings."""
        self._writable()
        value = codec.load(singleton.type, codec.dump(value), singleton.name)
        previous = singleton.get(self.workspace)
        singleton.put(self.workspace, value)
        self._guard(lambda: singleton.put(self.workspace, previous), singleton.name)
        self._storage.set(singleton.name, codec.dump(value))
        return Change(singleton, "set")

    def replace(self, workspace: Workspace, reason: str = "import", checked: bool = False) -> Change:
        """Replace everything (an import with --replace): a backup first, then one atomic write.

        ``checked``: the workspace was checked already (read by ``from_json_text``), so it is not checked twice.
        """
        self._writable()
        if not checked:
            codec.load(Workspace, codec.dump(workspace), "")
            integrity.check(workspace)
            integrity.check_plausible(workspace)
        if self.folder is not None:
            for index, presentation in enumerate(workspace.presentations):
                archive.check_inside(presentation, f"presentations[{index}]")
        self._backup(reason)
        self.workspace = workspace
        self._storage.rewrite()
        return Change(None, "replaced")

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Gather the edits inside into one write of the store."""
        if self._storage.deferred:
            yield
            return
        self._storage.deferred = True
        try:
            yield
        finally:
            # Also when an edit inside failed: the edits before it are in memory, so they are saved.
            self._storage.deferred = False
            self._storage.flush()

    @property
    def pending(self) -> bool:
        """True while an edit is in memory but not yet on disk (after a failed save)."""
        return self._storage.dirty

    def save_pending(self) -> None:
        """Retry the write that failed; StoreWriteError again if it still fails."""
        self._storage.flush()

    # -- queries and helpers ----------------------------------------------------------------

    def position(self, collection: Collection[Entity], item_id: str) -> int:
        """Where the item ``item_id`` is in its collection; KeyError when there is none."""
        return collection.position(self.workspace, item_id)

    def new_id(self, collection: Collection[Entity]) -> str:
        """An id for a new item of ``collection``, not used before: its prefix and a number."""
        return fresh_id(collection.id_prefix, {item.id for item in collection.items(self.workspace)})

    def _checked(self, collection: Collection[E], item: E, index: int | None = None) -> E:
        """A validated copy of ``item``; a ValidationError names ``collection[index].field``."""
        index = len(collection.items(self.workspace)) if index is None else index
        path = f"{collection.name}[{index}]"
        checked = codec.load(collection.type, codec.dump(item), path)
        collection.check_plausible(checked, path)
        if collection.name == "presentations" and self.folder is not None:  # a store in memory has no folder
            archive.check_inside(checked, path)
        return checked

    def _guard(
        self, undo: Callable[[], object], collection: str = "", item: Any = None, renamed: bool = False
    ) -> None:
        """Check the workspace after an in-memory change; undo it and raise if it broke a link.

        A removal or a changed id can break links anywhere, so the whole workspace is checked;
        an add, a change or a set can only break its own (see ``_check_around``).
        """
        try:
            if not collection or renamed:
                integrity.check(self.workspace)
            else:
                self._check_around(collection, item)
        except ValidationError:
            undo()
            raise

    def _check_around(self, collection: str, item: Any) -> None:
        """``integrity.check`` of an edit that took no id away, at the cost of the edit.

        The items of BULK — the collection that grows to thousands, and that nothing points to —
        keep their links when no id goes away, so they are left out but for the edited item and
        any item sharing its id. Should that smaller workspace show a problem, the whole one is
        checked, so that the error names the item's real place.
        """
        bulk = self.workspace.dialogues
        kept = [other for other in bulk if other.id == item.id] if collection == BULK else []
        if len(kept) > 1 or next(integrity.problems(dataclasses.replace(self.workspace, dialogues=kept)), None):
            integrity.check(self.workspace)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("error.read_only_edit", folder=str(self.folder or ""))

    def _backup(self, reason: str) -> None:
        payload = self._storage.on_disk() if self.folder is not None else None
        if payload is not None:
            _take_backup(self.folder, payload, reason, self.clock)  # type: ignore[arg-type]


_NAMES = (STORE_NAME, JOURNAL_NAME)
BULK = "dialogues"
"""The collection that grows to thousands of items and that no other item points to."""


def _locked(folder: Path, create: bool = False) -> WorkspaceLock:
    """The workspace lock of ``folder`` (created first with ``create``); StoreError when the folder is
    unusable, WorkspaceReadOnly when it holds a store but cannot be written."""
    lock = WorkspaceLock(folder)
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except OSError as error:
        key = "error.workspace_read_only" if unwritable(error) and folder.is_dir() else "error.workspace_folder"
        kind = WorkspaceReadOnly if key == "error.workspace_read_only" else StoreError
        raise kind(key, folder=str(folder), reason=os_reason(error)) from None
    return lock


def _meta() -> dict[str, Any]:
    return {"schema": migrations.SCHEMA_VERSION, "app": __version__}


def _take_backup(folder: Path, payload: bytes, reason: str, clock: Clock) -> backups.Backup:
    """A backup that must exist before going on; BackupError naming the backup folder if it cannot be written."""
    try:
        return backups.take(folder, payload, reason, clock.now())
    except OSError as error:
        raise BackupError(
            "error.backup_failed", folder=str(backups.folder_of(folder)), reason=os_reason(error)
        ) from error


def _migrated(raw: dict[str, Any], file: str) -> dict[str, Any]:
    """``raw`` migrated to SCHEMA_VERSION; a failing step raises MigrationFailed and nothing is written."""
    try:
        return migrations.migrate(raw)
    except Exception as error:
        raise MigrationFailed(
            "error.migration_failed",
            file=file,
            version=migrations.version_of(raw),
            supported=migrations.SCHEMA_VERSION,
            reason=str(error) or type(error).__name__,
        ) from error


def restore(folder: Path, name: str | None = None, clock: Clock | None = None) -> backups.Backup:
    """Put backup ``name`` back as the store of ``folder``; the backup restored.

    Without ``name``: the newest valid backup that a restore did not make itself, so that a
    second restore puts back the same one instead of undoing the first. The current store,
    damaged or not, is first kept as a backup of its own (reason ``replaced``), so a restore
    loses nothing. The workspace must not be open elsewhere (the lock is taken).
    """
    clock = clock or SystemClock()
    if not folder.is_dir():
        raise BackupError("error.no_valid_backup", folder=str(folder))
    lock = _locked(folder)
    try:
        chosen = _chosen_backup(folder, name)
        payload = chosen.path.read_bytes()  # before the backup below, whose thinning may drop the chosen one
        storage = Storage(DiskBackend(folder, _NAMES))
        current = storage.on_disk()
        if current is not None:
            _take_backup(folder, current, RESTORE_REASON, clock)
        storage.put_back(payload)
        return chosen
    finally:
        lock.release()


def stored(folder: Path) -> dict[str, Any]:
    """The raw tinydb data of the store in ``folder`` as a reopen reads it (its journal played); {} without one."""
    loaded = Storage(DiskBackend(folder, _NAMES)).load()
    return loaded[0] if loaded else {}


RESTORE_REASON = "replaced"
"""The reason of the backup a restore takes of the store it replaces."""


def valid(backup: backups.Backup) -> bool:
    """True if ``backup`` holds a store this version can open."""
    try:
        raw = loading.parse(backup.path.read_bytes(), str(backup.path))
        migrations.needs_migration(raw, backup.name)
        loading.to_workspace(_migrated(raw, backup.name), backup.name)
    except (StoreError, OSError):  # damaged, newer, or a migration step that fails on it
        return False
    return True


def _chosen_backup(folder: Path, name: str | None) -> backups.Backup:
    listed = backups.listing(folder)
    if name is not None:
        match = next((b for b in listed if b.name == name), None)
        if match is None or not valid(match):
            raise BackupError("error.backup_unusable", folder=str(folder), name=name)
        return match
    for backup in listed:
        if backup.reason != RESTORE_REASON and valid(backup):
            return backup
    raise BackupError("error.no_valid_backup", folder=str(folder))
