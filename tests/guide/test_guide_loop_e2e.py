"""The loop moves on by itself, end to end through the `briefing` command.

A meeting is postponed with two objections and a next attempt; the next deck is dated for that
attempt (title slide and footers) without an attempt number; readiness names the objections and
the date; the objections are answered; the next meeting approves; the phase asked for is approved
and readiness points to the next phase; the deck after that does not open with "0 of N answered".
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.i18n import format_date
from briefing.model.entities import DeckSettings, Workspace
from briefing.model.interchange import to_json_text

COST, OWNER = "What does it cost to run?", "Who owns it after the pilot?"


def run(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> str:
    got = main(list(args))
    out, err = capsys.readouterr()
    assert got == code, err + out
    return out


def slide_texts(pptx: Path) -> list[str]:
    """Every text on each slide (shapes and placeholders such as the footer), one string a slide."""
    from pptx import Presentation as Deck

    return [" | ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
            for slide in Deck(str(pptx)).slides]


def test_postponed_then_approved_the_plan_moves_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ws: Workspace
) -> None:
    today = dt.date.today()  # an export dates by the system's clock; every other date is relative to it
    held, agreed = today - dt.timedelta(days=2), today + dt.timedelta(days=60)
    folder, out = tmp_path / "ws", tmp_path / "out"
    out.mkdir()
    ws.deck = DeckSettings(title="Contracts we can find", ask="Approve the first phase", audience="Board",
                           date=held)
    (tmp_path / "campaign.json").write_text(to_json_text(ws), encoding="utf-8")
    run(capsys, "import-json", "--workspace", str(folder), str(tmp_path / "campaign.json"))
    w = ("--workspace", str(folder))

    run(capsys, "export", *w, "--out", str(out / "first.pptx"))
    said = run(capsys, "present", *w, "--deck", str(out / "first.pptx"), "--date", held.isoformat(),
               "--audience", "Board", "--outcome", "postponed", "--attendee", "l1", "--objection", COST,
               "--objection", OWNER, "--next-attempt", agreed.isoformat())
    assert f"Next deck — Dated {format_date(agreed, 'en')}: the next attempt agreed at the meeting on" in said

    run(capsys, "export", *w, "--out", str(out / "second.pptx"))  # dated for the next attempt
    slides = slide_texts(out / "second.pptx")
    assert format_date(agreed, "en") in slides[0] and "attempt" not in slides[0].lower()
    assert all(format_date(agreed, "en", short=True) in text for text in slides[1:4])  # the footers follow
    assert not any("answered 0" in text for text in slides)

    said = run(capsys, "readiness", *w, "--today", today.isoformat(), code=1)
    assert f"Postponed on {format_date(held, 'en')}." in said
    assert f"2 open objections: “{COST}”, “{OWNER}”." in said
    assert f"Next attempt: {format_date(agreed, 'en')}, in 60 days." in said
    assert f"Left to do before {format_date(agreed, 'en')}: answer 2 objections" in said
    outlook = json.loads(run(capsys, "readiness", *w, "--today", today.isoformat(), "--json", code=1))["outlook"]
    assert (outlook["outcome"], outlook["next_attempt"], outlook["open_objections"]) == (
        "postponed", agreed.isoformat(), [COST, OWNER])

    run(capsys, "answer", *w, "1", "1.2 M DKK a year; it pays back in 11 months.")
    run(capsys, "answer", *w, "2", "Legal owns it from the first day.")
    run(capsys, "export", *w, "--out", str(out / "third.pptx"), "--show-attempt")
    assert "attempt 2" in slide_texts(out / "third.pptx")[0]  # only when asked for
    said = run(capsys, "present", *w, "--deck", str(out / "third.pptx"), "--date", agreed.isoformat(),
               "--audience", "Board", "--outcome", "approved", "--attendee", "l1")
    assert "The phase “Prove it” is now approved." in said

    run(capsys, "export-json", *w, "--out", str(out / "after.json"))
    phases = json.loads((out / "after.json").read_text(encoding="utf-8"))["phases"]
    assert [(p["name"], p["status"]) for p in phases] == [("Prove it", "approved"), ("Roll out", "planned")]
    said = run(capsys, "readiness", *w, "--today", (agreed + dt.timedelta(days=1)).isoformat(), code=1)
    assert f"“Prove it” was approved on {format_date(agreed, 'en')}." in said
    assert "Next: “Roll out” (from 11 January 2027). It needs an ask of its own" in said

    run(capsys, "export", *w, "--out", str(out / "fourth.pptx"))
    assert not any("questions you asked" in text for text in slide_texts(out / "fourth.pptx"))


def test_a_bad_date_for_the_deck_names_the_option_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "deck.pptx"
    assert main(["export", "--workspace", str(tmp_path / "ws"), "--out", str(target), "--date", "9 Feb"]) == 2
    assert "--date: 9 Feb is not a date (YYYY-MM-DD)" in capsys.readouterr().err
    assert not target.exists()
