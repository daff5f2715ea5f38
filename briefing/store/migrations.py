"""Schema versions of the stored data and the steps between them.

Each step takes the raw store of version N and returns version N + 1. Migration is
all-or-nothing: the steps run on a copy in memory, the result is checked, a backup is
made, and only then is the file replaced.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from briefing.store.errors import NewerStore

__all__ = ["SCHEMA_VERSION", "STEPS", "NewerStore", "migrate", "needs_migration"]

SCHEMA_VERSION = 2
META_TABLE = "_meta"

Step = Callable[[dict[str, Any]], dict[str, Any]]


def _to_objects(raw: dict[str, Any], table: str, field: str, key: str, defaults: dict[str, Any]) -> None:
    """Each plain text in the list ``field`` of the documents of ``table`` becomes an object: ``key``
    the text, the other fields their defaults."""
    for doc in raw.get(table, {}).values():
        values = doc.get(field)
        if isinstance(values, list):
            doc[field] = [{key: value, **defaults} if isinstance(value, str) else value for value in values]


def _to_version_2(raw: dict[str, Any]) -> dict[str, Any]:
    """Interchange format 2: a phase's deliverables and a presentation's next steps are objects with an
    owner and a due date (and, for a step, whether it is done); the new fields (consent to be named,
    benefits, a phase's status, the currency …) take their defaults when the store is read."""
    _to_objects(raw, "phases", "deliverables", "title", {"owner": "", "due": None})
    _to_objects(raw, "presentations", "next_steps", "text", {"owner": "", "due": None, "done": False})
    return raw


STEPS: dict[int, Step] = {1: _to_version_2}
"""``STEPS[n]`` migrates a store from version ``n`` to ``n + 1``."""


def version_of(raw: dict[str, Any]) -> int:
    meta = raw.get(META_TABLE, {}).get("1", {})
    version = meta.get("schema", 1) if isinstance(meta, dict) else 1
    return version if isinstance(version, int) else 1


def set_version(raw: dict[str, Any], version: int) -> None:
    raw[META_TABLE] = {"1": {"schema": version}}


def needs_migration(raw: dict[str, Any], file: str, current: int | None = None) -> bool:
    """True if ``raw`` is older than ``current`` (default: SCHEMA_VERSION); NewerStore if it is newer."""
    current = SCHEMA_VERSION if current is None else current
    version = version_of(raw)
    if version > current:
        raise NewerStore("error.newer_store", file=file, version=version, supported=current)
    return version < current


def migrate(raw: dict[str, Any], current: int | None = None) -> dict[str, Any]:
    """A migrated copy of ``raw`` (to ``current``, default SCHEMA_VERSION); the original is never touched.

    SCHEMA_VERSION is read at call time, not bound as a default, so that a test can raise it.
    """
    current = SCHEMA_VERSION if current is None else current
    result = copy.deepcopy(raw)
    for version in range(version_of(raw), current):
        result = STEPS[version](result)
        set_version(result, version + 1)
    return result
