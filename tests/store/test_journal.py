"""The journal beside the snapshot, on both backends: a save is one record; torn, damaged, stale,
newer and grown journals."""

from __future__ import annotations

import copy
import datetime as dt
import json
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from tinydb import TinyDB

from briefing.clock import FixedClock
from briefing.model.collections import DIALOGUES
from briefing.model.entities import Dialogue, Workspace
from briefing.store import MemoryBackend, NewerStore, StoreDamaged, WorkspaceStore, storage, store_path
from briefing.store.layout import JOURNAL_NAME, STORE_NAME


def dialogue(item_id: str) -> Dialogue:
    return Dialogue(item_id, "s1", dt.date(2026, 11, 27), summary="Kaffe med Åse ☕")


class Kept:
    """A store on one backend, its files read and changed as a crash or a damaged disk would."""

    def __init__(self, kind: str, tmp_path: Path, workspace: Workspace, clock: FixedClock) -> None:
        self.kind, self.folder, self.clock = kind, tmp_path / "ws", clock
        self.memory = MemoryBackend()
        with self.open() as store:
            store.replace(copy.deepcopy(workspace))

    def open(self) -> WorkspaceStore:
        if self.kind == "memory":
            return WorkspaceStore.on(self.memory, self.clock)
        return WorkspaceStore.open(self.folder, self.clock)

    def with_saves(self, *ids: str) -> WorkspaceStore:
        store = self.open()
        for item_id in ids:
            store.add(DIALOGUES, dialogue(item_id))
        return store

    def read(self, name: str) -> bytes | None:
        if self.kind == "memory":
            return self.memory.files.get(name)
        path = self.folder / name
        return path.read_bytes() if path.exists() else None

    def write(self, name: str, data: bytes) -> None:
        if self.kind == "memory":
            self.memory.files[name] = data
        else:
            (self.folder / name).write_bytes(data)

    def killed(self, store: WorkspaceStore) -> None:
        """What a kill -9 leaves: the files as they are; the system releases the lock."""
        if store._lock is not None:
            store._lock.release()

    def ids(self) -> list[str]:
        with self.open() as store:
            return [d.id for d in store.workspace.dialogues]


@pytest.fixture(params=["memory", "disk"])
def kept(request: pytest.FixtureRequest, tmp_path: Path, workspace: Workspace, clock: FixedClock) -> Kept:
    return Kept(request.param, tmp_path, workspace, clock)


def test_a_save_appends_one_record_and_leaves_the_snapshot_alone(kept: Kept) -> None:
    before = kept.read(STORE_NAME)
    store = kept.with_saves("d-a", "d-b")
    journal = kept.read(JOURNAL_NAME)
    assert kept.read(STORE_NAME) == before and journal is not None
    assert len(journal.splitlines()) == 3  # the header and one record per save
    store.close()
    assert kept.read(JOURNAL_NAME) is None and kept.read(STORE_NAME) != before  # folded on closing
    assert kept.ids()[-2:] == ["d-a", "d-b"]


def test_the_snapshot_is_a_plain_tinydb_file(folder: Path, clock: FixedClock) -> None:
    with WorkspaceStore.open(folder, clock) as store:
        store.add(DIALOGUES, dialogue("d-b"))
    with TinyDB(store_path(folder)) as db:
        assert db.table("dialogues").all()[-1]["id"] == "d-b"


def test_a_torn_last_record_is_ignored_and_cut_off(kept: Kept) -> None:
    kept.killed(kept.with_saves("d-a", "d-b"))
    journal = kept.read(JOURNAL_NAME)
    assert journal is not None
    kept.write(JOURNAL_NAME, journal[:-25])  # the last save was cut short
    with kept.open() as again:
        assert [d.id for d in again.workspace.dialogues[-2:]] == ["d30", "d-a"]
        again.add(DIALOGUES, dialogue("d-c"))  # appended after the sound records, not after the torn one
        kept.killed(again)
    assert kept.ids()[-2:] == ["d-a", "d-c"]


def test_a_damaged_record_before_sound_ones_is_refused_naming_the_line(kept: Kept) -> None:
    kept.killed(kept.with_saves("d-a", "d-b"))
    lines = (kept.read(JOURNAL_NAME) or b"").splitlines(keepends=True)
    lines[1] = lines[1].replace(b"d-a", b"d-x")  # its checksum no longer matches
    kept.write(JOURNAL_NAME, b"".join(lines))
    with pytest.raises(StoreDamaged, match=r"store\.journal, line 2: the journal of saves is damaged"):
        kept.open()
    assert kept.read(JOURNAL_NAME) == b"".join(lines)  # left as it is, for a restore


def test_a_journal_from_a_newer_version_is_refused(kept: Kept) -> None:
    kept.killed(kept.with_saves("d-a"))
    header, rest = (kept.read(JOURNAL_NAME) or b"").split(b"\n", 1)
    body = json.loads(header.split(b" ", 1)[1])
    body["journal"] = 99
    raw = json.dumps(body, separators=(",", ":")).encode()
    kept.write(JOURNAL_NAME, b"%08x %s\n" % (zlib.crc32(raw), raw) + rest)
    with pytest.raises(NewerStore, match=r"format 99, written by a newer version"):
        kept.open()


def test_a_journal_of_an_earlier_snapshot_is_not_played(kept: Kept) -> None:
    """A crash after the snapshot was rewritten but before the journal was removed."""
    store = kept.with_saves("d-a")
    stale = kept.read(JOURNAL_NAME) or b""
    store.remove(DIALOGUES, "d-a")
    store.close()
    kept.write(JOURNAL_NAME, stale)
    assert "d-a" not in kept.ids()
    assert kept.read(JOURNAL_NAME) is None  # removed by the opening


def test_a_journal_past_its_limit_is_folded(kept: Kept, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "FOLD_AT", 2_000)
    before = kept.read(STORE_NAME)
    store = kept.with_saves(*(f"d-{n}" for n in range(12)))
    assert kept.read(STORE_NAME) != before  # rewritten once the journal passed 2,000 bytes
    assert len(kept.read(JOURNAL_NAME) or b"") < 2_000 + 1_000
    kept.killed(store)
    assert kept.ids()[-12:] == [f"d-{n}" for n in range(12)]


class Racing(MemoryBackend):
    """Memory where another copy rewrites the snapshot and saves again just before the journal is read."""

    def __init__(self) -> None:
        super().__init__()
        self.meanwhile: Callable[[], None] | None = None

    def read(self, name: str) -> bytes | None:
        if name == JOURNAL_NAME and self.meanwhile is not None:
            step, self.meanwhile = self.meanwhile, None
            step()
        return super().read(name)


def test_a_reader_beside_a_writer_that_rewrites_the_snapshot_sees_every_save(
    workspace: Workspace, clock: FixedClock
) -> None:
    backend = Racing()
    writer = WorkspaceStore.on(backend, clock)
    writer.replace(copy.deepcopy(workspace))
    writer.add(DIALOGUES, dialogue("d-a"))

    def rewrite_and_save() -> None:
        writer.replace(copy.deepcopy(writer.workspace))  # a new snapshot: the journal read before is stale
        writer.add(DIALOGUES, dialogue("d-b"))

    backend.meanwhile = rewrite_and_save
    reader = WorkspaceStore.on(backend, clock, read_only=True)
    assert [d.id for d in reader.workspace.dialogues[-2:]] == ["d-a", "d-b"]
    assert backend.read(JOURNAL_NAME) is not None  # the reader removed nothing
