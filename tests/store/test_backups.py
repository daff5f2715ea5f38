"""Backups: at most one a day on open, one before every import, thinned so that they cannot fill the disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from briefing import files as atomic
from briefing.clock import FixedClock
from briefing.model.entities import Workspace
from briefing.store import WorkspaceStore, backups, store_path


def reasons(folder: Path) -> list[str]:
    return [b.reason for b in backups.listing(folder)]


def test_a_new_workspace_has_no_backup(tmp_path: Path, clock: FixedClock) -> None:
    WorkspaceStore.open(tmp_path / "ws", clock).close()
    assert backups.listing(tmp_path / "ws") == []


def test_at_most_one_daily_backup_on_open(folder: Path) -> None:
    day = FixedClock.on("2026-12-01")
    for hour in range(5):
        day.moment = day.moment.replace(hour=8 + hour)
        WorkspaceStore.open(folder, day).close()
    assert reasons(folder).count("daily") == 1
    daily = backups.listing(folder)[0]
    assert daily.taken == dt.datetime(2026, 12, 1, 8) and daily.path.read_bytes() == store_path(folder).read_bytes()
    WorkspaceStore.open(folder, FixedClock.on("2026-12-02")).close()
    assert reasons(folder).count("daily") == 2


def test_no_daily_backup_when_asked_not_to(folder: Path) -> None:
    WorkspaceStore.open(folder, FixedClock.on("2026-12-01"), daily_backup=False).close()
    assert "daily" not in reasons(folder)


def test_backup_before_every_import(folder: Path, clock: FixedClock, workspace: Workspace) -> None:
    with WorkspaceStore.open(folder, clock) as store:
        first = store_path(folder).read_bytes()
        store.replace(Workspace())
        second = store_path(folder).read_bytes()
        store.replace(workspace, reason="replace")  # twice in one tick of the clock: both kept
    imports = [b for b in backups.listing(folder) if b.reason in ("import", "replace")]
    contents = {b.path.read_bytes() for b in imports}
    assert first in contents and second in contents
    assert sorted(b.reason for b in imports).count("replace") == 1


def test_in_memory_store_takes_no_backup(workspace: Workspace, clock: FixedClock) -> None:
    store = WorkspaceStore.in_memory(workspace, clock)
    store.replace(Workspace())
    assert store.folder is None and store.workspace.dialogues == []


@pytest.fixture
def quick_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of backups in a test: the fsyncs prove nothing here, so skip them."""

    class Os:
        def __getattr__(self, name: str) -> Any:
            import os

            return getattr(os, name)

        def fsync(self, fd: int) -> None:
            return None

    monkeypatch.setattr(atomic, "os", Os())


def test_thinning_over_three_years_never_exceeds_the_cap(tmp_path: Path, quick_fsync: None) -> None:
    """Every day: the daily backup and three imports. The count stays capped; old months keep one each."""
    folder = tmp_path / "ws"
    folder.mkdir()
    clock = FixedClock.on("2025-01-01")
    most = 0
    for day in range(3 * 365):
        for hour in (8, 10, 13, 16):
            clock.moment = dt.datetime(2025, 1, 1, hour) + dt.timedelta(days=day)
            backups.take(folder, f"{day}-{hour}".encode(), "daily" if hour == 8 else "import", clock.now())
            most = max(most, len(backups.listing(folder)))
        if day == 400:
            check_policy(backups.listing(folder), clock.now(), capped=False)
    assert most <= backups.KEEP_MAX
    check_policy(backups.listing(folder), clock.now(), capped=True)


def check_policy(kept: list[backups.Backup], now: dt.datetime, capped: bool) -> None:
    days = {b.taken.date() for b in kept}
    months = {(b.taken.year, b.taken.month) for b in kept}
    assert kept[0].taken == now  # the newest is always kept
    assert len(kept) >= backups.KEEP_RECENT
    recent_days = {(now - dt.timedelta(days=n)).date() for n in range(backups.KEEP_DAYS)}
    assert recent_days <= days  # one for each of the last 30 days
    if capped:
        assert len(kept) == backups.KEEP_MAX
        oldest_month = (kept[-1].taken.year, kept[-1].taken.month)
        assert all(m in months for m in month_range(oldest_month, (now.year, now.month)))
    else:
        assert month_range((2025, 1), (now.year, now.month)) <= months  # nothing capped yet: every month kept
        assert len(kept) < backups.KEEP_MAX


def month_range(first: tuple[int, int], last: tuple[int, int]) -> set[tuple[int, int]]:
    months, (year, month) = set(), first
    while (year, month) <= last:
        months.add((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def test_thinning_on_open_over_simulated_months(folder: Path, quick_fsync: None) -> None:
    """The real path: opening the workspace once a day, with an import now and then."""
    clock = FixedClock.on("2027-01-01")
    for day in range(150):
        clock.moment = dt.datetime(2027, 1, 1, 9) + dt.timedelta(days=day)
        with WorkspaceStore.open(folder, clock) as store:
            if day % 3 == 0:
                store.replace(store.workspace)
        assert len(backups.listing(folder)) <= backups.KEEP_MAX
    kept = backups.listing(folder)
    assert {b.taken.month for b in kept} >= {1, 2, 3, 4, 5}
    assert kept[0].taken.date() == clock.today()


def test_other_files_in_the_backup_folder_are_left_alone(folder: Path, clock: FixedClock) -> None:
    note = backups.folder_of(folder) / "README.txt"
    note.write_text("mine", encoding="utf-8")
    for day in range(1, 15):
        WorkspaceStore.open(folder, FixedClock.on(dt.date(2027, 2, day))).close()
    assert note.read_text(encoding="utf-8") == "mine"
