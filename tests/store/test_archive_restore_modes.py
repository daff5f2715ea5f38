"""What the commands leave on disk: an archived deck only with its record, a restore that never
toggles, private store files and exports with the user's normal mode."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.clock import FixedClock
from briefing.demo import demo_file
from briefing.errors import ValidationError
from briefing.model.collections import PRESENTATIONS, REFERENCES
from briefing.model.entities import Presentation
from briefing.store import WorkspaceStore, backends, backups, store_path
from briefing.store.layout import decks_folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "ws"
    assert run(capsys, "demo", "--workspace", str(folder))[0] == 0
    return folder


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "presented.pptx"
    path.write_bytes(b"the deck as it was presented")
    return path


def present(capsys: pytest.CaptureFixture[str], ws: Path, deck: Path) -> tuple[int, str, str]:
    return run(capsys, "present", "--workspace", str(ws), "--deck", str(deck), "--date", "2026-11-27",
               "--audience", "Direktionen", "--outcome", "approved")


def test_a_failed_save_of_present_archives_nothing_and_says_what_was_not_saved(
    ws: Path, deck: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store_path(ws).read_bytes()
    archived = set(decks_folder(ws).iterdir()) if decks_folder(ws).exists() else set()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backends.DiskBackend, "append", full)
    monkeypatch.setattr(backends.DiskBackend, "replace", full)
    code, out, err = present(capsys, ws, deck)
    assert code == 2 and out == ""
    assert "The presentation was not recorded and the deck was not archived" in err
    assert "No space left on device" in err and "kept" not in err and len(err.strip().splitlines()) == 1
    monkeypatch.undo()
    assert set(decks_folder(ws).iterdir()) == archived  # the copy went with the record
    assert store_path(ws).read_bytes() == before
    with WorkspaceStore.open(ws, read_only=True) as store:
        assert all(p.date.isoformat() != "2026-11-27" for p in store.workspace.presentations)


def test_an_orphan_or_partial_archived_deck_is_removed_when_the_workspace_opens(
    ws: Path, deck: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert present(capsys, ws, deck)[0] == 0
    folder = decks_folder(ws)
    recorded = sorted(folder.iterdir())
    orphan = folder / "2026-11-28-attempt-9.pptx"  # archived, then the process died before the record
    partial = folder / "2026-11-28-attempt-9.pptx.tmp-123-abcd"  # a copy cut short
    mine = folder / "notes.txt"  # not the archive's: never touched
    for path in (orphan, partial, mine):
        path.write_bytes(b"x")
    with WorkspaceStore.open(ws):
        pass
    assert sorted(folder.iterdir()) == sorted([*recorded, mine])


def test_restore_without_a_name_never_toggles_and_says_which_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    run(capsys, "demo", "--workspace", str(ws), "--lang", "en")
    english = store_path(ws).read_bytes()

    assert run(capsys, "import-json", "--workspace", str(ws), str(demo_file("da")), "--replace")[0] == 0
    wanted = backups.listing(ws)[0]  # the backup the import took: the English campaign
    for _ in range(2):
        code, out, _ = run(capsys, "restore", "--workspace", str(ws))
        assert code == 0 and wanted.name in out and f"{wanted.taken:%Y-%m-%d %H:%M:%S}" in out
        assert "before import" in out
        assert json.loads(store_path(ws).read_bytes())["campaign"] == json.loads(english)["campaign"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_exports_get_the_users_mode_and_the_store_stays_private(
    ws: Path, deck: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "ws.json"
        assert run(capsys, "export-json", "--workspace", str(ws), "--out", str(out))[0] == 0
        assert run(capsys, "export-stakeholders", "--workspace", str(ws), "--out", str(tmp_path / "s.csv"))[0] == 0
        assert present(capsys, ws, deck)[0] == 0
        with WorkspaceStore.open(ws) as store:  # a save: the journal, then the fold on closing
            store.add(REFERENCES, type(store.workspace.references[0])("r-new", "Rapport"))
    finally:
        os.umask(old)
    assert mode(out) == 0o644 and mode(tmp_path / "s.csv") == 0o644
    assert mode(store_path(ws)) == 0o600
    assert {mode(p) for p in backups.folder_of(ws).iterdir()} == {0o600}
    assert {mode(p) for p in decks_folder(ws).iterdir()} == {0o600}


def test_a_deck_file_outside_the_workspace_is_refused_naming_the_field(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], clock: FixedClock
) -> None:
    exported = tmp_path / "ws.json"
    run(capsys, "export-json", "--workspace", str(ws), "--out", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    for bad in ("/etc/passwd", "../outside.pptx", "C:\\\\Users\\\\me\\\\deck.pptx"):
        data["presentations"][0]["deck_file"] = bad
        exported.write_text(json.dumps(data), encoding="utf-8")
        code, _, err = run(capsys, "import-json", "--workspace", str(tmp_path / f"new{len(bad)}"), str(exported))
        assert code == 2 and "presentations[0].deck_file" in err and "outside the workspace" in err
    refused = r"^presentations\[0\]\.deck_file: \.\./x\.pptx lies outside"
    with WorkspaceStore.open(ws, clock) as store, pytest.raises(ValidationError, match=refused):
        first: Presentation = store.workspace.presentations[0]
        store.update(PRESENTATIONS, Presentation(**{**first.__dict__, "deck_file": "../x.pptx"}))


def test_a_failed_save_on_the_command_line_says_nothing_was_saved(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store_path(ws).read_bytes()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backends.DiskBackend, "append", full)
    monkeypatch.setattr(backends.DiskBackend, "replace", full)
    code, out, err = run(capsys, "import-json", "--workspace", str(ws), "--replace", str(demo_file("da")))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert str(store_path(ws)) in err and "No space left on device" in err
    assert "Nothing this command changed was saved" in err and "kept" not in err and "retry" not in err
    monkeypatch.undo()
    assert store_path(ws).read_bytes() == before
