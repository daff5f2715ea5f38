"""The guide's commands as a user runs them: present, history, readiness, overdue; in English and Danish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.clock import FixedClock
from briefing.model.collections import PHASES, PRESENTATIONS
from briefing.model.entities import Workspace
from briefing.store import WorkspaceStore


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, ws: Workspace) -> Path:
    path = tmp_path / "ws"
    with WorkspaceStore.open(path, FixedClock.on("2026-11-27")) as store:
        store.replace(ws)
    return path


def present(capsys: pytest.CaptureFixture[str], folder: Path, deck: Path, date: str, outcome: str,
            *extra: str) -> tuple[int, str, str]:
    return run(capsys, "present", "--workspace", str(folder), "--deck", str(deck), "--date", date,
               "--audience", "Executive management", "--outcome", outcome, *extra)


def test_present_then_history_lists_each_attempt_with_number_date_and_outcome(
    capsys: pytest.CaptureFixture[str], folder: Path, deck_file: Path
) -> None:
    code, out, _ = present(capsys, folder, deck_file, "2026-05-19", "postponed", "--objection", "Cost?",
                           "--attendee", "l1", "--feedback", "Come back", "--next-step", "Measure",
                           "--next-attempt", "2026-09-22")
    assert code == 0
    assert out.splitlines()[0] == "Recorded attempt 1 on 2026-05-19: postponed."
    assert "decks/2026-05-19-attempt-1.pptx" in out
    code, out, _ = present(capsys, folder, deck_file, "2026-09-22", "partly_approved")
    assert code == 0
    code, out, _ = run(capsys, "history", "--workspace", str(folder))
    assert code == 0
    assert out.splitlines() == [
        "Attempt 1  2026-05-19  postponed  (Executive management)",
        "    objections raised: 1, still open: 1",
        "Attempt 2  2026-09-22  partly approved  (Executive management)",
    ]
    code, out, _ = run(capsys, "history", "--workspace", str(folder), "--json")
    first = json.loads(out)[0]
    assert (first["number"], first["outcome"], first["attendee_ids"], first["next_attempt"]) == (
        1, "postponed", ["l1"], "2026-09-22")
    assert first["archive"] == "ok" and first["objections"] == [{"text": "Cost?", "status": "open", "answer": ""}]


def test_history_warns_when_an_archived_deck_changed(
    capsys: pytest.CaptureFixture[str], folder: Path, deck_file: Path
) -> None:
    present(capsys, folder, deck_file, "2026-05-19", "rejected")
    (folder / "decks" / "2026-05-19-attempt-1.pptx").write_bytes(b"tampered")
    _, out, _ = run(capsys, "history", "--workspace", str(folder))
    assert "has changed since it was presented" in out


def test_history_of_a_new_workspace_says_so_in_danish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_LANG", "da")
    assert run(capsys, "history", "--workspace", str(tmp_path / "new"))[1] == (
        "Der er endnu ikke registreret nogen præsentation.\n")


def test_an_outcome_may_be_typed_in_danish(
    capsys: pytest.CaptureFixture[str], folder: Path, deck_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_LANG", "da")
    code, out, _ = present(capsys, folder, deck_file, "2026-05-19", "Delvist godkendt")
    assert code == 0 and out.splitlines()[0] == "Forsøg 1 den 2026-05-19 er registreret: delvist godkendt."


@pytest.mark.parametrize(
    ("override", "named"),
    [
        ({"--date": "19/05/2026"}, "--date: 19/05/2026 is not a date (YYYY-MM-DD)"),
        ({"--next-attempt": "2026-13-01"}, "--next-attempt: 2026-13-01 is not a date"),
        ({"--outcome": "won"}, "outcome: won is not one of approved, partly_approved"),
        ({"--attendee": "nobody"}, "attendee_ids[0]: nobody is not a stakeholder"),
        ({"--deck": "nowhere.pptx"}, "nowhere.pptx: there is no such deck file"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], folder: Path, deck_file: Path, override: dict[str, str], named: str
) -> None:
    store_before = (folder / "store.json").read_bytes()
    options = {"--deck": str(deck_file), "--date": "2026-05-19", "--audience": "EM", "--outcome": "postponed",
               **override}
    code, out, err = run(capsys, "present", "--workspace", str(folder), *[x for pair in options.items() for x in pair])
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and named in err
    assert (folder / "store.json").read_bytes() == store_before
    assert not (folder / "decks").exists() or not any((folder / "decks").iterdir())


def test_overdue_lists_the_most_overdue_first_in_danish(
    capsys: pytest.CaptureFixture[str], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_LANG", "da")
    code, out, _ = run(capsys, "overdue", "--workspace", str(folder), "--today", "2026-12-20")
    assert code == 0 and out == "Ingen allierede er forsinkede.\nSkal kontaktes i dag: Anne, Bo, Carl.\n"
    code, out, _ = run(capsys, "overdue", "--workspace", str(folder), "--today", "2026-12-21")
    assert out.splitlines()[0] == "Anne: 1 dag forsinket (sidst talt med 20. nov. 2026, hver 30. dag)"
    assert len(out.splitlines()) == 3


def test_overdue_exits_1_when_an_ally_is_overdue_and_writes_json(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, _ = run(capsys, "overdue", "--workspace", str(folder), "--today", "2026-12-20", "--json")
    assert code == 0 and json.loads(out)["overdue"] == [] and len(json.loads(out)["due_today"]) == 3
    code, out, _ = run(capsys, "overdue", "--workspace", str(folder), "--today", "2026-12-21", "--json")
    first = json.loads(out)["overdue"][0]
    assert code == 1 and (first["name"], first["days_overdue"], first["due"]) == ("Anne", 1, "2026-12-20")


def test_readiness_prints_a_line_per_step_and_exits_1_when_not_ready(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    with WorkspaceStore.open(folder) as store:
        phase = store.workspace.phases[0]
        phase.risk = "medium"
        store.update(PHASES, phase)
    code, out, _ = run(capsys, "readiness", "--workspace", str(folder), "--today", "2026-11-27")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 7
    assert lines[4] == ("[attention] A plan in phases: The plan starts with “Prove it”, whose risk is medium. "
                        "Next: Start with a small, low-risk phase before “Prove it”, or lower its risk.")
    assert lines[0].startswith("[done] Allies:") and lines[-1].startswith("Not ready yet:")
    code, out, _ = run(capsys, "readiness", "--workspace", str(folder), "--today", "2026-11-27", "--json")
    report = json.loads(out)
    assert code == 1 and report["ready"] is False and report["today"] == "2026-11-27"
    assert [s["key"] for s in report["steps"]] == ["allies", "leadership", "proof", "problems", "plan", "deck"]
    assert report["steps"][4]["status"] == "attention"


def test_a_bad_today_is_named(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, _, err = run(capsys, "overdue", "--workspace", str(folder), "--today", "tomorrow")
    assert code == 2 and "--today: tomorrow is not a date" in err


def test_objections_are_listed_numbered_and_answered_by_number(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json as _json

    from briefing.cli import main as cli
    from briefing.store import WorkspaceStore

    workspace = tmp_path / "ws"
    assert cli(["demo", "--workspace", str(workspace)]) == 0
    capsys.readouterr()
    assert cli(["objections", "--workspace", str(workspace), "--json"]) == 0
    listed = _json.loads(capsys.readouterr().out)
    assert [entry["number"] for entry in listed] == list(range(1, len(listed) + 1))
    assert cli(["answer", "--workspace", str(workspace), "1", "  Legal Ops owns it.  "]) == 0
    with WorkspaceStore.open(workspace) as store:
        presentation = PRESENTATIONS.find(store.workspace, listed[0]["presentation_id"])
        answered = next(o for o in presentation.objections if o.text == listed[0]["text"])
    assert answered.answer == "Legal Ops owns it." and answered.status == "open"
    assert cli(["answer", "--workspace", str(workspace), str(len(listed) + 1), "x"]) == 2
    assert "see `briefing objections`" in capsys.readouterr().err
