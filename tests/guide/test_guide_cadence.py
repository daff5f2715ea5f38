"""Ally cadence: due on the day the cadence runs out, overdue from the day after, most overdue first."""

from __future__ import annotations

import pytest

from briefing.clock import FixedClock
from briefing.guide.cadence import ally_cadence, due_today, overdue
from briefing.model.entities import Campaign, Workspace
from guide.builders import day, person, talk


def one_ally(last: str | None = "2026-10-28", cadence: int = 30, started: str | None = "2026-01-01") -> Workspace:
    ws = Workspace(campaign=Campaign(started=day(started) if started else None))
    ws.stakeholders = [person("a", "Anne", cadence=cadence)]
    if last:
        talk(ws, "a", last)
    return ws


@pytest.mark.parametrize(
    ("today", "state", "days"),
    [("2026-11-26", "ok", -1), ("2026-11-27", "due", 0), ("2026-11-28", "overdue", 1)],
)
def test_the_day_the_cadence_runs_out_the_ally_is_due_and_overdue_only_the_day_after(
    today: str, state: str, days: int
) -> None:
    ws = one_ally(last="2026-10-28", cadence=30)  # 28 Oct + 30 days = 27 Nov
    [entry] = ally_cadence(ws, FixedClock.on(today))
    assert (entry.due, entry.state, entry.days_overdue) == (day("2026-11-27"), state, days)
    assert [e.stakeholder.id for e in overdue(ws, FixedClock.on(today))] == (["a"] if state == "overdue" else [])
    assert [e.stakeholder.id for e in due_today(ws, FixedClock.on(today))] == (["a"] if state == "due" else [])


def test_an_ally_never_talked_to_counts_from_the_campaign_start() -> None:
    ws = one_ally(last=None, cadence=14, started="2026-11-01")
    assert ally_cadence(ws, day("2026-11-15"))[0].state == "due"
    [late] = overdue(ws, day("2026-11-16"))
    assert (late.last_dialogue, late.since, late.days_overdue) == (None, day("2026-11-01"), 1)
    assert not late.engaged


def test_without_a_campaign_start_an_ally_never_talked_to_is_overdue_and_listed_first() -> None:
    ws = one_ally(last=None, started=None)
    ws.stakeholders.append(person("b", "Bo", cadence=7))
    talk(ws, "b", "2026-01-01")
    late = overdue(ws, day("2026-11-27"))
    assert [e.stakeholder.id for e in late] == ["a", "b"]
    assert late[0].days_overdue is None and late[1].days_overdue == 323


def test_the_overdue_list_is_most_overdue_first_with_ties_by_name() -> None:
    ws = Workspace(campaign=Campaign(started=day("2026-01-01")))
    ws.stakeholders = [person("c", "Cleo", cadence=10), person("b", "Bo", cadence=10),
                       person("z", "Zara", "champion", cadence=30), person("f", "Fine", cadence=60)]
    talk(ws, "c", "2026-11-01")
    talk(ws, "b", "2026-11-01")
    talk(ws, "z", "2026-10-01")
    talk(ws, "f", "2026-11-01")
    late = overdue(ws, day("2026-11-27"))
    assert [(e.stakeholder.name, e.days_overdue) for e in late] == [("Zara", 27), ("Bo", 16), ("Cleo", 16)]


def test_only_supporters_and_champions_are_allies() -> None:
    ws = Workspace(campaign=Campaign(started=day("2026-01-01")))
    ws.stakeholders = [person(s, stance=s) for s in ("blocker", "skeptic", "neutral", "supporter", "champion")]
    assert [e.stakeholder.id for e in overdue(ws, day("2026-11-27"))] == ["champion", "supporter"]


def test_a_dialogue_planned_after_today_is_not_contact_yet() -> None:
    ws = one_ally(last="2026-10-01", cadence=30)
    talk(ws, "a", "2026-12-01")
    [entry] = ally_cadence(ws, day("2026-11-27"))
    assert entry.last_dialogue == day("2026-10-01") and entry.state == "overdue"
    assert ally_cadence(ws, day("2026-12-01"))[0].state == "ok"
