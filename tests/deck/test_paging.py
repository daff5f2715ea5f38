"""Nothing the user wrote is cut: columns as wide as their longest word, text down to its floor, then a
continuation slide or the appendix — and the lint names what would still be cut or broken."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefing.deck import layout, textfit
from briefing.deck.lint import lint
from briefing.deck.model import Card, DeckPlan, SlideSpec, Table
from briefing.deck.paging import paginate
from briefing.deck.template import Template, load
from briefing.model.entities import Workspace

TITLE = "Five rows of long answers we owe the board"


@pytest.fixture(scope="module")
def template() -> Template:
    return load(None)


@pytest.fixture(scope="module")
def dark() -> Template:  # the 10-inch sample template: a small content area
    from decks import DARK

    return load(DARK)


def deck(*slides: SlideSpec) -> DeckPlan:
    return DeckPlan([*slides, SlideSpec(kind="divider", title="Appendix", appendix=True)], "en", "Deck", "Board",
                    dt.date(2026, 12, 8), 1, 10)


def arranged(spec: SlideSpec, template: Template) -> layout.Arrangement:
    return layout.arrange(spec, template.geometry, template.palette.minor_font, template.palette.major_font)


def sentence(number: int, words: int = 30) -> str:
    return f"Answer {number}: " + " ".join(f"word{number}x{i}" for i in range(words))


def test_a_table_too_tall_for_its_slide_continues_on_the_next_with_every_row_in_order(template: Template) -> None:
    rows = [[f"Question {i} about the archive", sentence(i)] for i in range(8)]
    spec = SlideSpec(kind="since", title=TITLE, table=Table(["Asked", "Answer"], rows, first_column_wide=False),
                     notes="n")
    assert not arranged(spec, template).fits  # too tall even at 14 pt
    pages = [s for s in paginate(deck(spec), template).slides if not s.appendix]
    assert len(pages) >= 2
    assert [s.title for s in pages] == [f"{TITLE} ({n}/{len(pages)})" for n in range(1, len(pages) + 1)]
    assert [row for page in pages for row in page.table.rows] == rows  # type: ignore[union-attr]
    assert all(arranged(page, template).fits for page in pages)
    assert all(page.table.header == ["Asked", "Answer"] for page in pages)  # type: ignore[union-attr]


def test_a_list_too_long_for_its_slide_continues_and_its_callout_closes_the_last_page(template: Template) -> None:
    bullets = [sentence(i, 25) for i in range(9)]
    spec = SlideSpec(kind="decision", title=TITLE, bullets=bullets, callout="Decision needed today", notes="n")
    pages = [s for s in paginate(deck(spec), template).slides if not s.appendix]
    assert len(pages) >= 2 and [b for page in pages for b in page.bullets] == bullets
    assert [page.callout for page in pages] == [""] * (len(pages) - 1) + ["Decision needed today"]
    assert all(arranged(page, template).fits for page in pages)


def test_a_paragraph_longer_than_a_slide_continues_by_its_lines_without_a_word_lost(template: Template) -> None:
    text = " ".join(f"w{i}" for i in range(1500))
    spec = SlideSpec(kind="details", title="More details", bullets=[text], notes="n", appendix=True)
    pages = [s for s in paginate(deck(spec), template).slides if s.kind == "details"]
    assert len(pages) >= 2 and " ".join(b for page in pages for b in page.bullets).split() == text.split()
    assert all(arranged(page, template).fits for page in pages)


def test_card_text_its_card_cannot_hold_moves_to_the_appendix_with_a_pointer(template: Template) -> None:
    long = " ".join(["Seven missed renewal deadlines in one quarter"] * 30)
    cards = [Card("Signed contracts cannot be found", [long], 5), Card("No one knows the valid version", ["Short"], 4)]
    spec = SlideSpec(kind="problems", title=TITLE, cards=cards, notes="n")
    result = paginate(deck(spec), template).slides
    main = result[0]
    assert main.cards[0].lines == ["Details in the appendix"] and main.cards[1].lines == ["Short"]
    assert arranged(main, template).fits
    details = [s for s in result if s.appendix and s.kind == "details"]
    assert details and " ".join(b for s in details for b in s.bullets).endswith(long)
    assert result.index(details[0]) > result.index(next(s for s in result if s.kind == "divider"))


def test_every_table_column_is_at_least_as_wide_as_its_longest_word(dark: Template, demo: Workspace,
                                                                  demo_da: Workspace, today: dt.date) -> None:
    from briefing.deck import plan

    for workspace in (demo, demo_da):
        for spec in plan(workspace, today=today).main:
            if spec.table is None:
                continue
            placed = arranged(spec, dark).table
            assert placed is not None
            for column, width in enumerate(placed.widths):
                line = width - 2 * layout.CELL_MARGIN_X
                header = textfit.metrics(dark.palette.minor_font, True)
                body = textfit.metrics(dark.palette.minor_font)
                for word in spec.table.header[column].split():
                    assert header.width(word, placed.header_size) / 72 <= line, (word, width)
                for row in spec.table.rows:
                    for word in row[column].split():
                        assert body.width(word, placed.size) / 72 <= line, (word, width)


def test_a_table_goes_down_to_fourteen_points_and_the_lint_reports_it(dark: Template, demo_da: Workspace,
                                                                     today: dt.date) -> None:
    from briefing.deck import plan

    eleven = dataclasses.replace(demo_da.deck, max_slides=11)  # the CSF matrix on a main slide
    csfs = next(s for s in plan(demo_da, eleven, today=today).main if s.kind == "csfs")
    placed = arranged(csfs, dark).table
    assert placed is not None and placed.fits and placed.size == layout.TABLE_FLOOR_PT
    found = [f for f in lint(deck(csfs), dark) if f.rule == "font_size"]
    assert [(f.field, f.value, f.limit) for f in found] == [("table", 14.0, 18.0)]


def test_the_lint_names_the_slide_the_field_and_the_word_too_wide_for_its_line(template: Template) -> None:
    word = "Kontraktarkivudrulningsgodkendelsesprocedurebeskrivelsesdokumentationen" * 2
    spec = SlideSpec(kind="details", title=TITLE, table=Table(["Term", "Meaning"], [[word, "x"]]), notes="n")
    finding = next(f for f in lint(deck(spec), template) if f.rule == "word_split")
    assert (finding.slide, finding.field, finding.text) == (1, "table", word)
    assert finding.value > finding.limit
    assert finding.message("en").startswith("Slide 1, table “Kontraktarkiv")
    assert finding.message("da").startswith("Dias 1, tabel »Kontraktarkiv")
    assert "pkt." in finding.message("da") and "mid-word" in finding.message("en")


def test_the_lint_reports_text_that_would_overflow_its_box_with_the_field(template: Template) -> None:
    callout = " ".join(["Approve the whole programme today"] * 20)
    spec = SlideSpec(kind="summary", title=TITLE, bullets=["One"], callout=callout, notes="n")
    found = [f for f in lint(deck(spec), template) if f.rule == "text_fit"]
    assert [(f.slide, f.field) for f in found] == [(1, "callout")]
    assert found[0].value > found[0].limit
    assert "decision box" in found[0].message("en") and "beslutningsboks" in found[0].message("da")


def test_briefing_check_names_the_slide_the_field_and_the_word(demo: Workspace, tmp_path: object,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import dataclasses
    from pathlib import Path

    from briefing.cli import main as cli
    from briefing.clock import FixedClock
    from briefing.store import WorkspaceStore

    folder = Path(str(tmp_path)) / "ws"
    word = "Kontraktarkivudrulningsgodkendelsesprocedurebeskrivelsesdokumentationsarbejdsgruppen" * 2
    store = WorkspaceStore.open(folder, FixedClock.on(dt.date(2026, 11, 27)))
    store.replace(dataclasses.replace(demo, deck=dataclasses.replace(demo.deck, ask=f"Approve the {word} now")))
    store.close()
    assert cli(["check", "--workspace", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"Slide 2, title “{word[:30]}" in out and "would break mid-word" in out  # the word to shorten


def test_a_bubble_label_longer_than_its_room_shows_its_first_clause_never_a_cut(demo: Workspace,
                                                                                today: dt.date) -> None:
    import dataclasses

    from briefing.charts.text import short_label
    from briefing.deck import plan

    assert short_label("Division Director, Buildings") == "Division Director"
    assert short_label("Birgitte Holm") == "Birgitte Holm"
    long = "Anne-Marie Christensen-Østergaard Jensen"
    assert short_label(long) == long  # no clause to keep: whole
    deck = plan(demo, dataclasses.replace(demo.deck, anonymize=False), today=today)
    labels = [label for s in deck.main if s.chart for series in s.chart.series
              for label in (series.point_labels or [])]
    assert labels and not [label for label in labels if "…" in short_label(label)]
