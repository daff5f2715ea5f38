"""Danish and English are complete for the shell, including the texts looked up by name, and the
palette follows light and dark."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPalette

from briefing.deck.model import SECTIONS
from briefing.guide.readiness import STEP_KEYS
from briefing.i18n import catalog
from briefing.model.entities import OUTCOMES
from ui import style
from ui.models.history import COLUMNS
from ui.pages.briefing import SECTION_NAMES


def test_every_text_looked_up_by_name_exists_in_both_languages() -> None:
    keys = [f"term.outcome.{o}" for o in OUTCOMES]
    keys += [f"shell.step.{s}" for s in STEP_KEYS]
    keys += [f"shell.status.{s}" for s in ("done", "attention", "missing")]
    keys += [f"shell.section.{s}" for s in SECTION_NAMES]
    keys += [f"shell.history.col.{c}" for c in COLUMNS if c != "outcome"] + ["term.field.outcome"]
    keys += [f"term.objection_status.{s}" for s in ("open", "answered")]
    texts = catalog()
    missing = [key for key in keys if not (texts.get(key, {}).get("en") and texts.get(key, {}).get("da"))]
    assert not missing


def test_the_briefing_page_offers_every_section_of_the_storyline() -> None:
    assert tuple(SECTION_NAMES) == tuple(SECTIONS)


def test_the_danish_shell_texts_are_danish() -> None:
    texts = catalog()
    danish = [texts[key]["da"] for key in texts if key.startswith("shell.")]
    assert sum(any(letter in text for letter in "æøåÆØÅ") for text in danish) > 40
    same = [key for key in texts if key.startswith("shell.") and texts[key]["da"] == texts[key]["en"]
            and any(c.isalpha() for c in texts[key]["en"])]
    assert set(same) <= {"shell.app_name", "shell.nav.briefing", "shell.history.kpi_moved"}


def test_light_and_dark_palettes_keep_text_readable(qtbot: Any) -> None:
    from briefing.charts.theme import contrast

    for dark in (False, True):
        palette = style.palette(dark)
        window = palette.color(QPalette.ColorRole.Window).name()
        text = palette.color(QPalette.ColorRole.WindowText).name()
        assert contrast(text, window) >= 7
        assert (palette.color(QPalette.ColorRole.Base).lightness() < 128) == dark
