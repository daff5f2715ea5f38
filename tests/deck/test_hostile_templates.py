"""Hostile templates: refused with exit 2 and one line naming the file, quickly; links out and history never
reach a deck."""

from __future__ import annotations

import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import template_faults as hostile

from briefing.cli import main
from briefing.deck import template_check
from briefing.deck import template_package as package
from briefing.deck.stamp import read_settings
from briefing.model.collections import DECK
from briefing.store import WorkspaceStore


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line ``briefing argv`` writes when it exits 2 (and nothing on stdout)."""
    capsys.readouterr()
    assert main(list(argv)) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and not out
    return lines[0]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (hostile.without_size, "no slide size"),
        (hostile.zero_size, "0.00 × 0.00 in"),
        (hostile.without_theme, "no theme"),
        (hostile.declaring_huge_members, "unpack to 950.1 MB; templates over 200.0 MB"),
    ],
    ids=["no size", "zero size", "no theme", "members over the total"],
)
def test_a_broken_template_is_refused_in_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path], words: str
) -> None:
    template = make(tmp_path / "hostile.pptx")
    started = time.perf_counter()
    line = refused(capsys, "template-check", str(template))
    assert time.perf_counter() - started < 3
    assert line.startswith(f"briefing: {template}: ") and words in line


def test_members_that_unpack_beyond_the_total_are_stopped_within_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real members (not only a directory that says so): reading stops at the total, in bounded memory."""
    monkeypatch.setattr(package, "MAX_UNPACKED_BYTES", 3 * 1024 * 1024)
    extra = {f"ppt/media/zeros{i}.bin": b"\0" * 1024 * 1024 for i in range(5)}
    template = hostile.rewritten(tmp_path / "zeros.pptx", lambda name, data: data, extra=extra)
    assert template.stat().st_size < 100_000
    tracemalloc.start()
    try:
        with pytest.raises(package.TooLarge):
            package.safe_package(template.read_bytes())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_a_member_that_unpacks_to_more_than_it_declares_is_refused(tmp_path: Path) -> None:
    data = bytearray(hostile.zipped({"[Content_Types].xml": b"<Types/>", "ppt/big.bin": b"\0" * 100_000}))
    name = b"ppt/big.bin"
    central = data.rfind(name) - 46
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # the directory now says 1,000 bytes
    with pytest.raises(package.PackageError):
        package.safe_package(bytes(data))


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_a_folder_pipe_or_device_is_refused_before_it_is_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "folder":
        path = tmp_path / "folder.pptx"
        path.mkdir()
    elif kind == "pipe":
        path = tmp_path / "pipe.pptx"
        os.mkfifo(path)
    else:
        path = tmp_path / "zero.pptx"
        path.symlink_to("/dev/zero")
    started = time.perf_counter()
    line = refused(capsys, "template-check", str(path))
    assert time.perf_counter() - started < 3
    expected = {"folder": "a folder", "pipe": "a named pipe", "device": "a device"}[kind]
    assert line == f"briefing: {path}: this is {expected}, not a file"


def test_a_pipe_named_inside_imported_json_stops_neither_export_nor_readiness(tmp_path: Path) -> None:
    """The path arrives as the workspace's deck.template: export refuses it at once, readiness names it as the step
    to fix (in child processes, so that a hang fails the test instead of stopping the suite)."""
    import json
    import subprocess

    pipe = tmp_path / "corp.pptx"
    os.mkfifo(pipe)
    workspace = tmp_path / "ws"
    assert main(["demo", "--workspace", str(workspace)]) == 0
    exported = tmp_path / "ws.json"
    assert main(["export-json", "--workspace", str(workspace), "--out", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["deck"]["template"] = str(pipe)
    exported.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import-json", "--workspace", str(workspace), "--replace", str(exported)]) == 0
    script = "import sys; from briefing.cli import main; sys.exit(main(sys.argv[1:]))"
    message = f"{pipe}: this is a named pipe, not a file"

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", script, argv[0], "--workspace", str(workspace), *argv[1:]],
                              capture_output=True, text=True, timeout=60, env={**os.environ, "LANG": "en"})

    exporting = run("export", "--out", str(tmp_path / "deck.pptx"))
    assert (exporting.returncode, exporting.stderr.strip()) == (2, f"briefing: {message}")
    readiness = run("readiness")
    assert readiness.returncode == 1 and message in readiness.stdout  # not ready: the step to fix names the pipe


def test_links_out_of_a_template_never_reach_the_deck_and_leave_no_dangling_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = hostile.with_links_out(tmp_path / "links.pptx")
    report = template_check(template)
    assert report.dropped_links == sorted([hostile.UNC, hostile.TRACKER])
    capsys.readouterr()
    assert main(["template-check", str(template)]) == 0
    listed = capsys.readouterr().out
    assert "Links out of the template" in listed and hostile.UNC in listed and hostile.TRACKER in listed
    workspace = tmp_path / "ws"
    deck = tmp_path / "deck.pptx"
    assert main(["demo", "--workspace", str(workspace)]) == 0
    assert main(["export", "--workspace", str(workspace), "--out", str(deck), "--template", str(template)]) == 0
    targets = hostile.relationship_targets(deck)
    assert not [t for t in targets if t.startswith("External") or "host" in t or "outside" in t or "://" in t]
    assert hostile.dangling_ids(deck) == []


def test_a_deck_keeps_none_of_the_templates_history_nor_a_folder_of_this_machine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = hostile.with_history(tmp_path / "history.pptx")
    workspace = tmp_path / "ws"
    deck = tmp_path / "deck.pptx"
    assert main(["demo", "--workspace", str(workspace)]) == 0
    with WorkspaceStore.open(workspace) as store:
        settings = store.workspace.deck
        settings.template = str(template)
        store.set(DECK, settings)
    assert main(["export", "--workspace", str(workspace), "--out", str(deck)]) == 0
    props = hostile.docprops_text(deck)
    assert "Briefing Composer" in props  # the deck's own author
    assert [word for word in hostile.HISTORY_WORDS if word in props] == []
    assert str(tmp_path) not in props
    stamped = read_settings(deck)
    assert stamped is not None and stamped.template == "history.pptx"
