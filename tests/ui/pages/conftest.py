"""Fixtures for the data pages: a session over the demo workspace (in memory) or a small one."""

from __future__ import annotations

import pytest

from briefing.clock import FixedClock
from briefing.model import Workspace
from briefing.store import WorkspaceStore


@pytest.fixture
def session(qtbot, memory_store: WorkspaceStore):  # type: ignore[no-untyped-def]
    from ui.session import Session

    session = Session(memory_store)
    yield session
    session.undo_stack.clear()


@pytest.fixture
def empty_session(qtbot, clock: FixedClock):  # type: ignore[no-untyped-def]
    from ui.session import Session

    session = Session(WorkspaceStore.in_memory(Workspace(), clock))
    yield session
    session.undo_stack.clear()


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers yes to every confirmation and keeps the questions asked."""
    asked: list[str] = []

    def yes(parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr("ui.forms.section.ask", yes)
    return asked


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """A message box in a test would wait forever: record what it would have said instead."""
    from PySide6.QtWidgets import QMessageBox

    said: list[tuple[str, str]] = []

    def record(parent: object, title: str, text: str, *rest: object) -> QMessageBox.StandardButton:
        said.append((title, text))
        return QMessageBox.StandardButton.No

    for name in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return said
