"""The pre-read's page as plain data: what it carries, and who it never names."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefing.model.entities import Workspace
from briefing.preread.content import build_preread, drop_one

TODAY = dt.date(2026, 11, 27)


def text_of(workspace: Workspace, **options: object) -> str:
    return " ".join(build_preread(workspace, today=TODAY, **options).texts())  # type: ignore[arg-type]


def hidden_names(workspace: Workspace) -> list[str]:
    return [person.name for person in workspace.stakeholders if not person.named_in_decks]


def test_the_page_carries_the_ask_its_cost_payback_and_the_phase_asked(demo: Workspace) -> None:
    page = build_preread(demo, today=TODAY, lang="en")
    assert page.ask == demo.deck.ask
    figures = {figure.value for figure in page.figures}
    assert "DKK 1,200,000" in figures  # the cost of phase 2, the phase asked
    assert "6.9 months" in figures  # 1.2 M against 2,088,000 a year
    phases = page.block("phases")
    assert phases is not None
    marked = [item for item in phases.items if item.marked]
    assert [item.lead for item in marked] == ["Phase 2: Legal and Sales"]
    assert marked[0].text.startswith("Asked now")
    proof = page.block("proof")
    assert proof is not None and len(proof.items) == 3
    assert any("from 45 to 8" in item.text for item in proof.items)  # numbers, not adjectives
    why = page.block("why")
    assert why is not None and why.items[0].lead == "Signed contracts cannot be found quickly"


def test_since_last_time_shows_the_answers_written_and_the_last_outcome(demo: Workspace) -> None:
    page = build_preread(demo, today=TODAY, lang="en")
    since = page.block("since")
    assert since is not None
    assert since.items[0].lead == "The meeting on 22 Sep 2026" and since.items[0].text == "Partly approved"
    assert any(item.lead == "Show the benefit in kroner, not minutes." for item in since.items)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_nobody_is_named_without_consent_and_no_feedback_leaves_the_app(demo: Workspace, lang: str) -> None:
    workspace = dataclasses.replace(demo)
    hidden = next(p for p in workspace.stakeholders if not p.named_in_decks and p.decision_maker)
    # a name typed into free text: the ask and an answer
    workspace.deck = dataclasses.replace(workspace.deck, ask=f"Approve phase 2, as {hidden.name} proposed")
    objection = workspace.presentations[-1].objections[0]
    objection.answer = f"{hidden.name.split()[0]} and Controlling made the business case."
    text = text_of(workspace, lang=lang)
    for name in hidden_names(workspace):
        assert name not in text
    assert hidden.name.split()[0] not in text
    assert f"as {hidden.role} proposed" in text  # the role stands where the name was
    for presentation in workspace.presentations:
        assert presentation.feedback and presentation.feedback[:40] not in text


def test_anonymize_names_nobody_not_even_those_who_consented(demo: Workspace) -> None:
    consenting = [p.name for p in demo.stakeholders if p.named_in_decks]
    assert consenting
    demo.presentations[-1].objections[0].answer = f"{consenting[0]} checked the figures."
    plain = text_of(demo)
    assert consenting[0] in plain  # consent: may be named
    anonymous = text_of(demo, settings=dataclasses.replace(demo.deck, anonymize=True))
    assert not [name for name in consenting if name in anonymous]
    assert demo.campaign.owner.split(",")[0] not in anonymous


def test_the_danish_page_writes_money_and_months_the_danish_way(demo_da: Workspace) -> None:
    page = build_preread(demo_da, today=TODAY, lang="da")
    values = [figure.value for figure in page.figures]
    assert values[0] == "1.200.000 kr." and values[-1] == "6,9 måneder"
    assert page.kicker.startswith("Til forberedelse")


def test_a_workspace_without_money_or_phases_still_has_an_ask_and_no_empty_parts() -> None:
    page = build_preread(Workspace(), today=TODAY, lang="en")
    assert page.ask == "No decision is asked for yet."
    assert page.figures == () and page.blocks == ()


def test_dropping_takes_the_least_important_item_first_and_never_the_phase_asked(demo: Workspace) -> None:
    page = build_preread(demo, today=TODAY, lang="en")
    since = page.block("since")
    assert since is not None
    smaller = drop_one(page)
    assert smaller is not None
    assert len(smaller.block("since").items) == len(since.items) - 1  # type: ignore[union-attr]
    while (next_page := drop_one(smaller)) is not None:
        smaller = next_page
    phases = smaller.block("phases")
    assert phases is not None and any(item.marked for item in phases.items)
    assert smaller.ask == page.ask and smaller.figures == page.figures


def test_a_survey_finding_carries_its_n_once(demo: Workspace) -> None:
    page = build_preread(demo, today=TODAY, lang="en")
    survey = [item for item in page.block("proof").items if item.lead.startswith("Survey")]  # type: ignore[union-attr]
    assert [item.lead for item in survey] == ["Survey"]  # the finding says "(n = 48)" itself
    latest = max(demo.surveys, key=lambda s: s.date)  # type: ignore[arg-type, return-value]
    latest.findings = ["Most now find the contract they need."]
    page = build_preread(demo, today=TODAY, lang="en")
    assert page.block("proof").items[-1].lead == f"Survey (n = {len(latest.responses)})"  # type: ignore[union-attr]


def test_the_page_is_dated_for_the_next_attempt_unless_the_deck_has_a_date(demo: Workspace) -> None:
    demo.presentations[-1].next_attempt = dt.date(2027, 2, 9)
    undated = dataclasses.replace(demo.deck, date=None)
    assert "9 February 2027" in build_preread(demo, undated, TODAY, "en").kicker
    assert "8 December 2026" in build_preread(demo, today=TODAY, lang="en").kicker  # the date the user set
    demo.presentations[-1].next_attempt = dt.date(2026, 1, 5)  # already past: today
    assert "27 November 2026" in build_preread(demo, undated, TODAY, "en").kicker
