"""Crash injection: a child process saving edits is killed with SIGKILL at random moments.

After every kill the workspace must open (0 unreadable stores), hold every save the child
acknowledged (0 lost), and the reopen must leave no temporary file behind. Each lane is one
workspace that is crashed again and again while it grows; lanes run in parallel.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefing.files import TEMP_MARK
from briefing.store import StoreError, WorkspaceStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and select on pipes are POSIX")

CHILD = Path(__file__).with_name("crash_child.py")
LANES = 8
RUNS_PER_LANE = 30  # 240 runs in all
MAX_ACKS_BEFORE_KILL = 40
MAX_EXTRA_WAIT = 0.015  # seconds: a random timeout on reading the next acknowledgement


@dataclass
class Tally:
    runs: int = 0
    unreadable: int = 0
    lost: int = 0
    leftovers: int = 0
    acknowledged: int = 0
    details: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.runs += other.runs
        self.unreadable += other.unreadable
        self.lost += other.lost
        self.leftovers += other.leftovers
        self.acknowledged += other.acknowledged
        self.details += other.details


def run_child_until_killed(folder: Path, run: str, rng: random.Random) -> list[str]:
    """Start the child, let it acknowledge a random number of saves, kill it; every line it printed."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), run],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[bytes] = []
    for _ in range(rng.randint(0, MAX_ACKS_BEFORE_KILL)):
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
    select.select([proc.stdout], [], [], rng.uniform(0, MAX_EXTRA_WAIT))
    proc.send_signal(signal.SIGKILL)
    rest = proc.stdout.read()
    errors = proc.stderr.read()
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"the child ended by itself ({proc.returncode}): {errors.decode(errors='replace')}")
    lines += (rest or b"").splitlines(keepends=True)
    # A line is an acknowledgement only when complete: the child prints it after the save returned.
    return [line.decode().rstrip("\n") for line in lines if line.endswith(b"\n")]


def campaign_step(name: str) -> tuple[int, int]:
    run, step = name.removeprefix("camp r").split("-")
    return int(run), int(step)


def check(folder: Path, acked: list[str], tally: Tally) -> None:
    """Reopen after a kill and count what a user would notice."""
    try:
        store = WorkspaceStore.open(folder)
    except StoreError as error:
        tally.unreadable += 1
        tally.details.append(f"{folder.name}: {error}")
        return
    try:
        ws = store.workspace
        have = {"d": {d.id for d in ws.dialogues}, "s": {s.id for s in ws.stakeholders}}
        campaigns = [line[2:] for line in acked if line.startswith("c:")]
        for line in acked:
            kind, item_id = line.split(":", 1)
            if kind in have and item_id not in have[kind]:
                tally.lost += 1
                tally.details.append(f"{folder.name}: lost {line}")
        if campaigns and (not ws.campaign.name or campaign_step(ws.campaign.name) < campaign_step(campaigns[-1])):
            tally.lost += 1
            tally.details.append(f"{folder.name}: campaign {ws.campaign.name!r}, acknowledged {campaigns[-1]!r}")
    finally:
        store.close()
    left = [p for p in folder.rglob(f"*{TEMP_MARK}*")]
    tally.leftovers += len(left)
    tally.details += [f"left behind: {p}" for p in left]


def lane(folder: Path, seed: int) -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    acked: list[str] = []
    for run in range(RUNS_PER_LANE):
        acked += run_child_until_killed(folder, f"{seed}{run:03d}", rng)
        tally.runs += 1
        check(folder, acked, tally)
    tally.acknowledged = len(acked)
    return tally


@pytest.mark.slow
def test_kill_during_saves_loses_nothing(tmp_path: Path, record_property: pytest.RecordProperty) -> None:
    seed = random.randrange(1_000_000)
    total = Tally()
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(lane, tmp_path / f"ws{i}", seed + i) for i in range(LANES)]
        for future in futures:
            total.add(future.result())
    summary = (
        f"crash injection (seed {seed}): runs={total.runs} acknowledged={total.acknowledged} "
        f"unreadable={total.unreadable} lost={total.lost} leftovers={total.leftovers}"
    )
    for name in ("runs", "acknowledged", "unreadable", "lost", "leftovers"):
        record_property(name, getattr(total, name))
    print(summary)
    (tmp_path.parent / "crash-figures.txt").write_text(summary + "\n", encoding="utf-8")
    assert total.runs >= 200
    assert total.acknowledged > total.runs, "the kills came before any save: the test proved nothing"
    assert (total.unreadable, total.lost, total.leftovers) == (0, 0, 0), "\n".join(total.details[:20])
