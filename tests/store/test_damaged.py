"""A damaged store is refused with the file and the place, never overwritten, and can be restored."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.clock import FixedClock
from briefing.model.collections import DIALOGUES
from briefing.model.entities import Dialogue
from briefing.store import (
    BackupError,
    NewerStore,
    StoreDamaged,
    StoreError,
    WorkspaceLocked,
    WorkspaceStore,
    backups,
    restore,
    store_path,
    valid,
)

Snapshot = Callable[[Path], tuple[bytes, int]]
DAY2, DAY3, DAY4 = FixedClock.on("2026-11-28"), FixedClock.on("2026-11-29"), FixedClock.on("2026-11-30")


@pytest.fixture
def history(folder: Path) -> Path:
    """A workspace with daily backups: day 2 holds 30 dialogues, day 3 (the newest) 31."""
    with WorkspaceStore.open(folder, DAY2) as store:
        store.add(DIALOGUES, Dialogue("d-late", "s1", DAY2.today()))
    WorkspaceStore.open(folder, DAY3).close()
    return folder


def edited(folder: Path, change: Callable[[dict], None]) -> bytes:
    raw = json.loads(store_path(folder).read_text(encoding="utf-8"))
    change(raw)
    return json.dumps(raw, ensure_ascii=False, indent=2).encode()


def flip(payload: bytes, old: bytes, new: bytes, nth: int = 1) -> bytes:
    """``payload`` with the ``nth`` occurrence of the byte ``old`` replaced by ``new``."""
    at = -1
    for _ in range(nth):
        at = payload.index(old, at + 1)
    return payload[:at] + new + payload[at + 1 :]


def set_influence(raw: dict) -> None:
    raw["stakeholders"]["2"]["influence"] = 7


def dangle(raw: dict) -> None:
    raw["dialogues"]["3"]["stakeholder_id"] = "nobody"


def newer(raw: dict) -> None:
    raw["_meta"]["1"]["schema"] = 99


def unknown_table(raw: dict) -> None:
    raw["notes"] = {"1": {"text": "x"}}


def no_meta(raw: dict) -> None:
    del raw["_meta"]


def list_table(raw: dict) -> None:
    raw["stakeholders"] = list(raw["stakeholders"].values())


# name -> (damage, what the message must show besides the file)
DAMAGES: dict[str, tuple[Callable[[bytes, Path], bytes], str]] = {
    "zero-bytes": (lambda b, f: b"", r"empty \(0 bytes\)"),
    "blank": (lambda b, f: b"  \n\n", r"empty"),
    "truncated-10%": (lambda b, f: b[: len(b) // 10], r"store\.json:\d+:\d+: the store is damaged"),
    "truncated-50%": (lambda b, f: b[: len(b) // 2], r"store\.json:\d+:\d+: the store is damaged"),
    "truncated-99%": (lambda b, f: b[: len(b) - 5], r"store\.json:\d+:\d+: the store is damaged"),
    "truncated-1-byte": (lambda b, f: b[:1], r"store\.json:\d+:\d+:"),
    "flip-colon": (lambda b, f: flip(b, b":", b";", 40), r"store\.json:\d+:\d+: the store is damaged"),
    "flip-quote": (lambda b, f: flip(b, b'"', b"'", 77), r"store\.json:\d+:\d+: the store is damaged"),
    "flip-brace": (lambda b, f: flip(b, b"}", b"]", 5), r"store\.json:\d+:\d+: the store is damaged"),
    "flip-high-bit": (lambda b, f: flip(b, b"k", b"\xeb", 3), r"store\.json:\d+:\d+: .*not UTF-8"),
    "not-json": (lambda b, f: b"Hello, this is not a store\n", r"store\.json:1:1:"),
    "nul-bytes": (lambda b, f: b"\0" * 4096, r"store\.json:1:1:"),
    "top-level-list": (lambda b, f: b"[]", r"damaged at \$"),
    "table-is-list": (lambda b, f: edited(f, list_table), r"damaged at stakeholders"),
    "no-meta": (lambda b, f: edited(f, no_meta), r"damaged at _meta"),
    "empty-object": (lambda b, f: b"{}", r"damaged at _meta"),
    "unknown-table": (lambda b, f: edited(f, unknown_table), r"damaged at notes"),
    "interchange-file": (lambda b, f: b'{"format": "briefing-composer/1", "stakeholders": []}', r"damaged at format"),
    "wrong-value": (lambda b, f: edited(f, set_influence), r"stakeholders\[1\]\.influence: 7 is not within 1–5"),
    "dangling-id": (lambda b, f: edited(f, dangle), r"dialogues\[2\]\.stakeholder_id: nobody points to nothing"),
    "newer-schema": (lambda b, f: edited(f, newer), r"newer version .*schema 99"),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damaged_store_is_refused_never_written_and_restored(history: Path, snapshot: Snapshot, damage: str) -> None:
    path = store_path(history)
    make, place = DAMAGES[damage]
    damaged = make(path.read_bytes(), history)
    path.write_bytes(damaged)
    before, listed = snapshot(history), backups.listing(history)

    for _ in range(2):  # refused every time, the same way
        with pytest.raises(StoreError) as caught:
            WorkspaceStore.open(history, DAY4)
        assert isinstance(caught.value, (StoreDamaged, NewerStore))
        assert str(path) in str(caught.value)
        assert re.search(place, str(caught.value)), str(caught.value)
        assert snapshot(history) == before
        assert backups.listing(history) == listed  # not even the daily backup

    chosen = restore(history, clock=DAY4)
    assert chosen.name == listed[0].name  # the newest backup: day 3
    kept = [b for b in backups.listing(history) if b.reason == "replaced"]
    assert [b.path.read_bytes() for b in kept] == [damaged]
    with WorkspaceStore.open(history, DAY4) as store:
        assert DIALOGUES.find(store.workspace, "d-late") is not None
        assert len(store.workspace.dialogues) == 31


def test_byte_flip_position_is_exact(history: Path) -> None:
    path = store_path(history)
    payload = path.read_bytes()
    at = payload.index(b"Bj")  # "Bjørn": flip the B into a byte that is not UTF-8
    path.write_bytes(payload[:at] + b"\xc2" + payload[at + 1 :])
    line = payload.count(b"\n", 0, at) + 1
    column = at - payload.rfind(b"\n", 0, at)
    with pytest.raises(StoreDamaged, match=rf"store\.json:{line}:{column}: .*0xc2"):
        WorkspaceStore.open(history, DAY4)


def test_syntax_error_position_is_exact(history: Path) -> None:
    path = store_path(history)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if '"name": ' in line)
    lines[number] = lines[number].replace('": ', '"  ', 1)  # a key without its colon
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(StoreDamaged, match=rf"store\.json:{number + 1}:\d+: .*':'"):
        WorkspaceStore.open(history, DAY4)



@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_number_json_does_not_allow_is_refused_at_its_place(history: Path, constant: str) -> None:
    """Python's json would read NaN and Infinity; the store refuses them, naming line and column."""
    path = store_path(history)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if '"influence": ' in line)
    column = lines[number].index('"influence": ') + len('"influence": ') + 1 + constant.startswith("-")  # at the letter
    lines[number] = re.sub(r'"influence": \d+', f'"influence": {constant}', lines[number])
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(StoreDamaged, match=rf"store\.json:{number + 1}:{column}: the store is damaged"):
        WorkspaceStore.open(history, DAY4)

