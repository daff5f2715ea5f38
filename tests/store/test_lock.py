"""One running copy per workspace: a second opener is refused with the holder named; a crashed holder's lock clears."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.clock import FixedClock
from briefing.model.collections import REFERENCES
from briefing.model.entities import Reference
from briefing.store import WorkspaceLocked, WorkspaceStore, store_path
from briefing.store.lock import LOCK_NAME

Snapshot = Callable[[Path], tuple[bytes, int]]

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from briefing.store import WorkspaceStore

    store = WorkspaceStore.open(Path(sys.argv[1]))
    print("holding", flush=True)
    if sys.stdin.readline() == "close\\n":
        store.close()
        print("closed", flush=True)
        sys.stdin.readline()
    """
)


@pytest.fixture
def holder(folder: Path, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Another process holding the workspace open."""
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"holding\n"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()


def test_second_process_is_refused_naming_the_holder(
    folder: Path, holder: subprocess.Popen[bytes], clock: FixedClock, snapshot: Snapshot
) -> None:
    before = snapshot(folder)
    with pytest.raises(WorkspaceLocked) as caught:
        WorkspaceStore.open(folder, clock)
    message = str(caught.value)
    assert str(folder) in message
    assert f"process {holder.pid} on {socket.gethostname()}" in message
    since = dt.datetime.fromisoformat(message.rsplit("since ", 1)[1].rstrip(")"))
    assert abs((dt.datetime.now().astimezone() - since).total_seconds()) < 120
    assert f"proces {holder.pid} på" in caught.value.message("da")
    assert snapshot(folder) == before


def test_holder_killed_leaves_a_stale_lock_that_the_next_open_clears(
    folder: Path, holder: subprocess.Popen[bytes], clock: FixedClock
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    stale = json.loads((folder / LOCK_NAME).read_text(encoding="utf-8"))
    assert stale["pid"] == holder.pid  # the crashed copy's note is still there
    with WorkspaceStore.open(folder, clock) as store:
        store.add(REFERENCES, Reference("r-after", "Efter nedbruddet"))
        note = json.loads((folder / LOCK_NAME).read_text(encoding="utf-8"))
        assert note["pid"] == os.getpid()
    with WorkspaceStore.open(folder, clock) as again:
        assert REFERENCES.find(again.workspace, "r-after") is not None


def test_holder_closing_lets_the_next_one_in(folder: Path, holder: subprocess.Popen[bytes], clock: FixedClock) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    with pytest.raises(WorkspaceLocked):
        WorkspaceStore.open(folder, clock)
    holder.stdin.write(b"close\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == b"closed\n"
    with WorkspaceStore.open(folder, clock) as store:  # the holder process still runs
        assert len(store.workspace.dialogues) == 30


def test_second_open_in_the_same_process_is_refused(folder: Path, clock: FixedClock, snapshot: Snapshot) -> None:
    with WorkspaceStore.open(folder, clock) as first:
        before = snapshot(folder)
        with pytest.raises(WorkspaceLocked, match=f"process {os.getpid()} "):
            WorkspaceStore.open(folder, clock)
        assert snapshot(folder) == before
        first.add(REFERENCES, Reference("r1b", "Stadig min"))  # the first one keeps working
    with WorkspaceStore.open(folder, clock) as again:
        assert REFERENCES.find(again.workspace, "r1b") is not None


def test_refused_open_does_not_create_a_store(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "new"
    with WorkspaceStore.open(folder, clock):
        store_path(folder).unlink()
        with pytest.raises(WorkspaceLocked):
            WorkspaceStore.open(folder, clock)
        assert not store_path(folder).exists()
