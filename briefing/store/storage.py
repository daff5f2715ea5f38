"""The tinydb storage of a workspace: read once, answered from memory, every write crash-safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from briefing.store.atomic import write_atomic
from briefing.store.errors import StoreWriteError


def encode(data: dict[str, Any]) -> bytes:
    """The bytes of a store: UTF-8 JSON, indented so that a damaged file can be read and mended."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


class SafeStorage(Storage):
    """tinydb storage over data held in memory; ``write`` replaces the file atomically.

    A failed write raises StoreWriteError and leaves the file as it was; the data stays in
    memory, ``dirty``, so that ``flush`` can retry. ``deferred`` gathers several writes into one.
    Without a ``path`` nothing touches the disk (the seam that fast tests use).
    """

    def __init__(self, path: Path | None = None, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self._data: dict[str, Any] = data if data is not None else {}
        self.dirty = False
        self.deferred = False

    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True
        if not self.deferred:
            self.flush()

    def flush(self) -> None:
        """Write what is in memory to disk if it differs from the file; StoreWriteError on failure."""
        if not self.dirty:
            return
        payload = encode(self._data)
        if self.path is not None:
            try:
                write_atomic(self.path, payload)
            except OSError as error:
                raise StoreWriteError("error.save_failed", file=str(self.path), reason=_reason(error)) from error
        self.dirty = False

    def close(self) -> None:
        """Nothing to release: the file is never held open."""


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
