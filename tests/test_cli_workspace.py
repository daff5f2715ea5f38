"""The workspace commands of `briefing`, as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import __version__
from briefing.cli import main
from briefing.demo import demo_file
from briefing.model import COLLECTIONS
from briefing.store import store_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_is_printed_by_the_installed_command() -> None:
    briefing = Path(sys.executable).with_name("briefing")
    result = subprocess.run([str(briefing), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"briefing {__version__}"


@pytest.mark.parametrize("lang", ["en", "da"])
def test_demo_creates_a_full_campaign_and_info_counts_it(tmp_path: Path, capsys, lang: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "demo", "--workspace", str(tmp_path / "ws"), "--lang", lang)
    assert code == 0 and str(tmp_path / "ws") in out
    code, out, _ = run(capsys, "info", "--workspace", str(tmp_path / "ws"))
    assert code == 0
    counts = {line.split()[0]: int(line.split()[-1]) for line in out.splitlines()[1:] if line.split()[-1].isdigit()}
    assert counts["stakeholders"] >= 15 and counts["dialogues"] >= 40 and counts["surveys"] >= 2
    assert counts["presentations"] >= 2 and counts["phases"] >= 3


def test_demo_refuses_a_workspace_that_holds_data(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws = tmp_path / "ws"
    run(capsys, "demo", "--workspace", str(ws))
    before = store_path(ws).read_bytes()
    code, _, err = run(capsys, "demo", "--workspace", str(ws), "--lang", "da")
    assert code == 2 and str(ws) in err and "--replace" in err
    assert store_path(ws).read_bytes() == before


def test_export_then_import_gives_the_same_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run(capsys, "import-json", "--workspace", str(tmp_path / "one"), str(demo_file("da")))[0] == 0
    assert run(capsys, "export-json", "--workspace", str(tmp_path / "one"), "--out", str(first))[0] == 0
    assert run(capsys, "import-json", "--workspace", str(tmp_path / "two"), str(first))[0] == 0
    assert run(capsys, "export-json", "--workspace", str(tmp_path / "two"), "--out", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    exported = json.loads(first.read_text(encoding="utf-8"))
    assert json.loads(demo_file("da").read_text(encoding="utf-8"))["stakeholders"] == exported["stakeholders"]


def test_bad_json_names_the_file_line_and_column_and_changes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws = tmp_path / "ws"
    run(capsys, "demo", "--workspace", str(ws))
    before = store_path(ws).read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "briefing-composer/1",\n  "stakeholders": [}\n', encoding="utf-8")
    code, _, err = run(capsys, "import-json", "--workspace", str(ws), str(bad), "--replace")
    assert code == 2
    assert f"{bad}:2:" in err and err.count("\n") == 1
    assert store_path(ws).read_bytes() == before


def test_a_wrong_field_is_named_by_its_json_path(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(demo_file("en").read_text(encoding="utf-8"))
    data["stakeholders"][3]["influence"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "import-json", "--workspace", str(tmp_path / "ws"), str(bad))
    assert code == 2
    assert err.strip() == f"briefing: {bad}: stakeholders[3].influence: 7 is not within 1–5"
    assert not store_path(tmp_path / "ws").exists()


def test_replace_takes_a_backup_and_restore_brings_it_back(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ws = tmp_path / "ws"
    run(capsys, "demo", "--workspace", str(ws), "--lang", "en")
    english = store_path(ws).read_bytes()
    assert run(capsys, "import-json", "--workspace", str(ws), str(demo_file("da")), "--replace")[0] == 0
    code, out, _ = run(capsys, "backups", "--workspace", str(ws))
    assert code == 0 and "before import" in out and "valid" in out
    newest_import = next(line.split()[0] for line in out.splitlines() if "before import" in line)
    assert run(capsys, "restore", "--workspace", str(ws), "--backup", newest_import)[0] == 0
    assert store_path(ws).read_bytes() == english


def test_restore_of_an_unknown_backup_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "demo", "--workspace", str(tmp_path / "ws"))
    code, _, err = run(capsys, "restore", "--workspace", str(tmp_path / "ws"), "--backup", "nope.json")
    assert code == 2 and "nope.json" in err


def test_export_to_a_folder_that_does_not_exist_names_the_path(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    run(capsys, "demo", "--workspace", str(tmp_path / "ws"))
    target = tmp_path / "missing" / "out.json"
    code, _, err = run(capsys, "export-json", "--workspace", str(tmp_path / "ws"), "--out", str(target))
    assert code == 2 and str(target) in err


def test_usage_errors_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as stop:
        main(["import-json"])
    assert stop.value.code == 2


def test_a_folder_without_a_store_opens_as_an_empty_workspace(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "info", "--workspace", str(tmp_path / "new"))
    assert code == 0
    assert all(tr_line.split()[-1] == "0" for tr_line in out.splitlines()[1 : 1 + len(COLLECTIONS)])


def test_danish_messages_when_the_user_works_in_danish(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BRIEFING_LANG", "da")
    code, out, _ = run(capsys, "demo", "--workspace", str(tmp_path / "ws"), "--lang", "da")
    assert code == 0 and out.startswith("Oprettede demo-arbejdsområdet")
    shutil.rmtree(tmp_path / "ws")


def test_a_folder_that_cannot_hold_a_workspace_is_named_on_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    code, out, err = run(capsys, "info", "--workspace", str(a_file))
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and str(a_file) in err
    code, _, err = run(capsys, "restore", "--workspace", str(tmp_path / "missing"))
    assert code == 2 and "no valid backup" in err and not (tmp_path / "missing").exists()


def test_usage_and_its_errors_speak_danish(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BRIEFING_LANG", "da")
    with pytest.raises(SystemExit) as stop:
        main(["info"])
    assert stop.value.code == 2
    assert capsys.readouterr().err == "briefing info: disse argumenter mangler: --workspace\n"
    with pytest.raises(SystemExit):
        main(["info", "--help"])
    help_text = capsys.readouterr().out
    assert help_text.startswith("brug: briefing info") and "vis denne hjælp og afslut" in help_text
