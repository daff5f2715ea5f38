"""Journey 2: the demo user — ``--demo``, compose the briefing, export it on the worker, mark it as
presented, see attempt 3 in the history, answer the objection, and find the answer on the next
deck's "since last time" slide."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import pytest
from backdrops import settle
from journey_helpers import JourneyPrompts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from briefing.edits import UpdateItem
from briefing.model.collections import PRESENTATIONS

OBJECTION = "Who pays for phase 3 after 2027?"
ANSWER = "Controlling funds phase 3 from the 2027 IT budget."


@pytest.fixture
def demo_window(qtbot: Any, settings: Any) -> Any:
    """``briefing-composer --demo`` as ``start`` builds it, with the journey's prompts."""
    from ui.app import build_window, parse_args

    holder: list[Any] = []
    prompts = JourneyPrompts(lambda: holder[0] if holder else None)
    window = build_window(parse_args(["--demo"]), settings, prompts)
    holder.append(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.close()


@pytest.fixture
def jobs(qtbot: Any, demo_window: Any, monkeypatch: pytest.MonkeyPatch) -> dict[Any, Any]:
    """Every job the window's runner prepares, with a blocker on its ``finished`` made before it runs."""
    made: dict[Any, Any] = {}
    prepare = demo_window.runner.prepare

    def watched(work: Any) -> Any:
        job = prepare(work)
        made[job] = qtbot.waitSignal(job.finished, timeout=60000)
        return job

    monkeypatch.setattr(demo_window.runner, "prepare", watched)
    return made


def _outline(page: Any, qtbot: Any) -> tuple[str, list[str]]:
    """The outline's first line and the titles of every slide in it (main, then appendix), once the
    deck is checked (on a worker)."""
    qtbot.waitUntil(lambda: not page.checking)
    model = page.outline_model
    titles = [model.item(row).child(n).text() for row in range(model.rowCount())
              for n in range(model.item(row).rowCount())]
    return model.item(0).text(), titles


def _lint(page: Any, qtbot: Any) -> list[str]:
    qtbot.waitUntil(lambda: not page.checking)
    return [page.lint_model.item(row).text() for row in range(page.lint_model.rowCount())]


def _export(qtbot: Any, window: Any, page: Any, jobs: dict[Any, Any], target: Path) -> None:
    """Export through the Export button; wait on the job's ``finished``, then for the page to take it."""
    window.prompts.deck_target = target
    page.export_button.click()
    job = page.job
    assert job is not None and not page.export_button.isEnabled()  # the window answers while it exports
    jobs[job].wait()
    qtbot.waitUntil(lambda: page.last_export == target and page.export_button.isEnabled(), timeout=10000)
    assert page.progress.value() == 100 and target.name in page.export_status.text()


def _slide_texts(path: Path) -> list[str]:
    """The text of every slide (text frames and table cells), one string per slide."""
    from pptx import Presentation

    texts = []
    for slide in Presentation(str(path)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        texts.append("\n".join(parts))
    return texts


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_the_demo_user_composes_exports_presents_and_answers_on_the_next_deck(
    qtbot: Any, demo_window: Any, jobs: dict[Any, Any], tmp_path: Path, answer_dialogs: Any
) -> None:
    window = demo_window
    assert "Briefing Composer" in window.windowTitle()
    ws = window.session.workspace
    assert len(ws.presentations) == 2 and ws.stakeholders

    # -- the Briefing page: the ask and the slide budget, each one step of undo -------------------------
    window.menus.go_actions[6].trigger()  # View → Go to Briefing
    page = window.pages["briefing"]
    assert window.current_page_name() == "briefing"
    old_ask, old_max = ws.deck.ask, ws.deck.max_slides
    first_line, titles = _outline(page, qtbot)
    main_before = list(page.plan.main)
    assert first_line == f"Main slides: {len(main_before)} of at most {old_max}"
    assert _lint(page, qtbot) == ["✓ The deck is well-dosed: nothing to fix."]
    _type_into(qtbot, page.ask, "Approve phase 2")
    page.audience.setFocus()  # leaving the field commits it; the lint follows at once
    assert window.session.workspace.deck.ask == "Approve phase 2"
    assert _lint(page, qtbot) == ["⚠ Slide 2: no action title (a claim in a full sentence); 3 words, at least 5"]
    new_ask = "Approve phase 2 for Legal and Sales: 1.2 M DKK"
    _type_into(qtbot, page.ask, new_ask)
    page.audience.setFocus()
    assert window.session.workspace.deck.ask == new_ask
    assert _lint(page, qtbot) == ["✓ The deck is well-dosed: nothing to fix."]
    page.max_slides.setFocus()
    page.max_slides.selectAll()
    qtbot.keyClicks(page.max_slides, "5")
    qtbot.keyClick(page.max_slides, Qt.Key.Key_Return)
    deck = window.session.workspace.deck
    assert (deck.ask, deck.max_slides) == (new_ask, 5)
    assert window.session.undo_stack.count() == 3
    first_line, titles = _outline(page, qtbot)
    assert first_line == "Main slides: 5 of at most 5" and len(page.plan.main) == 5 < len(main_before)
    assert len(titles) == len(page.plan.slides) and titles[1] == f"2. {new_ask}, paid back in 7 months"
    for _ in range(3):
        window.menus.undo_action.trigger()
    assert (page.ask.text(), page.max_slides.value()) == (old_ask, old_max)
    assert _outline(page, qtbot)[0] == f"Main slides: {len(main_before)} of at most {old_max}"
    for _ in range(3):
        window.menus.redo_action.trigger()
    assert (page.ask.text(), page.max_slides.value()) == (new_ask, 5)
    _, titles = _outline(page, qtbot)

    # -- export on the worker; the deck has the slides the outline shows ---------------------------
    first = tmp_path / "out" / "attempt-3.pptx"
    first.parent.mkdir()
    _export(qtbot, window, page, jobs, first)
    slides = _slide_texts(first)
    assert len(slides) == len(titles)
    assert new_ask in "\n".join(slides)

    # -- mark as presented (postponed, one objection) → the history shows attempt 3 ------------------
    def fill_in(dialog: QDialog) -> None:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("postponed"))
        dialog.objections.setPlainText(OBJECTION)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    from ui.dialogs.presented import PresentedDialog

    filled = answer_dialogs(PresentedDialog, answer=fill_in)
    with qtbot.waitSignal(page.presented, timeout=10000):
        page.present_button.click()
    assert len(filled.seen) == 1 and filled.seen[0].result() == QDialog.DialogCode.Accepted
    assert window.current_page_name() == "history"
    history = window.pages["history"]
    settle(qtbot, history)  # the history is made on a worker
    assert history.model.rowCount() == 3
    assert [history.model.index(2, c).data() for c in (0, 3)] == ["3", "Postponed"]
    assert history.model.index(2, 4).data().startswith("1 open")
    assert OBJECTION in history.details.toPlainText()
    recorded = window.session.workspace.presentations[-1]
    assert recorded.outcome == "postponed" and [o.text for o in recorded.objections] == [OBJECTION]
    archived = window.session.store.folder / recorded.deck_file
    assert recorded.deck_sha256 == _sha256(first) == _sha256(archived)

    # -- answer the objection (no screen for it: through the data, one step of undo) ------------------
    changed = dataclasses.replace(recorded, objections=[dataclasses.replace(recorded.objections[0], answer=ANSWER)])
    window.session.do(UpdateItem(PRESENTATIONS, recorded, changed), "Answer objection")
    settle(qtbot, history)
    assert ANSWER in history.details.toPlainText()

    # -- the next deck answers it on its "since last time" slide --------------------------------------
    window.show_page("briefing")
    second = tmp_path / "out" / "attempt-4.pptx"
    _export(qtbot, window, page, jobs, second)
    since = [text for text in _slide_texts(second) if OBJECTION in text]
    assert len(since) == 1
    assert f"✓ {ANSWER}" in since[0]


# -- the defects this journey met, each shown on its own ------------------------------------------------


def test_an_objection_is_answered_on_the_history_page_as_one_undoable_step(qtbot: Any, demo_window: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from briefing.guide.objections import open_objections

    window = demo_window
    window.show_page("history")
    page = window.pages["history"]
    workspace = window.session.workspace
    assert page.objections.rowCount() == len(open_objections(workspace)) > 1
    index = page.objections_proxy.mapFromSource(page.objections.index(1, 3))
    page.objections_view.setFocus()
    page.objections_view.setCurrentIndex(index)
    page.objections_view.edit(index)
    editor = qtbot.waitUntil(lambda: isinstance(page.objections_view.focusWidget(), QLineEdit)) or (
        page.objections_view.focusWidget())
    editor.selectAll()
    qtbot.keyClicks(editor, "Legal Ops owns the fields from January.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_objections(workspace)[1].objection.answer == "Legal Ops owns the fields from January.")
    entry = open_objections(workspace)[1]
    assert entry.objection.status == "open"  # answered when the deck that shows it is presented
    assert window.session.undo_stack.undoText().startswith("Answer objection 2")
    window.menus.undo_action.trigger()
    assert open_objections(workspace)[1].objection.answer != "Legal Ops owns the fields from January."


def test_the_since_slide_speaks_of_one_question_in_the_singular(
    qtbot: Any, settings: Any, tmp_path: Path, demo: Any, clock: Any
) -> None:
    from briefing.store import WorkspaceStore
    from ui.main_window import MainWindow

    for presentation in demo.presentations:  # every objection answered but one, which has its answer
        for objection in presentation.objections:
            objection.status = "answered"
    demo.presentations[-1].objections[0].status = "open"
    folder = tmp_path / "one-objection"
    with WorkspaceStore.open(folder, clock) as store:
        store.replace(demo)
    window = MainWindow(settings, JourneyPrompts(lambda: None), clock)
    qtbot.addWidget(window)
    window.show()  # the deck is checked only on a page that is shown
    assert window.open_folder(folder)
    window.show_page("briefing")
    titles = _outline(window.pages["briefing"], qtbot)[1]
    since = [title for title in titles if "asked last time" in title]
    assert len(since) == 1 and "all 1 " not in since[0]
    window.close()