def test_restore_skips_damaged_backups(history: Path) -> None:
    newest, older = backups.listing(history)[:2]
    newest.path.write_bytes(newest.path.read_bytes()[:100])
    store_path(history).write_bytes(b"")
    assert not valid(newest) and valid(older)
    assert restore(history, clock=DAY4).name == older.name
    with WorkspaceStore.open(history, DAY4) as store:
        assert len(store.workspace.dialogues) == 30 and DIALOGUES.find(store.workspace, "d-late") is None


def test_restore_by_name_refuses_a_damaged_backup(history: Path, snapshot: Snapshot) -> None:
    newest = backups.listing(history)[0]
    newest.path.write_bytes(b"{")
    store_path(history).write_bytes(b"")
    before = snapshot(history)
    with pytest.raises(BackupError, match=re.escape(newest.name)):
        restore(history, newest.name, clock=DAY4)
    with pytest.raises(BackupError, match="does not exist"):
        restore(history, "store-nonsense.json", clock=DAY4)
    assert snapshot(history) == before


def test_no_valid_backup_at_all(history: Path, snapshot: Snapshot) -> None:
    for backup in backups.listing(history):
        backup.path.write_bytes(b"")
    store_path(history).write_bytes(b"[")
    before = snapshot(history)
    with pytest.raises(BackupError, match=re.escape(str(history)) + ".*no valid backup"):
        restore(history, clock=DAY4)
    assert snapshot(history) == before


def test_restore_while_open_elsewhere_is_refused(history: Path, snapshot: Snapshot) -> None:
    with WorkspaceStore.open(history, DAY4):
        before = snapshot(history)
        with pytest.raises(WorkspaceLocked):
            restore(history, clock=DAY4)
        assert snapshot(history) == before


def test_restore_twice_in_one_tick_keeps_both_replaced_stores(history: Path) -> None:
    """Backups named by a coarse clock must not overwrite one another."""
    store_path(history).write_bytes(b"damaged once")
    restore(history, clock=DAY4)
    restore(history, clock=DAY4)
    kept = sorted(b.path.read_bytes()[:12] for b in backups.listing(history) if b.reason == "replaced")
    assert len(kept) == 2 and b"damaged once" in kept


def test_danish_message(history: Path) -> None:
    store_path(history).write_bytes(b"")
    with pytest.raises(StoreDamaged) as caught:
        WorkspaceStore.open(history, DAY4)
    assert "lageret er tomt" in caught.value.message("da")
