"""Fixtures for the deck tests: every deck the render tests read is exported once and converted by
LibreOffice in one call per session (the demos in four templates, the traps, and decks made to break
the rules)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from decks import (
    DARK,
    POTX,
    Rendered,
    coverless_template,
    crowded_map_probe,
    dark_four_three_template,
    hostile,
    long_matrix,
    narrow_column_probe,
    off_slide_probe,
)
from lo_helpers import convert_to_pdf, demo_workspace

from briefing.deck import export

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """Every deck the render tests read, exported once and converted to PDF in one LibreOffice call."""
    folder = tmp_path_factory.mktemp("decks")
    cache = folder / "cache"
    en, da = demo_workspace("en"), demo_workspace("da")
    dark43 = dark_four_three_template(folder)
    cases = {
        "en-default": (en, None, None),
        "da-default": (da, None, None),
        "en-dark": (en, DARK, None),
        "da-dark": (da, DARK, None),
        "en-potx": (en, POTX, None),
        "da-potx": (da, POTX, None),
        "en-dark43": (en, dark43, None),
        "da-dark43": (da, dark43, None),
        "en-dark-anon": (en, DARK, dataclasses.replace(en.deck, anonymize=True)),
        "en-coverless": (en, coverless_template(folder), None),
        "hostile": (hostile(en), None, None),
        "hostile-dark": (hostile(da), DARK, None),
        "en-continued": (long_matrix(en), DARK, None),
    }
    decks: dict[str, tuple[Path, object | None]] = {}
    for name, (workspace, template, settings) in cases.items():
        out = folder / f"{name}.pptx"
        decks[name] = (out, export(workspace, out, settings=settings, template=template, today=TODAY, cache_dir=cache))
    decks["probe-off-slide"] = (off_slide_probe(folder), None)
    decks["probe-narrow"] = (narrow_column_probe(folder), None)
    decks["probe-crowded-map"] = (crowded_map_probe(folder), None)
    pdfs = convert_to_pdf([out for out, _result in decks.values()], folder)
    return {name: Rendered(out, pdfs[out], result) for name, (out, result) in decks.items()}
