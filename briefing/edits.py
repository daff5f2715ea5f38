"""Edits as values: each applies itself to a store and knows its inverse.

The edits are generic over the collection declarations (``briefing.model.collections``): one
``AddItem``, ``UpdateItem`` and ``RemoveItem`` serve every collection, typed by it. The desktop app
wraps them in QUndoCommands; the core tests undo and redo without Qt.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, cast

from briefing.model.collections import COLLECTIONS, SINGLETONS, Collection, E, Entity, Link, S, Singleton
from briefing.store import Change, WorkspaceStore

Step = Callable[[WorkspaceStore], list[Change]]


class Edit(Protocol):
    def apply(self, store: WorkspaceStore) -> list[Change]: ...

    def revert(self, store: WorkspaceStore) -> list[Change]: ...


@dataclass
class AddItem(Generic[E]):
    """Add ``item`` to ``collection``; undone by removing it."""

    collection: Collection[E]
    item: E

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return [store.add(self.collection, copy.deepcopy(self.item))]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return [store.remove(self.collection, self.item.id)]


@dataclass
class AddItems(Generic[E]):
    """Add ``items`` to the end of ``collection`` in one step (an import of thousands): the workspace is
    checked once and written once, so the time grows with the number of items; undone by removing them."""

    collection: Collection[E]
    items: list[E]

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return store.add_and_update(self.collection, copy.deepcopy(self.items))

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return store.remove_all(self.collection, [item.id for item in self.items])


@dataclass
class UpdateItem(Generic[E]):
    """Replace ``old`` by ``new`` in ``collection`` (the id may change); undone by the reverse."""

    collection: Collection[E]
    old: E
    new: E

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return [store.update(self.collection, copy.deepcopy(self.new), old_id=self.old.id)]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return [store.update(self.collection, copy.deepcopy(self.old), old_id=self.new.id)]


@dataclass
class RemoveItem(Generic[E]):
    """Remove an item; undone by putting it back at its place."""

    collection: Collection[E]
    item_id: str
    _removed: tuple[E, int] | None = field(default=None, repr=False)

    def apply(self, store: WorkspaceStore) -> list[Change]:
        position = store.position(self.collection, self.item_id)
        self._removed = (self.collection.items(store.workspace)[position], position)
        return [store.remove(self.collection, self.item_id)]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        assert self._removed is not None, "revert before apply"
        item, position = self._removed
        return [store.add(self.collection, item, index=position)]


@dataclass
class SetSingleton(Generic[S]):
    """Replace the campaign, the deck settings or the guide settings."""

    singleton: Singleton[S]
    old: S
    new: S

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return [store.set(self.singleton, copy.deepcopy(self.new))]

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return [store.set(self.singleton, copy.deepcopy(self.old))]


@dataclass
class Batch:
    """Several edits as one step of undo, saved in one write (e.g. a stakeholder and their dialogues).

    All or nothing: when one edit is refused, those before it are reverted and the error raised.
    """

    edits: Sequence[Edit]

    def apply(self, store: WorkspaceStore) -> list[Change]:
        return _all_or_nothing(store, [(edit.apply, edit.revert) for edit in self.edits])

    def revert(self, store: WorkspaceStore) -> list[Change]:
        return _all_or_nothing(store, [(edit.revert, edit.apply) for edit in reversed(self.edits)])


def _all_or_nothing(store: WorkspaceStore, steps: list[tuple[Step, Step]]) -> list[Change]:
    changes: list[Change] = []
    done: list[Step] = []
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


def remove_with_dependents(store: WorkspaceStore, collection: Collection[Entity], item_id: str) -> Batch:
    """An edit that removes an item and first removes or unlinks what points to it.

    Following the declared links: an item owned by it is removed with it (a stakeholder's
    dialogues); an id in a link list is dropped; a single link (a sponsor, the deck's asked phase)
    becomes none. A link into the item's own list goes too (a benefit's KPI, with its initiative).
    """
    removed = collection.items(store.workspace)[store.position(collection, item_id)]  # KeyError when there is none
    edits: list[Edit] = []
    for source in COLLECTIONS:
        links = [(link, gone) for link in source.links if (gone := link.target.ids_within(collection, removed))]
        for item in source.items(store.workspace) if links else []:
            edits += _dependent_edit(source, links, item)
    for singleton in SINGLETONS:
        edits += _unlinked_singleton(cast(Singleton[object], singleton), store, collection, removed)
    edits.append(RemoveItem(collection, item_id))
    return Batch(edits)


def _dependent_edit(source: Collection[E], links: list[tuple[Link, set[str]]], item: E) -> list[Edit]:
    """What becomes of ``item`` when the ids ``gone`` go: removed if a link that owns it held one, else unlinked."""
    if any(link.owner and gone & {value for _, value in link.ids(item)} for link, gone in links):
        return [RemoveItem(source, item.id)]
    changed: E | None = None
    for link, gone in links:
        for target_id in gone:
            changed = link.unlinked(changed or item, target_id) or changed
    return [UpdateItem(source, item, copy.deepcopy(changed))] if changed is not None else []


def _unlinked_singleton(
    singleton: Singleton[S], store: WorkspaceStore, collection: Collection[Entity], removed: Entity
) -> list[Edit]:
    """The singleton without its links to ``removed`` (and what is inside it), or no edit."""
    value = singleton.get(store.workspace)
    changed: S | None = None
    for link in singleton.links:
        for target_id in link.target.ids_within(collection, removed):
            changed = link.unlinked(changed or value, target_id) or changed
    return [SetSingleton(singleton, value, changed)] if changed is not None else []
