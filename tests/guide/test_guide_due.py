"""What is due: one list, soonest first, of follow-ups, open next steps, allies due for contact and
the next attempt, each with its date, what, who and where it comes from; overdue marked."""

from __future__ import annotations

from briefing.guide.due import due, step_done
from briefing.guide.due_wording import what, when, where
from briefing.model.entities import Campaign, NextStep, Presentation, Workspace
from guide.builders import day, person, talk

TODAY = day("2026-11-27")


def workspace() -> Workspace:
    ws = Workspace(campaign=Campaign(name="Test", started=day("2026-01-05")))
    ws.stakeholders = [person("a1", "Anne"), person("a2", "Bo", cadence=10), person("n1", "Nina", "neutral")]
    talk(ws, "a1", "2026-11-20").follow_up = day("2026-12-01")  # Anne: within cadence, follow-up ahead
    talk(ws, "a2", "2026-11-10")  # Bo: cadence ran out on 20 November
    talk(ws, "n1", "2026-10-01").follow_up = day("2026-10-15")  # Nina: a follow-up long overdue
    steps = [NextStep("Send the business case", owner="Anne", due=day("2026-11-25")),
             NextStep("Book the room", due=day("2026-12-03"), done=True),
             NextStep("Ask Finance for figures")]
    ws.presentations = [Presentation(id="pr1", date=day("2026-09-22"), audience="Board", next_steps=steps,
                                     next_attempt=day("2026-12-08"))]
    return ws


def test_everything_due_comes_in_one_list_soonest_first_with_overdue_marked() -> None:
    items = due(workspace(), TODAY)
    assert [(i.kind, i.day and i.day.isoformat(), i.overdue) for i in items] == [
        ("follow_up", "2026-10-15", True),
        ("cadence", "2026-11-20", True),
        ("next_step", "2026-11-25", True),
        ("follow_up", "2026-12-01", False),
        ("next_attempt", "2026-12-08", False),
        ("next_step", None, False),  # a step without a due date: last, not overdue
    ]
    assert [i.days_overdue for i in items[:3]] == [43, 7, 2]


def test_each_item_says_what_who_and_where_it_comes_from() -> None:
    ws = workspace()
    follow_up, cadence, step, ahead, attempt, undated = due(ws, TODAY)
    assert (step.what, step.who, step.source, step.source_id, step.index) == (
        "Send the business case", "Anne", "presentations", "pr1", 0)
    assert (undated.index, undated.who) == (2, "")
    assert (cadence.who, cadence.stakeholder_id, cadence.source) == ("Bo", "a2", "stakeholders")
    assert str(what(follow_up)) == "Follow up with Nina"
    assert str(when(follow_up)) == "43 days overdue"
    assert str(where(follow_up, ws)) == "Dialogue on 1 October 2026 (meeting)"
    assert str(what(cadence)) == "Talk to Bo" and str(where(cadence, ws)) == "Cadence: every 10 days"
    assert str(where(step, ws)) == "Attempt 1 on 22 September 2026"
    assert str(when(ahead)) == "in 4 days" and str(when(undated)) == "no date"
    assert str(what(attempt)) == "Next attempt: Board"
    assert what(attempt).message("da") == "Næste forsøg: Board"
    assert when(follow_up).message("da") == "43 dage for sent"


def test_a_step_done_and_a_follow_up_answered_by_a_later_contact_are_no_longer_due() -> None:
    ws = workspace()
    ws.presentations[0].next_steps[0].done = True
    talk(ws, "n1", "2026-11-02")
    kinds = [(i.kind, i.what) for i in due(ws, TODAY)]
    assert ("next_step", "Send the business case") not in kinds
    assert not [i for i in due(ws, TODAY) if i.kind == "follow_up" and i.stakeholder_id == "n1"]


def test_a_contact_planned_after_today_does_not_answer_a_follow_up() -> None:
    ws = workspace()
    talk(ws, "n1", "2026-12-20")
    assert [i for i in due(ws, TODAY) if i.kind == "follow_up" and i.stakeholder_id == "n1"]


def test_a_date_today_is_due_not_overdue_and_one_day_reads_singular() -> None:
    ws = workspace()
    items = {i.kind: i for i in due(ws, day("2026-12-07"))}
    assert str(when(items["next_attempt"])) == "tomorrow"
    on_the_day = {i.kind: i for i in due(ws, day("2026-12-08"))}["next_attempt"]
    assert (on_the_day.overdue, str(when(on_the_day))) == (False, "today")
    late = {i.kind: i for i in due(ws, day("2026-12-09"))}["next_attempt"]
    assert (late.overdue, str(when(late)), when(late).message("da")) == (True, "1 day overdue", "1 dag for sent")


def test_only_the_latest_presentations_next_attempt_counts() -> None:
    ws = workspace()
    ws.presentations.append(Presentation(id="pr2", date=day("2026-12-08"), audience="Board"))
    assert not [i for i in due(ws, TODAY) if i.kind == "next_attempt"]


def test_an_ally_never_talked_to_in_a_campaign_without_a_start_comes_first() -> None:
    ws = workspace()
    ws.campaign.started = None
    ws.stakeholders.append(person("a3", "Carl", "champion"))
    first = due(ws, TODAY)[0]
    assert (first.kind, first.who, first.day, first.overdue, str(when(first))) == (
        "cadence", "Carl", None, True, "overdue")


def test_a_step_ticked_done_is_an_edit_of_its_presentation_only() -> None:
    ws = workspace()
    step = next(item for item in due(ws, TODAY) if item.kind == "next_step" and item.what == "Ask Finance for figures")
    old, changed = step_done(ws, step)
    assert old is ws.presentations[0] and [s.done for s in changed.next_steps] == [False, True, True]
    assert [s.done for s in ws.presentations[0].next_steps] == [False, True, False]  # the workspace is untouched
