"""Every word of every exported deck meets WCAG AA as a reader sees it: measured from the pixels LibreOffice
draws, on the default template, both sample templates and a dark 4:3 template with default dark text styles."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from contrast_helpers import Word, dark_four_three_template, measure
from lo_helpers import SAMPLES, convert_to_pdf, demo_workspace

from briefing.deck import export
from briefing.deck import template as templates
from briefing.deck.export import plan as make_plan
from briefing.deck.render import render
from briefing.pptx_compat import package_bytes

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 27)
TEMPLATES = {
    "default": None,
    "potx": SAMPLES / "templates" / "purple-banner.potx",
    "dark": SAMPLES / "templates" / "reclamation-dark-16x9.pptx",
    "dark43": "made",
}
CASES = [f"{lang}-{name}" for name in TEMPLATES for lang in ("en", "da")]


def _unreadable(folder: Path) -> Path:
    """The English demo on the default template with its body text and source lines in a pale grey (1.9:1)."""
    loaded = templates.load(None)
    pale = "#BDBDBD"
    inks = {**loaded.inks, "caption": dataclasses.replace(loaded.inks["caption"], colour=pale)}
    broken = dataclasses.replace(loaded, palette=dataclasses.replace(loaded.palette, text=pale), inks=inks)
    out = folder / "unreadable.pptx"
    out.write_bytes(package_bytes(render(make_plan(demo_workspace("en"), today=TODAY), broken, folder / "cache")))
    return out


@pytest.fixture(scope="session")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Word]]:
    """Each deck exported and converted once (one LibreOffice call), each page's words measured."""
    folder = tmp_path_factory.mktemp("contrast")
    dark43 = dark_four_three_template(folder)
    decks = {}
    for case in CASES:
        lang, name = case.split("-")
        template = dark43 if name == "dark43" else TEMPLATES[name]
        decks[case] = folder / f"{case}.pptx"
        export(demo_workspace(lang), decks[case], template=template, today=TODAY, cache_dir=folder / "cache")
    decks["unreadable"] = _unreadable(folder)
    pdfs = convert_to_pdf(list(decks.values()), folder)
    return {case: measure(pdfs[deck], folder) for case, deck in decks.items()}


@pytest.mark.parametrize("case", CASES)
def test_every_word_reads_against_what_lies_behind_it(measured: dict[str, list[Word]], case: str) -> None:
    words = measured[case]
    assert len(words) > 500  # the measure saw the deck's text, not an empty page
    assert [str(word) for word in words if word.fails] == []


def test_a_deck_made_unreadable_fails_the_measure(measured: dict[str, list[Word]]) -> None:
    failing = [word for word in measured["unreadable"] if word.fails]
    assert {"Why", "Sources:"} <= {word.text for word in failing}
    assert all(word.colour == "#BDBDBD" for word in failing if word.text == "Why")
    assert min(word.ratio for word in failing) < 2.0
