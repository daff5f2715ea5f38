"""Readiness: each of the six steps at its boundaries, with its reason and next step in both languages."""

from __future__ import annotations

import dataclasses
from typing import Any

from briefing.clock import FixedClock
from briefing.guide.readiness import readiness
from briefing.model.entities import DeckSettings, Initiative, Measurement, Phase, Problem, Workspace
from guide.builders import day, person, talk

TODAY = FixedClock.on("2026-11-27")


def steps(ws: Workspace, today: Any = TODAY) -> dict[str, Any]:
    return {s.key: s for s in readiness(ws, today, include_deck=False).steps}


def test_a_complete_campaign_is_done_on_the_first_five_steps(ws: Workspace) -> None:
    result = readiness(ws, TODAY, include_deck=False)
    assert [(s.key, s.status) for s in result.steps] == [
        ("allies", "done"), ("leadership", "done"), ("proof", "done"), ("problems", "done"), ("plan", "done")]
    assert result.ready and result.done == 5


# -- allies --------------------------------------------------------------------------------


def test_an_ally_due_today_still_counts_as_engaged_and_overdue_the_day_after(ws: Workspace) -> None:
    # three allies, talked to on 20 Nov with a 30-day cadence: due on 20 Dec
    assert steps(ws, day("2026-12-20"))["allies"].status == "done"
    late = steps(ws, day("2026-12-21"))["allies"]
    assert late.status == "attention"
    assert late.reason.message("en") == (
        "0 of 3 allies are engaged within their cadence; the method asks for at least 3 and 70 %.")
    assert late.next.message("en") == "Talk with the allies who are overdue: Anne, Bo, Carl."


def test_fewer_allies_than_the_minimum_asks_to_win_more(ws: Workspace) -> None:
    ws.stakeholders[2].stance = "neutral"
    allies = steps(ws)["allies"]
    assert allies.status == "attention"
    assert allies.next.message("en").startswith("Win one more ally:")
    assert allies.next.message("da").startswith("Vind én allieret mere:")
    ws.stakeholders[1].stance = "neutral"
    assert steps(ws)["allies"].next.message("en").startswith("Win 2 more allies:")


def test_the_share_of_allies_within_cadence_is_a_threshold(ws: Workspace) -> None:
    ws.stakeholders += [person("x1", "Xena"), person("x2", "Yves")]  # never talked to: 3 of 5 = 60 % < 70 %
    assert steps(ws)["allies"].status == "attention"
    ws.guide = dataclasses.replace(ws.guide, allies_within_cadence=0.6)
    assert steps(ws)["allies"].status == "done"


def test_no_ally_at_all_is_missing() -> None:
    allies = steps(Workspace())["allies"]
    assert allies.status == "missing"
    assert "supporter" in allies.reason.message("en")


# -- leadership ----------------------------------------------------------------------------


def test_leadership_needs_air_until_the_day_the_window_clears(ws: Workspace) -> None:
    talk(ws, "l1", "2026-11-10")
    talk(ws, "l1", "2026-11-20", references=2)  # 3 contacts, 3 references within 42 days
    step = steps(ws)["leadership"]
    assert step.status == "attention"
    # the 1 Nov contact (1 reference) leaves the 42-day window on 13 Dec
    assert step.next.message("en") == "Give them air until 13 December 2026: no meetings, no links, no reports."
    assert step.next.message("da") == (
        "Giv dem luft indtil 13. december 2026: ingen møder, ingen links, ingen rapporter.")
    assert steps(ws, day("2026-12-12"))["leadership"].status == "attention"
    assert steps(ws, day("2026-12-13"))["leadership"].status == "done"


def test_at_the_limit_leadership_is_done_but_warned(ws: Workspace) -> None:
    talk(ws, "l1", "2026-11-10")
    step = steps(ws)["leadership"]
    assert step.status == "done"
    assert step.next.message("en").startswith("You are at the limit")


def test_no_decision_maker_is_missing(ws: Workspace) -> None:
    ws.stakeholders[-1].decision_maker = False
    assert steps(ws)["leadership"].status == "missing"


# -- proof ---------------------------------------------------------------------------------


def test_no_kpi_measured_is_attention_naming_the_initiative(ws: Workspace) -> None:
    ws.initiatives[0].kpis[0].measurements = []
    step = steps(ws)["proof"]
    assert step.status == "attention"
    assert step.reason.message("en") == "One initiative, but no KPI has both a baseline and a measurement."
    assert "“Contract pilot”" in step.next.message("en")


def test_a_measurement_counts_from_its_own_date(ws: Workspace) -> None:
    ws.initiatives[0].kpis[0].measurements = [Measurement(day("2026-11-27"), 30)]
    assert steps(ws, day("2026-11-26"))["proof"].status == "attention"
    assert steps(ws, day("2026-11-27"))["proof"].status == "done"


def test_a_kpi_without_baseline_is_not_measured(ws: Workspace) -> None:
    ws.initiatives[0].kpis[0].baseline = None
    assert steps(ws)["proof"].status == "attention"


