"""Schema migrations: a backup first, all-or-nothing, and a newer store is refused and never written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing import files as atomic
from briefing.clock import FixedClock
from briefing.model.collections import PROBLEMS
from briefing.store import (
    BackupError,
    MigrationFailed,
    NewerStore,
    StoreDamaged,
    StoreWriteError,
    WorkspaceStore,
    backups,
    migrations,
    restore,
    store_path,
    valid,
)

Snapshot = Callable[[Path], tuple[bytes, int]]
Finder = Callable[[Path], list[Path]]
LATER = FixedClock.on("2027-01-04")
CURRENT = migrations.SCHEMA_VERSION
"""The product's own schema version: the test steps below lead on from it."""


def rename_stakeholders(raw: dict[str, Any]) -> dict[str, Any]:
    """A test step 1 → 2: every stakeholder's name gets a mark."""
    for doc in raw["stakeholders"].values():
        doc["name"] += " (v2)"
    return raw


def broken_step(raw: dict[str, Any]) -> dict[str, Any]:
    raw["stakeholders"]["1"]["name"] = "half done"
    raise KeyError("role_title")


def invalid_step(raw: dict[str, Any]) -> dict[str, Any]:
    raw["stakeholders"]["1"]["influence"] = 9
    return raw


@pytest.fixture
def upgrade(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Register test steps after the product's own and raise SCHEMA_VERSION to the version they lead to."""

    def register(*steps: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        monkeypatch.setattr(migrations, "STEPS", {**migrations.STEPS, **dict(enumerate(steps, start=CURRENT))})
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", CURRENT + len(steps))

    return register


def schema_of(folder: Path) -> int:
    return int(json.loads(store_path(folder).read_bytes())["_meta"]["1"]["schema"])


def test_migration_takes_a_backup_first_and_upgrades(folder: Path, upgrade: Callable[..., None]) -> None:
    old = store_path(folder).read_bytes()
    upgrade(rename_stakeholders)
    with WorkspaceStore.open(folder, LATER) as store:
        assert store.workspace.stakeholders[0].name == "Åse Ødegård (v2)"
        store.add(PROBLEMS, type(store.workspace.problems[0])("p9", title="Ny"))
    assert schema_of(folder) == CURRENT + 1
    taken = [b for b in backups.listing(folder) if b.reason == "migration"]
    assert [b.path.read_bytes() for b in taken] == [old]
    assert not any(b.reason == "daily" and b.taken.date() == LATER.today() for b in backups.listing(folder))
    with WorkspaceStore.open(folder, LATER) as again:  # migrated once, not twice
        assert again.workspace.stakeholders[0].name == "Åse Ødegård (v2)"
        assert PROBLEMS.find(again.workspace, "p9") is not None


def test_two_steps_run_in_order(folder: Path, upgrade: Callable[..., None]) -> None:
    upgrade(rename_stakeholders, rename_stakeholders)
    with WorkspaceStore.open(folder, LATER) as store:
        assert store.workspace.stakeholders[1].name == "Bjørn Æbelø (v2) (v2)"
    assert schema_of(folder) == CURRENT + 2


def test_step_failing_midway_changes_nothing(
    folder: Path, upgrade: Callable[..., None], snapshot: Snapshot, temp_files: Finder
) -> None:
    before, listed = snapshot(folder), backups.listing(folder)
    upgrade(rename_stakeholders, broken_step)
    with pytest.raises(MigrationFailed) as caught:
        WorkspaceStore.open(folder, LATER)
    message = str(caught.value)
    assert str(store_path(folder)) in message and f"schema {CURRENT} to {CURRENT + 2}" in message
    assert "role_title" in message
    assert "not changed" in message
    assert snapshot(folder) == before and backups.listing(folder) == listed and temp_files(folder) == []
    upgrade()  # the old version of the app still opens it
    with WorkspaceStore.open(folder, LATER) as store:
        assert store.workspace.stakeholders[0].name == "Åse Ødegård"


def test_step_producing_invalid_data_changes_nothing(
    folder: Path, upgrade: Callable[..., None], snapshot: Snapshot
) -> None:
    before = snapshot(folder)
    upgrade(invalid_step)
    with pytest.raises(StoreDamaged, match=r"stakeholders\[0\]\.influence: 9 is not within 1–5"):
        WorkspaceStore.open(folder, LATER)
    assert snapshot(folder) == before


def test_failed_write_after_the_backup_leaves_the_old_file(
    folder: Path, upgrade: Callable[..., None], snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(folder)
    upgrade(rename_stakeholders)

    class NoStoreReplace:
        def __getattr__(self, name: str) -> Any:
            return getattr(os, name)

        def replace(self, src: Any, dst: Any) -> None:
            if Path(dst).name == "store.json":
                raise OSError(28, os.strerror(28))
            os.replace(src, dst)

    monkeypatch.setattr(atomic, "os", NoStoreReplace())
    with pytest.raises(StoreWriteError, match="No space left"):
        WorkspaceStore.open(folder, LATER)
    assert snapshot(folder) == before
    assert [b.path.read_bytes() for b in backups.listing(folder) if b.reason == "migration"] == [before[0]]


CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from briefing import files as atomic
    from briefing.store import WorkspaceStore, backups, migrations

    point = sys.argv[2]

    def wait_here():
        print("ready", flush=True)
        sys.stdin.readline()  # the parent kills us while we wait

    def step(raw):
        for doc in raw["stakeholders"].values():
            doc["name"] += " (v2)"
        if point == "in-step":
            wait_here()
        return raw

    migrations.STEPS[migrations.SCHEMA_VERSION] = step
    migrations.SCHEMA_VERSION += 1
    real_take, real_os = backups.take, atomic.os

    def take(*args):
        backup = real_take(*args)
        if point == "after-backup":
            wait_here()
        return backup

    class Os:
        def __getattr__(self, name):
            return getattr(real_os, name)

        def replace(self, src, dst):
            if point == "before-rename" and Path(dst).name == "store.json":
                wait_here()
            real_os.replace(src, dst)

    backups.take = take
    atomic.os = Os()
    WorkspaceStore.open(Path(sys.argv[1]))
    print("finished", flush=True)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("point", ["in-step", "after-backup", "before-rename"])
def test_killed_during_migration_leaves_the_old_file(
    folder: Path, tmp_path: Path, upgrade: Callable[..., None], snapshot: Snapshot, temp_files: Finder, point: str
) -> None:
    script = tmp_path / "migrate_child.py"
    script.write_text(CHILD, encoding="utf-8")
    before = snapshot(folder)
    child = subprocess.Popen(
        [sys.executable, str(script), str(folder), point], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == b"ready\n"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    child.stdin.close()
    assert snapshot(folder) == before
    if point == "before-rename":
        assert temp_files(folder), "the kill should have left the new store's temporary file"
    upgrade(rename_stakeholders)
    with WorkspaceStore.open(folder, LATER) as store:  # the next start migrates cleanly
        assert store.workspace.stakeholders[0].name == "Åse Ødegård (v2)"
    assert temp_files(folder) == []
    assert schema_of(folder) == CURRENT + 1


def test_newer_store_is_refused_and_never_written(folder: Path, snapshot: Snapshot) -> None:
    raw = json.loads(store_path(folder).read_bytes())
    raw["_meta"]["1"]["schema"] = migrations.SCHEMA_VERSION + 1
    raw["stakeholders"]["1"]["mood"] = "a field this version does not know"
    store_path(folder).write_bytes(json.dumps(raw).encode())
    before, listed = snapshot(folder), backups.listing(folder)
    for clock in (LATER, FixedClock.on("2027-01-05")):
        with pytest.raises(NewerStore) as caught:
            WorkspaceStore.open(folder, clock)
        assert str(store_path(folder)) in str(caught.value)
        assert f"schema {migrations.SCHEMA_VERSION + 1}" in str(caught.value)
        assert "nyere version" in caught.value.message("da")
    assert snapshot(folder) == before and backups.listing(folder) == listed


def test_newer_backup_is_not_offered_for_restore(folder: Path) -> None:
    newest = backups.listing(folder)[0]
    raw = json.loads(newest.path.read_bytes())
    raw["_meta"]["1"]["schema"] = migrations.SCHEMA_VERSION + 1
    newest.path.write_bytes(json.dumps(raw).encode())
    assert not valid(newest)
    store_path(folder).write_bytes(b"")
    with pytest.raises(BackupError, match="no valid backup"):
        restore(folder, clock=LATER)


def test_older_backup_is_migrated_when_opened_after_restore(folder: Path, upgrade: Callable[..., None]) -> None:
    upgrade(rename_stakeholders)
    with WorkspaceStore.open(folder, LATER):
        pass
    assert schema_of(folder) == CURRENT + 1
    old = next(b for b in backups.listing(folder) if b.reason == "migration")
    assert valid(old)  # an older schema's backup is valid: it can be migrated
    store_path(folder).write_bytes(b"")
    restore(folder, old.name, clock=LATER)
    with WorkspaceStore.open(folder, LATER) as store:
        assert store.workspace.stakeholders[0].name == "Åse Ødegård (v2)"


def test_backup_a_step_fails_on_is_not_valid_and_is_skipped(folder: Path, upgrade: Callable[..., None]) -> None:
    """``briefing backups`` and restore must not crash on a backup that the current steps cannot migrate."""
    (only,) = backups.listing(folder)  # the folder fixture's one backup: the store before its import
    upgrade(broken_step)
    assert not valid(only)
    store_path(folder).write_bytes(b"")
    with pytest.raises(BackupError, match="no valid backup"):
        restore(folder, clock=LATER)
