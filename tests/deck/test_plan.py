"""The deck plan as plain data: storyline, budgets, notes, languages, anonymity."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefing.deck import plan
from briefing.deck.model import SECTIONS
from briefing.deck.sanitize import clean
from briefing.deck.wording import brief, phrase, words
from briefing.errors import InputError
from briefing.model.entities import Objection, Presentation, Reference, Workspace


def test_the_demo_deck_tells_the_story_answer_first(demo: Workspace, today: dt.date) -> None:
    deck = plan(demo, today=today)
    kinds = [slide.kind for slide in deck.main]
    assert kinds == ["title", "summary", "since", "problems", "proof", "business_case", "survey", "allies", "roadmap",
                     "decision"]  # ten main slides: what must succeed, the last in priority, is in the appendix
    assert "csfs" in [slide.kind for slide in deck.appendix]
    assert deck.slides[len(deck.main)].kind == "divider"
    assert deck.slides[len(deck.main)].title == "Appendix"
    assert {"method", "sources", "history"} <= {slide.kind for slide in deck.appendix}
    assert deck.main[1].title.startswith("Approve phase 2")


def test_the_title_slide_shows_the_attempt_number_only_when_asked_after_the_first(demo: Workspace,
                                                                                  today: dt.date) -> None:
    assert "attempt" not in plan(demo, today=today).main[0].caption  # a board need not count
    assert "attempt 3" in plan(demo, today=today).main[0].notes
    assert "attempt 3" in plan(demo, today=today, show_attempt=True).main[0].caption
    first = dataclasses.replace(demo, presentations=[])
    assert "attempt" not in plan(first, today=today, show_attempt=True).main[0].caption


def test_since_last_time_only_when_the_last_presentation_left_open_objections(demo: Workspace, today: dt.date
                                                                              ) -> None:
    assert "since" in [s.kind for s in plan(demo, today=today).main]
    closed = [dataclasses.replace(p, objections=[dataclasses.replace(o, status="answered") for o in p.objections])
              for p in demo.presentations]
    assert "since" not in [s.kind for s in plan(dataclasses.replace(demo, presentations=closed), today=today).slides]
    table = next(s for s in plan(demo, today=today).main if s.kind == "since").table
    assert table is not None and table.header == ["What you asked", "Our answer"]
    assert all(row[1].startswith("✓") for row in table.rows)


def test_a_tight_slide_budget_moves_sections_to_the_appendix_never_drops_them(demo: Workspace, today: dt.date
                                                                             ) -> None:
    full = plan(demo, today=today)
    tight = plan(demo, dataclasses.replace(demo.deck, max_slides=4), today=today)
    assert len(tight.main) == 4
    assert [s.kind for s in tight.main] == ["title", "summary", "since", "decision"]
    assert sorted(s.kind for s in tight.slides) == sorted(s.kind for s in full.slides)
    moved = [s.kind for s in tight.appendix]
    assert {"problems", "csfs", "proof", "survey", "allies", "roadmap"} <= set(moved)


def test_chosen_sections_keep_the_storyline_order(demo: Workspace, today: dt.date) -> None:
    settings = dataclasses.replace(demo.deck, sections=["decision", "proof", "summary"])
    assert [s.kind for s in plan(demo, settings, today=today).main] == ["title", "summary", "proof", "kpis", "decision"]
    with pytest.raises(InputError, match="unknown section"):
        plan(demo, dataclasses.replace(demo.deck, sections=["gossip"]), today=today)


def test_at_most_two_external_references_on_the_main_slides_all_in_the_appendix(demo: Workspace, today: dt.date
                                                                                ) -> None:
    many = [Reference(id=f"x{i}", title=f"Report {i}", publisher=f"Analyst {i}", year=2020 + i, kind="analyst")
            for i in range(6)]
    workspace = dataclasses.replace(demo, references=many)
    deck = plan(workspace, today=today)
    shown = {ref for slide in deck.main for ref in slide.references}
    assert 0 < len(shown) <= 2
    sources = " ".join(b for s in deck.appendix if s.kind == "sources" for b in s.bullets)
    assert all(f"Report {i}" in sources for i in range(6))


def test_every_slide_has_speaker_notes_and_a_title(demo: Workspace, demo_da: Workspace, today: dt.date) -> None:
    for workspace in (demo, demo_da):
        for slide in plan(workspace, today=today).slides:
            assert slide.notes.strip(), slide.kind
            assert slide.title.strip(), slide.kind


def test_main_slides_stay_within_the_bullet_and_word_budgets(demo: Workspace, demo_da: Workspace,
                                                            today: dt.date) -> None:
    for workspace in (demo, demo_da):
        for slide in plan(workspace, today=today).main:
            assert len(slide.bullets) <= 5
            if slide.kind != "since":  # the board's questions and our answers are shown whole, never to a budget
                assert sum(words(t) for t in slide.body_texts()) <= 40, slide.kind


def test_anonymize_names_no_one_not_even_who_consented(demo: Workspace, today: dt.date) -> None:
    names = [p.name for p in demo.stakeholders]
    assert any(p.named_in_decks for p in demo.stakeholders)
    settings = dataclasses.replace(demo.deck, anonymize=True)
    deck = plan(demo, settings, today=today)
    text = " ".join(_all_text(slide) for slide in deck.slides)
    assert not [name for name in names if name in text]
    allies = next(s for s in deck.main if s.kind == "allies")
    assert allies.chart is not None and not any(label for s in allies.chart.series for label in s.point_labels or [])
    named = " ".join(_all_text(s) for s in plan(demo, today=today).slides)
    assert any(name in named for name in names)


def _all_text(slide) -> str:  # type: ignore[no-untyped-def]
    chart = slide.chart
    labels = [lab for s in chart.series for lab in (s.point_labels or [])] if chart else []
    return " ".join([slide.title, slide.subtitle, slide.caption, slide.notes, *slide.body_texts(), *labels])


def test_danish_and_english_fixed_texts(demo: Workspace, demo_da: Workspace, today: dt.date) -> None:
    en, da = plan(demo, today=today), plan(demo_da, today=today)
    assert en.lang == "en" and da.lang == "da"
    assert da.slides[len(da.main)].title == "Bilag"
    assert "forsøg 3" in plan(demo_da, today=today, show_attempt=True).main[0].caption
    assert "8. december 2026" in da.main[0].caption
    assert any(s.callout.startswith("Beslutning i dag: godkend Fase 2") for s in da.main)
    assert any(s.callout.startswith("Decision needed today: approve Phase 2") for s in en.main)
    since = next(s for s in da.main if s.kind == "since")
    assert since.table is not None and since.table.header == ["Det spurgte I om", "Vores svar"]
    english = dataclasses.replace(demo_da.deck, language="en")
    assert plan(demo_da, english, today=today).slides[len(en.main)].title == "Appendix"


def test_an_empty_workspace_still_gives_a_title_and_an_appendix(today: dt.date) -> None:
    deck = plan(Workspace(), today=today)
    assert [s.kind for s in deck.slides] == ["title", "summary", "decision", "divider"]


def test_brief_keeps_whole_text_or_a_whole_sentence_or_phrase_never_a_cut() -> None:
    assert brief("Short and sweet.", 5) == "Short and sweet."
    assert brief("First sentence here. Second one is longer than that.", 5) == "First sentence here."
    ten = "one two three four five six seven eight nine ten"
    assert brief(ten, 4) == ten
    assert brief("Two near-lawsuits in 2025 when the signed version could not be produced", 6) == (
        "Two near-lawsuits in 2025")  # a whole phrase, never a cut with …
    assert words("1,200,000 DKK and 45 min") == 5


def test_sections_constant_is_the_storyline() -> None:
    assert SECTIONS[0] == "summary" and SECTIONS[-1] == "decision"


def test_since_appears_while_an_earlier_attempts_objection_is_still_open(demo: Workspace, today: dt.date) -> None:
    from briefing.guide.objections import open_objections

    later = Presentation(id="pr9", date=dt.date(2026, 11, 1), objections=[Objection("Fine.", "answered")])
    workspace = dataclasses.replace(demo, presentations=[*demo.presentations, later])
    still_open = open_objections(workspace)
    assert still_open and all(item.presentation.id != "pr9" for item in still_open)
    since = [s for s in plan(workspace, today=today).main if s.kind == "since"]
    assert len(since) == 1 and since[0].table is not None
    continued = [s for s in plan(workspace, today=today).appendix if s.title == "Since last time (continued)"]
    asked = " ".join([*(row[0] for row in since[0].table.rows), *(b for s in continued for b in s.bullets)])
    assert still_open[-1].objection.text in asked  # whole, on the slide or continued in the appendix
    silent = Presentation(id="pr10", date=dt.date(2026, 11, 2))
    quiet = dataclasses.replace(workspace, presentations=[*workspace.presentations, silent])
    assert "since" in [s.kind for s in plan(quiet, today=today).main]


def test_problem_cards_show_a_whole_phrase_and_the_notes_the_whole_impact(demo: Workspace, demo_da: Workspace,
                                                                          today: dt.date) -> None:
    for workspace in (demo, demo_da):
        slide = next(s for s in plan(workspace, today=today).main if s.kind == "problems")
        ranked = sorted(workspace.problems, key=lambda p: -p.severity)
        for card, problem in zip(slide.cards, ranked, strict=False):
            cost = card.lines[0]
            assert not cost.endswith("…") and problem.impact.startswith(cost)
            assert problem.impact in slide.notes
        assert sum(words(t) for t in slide.body_texts()) <= 40
    assert phrase("Two near-lawsuits in 2025 when the signed version could not be found.", 7) == \
        "Two near-lawsuits in 2025"
    assert phrase("Syv oversete frister pr. kvartal, og et åbent ISO-fund.", 6) == "Syv oversete frister pr. kvartal"


def test_the_stakeholder_map_names_only_consenting_decision_makers_and_champions(demo: Workspace,
                                                                                  today: dt.date) -> None:
    slide = next(s for s in plan(demo, today=today).main if s.kind == "allies")
    assert slide.chart is not None
    named = {label for series in slide.chart.series for label in series.point_labels or [] if label}
    key = {p.name for p in demo.stakeholders if p.named_in_decks and p.stance not in ("blocker", "skeptic")
           and (p.decision_maker or p.stance == "champion")}
    assert named and named <= key and len(named) <= 10
    hidden = [p for p in demo.stakeholders if not p.named_in_decks]
    assert hidden and not [p.name for p in hidden if p.name in _all_text(slide)]


def test_a_deliverable_of_format_2_is_shown_by_its_title(demo: Workspace, today: dt.date) -> None:
    decision = next(s for s in plan(demo, today=today).main if s.kind == "decision")
    assert decision.table is not None
    titles = {d.title for d in demo.phases[1].deliverables}
    assert decision.table.rows and all(row[0] in titles for row in decision.table.rows), decision.table.rows
    assert not any("Deliverable(" in cell for row in decision.table.rows for cell in row)


def test_next_steps_beyond_the_word_budget_continue_whole_in_the_appendix_with_a_pointer(
        demo: Workspace, demo_da: Workspace, today: dt.date) -> None:
    for workspace, pointer in ((demo, "in the appendix"), (demo_da, "i bilaget")):
        deck = plan(workspace, today=today)
        for kind in ("since", "decision"):
            slide = next(s for s in deck.main if s.kind == kind)
            assert "…" not in " ".join(slide.body_texts())
        decision = next(s for s in deck.main if s.kind == "decision")
        assert decision.table is not None
        steps = [clean(d.title) for d in next(p for p in workspace.phases if p.id == "ph2").deliverables]
        shown = " ".join(row[0] for row in decision.table.rows)
        continued = " ".join(b for s in deck.appendix for b in s.bullets)
        assert all(step in shown or step in continued for step in steps)
        if any(step not in shown for step in steps):
            assert pointer in decision.caption, decision.caption


def test_the_since_slide_waits_for_an_answer_and_never_opens_with_none_answered(demo: Workspace,
                                                                                today: dt.date) -> None:
    approved = Presentation(id="pr9", date=dt.date(2026, 11, 20), outcome="approved",
                            objections=[Objection("Who pays for phase 3?"), Objection("Who runs it?")])
    closed = [dataclasses.replace(p, objections=[dataclasses.replace(o, status="answered") for o in p.objections])
              for p in demo.presentations]
    workspace = dataclasses.replace(demo, presentations=[*closed, approved])
    assert "since" not in [s.kind for s in plan(workspace, today=today).slides]  # not "0 of 2 answered"
    approved.objections[1].answer = "IT operations, from the first day."
    since = next(s for s in plan(workspace, today=today).main if s.kind == "since")
    assert since.title == "We have answered 1 of the 2 questions you asked last time"
