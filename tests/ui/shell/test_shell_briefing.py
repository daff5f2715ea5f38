"""The Briefing page: deck settings as undoable edits, the live lint and outline, export on a
worker thread, open the result, and mark it as presented."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from backdrops import settle
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton

from briefing.deck import check
from ui.dialogs.presented import PresentationInput, PresentedDialog


@pytest.fixture
def page(opened: Any, qtbot: Any) -> Any:
    opened.show_page("briefing")
    page = opened.pages["briefing"]
    qtbot.waitUntil(lambda: not page.checking)  # the deck is checked on a worker once the page shows
    return page


def _outline(page: Any) -> list[str]:
    model = page.outline_model
    return [model.item(row).text() for row in range(model.rowCount())]


def test_the_form_shows_the_deck_settings_and_the_outline_the_slides(page: Any) -> None:
    deck = page.session.workspace.deck
    assert page.title.text() == deck.title and page.ask.text() == deck.ask
    assert page.max_slides.value() == deck.max_slides
    main, appendix = _outline(page)
    assert main.startswith("Main slides: ") and appendix.startswith("Appendix: ")
    assert page.outline_model.item(0).child(0).text().startswith("1. ")
    assert page.lint_model.rowCount() >= 1


def test_a_smaller_slide_budget_moves_slides_to_the_appendix_and_undo_brings_them_back(
    opened: Any, page: Any, qtbot: Any
) -> None:
    before = _outline(page)
    page.max_slides.setValue(4)
    with qtbot.waitSignal(page.checked):
        page.max_slides.editingFinished.emit()
    assert page.session.workspace.deck.max_slides == 4
    assert _outline(page)[0] == "Main slides: 4 of at most 4"
    with qtbot.waitSignal(page.checked):
        opened.menus.undo_action.trigger()
    assert _outline(page) == before and page.max_slides.value() == page.session.workspace.deck.max_slides


def test_leaving_out_a_section_and_anonymizing_are_each_one_undo_step(opened: Any, page: Any) -> None:
    page.sections["survey"].click()
    assert "survey" not in page.session.workspace.deck.sections and page.session.workspace.deck.sections
    page.anonymize.click()
    assert page.session.workspace.deck.anonymize
    opened.menus.undo_action.trigger()
    opened.menus.undo_action.trigger()
    assert page.sections["survey"].isChecked() and not page.anonymize.isChecked()


def test_a_breach_of_the_dosing_rules_shows_in_the_lint_at_once_and_goes_when_fixed(page: Any, qtbot: Any) -> None:
    def texts() -> list[str]:
        return [page.lint_model.item(row).text() for row in range(page.lint_model.rowCount())]

    def edit_ask(text: str) -> None:
        page.ask.setText(text)
        with qtbot.waitSignal(page.checked):
            page.ask.editingFinished.emit()
            assert page.lint_model.item(0).text() == "… Checking the deck…"  # said at once, on the UI thread

    good_ask = page.ask.text()
    edit_ask("Approve it")  # two words: the decision slide has no action title
    findings = check(page.session.workspace, today=page.session.store.clock.today())
    assert "action_title" in [finding.rule for finding in findings]
    assert texts() == [f"⚠ {finding.message('en')}" for finding in findings]
    edit_ask(good_ask)
    assert texts() == ["✓ The deck is well-dosed: nothing to fix."]


def test_a_deck_without_an_ask_is_never_called_clean(page: Any, qtbot: Any) -> None:
    def texts() -> list[str]:
        return [page.lint_model.item(row).text() for row in range(page.lint_model.rowCount())]

    page.ask.setText("")
    with qtbot.waitSignal(page.checked):
        page.ask.editingFinished.emit()
    assert texts()[0] == "⚠ The deck asks for nothing yet: it has no ask."
    assert not any(text.startswith("✓") for text in texts())

def test_export_runs_on_a_worker_and_writes_the_deck(
    page: Any, prompts: Any, tmp_path: Path, qtbot: Any
) -> None:
    target = tmp_path / "out" / "briefing.pptx"
    target.parent.mkdir()
    prompts.deck_target = target
    progress: list[int] = []
    page.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(page.exported, timeout=60000) as done:
        page.export_button.click()
        assert not page.export_button.isEnabled()  # the click returned while the worker exports
    assert done.args == [target]
    assert zipfile.is_zipfile(target)
    assert any(0 < value < 100 for value in progress) and page.progress.value() == 100
    assert "briefing.pptx" in page.export_status.text()
    assert page.open_file_button.isEnabled() and page.present_button.isEnabled()
    opened_urls: list[QUrl] = []
    page.open_url = opened_urls.append
    page.open_file_button.click()
    page.open_folder_button.click()
    assert [url.toLocalFile() for url in opened_urls] == [str(target), str(target.parent)]


def test_a_failed_export_says_why_and_changes_nothing(page: Any, prompts: Any, tmp_path: Path, qtbot: Any) -> None:
    prompts.deck_target = tmp_path / "missing" / "deck.pptx"
    with qtbot.waitSignal(page.export_failed, timeout=60000):
        page.export()
    assert str(tmp_path / "missing") in page.export_status.text()
    assert page.export_button.isEnabled() and not page.present_button.isEnabled()


def test_file_export_deck_asks_where_and_exports(opened: Any, prompts: Any, tmp_path: Path, qtbot: Any) -> None:
    prompts.deck_target = tmp_path / "menu.pptx"
    page = opened.page("briefing")
    opened.show_page("overview")
    with qtbot.waitSignal(page.exported, timeout=60000):
        opened.menus.export_action.trigger()
    assert opened.current_page_name() == "briefing"
    assert prompts.names()[-1] == "choose_deck_target"
    assert (tmp_path / "menu.pptx").is_file()


def test_mark_as_presented_records_the_attempt_and_shows_the_history(
    opened: Any, page: Any, prompts: Any, tmp_path: Path, qtbot: Any
) -> None:
    prompts.deck_target = tmp_path / "deck.pptx"
    with qtbot.waitSignal(page.exported, timeout=60000):
        page.export()
    before = len(opened.session.workspace.presentations)
    prompts.presentation = lambda ws, deck, today: PresentationInput(
        deck, dt.date(2026, 12, 8), "Executive board", "approved", objections=["Who pays for phase 3?"])
    with qtbot.waitSignal(page.presented):
        page.present_button.click()
    presentations = opened.session.workspace.presentations
    assert len(presentations) == before + 1
    recorded = presentations[-1]
    assert recorded.outcome == "approved" and recorded.deck_sha256
    assert (opened.session.store.folder / recorded.deck_file).is_file()
    assert opened.current_page_name() == "history"
    history = opened.pages["history"]
    settle(qtbot, history)  # the history is made on a worker
    assert history.model.rowCount() == before + 1
    assert history.model.index(before, 3).data() == "Approved"
    opened.menus.undo_action.trigger()
    assert len(opened.session.workspace.presentations) == before


def test_the_presented_dialog_checks_input_and_stays_open_on_an_error(
    qtbot: Any, demo: Any, tmp_path: Path
) -> None:
    from briefing.errors import InputError

    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"x")
    received: list[PresentationInput] = []

    def submit(entered: PresentationInput) -> None:
        if not entered.audience:
            raise InputError("error.required", path="audience")
        received.append(entered)

    dialog = PresentedDialog(demo, deck, dt.date(2026, 12, 8), submit)
    qtbot.addWidget(dialog)
    dialog.audience.clear()
    dialog.open()
    save = dialog.buttons.buttons()[0]
    assert isinstance(save, QPushButton)
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.error.text() == "audience: is required"
    dialog.audience.setText("Board")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("postponed"))
    dialog.objections.setPlainText("Too expensive\n\nNot now")
    dialog.has_next.setChecked(True)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    entered = received[0]
    assert entered.outcome == "postponed" and entered.objections == ["Too expensive", "Not now"]
    assert entered.next_attempt is not None and entered.next_attempt > entered.date


def test_the_presented_dialog_claims_no_outcome_until_the_user_chooses_one(opened: Any, tmp_path: Path) -> None:
    dialog = PresentedDialog(opened.session.workspace, tmp_path / "deck.pptx", dt.date(2026, 12, 8), lambda _: None)
    assert dialog.outcome.currentData() == "no_decision"
    dialog.deleteLater()
