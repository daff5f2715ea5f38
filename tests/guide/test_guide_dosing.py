"""Leadership dosing: the window, the limits, and the day the air is over."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.clock import FixedClock
from briefing.guide.dosing import dose
from briefing.model.entities import Workspace
from guide.builders import day, person, talk


def leadership(*contacts: tuple[str, int]) -> Workspace:
    ws = Workspace()
    ws.stakeholders = [person("ceo", "Chief", "neutral", leader=True), person("ally", "Ally")]
    for date, references in contacts:
        talk(ws, "ceo", date, references)
    return ws


def test_one_contact_too_many_asks_for_air_until_the_oldest_leaves_the_window() -> None:
    ws = leadership(("2026-10-01", 0), ("2026-10-20", 0), ("2026-11-10", 0))  # window 42 days, max 2 contacts
    flooded = dose(ws, FixedClock.on("2026-11-11"))
    assert (len(flooded.contacts), flooded.status, flooded.air_until) == (3, "give_air", day("2026-11-12"))
    assert flooded.window_start == day("2026-10-01")
    clear = dose(ws, FixedClock.on("2026-11-12"))
    assert (len(clear.contacts), clear.status, clear.air_until) == (2, "ok", None)
    assert clear.contacts_left == 0


def test_too_many_references_ask_for_air_until_the_day_they_leave_the_window() -> None:
    ws = leadership(("2026-11-01", 3))  # max 2 references
    assert dose(ws, day("2026-12-12")).air_until == day("2026-12-13")
    assert dose(ws, day("2026-12-12")).status == "give_air"
    assert dose(ws, day("2026-12-13")).status == "ok"
    assert dose(ws, day("2026-12-13")).references == 0


def test_the_air_date_waits_for_the_later_of_the_two_limits() -> None:
    ws = leadership(("2026-10-15", 0), ("2026-10-16", 0), ("2026-11-01", 0), ("2026-11-20", 5))
    flooded = dose(ws, day("2026-11-21"))
    assert flooded.references == 5 and len(flooded.contacts) == 4
    assert flooded.air_until == day("2027-01-01")  # contacts clear on 27 Nov, the five references on 1 Jan
    assert dose(ws, day("2026-11-27")).status == "give_air"
    assert dose(ws, day("2026-12-31")).status == "give_air"
    assert dose(ws, day("2027-01-01")).status == "ok"


def test_at_the_limits_the_dose_is_still_ok() -> None:
    ws = leadership(("2026-11-01", 1), ("2026-11-02", 1))
    at_limit = dose(ws, day("2026-11-27"))
    assert at_limit.status == "ok" and (at_limit.contacts_left, at_limit.references_left) == (0, 0)


@pytest.mark.parametrize(("date", "inside"), [("2026-10-17", True), ("2026-10-16", False)])
def test_the_window_holds_the_last_42_days_today_included(date: str, inside: bool) -> None:
    ws = leadership((date, 0))
    assert len(dose(ws, day("2026-11-27")).contacts) == (1 if inside else 0)


def test_only_decision_makers_count_and_planned_contacts_do_not() -> None:
    ws = leadership(("2026-11-30", 9))
    for date in ("2026-11-01", "2026-11-02", "2026-11-03"):
        talk(ws, "ally", date, 4)
    assert dose(ws, day("2026-11-27")).status == "ok"
    assert dose(ws, day("2026-11-30")).status == "give_air"


def test_the_thresholds_are_the_workspace_settings() -> None:
    ws = leadership(("2026-11-01", 0), ("2026-11-02", 0), ("2026-11-03", 0))
    assert dose(ws, day("2026-11-27")).status == "give_air"
    ws.guide = dataclasses.replace(ws.guide, max_leadership_contacts=3, leadership_window_days=10)
    assert dose(ws, day("2026-11-27")).contacts == ()
    assert dose(ws, day("2026-11-05")).status == "ok"
