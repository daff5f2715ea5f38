"""Rotating backups of a workspace's store, thinned so that they can never fill the disk.

Kept: the newest ``KEEP_RECENT``; beyond those, the newest of each day for ``KEEP_DAYS`` days,
then the newest of each month; never more than ``KEEP_MAX`` in all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.files import write_atomic

FOLDER = "backups"
KEEP_RECENT = 10
KEEP_DAYS = 30
KEEP_MAX = 60
_NAME = re.compile(r"^store-(\d{8}-\d{6}-\d{6})-([a-z]+)\.json$")
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class Backup:
    """One backup file of a store: when it was taken and why."""

    path: Path
    taken: dt.datetime
    reason: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def folder_of(workspace: Path) -> Path:
    return workspace / FOLDER


def take(workspace: Path, payload: bytes, reason: str, now: dt.datetime) -> Backup:
    """Write ``payload`` (the store's bytes) as a new backup, then thin the old ones."""
    folder = folder_of(workspace)
    folder.mkdir(exist_ok=True)
    path = folder / f"store-{now.strftime(_STAMP)}-{reason}.json"
    while path.exists():  # two backups in one tick of a coarse (or fixed) clock: never overwrite one
        now += dt.timedelta(microseconds=1)
        path = folder / f"store-{now.strftime(_STAMP)}-{reason}.json"
    write_atomic(path, payload)
    thin(workspace)
    return Backup(path, now, reason)


def listing(workspace: Path) -> list[Backup]:
    """The backups of ``workspace``, newest first."""
    found = []
    folder = folder_of(workspace)
    for path in folder.glob("store-*.json") if folder.is_dir() else []:
        match = _NAME.match(path.name)
        if match:
            found.append(Backup(path, _parse_stamp(match[1]), match[2]))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def taken_on(workspace: Path, day: dt.date, reason: str) -> bool:
    """True if a backup for ``reason`` was taken on ``day`` (read from the names alone, as it runs on every open)."""
    return any(folder_of(workspace).glob(f"store-{day:%Y%m%d}-*-{reason}.json"))


def thin(workspace: Path) -> list[Backup]:
    """Delete the backups the policy does not keep; returns those deleted."""
    backups = listing(workspace)
    keep = set(_kept(backups))
    dropped = [b for b in backups if b not in keep]
    for backup in dropped:
        backup.path.unlink(missing_ok=True)
    return dropped


def _kept(backups: list[Backup]) -> list[Backup]:
    if not backups:
        return []
    newest = backups[0].taken
    kept = backups[:KEEP_RECENT]
    seen: set[tuple[int, ...]] = set()
    for backup in backups[KEEP_RECENT:]:
        age = (newest - backup.taken).days
        bucket = (
            (backup.taken.year, backup.taken.month, backup.taken.day)
            if age < KEEP_DAYS
            else (backup.taken.year, backup.taken.month)
        )
        if bucket not in seen:
            seen.add(bucket)
            kept.append(backup)
    return kept[:KEEP_MAX]


def _parse_stamp(stamp: str) -> dt.datetime:
    """``20261127-031500-123456`` as a datetime (without strptime, which is slow to load)."""
    d, t, us = stamp.split("-")
    return dt.datetime(int(d[:4]), int(d[4:6]), int(d[6:]), int(t[:2]), int(t[2:4]), int(t[4:]), int(us))
