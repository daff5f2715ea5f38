"""The Evidence page: survey import (samples, a bad file, the mapping dialog), questions, findings, KPIs; the
initiatives' tab built when first shown."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from page_helpers import shown_page
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from briefing.edits import AddItem, UpdateItem
from briefing.evidence.analysis import analyse
from briefing.model.collections import INITIATIVES, SURVEYS
from briefing.model.entities import Initiative, Kpi
from ui.dialogs.mapping import MappingDialog
from ui.pages.evidence import EvidencePage

# showing a window on the offscreen platform warns once; any other Qt warning fails the test
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


UNKNOWN_LAYOUT = (
    "Svartid;Jeg finder hurtigt den kontrakt, jeg skal bruge;Minutter brugt på sidste søgning;Kommentar\n"
    "2026-03-02 09:15;Enig;12;Fint\n"
    "2026-03-02 10:40;Uenig;45;Tager for lang tid\n"
    "2026-03-03 08:05;Helt enig;5;\n"
)


def _page(qtbot, session) -> EvidencePage:
    page = EvidencePage(session)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    return page


def _column(model, field: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.field == field)


def test_import_the_three_sample_exports_each_as_one_undo_step(qtbot, session, samples: Path) -> None:
    page = _page(qtbot, session)
    files = sorted((samples / "surveys").iterdir())
    count = len(session.workspace.surveys)
    added = page.imports.import_survey_files(files)
    assert len(added) == 3
    sources = {SURVEYS.find(session.workspace, i).source for i in added}
    assert sources == {"msforms", "googleforms", "surveymonkey"}
    assert page.surveys.rowCount() == count + 3
    assert page.survey_section.current().id == added[-1]
    assert page.questions.rowCount() == len(SURVEYS.find(session.workspace, added[-1]).questions)
    session.undo_stack.undo()
    assert len(session.workspace.surveys) == count + 2
    session.undo_stack.redo()
    assert len(session.workspace.surveys) == count + 3


def test_dropping_a_survey_file_on_the_page_imports_it(qtbot, session, samples: Path) -> None:
    page = _page(qtbot, session)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(samples / "surveys" / "googleforms-knowledge-pulse-en.csv"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    count = len(session.workspace.surveys)
    with qtbot.waitSignal(page.imports.imported):
        page.dropEvent(event)
    assert len(session.workspace.surveys) == count + 1


def test_a_bad_survey_file_shows_the_importers_message_and_changes_nothing(qtbot, session, tmp_path) -> None:
    page = _page(qtbot, session)
    shown: list[tuple[str, str]] = []
    page.imports.show_error = lambda title, text: shown.append((title, text))
    bad = tmp_path / "answers.csv"
    bad.write_text('Timestamp,Question\n2026-01-01,"never closed\n', encoding="utf-8")
    before = list(session.workspace.surveys)
    with qtbot.waitSignal(page.imports.failed) as failed:
        assert page.imports.import_survey_files([bad]) == []
    assert shown == [("The survey could not be imported", failed.args[0])]
    assert "answers.csv" in failed.args[0]
    assert session.workspace.surveys == before
    assert session.undo_stack.count() == 0


def test_an_unknown_layout_opens_the_mapping_dialog_which_is_filled_and_accepted(qtbot, session, tmp_path) -> None:
    page = _page(qtbot, session)
    path = tmp_path / "egen-undersøgelse.csv"
    path.write_text(UNKNOWN_LAYOUT, encoding="utf-8")
    dialogs: list[MappingDialog] = []

    def fill(file: Path, table, proposed):  # type: ignore[no-untyped-def]
        dialog = MappingDialog(table, proposed, file.name)
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        dialog.set_use("Svartid", "timestamp")
        dialog.set_use("Kommentar", "ignore")
        dialog.accept()
        return dialog.mapping() if dialog.result() else None

    page.imports.ask_mapping = fill
    added = page.imports.import_survey_files([path])
    assert len(dialogs) == 1 and len(added) == 1
    survey = SURVEYS.find(session.workspace, added[0])
    assert [q.text for q in survey.questions] == ["Jeg finder hurtigt den kontrakt, jeg skal bruge",
                                                   "Minutter brugt på sidste søgning"]
    assert len(survey.responses) == 3


def test_the_mapping_dialog_refuses_a_mapping_without_questions(qtbot, session, tmp_path) -> None:
    from briefing.evidence.layouts import propose_mapping
    from briefing.evidence.readers import read_table

    path = tmp_path / "x.csv"
    path.write_text(UNKNOWN_LAYOUT, encoding="utf-8")
    table = read_table(path)
    dialog = MappingDialog(table, propose_mapping(table), path.name)
    qtbot.addWidget(dialog)
    for name in dialog.model.names:
        dialog.set_use(name, "ignore")
    dialog.accept()
    assert not dialog.result()
    assert dialog.message.text() == "Choose at least one column as a question."


def test_change_a_questions_kind_in_its_cell_and_undo(qtbot, session) -> None:
    page = _page(qtbot, session)
    survey = session.workspace.surveys[0]
    page.survey_section.panel.select(survey.id)
    row = next(r for r, q in enumerate(survey.questions) if q.kind == "single")
    index = page.questions.index(row, _column(page.questions, "kind"))
    assert page.questions.setData(index, "text")
    assert session.workspace.surveys[0].questions[row].kind == "text"
    assert index.data() == "Free text"
    session.undo_stack.undo()
    assert session.workspace.surveys[0] == survey


def test_accept_a_suggested_finding(qtbot, session) -> None:
    page = _page(qtbot, session)
    page.show()
    survey = session.workspace.surveys[0]
    page.survey_section.panel.select(survey.id)
    with qtbot.waitSignal(page.analysing.shown, timeout=10_000):  # analysed on a worker
        page.question_panel.view.selectRow(0)
    suggestion = analyse(survey)[0].suggestions[0].message()
    texts = page.suggestions.stringList()
    assert suggestion in texts or suggestion in survey.findings
    assert "n = " in page.analysis.toPlainText()
    page.suggestion_view.setCurrentIndex(page.suggestions.index(0))
    first = texts[0]
    with qtbot.waitSignal(page.analysing.shown, timeout=10_000):
        page.accept_button.click()
    assert session.workspace.surveys[0].findings[-1] == first
    assert first not in page.suggestions.stringList()
    session.undo_stack.undo()
    assert session.workspace.surveys[0].findings == survey.findings


def test_add_a_kpi_and_a_measurement_then_undo(qtbot, session) -> None:
    page = _page(qtbot, session)
    page.tabs.setCurrentIndex(1)
    tab = page.initiative_tab
    initiative = session.workspace.initiatives[0]
    tab.initiative_section.panel.select(initiative.id)
    tab.kpi_panel.add_button.click()
    kpis = session.workspace.initiatives[0].kpis
    assert len(kpis) == len(initiative.kpis) + 1
    assert tab.kpi_panel.current().id == kpis[-1].id
    tab.measurement_date.setText("2026-11-20")
    tab.measurement_value.setText("12,5")
    tab.add_measurement_button.click()
    assert session.workspace.initiatives[0].kpis[-1].measurements[-1].value == 12.5
    assert tab.measurements.rowCount() == 1
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.workspace.initiatives[0] == initiative


def test_a_measurement_without_a_number_is_refused_inline(qtbot, session) -> None:
    tab = _page(qtbot, session).initiative_tab
    initiative = session.workspace.initiatives[0]
    tab.initiative_section.panel.select(initiative.id)
    tab.kpi_panel.view.selectRow(0)
    tab.measurement_value.setText("many")
    tab.add_measurement_button.click()
    assert tab.measurement_message.text() == "Value: many is not a number"
    assert session.workspace.initiatives[0] == initiative


def test_an_invalid_initiative_date_stays_in_the_form(qtbot, session) -> None:
    tab = _page(qtbot, session).initiative_tab
    initiative = session.workspace.initiatives[0]
    tab.initiative_section.panel.select(initiative.id)
    form = tab.initiative_section.form
    form.editors["start"].setText("2026-13-01")
    assert not form.save()
    assert form.errors() == {"start": "Start: 2026-13-01 is not a date (YYYY-MM-DD)"}
    assert session.workspace.initiatives[0] == initiative


def test_the_kpi_chart_is_drawn_only_when_shown(qtbot, session) -> None:
    page = _page(qtbot, session)
    page.show()
    page.tabs.setCurrentIndex(1)
    tab = page.initiative_tab
    assert tab.kpi_chart.figure is None
    tab.kpi_tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.kpi_chart.figure is not None)
    assert tab.kpi_chart.spec is not None and tab.kpi_chart.spec.kind == "bar"


def _titles(model) -> list[str]:  # type: ignore[no-untyped-def]
    column = _column(model, "title")
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_initiatives_tab_is_built_when_first_shown_with_the_demos_initiatives(qtbot, session) -> None:
    page = shown_page(qtbot, EvidencePage, session)
    assert not page.initiatives_tab.built  # the first visit builds only the surveys' tab
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.initiatives_tab.built)
    tab = page.initiative_tab
    initiatives = session.workspace.initiatives
    assert _titles(tab.initiatives) == [i.title for i in initiatives] and len(initiatives) > 1
    assert tab.initiative_section.current() is initiatives[0]
    assert tab.kpis.rowCount() == len(initiatives[0].kpis) > 0
    assert tab.measurement_date.text() == session.store.clock.today().isoformat()
    assert tab.kpi_tabs.tabText(0) == "Measurements" and tab.add_measurement_button.text()


def test_an_edit_made_before_the_initiatives_tab_is_built_shows_when_it_is(qtbot, session) -> None:
    page = shown_page(qtbot, EvidencePage, session)
    first = session.workspace.initiatives[0]
    extended = dataclasses.replace(first, title="Renamed pilot", kpis=[*first.kpis, Kpi(id="k-new", name="Speed")])
    session.do(UpdateItem(INITIATIVES, first, extended), "rename")
    session.do(AddItem(INITIATIVES, Initiative(id="i-new", title="Added later")), "add")
    assert not page.initiatives_tab.built
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.initiatives_tab.built)
    tab = page.initiative_tab
    assert _titles(tab.initiatives) == [i.title for i in session.workspace.initiatives]
    assert {"Renamed pilot", "Added later"} <= set(_titles(tab.initiatives))
    assert tab.initiative_section.current().id == first.id and tab.kpis.rowCount() == len(first.kpis) + 1


def test_the_window_keeps_answering_while_a_survey_file_is_read(qtbot, session, samples: Path, monkeypatch) -> None:
    import threading

    from PySide6.QtCore import QTimer

    from briefing.evidence import surveys

    page = _page(qtbot, session)
    real = surveys.import_survey
    answered = threading.Event()

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert answered.wait(timeout=20), "the UI thread did not answer while the file was read"
        assert threading.current_thread() is not threading.main_thread()
        return real(*args, **kwargs)

    monkeypatch.setattr(surveys, "import_survey", slow)
    QTimer.singleShot(0, answered.set)  # fires only if the UI thread's event loop runs during the import
    added = page.imports.import_survey_files([samples / "surveys" / "googleforms-knowledge-pulse-en.csv"])
    assert len(added) == 1 and answered.is_set()