def test_initiatives_without_kpis_and_no_initiatives(ws: Workspace) -> None:
    ws.initiatives.append(Initiative(id="i2", title="Wiki"))
    ws.initiatives[0].kpis = []
    assert steps(ws)["proof"].reason.message("en") == "2 initiatives, but none has a KPI."
    ws.initiatives = []
    assert steps(ws)["proof"].status == "missing"


# -- problems ------------------------------------------------------------------------------


def test_the_top_problems_must_each_reach_a_csf_and_an_activity(ws: Workspace) -> None:
    ws.problems.append(Problem(id="p3", title="Duplicate drawings", severity=5))
    step = steps(ws)["problems"]
    assert step.status == "attention"
    assert step.reason.message("en") == "One of the top 3 problems lacks a CSF or an activity: Duplicate drawings."
    assert step.next.message("en") == "Name the critical success factor that solves “Duplicate drawings”."


def test_a_problem_with_a_csf_but_no_activity_asks_for_the_link(ws: Workspace) -> None:
    ws.phases[0].csf_ids = []  # p2 was traced through phase 1 only
    step = steps(ws)["problems"]
    assert step.status == "attention"
    assert "“Lessons are lost”" in step.next.message("en") and "initiative" in step.next.message("en")


def test_a_fourth_less_severe_problem_does_not_hold_readiness_back(ws: Workspace) -> None:
    ws.problems += [Problem(id="p3", title="Slow onboarding", severity=4),
                    Problem(id="p4", title="Printer queues", severity=1)]
    ws.csfs[1].problem_ids.append("p3")
    assert steps(ws)["problems"].status == "done"


def test_no_problem_is_missing() -> None:
    assert steps(Workspace())["problems"].status == "missing"


# -- plan ----------------------------------------------------------------------------------


def test_a_plan_whose_first_phase_is_medium_risk_needs_attention(ws: Workspace) -> None:
    ws.phases[0].risk = "medium"
    step = steps(ws)["plan"]
    assert step.status == "attention"
    assert step.reason.message("en") == "The plan starts with “Prove it”, whose risk is medium."
    assert step.reason.message("da") == "Planen starter med »Prove it«, hvis risiko er middel."


def test_the_first_phase_is_the_earliest_not_the_first_entered(ws: Workspace) -> None:
    ws.phases.insert(0, Phase(id="ph0", name="Big bang", start=day("2027-06-01"), risk="high"))
    assert steps(ws)["plan"].status == "done"
    ws.phases.append(Phase(id="ph9", name="Early risk", start=day("2026-01-01"), risk="high"))
    assert "“Early risk”" in steps(ws)["plan"].reason.message("en")


def test_a_single_phase_is_not_a_plan_in_phases(ws: Workspace) -> None:
    del ws.phases[1]
    assert steps(ws)["plan"].status == "attention"
    assert steps(ws)["plan"].next.message("en").startswith("Split the plan into at least 2 phases")
    ws.phases = []
    assert steps(ws)["plan"].status == "missing"


# -- deck ----------------------------------------------------------------------------------


def test_a_breach_the_real_lint_finds_makes_the_deck_not_ready_and_the_reason_quotes_it(ws: Workspace) -> None:
    from briefing.deck import check

    def blocking() -> list[Any]:  # the business case's warnings (no cost, no benefit here) do not block
        return [f for f in check(ws, today=TODAY.today()) if f.severity == "error"]

    ws.deck = DeckSettings(title="Contracts we can find", ask="Approve phase 2 for 1.2 M DKK")
    assert blocking() == [] and readiness(ws, TODAY).ready
    ws.deck = DeckSettings(title="Contracts", ask="Approve it")  # too short to be an action title
    [finding] = blocking()
    result = readiness(ws, TODAY)
    assert not result.ready and result.step("deck").status == "attention"
    assert result.step("deck").reason.message("en") == (
        f"The lint finds one problem in the deck: {finding.message('en')}")
    assert result.step("deck").reason.message("da") == (
        f"Kontrollen finder ét problem i præsentationen: {finding.message('da')}")


def test_the_deck_step_runs_the_real_lint(ws: Workspace) -> None:
    ws.deck = DeckSettings(title="Contracts we can find", ask="Approve phase 2 for 1.2 M DKK")
    assert readiness(ws, TODAY).ready
    ws.deck = DeckSettings(title="Contracts", ask="Approve it")  # too short to be an action title
    deck = readiness(ws, TODAY).step("deck")
    assert deck.status == "attention" and deck.reason.message("en").startswith("The lint finds")
    assert deck.next.message("da") == "Ret det, kontrollen viser, i præsentationsværktøjet, og eksportér derefter."


def test_a_deck_without_an_ask_is_missing_however_clean(ws: Workspace) -> None:
    ws.deck = DeckSettings(title="Contracts we can find", ask="  ")
    deck = readiness(ws, TODAY).step("deck")
    assert deck.status == "missing"
    assert "ask" in deck.reason.message("en") and "anmodning" in deck.next.message("da")
