"""Nobody exposed, on the deck plan (plain data), in the lint, and on the command line: names only with consent,
none when anonymized, support as counts, no critical stance next to who someone is, the feedback private."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import pytest
from privacy_decks import BLOCKER, CEO, CFO, CONSENTING, WATCH, exposed, person

from briefing.charts.build import stakeholder_map
from briefing.charts.labels import over_bubbles
from briefing.charts.spec import ChartSpec
from briefing.cli import main
from briefing.deck import check, plan
from briefing.deck.model import DeckPlan, SlideSpec
from briefing.deck.privacy import protect
from briefing.evidence.naming import Naming
from briefing.model.entities import Objection, Stakeholder, Workspace
from briefing.store import WorkspaceStore


def _texts(slide: SlideSpec) -> str:
    chart = slide.chart
    labels = [label for s in chart.series for label in (s.point_labels or [])] if chart else []
    chart_texts = [chart.title, chart.note, chart.alt_text, *chart.categories] if chart else []
    table = [cell for row in ([slide.table.header, *slide.table.rows] if slide.table else []) for cell in row]
    return " ".join([slide.title, slide.subtitle, slide.caption, slide.callout, slide.notes, *slide.bullets,
                     *(t for c in slide.cards for t in (c.heading, c.label, *c.lines)), *table, *labels,
                     *chart_texts])


def plain_map(workspace: Workspace) -> ChartSpec:
    """The stakeholder map labelled as it was before consent: every decision maker, champion and blocker."""
    key = {p.id for p in workspace.stakeholders if p.decision_maker or p.stance in ("champion", "blocker")}
    return stakeholder_map(workspace, workspace.deck.language, named=key)


def _all(deck: DeckPlan) -> str:
    return " ".join(_texts(slide) for slide in deck.slides)


def test_a_name_typed_into_free_text_is_shown_as_the_role_and_the_lint_says_where(demo: Workspace,
                                                                                   today: dt.date) -> None:
    workspace = exposed(demo)
    cfo = person(workspace, CFO)
    deck = plan(workspace, today=today)
    since = next(s for s in deck.main if s.kind == "since")
    assert since.table is not None
    assert f"{cfo.role} asked what it gives in kroner" in since.table.rows[0][0]
    assert cfo.name not in _all(deck) and "Lise" not in _all(deck)
    findings = [f for f in check(workspace, today=today) if f.rule == "named"]
    number = deck.slides.index(since) + 1
    where = next(f for f in findings if f.slide == number and f.field == "table")
    assert where.text == cfo.name and where.shape == cfo.role
    assert where.message("en") == (f"Slide {number}, table “{cfo.name}”: the name is shown as “{cfo.role}” (no "
                                   "consent to be named, or the deck is anonymized); reword it if that reads oddly")
    assert where.message("da").startswith(f"Dias {number}, tabel »{cfo.name}«: navnet vises som »{cfo.role}«")
    assert {f.field for f in findings} >= {"title", "table", "notes", "chart", "card 1"}


def test_a_consenting_person_is_named_and_anonymized_no_one_is_not_even_the_owner(demo: Workspace,
                                                                                    today: dt.date) -> None:
    consenting = person(demo, CONSENTING)
    said = Objection(text=f"{consenting.name} asked for the pilot's figures", status="open")
    last = dataclasses.replace(demo.presentations[-1], objections=[said, *demo.presentations[-1].objections])
    workspace = dataclasses.replace(demo, presentations=[*demo.presentations[:-1], last])
    assert consenting.name in _all(plan(workspace, today=today))
    anonymous = plan(workspace, dataclasses.replace(workspace.deck, anonymize=True), today=today)
    text = _all(anonymous)
    owner = demo.campaign.owner.split(",")[0]
    assert consenting.name not in text and owner not in text and owner.split()[0] not in text
    assert f"{consenting.role} asked for the pilot's figures" in text
    assert anonymous.settings is not None and consenting.name not in anonymous.settings.ask + anonymous.title


def test_the_support_slide_counts_by_stance_and_names_only_who_agreed(demo: Workspace, demo_da: Workspace,
                                                                      today: dt.date) -> None:
    for workspace, title in ((demo, "2 of 4 decision makers back Phase 2"),
                             (demo_da, "2 af 4 beslutningstagere bakker op om Fase 2")):
        allies = next(s for s in plan(workspace, today=today).main if s.kind == "allies")
        assert allies.title == title
        assert allies.chart is not None
        assert [s.name for s in allies.chart.series][-2:] in (["Supporter (6)", "Champion (5)"],
                                                              ["Tilhænger (6)", "Forkæmper (5)"])
        assert allies.notes.startswith(("Champion: 5 · Supporter: 6 · Neutral: 4 · Skeptic: 2 · Blocker: 2",
                                        "Forkæmper: 5 · Tilhænger: 6"))
        critical = {s.role for s in allies.chart.series[:2]}
        assert over_bubbles(allies.chart, critical) == set()  # no name lies over a sceptic's or blocker's bubble
        assert over_bubbles(plain_map(workspace), critical)  # as it did on the map that named everyone
        text = _texts(allies)
        for p in workspace.stakeholders:
            assert (p.name in text) == (p.named_in_decks and p.stance not in ("blocker", "skeptic")), p.name
            if p.stance in ("blocker", "skeptic"):
                assert p.role not in text, p.role  # a role is who someone is: never next to a critical stance


def test_a_consenting_blocker_is_counted_but_never_shown_with_the_stance(demo: Workspace, today: dt.date) -> None:
    people = [dataclasses.replace(p, named_in_decks=True) if p.id in (BLOCKER, CFO) else p for p in demo.stakeholders]
    allies = next(s for s in plan(dataclasses.replace(demo, stakeholders=people), today=today).main
                  if s.kind == "allies")
    for critic in (person(demo, BLOCKER), person(demo, CFO)):
        assert critic.name not in _texts(allies) and critic.role not in _texts(allies)
    assert "Blocker: 2" in allies.notes


def test_the_feedback_of_a_presentation_never_reaches_the_deck(demo: Workspace, demo_da: Workspace,
                                                               today: dt.date) -> None:
    for workspace in (exposed(demo), demo_da):
        text = " ".join(_all(plan(workspace, today=today)).split())
        for presentation in workspace.presentations:
            assert " ".join(presentation.feedback.split()) not in text
    assert WATCH not in _all(plan(exposed(demo), today=today))


def test_a_notes_paragraph_quoting_the_feedback_is_left_out_and_the_rest_kept() -> None:
    people = [Stakeholder(id="a", name="Mette Holm", role="CFO")]
    spec = SlideSpec(kind="history", title="Two attempts", notes="22 Sep: approved.\nThe CEO  looked at his watch.")
    deck = DeckPlan(slides=[spec], lang="en", title="Mette Holm's deck", audience="", date=dt.date(2026, 1, 1),
                    attempt=1, max_slides=10)
    safe = protect(deck, Naming(people, False, "someone"), ["the CEO looked at his watch."])
    assert safe.slides[0].notes == "22 Sep: approved."
    assert safe.title == "CFO's deck" and deck.title == "Mette Holm's deck"


def test_export_no_notes_writes_a_copy_for_the_room_and_check_says_where_a_name_was_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ws"
    assert main(["demo", "--workspace", str(folder)]) == 0
    with WorkspaceStore.open(folder) as store:
        workspace = exposed(store.workspace)
        store.replace(workspace)
    room, full = tmp_path / "room.pptx", tmp_path / "full.pptx"
    assert main(["export", "--workspace", str(folder), "--out", str(room), "--no-notes"]) == 0
    assert main(["export", "--workspace", str(folder), "--out", str(full)]) == 0
    with zipfile.ZipFile(room) as archive:
        assert not [name for name in archive.namelist() if "notesSlide" in name]
    with zipfile.ZipFile(full) as archive:
        assert [name for name in archive.namelist() if name.startswith("ppt/notesSlides/")]
    capsys.readouterr()
    assert main(["check", "--workspace", str(folder)]) == 1
    out = capsys.readouterr().out
    ceo = person(workspace, CEO)
    assert f"Slide 1, title “{ceo.name}”: the name is shown as “{ceo.role}”" in out
