"""``briefing preread`` as a user runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from briefing.cli import main
from tests.deck.lo_helpers import pdf_pages


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "ws"
    assert main(["demo", "--workspace", str(folder), "--lang", "da"]) == 0
    return folder


def preread(capsys: pytest.CaptureFixture[str], workspace: Path, *options: str) -> tuple[int, str, str]:
    """``briefing preread --workspace WORKSPACE OPTIONS``: the exit code, what it said and what it complained."""
    capsys.readouterr()
    code = main(["preread", "--workspace", str(workspace), *options])
    said, complained = capsys.readouterr()
    return code, said, complained


def test_preread_writes_one_page_in_the_language_asked_and_leaves_the_store_alone(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {path.name: path.stat().st_mtime_ns for path in workspace.iterdir()}
    out = tmp_path / "forberedelse.pdf"
    code, said, _ = preread(capsys, workspace, "--out", str(out), "--lang", "en", "--anonymize")
    assert code == 0 and str(out) in said and "one A4 page" in said
    assert pdf_pages(out) == 1
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    assert text.startswith("PRE-READ") and "Payback" in text  # English words around the Danish workspace's text
    assert "Jens Østergaard" not in text  # consented, but --anonymize names nobody
    assert {path.name: path.stat().st_mtime_ns for path in workspace.iterdir()} == before


@pytest.mark.parametrize(
    ("name", "message"),
    [("notes.txt", "a pre-read is written as a .pdf or a .docx file"), ("missing/pre-read.docx", "does not exist")],
)
def test_a_bad_out_is_refused_with_exit_2_naming_the_file(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    out = tmp_path / name
    code, _, err = preread(capsys, workspace, "--out", str(out))
    assert code == 2
    assert err.startswith(f"briefing: {out}") and message in err
    assert not out.exists()


def test_a_bad_template_is_refused_by_name(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "broken.pptx"
    template.write_bytes(b"not a zip")
    code, _, err = preread(capsys, workspace, "--out", str(tmp_path / "p.docx"), "--template", str(template))
    assert code == 2 and str(template) in err
    assert not (tmp_path / "p.docx").exists()
