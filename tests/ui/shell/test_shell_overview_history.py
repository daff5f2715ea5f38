"""The overview's readiness checklist and the presentation history, as the user reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backdrops import settle
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from briefing.guide.readiness import STEP_KEYS
from briefing.model.collections import STAKEHOLDERS, SURVEYS


def test_the_overview_lists_the_six_steps_and_checks_the_deck_after_showing(opened: Any, qtbot: Any) -> None:
    overview = opened.pages["overview"]
    assert [card.key for card in overview.cards] == list(STEP_KEYS)
    qtbot.waitUntil(lambda: overview.deck is not None, timeout=30000)
    statuses = [card.status for card in overview.cards]
    assert statuses[:5] == ["done"] * 5
    assert overview.cards[5].reason.text() and overview.cards[5].mark.text() in ("✓", "!")
    assert "of 6 steps done" in overview.summary.text() or overview.summary.text().startswith("Ready")
    assert overview.next_attempt.text().startswith("Attempt 2: Partly approved on 22 September 2026: ")


def test_a_steps_go_to_button_opens_its_page(opened: Any) -> None:
    overview = opened.pages["overview"]
    overview.cards[2].button.click()
    assert opened.current_page_name() == "evidence"
    opened.show_page("overview")
    overview.cards[4].button.click()
    assert opened.current_page_name() == "roadmap"


def test_an_empty_workspace_shows_every_step_to_do(window: Any, tmp_path: Path, qtbot: Any) -> None:
    window.open_folder(tmp_path / "empty")
    overview = window.pages["overview"]
    assert overview.summary.text() == "Updating…" and overview.cards[0].reason.text() == "Checking…"  # on a worker
    qtbot.waitUntil(lambda: not overview.computing.outdated, timeout=10_000)
    assert [card.status for card in overview.cards][:5] == ["missing"] * 5
    assert overview.summary.text() == "0 of 6 steps done"
    assert overview.next_attempt.text() == "Not presented to leadership yet."
    qtbot.waitUntil(lambda: overview.deck is not None, timeout=30000)
    deck = overview.cards[5]
    assert deck.status == "missing" and deck.reason.text() == "The deck asks for nothing yet: it has no ask."


def test_the_history_numbers_the_attempts_with_outcome_and_objections(opened: Any, qtbot: Any) -> None:
    opened.show_page("history")
    history = opened.pages["history"]
    settle(qtbot, history)
    qtbot.waitUntil(lambda: history.chart.spec is not None)  # the chart is made on its worker
    rows = _rows(history.table)
    presentations = sorted(opened.session.workspace.presentations, key=lambda p: p.date)
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(presentations) + 1)]
    assert rows[-1][3] == "Partly approved"
    assert "open" in rows[-1][4] and "answered" in rows[-1][4]
    assert history.chart.spec is not None and history.chart.spec.kind == "timeline"  # the attempts on a timeline
    assert len(history.chart.spec.spans) == len(presentations)
    details = history.details.toPlainText()
    assert "Attempt 2" in details and "What changed since" in details
    history.select(1)
    assert "What happened before this first attempt" in history.details.toPlainText()


def test_the_history_speaks_danish_after_the_switch(opened: Any, qtbot: Any) -> None:
    opened.show_page("history")
    opened.set_language("da")
    history = opened.pages["history"]
    settle(qtbot, history)  # the history is made on a worker
    assert history.table.model().headerData(3, Qt.Orientation.Horizontal) == "Udfald"
    assert _rows(history.table)[-1][3] == "Delvist godkendt"
    assert "Forsøg 2" in history.details.toPlainText()


def _rows(view: Any) -> list[list[str]]:
    """The table's texts as shown, top to bottom."""
    model = view.model()
    return [[model.index(row, col).data() for col in range(model.columnCount())] for row in range(model.rowCount())]


def _click_header(qtbot: Any, view: Any, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_the_history_tables_sort_by_a_click_on_a_header_and_keep_the_attempt_shown(opened: Any, qtbot: Any) -> None:
    opened.show_page("history")
    history = opened.pages["history"]
    settle(qtbot, history)
    assert [row[0] for row in _rows(history.table)] == ["1", "2"]
    _click_header(qtbot, history.table, 1)  # by date: the earliest first
    _click_header(qtbot, history.table, 1)  # again: the latest first
    assert [row[0] for row in _rows(history.table)] == ["2", "1"]
    history.table.setCurrentIndex(history.table.model().index(1, 0))
    assert history.selected_number() == 1 and "Attempt 1" in history.details.toPlainText()
    history.select(2)
    assert history.table.currentIndex().row() == 0 and "Attempt 2" in history.details.toPlainText()

    texts = [row[2] for row in _rows(history.objections_view)]
    _click_header(qtbot, history.objections_view, 2)
    assert [row[2] for row in _rows(history.objections_view)] == sorted(texts, key=str.casefold)
    numbers = [row[0] for row in _rows(history.objections_view)]
    assert sorted(numbers, key=int) == [str(n) for n in range(1, len(texts) + 1)]  # each keeps its number


def test_the_history_search_keeps_the_attempts_and_objections_that_mention_it(opened: Any, qtbot: Any) -> None:
    opened.show_page("history")
    history = opened.pages["history"]
    settle(qtbot, history)
    first = sorted(opened.session.workspace.presentations, key=lambda p: p.date)[0]
    only_first = next(o.text for o in first.objections if o.status == "open")
    word = max(only_first.split(), key=len)
    opened.menus.find_action.trigger()
    assert history.search.hasFocus()
    qtbot.keyClicks(history.search, word)
    assert [row[0] for row in _rows(history.table)] == ["1"]  # the attempt whose objection says it
    assert all(word.casefold() in row[2].casefold() for row in _rows(history.objections_view))
    assert any(row[2] == only_first for row in _rows(history.objections_view))
    history.select(2)  # choosing an attempt the search hides clears the search
    assert history.search.text() == "" and len(_rows(history.table)) == 2


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, list[Path]]] = []

    def import_survey_files(self, paths: list[Path]) -> list[str]:
        self.calls.append(("survey", list(paths)))
        return []

    def import_stakeholder_files(self, paths: list[Path]) -> list[str]:
        self.calls.append(("stakeholders", list(paths)))
        return []


