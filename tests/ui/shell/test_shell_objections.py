"""The open objections on the History page: a model whose answer cells write through the undo stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from briefing.guide.objections import open_objections
from briefing.store import WorkspaceStore
from ui.models.objections import OpenObjectionsModel
from ui.session import Session


def _model(memory_store: WorkspaceStore) -> tuple[Session, OpenObjectionsModel]:
    session = Session(memory_store)
    return session, OpenObjectionsModel(session)


def test_the_model_passes_the_model_tester_through_edits(qtmodeltester: Any, memory_store: WorkspaceStore) -> None:
    session, model = _model(memory_store)
    qtmodeltester.check(model)
    assert model.rowCount() == len(open_objections(session.workspace)) > 0
    assert model.setData(model.index(0, 3), "An answer from the model", Qt.ItemDataRole.EditRole)
    qtmodeltester.check(model)
    session.undo_stack.undo()
    qtmodeltester.check(model)


def test_an_answer_is_one_undoable_step_and_only_the_answer_column_edits(memory_store: WorkspaceStore) -> None:
    session, model = _model(memory_store)
    before = model.data(model.index(0, 3), Qt.ItemDataRole.EditRole)
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 2), "rewritten objection", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0, 3), "  Two hours a month.  ", Qt.ItemDataRole.EditRole)
    assert open_objections(session.workspace)[0].objection.answer == "Two hours a month."
    assert model.data(model.index(0, 3), Qt.ItemDataRole.DisplayRole) == "Two hours a month."
    session.undo_stack.undo()
    assert model.data(model.index(0, 3), Qt.ItemDataRole.EditRole) == before
    session.undo_stack.redo()
    assert model.data(model.index(0, 3), Qt.ItemDataRole.EditRole) == "Two hours a month."


def test_an_empty_answer_shows_that_none_is_written(memory_store: WorkspaceStore) -> None:
    _, model = _model(memory_store)
    assert model.setData(model.index(0, 3), "", Qt.ItemDataRole.EditRole)
    assert model.data(model.index(0, 3), Qt.ItemDataRole.DisplayRole) == "— no answer yet —"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.EditRole) == ""
