"""The dosing lint, each rule at its boundary: at the limit is fine, one past it is a finding."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefing.deck import check
from briefing.deck.layout import text_height
from briefing.deck.lint import lint
from briefing.deck.model import DeckPlan, SlideSpec, Table
from briefing.deck.template import Template, load
from briefing.model.entities import Workspace

TITLE = "Contract search fell from 45 to 8 minutes"


@pytest.fixture(scope="module")
def template() -> Template:
    return load(None)


def deck(*slides: SlideSpec, max_slides: int = 10) -> DeckPlan:
    return DeckPlan(list(slides), "en", "Deck", "Board", dt.date(2026, 12, 8), 1, max_slides)


def rules(plan: DeckPlan, template: Template) -> list[tuple[int, str, float, float]]:
    return [(f.slide, f.rule, f.value, f.limit) for f in lint(plan, template)]


def content(**fields: object) -> SlideSpec:
    values: dict[str, object] = {"kind": "details", "title": TITLE, "notes": "n"}
    values.update(fields)
    return SlideSpec(**values)  # type: ignore[arg-type]


def _with(spec: SlideSpec, **fields: object) -> SlideSpec:
    import dataclasses

    return dataclasses.replace(spec, **fields)  # type: ignore[arg-type]


def many(count: int) -> list[SlideSpec]:
    return [content(title=f"{TITLE} in region {i}") for i in range(count)]


def test_main_slides_at_most_max_slides(template: Template) -> None:
    assert rules(deck(*many(3), max_slides=3), template) == []
    assert rules(deck(*many(4), max_slides=3), template) == [(0, "max_slides", 4, 3)]
    appendix = content(title="The details behind the numbers", appendix=True)
    assert rules(deck(*many(3), appendix, max_slides=3), template) == []


def test_at_most_five_bullets(template: Template) -> None:
    assert rules(deck(content(bullets=["a"] * 5)), template) == []
    assert (1, "bullets", 6, 5) in rules(deck(content(bullets=["a"] * 6)), template)


def test_at_most_forty_words(template: Template) -> None:
    assert rules(deck(content(bullets=["word " * 20, "word " * 20])), template) == []
    assert (1, "words", 41, 40) in rules(deck(content(bullets=["word " * 20, "word " * 21])), template)


def test_words_in_tables_and_callouts_count(template: Template) -> None:
    table = Table(["a", "b"], [["word " * 10, "word " * 10], ["word " * 10, "word " * 10]])
    assert rules(deck(content(table=table)), template) == []
    assert (1, "words", 41, 40) in rules(deck(content(table=table, callout="one")), template)


def test_titles_at_most_two_lines(template: Template) -> None:
    two = "Contract search fell from forty-five to eight minutes in five months in Legal and we now ask to go on"
    three = two + " with Sales, Procurement, Finance and every regional office that handles customer contracts daily"
    assert rules(deck(content(title=two)), template) == []
    found = rules(deck(content(title=three)), template)
    assert (1, "title_lines", 3, 2) in found


def test_every_content_slide_has_an_action_title(template: Template) -> None:
    assert rules(deck(content(title="Search fell to eight minutes")), template) == []
    assert (1, "action_title", 4, 5) in rules(deck(content(title="Search fell to eight")), template)
    assert (1, "action_title", 0, 5) in rules(deck(content(title="")), template)
    assert rules(deck(SlideSpec(kind="title", title="Deck", notes="n")), template) == []


def test_at_most_two_external_references(template: Template) -> None:
    first, second = many(2)
    assert rules(deck(first, _with(second, references=["r2", "r1"])), template) == []
    three = deck(_with(first, references=["r1", "r2"]), _with(second, references=["r3"]))
    assert rules(three, template) == [(0, "references", 3, 2)]
    appendix = _with(second, references=["r3"], appendix=True)
    assert rules(deck(_with(first, references=["r1", "r2"]), appendix), template) == []


def test_text_must_fit_its_box_at_the_floor(template: Template) -> None:
    box = template.geometry.content

    def bullets(count: int) -> list[str]:
        return [" ".join(["fit"] * count)] * 5  # five bullets of short words: only the fit can fail

    def height(count: int) -> float:
        return text_height(bullets(count), template.palette.minor_font, 16.0, box.width, bullets=True)[0]

    def fit_rules(count: int) -> list[tuple[int, str, float, float]]:
        return [r for r in rules(deck(content(bullets=bullets(count))), template) if r[1] in ("text_fit", "word_split")]

    count = 10
    while height(count + 10) <= box.height:
        count += 10
    assert fit_rules(count) == []
    while height(count) <= box.height:
        count += 10
    assert [r for r in fit_rules(count) if r[1] == "text_fit"]


def test_a_table_that_needs_smaller_than_eighteen_points_is_a_finding(template: Template) -> None:
    rows = [[f"Row {i} with a long text that wraps over lines", "✓"] for i in range(5)]
    ok = rules(deck(content(table=Table(["Factor", "Phase"], rows[:3]))), template)
    assert not [r for r in ok if r[1] in ("font_size", "text_fit")]
    tall = Table(["Factor", "Phase"], [[("word " * 60).strip(), "✓"] for _ in range(5)])
    found = {rule for _s, rule, _v, _l in rules(deck(content(table=tall)), template)}
    assert "font_size" in found or "text_fit" in found


def test_the_demo_deck_is_well_dosed_in_every_template(demo: Workspace, demo_da: Workspace, today: dt.date,
                                                       samples) -> None:  # type: ignore[no-untyped-def]
    assert check(demo, today=today) == []
    assert check(demo_da, today=today) == []
    assert check(demo, template=samples / "templates" / "purple-banner.potx", today=today) == []
    dark = samples / "templates" / "reclamation-dark-16x9.pptx"
    for workspace in (demo, demo_da):  # the 10-inch dark template: the CSF matrix needs 14 pt, and the lint says so
        assert check(workspace, template=dark, today=today) == []  # ten main slides: the matrix is in the appendix
        eleven = dataclasses.replace(workspace.deck, max_slides=11)
        found = check(workspace, settings=eleven, template=dark, today=today)
        assert [(f.rule, f.field, f.value) for f in found] == [("font_size", "table", 14.0)]


def test_findings_read_in_both_languages(template: Template) -> None:
    finding = lint(deck(content(bullets=["a"] * 6)), template)[0]
    assert finding.message("en") == "Slide 1: 6 bullets, at most 5"
    assert finding.message("da") == "Dias 1: 6 punkter, højst 5"