def _drop(window: Any, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return event


def test_dropped_files_go_to_the_importer_the_page_suggests_or_the_user_chooses(
    opened: Any, prompts: Any, tmp_path: Path
) -> None:
    survey, people, other = tmp_path / "pulse.xlsx", tmp_path / "people.csv", tmp_path / "notes.pdf"
    for path in (survey, people, other):
        path.write_bytes(b"x")
    for name in ("evidence", "allies"):  # the pages are built with the window's importer, then it is replaced
        opened.show_page(name)
    recorder = Recorder()
    opened.imports = recorder
    _drop(opened, [people, other])
    opened.show_page("evidence")
    _drop(opened, [survey])
    opened.show_page("overview")
    prompts.kind = "stakeholders"
    _drop(opened, [people])
    assert recorder.calls == [("stakeholders", [people]), ("survey", [survey]), ("stakeholders", [people])]
    assert prompts.names()[-1] == "import_kind"


def test_the_import_menu_asks_for_files_and_hands_them_to_the_importer(
    opened: Any, prompts: Any, tmp_path: Path
) -> None:
    recorder = Recorder()
    opened.imports = recorder
    prompts.files = [tmp_path / "a.csv"]
    opened.menus.import_survey_action.trigger()
    opened.menus.import_stakeholders_action.trigger()
    assert recorder.calls == [("survey", prompts.files), ("stakeholders", prompts.files)]


def test_after_an_import_the_page_that_shows_it_opens(opened: Any) -> None:
    opened.imports.imported.emit(STAKEHOLDERS, ["s90", "s91"])
    assert opened.current_page_name() == "allies"
    opened.imports.imported.emit(SURVEYS, ["sv9"])
    assert opened.current_page_name() == "evidence"


def test_a_stakeholder_file_dropped_on_the_allies_page_is_imported(
    window: Any, tmp_path: Path, samples: Path, qtbot: Any, answer_dialogs: Any
) -> None:
    from PySide6.QtWidgets import QDialog

    window.open_folder(tmp_path / "fresh")
    window.show_page("allies")
    answer_dialogs(QDialog)  # accept the mapping dialog or a notice, should one show
    with qtbot.waitSignal(window.imports.imported):
        _drop(window, [samples / "stakeholders-da.csv"])
    count = len(window.session.workspace.stakeholders)
    assert count > 3
    assert window.menus.undo_action.isEnabled()
    assert window.statusBar().currentMessage() == f"Imported {count} stakeholders from stakeholders-da.csv."


def test_what_the_importer_noticed_is_shown_with_what_was_imported(
    window: Any, tmp_path: Path, samples: Path, qtbot: Any, answer_dialogs: Any
) -> None:
    """A Danish Excel export saved as Windows-1252: imported, and the user is told how it was read."""
    from PySide6.QtWidgets import QMessageBox

    legacy = tmp_path / "videndeling-excel.csv"
    sample = samples / "surveys" / "surveymonkey-videndeling-da.csv"
    legacy.write_bytes(sample.read_text(encoding="utf-8").encode("cp1252"))
    window.open_folder(tmp_path / "fresh")
    window.show_page("evidence")
    boxes = answer_dialogs(QMessageBox)
    with qtbot.waitSignal(window.imports.imported):
        _drop(window, [legacy])
    survey = window.session.workspace.surveys[0]
    summary = (f"Imported “{survey.title}” from videndeling-excel.csv: {len(survey.responses)} responses, "
               f"{len(survey.questions)} questions.")
    assert window.statusBar().currentMessage() == summary
    qtbot.waitUntil(lambda: bool(boxes.texts))
    text = boxes.texts[0][0]
    assert boxes.titles[0].endswith("Imported, with remarks")
    assert text.startswith(summary) and "read as Windows-1252" in text


def test_a_decision_maker_opens_on_the_allies_page_to_log_a_contact(opened: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    opened.show_page("leadership")
    page = opened.pages["leadership"]
    view = page.leaders_view
    index = view.model().index(0, 0)
    expected = page.leaders.item(view.model().mapToSource(index).row())
    assert expected.decision_maker
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.current_page_name() == "allies"
    allies = opened.pages["allies"]
    assert allies.person().id == expected.id and allies.tabs.currentIndex() == 0
    assert expected.name in allies.log.panel.title.text()


def test_the_overview_of_a_workspace_closed_meanwhile_starts_no_deck_check(window: Any, tmp_path: Any) -> None:
    window.open_folder(tmp_path / "empty")
    first = window.pages["overview"]
    first.demo_button.click()  # another workspace opens; the first overview waits for Qt to delete it
    assert window.pages["overview"] is not first
    window.runner.wait()
    first.check_deck()  # its delayed check comes due before the deletion
    assert not window.runner.busy


def test_the_history_chart_and_the_attempt_share_the_width(opened: Any, qtbot: Any) -> None:
    opened.resize(1440, 900)
    opened.show_page("history")
    history = opened.pages["history"]
    settle(qtbot, history)
    chart, attempt = history.chart.width(), history.details.width()
    assert chart > 400 and abs(chart - attempt) < 0.1 * attempt  # not squeezed beside the attempt's text
