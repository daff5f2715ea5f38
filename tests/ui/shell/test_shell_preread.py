"""File → Export pre-read…: the file asked (the dialog patched), written off the GUI thread, remembered."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from briefing.i18n import tr


def patch_dialog(monkeypatch: pytest.MonkeyPatch, answer: str, chosen_filter: str = "") -> list[tuple[str, str]]:
    """Answer the save dialog with ``answer``; returns what it was offered (the start path and the filters)."""
    offered: list[tuple[str, str]] = []

    def save(_parent: Any, _title: str, start: str, filters: str, _selected: str = "") -> tuple[str, str]:
        offered.append((start, filters))
        return answer, chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return offered


def test_export_pre_read_asks_writes_a_pdf_off_the_gui_thread_and_remembers_the_folder(
    opened: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    action = opened.menus.export_preread_action
    assert action.isEnabled() and action.text() == "Export &pre-read…"
    offered = patch_dialog(monkeypatch, str(tmp_path / "board"), tr("shell.preread.docx") + " (*.docx)")
    progress: list[int] = []
    opened.preread.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(opened.preread.exported, timeout=60000) as done:
        action.trigger()
        assert opened.preread.job is not None  # the action returned while the worker writes
    target = tmp_path / "board.docx"  # no suffix typed: the filter chosen gives it
    assert done.args == [target] and target.is_file()
    assert "*.pdf" in offered[0][1] and "*.docx" in offered[0][1]
    assert any(0 < value < 100 for value in progress) and not opened.preread.progress.isVisible()
    assert "board.docx" in opened.statusBar().currentMessage()
    assert opened.settings.last_export("preread") == target
    # next time: the same folder and kind are offered, named after the deck
    offered = patch_dialog(monkeypatch, str(tmp_path / "again.pdf"))
    with qtbot.waitSignal(opened.preread.exported, timeout=60000):
        action.trigger()
    start = Path(offered[0][0])
    assert start.parent == tmp_path and start.suffix == ".docx" and "pre-read" in start.name
    text = subprocess.run(["pdftotext", str(tmp_path / "again.pdf"), "-"], capture_output=True, text=True).stdout
    assert "PRE-READ" in text and "Henrik Brandt" not in text  # the CEO has not agreed to be named


def test_a_pre_read_that_cannot_be_written_says_why_and_writes_nothing(
    opened: Any, prompts: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    patch_dialog(monkeypatch, str(tmp_path / "missing" / "pre-read.pdf"))
    with qtbot.waitSignal(opened.preread.failed, timeout=60000):
        opened.menus.export_preread_action.trigger()
    assert prompts.names()[-1] == "failed"
    assert str(tmp_path / "missing") in opened.statusBar().currentMessage()
    assert opened.settings.last_export("preread") is None


def test_cancelling_the_dialog_writes_nothing(opened: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patch_dialog(monkeypatch, "")
    opened.menus.export_preread_action.trigger()
    assert opened.preread.job is None and list(tmp_path.glob("*.pdf")) == []


def test_the_menu_item_is_translated_and_needs_a_workspace(window: Any) -> None:
    assert not window.menus.export_preread_action.isEnabled()
    window.set_language("da")
    assert window.menus.export_preread_action.text() == "Eksportér &forberedelse…"
