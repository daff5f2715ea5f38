"""The history: attempts numbered in date order, what changed between them, and the archive's checksums."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.clock import FixedClock
from briefing.guide.history import history, verify_archive
from briefing.guide.presenting import record_presentation
from briefing.model.collections import PRESENTATIONS
from briefing.model.entities import Measurement, Objection, Presentation, Workspace
from briefing.store import WorkspaceStore
from guide.builders import day, person, talk


def attempt(pid: str, date: str, outcome: str, *objections: Objection) -> Presentation:
    return Presentation(id=pid, date=day(date), outcome=outcome, objections=list(objections))  # type: ignore[arg-type]


def test_attempts_are_numbered_in_date_order_whatever_order_they_were_entered(ws: Workspace) -> None:
    ws.presentations = [attempt("pr2", "2026-09-22", "partly_approved"), attempt("pr1", "2026-05-19", "postponed"),
                        attempt("pr3", "2026-12-08", "approved")]
    hist = history(ws)
    assert [(a.number, a.presentation.id, a.outcome) for a in hist.attempts] == [
        (1, "pr1", "postponed"), (2, "pr2", "partly_approved"), (3, "pr3", "approved")]
    assert hist.outcomes()[0] == (1, day("2026-05-19"), "postponed")
    assert hist.succeeded and hist.latest is not None and hist.latest.number == 3


def test_no_attempt_yet() -> None:
    hist = history(Workspace())
    assert hist.attempts == () and hist.latest is None and not hist.succeeded


def test_what_changed_between_attempts(ws: Workspace) -> None:
    ws.presentations = [
        attempt("pr1", "2026-05-19", "postponed", Objection("Cost?", "answered", "Cheap"), Objection("Time?")),
        attempt("pr2", "2026-09-22", "partly_approved", Objection("Security?")),
    ]
    ws.stakeholders.append(person("a4", "Dina"))
    talk(ws, "a4", "2026-06-01")  # first talk between the attempts: an ally gained
    talk(ws, "a1", "2026-03-01")  # Anne: first talked to before attempt 1, again later
    talk(ws, "n1", "2026-07-01")  # not an ally
    first, second = history(ws).attempts
    assert first.changes.since is None and first.changes.objections_raised == ("Cost?", "Time?")
    assert first.changes.allies_gained == ("a1",)
    assert second.changes.since == day("2026-05-19")
    assert second.changes.objections_raised == ("Security?",)
    assert second.changes.objections_answered == ("Cost?",)
    assert second.changes.allies_engaged == ("a4",)
    assert second.changes.allies_gained == ("a4",)


def test_kpis_moved_use_the_measurements_up_to_each_attempt(ws: Workspace) -> None:
    # Search time: baseline 45 min; 20 on 1 Jun, 9 on 1 Sep; lower is better
    ws.presentations = [attempt("pr1", "2026-05-19", "postponed"), attempt("pr2", "2026-07-01", "postponed"),
                        attempt("pr3", "2026-08-01", "postponed"), attempt("pr4", "2026-09-22", "approved")]
    moves = [a.changes.kpis_moved for a in history(ws).attempts]
    assert moves[0] == () and moves[2] == ()  # nothing measured yet; nothing new since July
    [second] = moves[1]
    assert (second.before.latest, second.after.latest, second.after.improvement) == (None, 20, 25)
    [fourth] = moves[3]
    assert (fourth.before.latest, fourth.after.latest, fourth.improvement_change) == (20, 9, 11)
    assert fourth.kpi.name == "Search time" and fourth.initiative == "Contract pilot"
    ws.initiatives[0].kpis[0].measurements.append(Measurement(day("2026-09-22"), 9))
    assert history(ws).attempts[3].changes.kpis_moved[0].after.latest == 9


@pytest.fixture
def store(tmp_path: Path, ws: Workspace) -> Iterator[WorkspaceStore]:
    opened = WorkspaceStore.open(tmp_path / "ws", FixedClock.on("2026-11-27"))
    opened.replace(ws)
    yield opened
    opened.close()


def test_verify_archive_reports_a_changed_and_a_missing_deck(store: WorkspaceStore, deck_file: Path) -> None:
    one = record_presentation(store, deck_file, "2026-05-19", "EM", "postponed")
    two = record_presentation(store, deck_file, "2026-09-22", "EM", "postponed")
    store.workspace.presentations.append(attempt("pr9", "2026-10-01", "no_decision"))  # no deck recorded: skipped
    assert verify_archive(store) == []
    folder = store.folder
    assert folder is not None
    (folder / one.deck_file).write_bytes(b"edited afterwards")
    (folder / two.deck_file).unlink()
    problems = verify_archive(store)
    found = [(p.number, p.presentation_id, p.actual is None) for p in problems]
    assert found == [(1, one.id, False), (2, two.id, True)]
    assert problems[0].expected == one.deck_sha256 != problems[0].actual


def test_an_objection_counts_as_answered_by_the_attempt_whose_deck_answered_it(store: WorkspaceStore,
                                                                              deck_file: Path) -> None:
    first = record_presentation(store, deck_file, "2026-05-19", "EM", "postponed", objections=["Cost?", "Time?"])
    record_presentation(store, deck_file, "2026-09-22", "EM", "partly_approved")  # nothing answered yet
    answered = PRESENTATIONS.find(store.workspace, first.id)
    answered.objections[1].answer = "Two hours a month"
    store.update(PRESENTATIONS, answered)
    third = record_presentation(store, deck_file, "2026-12-08", "EM", "approved")
    kept = PRESENTATIONS.find(store.workspace, first.id).objections[1]
    assert kept.status == "answered" and kept.answered_in == third.id
    attempts = history(store.workspace).attempts
    assert [a.changes.objections_answered for a in attempts] == [(), (), ("Time?",)]


def test_answered_in_must_name_a_presentation(ws: Workspace) -> None:
    from briefing.errors import ValidationError
    from briefing.model import integrity

    ws.presentations = [attempt("pr1", "2026-05-19", "postponed", Objection("Cost?", "answered", "Cheap", "pr9"))]
    with pytest.raises(ValidationError) as raised:
        integrity.check(ws)
    assert raised.value.path == "presentations[0].objections[0].answered_in"
