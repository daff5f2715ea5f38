"""The tinydb storage of a workspace: read once, answered from memory, every write crash-safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.files import os_reason, write_atomic
from briefing.store.errors import StoreWriteError


def encode(data: dict[str, Any]) -> bytes:
    """The bytes of a store: UTF-8 JSON, indented so that a damaged file can be read and mended.

    orjson (8× faster than the standard library here) loads with the first save, not at start.
    """
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


class SafeStorage:
    """tinydb storage over data held in memory; ``write`` replaces the file atomically.

    It has the three methods of tinydb's ``Storage`` (read, write, close) without deriving from
    it, so that opening a workspace does not load tinydb: that happens at the first edit.

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
        if self.path is not None:
            save(self.path, encode(self._data))
        self.dirty = False

    def close(self) -> None:
        """Nothing to release: the file is never held open."""


def save(path: Path, payload: bytes) -> None:
    """``write_atomic``, with a failure reported as StoreWriteError naming the file."""
    try:
        write_atomic(path, payload)
    except OSError as error:
        raise StoreWriteError("error.save_failed", file=str(path), reason=os_reason(error)) from error
