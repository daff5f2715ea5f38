"""A copy for the room: the export box writes the deck without speaker notes when asked, and remembers the
choice; the file the export suggests names no one who has not agreed to be named."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from briefing.i18n import set_language


@pytest.fixture
def page(briefing_page: Any) -> Any:
    return briefing_page


def _export(page: Any, prompts: Any, target: Path, qtbot: Any) -> list[str]:
    prompts.deck_target = target
    with qtbot.waitSignal(page.exported, timeout=60000):
        page.export_button.click()
    with zipfile.ZipFile(target) as archive:
        return [name for name in archive.namelist() if name.startswith("ppt/notesSlides/")]


def test_without_speaker_notes_the_deck_has_none_and_the_choice_is_remembered(
        page: Any, prompts: Any, settings: Any, tmp_path: Path, qtbot: Any) -> None:
    from ui.pages.notes_choice import NotesChoice

    assert not page.no_notes.isChecked() and page.no_notes.isVisibleTo(page)
    assert _export(page, prompts, tmp_path / "full.pptx", qtbot)
    page.no_notes.click()
    assert _export(page, prompts, tmp_path / "room.pptx", qtbot) == []
    assert settings.deck_without_notes()
    again = NotesChoice(None, settings)  # the next run of the app starts with the same choice
    qtbot.addWidget(again)
    assert again.isChecked() and not again.notes
    english = page.no_notes.text()
    set_language("da")
    page.retranslate()
    assert page.no_notes.text() == "Uden talernoter (en kopi til at sende i forvejen)" != english


def test_a_name_without_consent_in_the_title_is_reported_and_the_suggested_file_shows_the_role(
        page: Any, qtbot: Any) -> None:
    ceo = next(p for p in page.session.workspace.stakeholders if p.id == "s1")
    assert not ceo.named_in_decks
    page.title.setText(f"Contracts for {ceo.name}")
    with qtbot.waitSignal(page.checked, timeout=30000):
        page.title.editingFinished.emit()
    assert page.session.workspace.deck.title == f"Contracts for {ceo.name}"
    assert page.suggested_target().name == f"Contracts for {ceo.role}.pptx"
    lint = [page.lint_model.item(row).text() for row in range(page.lint_model.rowCount())]
    assert f"⚠ Slide 1, title “{ceo.name}”: the name is shown as “{ceo.role}”" in "\n".join(lint)
    assert page.plan.main[0].title == f"Contracts for {ceo.role}"  # the outline and preview show the deck's text
