"""Reads need no write: on a workspace that cannot be written (a read-only share, a full disk), every
reading command works and nothing in the folder changes; an edit is refused, naming the folder."""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.model.collections import REFERENCES
from briefing.model.entities import Reference
from briefing.store import StoreError, WorkspaceReadOnly, WorkspaceStore

Files = dict[str, tuple[bytes, int]]
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def files(folder: Path) -> Files:
    """Every file in ``folder`` with its bytes and mtime: what must stay as it is."""
    found = (p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) for p in found}


@pytest.fixture
def unwritable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path, int], None]:
    """Makes every write under a folder fail with ``code`` (EROFS: a read-only share; ENOSPC: a full disk).

    The tests run as any user, root included, so file modes cannot make the folder read-only.
    """

    def make(folder: Path, code: int) -> None:
        root = folder.resolve()

        def inside(path: Any) -> bool:
            return not isinstance(path, int) and Path(os.fsdecode(path)).resolve().is_relative_to(root)

        def refuse(path: Any) -> OSError:
            return OSError(code, os.strerror(code), os.fsdecode(path))

        real_os_open, real_open = os.open, builtins.open

        def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & WRITING and inside(path):
                raise refuse(path)
            return real_os_open(path, flags, *args, **kwargs)

        def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if any(flag in mode for flag in "wax+") and inside(file):
                raise refuse(file)
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(builtins, "open", open_)
        monkeypatch.setattr(io, "open", open_)
        for name in ("replace", "rename", "unlink", "mkdir", "rmdir"):
            real = getattr(os, name)

            def changing(path: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
                if inside(path):
                    raise refuse(path)
                return _real(path, *args, **kwargs)

            monkeypatch.setattr(os, name, changing)

    return make


@pytest.fixture
def demo_ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "ws"
    assert main(["demo", "--workspace", str(folder)]) == 0
    capsys.readouterr()
    return folder


READS = [
    ["info"],
    ["history"],
    ["surveys"],
    ["objections"],
    ["readiness", "--today", "2026-11-27"],
    ["export-json", "--out", "{out}/ws.json"],
    ["check"],
    ["export", "--out", "{out}/deck.pptx"],
]


CASES = [(c, errno.EROFS) for c in READS] + [(c, errno.ENOSPC) for c in READS if c[0] not in ("check", "export")]
"""Every reading command on a read-only workspace; on a full disk the same, but for the slow deck commands."""


@pytest.mark.parametrize(
    ("command", "code"), CASES, ids=[f"{c[0]}-{'read-only' if e == errno.EROFS else 'disk-full'}" for c, e in CASES]
)
def test_reading_commands_work_and_write_nothing(
    demo_ws: Path, tmp_path: Path, unwritable: Callable[[Path, int], None], capsys: pytest.CaptureFixture[str],
    command: list[str], code: int,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = files(demo_ws)
    unwritable(demo_ws, code)
    result = main([command[0], "--workspace", str(demo_ws), *(arg.format(out=out) for arg in command[1:])])
    _, err = capsys.readouterr()
    assert result in (0, 1) and err == "", err  # 1: a check that found something, never a refusal (2)
    assert files(demo_ws) == before
    if command[0].startswith("export"):
        assert next(out.iterdir()).stat().st_size > 0


def test_an_unwritable_workspace_is_refused_for_writing_and_opens_read_only(
    demo_ws: Path, unwritable: Callable[[Path, int], None]
) -> None:
    before = files(demo_ws)
    unwritable(demo_ws, errno.EROFS)
    with pytest.raises(WorkspaceReadOnly, match="it can be opened read-only"):
        WorkspaceStore.open(demo_ws)
    with WorkspaceStore.open(demo_ws, read_only=True) as store:
        assert store.read_only and store.workspace.stakeholders
        with pytest.raises(StoreError, match=f"{demo_ws} is open read-only"):
            store.add(REFERENCES, Reference("r-new", "Rapport"))
        assert REFERENCES.find(store.workspace, "r-new") is None and not store.pending
    assert files(demo_ws) == before


def test_a_command_that_writes_says_the_folder_cannot_be_written(
    demo_ws: Path, unwritable: Callable[[Path, int], None], capsys: pytest.CaptureFixture[str]
) -> None:
    unwritable(demo_ws, errno.ENOSPC)
    assert main(["answer", "--workspace", str(demo_ws), "1", "Svar"]) == 2
    err = capsys.readouterr().err
    assert str(demo_ws) in err and "No space left on device" in err and len(err.strip().splitlines()) == 1
