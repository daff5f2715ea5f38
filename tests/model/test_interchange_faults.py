"""Interchange JSON as the fault probe fed it: refused in one line naming the file and the place, with exit 2,
nothing changed; and what import-json accepts, export-json writes back unchanged."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.demo import demo_file
from briefing.store import store_path


def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(demo_file("en").read_text(encoding="utf-8"))
    return data


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    started = time.perf_counter()
    assert main(list(argv)) == 2
    assert time.perf_counter() - started < 5
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and not out, err
    return lines[0]


def test_json_nested_thousands_deep_is_refused_without_a_recursion_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"format": "briefing-composer/1", "campaign": ' + "[" * 100_000 + "]" * 100_000 + "}")
    line = refused(capsys, "import-json", "--workspace", str(tmp_path / "ws"), str(path))
    assert line == f"briefing: {path}: the JSON nests deeper than 64 levels; it is not read"


def test_json_nested_deeper_than_the_limit_but_within_pythons_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = demo_data()
    data["campaign"]["name"] = json.loads("[" * 70 + "]" * 70)
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(data))
    assert "nests deeper than 64 levels" in refused(capsys, "import-json", "--workspace", str(tmp_path / "w"),
                                                    str(path))


def test_a_phase_ending_before_it_starts_is_refused_naming_the_file_and_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = demo_data()
    data["phases"][1]["start"], data["phases"][1]["end"] = "2027-03-01", "2027-01-31"
    path = tmp_path / "phases.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    workspace = tmp_path / "ws"
    line = refused(capsys, "import-json", "--workspace", str(workspace), str(path))
    assert line.startswith(f"briefing: {path}: phases[1].end")
    assert not store_path(workspace).exists() or main(["info", "--workspace", str(workspace)]) == 0


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_import_json_refuses_a_folder_pipe_or_device_before_opening_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = tmp_path / "workspace.json"
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    expected = {"folder": "a folder", "pipe": "a named pipe", "device": "a device"}[kind]
    line = refused(capsys, "import-json", "--workspace", str(tmp_path / "ws"), str(path))
    assert line == f"briefing: {path}: this is {expected}, not a file"


def test_a_date_only_submitted_comes_back_date_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = demo_data()
    responses = data["surveys"][0]["responses"]
    responses[0]["submitted"] = "2026-04-07"
    responses[1]["submitted"] = "2026-04-07T09:15:00"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    workspace, back = tmp_path / "ws", tmp_path / "out.json"
    assert main(["import-json", "--workspace", str(workspace), str(source)]) == 0
    assert main(["export-json", "--workspace", str(workspace), "--out", str(back)]) == 0
    written = json.loads(back.read_text(encoding="utf-8"))
    assert written["surveys"][0]["responses"][0]["submitted"] == "2026-04-07"
    assert written["surveys"][0]["responses"][1]["submitted"] == "2026-04-07T09:15:00"
    assert changed(data, written) == []


def changed(given: Any, written: Any, path: str = "") -> list[str]:
    """Where ``written`` differs from ``given`` in a value ``given`` holds (fields it leaves out may be added)."""
    if isinstance(given, dict) and isinstance(written, dict):
        return [p for key, value in given.items() for p in changed(value, written.get(key), f"{path}.{key}")]
    if isinstance(given, list) and isinstance(written, list) and len(given) == len(written):
        return [p for i, (a, b) in enumerate(zip(given, written, strict=True)) for p in changed(a, b, f"{path}[{i}]")]
    return [] if given == written else [f"{path}: {given!r} → {written!r}"]


def test_a_store_nested_thousands_deep_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    store_path(workspace).write_text('{"_meta": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    line = refused(capsys, "info", "--workspace", str(workspace))
    assert line == f"briefing: {store_path(workspace)}: the JSON nests deeper than 64 levels; it is not read"
