"""What a reader sees, from LibreOffice's rendering: every word of every slide on its page, whole, and none cut
with "…" — the demos in both languages on the default template, both sample templates and a dark 4:3 one; and
the same reading fails on decks made to break each rule."""

from __future__ import annotations

import pytest
from decks import NARROW_WORD, NAVY, PROBE_WORDS, REGIONS, Rendered
from pptx import Presentation
from reading import pdf_words, read, slide_words

from briefing.deck.template import load

DEMOS = [f"{lang}-{template}" for template in ("default", "potx", "dark", "dark43") for lang in ("en", "da")]
READ = [*DEMOS, "en-continued"]

pytestmark = pytest.mark.slow  # LibreOffice rendering; run in CI like every other test


@pytest.mark.parametrize("name", READ)
def test_every_word_of_every_slide_is_on_its_page_and_whole(rendered: dict[str, Rendered], name: str) -> None:
    deck = rendered[name]
    slides, pages = slide_words(deck.pptx), pdf_words(deck.pdf)
    assert len(slides) == len(pages) > 10
    problems = {}
    for number, (words, page) in enumerate(zip(slides, pages, strict=True), start=1):
        reading = read(words, page)
        if reading.missing or reading.broken or page.off_page:
            problems[number] = (reading.missing, reading.broken, [w.text for w in page.off_page])
    assert problems == {}, f"slide: (missing, broken mid-word, off the page) in {name}"


@pytest.mark.parametrize("name", READ)
def test_no_text_is_cut_with_an_ellipsis(rendered: dict[str, Rendered], name: str) -> None:
    cut = [(number, word) for number, words in enumerate(slide_words(rendered[name].pptx), start=1)
           for word in words if "…" in word]
    assert cut == []


def test_the_dark_four_three_template_is_what_the_tests_mean(rendered: dict[str, Rendered]) -> None:
    prs = Presentation(str(rendered["en-dark43"].pptx))
    assert prs.slide_width * 3 == prs.slide_height * 4
    template = load(rendered["en-dark43"].pptx)
    assert template.palette.background.upper() == f"#{NAVY}" and template.palette.dark


def test_words_off_the_slide_or_overflowing_it_are_missing(rendered: dict[str, Rendered]) -> None:
    deck = rendered["probe-off-slide"]
    slide, page = slide_words(deck.pptx)[-1], pdf_words(deck.pdf)[-1]
    reading = read(slide, page)
    assert set(PROBE_WORDS) <= set(reading.missing), reading
    assert "Readable" not in reading.missing


def test_a_word_broken_in_a_too_narrow_column_is_found(rendered: dict[str, Rendered]) -> None:
    deck = rendered["probe-narrow"]
    reading = read(slide_words(deck.pptx)[-1], pdf_words(deck.pdf)[-1])
    assert reading.broken == [NARROW_WORD], reading
    assert reading.missing == []


def test_a_matrix_too_tall_for_its_slide_continues_on_the_next_with_every_success_factor(
        rendered: dict[str, Rendered]) -> None:
    prs = Presentation(str(rendered["en-continued"].pptx))
    titles = [slide.shapes.title.text if slide.shapes.title is not None else "" for slide in prs.slides]
    continued = [number for number, title in enumerate(titles)  # the answers before it may continue too
                 if title.endswith(("(1/2)", "(2/2)")) and "success factors" in title]
    assert len(continued) == 2 and continued[1] == continued[0] + 1, titles
    words = slide_words(rendered["en-continued"].pptx)
    shown = " ".join(word for number in continued for word in words[number])
    everything = " ".join(word for slide in words for word in slide)
    for index, name in enumerate(REGIONS):  # whole: the fifth on the continued matrix, the others in the appendix
        line = f"Regional office {name} files its signed contracts within two days"
        assert line in (shown if index == 0 else everything)
