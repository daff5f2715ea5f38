"""A store's documents on a backend: a snapshot, and a journal of the saves made since.

The documents themselves live in the Workspace the repository holds — the one state in
memory. The storage keeps only what the file format needs beside it: the tinydb document id of
each item (in the order of the workspace's lists; they never leave this module), and the
changes not yet durable.

There is one write path, ``flush``. A save after an edit appends one record to the journal and
fsyncs it: O(change), crash-safe (a torn record is ignored on reading, see ``journal``). The
snapshot is rewritten whole — crash-safely, under a new token that makes the old journal stale —
when the journal has grown past ``FOLD_AT``, when the store is closed, when everything is
replaced (an import), after a failed append, and when an insert finds no free id between its
neighbours. The snapshot stays a plain tinydb JSON file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any

from briefing.files import os_reason
from briefing.store import journal, loading
from briefing.store.backends import Backend
from briefing.store.errors import StoreError, StoreWriteError
from briefing.store.layout import JOURNAL_NAME, STORE_NAME
from briefing.store.migrations import META_TABLE

FOLD_AT = 1 << 20
"""Journal bytes past which the next save rewrites the snapshot (about 2,500 edits of a dialogue):
it bounds what an opening replays, and spreads the cost of a rewrite over that many saves."""
TOKEN_KEY = "journal"
READ_ATTEMPTS = 3


def encode(data: dict[str, Any]) -> bytes:
    """The bytes of a store: UTF-8 JSON, indented so that a damaged file can be read and mended.

    orjson (8× faster than the standard library here) loads with the first save, not at start.
    """
    import orjson

    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


class Storage:
    """The snapshot and journal of one store on ``backend``; see the module docstring.

    ``whole`` gives the whole store as raw tinydb data from memory, for a rewrite. A failed
    save raises StoreWriteError and leaves the files as they were; the changes stay ``dirty``
    so that ``flush`` can retry. ``deferred`` gathers several saves into one.
    """

    def __init__(self, backend: Backend, whole: Callable[[], dict[str, Any]] | None = None) -> None:
        self.backend = backend
        self.whole = whole or (lambda: {})
        self.deferred = False
        self._ids: dict[str, list[int]] = {}
        self._ops: list[journal.Op] = []
        self._rewrite = False
        self._token = ""
        self._journal = 0  # bytes of the journal that belong to the snapshot; 0: none yet
        self._stale = False  # a journal of another snapshot, or a torn tail, is on disk
        self._torn = 0

    @property
    def file(self) -> str:
        return self.backend.where(STORE_NAME)

    # -- reading ---------------------------------------------------------------------------

    def load(self, remember: bool = True) -> tuple[dict[str, Any], bytes] | None:
        """The raw store with its journal played, and its bytes for a backup; None when there is none.

        ``remember``: the files read are this store's from now on (a write checks nobody changed them).
        A journal that belongs to no snapshot read is stale, unless the snapshot was rewritten in
        between (a reader beside a running app): the snapshot is then read again.
        """
        for _ in range(READ_ATTEMPTS):
            loaded = self._load_once(remember)
            if loaded is None or not self._stale or self.backend.read(STORE_NAME) == loaded[1]:
                break
        return loaded

    def _load_once(self, remember: bool) -> tuple[dict[str, Any], bytes] | None:
        if remember:
            self.backend.remember()  # before reading: a change made meanwhile is then noticed
        payload = self.backend.read(STORE_NAME)
        if payload is None:
            return None
        raw = loading.parse(payload, self.file)
        self._token = _token_of(raw)
        self._journal, self._stale, self._torn = 0, False, 0
        self._rewrite = not self._token  # a store written before journals: the first save gives it a token
        replay = self._replay()
        if replay is None or not replay.saves:
            return raw, payload
        journal.apply(raw, replay.saves)
        return raw, encode(raw)

    def _replay(self) -> journal.Replay | None:
        data = self.backend.read(JOURNAL_NAME)
        if data is None:
            return None
        replay = journal.read(data, self.backend.where(JOURNAL_NAME))
        if replay.token != self._token:
            self._stale = True
            return None
        self._journal = replay.sound
        self._torn = len(data) if replay.torn else 0
        return replay

    def index(self, raw: dict[str, Any]) -> None:
        """Learn the document ids of ``raw``, in the order the workspace lists its items."""
        self._ids = {table: [doc_id for doc_id, _ in loading.documents(raw, table)] for table in raw}

    def settle(self) -> None:
        """Before the first save: a stale journal removed, a torn record cut off (best effort)."""
        try:
            if self._stale:
                self.backend.remove(JOURNAL_NAME)
            elif self._torn:
                self.backend.truncate(JOURNAL_NAME, self._journal)
        except OSError:
            self._rewrite = True  # the next save rewrites the snapshot, which makes the journal stale
        self._stale, self._torn = False, 0

    # -- changes ---------------------------------------------------------------------------

    def insert(self, table: str, position: int, doc: dict[str, Any]) -> None:
        ids = self._ids.setdefault(table, [])
        new = (ids[position - 1] if position else 0) + 1
        if position < len(ids) and new >= ids[position]:
            self._rewrite = True  # no free id between the neighbours: the rewrite numbers them afresh
        ids.insert(position, new)
        self._change(table, new, doc)

    def put(self, table: str, position: int, doc: dict[str, Any]) -> None:
        self._change(table, self._ids[table][position], doc)

    def delete(self, table: str, position: int) -> None:
        self._change(table, self._ids[table].pop(position), None)

    def delete_all(self, table: str, positions: list[int]) -> None:
        """Delete the documents at ``positions`` (ascending) in one save."""
        ids = self._ids[table]
        gone = [ids[at] for at in positions]
        dropped = set(gone)
        self._ids[table] = [doc_id for doc_id in ids if doc_id not in dropped]
        self._ops.extend((table, doc_id, None) for doc_id in gone)
        if not self.deferred:
            self.flush()

    def set(self, table: str, doc: dict[str, Any]) -> None:
        self._ids[table] = [1]
        self._change(table, 1, doc)

    def rewrite(self) -> None:
        """Write everything anew (after a replace of the whole workspace)."""
        self._rewrite = True
        self._ops.clear()
        if not self.deferred:
            self.flush()

    def _change(self, table: str, doc_id: int, doc: dict[str, Any] | None) -> None:
        self._ops.append((table, doc_id, doc))
        if not self.deferred:
            self.flush()

    @property
    def dirty(self) -> bool:
        """True while a change is in memory but not yet on disk."""
        return bool(self._ops) or self._rewrite

    # -- the write path ----------------------------------------------------------------------

    def flush(self) -> None:
        """Make the changes durable: one journal record, or a rewrite; StoreWriteError on failure."""
        if not self.dirty:
            return
        self.backend.before_write()
        try:
            if self._rewrite or self._journal >= FOLD_AT:
                self._fold()
            else:
                self._append()
        except OSError as error:
            raise StoreWriteError("error.save_failed", file=self.file, reason=os_reason(error)) from error

    def _append(self) -> None:
        record = journal.record(self._ops)
        try:
            if self._journal:
                self.backend.append(JOURNAL_NAME, record)
            else:  # a new journal replaces any stale one in one step
                record = journal.header(self._token) + record
                self.backend.replace(JOURNAL_NAME, record)
        except OSError:
            self._rewrite = True  # a part of the record may be left: the retry rewrites the snapshot
            raise
        self._journal += len(record)
        self._ops.clear()

    def _fold(self) -> None:
        raw = self.whole()
        token = os.urandom(8).hex()
        raw[META_TABLE] = {"1": {**raw.get(META_TABLE, {}).get("1", {}), TOKEN_KEY: token}}
        self.backend.replace(STORE_NAME, encode(raw))
        self._token, self._journal, self._rewrite = token, 0, False
        self._ops.clear()
        self.index(raw)
        with contextlib.suppress(OSError):
            self.backend.remove(JOURNAL_NAME)  # stale now; the next save replaces it anyway

    def compact(self) -> None:
        """Fold the journal into the snapshot (when a store closes), so that the snapshot alone is the
        store again; a failure keeps the journal, which holds every save as well."""
        if self._journal and not self.dirty:
            with contextlib.suppress(OSError, StoreError):
                self.backend.before_write()
                self._fold()

    def on_disk(self) -> bytes | None:
        """The store as it is on disk, its journal played when it can be read: what a backup keeps."""
        payload = self.backend.read(STORE_NAME)
        if payload is None or not self.backend.read(JOURNAL_NAME):
            return payload
        try:
            loaded = Storage(self.backend).load(remember=False)
        except StoreError:  # a damaged store is kept as it is
            return payload
        return loaded[1] if loaded else payload

    def put_back(self, payload: bytes) -> None:
        """Make ``payload`` (a backup's bytes) the store: its journal removed first, so that none is played on it."""
        try:
            self.backend.remove(JOURNAL_NAME)
            self.backend.replace(STORE_NAME, payload)
        except OSError as error:
            raise StoreWriteError("error.save_failed", file=self.file, reason=os_reason(error)) from error


def _token_of(raw: dict[str, Any]) -> str:
    meta = raw.get(META_TABLE, {}).get("1", {})
    return str(meta.get(TOKEN_KEY, "")) if isinstance(meta, dict) else ""

