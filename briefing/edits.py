"""Edits as values: each applies itself to a store and knows its inverse.

The desktop app wraps them in QUndoCommands; the core tests undo and redo without Qt.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Protocol

from briefing.store import Change, WorkspaceStore


class Edit(Protocol):
    def apply(self, store: WorkspaceStore) -> list[Change]: ...

    def revert(self, store: WorkspaceStore) -> list[Change]: ...


@dataclass
class AddItem:
    """Add ``item`` to ``collection``; undone by removing it."""

    collection: str
    item: Any

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return [store.add(self.collection, copy.deepcopy(self.item))]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return [store.remove(self.collection, self.item.id)]


@dataclass
class AddItems:
    """Add ``items`` to the end of ``collection`` in one step (an import of thousands): the workspace is
    checked once and written once, so the time grows with the number of items; undone by removing them."""

    collection: str
    items: list[Any]

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return store.add_and_update(self.collection, copy.deepcopy(self.items))

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return store.remove_all(self.collection, [item.id for item in self.items])


@dataclass
class UpdateItem:
    """Replace ``old`` by ``new`` in ``collection`` (the id may change); undone by the reverse."""

    collection: str
    old: Any
    new: Any

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return [store.update(self.collection, copy.deepcopy(self.new), old_id=self.old.id)]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return [store.update(self.collection, copy.deepcopy(self.old), old_id=self.new.id)]


@dataclass
class RemoveItem:
    """Remove an item; undone by putting it back at its place, with its tinydb document id."""

    collection: str
    item_id: str
    _removed: tuple[Any, int, int] | None = field(default=None, repr=False)

    def apply(self, store: WorkspaceStore) -> list[Change]:
        position = store.position(self.collection, self.item_id)
        item = store.workspace.collection(self.collection)[position]
        self._removed = (item, position, store.doc_id(self.collection, self.item_id))
        return [store.remove(self.collection, self.item_id)]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        assert self._removed is not None, "revert before apply"
        item, position, doc_id = self._removed
        return [store.add(self.collection, item, index=position, doc_id=doc_id)]


@dataclass
class SetSingleton:
    """Replace the campaign, the deck settings or the guide settings."""

    name: str
    old: Any
    new: Any

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return [store.set(self.name, copy.deepcopy(self.new))]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return [store.set(self.name, copy.deepcopy(self.old))]


@dataclass
class Batch:
    """Several edits as one step of undo, saved in one write (e.g. a stakeholder and their dialogues).

    All or nothing: when one edit is refused, those before it are reverted and the error raised.
    """

    edits: list[Any]

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return _all_or_nothing(store, [(edit.apply, edit.revert) for edit in self.edits])

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return _all_or_nothing(store, [(edit.revert, edit.apply) for edit in reversed(self.edits)])


def _all_or_nothing(store: WorkspaceStore, steps: list[tuple[Any, Any]]) -> list[Change]:
    changes: list[Change] = []
    done: list[Any] = []
    with store.batch():
        try:
            for step, inverse in steps:
                changes += step(store)
                done.append(inverse)
        except Exception:
            for inverse in reversed(done):
                inverse(store)
            raise
    return changes


def remove_with_dependents(store: WorkspaceStore, collection: str, item_id: str) -> Batch:
    """An edit that removes an item and first unlinks or removes what points to it.

    A stakeholder's dialogues are removed with them; ids in link lists are dropped; a
    sponsor that disappears becomes none.
    """
    ws = store.workspace
    edits: list[Any] = []
    if collection == "stakeholders":
        edits += [RemoveItem("dialogues", d.id) for d in ws.dialogues if d.stakeholder_id == item_id]
    for name in ("surveys", "initiatives", "csfs", "phases", "presentations"):
        for item in ws.collection(name):
            changed = _unlinked(item, item_id, collection)
            if changed is not None:
                edits.append(UpdateItem(name, item, changed))
    edits.append(RemoveItem(collection, item_id))
    return Batch(edits)


_LINKS = {
    "stakeholders": ("sponsor_id", "attendee_ids"),
    "problems": ("problem_ids",),
    "csfs": ("csf_ids",),
}


def _unlinked(item: Any, item_id: str, collection: str) -> Any | None:
    changed = copy.deepcopy(item)
    touched = False
    for name in _LINKS.get(collection, ()):
        value = getattr(changed, name, None)
        if isinstance(value, list) and item_id in value:
            setattr(changed, name, [v for v in value if v != item_id])
            touched = True
        elif value == item_id:
            setattr(changed, name, None)
            touched = True
    return changed if touched else None
