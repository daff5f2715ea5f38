"""The workspace's store: the only place that knows tinydb.

``WorkspaceStore.open(folder)`` takes the lock, reads the store once (migrating it after a
backup if it is older), and keeps the Workspace in memory. Every edit — ``add``, ``update``,
``remove``, ``set`` — changes the Workspace, checks it, and writes the store atomically
before it returns a ``Change``; a failed write raises StoreWriteError, leaves the file as it
was and keeps the edit in memory (``pending``) for ``save_pending`` to retry.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.clock import Clock, SystemClock
from briefing.errors import ValidationError
from briefing.files import os_reason, remove_leftovers
from briefing.model import COLLECTIONS, Workspace, codec, integrity
from briefing.model.collections import Collection, E, Entity, Part, S, Singleton
from briefing.model.ids import fresh_id
from briefing.store import backups, loading, migrations
from briefing.store.errors import BackupError, MigrationFailed, StoreError
from briefing.store.layout import decks_folder, store_path
from briefing.store.lock import WorkspaceLock
from briefing.store.storage import SafeStorage, encode, save


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
    """A Workspace held in memory and kept on disk; see the module docstring."""

    def __init__(self, folder: Path | None, raw: dict[str, Any], workspace: Workspace, clock: Clock) -> None:
        self.folder = folder
        self.clock = clock
        self.workspace = workspace
        self._lock: WorkspaceLock | None = None
        self._storage = SafeStorage(store_path(folder) if folder else None, raw)
        self._tinydb: Any = None
        self._doc_ids = _doc_ids(raw)

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, clock: Clock | None = None, daily_backup: bool = True) -> WorkspaceStore:
        """Open (or create) the workspace in ``folder``; refuses a locked, damaged or newer store."""
        clock = clock or SystemClock()
        lock = _locked(folder, create=True)
        try:
            store = cls._load(folder, clock, daily_backup)
        except BaseException:
            lock.release()
            raise
        store._lock = lock
        return store

    @classmethod
    def in_memory(cls, workspace: Workspace | None = None, clock: Clock | None = None) -> WorkspaceStore:
        """A store that never touches the disk, for tests and previews."""
        workspace = workspace or Workspace()
        return cls(None, loading.to_raw(workspace, _meta()), workspace, clock or SystemClock())

    @classmethod
    def _load(cls, folder: Path, clock: Clock, daily_backup: bool) -> WorkspaceStore:
        remove_leftovers(folder)
        remove_leftovers(backups.folder_of(folder))
        path = store_path(folder)
        if not path.exists():
            workspace = Workspace()
            raw = loading.to_raw(workspace, _meta())
            save(path, encode(raw))
            return cls(folder, raw, workspace, clock)
        payload = path.read_bytes()
        raw = loading.parse(payload, str(path))
        if migrations.needs_migration(raw, str(path)):
            raw = _migrated(raw, str(path))
            workspace = loading.to_workspace(raw, str(path))
            _take_backup(folder, payload, "migration", clock)
            save(path, encode(raw))
        else:
            workspace = loading.to_workspace(raw, str(path))
            if daily_backup and not backups.taken_on(folder, clock.today(), "daily"):
                _take_backup(folder, payload, "daily", clock)
        return cls(folder, raw, workspace, clock)

    def close(self) -> None:
        """Save an edit still pending after a failed save, then release the lock.

        Every edit was saved already unless a save failed; that edit is retried here, and a
        StoreWriteError still tells the caller it is not on disk (the lock is released anyway).
        """
        try:
            if self.pending:
                self.save_pending()
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
        """Add ``item`` at the end, or at ``index`` (undoing a removal puts the item back where it was)."""
        item = self._checked(collection, item)
        items = collection.items(self.workspace)
        position = len(items) if index is None else index
        doc_ids = self._doc_ids[collection.name]
        new_id = max(doc_ids, default=0) + 1
        items.insert(position, item)
        doc_ids.insert(position, new_id)
        self._guard(lambda: (items.pop(position), doc_ids.pop(position)))
        if position == len(items) - 1:
            self._table(collection.name).insert(_document(codec.dump(item), doc_id=new_id))
        else:
            self._renumber(collection)
        return Change(collection, "added", (item.id,))

    def _renumber(self, collection: Collection[Entity]) -> None:
        """Store ``collection`` anew, its documents numbered in the order of its items (the store keeps
        that order by number), in one write: after an item was put back in the middle."""
        items = collection.items(self.workspace)
        doc_ids = self._doc_ids[collection.name] = list(range(1, len(items) + 1))
        table = self._table(collection.name)
        with self.batch():
            table.truncate()
            table.insert_multiple(_document(codec.dump(item), doc_id=i) for i, item in zip(doc_ids, items, strict=True))

    def update(self, collection: Collection[E], item: E, old_id: str | None = None) -> Change:
        """Replace the item whose id is ``old_id`` (default: ``item.id``) by ``item``."""
        position = self.position(collection, old_id or item.id)
        item = self._checked(collection, item, position)
        items = collection.items(self.workspace)
        previous = items[position]
        items[position] = item
        self._guard(lambda: items.__setitem__(position, previous))
        doc_id = self._doc_ids[collection.name][position]
        self._table(collection.name).upsert(_document(codec.dump(item), doc_id=doc_id))
        return Change(collection, "updated", (item.id,))

    def add_and_update(self, collection: Collection[E], added: Sequence[E], updated: Sequence[E] = ()) -> list[Change]:
        """An import in one edit: ``added`` at the end, each of ``updated`` replacing the item with its id.

        Each item is checked, the workspace's links once for all of them, and the store is written once
        (inside ``batch``, with the batch): the time grows with the number of items, not with its square
        as ``add`` and ``update`` in a loop would. A refusal leaves the workspace as it was.
        """
        if not added and not updated:
            return []
        items = collection.items(self.workspace)
        doc_ids = self._doc_ids[collection.name]
        start = len(items)
        where = {item.id: position for position, item in enumerate(items)}
        positions = [where[item.id] for item in updated]
        new = [self._checked(collection, item, start + offset) for offset, item in enumerate(added)]
        changed = [self._checked(collection, item, at) for item, at in zip(updated, positions, strict=True)]
        previous = [items[at] for at in positions]
        first = max(doc_ids, default=0) + 1
        new_ids = list(range(first, first + len(new)))
        items.extend(new)
        doc_ids.extend(new_ids)
        for item, at in zip(changed, positions, strict=True):
            items[at] = item

        def take_back() -> None:
            del items[start:]
            del doc_ids[start:]
            for item, at in zip(previous, positions, strict=True):
                items[at] = item

        self._guard(take_back)
        table = self._table(collection.name)
        documents = {item.id: codec.dump(item) for item in changed}

        def replace(document: dict[str, Any]) -> None:  # tinydb hands each stored document to this, once
            fresh = documents[document["id"]]
            document.clear()
            document.update(fresh)

        with self.batch():
            table.insert_multiple([_document(codec.dump(item), i) for item, i in zip(new, new_ids, strict=True)])
            table.update(replace, doc_ids=[doc_ids[at] for at in positions])
        changes = [Change(collection, "added", tuple(item.id for item in new)),
                   Change(collection, "updated", tuple(item.id for item in changed))]
        return [change for change in changes if change.ids]

    def remove_all(self, collection: Collection[Entity], item_ids: Sequence[str]) -> list[Change]:
        """Remove the items ``item_ids`` in one edit (undoing an import): the links checked once, one write."""
        if not item_ids:
            return []
        gone = set(item_ids)
        items = collection.items(self.workspace)
        doc_ids = self._doc_ids[collection.name]
        before = (list(items), list(doc_ids))
        kept = [(item, doc_id) for item, doc_id in zip(items, doc_ids, strict=True) if item.id not in gone]
        dropped = [doc_id for item, doc_id in zip(items, doc_ids, strict=True) if item.id in gone]
        items[:] = [item for item, _ in kept]
        doc_ids[:] = [doc_id for _, doc_id in kept]

        def put_back() -> None:
            items[:], doc_ids[:] = before

        self._guard(put_back)
        self._table(collection.name).remove(doc_ids=dropped)
        return [Change(collection, "removed", tuple(item_ids))]

    def remove(self, collection: Collection[Entity], item_id: str) -> Change:
        """Remove the item ``item_id``; refused while other items still point to it."""
        items = collection.items(self.workspace)
        position = self.position(collection, item_id)
        doc_ids = self._doc_ids[collection.name]
        item, doc_id = items.pop(position), doc_ids.pop(position)

        def put_back() -> None:
            items.insert(position, item)
            doc_ids.insert(position, doc_id)

        self._guard(put_back)
        self._table(collection.name).remove(doc_ids=[doc_id])
        return Change(collection, "removed", (item_id,))

    def set(self, singleton: Singleton[S], value: S) -> Change:
        """Replace a singleton: the campaign, the deck settings or the guide settings."""
        value = codec.load(singleton.type, codec.dump(value), singleton.name)
        previous = singleton.get(self.workspace)
        singleton.put(self.workspace, value)
        self._guard(lambda: singleton.put(self.workspace, previous))
        self._table(singleton.name).upsert(_document(codec.dump(value), doc_id=1))
        return Change(singleton, "set")

    def replace(self, workspace: Workspace, reason: str = "import", checked: bool = False) -> Change:
        """Replace everything (an import with --replace): a backup first, then one atomic write.

        ``checked``: the workspace was checked already (read by ``from_json_text``), so it is not checked twice.
        """
        if not checked:
            codec.load(Workspace, codec.dump(workspace), "")
            integrity.check(workspace)
            integrity.check_plausible(workspace)
        self._backup(reason)
        raw = loading.to_raw(workspace, _meta())
        self.workspace = workspace
        self._doc_ids = _doc_ids(raw)
        if self._tinydb is not None:
            self._tinydb.clear_cache()
        self._storage.write(raw)
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

    def _table(self, name: str) -> Any:
        """The tinydb table ``name``; tinydb is loaded at the first edit, not when the store opens."""
        if self._tinydb is None:
            from tinydb import TinyDB

            self._tinydb = TinyDB(storage=lambda: self._storage)
        return self._tinydb.table(name)

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
        return checked

    def _guard(self, undo: Callable[[], object]) -> None:
        """Check the workspace after an in-memory change; undo it and raise if it broke a link."""
        try:
            integrity.check(self.workspace)
        except ValidationError:
            undo()
            raise

    def _backup(self, reason: str) -> None:
        if self.folder is not None and store_path(self.folder).exists():
            _take_backup(self.folder, store_path(self.folder).read_bytes(), reason, self.clock)


def _locked(folder: Path, create: bool = False) -> WorkspaceLock:
    """The workspace lock of ``folder`` (created first with ``create``); StoreError when the folder is unusable."""
    lock = WorkspaceLock(folder)
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except OSError as error:
        raise StoreError("error.workspace_folder", folder=str(folder), reason=os_reason(error)) from None
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
    """Put backup ``name`` (default: the newest valid one) back as the store of ``folder``.

    The current store, damaged or not, is first kept as a backup of its own, so a restore
    loses nothing. The workspace must not be open elsewhere (the lock is taken).
    """
    clock = clock or SystemClock()
    if not folder.is_dir():
        raise BackupError("error.no_valid_backup", folder=str(folder))
    lock = _locked(folder)
    try:
        chosen = _chosen_backup(folder, name)
        payload = chosen.path.read_bytes()  # before the backup below, whose thinning may drop the chosen one
        path = store_path(folder)
        if path.exists():
            _take_backup(folder, path.read_bytes(), "replaced", clock)
        save(path, payload)
        return chosen
    finally:
        lock.release()


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
        if valid(backup):
            return backup
    raise BackupError("error.no_valid_backup", folder=str(folder))


def _document(value: dict[str, Any], doc_id: int) -> Any:
    from tinydb.table import Document

    return Document(value, doc_id=doc_id)


def _doc_ids(raw: dict[str, Any]) -> dict[str, list[int]]:
    """Per collection, the document id of each item, in the order of the items."""
    return {c.name: [doc_id for doc_id, _ in loading.documents(raw, c.name)] for c in COLLECTIONS}
