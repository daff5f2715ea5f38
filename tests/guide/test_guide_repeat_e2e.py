"""Repeat until it succeeds, end to end through the `briefing` command.

Attempt 1 is postponed with two objections; answers are written; the next deck exported answers
them on its "since last time" slide; attempt 2 is recorded with that deck; the objections are
answered, the history shows both attempts, and the archived decks match their checksums.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.clock import FixedClock
from briefing.model.collections import PRESENTATIONS
from briefing.model.entities import DeckSettings, Workspace
from briefing.model.interchange import to_json_text
from briefing.store import WorkspaceStore

COST = "What does it cost to run?"
SECURITY = "Has IT security approved it?"
COST_ANSWER = "1.35 M DKK saved a year; payback in 11 months."
SECURITY_ANSWER = "Security review passed on 13 November."


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def table_rows(pptx: Path) -> list[list[str]]:
    """Every row of every table in the deck, as the text of its cells."""
    from pptx import Presentation as Deck

    rows = []
    for slide in Deck(str(pptx)).slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows += [[cell.text for cell in row.cells] for row in shape.table.rows]
    return rows


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_attempt_after_attempt_until_the_objections_are_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ws: Workspace
) -> None:
    folder, out = tmp_path / "ws", tmp_path / "out"
    out.mkdir()
    ws.deck = DeckSettings(title="Contracts we can find", ask="Approve phase 2 for 1.2 M DKK",
                           audience="Executive management", date=None)
    (tmp_path / "campaign.json").write_text(to_json_text(ws), encoding="utf-8")
    run(capsys, "import-json", "--workspace", str(folder), str(tmp_path / "campaign.json"))
    w = ("--workspace", str(folder))

    run(capsys, "export", *w, "--out", str(out / "first.pptx"))
    assert not any(COST in cell for row in table_rows(out / "first.pptx") for cell in row)
    run(capsys, "present", *w, "--deck", str(out / "first.pptx"), "--date", "2026-05-19",
        "--audience", "Executive management", "--outcome", "postponed", "--attendee", "l1",
        "--objection", COST, "--objection", SECURITY, "--next-attempt", "2026-09-22")

    with WorkspaceStore.open(folder, FixedClock.on("2026-09-01")) as store:  # the answers are written
        attempt = store.workspace.presentations[0]
        attempt.objections[0].answer, attempt.objections[1].answer = COST_ANSWER, SECURITY_ANSWER
        store.update(PRESENTATIONS, attempt)

    run(capsys, "export", *w, "--out", str(out / "second.pptx"))
    shown = [(row[0][:20], row[-1][:14]) for row in table_rows(out / "second.pptx")]  # the deck may shorten
    assert (COST[:20], "✓ 1.35 M DKK s") in shown and (SECURITY[:20], "✓ Security rev") in shown

    recorded = run(capsys, "present", *w, "--deck", str(out / "second.pptx"), "--date", "2026-09-22",
                   "--audience", "Executive management", "--outcome", "partly_approved")
    assert "Objections now answered: 2." in recorded

    assert run(capsys, "history", *w).splitlines() == [
        "Attempt 1  2026-05-19  postponed  (Executive management)",
        "    objections raised: 2, still open: 0",
        "Attempt 2  2026-09-22  partly approved  (Executive management)",
    ]
    attempts = json.loads(run(capsys, "history", *w, "--json"))
    assert [o["status"] for o in attempts[0]["objections"]] == ["answered", "answered"]
    assert attempts[1]["changes"]["objections_answered"] == [COST, SECURITY]
    for attempt, exported in zip(attempts, ("first.pptx", "second.pptx"), strict=True):
        archived = folder / attempt["deck_file"]
        assert archived.parent == folder / "decks" and attempt["archive"] == "ok"
        assert attempt["deck_sha256"] == sha256(archived) == sha256(out / exported)
