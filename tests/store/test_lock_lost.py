"""Deleting ``.lock`` under a running writer never loses an update (the probe's case, with two processes).

Before it writes, a writer checks that the lock it holds is still the file at the path; when it
is not, it takes the lock again only if it is free and the store is as it left it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.clock import FixedClock
from briefing.store import WorkspaceStore
from briefing.store.lock import LOCK_NAME

WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from pathlib import Path
    from briefing.model.collections import DIALOGUES
    from briefing.model.entities import Dialogue
    from briefing.store import StoreError, WorkspaceStore

    store = WorkspaceStore.open(Path(sys.argv[1]))
    print("open", flush=True)
    for line in sys.stdin:
        command, _, item = line.strip().partition(" ")
        if command == "close":
            store.close(retry=False)
            print("closed", flush=True)
            break
        try:
            store.add(DIALOGUES, Dialogue(item, "s1", dt.date(2026, 11, 27)))
            print("saved", item, flush=True)
        except StoreError as error:
            print("refused", item, str(error).replace("\\n", " "), flush=True)
    """
)


class Writer:
    def __init__(self, script: Path, folder: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(script), str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.ask(None) == "open"

    def ask(self, line: str | None) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if line is not None:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def end(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def writers(tmp_path: Path, folder: Path) -> Iterator[Callable[[], Writer]]:
    """Starts a writer process on the workspace; each is ended after the test."""
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    started: list[Writer] = []

    def start() -> Writer:
        started.append(Writer(script, folder))
        return started[-1]

    yield start
    for writer in started:
        writer.end()


def saved(folder: Path, clock: FixedClock) -> set[str]:
    with WorkspaceStore.open(folder, clock, read_only=True) as store:
        return {d.id for d in store.workspace.dialogues}


@pytest.mark.parametrize("second_still_open", [True, False], ids=["second-holds-it", "second-closed"])
def test_deleting_the_lock_under_a_writer_loses_no_update(
    folder: Path, clock: FixedClock, writers: Callable[[], Writer], second_still_open: bool
) -> None:
    first = writers()
    assert first.ask("add d-first-1") == "saved d-first-1"
    (folder / LOCK_NAME).unlink()  # what the probe did
    second = writers()  # gets in: the lock file at the path is a new one
    assert second.ask("add d-second") == "saved d-second"
    if not second_still_open:
        assert second.ask("close") == "closed"
    answer = first.ask("add d-first-2")
    assert answer.startswith("refused d-first-2"), answer  # refused, never written over the other's save
    assert "lock file was removed" in answer
    if second_still_open:
        assert second.ask("close") == "closed"
    assert first.ask("close") == "closed"
    have = saved(folder, clock)
    assert {"d-first-1", "d-second"} <= have and "d-first-2" not in have


def test_a_deleted_lock_is_taken_again_when_nobody_else_wrote(
    folder: Path, clock: FixedClock, writers: Callable[[], Writer]
) -> None:
    first = writers()
    (folder / LOCK_NAME).unlink()
    assert first.ask("add d-after") == "saved d-after"  # the lock is taken again: the store was as it left it
    assert (folder / LOCK_NAME).exists()
    assert first.ask("close") == "closed"
    assert "d-after" in saved(folder, clock)
