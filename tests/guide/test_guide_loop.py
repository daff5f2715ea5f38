"""The loop moves on: the next deck is dated for the next attempt, an approval moves the phase on,
readiness says what a meeting's outcome means, and a meeting counts as a contact with the leaders there."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.clock import FixedClock
from briefing.deck import plan
from briefing.deck.dating import deck_date
from briefing.guide import dosing
from briefing.guide.presenting import record_presentation
from briefing.guide.readiness import deck_step, readiness
from briefing.model.entities import DeckSettings, NextStep, Objection, Presentation, Workspace
from briefing.store import WorkspaceStore
from guide.builders import day

CLOCK = FixedClock.on("2026-11-27")


@pytest.fixture
def store(tmp_path: Path, ws: Workspace) -> Iterator[WorkspaceStore]:
    opened = WorkspaceStore.open(tmp_path / "ws", CLOCK)
    opened.replace(ws)
    yield opened
    opened.close()


def held(ws: Workspace, outcome: str = "postponed", date: str = "2026-11-20", next_attempt: str | None = "2027-02-09",
         objections: tuple[str, ...] = ("What does it cost?", "Who owns it?"), **more: object) -> Workspace:
    meeting = Presentation(id=f"pr{len(ws.presentations) + 1}", date=day(date), outcome=outcome,  # type: ignore[arg-type]
                           objections=[Objection(text) for text in objections],
                           next_attempt=day(next_attempt) if next_attempt else None, **more)  # type: ignore[arg-type]
    return dataclasses.replace(ws, presentations=[*ws.presentations, meeting])


def lines(ws: Workspace, today: str, lang: str = "en") -> list[str]:
    outlook = readiness(ws, day(today), include_deck=False).outlook
    assert outlook is not None
    return [line.message(lang) for line in outlook.lines]


# -- the next deck's date --------------------------------------------------------------------------


def test_the_next_deck_is_dated_for_the_next_attempt_title_and_footer(ws: Workspace) -> None:
    after = held(ws)
    deck = plan(after, today=day("2026-11-27"))
    assert deck.date == day("2027-02-09") and "9 February 2027" in deck.main[0].caption
    assert deck_date(after, None, day("2026-11-27")).explanation().message("da") == (
        "Dateret 9. februar 2027: næste forsøg, aftalt på mødet 20. november 2026")


def test_a_date_the_user_chose_wins_and_a_passed_next_attempt_gives_way_to_today(ws: Workspace) -> None:
    after = held(ws)
    chosen = dataclasses.replace(after.deck, date=day("2027-03-01"))
    assert plan(after, chosen, today=day("2026-11-27")).date == day("2027-03-01")
    passed = deck_date(after, None, day("2027-02-10"))
    assert (passed.day, passed.reason) == (day("2027-02-10"), "passed")
    assert deck_date(ws, None, day("2026-11-27")).reason == "today"


def test_recording_clears_the_date_chosen_for_the_meeting_so_the_next_deck_moves_on(
        store: WorkspaceStore, deck_file: Path) -> None:
    store.replace(dataclasses.replace(store.workspace, deck=dataclasses.replace(store.workspace.deck,
                                                                                 date=day("2026-12-01"))))
    record_presentation(store, deck_file, "2026-12-01", "Board", "postponed", next_attempt="2027-02-09")
    assert store.workspace.deck.date is None
    assert plan(store.workspace, today=day("2026-12-03")).date == day("2027-02-09")
    later = dataclasses.replace(store.workspace.deck, date=day("2027-02-10"))
    store.replace(dataclasses.replace(store.workspace, deck=later))
    record_presentation(store, deck_file, "2026-10-01", "Board", "postponed")  # an older meeting, recorded late
    assert store.workspace.deck.date == day("2027-02-10")


# -- outcomes move the plan ------------------------------------------------------------------------


def test_an_approval_makes_the_phase_asked_approved_in_one_undoable_step(
        store: WorkspaceStore, deck_file: Path) -> None:
    from briefing.guide.presenting import presentation_edit

    edit = presentation_edit(store, deck_file, "2026-11-20", "Board", "approved")
    edit.apply(store)
    assert [p.status for p in store.workspace.phases] == ["approved", "planned"]
    text = lines(store.workspace, "2026-11-27")
    assert text[0] == "“Prove it” was approved on 20 November 2026."
    assert text[1].startswith("Next: “Roll out” (from 11 January 2027). It needs an ask of its own")
    edit.revert(store)
    assert [p.status for p in store.workspace.phases] == ["planned", "planned"] and not store.workspace.presentations


def test_an_approval_of_a_phase_the_ask_named_frees_the_ask_for_the_next(
        store: WorkspaceStore, deck_file: Path) -> None:
    deck = dataclasses.replace(store.workspace.deck, ask_phase_id="ph2")
    store.replace(dataclasses.replace(store.workspace, deck=deck))
    record_presentation(store, deck_file, "2026-11-20", "Board", "approved")
    assert [p.status for p in store.workspace.phases] == ["planned", "approved"]
    assert store.workspace.deck.ask_phase_id is None


@pytest.mark.parametrize("outcome", ["postponed", "rejected", "partly_approved", "no_decision"])
def test_no_approval_leaves_the_phase_asked_as_it_was(store: WorkspaceStore, deck_file: Path, outcome: str) -> None:
    record_presentation(store, deck_file, "2026-11-20", "Board", outcome)
    assert [p.status for p in store.workspace.phases] == ["planned", "planned"]


def test_partly_approved_says_what_was_granted_and_what_is_still_open(ws: Workspace) -> None:
    after = held(ws, "partly_approved", next_steps=[NextStep("A pilot in Legal")])
    text = lines(after, "2026-11-27", "da")
    assert text[0] == "Delvist godkendt 20. november 2026: »Prove it« er stadig den fase, der bedes om."
    assert text[1] == "Aftalt på mødet: »A pilot in Legal«."
    assert "2 åbne indvendinger: »What does it cost?«, »Who owns it?«." in text


def test_a_postponed_meeting_names_the_objections_the_date_and_what_is_left(ws: Workspace) -> None:
    text = lines(held(ws), "2026-11-27")
    assert text == [
        "Postponed on 20 November 2026.",
        "The method's next move: a smaller first step. Cut “Prove it” down to a low-risk step that costs less.",
        "Next attempt: 9 February 2027, in 74 days.",
        "2 open objections: “What does it cost?”, “Who owns it?”.",
        "Left to do before 9 February 2027: answer 2 objections.",
    ]


def test_the_next_move_follows_what_the_workspace_lacks(ws: Workspace) -> None:
    unmeasured = dataclasses.replace(ws, initiatives=[dataclasses.replace(ws.initiatives[0], kpis=[])])
    assert lines(held(unmeasured, "rejected"), "2026-11-27")[1] == (
        "The method's next move: more proof. Measure the KPIs of “Contract pilot” against their baseline.")
    lonely = dataclasses.replace(ws, stakeholders=[s for s in ws.stakeholders if s.id not in ("a2", "a3")],
                                 dialogues=[d for d in ws.dialogues if d.stakeholder_id not in ("a2", "a3")])
    assert lines(held(lonely, "rejected"), "2026-11-27")[1] == (
        "The method's next move: more allies. Win 2 more and talk to them within their cadence.")
    assert lines(held(lonely, "rejected"), "2026-11-27", "da")[1].startswith("Metodens næste træk: flere allierede.")
    late = dataclasses.replace(ws, dialogues=[dataclasses.replace(d, date=day("2026-09-01"))
                                              if d.stakeholder_id in ("a1", "a2") else d for d in ws.dialogues])
    assert lines(held(late, "rejected"), "2026-11-27")[1] == (
        "The method's next move: more allies. Talk again with those overdue: Anne, Bo.")


def test_what_is_left_counts_objections_unanswered_steps_not_done_and_the_method(ws: Workspace) -> None:
    after = held(ws, objections=("Cost?",), next_steps=[NextStep("Measure"), NextStep("Call IT", done=True)])
    after.presentations[0].objections[0].answer = "1.2 M DKK"
    after.initiatives = [dataclasses.replace(ws.initiatives[0], kpis=[])]
    assert lines(after, "2026-11-27")[-1] == (
        "Left to do before 9 February 2027: finish 1 agreed next step; complete “Local proof”.")
    assert lines(after, "2027-02-08")[2] == "Next attempt: 9 February 2027, tomorrow."


def test_before_the_first_meeting_there_is_no_outlook(ws: Workspace) -> None:
    assert lines(ws, "2026-11-27") == []


# -- a meeting is a contact with the leaders who attend ----------------------------------------------


def test_each_decision_maker_at_a_presentation_counts_as_a_contact_on_its_date(ws: Workspace) -> None:
    before = dosing.dose(ws, day("2026-11-27"))
    after = held(ws, attendee_ids=["l1", "a1"])
    dose = dosing.dose(after, day("2026-11-27"))
    assert len(dose.contacts) == len(before.contacts) + 1  # l1 is a decision maker, a1 is not
    assert dose.contacts[-1].date == day("2026-11-20") and dose.contacts[-1].stakeholder_id == "l1"
    flooded = held(after, "postponed", "2026-11-25", attendee_ids=["l1"])
    assert dosing.dose(flooded, day("2026-11-27")).status == "give_air"
    assert readiness(flooded, day("2026-11-27"), include_deck=False).step("leadership").status == "attention"


def test_a_meeting_already_logged_as_a_dialogue_counts_once(ws: Workspace) -> None:
    logged = dataclasses.replace(ws.dialogues[-1], id="d9", date=day("2026-11-20"))
    ws.dialogues.append(logged)
    after = held(ws, attendee_ids=["l1"])
    assert len(dosing.dose(after, day("2026-11-27")).contacts) == len(dosing.dose(ws, day("2026-11-27")).contacts)


def test_the_dose_chart_counts_the_meeting(ws: Workspace) -> None:
    from briefing.charts.build import leadership_dose

    chart = leadership_dose(held(ws, attendee_ids=["l1"]), "en", day("2026-11-27"))
    assert sum(chart.series[0].values) == 2


def test_a_clean_deck_is_to_be_exported_for_the_meeting_already_booked(ws: Workspace) -> None:
    ws.deck = DeckSettings(title="Contracts we can find", ask="Approve phase 2 for 1.2 M DKK")
    assert deck_step(ws, day("2026-11-27")).next.message("en") == "Export the deck and book the meeting."
    meeting = held(ws)
    assert deck_step(meeting, day("2026-11-27")).status == "attention"  # the lint: objections without an answer
    for objection in meeting.presentations[-1].objections:
        objection.answer = "Answered in the business case."
    booked = deck_step(meeting, day("2026-11-27"))
    assert booked.status == "done"
    assert booked.next.message("da") == "Eksportér præsentationen til næste forsøg 9. februar 2027."
