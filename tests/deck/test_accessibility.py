"""What PowerPoint's accessibility checker asks of a deck, and the lint's findings on contrast, alt text and
titles (from the plan and the template, no render)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from contrast_helpers import dark_four_three_template
from lo_helpers import SAMPLES, demo_workspace
from pptx import Presentation
from pptx.oxml.ns import qn

from briefing.charts.alt import describe
from briefing.charts.spec import ChartSpec, Series
from briefing.deck import template as templates
from briefing.deck.export import plan as make_plan
from briefing.deck.legibility import findings
from briefing.deck.model import DeckPlan, SlideSpec
from briefing.deck.render import render
from briefing.pptx_compat import package_bytes

TODAY = dt.date(2026, 11, 27)
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("a11y")
    dark = templates.load(dark_four_three_template(folder))
    made = {}
    for lang, template in (("en", templates.load(None)), ("da", dark)):
        data = package_bytes(render(make_plan(demo_workspace(lang), today=TODAY), template, folder / "cache"))
        made[lang] = Presentation(io.BytesIO(data))
    return made


def _descriptions(prs: object) -> list[str]:
    found = []
    for slide in prs.slides:  # type: ignore[attr-defined]
        for shape in slide.shapes:
            if shape.has_chart or shape.shape_type == 13:
                found.append(shape.element.find(".//" + qn("p:cNvPr")).get("descr", ""))
    return found


@pytest.mark.parametrize(("lang", "words"), [("en", ("chart", "Timeline")), ("da", ("diagram", "Tidslinje"))])
def test_every_chart_and_picture_says_what_it_shows_with_numbers_in_the_decks_language(
        decks: dict[str, object], lang: str, words: tuple[str, ...]) -> None:
    described = _descriptions(decks[lang])
    assert len(described) >= 5
    assert all(re.search(r"\d", text) and len(text) > 30 for text in described), described
    assert any(words[0] in text.lower() for text in described) and any(text.startswith(words[1]) for text in described)


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_slide_has_a_unique_title_read_first(decks: dict[str, object], lang: str) -> None:
    titles = []
    for slide in decks[lang].slides:  # type: ignore[attr-defined]
        shapes = list(slide.shapes)
        first = shapes[0]
        assert (first.is_placeholder and "TITLE" in str(first.placeholder_format.type)) or first.name == "Title"
        titles.append(first.text_frame.text.strip())
    assert all(titles) and len(set(titles)) == len(titles)


def test_table_headers_are_marked_and_decoration_is_skipped(decks: dict[str, object]) -> None:
    prs = decks["en"]
    tables = [shape for slide in prs.slides for shape in slide.shapes if shape.has_table]  # type: ignore[attr-defined]
    assert tables and all(t.element.graphic.graphicData.tbl.tblPr.get("firstRow") == "1" for t in tables)
    squares = [shape for slide in prs.slides for shape in slide.shapes  # type: ignore[attr-defined]
               if shape.name.startswith("Severity")]
    props = [square.element.find(".//" + qn("p:cNvPr")) for square in squares]
    described = [p.get("descr") for p in props if p.get("descr")]
    assert described and all(re.fullmatch(r"Severity [1-5] of 5", d) for d in described)
    assert all(p.get("descr") or p.find(".//" + DECORATIVE) is not None for p in props)


def test_a_chart_without_a_sentence_is_described_from_its_numbers() -> None:
    spec = ChartSpec("column", "Cases per quarter", categories=["Q1", "Q2"], series=[Series("Cases", [7, 1.5])],
                     lang="da")
    assert describe(spec) == "Søjlediagram: Cases per quarter. Cases: Q1 7, Q2 1,5."


# -- the lint ---------------------------------------------------------------------------------------


def _deck(*slides: SlideSpec) -> DeckPlan:
    return DeckPlan(list(slides), "en", "Deck", "Board", dt.date(2026, 12, 8), 1, 10)


def test_the_lint_names_a_text_under_aa_with_its_ratio_and_limit() -> None:
    loaded = templates.load(None)
    pale = dataclasses.replace(loaded.inks["title"], colour="#BBBBBB")
    broken = dataclasses.replace(loaded, inks={**loaded.inks, "title": pale})
    spec = SlideSpec("details", "Contract search fell from 45 to 8 minutes", bullets=["a point"], notes="n")
    assert findings(_deck(spec), loaded) == []
    found = findings(_deck(spec), broken)
    assert [(f.slide, f.rule, f.value, f.limit, f.shape) for f in found] == [
        (1, "contrast", 1.9, 3.0, "Contract search fell from 45 to 8 minutes")]
    assert found[0].message("en") == ("Slide 1: “Contract search fell from 45 to 8 minutes” reads 1.9:1 against "
                                      "what lies behind it, WCAG AA asks at least 3:1")
    assert found[0].message("da").startswith("Dias 1: »Contract search fell from 45 to 8 minutes« har kontrast 1,9:1")


def test_the_lint_sees_text_on_a_card_against_the_cards_fill() -> None:
    loaded = templates.load(None)
    grey = dataclasses.replace(loaded.palette, box="#333333")
    from briefing.deck.model import Card

    spec = SlideSpec("problems", "Three problems cost us a lawsuit each year", cards=[Card("Lost", ["x"], 3)],
                     notes="n")
    found = findings(_deck(spec), dataclasses.replace(loaded, palette=grey))
    assert any(f.rule == "contrast" and f.shape == "Lost" and f.limit == 3.0 for f in found)
    assert findings(_deck(spec), loaded) == []


def test_the_lint_reports_a_silent_chart_and_a_repeated_title() -> None:
    loaded = templates.load(None)
    silent = ChartSpec("column", "Nothing measured yet")
    title = "Contract search fell from 45 to 8 minutes"
    found = findings(_deck(SlideSpec("proof", title, chart=silent, notes="n"), SlideSpec("details", title)), loaded)
    rules = {(f.slide, f.rule, f.shape) for f in found}
    assert (1, "alt_text", "Nothing measured yet") in rules
    assert {(1, "unique_title", title), (2, "unique_title", title)} <= rules
    assert "has no alt text" in next(f for f in found if f.rule == "alt_text").message("en")


@pytest.mark.parametrize("name", ["default", "potx", "dark", "dark43"])
def test_both_demos_pass_the_new_rules_on_every_template(name: str, tmp_path: Path) -> None:
    from briefing.deck import check

    samples = SAMPLES / "templates"
    template = {"default": None, "potx": samples / "purple-banner.potx", "dark": samples / "reclamation-dark-16x9.pptx",
                "dark43": dark_four_three_template(tmp_path)}[name]
    for lang in ("en", "da"):
        found = check(demo_workspace(lang), template=template, today=TODAY)
        assert [f.message(lang) for f in found if f.rule in ("contrast", "alt_text", "unique_title")] == []


def test_a_label_on_any_fill_reaches_aa() -> None:
    from briefing.charts.theme import ChartTheme, contrast, readable_on
    from briefing.deck.legibility import on_fill

    fills = [f"#{v:02X}{(v * 7) % 256:02X}{255 - v:02X}" for v in range(0, 256, 5)] + ["#6683AA", "#767676"]
    assert all(contrast(readable_on(fill, ChartTheme()), fill) >= 4.5 for fill in fills)
    assert all(contrast(on_fill(fill), fill) >= 4.5 for fill in fills)


def test_a_title_drawn_in_a_text_box_is_still_the_slides_title(tmp_path: Path) -> None:
    from decks import coverless_template

    loaded = templates.load(coverless_template(tmp_path))
    prs = render(make_plan(demo_workspace("en"), today=TODAY), loaded, tmp_path / "cache")
    cover = prs.slides[0]
    assert cover.shapes.title is not None and cover.shapes.title.text == "Contracts we can find — phase 2"
    assert next(iter(cover.shapes)).shape_id == cover.shapes.title.shape_id
