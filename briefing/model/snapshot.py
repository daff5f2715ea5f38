"""A copy of the workspace that a worker thread can read while the window goes on editing.

Edits never change an item in place: the store puts a new item in the list (``update``), inserts or
pops one, or sets a new singleton. So new lists holding the same items are a consistent copy, made
in well under a millisecond at 10,000 dialogues, where a deep copy takes a good part of a second.
"""

from __future__ import annotations

import copy

from briefing.model.collections import COLLECTIONS
from briefing.model.entities import Workspace


def snapshot(workspace: Workspace) -> Workspace:
    """``workspace`` as it is now, unaffected by later edits (its items are shared, not copied)."""
    copied = copy.copy(workspace)
    for collection in COLLECTIONS:
        setattr(copied, collection.name, list(collection.items(workspace)))
    return copied
