"""The table models: QAbstractItemModelTester, precise row signals, cell edits through the undo stack."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from briefing.edits import AddItem, RemoveItem, UpdateItem, remove_with_dependents
from briefing.evidence.kinds import retype
from briefing.model.collections import DIALOGUES, INITIATIVES, PHASES, PROBLEMS, REFERENCES, STAKEHOLDERS, SURVEYS
from briefing.model.entities import Kpi, Measurement, Stakeholder
from ui.models.collection import CollectionTableModel, NestedTableModel, SearchProxy
from ui.models.guide import contacts_model, overdue_model
from ui.models.mapping import MappingModel
from ui.models.people import dialogue_columns, reference_columns, stakeholder_columns
from ui.models.plans import QuestionsModel, kpi_columns, measurement_columns, phase_columns
from ui.models.traceability import TraceabilityModel


def _column(model: CollectionTableModel, field: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.field == field)


def _models(session) -> dict[str, object]:
    ws = session.workspace
    initiative = next(i for i in ws.initiatives if i.kpis)
    questions = QuestionsModel(session)
    questions.set_owner(ws.surveys[0].id)
    kpis = NestedTableModel(session, INITIATIVES, kpi_columns(), ("kpis",))
    kpis.set_owner(initiative.id)
    measurements = NestedTableModel(session, INITIATIVES, measurement_columns(),
                                    ("kpis", initiative.kpis[0].id, "measurements"))
    measurements.set_owner(initiative.id)
    first = (ws.stakeholders[0].id, ws.stakeholders[1].id)
    return {
        "stakeholders": CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns()),
        "dialogues": CollectionTableModel(
            session, DIALOGUES, dialogue_columns(), lambda d: d.stakeholder_id in first
        ),
        "references": CollectionTableModel(session, REFERENCES, reference_columns()),
        "phases": CollectionTableModel(session, PHASES, phase_columns()),
        "questions": questions,
        "kpis": kpis,
        "measurements": measurements,
        "overdue": overdue_model(session),
        "contacts": contacts_model(session),
        "matrix": TraceabilityModel(session),
    }


MODEL_NAMES = ["stakeholders", "dialogues", "references", "phases", "questions", "kpis", "measurements",
               "overdue", "contacts", "matrix"]


def _shake(session) -> None:
    """Edits of every kind the pages make, then undo and redo them all."""
    ws = session.workspace
    person = ws.stakeholders[0]
    session.do(AddItem(STAKEHOLDERS, Stakeholder(id="new", name="Zoe", stance="champion")), "add")
    session.do(UpdateItem(STAKEHOLDERS, person, dataclasses.replace(person, role="CEO", decision_maker=True)), "e")
    session.do(remove_with_dependents(session.store, STAKEHOLDERS, ws.stakeholders[1].id), "remove")
    session.do(remove_with_dependents(session.store, PROBLEMS, ws.problems[0].id), "remove problem")
    initiative = next(i for i in ws.initiatives if i.kpis)
    changed = copy.deepcopy(initiative)
    changed.kpis[0].measurements.append(Measurement(dt.date(2026, 11, 1), 5.0))
    changed.kpis.insert(0, Kpi(id="k-new", name="Speed"))
    session.do(UpdateItem(INITIATIVES, initiative, changed), "kpi")
    survey = ws.surveys[0]
    retyped = retype(survey, survey.questions[0].id, "single")
    retyped.questions[1].text = "Renamed"
    session.do(UpdateItem(SURVEYS, survey, retyped), "question")
    phase = ws.phases[0]
    session.do(RemoveItem(PHASES, phase.id), "phase") if not phase.csf_ids else None
    for _ in range(session.undo_stack.count()):
        session.undo_stack.undo()
    for _ in range(session.undo_stack.count()):
        session.undo_stack.redo()


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_every_model_passes_the_model_tester_through_edits_undo_and_redo(qtmodeltester, session, name) -> None:
    model = _models(session)[name]
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() > 0 or name in ("contacts",)
    _shake(session)


def test_the_mapping_model_passes_the_model_tester(qtmodeltester) -> None:
    model = MappingModel(["Time", "Q1"], ["2026-01-01", "Yes"], ["timestamp", "question"])
    qtmodeltester.check(model, force_py=True)
    model.setData(model.index(1, 2), "timestamp")


def test_the_attempts_model_passes_the_model_tester_and_sorts_through_the_proxy(qtmodeltester, session) -> None:
    from briefing.guide.history import history
    from ui.models.history import AttemptsModel

    model = AttemptsModel()
    qtmodeltester.check(model, force_py=True)
    attempts = history(session.workspace).attempts
    model.set_attempts(attempts)
    assert model.rowCount() == len(attempts) > 1
    proxy = SearchProxy(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(row, 0).data() for row in range(proxy.rowCount())] == [
        str(n) for n in range(len(attempts), 0, -1)]


def test_an_added_item_is_an_inserted_row_not_a_reset(qtbot, session) -> None:
    model = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns())
    count = model.rowCount()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        session.do(AddItem(STAKEHOLDERS, Stakeholder(id="new", name="Zoe")), "add")
    assert inserted.args[1:] == [count, count]
    assert model.item(count).name == "Zoe"
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        session.undo_stack.undo()
    assert removed.args[1:] == [count, count]
    assert not resets


def test_an_update_changes_only_its_row(qtbot, session) -> None:
    model = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns())
    person = session.workspace.stakeholders[3]
    with qtbot.waitSignal(model.dataChanged) as changed:
        session.do(UpdateItem(STAKEHOLDERS, person, dataclasses.replace(person, role="Chief Legal Officer")), "e")
    top_left, bottom_right = changed.args[0], changed.args[1]
    assert (top_left.row(), bottom_right.row()) == (3, 3)
    assert model.index(3, _column(model, "role")).data() == "Chief Legal Officer"


def test_a_cell_edit_is_one_undo_step(session) -> None:
    model = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns())
    index = model.index(0, _column(model, "influence"))
    before = session.workspace.stakeholders[0].influence
    new = 1 if before != 1 else 2
    assert model.setData(index, new)
    assert session.workspace.stakeholders[0].influence == new
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.workspace.stakeholders[0].influence == before
    assert index.data() == str(before)


def test_an_invalid_cell_edit_changes_nothing_and_says_why(qtbot, session) -> None:
    model = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns())
    index = model.index(0, _column(model, "influence"))
    before = session.workspace.stakeholders[0]
    with qtbot.waitSignal(model.edit_failed) as failed:
        assert not model.setData(index, 7)
    assert "7 is not within 1–5" in failed.args[0].message()
    assert "7 is not within 1–5" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert session.workspace.stakeholders[0] == before
    assert session.undo_stack.count() == 0


def test_a_bad_date_in_a_cell_names_the_field(qtbot, session) -> None:
    model = CollectionTableModel(session, DIALOGUES, dialogue_columns())
    index = model.index(0, _column(model, "date"))
    with qtbot.waitSignal(model.edit_failed) as failed:
        assert not model.setData(index, "31/12/2026")
    assert failed.args[0].message() == "Date: 31/12/2026 is not a date (YYYY-MM-DD)"
    assert session.undo_stack.count() == 0


def test_a_date_cell_reads_the_languages_way_edits_as_typed_and_sorts_by_the_calendar(session) -> None:
    from briefing.i18n import set_language

    model = CollectionTableModel(session, DIALOGUES, dialogue_columns())
    column = _column(model, "date")
    first = session.workspace.dialogues[0].date
    index = model.index(0, column)
    try:
        for lang, shown in (("en", f"{first.day} "), ("da", f"{first.day}. ")):
            set_language(lang)
            assert index.data().startswith(shown) and str(first.year) in index.data()
            assert index.data(Qt.ItemDataRole.EditRole) == first.isoformat()  # what the editor starts from
    finally:
        set_language("en")
    proxy = SearchProxy(model)
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    dates = [proxy.item_at(proxy.index(row, 0)).date for row in range(proxy.rowCount())]
    assert dates == sorted(dates)  # "2 Feb" before "10 Jan" would be the text's order


def test_bool_cells_toggle_with_their_check_box(session) -> None:
    model = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns())
    index = model.index(0, _column(model, "budget_holder"))
    was = session.workspace.stakeholders[0].budget_holder
    state = Qt.CheckState.Unchecked if was else Qt.CheckState.Checked
    assert model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)
    assert session.workspace.stakeholders[0].budget_holder is not was


def test_search_and_sort_through_the_proxy(session) -> None:
    model = CollectionTableModel(session, STAKEHOLDERS, stakeholder_columns())
    proxy = SearchProxy(model)
    proxy.setFilterFixedString("legal")
    legal = [s for s in session.workspace.stakeholders if "legal" in (s.role + s.department + s.name).casefold()]
    assert proxy.rowCount() == len(legal)
    proxy.setFilterFixedString("")
    proxy.sort(_column(model, "influence"), Qt.SortOrder.DescendingOrder)
    shown = [proxy.item_at(proxy.index(row, 0)).influence for row in range(proxy.rowCount())]
    assert shown == sorted(shown, reverse=True)


def test_the_matrix_toggles_a_link_as_an_undoable_edit(session) -> None:
    matrix = TraceabilityModel(session)
    csf = session.workspace.csfs[0]
    column = next(c for c in range(matrix.columnCount()) if matrix.headerData(c, Qt.Orientation.Horizontal,
                                                                               Qt.ItemDataRole.ToolTipRole).startswith("Phase"))
    index = matrix.index(0, column)
    before = index.data()
    matrix.toggle(index)
    assert index.data() != before
    assert (csf.id in session.workspace.phases[column - len(session.workspace.problems)
                                                 - len(session.workspace.initiatives)].csf_ids) == (before == "")
    session.undo_stack.undo()
    assert index.data() == before


def test_the_mapping_model_keeps_one_timestamp() -> None:
    model = MappingModel(["A", "B", "C"], ["", "", ""], ["timestamp", "question", "question"])
    assert model.setData(model.index(2, 2), "timestamp")
    assert model.uses == ["question", "question", "timestamp"]
    assert not model.setData(model.index(1, 2), "nonsense")
